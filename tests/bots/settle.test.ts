import { describe, expect, it } from "vitest";
import { settlePlan } from "../../shared/bots/normal.ts";
import { RULES, createGame, viewFor, type GameState, type Order } from "../../shared/engine/index.ts";
import type { Valued } from "../../shared/bots/plans.ts";

/*
 * The normal power's settle plan: a Great Bargain pays in the ruptures it heads off in later years, which a year's
 * lookahead rarely sees; near the rupture line one candidate plan offers the rival the best-valued bargain first.
 */

function atTension(mode: "powers" | "full", tension: number): GameState {
  const state = createGame({ mode, length: "standard" }, 4242);
  expect(state.phase).toBe("orders");
  state.global.tension = tension;
  return state;
}

const bargain = (option: string): Order => ({ action: "propose-bargain", target: "china", option });
/** Bargains valued low (a year's lookahead), other orders high: greedy alone would offer none. */
const valued: Valued[] = [
  { order: bargain("classic"), gain: -1 },
  { order: bargain("sharedSecurity"), gain: -0.2 },
  { order: bargain("allInclusive"), gain: -0.8 },
  { order: { action: "media-campaign", target: "kazakhstan" }, gain: 3 },
  { order: { action: "arms-deal", target: "kyrgyzstan" }, gain: 2.5 },
];

describe("the normal power's settle plan", () => {
  it("near the rupture line, offers the best-valued bargain first, however the lookahead valued it, and only one", () => {
    const view = viewFor(atTension("powers", RULES.ruptureAt - 3), "russia");
    const plan = settlePlan(view, "russia", valued)!;
    expect(plan[0]).toEqual(bargain("sharedSecurity"));
    expect(plan.filter((o) => o.action === "propose-bargain")).toHaveLength(1);
    // The rest of the plan is the usual greedy picks.
    expect(plan.some((o) => o.action === "media-campaign")).toBe(true);
  });

  it("is not weighed further from the line, in Full games, or with no bargain to offer", () => {
    expect(settlePlan(viewFor(atTension("powers", RULES.ruptureAt - 4), "russia"), "russia", valued)).toBeNull();
    expect(settlePlan(viewFor(atTension("full", RULES.ruptureAt - 1), "russia"), "russia", valued)).toBeNull();
    const none = valued.filter((v) => v.order.action !== "propose-bargain");
    expect(settlePlan(viewFor(atTension("powers", RULES.ruptureAt - 1), "russia"), "russia", none)).toBeNull();
  });
});
