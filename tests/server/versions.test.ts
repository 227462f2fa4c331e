import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { resumeRemoteMatch } from "../../client/net/remoteConnection.ts";
import { RULES_VERSION } from "../../shared/engine/index.ts";
import { createRemoteMatch, joinRemoteMatch, memoryStore, ordersSent, until } from "./helpers.ts";
import { oneDatabase } from "./oneDatabase.ts";
import { newClass, student } from "../classroom/helpers.ts";
import { classStore } from "../../server/classroom/live.ts";

const servers = oneDatabase("ngg-versions-");
const dbPath = servers.dbPath;
const start = servers.start;
afterAll(() => servers.cleanup());

/** Plays until both players have answered a few phases, then returns the acknowledged step. */
async function playSome(a: Awaited<ReturnType<typeof createRemoteMatch>>, b: typeof a): Promise<void> {
  for (let i = 0; i < 60 && a.view()!.round < 2; i++) {
    for (const c of [a, b]) {
      const v = c.view()!;
      if (!v.owes) continue;
      const open = v.decisions.find((d) => d.seat === v.viewer && d.answer === null);
      if (open) await c.send("answer", { decision: open.id, answer: open.defaultAnswer, round: v.round });
      else if (v.phase === "orders") await c.send("submitOrders", { orders: [], round: v.round });
    }
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe("versioned records", () => {
  it("a match is recorded with its rules version and a digest per step; a record that no longer replays comes back read-only", async () => {
    const first = await start(0);
    const port = first.port;
    const url = `ws://127.0.0.1:${port}`;
    const storeA = memoryStore();
    const storeB = memoryStore();
    const ana = await createRemoteMatch(url, { name: "Ana", seat: "russia", botLevel: "easy" }, storeA);
    const bo = await joinRemoteMatch(url, ana.roomId, { name: "Bo", seat: "china" }, storeB);
    expect(await ana.send("start", {})).toEqual({ ok: true });
    await until("orders", () => ana.view()?.phase === "orders");
    await playSome(ana, bo);
    await until("round 2", () => ana.view()!.round >= 2);
    const matchId = first.records.matchesOfRoom(ana.roomId)[0]!.id;
    const record = first.records.gameRecord(matchId)!;
    expect(record.rulesVersion).toBe(RULES_VERSION);
    expect(record.digests!.length).toBe(record.inputs.length);
    // The table's bot level is part of the game (Great Powers par follows it), so a restored game keeps it.
    expect(record.options.botLevel).toBe("easy");
    expect(ana.view()!.options.botLevel).toBe("easy");
    const savedA = { ...storeA.value! };
    await first.close();

    // The rules "change": one step's digest no longer matches what the current engine computes, in round 1.
    const db = new Database(dbPath);
    const steps = record.inputs.length;
    const at = 3;
    db.prepare("UPDATE inputs SET digest = ? WHERE match_id = ? AND idx = ?").run("0000000000000000", matchId, at);
    db.prepare("UPDATE matches SET rules_version = ? WHERE id = ?").run("older-rules", matchId);
    db.close();

    await start(port);
    const page = memoryStore();
    page.value = savedA;
    const back = (await resumeRemoteMatch(url, page))!;
    expect(back).not.toBeNull();
    await until("the game shows", () => !!back.view());
    expect(back.match().rulesChanged).toEqual({ round: 1 });
    // Shown as it stood after the last matching step, and refused from there on.
    expect(back.view()!.phase).toBe("orders");
    expect(ordersSent(back.rawState)).toBe(at);
    const v = back.view()!;
    expect(await back.send("submitOrders", { orders: [], round: v.round })).toMatchObject({ ok: false, code: "rules-changed" });
    // Its debrief material (events, chart history) is all there up to that step; nothing was cut from the record.
    expect(back.events().length).toBeGreaterThan(0);
    expect(servers.running!.records.gameRecord(matchId)!.inputs.length).toBe(steps);
    await back.leave();
    await ana.leave().catch(() => {});
    await bo.leave().catch(() => {});
  });

  it("a class whose record no longer replays: read-only for the teacher and the teams, its debrief open to all as far as it replays", async () => {
    const first = await start(0);
    const port = first.port;
    const url = `ws://127.0.0.1:${port}`;
    const { code, teacher } = await newClass(url);
    const ana = await student(url, code, "Ana");
    expect(await teacher.request("assign", { name: "Ana", seat: "russia" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders", () => ana.current?.game.view()?.phase === "orders");
    expect(await ana.request("submitOrders", { orders: [], round: 1 })).toEqual({ ok: true });
    await until("round 1's orders are in", () => teacher.state()!.phase !== "orders" || teacher.state()!.round > 1);
    const matchId = classStore().load(code)!.matchId!;
    const steps = first.records.gameRecord(matchId)!.inputs.length;
    expect(steps).toBeGreaterThan(4);
    await first.close();

    const db = new Database(dbPath);
    db.prepare("UPDATE inputs SET digest = ? WHERE match_id = ? AND idx = ?").run("0000000000000000", matchId, 2);
    db.close();

    await start(port);
    await until("the teacher is back", () => teacher.status === "open" && (teacher.state()?.rulesChanged ?? 0) > 0, 30_000);
    expect(teacher.state()!.rulesChanged).toBe(1);
    expect(teacher.state()!.phase).toBe("orders");
    expect(ordersSent(teacher.state()!)).toBe(2);
    await until("Ana is back", () => ana.status === "open" && !!ana.state());
    expect(await ana.request("submitOrders", { orders: [], round: 1 })).toMatchObject({ ok: false, code: "rules-changed" });
    // The debrief, without the teacher's key: the game as far as it replays.
    const res = await fetch(`http://127.0.0.1:${port}/api/class/${code}/debrief`);
    expect(res.status).toBe(200);
    const debrief = await res.json();
    expect(debrief.endReason).toBeNull();
    expect(debrief.timeline.length).toBeGreaterThan(0);
    for (const l of [teacher, ana]) await l.stop();
  });
});
