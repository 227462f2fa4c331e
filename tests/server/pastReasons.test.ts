import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeRemoteMatch } from "../../client/net/remoteConnection.ts";
import { pendingSeats, type GameEvent, type GameState, type Seat } from "../../shared/engine/index.ts";
import type { PastReasons } from "../../shared/protocol/messages.ts";
import { BOT_REASON } from "../../shared/review/seen.ts";
import { PAST_REASONS_LIMIT } from "../../server/room/pastReasons.ts";
import { autoplay, bootServer, createRemoteMatch, joinRemoteMatch, memoryStore, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 30 }); });
afterAll(async () => { await server.close(); });

/** The seats the room's game waits for. */
function waitingFor(roomId: string): Seat[] {
  const game = (server.testing.getRoomById(roomId) as unknown as { host: { state: GameState } | null }).host?.state;
  return game ? pendingSeats(game) : [];
}

/** Each bot reason in a log with the event it follows (the nearest event before it that is not a reason). */
function reasonsIn(events: GameEvent[]): { explains: string; reason: GameEvent }[] {
  const out: { explains: string; reason: GameEvent }[] = [];
  let explained: GameEvent | null = null;
  for (const e of events) {
    if (e.kind !== BOT_REASON) explained = e;
    else out.push({ explains: `${explained?.kind}|${JSON.stringify(explained?.params)}`, reason: e });
  }
  return out;
}

describe("bots' reasons for the steps a page did not see arrive", () => {
  it("a player back after a refresh, and a spectator who comes in mid-game, read what a page that saw each step read", async () => {
    const store = memoryStore();
    const ana = await createRemoteMatch(server.url, { name: "Ana", seat: "kazakhstan", length: "short" }, store);
    expect(await ana.send("start", {})).toEqual({ ok: true });
    const play = autoplay(ana);
    await until("round 3", () => (ana.view()?.round ?? 0) >= 3, 60_000);
    play.stop();
    // Ana's page plays no more, so the game soon waits for her alone.
    await until("the game waits for Ana alone", () => waitingFor(ana.roomId).join() === "kazakhstan");
    // What the server finds for Ana (the same asked by a page that comes back); her page, which saw every step
    // arrive, finds as many once her own log has caught up (it can arrive a patch after the public one).
    const asked = (await ana.send("botReasons", {})) as PastReasons;
    const count = asked.reasons.reduce((n, r) => n + r.reasons.length, 0);
    await until("Ana's page has found them all", () => reasonsIn(ana.events()).length === count);
    const live = reasonsIn(ana.events());
    expect(live.some((r) => r.explains.startsWith("actionResolved|"))).toBe(true);
    expect(live.some((r) => r.explains.startsWith("offerMade|") || r.explains.startsWith("offerAnswered|"))).toBe(true);

    // A refresh: the page's memory is gone, and its new connection did not see the first two rounds arrive.
    ana.drop();
    const back = (await resumeRemoteMatch(server.url, store))!;
    expect(back).not.toBeNull();
    await until("the reasons of the rounds played are back", () => reasonsIn(back.events()).length >= live.length);
    expect(reasonsIn(back.events())).toEqual(live);

    // A spectator sees the reasons for revealed orders, and none for offers between others.
    const watcher = await joinRemoteMatch(server.url, ana.roomId, { name: "Cy", spectator: true }, memoryStore());
    const shown = live.filter((r) => r.explains.startsWith("actionResolved|"));
    await until("the spectator's reasons", () => reasonsIn(watcher.events()).length >= shown.length);
    const seen = reasonsIn(watcher.events());
    expect(seen.map((r) => [r.explains, r.reason.params])).toEqual(shown.map((r) => [r.explains, r.reason.params]));
    expect(seen.every((r) => r.reason.visibleTo === "all")).toBe(true);
    await watcher.leave();
    await back.leave();
  }, 90_000);

  it("is asked like any request: a payload that is not empty is refused, so is asking over and over, and the game is unchanged", async () => {
    const ana = await createRemoteMatch(server.url, { name: "Ana", seat: "russia", length: "short" }, memoryStore());
    expect(await ana.send("start", {})).toEqual({ ok: true });
    await until("the game waits for Ana alone, and her page shows it", () => waitingFor(ana.roomId).join() === "russia" && ana.view()!.seats.filter((s) => !s.submitted).length === 1);
    const step = ana.rawState.step;
    expect(await ana.send("botReasons", { seat: "china" } as never)).toEqual({ ok: false, code: "bad-input" });
    expect(await ana.send("botReasons", {})).toMatchObject({ ok: true, reasons: [] });
    // A page asks once each time it arrives; a connection asking over and over is refused for a while.
    const replies = [];
    for (let i = 0; i < PAST_REASONS_LIMIT.burst; i++) replies.push(await ana.send("botReasons", {}));
    expect(replies.at(-1)).toEqual({ ok: false, code: "rate-limited" });
    expect(ana.rawState.step).toBe(step);
    await ana.leave();
  });
});
