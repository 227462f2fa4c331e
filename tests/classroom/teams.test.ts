import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchDebrief } from "../../client/classroom/net.ts";
import type { Debrief } from "../../shared/debrief/build.ts";
import type { TeamDraft } from "../../shared/protocol/classroom.ts";
import { classStore } from "../../server/classroom/live.ts";
import { bootServer, newClass, seatOf, student, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 30 }); });
afterAll(async () => { await server.close(); });

describe("teams in a class", () => {
  it("a team shares a live draft, one member submits; the teacher renames, removes, advances; the debrief opens at the end", async () => {
    const { code, key, teacher } = await newClass(server.url, { mode: "powers" });
    const ana = await student(server.url, code, "Ana");
    const bo = await student(server.url, code, "Bo");
    const rude = await student(server.url, code, "Rude name");
    // Powers mode: only Russia and China take teams, so random teams split the three students over them.
    expect(await teacher.request("randomTeams", {})).toEqual({ ok: true });
    await until("everyone seated", () => ["Ana", "Bo", "Rude name"].every((n) => ["russia", "china"].includes(seatOf(teacher.state(), n) ?? "")));
    expect(await teacher.request("assign", { name: "Ana", seat: "china" })).toEqual({ ok: true });
    expect(await teacher.request("assign", { name: "Bo", seat: "china" })).toEqual({ ok: true });
    expect(await teacher.request("assign", { name: "Ana", seat: "kazakhstan" })).toMatchObject({ ok: false, code: "unknown-seat" });
    expect(await teacher.request("rename", { name: "Rude name", to: "Dana" })).toEqual({ ok: true });
    await until("renamed", () => rude.creds.name === "Dana" && seatOf(teacher.state(), "Dana") !== undefined);
    expect(await teacher.request("remove", { name: "Dana" })).toEqual({ ok: true });
    await until("removed", () => rude.status === "removed" && seatOf(teacher.state(), "Dana") === undefined);

    expect(await ana.request("submitOrders", { orders: [] })).toMatchObject({ ok: false, code: "not-started" });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders", () => ana.current!.game.view()?.phase === "orders");
    const view = ana.current!.game.view()!;
    const action = view.legal.find((l) => l.targets.length > 0 && l.options.length === 0)!;
    const order = { action: action.action, target: action.targets[0] };
    expect(await ana.request("draft", { orders: [order], round: view.round })).toEqual({ ok: true });
    await until("Bo sees Ana's draft", () => !!bo.state()?.secrets?.get("china")?.draft);
    const draft = JSON.parse(bo.state()!.secrets.get("china")!.draft) as TeamDraft;
    expect(draft).toMatchObject({ by: "Ana", orders: [order] });
    // Russia has no team here: a bot plays it.
    expect(teacher.state()!.seats.get("russia")!.controller).toBe("bot");
    expect(await bo.request("submitOrders", { orders: draft.orders, round: view.round })).toEqual({ ok: true });

    // The debrief is the teacher's alone until the game is over.
    await expect(fetchDebrief(server.url, code)).rejects.toMatchObject({ code: "not-over" });
    expect(((await fetchDebrief<Debrief>(server.url, code, key)) as Debrief).timeline.length).toBeGreaterThan(0);

    // Advancing closes the phase the class is in: teams it still waits for (China's, sooner or later) play their draft or pass.
    const matchId = classStore().load(code)!.matchId!;
    for (let i = 0; i < 100 && !server.running.records.sources(matchId).includes("timer"); i++) {
      expect(await teacher.request("advance", {})).toEqual({ ok: true });
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(server.running.records.sources(matchId)).toContain("timer");

    // The teacher hands the last team to a bot: with bots in every seat the game plays itself to the end.
    expect(await teacher.request("setSeatController", { seat: "china", controller: "bot" })).toEqual({ ok: true });
    await until("game over", () => teacher.state()!.phase === "ended", 60_000);
    const debrief = (await fetchDebrief<Debrief>(server.url, code)) as Debrief;
    expect(debrief.scores.length).toBeGreaterThan(0);
    expect(debrief.series.tension.length).toBe(debrief.series.round.length);
    const csv = (await fetchDebrief(server.url, code, undefined, "rounds.csv")) as string;
    expect(csv.split("\n")[0]).toMatch(/round/);
    for (const l of [ana, bo, teacher]) await l.stop();
  });
});
