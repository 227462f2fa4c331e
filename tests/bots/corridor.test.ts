import { describe, expect, it } from "vitest";
import { corridorPlan } from "../../shared/bots/normal.ts";
import { createGame, viewFor, type GameState, type Order } from "../../shared/engine/index.ts";
import type { Valued } from "../../shared/bots/plans.ts";

/*
 * The normal China's corridor plan: a corridor scores only once its third section is built, so a year's lookahead
 * values an unfinished section at little; one candidate plan carries on the corridors already begun.
 */

function chinaAtOrders(sections: Partial<Record<"kazakhstan" | "kyrgyzstan" | "tajikistan", number>>): GameState {
  const state = createGame({ mode: "full", length: "short" }, 4242);
  expect(state.phase).toBe("orders");
  // The game begins with a section in Kazakhstan and Kyrgyzstan: each case sets its own.
  for (const c of Object.values(state.countries)) c.assets.briCorridor = 0;
  for (const [id, n] of Object.entries(sections)) state.countries[id as "kazakhstan"].assets.briCorridor = n;
  state.seats.china!.funds = 12;
  return state;
}

const loan = (target: string): Order => ({ action: "bri-loan", target: target as Order["target"] });
/** Loans valued low (a year's lookahead), other orders high: greedy alone would give no loan at all. */
const valuedWith = (orders: Order[]): Valued[] => [
  ...orders.map((order) => ({ order, gain: -0.5 })),
  { order: { action: "china-summit" }, gain: 3 },
  { order: { action: "invest", target: "uzbekistan" }, gain: 2.5 },
];

describe("the normal China's corridor plan", () => {
  it("puts the loans that carry on a begun corridor first, however the lookahead valued them", () => {
    const view = viewFor(chinaAtOrders({ kyrgyzstan: 2, tajikistan: 1 }), "china");
    const plan = corridorPlan(view, "china", valuedWith([loan("kyrgyzstan"), loan("tajikistan"), loan("kazakhstan")]))!;
    const loans = plan.filter((o) => o.action === "bri-loan").map((o) => o.target);
    expect(loans).toEqual(expect.arrayContaining(["kyrgyzstan", "tajikistan"]));
    // A state with no section yet is no corridor to carry on, and at a loss the lookahead's word stands.
    expect(loans).not.toContain("kazakhstan");
  });

  it("has nothing to carry on when no corridor is begun or every begun one is finished", () => {
    const orders = [loan("kyrgyzstan"), loan("tajikistan"), loan("kazakhstan")];
    expect(corridorPlan(viewFor(chinaAtOrders({}), "china"), "china", valuedWith(orders))).toBeNull();
    expect(corridorPlan(viewFor(chinaAtOrders({ kyrgyzstan: 3 }), "china"), "china", valuedWith(orders))).toBeNull();
  });

  it("is China's alone", () => {
    const state = chinaAtOrders({ kyrgyzstan: 2 });
    expect(corridorPlan(viewFor(state, "russia"), "russia", valuedWith([loan("kyrgyzstan")]))).toBeNull();
  });
});
