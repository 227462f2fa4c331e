import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyInput, createGame, pendingSeats, viewFor, SEATS, STATES, POWERS, type GameState, type Input, type Order } from "../../shared/engine/index.ts";
import { ACTIONS } from "../../shared/content/index.ts";
import { BOTS, botSeed } from "../../shared/bots/play.ts";

/**
 * Property-based checks with fast-check: arbitrary, mostly malformed inputs thrown at games in arbitrary
 * phases. The engine never throws, a refusal always has a code and a reason, and a refused input changes nothing.
 */

const target = fc.oneof(fc.constantFrom(...STATES, ...POWERS), fc.string({ maxLength: 12 }));
const order = fc.record({
  action: fc.oneof(fc.constantFrom(...ACTIONS.map((a) => a.id)), fc.string({ maxLength: 16 })),
  target: fc.option(target, { nil: undefined }),
  option: fc.option(fc.oneof(fc.constantFrom("classic", "sharedSecurity", "allInclusive", "csto", "eaeu", "sco"), fc.string({ maxLength: 8 })), { nil: undefined }),
}, { requiredKeys: ["action"] });
const seat = fc.oneof(fc.constantFrom(...SEATS), fc.constant("nobody"));
const input: fc.Arbitrary<Input> = fc.oneof(
  fc.record({ type: fc.constant("orders" as const), seat, orders: fc.array(order, { maxLength: 8 }) }),
  fc.record({ type: fc.constant("answer" as const), seat, decision: fc.integer({ min: -5, max: 60 }), answer: fc.constantFrom("accept", "decline", "csto", "china", "west", "none", "intervene", "assets", "alignment", "restructure", "", "yes") }),
  fc.constant({ type: "close" as const }),
) as fc.Arbitrary<Input>;

/** A game advanced by bots through a number of steps, so inputs land in every kind of phase. */
function gameAfter(seed: number, steps: number, west: boolean): GameState {
  let s = createGame({ length: "short", west }, seed);
  for (let i = 0; i < steps && s.phase !== "ended"; i++) {
    const who = pendingSeats(s)[0]!;
    const result = applyInput(s, BOTS.random(viewFor(s, who), botSeed(s, who, i))!);
    if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.params)}`);
    s = result.state;
  }
  return s;
}

describe("engine properties", () => {
  it("any input in any phase is either accepted or refused with a reason, and a refusal changes nothing", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 120 }), fc.boolean(), fc.array(input, { minLength: 1, maxLength: 6 }), (seed, steps, west, inputs) => {
      let s = gameAfter(seed, steps, west);
      for (const i of inputs) {
        const before = JSON.stringify(s);
        const result = applyInput(s, i);
        expect(JSON.stringify(s)).toBe(before);
        if (result.ok) {
          s = result.state;
        } else {
          expect(result.code).toMatch(/^[a-z-]+$/);
          // A code and parameters the client words, never a sentence.
          expect(result).not.toHaveProperty("message");
          for (const v of Object.values(result.params)) expect(["string", "number"]).toContain(typeof v);
        }
      }
    }), { numRuns: 300, seed: 20261123 });
  });

  it("an accepted set of orders never spends more action points or funds than the seat has", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(...SEATS), fc.array(order, { maxLength: 6 }), (seed, who, orders) => {
      const s = createGame({}, seed);
      const result = applyInput(s, { type: "orders", seat: who, orders: orders as Order[] });
      if (!result.ok) return;
      const actions = new Map(ACTIONS.map((a) => [a.id, a]));
      const ap = orders.reduce((n, o) => n + actions.get(o.action)!.ap, 0);
      const cost = orders.reduce((n, o) => n + actions.get(o.action)!.cost, 0);
      expect(ap).toBeLessThanOrEqual(s.seats[who]!.ap);
      expect(cost).toBeLessThanOrEqual(s.seats[who]!.funds);
    }), { numRuns: 2_000, seed: 7 });
  });
});
