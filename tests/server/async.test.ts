import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setReminders, type PhaseOpened } from "../../server/room/reminders.ts";
import { bootServer, createRemoteMatch, joinRemoteMatch, memoryStore, until, type TestServer } from "./helpers.ts";

let server: TestServer;
const opened: PhaseOpened[] = [];
beforeAll(async () => {
  server = await bootServer();
  setReminders({ phaseOpened: (e) => void opened.push(e) });
});
afterAll(async () => {
  setReminders(null);
  await server.close();
});

describe("asynchronous play", () => {
  it("a match with 24 hours per phase: the deadline is an absolute time, the status route says whose move it is, reminders hear of each phase", async () => {
    const day = 24 * 3600;
    const ana = await createRemoteMatch(server.url, { name: "Ana", seat: "russia", timerSeconds: day, botLevel: "easy" }, memoryStore());
    const bo = await joinRemoteMatch(server.url, ana.roomId, { name: "Bo", seat: "china" }, memoryStore());
    const before = Date.now();
    expect(await ana.send("start", {})).toEqual({ ok: true });
    await until("orders", () => ana.view()?.phase === "orders" && !!ana.view()!.owes);
    const deadline = ana.match().timerEndsAt!;
    expect(deadline).toBeGreaterThanOrEqual(before + day * 1000);
    expect(deadline).toBeLessThan(Date.now() + day * 1000 + 1000);

    const status = await fetch(`${server.http}/api/match/${ana.roomId}/status`).then((r) => r.json());
    expect(status).toMatchObject({ name: "Ana", started: true, ended: false, round: 1, phase: "orders", deadline, timerSeconds: day });
    expect(status.waitingFor).toEqual(expect.arrayContaining(["russia", "china"]));
    expect((await fetch(`${server.http}/api/match/nosuchroom/status`)).status).toBe(404);

    // The phase that opened at the start waits for both human seats: the reminders' extension point heard of it.
    expect(opened.find((e) => e.roomId === ana.roomId)).toMatchObject({ round: 1, phase: "orders", seats: ["russia", "china"], deadline });
    expect(await ana.send("submitOrders", { orders: [], round: 1 })).toEqual({ ok: true });
    const after = await fetch(`${server.http}/api/match/${ana.roomId}/status`).then((r) => r.json());
    expect(after.waitingFor).not.toContain("russia");
    expect(after.waitingFor).toContain("china");
    await ana.leave();
    await bo.leave();
  });

  it("a phase may last up to a week; longer is refused", async () => {
    await expect(createRemoteMatch(server.url, { name: "Ana", timerSeconds: 7 * 24 * 3600 + 1 }, memoryStore())).rejects.toThrow();
    const ok = await createRemoteMatch(server.url, { name: "Ana", timerSeconds: 7 * 24 * 3600 }, memoryStore());
    expect(ok.match().timerSeconds).toBe(7 * 24 * 3600);
    await ok.leave();
  });
});
