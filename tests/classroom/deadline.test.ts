import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameView, Order } from "../../shared/engine/index.ts";
import type { PublicLogEntry } from "../../shared/protocol/state.ts";
import { timelineText } from "../../client/classroom/debriefExport.ts";
import { fetchDebrief, type ClassLink } from "../../client/classroom/net.ts";
import type { Debrief } from "../../shared/debrief/build.ts";
import { classStore } from "../../server/classroom/live.ts";
import { bootServer, newClass, student, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 30 }); });
afterAll(async () => { await server.close(); });

/** Two different one-target orders the seat can afford together (by the view's own costs and budget). */
function twoOrders(view: GameView): [Order, Order] {
  const me = view.seats.find((s) => s.seat === view.viewer)!;
  const simple = view.legal.filter((l) => l.targets.length > 0 && l.options.length === 0);
  for (const a of simple) {
    for (const b of simple) {
      if (a.action !== b.action && a.ap + b.ap <= me.ap && a.cost + b.cost <= me.funds) {
        return [{ action: a.action, target: a.targets[0] }, { action: b.action, target: b.targets[0] }];
      }
    }
  }
  throw new Error(`no two affordable orders for ${String(view.viewer)}`);
}

/** Every public event the screen has received, as [kind, params]. */
function publicEvents(l: ClassLink): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  l.state()?.log.forEach((raw) => { for (const [kind, , params] of (JSON.parse(raw) as PublicLogEntry)[1]) out.push([kind, params]); });
  return out;
}

/** China's and Russia's orders as the record holds them for round 1, with who gave them. */
function roundOneOrders(code: string) {
  const matchId = classStore().load(code)!.matchId!;
  const inputs = server.running.records.gameRecord(matchId)!.inputs;
  const sources = server.running.records.sources(matchId);
  const of = (seat: string) => {
    const i = inputs.findIndex((x) => x.type === "orders" && x.seat === seat);
    return i < 0 ? null : { orders: (inputs[i] as { orders: Order[] }).orders, source: sources[i] };
  };
  return { china: of("china"), russia: of("russia") };
}

async function classWithTeams() {
  const { code, key, teacher } = await newClass(server.url, { mode: "powers" });
  const ana = await student(server.url, code, "Ana");
  const bo = await student(server.url, code, "Bo");
  const cy = await student(server.url, code, "Cy");
  for (const [name, seat] of [["Ana", "china"], ["Bo", "china"], ["Cy", "russia"]] as const) {
    expect(await teacher.request("assign", { name, seat })).toEqual({ ok: true });
  }
  expect(await teacher.request("startClass", {})).toEqual({ ok: true });
  await until("orders open for China's team", () => ana.current?.game.view()?.phase === "orders" && !!bo.current?.game.view());
  return { code, key, teacher, ana, bo, cy, links: [teacher, ana, bo, cy] };
}

describe("a team's draft at the deadline", () => {
  it("Advance plays the unsubmitted draft's legal part (with a log line saying so); a team without a draft passes; a pause stops submissions, not drafting", async () => {
    const { code, key, teacher, ana, bo, cy, links } = await classWithTeams();
    const view = ana.current!.game.view()!;
    const [first, second] = twoOrders(view);
    // Ana drafts one order twice over: the engine will refuse the repeat, so only its first copy can be played.
    expect(await ana.request("draft", { orders: [first, first], round: view.round })).toEqual({ ok: true });

    expect(await teacher.request("pause", {})).toEqual({ ok: true });
    await until("Bo sees the pause and Ana's draft", () => bo.state()?.paused === true && !!bo.state()?.secrets?.get("china")?.draft);
    // Paused: nobody's orders land, but the team goes on thinking: Bo edits the shared draft.
    expect(await bo.request("submitOrders", { orders: [first], round: view.round })).toMatchObject({ ok: false, code: "paused" });
    expect(await bo.request("draft", { orders: [first, first, second], round: view.round })).toEqual({ ok: true });
    await until("Ana sees Bo's change", () => JSON.parse(ana.state()?.secrets?.get("china")?.draft || "{}").by === "Bo");
    // Advancing is refused while paused: the teacher resumes first.
    expect(await teacher.request("advance", {})).toMatchObject({ ok: false, code: "paused" });
    expect(await teacher.request("resume", {})).toEqual({ ok: true });
    expect(await teacher.request("advance", {})).toEqual({ ok: true });

    await until("round 1's orders are recorded for both teams", () => {
      const o = roundOneOrders(code);
      return !!o.china && !!o.russia;
    });
    const played = roundOneOrders(code);
    expect(played.china).toEqual({ orders: [first, second], source: "timer" });
    // Russia's team drafted nothing: it passes (no bot plays for it).
    expect(played.russia).toEqual({ orders: [], source: "timer" });
    await until("the log says so", () => publicEvents(cy).some(([kind]) => kind === "draftPlayed"));
    expect(publicEvents(cy)).toContainEqual(["draftPlayed", { seat: "china", played: 2, dropped: 1, by: "Bo" }]);
    expect(publicEvents(cy)).toContainEqual(["deadlinePassed", { seat: "russia" }]);
    // The debrief's timeline tells it too, in its place, and the interface words it.
    const debrief = (await fetchDebrief<Debrief>(server.url, code, key)) as Debrief;
    const note = debrief.timeline.find((e) => e.kind === "draftPlayed")!;
    expect(note).toMatchObject({ round: 1, params: { seat: "china", played: 2, dropped: 1, by: "Bo" } });
    expect(timelineText(note)).toBe("China's team did not submit: its shared draft was played at the deadline (2 orders; 1 dropped as no longer possible).");
    expect(timelineText(debrief.timeline.find((e) => e.kind === "deadlinePassed")!)).toBe("Russia's team had no orders at the deadline: it passes this round.");
    for (const l of links) await l.stop();
  });

  it("when the phase's timer runs out, the draft is what resolves, and the session keeps the log line for a reopened room", async () => {
    const { code, teacher, ana, cy, links } = await classWithTeams();
    const view = ana.current!.game.view()!;
    const [first] = twoOrders(view);
    expect(await ana.request("draft", { orders: [first], round: view.round })).toEqual({ ok: true });
    // A one-second countdown for this phase: the room's clock runs it out.
    expect(await teacher.request("setTimer", { seconds: 1 })).toEqual({ ok: true });
    await until("the timer closes round 1's orders", () => !!roundOneOrders(code).china, 10_000);
    expect(roundOneOrders(code).china).toEqual({ orders: [first], source: "timer" });
    expect(roundOneOrders(code).russia).toEqual({ orders: [], source: "timer" });
    await until("the log says so", () => publicEvents(cy).some(([kind]) => kind === "draftPlayed"));
    expect(classStore().load(code)!.notes?.map((n) => n.event.kind).sort()).toEqual(["deadlinePassed", "draftPlayed"]);
    for (const l of links) await l.stop();
  });

  it("a seat the teacher handed to a bot is played by the bot, not by the team's draft", async () => {
    const { code, teacher, ana, links } = await classWithTeams();
    const view = ana.current!.game.view()!;
    const [first] = twoOrders(view);
    expect(await ana.request("draft", { orders: [first], round: view.round })).toEqual({ ok: true });
    expect(await teacher.request("setSeatController", { seat: "china", controller: "bot" })).toEqual({ ok: true });
    await until("China's orders are in", () => !!roundOneOrders(code).china);
    expect(roundOneOrders(code).china!.source).toBe("bot");
    // The class's log tells once that a bot took over China's team, and the session keeps the line.
    await until("the log tells the takeover", () => publicEvents(ana).some(([kind]) => kind === "botTookOver"));
    expect(publicEvents(ana).filter(([kind]) => kind === "botTookOver").map(([, params]) => params)).toEqual([{ seat: "china", by: "bot" }]);
    expect(classStore().load(code)!.notes?.map((n) => n.event)).toContainEqual(expect.objectContaining({ kind: "botTookOver", params: { seat: "china", by: "bot" } }));
    for (const l of links) await l.stop();
  });
});
