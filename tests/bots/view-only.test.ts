import { describe, expect, it } from "vitest";
import { BOT_LEVELS, decide } from "../../shared/bots/decide.ts";
import { agendaChoices } from "../../shared/bots/determinise.ts";
import { viewFor, type GameState, type Seat } from "../../shared/engine/index.ts";
import { seedRng } from "../../shared/engine/rng.ts";
import { sampleMoments } from "./helpers.ts";

/** The same game with everything `seat` may not see changed: others' agendas and unrevealed orders, and the dice. */
function withOtherSecrets(state: GameState, seat: Seat): GameState {
  const copy = structuredClone(state);
  copy.rng = seedRng(987_654);
  copy.seed = state.seed + 1;
  for (const other of copy.seatOrder) {
    if (other === seat) continue;
    const s = copy.seats[other]!;
    const choices = agendaChoices(other);
    s.agenda = choices[(choices.indexOf(s.agenda) + 1) % choices.length];
    if (copy.phase === "orders" && s.submitted) s.orders = [];
  }
  return copy;
}

const repeatable = { playouts: 24, timeMs: Number.POSITIVE_INFINITY };

describe("bots decide from their own seat's view only", () => {
  const moments = [
    ...sampleMoments({ mode: "full", length: "short" }, 11, 3),
    ...sampleMoments({ mode: "powers", length: "short" }, 12, 2),
  ];

  it("covers every phase that asks for input", () => {
    expect(new Set(moments.map((m) => m.state.phase))).toEqual(new Set(["orders", "offers", "crisisRequest", "crisisResponse", "leverage"]));
  });

  it("a seat's view is the same whatever the others' agendas, unrevealed orders and dice are", () => {
    // Bots are given nothing but this view, so what it hides cannot sway them.
    for (const { state, seat } of moments) {
      const other = withOtherSecrets(state, seat);
      expect(viewFor(other, seat)).toEqual(viewFor(state, seat));
    }
  });

  for (const level of BOT_LEVELS) {
    it(`${level}: the decision is a function of the view and the seed alone`, () => {
      // The same view as a client decodes it (a fresh copy through JSON) gives the same decision: no hidden input
      // such as object identity, a clock or Math.random. A different seed is allowed to differ, never to fail.
      for (const { state, seat } of moments) {
        const a = decide(level, viewFor(state, seat), 5, repeatable);
        expect(a).not.toBeNull();
        expect(decide(level, JSON.parse(JSON.stringify(viewFor(state, seat))), 5, repeatable)).toEqual(a);
      }
    });
  }

  it("a bot leaves the view it is given unchanged", () => {
    const { state, seat } = moments[0];
    for (const level of BOT_LEVELS) {
      const view = viewFor(state, seat);
      const before = JSON.stringify(view);
      decide(level, view, 3, repeatable);
      expect(JSON.stringify(view)).toBe(before);
    }
  });
});
