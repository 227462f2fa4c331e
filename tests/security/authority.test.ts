import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES } from "../../shared/protocol/messages.ts";
import { bootServer, createRemoteMatch, joinRemoteMatch, manualClock, memoryStore, until, type TestServer } from "../server/helpers.ts";

// The message buckets run on a clock the test moves by hand.
const clock = manualClock();
let server: TestServer;
beforeAll(async () => { server = await bootServer({ messageRate: { perSecond: 5, burst: 15 }, now: clock.now }); });
afterAll(async () => { await server.close(); });

describe("authority: refused intents change nothing and keep the client connected", () => {
  it("refuses spectators, the unseated, other seats' business, malformed, out-of-phase, stale and oversized messages, with reasons", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, memoryStore());
    const watcher = await joinRemoteMatch(server.url, host.roomId, { name: "Cy", spectator: true }, memoryStore());
    const idle = await joinRemoteMatch(server.url, host.roomId, { name: "Di" }, memoryStore());
    await until("seated", () => host.match().seats.filter((s) => s.players.length).length === 2);

    expect(await host.send("submitOrders", { orders: [] })).toMatchObject({ ok: false, code: "not-started" });
    expect(await watcher.send("claimSeat", { seat: "kazakhstan" })).toMatchObject({ ok: false, code: "spectator" });
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("bots have ordered", () => guest.view()?.phase === "orders" && watcher.view() !== null && idle.view() !== null
      && guest.view()!.seats.filter((s) => !s.submitted).map((s) => s.seat).join() === "russia,china");
    const stepBefore = host.rawState.step;

    const refusals = [
      await watcher.send("submitOrders", { orders: [] }),
      await idle.send("submitOrders", { orders: [] }),
      // Acting for another seat: the seat comes from the session, and a payload naming one is malformed.
      await guest.send("submitOrders", { orders: [], seat: "russia" } as never),
      await guest.send("answer", { decision: 1, answer: "accept" }),
      await guest.send("submitOrders", { orders: [], round: 5 }),
      await guest.send("submitOrders", { orders: [{ action: "no-such-action" }] }),
      await guest.send("submitOrders", { orders: "everything" } as never),
      await guest.send("submitOrders", { orders: [{ action: "x".repeat(MAX_MESSAGE_BYTES) }] }),
      await guest.send("kick", { sessionId: host.sessionId }),
      await guest.send("start", {}),
    ];
    expect(refusals.map((r) => (r.ok ? "ok" : r.code))).toEqual([
      "spectator", "not-seated", "bad-input", "wrong-phase", "stale", "unknown-action", "bad-input", "too-big", "not-host", "not-host",
    ]);
    for (const r of refusals) if (!r.ok) { expect(r.code).toMatch(/^[a-z-]+$/); expect(r).not.toHaveProperty("message"); }
    // Nothing changed and everyone is still connected.
    expect(host.rawState.step).toBe(stepBefore);
    expect(guest.view()!.seats.find((s) => s.seat === "china")!.submitted).toBe(false);
    for (const c of [host, guest, watcher, idle]) expect(c.status()).toBe("open");

    // Orders sent for a phase that has closed are refused too.
    expect(await guest.send("submitOrders", { orders: [], round: 1 })).toEqual({ ok: true });
    expect(await host.send("submitOrders", { orders: [], round: 1 })).toEqual({ ok: true });
    await until("orders closed", () => guest.view()!.phase !== "orders" || guest.view()!.round > 1);
    const late = await guest.send("submitOrders", { orders: [], round: 1 });
    expect(late.ok).toBe(false);
    expect(["stale", "wrong-phase"]).toContain(late.ok ? "" : late.code);
    for (const c of [host, guest, watcher, idle]) await c.leave();
  });

  it("limits each client's message rate, answering the excess with a reason, and lets it go on afterwards", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    // The clock stands still: a burst of 15 and not one message more.
    const replies = await Promise.all(Array.from({ length: 20 }, () => host.send("setReady", { ready: true })));
    expect(replies.filter((r) => r.ok)).toHaveLength(15);
    expect(replies.filter((r) => !r.ok && r.code === "rate-limited")).toHaveLength(5);
    expect(host.status()).toBe("open");
    expect(await host.send("setReady", { ready: false })).toMatchObject({ ok: false, code: "rate-limited" });
    // A second later (5 a second), it may go on.
    clock.advance(1000);
    expect(await host.send("setReady", { ready: false })).toEqual({ ok: true });
    await host.leave();
  });
});
