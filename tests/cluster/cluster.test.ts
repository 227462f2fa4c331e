import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../../server/cluster/cluster.ts";
import { PostgresStore } from "../../server/postgres.ts";
import { resumeRemoteMatch, type StoredSession } from "../../client/net/remoteConnection.ts";
import { memoryStore, autoplay, createRemoteMatch, eventually, expectCoherentEnd, joinRemoteMatch, ordersSent, until } from "../server/helpers.ts";
import { link, newDevice, seatOf } from "../classroom/helpers.ts";
import { createClass } from "../../client/classroom/net.ts";

/*
 * The scaled mode with real services: Redis and PostgreSQL 15 started by the test (temporary folders, free ports),
 * two game processes and the entry point (npm run start:cluster's code). `/pN` in a URL goes to process N; a URL
 * without it goes to the processes in turn. Everything is stopped and removed in afterAll, failed or not.
 */

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({ processes: 2, port: 0, quiet: true, env: { LIMITS: "roomCreations=1000/100 roomCreationsPerConnection=1000/100 codeMisses=5/0.001" } });
}, 120_000);
afterAll(async () => { await cluster?.stop(); }, 60_000);

/** Process 1, started again (same port and address) if an earlier test killed it. */
async function processOne() {
  const p1 = cluster.processes[0]!;
  if (p1.child.exitCode !== null || p1.child.signalCode !== null) await p1.restart();
  return p1;
}

const via = (n: number) => `ws://localhost:${cluster.port}/p${n}`;
const http = (n: number | null, path: string) => `http://localhost:${cluster.port}${n === null ? "" : `/p${n}`}${path}`;

describe("several processes on Redis and PostgreSQL", () => {
  it("a private match created through process 1 is joined by code through process 2 and played to its end", async () => {
    const host = await createRemoteMatch(via(1), { name: "Ana", seat: "russia", length: "short" }, memoryStore());
    const code = host.match().code!;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    // Process 2 never saw this room: the code resolves through Redis, the seat is reserved by process 1.
    const looked = await fetch(http(2, `/api/code/${code}`)).then((r) => r.json()) as { roomId: string };
    expect(looked.roomId).toBe(host.roomId);
    const guest = await joinRemoteMatch(via(2), code, { name: "Bo", seat: "china" }, memoryStore());
    expect(guest.roomId).toBe(host.roomId);
    await until("both seated", () => host.match().seats.filter((s) => s.players.length > 0).length === 2);
    const playA = autoplay(host);
    const playB = autoplay(guest);
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("game over", () => host.view()?.phase === "ended" && guest.view()?.phase === "ended", 90_000, () => host.view()?.round);
    playA.stop();
    playB.stop();
    expect(playB.replies.length).toBeGreaterThan(0);
    expect([...playA.replies, ...playB.replies].every((r) => r.ok)).toBe(true);
    expectCoherentEnd(host.view()!, host.events());
    // The record in PostgreSQL has every input, and the match is marked over.
    const store = await PostgresStore.open(cluster.databaseUrl);
    try {
      const [match] = await store.matchesOfRoom(host.roomId);
      expect(match!.endedAt).not.toBeNull();
      const sources = await store.sources(match!.id);
      expect(sources).toContain("human");
      expect(sources).toContain("bot");
    } finally {
      await store.close();
    }
    await guest.leave();
    await host.leave();
  }, 150_000);

  it("the lobby lists public matches from both processes, asked through either", async () => {
    const one = await createRemoteMatch(via(1), { name: "Cy", public: true }, memoryStore());
    const two = await createRemoteMatch(via(2), { name: "Di", public: true }, memoryStore());
    for (const n of [1, 2]) {
      const list = await eventually(`process ${n}'s lobby lists both`, () => fetch(http(n, "/api/matches")).then((r) => r.json()) as Promise<{ roomId: string }[]>,
        (l) => [one.roomId, two.roomId].every((id) => l.some((m) => m.roomId === id)));
      expect(list.length).toBeGreaterThanOrEqual(2);
    }
    await one.leave();
    await two.leave();
  }, 60_000);

  it("a class opened through both processes at the same moment gets one room", async () => {
    const { code, key } = await createClass(via(2), { name: "Class 7A", length: "short" });
    const open = (n: number) => fetch(http(n, `/api/class/${code}/open`), { method: "POST", headers: { "x-teacher-key": key } }).then((r) => r.json()) as Promise<{ roomId: string }>;
    const [a, b, c, d] = await Promise.all([open(1), open(2), open(1), open(2)]);
    expect(a.roomId).toBeTruthy();
    expect(new Set([a.roomId, b.roomId, c.roomId, d.roomId]).size).toBe(1);
    const found = await fetch(http(2, `/api/class/${code}`)).then((r) => r.json()) as { roomId: string };
    expect(found.roomId).toBe(a.roomId);
  });

  it("a match on process 1 is restored on process 2 after process 1 is killed: players come back with their tickets, nothing acknowledged lost", async () => {
    const storeA = memoryStore();
    const storeB = memoryStore();
    const ana = await createRemoteMatch(via(1), { name: "Ana", seat: "russia", timerSeconds: 600, botLevel: "easy" }, storeA);
    const bo = await joinRemoteMatch(via(1), ana.match().code!, { name: "Bo", seat: "china" }, storeB);
    expect(await ana.send("start", {})).toEqual({ ok: true });
    await until("orders are open for both", () => !!ana.view()?.owes && !!bo.view()?.owes && ana.view()!.phase === "orders");
    const round = ana.view()!.round;
    expect(await ana.send("submitOrders", { orders: [], round })).toEqual({ ok: true });
    await until("the bots have sent theirs", () => ana.view()!.seats.filter((s) => s.submitted).length === ana.view()!.seats.length - 1);
    const stepBefore = ana.rawState.step;
    const logBefore = ana.events().length;
    // What each browser keeps, as it stood. A browser keeps the one address it plays at (the entry point); here the
    // test's /pN addresses stand for "whichever process the entry point picks", so the copy names process 2's.
    const copy = (from: { value: StoredSession | null }) => Object.assign(memoryStore(), { value: { ...JSON.parse(JSON.stringify(from.value)), url: via(2) } as StoredSession });
    const savedA = copy(storeA);
    const savedB = copy(storeB);
    expect(savedA.value!.ticket).toBeTruthy();

    const p1 = await processOne();
    const gone = new Promise((res) => p1.child.once("exit", res));
    p1.child.kill("SIGKILL");
    await gone;
    await until("both pages see the connection go", () => ana.status() !== "open" && bo.status() !== "open");

    // The pages come back through process 2 (as after a refresh): the room is opened there from PostgreSQL, and the
    // seats' tickets take the seats back.
    const ana2 = (await resumeRemoteMatch(via(2), savedA))!;
    const bo2 = (await resumeRemoteMatch(via(2), savedB))!;
    expect(ana2).not.toBeNull();
    expect(bo2).not.toBeNull();
    await until("Ana sees the game again", () => ana2.view()?.round === round && ana2.match().you.seat === "russia");
    expect(ana2.roomId).toBe(ana.roomId);
    expect(ana2.rawState.step).toBe(stepBefore);
    expect(ana2.events().length).toBe(logBefore);
    expect(ana2.view()!.seats.find((s) => s.seat === "russia")!.submitted).toBe(true);
    expect(bo2.match().you.seat).toBe("china");
    expect(await bo2.send("submitOrders", { orders: [], round })).toEqual({ ok: true });
    // China's orders were the last the phase waited for. What comes next depends on the game's seed (an offer to a
    // player waits for that player), so the test asks only that the orders phase is over.
    await until("the orders phase closes", () => !(ana2.view()!.round === round && ana2.view()!.phase === "orders"));
    for (const c of [ana, bo, ana2, bo2]) await c.leave().catch(() => {});
  }, 150_000);

  it("a crashed match asked for through both processes at the same moment is brought back in one room", async () => {
    const p1 = await processOne();
    const ana = await createRemoteMatch(via(1), { name: "Ana", seat: "russia", timerSeconds: 600, botLevel: "easy" }, memoryStore());
    const bo = await joinRemoteMatch(via(1), ana.match().code!, { name: "Bo", seat: "china" }, memoryStore());
    expect(await ana.send("start", {})).toEqual({ ok: true });
    await until("orders are open", () => ana.view()?.phase === "orders");
    const gone = new Promise((res) => p1.child.once("exit", res));
    p1.child.kill("SIGKILL");
    await gone;
    await processOne();
    // Rooms each process holds, once nothing is opening or closing (earlier tests' rooms may still be winding down).
    const rooms = async () => Promise.all([1, 2].map((n) => fetch(http(n, "/health")).then((r) => r.json()).then((h: { rooms: number }) => h.rooms)));
    let before = await rooms();
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const again = await rooms();
      if (again.join() === before.join()) break;
      before = again;
    }
    const open = (n: number) => fetch(http(n, `/api/match/${ana.roomId}/open`), { method: "POST" }).then((r) => r.json()) as Promise<{ roomId?: string }>;
    const answers = await Promise.all([open(1), open(2), open(1), open(2)]);
    expect(answers.map((a) => a.roomId)).toEqual([ana.roomId, ana.roomId, ana.roomId, ana.roomId]);
    const after = await rooms();
    expect(after[0]! + after[1]! - before[0]! - before[1]!).toBe(1);
    for (const c of [ana, bo]) await c.leave().catch(() => {});
  }, 150_000);

  it("a class hosted on process 1 resumes on process 2 after process 1 is killed, with nothing acknowledged lost", async () => {
    const p1 = await processOne();
    const { code, key } = await createClass(via(1), { name: "Class 9B", length: "short" });
    // The room opens on process 1 (the process asked), before anyone joins through the entry point.
    const opened = await fetch(http(1, `/api/class/${code}/open`), { method: "POST", headers: { "x-teacher-key": key } }).then((r) => r.json()) as { roomId: string };
    const entry = `ws://localhost:${cluster.port}`;
    const teacher = await link({ url: entry, code, role: "teacher", key });
    const ana = await link({ url: entry, code, role: "student", name: "Ana", device: newDevice() });
    const bo = await link({ url: entry, code, role: "student", name: "Bo", device: newDevice() });
    expect(teacher.current!.room.roomId).toBe(opened.roomId);
    for (const [name, seat] of [["Ana", "russia"], ["Bo", "china"]] as const) {
      expect(await teacher.request("assign", { name, seat })).toEqual({ ok: true });
    }
    expect(await teacher.request("lock", { locked: true })).toEqual({ ok: true });
    expect(await teacher.request("setTimer", { seconds: 600 })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders open", () => ana.current!.game.view()?.phase === "orders");
    const round = ana.current!.game.view()!.round;
    expect(await ana.request("submitOrders", { orders: [], round })).toEqual({ ok: true });
    const legal = bo.current!.game.view()!.legal[0]!;
    const order = { action: legal.action, ...(legal.targets[0] ? { target: legal.targets[0] } : {}), ...(legal.options[0] ? { option: legal.options[0] } : {}) };
    expect(await bo.request("draft", { orders: [order], round })).toEqual({ ok: true });
    expect(await teacher.request("broadcast", { text: "Still here" })).toEqual({ ok: true });
    expect(await teacher.request("pause", {})).toEqual({ ok: true });
    await until("the teacher's screen has caught up", () => teacher.state()!.paused && teacher.state()!.broadcast === "Still here");
    const stepBefore = teacher.state()!.step;
    const sentBefore = ordersSent(teacher.state()!);
    const logBefore = teacher.state()!.log.length;

    const gone = new Promise((res) => p1.child.once("exit", res));
    p1.child.kill("SIGKILL");
    await gone;

    // What PostgreSQL kept when process 1 died: every acknowledged input and change.
    const store = await PostgresStore.open(cluster.databaseUrl);
    let acknowledged: unknown[];
    try {
      const session = (await store.loadClass(code))!;
      expect(session.locked).toBe(true);
      expect(session.paused).toBe(true);
      expect(session.broadcast).toBe("Still here");
      expect(session.roster.map((r) => [r.name, r.seat])).toEqual([["Ana", "russia"], ["Bo", "china"]]);
      acknowledged = (await store.gameRecord(session.matchId!))!.inputs;
      expect(acknowledged.length).toBe(sentBefore);
      expect(acknowledged.some((i) => (i as { type: string; seat?: string }).type === "orders" && (i as { seat?: string }).seat === "russia")).toBe(true);
    } finally {
      await store.close();
    }

    // The links come back on their own through the entry point, which now reaches process 2 only.
    await until("all back on process 2", () => [teacher, ana, bo].every((l) => l.status === "open" && l.current!.room.roomId !== opened.roomId), 60_000,
      () => [teacher, ana, bo].map((l) => l.status));
    const after = teacher.state()!;
    expect(after.step).toBe(stepBefore);
    expect(after.log.length).toBe(logBefore);
    expect(after.round).toBe(round);
    expect(after.phase).toBe("orders");
    expect(after.paused).toBe(true);
    expect(after.locked).toBe(true);
    expect(after.broadcast).toBe("Still here");
    expect(after.timerSeconds).toBe(600);
    expect(after.seats.get("russia")!.submitted).toBe(true);
    expect(after.seats.get("china")!.submitted).toBe(false);
    expect(seatOf(after, "Bo")).toBe("china");
    await until("China's draft is back", () => !!bo.state()?.secrets?.get("china")?.draft);
    expect(JSON.parse(bo.state()!.secrets.get("china")!.draft)).toMatchObject({ orders: [order], round });
    // And the class goes on: resumed, China's orders close the phase.
    expect(await teacher.request("resume", {})).toEqual({ ok: true });
    expect(await bo.request("submitOrders", { orders: [], round })).toEqual({ ok: true });
    await until("the orders phase closes", () => teacher.state()!.phase !== "orders" || teacher.state()!.round > round);
    for (const l of [ana, bo, teacher]) await l.stop();
  }, 150_000);

  it("the per-address budgets are shared: code misses spent through process 1 are gone on process 2, whatever X-Forwarded-For a client writes", async () => {
    // Last in the file: it spends this address's code budget, which every test here shares (all come from 127.0.0.1).
    await processOne();
    const miss = (n: number, i: number) => fetch(http(n, "/api/code/ZZZZZZ"), { headers: { "x-forwarded-for": `10.0.0.${i}` } }).then((r) => r.status);
    // Five misses (the budget set for this cluster, refilling one per ~17 minutes) through process 1...
    for (let i = 0; i < 5; i++) expect(await miss(1, i)).toBe(404);
    // ...and process 2 refuses the next, even for a code that exists, as process 1 does.
    expect(await miss(2, 9)).toBe(429);
    expect(await miss(1, 10)).toBe(429);
  });
});
