import { describe, expect, it } from "vitest";
import { previewInput, viewFor, type GameState, type Order, type Seat } from "../../shared/engine/index.ts";
import { RULES } from "../../shared/engine/rules.ts";
import { rupturePenalty } from "../../shared/engine/scoring.ts";
import { tensionGauge } from "../../client/panels/tensionGauge.ts";
import { calm, newGame } from "../engine/helpers.ts";

/*
 * The tension gauge of the orders panel: its shares must be what the engine counts for the whole plan (the
 * junior-partner extra included, nothing counted after a rupture), the line and the penalty the rules', and a seat
 * that cannot encroach gets none. Expected values come from the rules and the game the test builds.
 */

const SECURITY_PLAN: Order[] = [
  { action: "public-diplomacy", target: "kazakhstan" },
  { action: "private-security", target: "kyrgyzstan" },
  { action: "sco-training", target: "tajikistan" },
];

/** A calm standard game at round 1's orders, money enough for anything, tension and asymmetry as asked. */
function game(tension: number, asymmetry = RULES.juniorPartnerAsymmetry - 1): GameState {
  const s = calm(newGame({ length: "standard" }, 11));
  for (const seat of s.seatOrder) s.seats[seat]!.funds = 20;
  s.global.tension = tension;
  s.global.asymmetry = asymmetry;
  s.global.division = "classic";
  return s;
}

describe("the tension gauge of a plan", () => {
  it("gives each encroaching order of the plan its share as the engine previews the whole plan", () => {
    const view = viewFor(game(3), "china");
    const g = tensionGauge(view, SECURITY_PLAN)!;
    expect(g).not.toBeNull();
    expect(g.line).toBe(RULES.ruptureAt);
    expect(g.now).toBe(3);
    expect(g.rival).toBe("russia");
    // Public diplomacy is China's own domain: two shares, one per security order, in the order they resolve.
    expect(g.shares.map((s) => [s.action, s.target, s.tension, s.from, s.to])).toEqual([
      ["private-security", "kyrgyzstan", RULES.encroachTension, 3, 3 + RULES.encroachTension],
      ["sco-training", "tajikistan", RULES.encroachTension, 3 + RULES.encroachTension, 3 + 2 * RULES.encroachTension],
    ]);
    expect(g.after).toBe(3 + 2 * RULES.encroachTension);
    expect(g.rupture).toBe(false);
    // The same numbers as the engine's own preview of the plan.
    const o = previewInput(view, { type: "orders", seat: "china", orders: SECURITY_PLAN }).outcomes[0]!;
    expect(g.shares.map((s) => s.tension)).toEqual(o.encroachments.map((e) => e.tension));
  });

  it("counts the junior-partner extra when China encroaches with the asymmetry high", () => {
    const g = tensionGauge(viewFor(game(3, RULES.juniorPartnerAsymmetry), "china"), SECURITY_PLAN)!;
    const per = RULES.encroachTension + RULES.juniorPartnerExtra;
    expect(g.shares.map((s) => s.tension)).toEqual([per, per]);
    expect(g.after).toBe(3 + 2 * per);
  });

  it("is in danger when the plan alone reaches the rupture line, and counts nothing after the rupture", () => {
    const length = "standard";
    const atTheLine = tensionGauge(viewFor(game(RULES.ruptureAt - 2 * RULES.encroachTension), "china"), SECURITY_PLAN)!;
    expect(atTheLine.rupture).toBe(true);
    expect(atTheLine.after).toBe(RULES.ruptureAt);
    expect(atTheLine.penalty).toBe(rupturePenalty(length));
    // One short of the line, the first encroachment already breaks the partnership: the game ends, the second never resolves.
    const oneShort = tensionGauge(viewFor(game(RULES.ruptureAt - RULES.encroachTension), "china"), SECURITY_PLAN)!;
    expect(oneShort.rupture).toBe(true);
    expect(oneShort.shares.map((s) => s.action)).toEqual(["private-security"]);
    // Two short with one encroaching order: close, not broken.
    const safe = tensionGauge(viewFor(game(RULES.ruptureAt - 2 * RULES.encroachTension), "china"), SECURITY_PLAN.slice(0, 2))!;
    expect(safe.rupture).toBe(false);
    expect(safe.after).toBe(RULES.ruptureAt - RULES.encroachTension);
  });

  it("shows Russia's encroachment on China's economic domain, and nothing added by orders in its own domains", () => {
    const s = game(5);
    s.countries.tajikistan.debt = 12;
    const view = viewFor(s, "russia");
    const own = tensionGauge(view, [{ action: "deploy-advisers", target: "kazakhstan" }, { action: "media-campaign", target: "kyrgyzstan" }])!;
    expect(own.rival).toBe("china");
    expect(own.shares).toEqual([]);
    expect(own.after).toBe(5);
    const loan: Order = { action: "competing-loan", target: "tajikistan" };
    const withLoan = tensionGauge(view, [loan])!;
    expect(withLoan.hasOffer).toBe(true);
    // An offer counts with its target's stated default answer, as the engine resolves the plan.
    const p = previewInput(view, { type: "orders", seat: "russia", orders: [loan] });
    expect(p.refused).toBeNull();
    // Tajikistan accepts a loan by default, so the loan is an encroachment on China's economic domain.
    expect(withLoan.shares.map((x) => [x.action, x.target, x.tension])).toEqual([["competing-loan", "tajikistan", RULES.encroachTension]]);
    expect(withLoan.after).toBe(5 + RULES.encroachTension);
  });

  it("adds nothing for a plan the engine refuses, and shows the tension now for an empty plan", () => {
    const view = viewFor(game(4), "china");
    const twice = tensionGauge(view, [SECURITY_PLAN[1]!, SECURITY_PLAN[1]!])!;
    expect(twice.shares).toEqual([]);
    expect(twice.after).toBe(4);
    const empty = tensionGauge(view, [])!;
    expect([empty.now, empty.after, empty.shares.length, empty.rupture]).toEqual([4, 4, 0, false]);
  });

  it.each(["west", "kazakhstan", "uzbekistan"] as Seat[])("gives %s, which cannot encroach, no gauge", (seat) => {
    expect(tensionGauge(viewFor(game(9), seat), [])).toBeNull();
  });

  it("gives a spectator no gauge", () => {
    expect(tensionGauge(viewFor(game(9), "spectator"), SECURITY_PLAN)).toBeNull();
  });
});
