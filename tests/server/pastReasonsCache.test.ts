import { describe, expect, it } from "vitest";
import { decide } from "../../shared/bots/decide.ts";
import { viewFor, type Seat } from "../../shared/engine/index.ts";
import { GameHost } from "../../shared/host/GameHost.ts";
import { PAST_REASONS_LIMIT, pastReasons, PastReasonsCache } from "../../server/room/pastReasons.ts";
import type { FakeClock } from "../host/fakeClock.ts";
import { setup } from "../host/hostSetup.ts";

/** A game host with Kazakhstan played by hand and every other seat a baseline bot deciding at once. */
function host(): { host: GameHost; clock: FakeClock } {
  const { clock, deps } = setup();
  const h = GameHost.start({ mode: "full", length: "short", seats: { kazakhstan: "human" } }, 11, 0, deps);
  h.setPresence(1);
  return { host: h, clock };
}

describe("the room's kept answers to botReasons", () => {
  it("answer a repeated request without replaying the record, and anew once the game has moved on", async () => {
    const { host: h, clock } = host();
    await clock.advance(0);
    const bots = new Set<Seat>(h.state.seatOrder.filter((s) => s !== "kazakhstan"));
    const none = () => [];
    const cache = new PastReasonsCache();
    expect(h.apply({ type: "orders", seat: "kazakhstan", orders: [] }, "human")).toEqual({ ok: true });
    await clock.advance(0);
    const first = cache.get(h, "kazakhstan", none, bots);
    expect(first.length).toBeGreaterThan(0);
    expect(first).toEqual(pastReasons(h, "kazakhstan", none, bots));
    // The same question at the same step: the same answer, not worked out again.
    expect(cache.get(h, "kazakhstan", none, bots)).toBe(first);
    // Another viewer has its own answer: a spectator reads no reasons for offers made to Kazakhstan.
    const watcher = cache.get(h, "spectator", none, bots);
    expect(watcher.every((r) => r.kind === "actionResolved")).toBe(true);
    expect(watcher.length).toBeLessThanOrEqual(first.length);
    // The game moves on: the next answer is worked out from the longer record.
    for (let i = 0; i < 100 && h.state.phase !== "ended" && h.state.round < 3; i++) {
      const mine = decide("baseline", viewFor(h.state, "kazakhstan"), i);
      if (mine) h.apply(mine.input, "human");
      await clock.advance(0);
    }
    expect(h.state.round).toBeGreaterThanOrEqual(3);
    const later = cache.get(h, "kazakhstan", none, bots);
    expect(later).not.toBe(first);
    expect(later).toEqual(pastReasons(h, "kazakhstan", none, bots));
    expect(later.length).toBeGreaterThan(first.length);
    h.stop();
  });

  it("answer one connection a few times in a row, then once every few seconds, others meanwhile, and anew once it has left", async () => {
    const { host: h, clock } = host();
    await clock.advance(0);
    const bots = new Set<Seat>(h.state.seatOrder.filter((s) => s !== "kazakhstan"));
    let now = 0;
    const cache = new PastReasonsCache(() => now);
    const ask = (client: string) => cache.forClient(client, h, "kazakhstan", () => [], bots);
    for (let i = 0; i < PAST_REASONS_LIMIT.burst; i++) expect(ask("a")).not.toBeNull();
    expect(ask("a")).toBeNull();
    expect(ask("b")).not.toBeNull();
    now += 1000 / PAST_REASONS_LIMIT.perSecond;
    expect(ask("a")).not.toBeNull();
    expect(ask("a")).toBeNull();
    cache.forget("a");
    expect(ask("a")).not.toBeNull();
    h.stop();
  });
});
