import { describe, expect, it } from "vitest";
import { levelPlayer, playGame } from "../../shared/bots/play.ts";
import { canSee, replaySteps, viewFor, type GameEvent, type GameState, type Seat } from "../../shared/engine/index.ts";
import { BOT_REASON, botReasons, withReasons } from "../../shared/review/seen.ts";
import { whyText } from "../../client/panels/whyText.ts";
import { eventText } from "../../client/i18n/strings.ts";

/** Bots say why: the reasons a player may read, placed after the events they explain, worded by the language file. */
describe("bots' reasons the player sees", () => {
  const options = { mode: "full" as const, length: "short" as const };
  const game = playGame(options, 4, levelPlayer("normal"));
  const me: Seat = "kyrgyzstan";
  const bots = new Set<Seat>(game.state.seatOrder.filter((s) => s !== me));
  const steps: { before: GameState; events: GameEvent[]; reasons: Map<GameEvent, GameEvent[]> }[] = [];
  let before: GameState | null = null;
  for (const step of replaySteps({ options, seed: 4, inputs: game.inputs })) {
    if (before) steps.push({ before, events: step.events, reasons: botReasons(before, step.events, me, bots) });
    before = step.state;
  }
  const all = steps.flatMap((s) => withReasons(s.events, s.reasons));

  it("explains offers made to the player, answers to its offers and bots' revealed orders, each right after its event", () => {
    const explained = all.flatMap((e, i) => (e.kind === BOT_REASON ? [all[i - 1]!] : []));
    const kinds = new Set(all.filter((e, i) => all[i + 1]?.kind === BOT_REASON).map((e) => e.kind));
    expect(kinds.has("offerMade")).toBe(true);
    expect(kinds.has("actionResolved")).toBe(true);
    for (const e of explained.filter((x) => x.kind === "offerMade")) expect(e.params.to).toBe(me);
    for (const e of explained.filter((x) => x.kind === "offerAnswered")) expect(e.params.from).toBe(me);
    // Never a reason for the player's own moves, and every reason is the player's alone.
    for (const r of all.filter((e) => e.kind === BOT_REASON)) {
      expect(r.params.seat).not.toBe(me);
      expect(r.visibleTo).toEqual([me]);
      expect(canSee(r, "kazakhstan")).toBe(false);
    }
    // One reason per bot seat and step for revealed orders.
    for (const s of steps) {
      const seats = [...s.reasons.entries()].filter(([e]) => e.kind === "actionResolved").map(([e]) => e.params.seat);
      expect(new Set(seats).size).toBe(seats.length);
    }
  });

  it("gives the same reasons from the player's view of the step before (an online client) as from the state", () => {
    for (const s of steps) {
      const fromView = botReasons(viewFor(s.before, me), s.events, me, bots);
      expect([...fromView.entries()]).toEqual([...s.reasons.entries()]);
    }
  });

  it("words every reason from the language file, with the facts the bot saw", () => {
    const reasons = all.filter((e) => e.kind === BOT_REASON);
    expect(reasons.length).toBeGreaterThan(10);
    for (const r of reasons) {
      const text = whyText(r.params);
      expect(text).not.toMatch(/why\.|\{\{|undefined|NaN/);
      expect(eventText(r)).toBe(`Why: ${text}`);
    }
    const offer = steps.flatMap((s) => [...s.reasons.entries()].filter(([e]) => e.kind === "offerMade").map(([e, r]) => ({ s, e, r: r[0]! })))[0]!;
    expect(offer.r.params.why).toBe(`orders.${offer.e.params.action}`);
    expect(whyText(offer.r.params)).toContain("Kyrgyzstan");
    if (offer.r.params.stability !== undefined) expect(offer.r.params.stability).toBe(offer.s.before.countries[me].stability);
  });
});
