import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { classStore } from "../../server/classroom/live.ts";
import { newClass, seatOf, student, until, restartableServer } from "./helpers.ts";
import { ordersSent } from "../server/helpers.ts";

/** The same port and database at each start, as a restarted server process would have. */
const server = restartableServer("ngg-class-");
const start = server.start;
afterAll(() => server.close());
afterEach(() => { vi.useRealTimers(); });

describe("a class session lasts across a server restart", () => {
  it("everything acknowledged before the restart is there after it; students get their seats back by nickname", async () => {
    const first = await start(0);
    const url = `ws://127.0.0.1:${first.port}`;
    const { code, teacher } = await newClass(url);
    const ana = await student(url, code, "Ana");
    const bo = await student(url, code, "Bo");
    const cy = await student(url, code, "Cy");
    for (const [name, seat] of [["Ana", "russia"], ["Bo", "russia"], ["Cy", "china"]] as const) {
      expect(await teacher.request("assign", { name, seat })).toEqual({ ok: true });
    }
    expect(await teacher.request("lock", { locked: true })).toEqual({ ok: true });
    expect(await teacher.request("setTimer", { seconds: 600 })).toEqual({ ok: true });
    // The phase's countdown is read from the date: the test holds the date still and moves it by hand, so the time
    // left is an exact number rather than whatever the machine's pace made it.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const startedAt = Date.now();
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders open", () => ana.current!.game.view()?.phase === "orders");
    const round = ana.current!.game.view()!.round;
    // Bo submits for Russia's team; China has not submitted when the server goes down mid-round.
    expect(await bo.request("submitOrders", { orders: [], round })).toEqual({ ok: true });
    // Cy starts China's shared draft; the team will find it again after the restart.
    const legal = cy.current!.game.view()!.legal[0]!;
    const order = { action: legal.action, ...(legal.targets[0] ? { target: legal.targets[0] } : {}), ...(legal.options[0] ? { option: legal.options[0] } : {}) };
    expect(await cy.request("draft", { orders: [order], round })).toEqual({ ok: true });
    expect(await teacher.request("broadcast", { text: "Back after the break" })).toEqual({ ok: true });
    vi.setSystemTime(startedAt + 42_000);
    expect(await teacher.request("pause", {})).toEqual({ ok: true });
    // What the server acknowledged (and bots played) before going down: every accepted input is on disk.
    const matchId = classStore().load(code)!.matchId!;
    const acknowledged = first.records.gameRecord(matchId)!.inputs;
    await until("the teacher's screen has caught up", () => ordersSent(teacher.state()!) === acknowledged.length && teacher.state()!.paused);
    const stepBefore = teacher.state()!.step;
    // Pausing wrote down what was left of the phase's 600 seconds.
    const clockBefore = classStore().load(code)!.clock!;
    expect(clockBefore.phase).toBe(`${round}|orders`);
    expect(clockBefore.expired).toBe(false);
    expect(clockBefore.leftMs).toBe(600_000 - 42_000);
    const logBefore = teacher.state()!.log.length;

    const port = first.port;
    await first.close();
    await until("everyone sees the room go", () => [teacher, ana, bo, cy].every((l) => l.status === "reconnecting"));
    const second = await start(port);
    const records = second.records;

    // The links retry on their own: the teacher reopens with the key, then students find the room by code.
    await until("all back", () => [teacher, ana, bo, cy].every((l) => l.status === "open"), 30_000);
    const after = teacher.state()!;
    expect(after.step).toBe(stepBefore);
    expect(ordersSent(after)).toBe(acknowledged.length);
    expect(after.log.length).toBe(logBefore);
    expect(after.round).toBe(round);
    expect(after.phase).toBe("orders");
    expect(after.paused).toBe(true);
    expect(after.locked).toBe(true);
    expect(after.broadcast).toBe("Back after the break");
    expect(after.timerSeconds).toBe(600);
    expect(after.seats.get("russia")!.submitted).toBe(true);
    expect(after.seats.get("china")!.submitted).toBe(false);
    expect([...after.seats.get("russia")!.players]).toEqual(["Ana", "Bo"]);
    expect(seatOf(after, "Cy")).toBe("china");
    await until("Cy sees China's secret again", () => !!cy.state()?.secrets?.get("china")?.agenda);
    expect(cy.current!.game.match().you.seat).toBe("china");
    // China's shared draft came back as Cy left it.
    await until("China's draft is back", () => !!cy.state()?.secrets?.get("china")?.draft);
    expect(JSON.parse(cy.state()!.secrets.get("china")!.draft)).toEqual({ orders: [order], round, by: "Cy" });
    // The time left came back too: still paused, with what was left before the restart (not the full 600 s).
    expect(classStore().load(code)!.clock).toEqual(clockBefore);
    // The record holds every acknowledged input, Russia's orders among them.
    const record = records.gameRecord(matchId)!;
    expect(record.inputs).toEqual(acknowledged);
    expect(record.inputs.some((i) => i.type === "orders" && i.seat === "russia")).toBe(true);

    // Locked: a new nickname cannot join; paused: orders wait for the teacher.
    await expect(student(url, code, "Newcomer")).rejects.toThrow(/locked/);
    expect(await cy.request("submitOrders", { orders: [], round })).toMatchObject({ ok: false, code: "paused" });
    // The restart took no time on the held date: the countdown goes on with exactly what was left.
    vi.setSystemTime(startedAt + 100_000);
    expect(await teacher.request("resume", {})).toEqual({ ok: true });
    await until("the countdown runs again", () => teacher.state()!.timerEndsAt > 0);
    expect(teacher.state()!.timerEndsAt).toBe(startedAt + 100_000 + clockBefore.leftMs!);
    expect(await cy.request("submitOrders", { orders: [], round })).toEqual({ ok: true });
    // China's orders were the last owed: the orders phase closes (what follows may wait on Russia's team).
    await until("the orders phase closes", () => teacher.state()!.phase !== "orders" || teacher.state()!.round > round);
    for (const l of [ana, bo, cy, teacher]) await l.stop();
  });
});
