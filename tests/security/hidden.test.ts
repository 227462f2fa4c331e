import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeRemoteMatch, type RemoteConnection } from "../../client/net/remoteConnection.ts";
import { decide } from "../../shared/bots/decide.ts";
import { autoplay, bootServer, bytesContain, createRemoteMatch, framesOf, joinRemoteMatch, memoryStore, tapFrames, until, type TestServer } from "../server/helpers.ts";

let server: TestServer;
beforeAll(async () => {
  tapFrames();
  server = await bootServer();
});
afterAll(async () => { await server.close(); });

/** Nothing of Russia's secret side reaches this client: not in the decoded state, the view, the log or the raw bytes. */
function secretSeats(conn: RemoteConnection): string[] {
  // The map is absent for a client allowed to see none of it.
  return conn.rawState.secrets ? [...conn.rawState.secrets.keys()] : [];
}

function expectNoRussianSecrets(conn: RemoteConnection, canaries: string[]): void {
  const state = conn.rawState;
  const own = conn.match().you.seat;
  expect(secretSeats(conn)).toEqual(own ? [own] : []);
  if (state.phase !== "ended") expect(state.seats.get("russia")!.agenda).toBe("");
  const view = conn.view()!;
  const russia = view.seats.find((s) => s.seat === "russia")!;
  expect(russia.orders).toBeNull();
  if (view.phase !== "ended") expect(russia.agenda).toBeNull();
  for (const d of view.decisions) expect(d.seat === own || d.from === own).toBe(true);
  for (const e of conn.events()) expect(e.visibleTo === "all" || (own !== null && e.visibleTo.includes(own))).toBe(true);
  for (const canary of canaries) expect(bytesContain(framesOf(conn), canary)).toBe(false);
}

describe("hidden information", () => {
  it("a second seat, a spectator, a late joiner and a reconnecting client never receive another seat's secrets", async () => {
    const hostStore = memoryStore();
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia", length: "short" }, hostStore);
    const guestStore = memoryStore();
    const guest = await joinRemoteMatch(server.url, host.match().code!, { name: "Bo", seat: "china" }, guestStore);
    const watcher = await joinRemoteMatch(server.url, host.roomId, { name: "Cy", spectator: true }, memoryStore());
    await until("guest seated", () => host.match().seats.some((s) => s.seat === "china" && s.players.length === 1));
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("orders open", () => host.view()?.phase === "orders" && guest.view()?.phase === "orders");

    // Russia plans its orders; China has not submitted, so the phase stays open with Russia's orders pending.
    const view = host.view()!;
    const plan = decide("baseline", view, 1)!.input;
    expect(plan.type).toBe("orders");
    const orders = plan.type === "orders" ? plan.orders : [];
    expect(orders.length).toBeGreaterThan(0);
    expect(await host.send("submitOrders", { orders, round: view.round })).toEqual({ ok: true });
    await until("own orders visible", () => (host.view()!.seats.find((s) => s.seat === "russia")!.orders ?? []).length > 0);
    const secret = host.rawState.secrets.get("russia")!;
    const canaries = [secret.ticket, secret.orders];
    expect(secret.ticket.length).toBeGreaterThan(10);
    // The search works: Russia's own client did receive both.
    for (const canary of canaries) expect(bytesContain(framesOf(host), canary)).toBe(true);
    expect(host.view()!.seats.find((s) => s.seat === "russia")!.agenda).toBeTruthy();

    // A late joiner arrives now, and China drops and comes back with its token.
    const late = await joinRemoteMatch(server.url, host.roomId, { name: "Di", spectator: true }, memoryStore());
    const guestSession = guest.sessionId;
    guest.drop();
    await until("guest seen as dropped", () => host.match().seats.find((s) => s.seat === "china")!.connected === false);
    const back = (await resumeRemoteMatch(server.url, guestStore))!;
    expect(back).not.toBeNull();
    expect(back.sessionId).toBe(guestSession);
    expect(back.match().you.seat).toBe("china");
    expect(secretSeats(back)).toEqual(["china"]);
    await until("late joiner and returning guest have the game", () => late.view()?.phase === "orders" && back.view()?.phase === "orders");

    for (const conn of [guest, watcher, late, back]) expectNoRussianSecrets(conn, canaries);
    // The spectators see no seat's secrets at all, and a spectator's view has no legal actions.
    expect(secretSeats(watcher)).toEqual([]);
    expect(late.view()!.legal).toEqual([]);

    // The game goes on to its end with nothing leaking on the way.
    const a = autoplay(host);
    const b = autoplay(back);
    await until("game over", () => back.view()?.phase === "ended" && late.view()?.phase === "ended", 50_000);
    a.stop();
    b.stop();
    for (const conn of [back, watcher, late]) {
      for (const canary of canaries) expect(bytesContain(framesOf(conn), canary)).toBe(false);
      expect(secretSeats(conn)).not.toContain("russia");
    }
    // Once the game is over every agenda is public.
    expect(late.view()!.seats.every((s) => !!s.agenda)).toBe(true);
    for (const c of [host, back, watcher, late]) await c.leave();
  });
});
