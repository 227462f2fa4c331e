import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeRemoteMatch } from "../../client/net/remoteConnection.ts";
import { eventText, t } from "../../client/i18n/strings.ts";
import { bootServer, createRemoteMatch, joinRemoteMatch, memoryStore, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 1 }); });
afterAll(async () => { await server.close(); });

function recordOf(roomId: string): number {
  return (server.testing.getRoomById(roomId) as unknown as { recordId: number }).recordId;
}

describe("timers and connections", () => {
  it("when the order timer runs out, bots act for the seats that did not, and the game goes on", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia", timerSeconds: 1 }, memoryStore());
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("timer shown", () => host.match().timerEndsAt !== null);
    expect(host.match().timerSeconds).toBe(1);
    // The player never acts; the game reaches round 2 anyway.
    await until("round 2", () => (host.view()?.round ?? 0) >= 2, 20_000);
    expect(server.running.records.sources(recordOf(host.roomId))).toContain("timer");
    // The log tells once that a bot answered for the seat at the deadline (ids only; the client words it).
    const told = host.events().filter((e) => e.kind === "botTookOver");
    expect(told.map((e) => e.params)).toEqual([{ seat: "russia", by: "timer" }]);
    expect(eventText(told[0]!)).toMatch(/Russia/);
    expect(eventText(told[0]!)).not.toBe(t("event.unknown"));
    await host.leave();
  });

  it("after the grace period a bot plays the seat until its player returns with the seat's ticket", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const store = memoryStore();
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, store);
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("orders", () => guest.view()?.phase === "orders" && !!store.value?.ticket);
    guest.drop();
    await until("a bot stands in", () => host.match().seats.find((s) => s.seat === "china")!.controller === "bot", 10_000);
    await until("the bot has ordered for China", () => host.view()!.seats.find((s) => s.seat === "china")!.submitted || host.view()!.phase !== "orders");
    await until("the host's log tells the takeover", () => host.events().some((e) => e.kind === "botTookOver"));
    // Once the orders are revealed, the bot's reason for China's orders follows the takeover in the host's log.
    if (host.view()!.phase === "orders") expect(await host.send("submitOrders", { orders: [] })).toEqual({ ok: true });
    await until("the bot's reason for China after the takeover", () => {
      const events = host.events();
      const i = events.findIndex((e) => e.kind === "botTookOver");
      return i >= 0 && events.slice(i).some((e) => e.kind === "botReason" && e.params.seat === "china");
    }, 10_000);
    // Someone else cannot take the kept seat.
    await expect(joinRemoteMatch(server.url, host.roomId, { name: "Cy", seat: "china" }, memoryStore())).rejects.toThrow(/seat-taken.*kept/);
    const back = (await resumeRemoteMatch(server.url, store))!;
    expect(back).not.toBeNull();
    expect(back.match().you.seat).toBe("china");
    await until("a human again", () => host.match().seats.find((s) => s.seat === "china")!.controller === "human");
    expect(server.running.records.sources(recordOf(host.roomId))).toContain("away");
    // Both players' logs tell once that a bot took over China (players away).
    expect(host.events().filter((e) => e.kind === "botTookOver").map((e) => e.params)).toEqual([{ seat: "china", by: "away" }]);
    expect(back.events().filter((e) => e.kind === "botTookOver").map((e) => e.params)).toEqual([{ seat: "china", by: "away" }]);
    expect(back.view()!.seats.find((s) => s.seat === "china")!.agenda).toBeTruthy();
    await back.leave();
    await host.leave();
  });

  it("an accepted intent resolves once the player's view shows it, so no panel offers it a second time", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, memoryStore());
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("orders", () => host.view()?.phase === "orders");
    // China has not ordered yet, so the phase stays open and Russia's submission stays visible.
    const reply = await host.send("submitOrders", { orders: [], round: host.view()!.round });
    expect(reply).toEqual({ ok: true });
    expect(host.view()!.seats.find((s) => s.seat === "russia")!.submitted).toBe(true);
    await guest.leave();
    await host.leave();
  });
});
