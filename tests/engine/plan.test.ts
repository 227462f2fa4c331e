import { describe, expect, it } from "vitest";
import { ACTION_BY_ID, ACTIONS } from "../../shared/content/index.ts";
import { BOTS, playGame } from "../../shared/bots/play.ts";
import { checkPlan, submitOrders, viewFor, type GameState, type Order, type Seat } from "../../shared/engine/index.ts";
import { Rng, seedRng } from "../../shared/engine/rng.ts";
import { RULES } from "../../shared/engine/rules.ts";
import { calm, closeOrders, newGame } from "./helpers.ts";

/*
 * checkPlan: the engine's one rule for a whole set of orders, from a seat's view. It must agree with what the
 * engine does when the orders are submitted, and say what budget the plan leaves.
 */

/** A plan drawn from the seat's legal orders, with now and then an order no seat may give, a duplicate or too many. */
function randomPlan(state: GameState, seat: Seat, rng: Rng): Order[] {
  const legal = viewFor(state, seat).legal;
  const plan: Order[] = [];
  const n = rng.int(0, RULES.maxOrders + 1);
  for (let i = 0; i < n; i++) {
    const roll = rng.int(0, 19);
    if (roll === 0) plan.push({ action: "no-such-action" });
    else if (roll === 1) plan.push({ action: rng.pick(ACTIONS).id, target: "kazakhstan" });
    else if (roll === 2 && plan.length > 0) plan.push({ ...plan[0]! });
    else if (legal.length > 0) {
      const l = rng.pick(legal);
      plan.push({ action: l.action, ...(l.targets.length ? { target: rng.pick(l.targets) } : {}), ...(l.options.length ? { option: rng.pick(l.options) } : {}) });
    }
  }
  return plan;
}

describe("checkPlan agrees with submission", () => {
  it("on thousands of plans over the orders phases of random games", () => {
    const rng = new Rng(seedRng(99));
    let checked = 0;
    const codes = new Map<string, number>();
    for (let g = 0; g < 25; g++) {
      const states: GameState[] = [];
      playGame({ mode: g % 2 ? "full" : "powers", length: "short", west: g % 3 !== 0 }, 7_000 + g, BOTS.random, (s) => { if (s.phase === "orders") states.push(s); });
      for (const state of states) {
        for (const seat of state.seatOrder) {
          const plan = randomPlan(state, seat, rng);
          const verdict = checkPlan(viewFor(state, seat), plan);
          const submitted = submitOrders(state, seat, plan);
          expect(verdict.ok, JSON.stringify({ plan, verdict })).toBe(submitted.ok);
          if (!submitted.ok) expect(verdict.code).toBe(submitted.code);
          codes.set(verdict.code ?? "ok", (codes.get(verdict.code ?? "ok") ?? 0) + 1);
          // What the plan leaves, from the content's prices.
          const s = state.seats[seat]!;
          const known = plan.map((o) => ACTION_BY_ID.get(o.action)).filter((d) => d !== undefined);
          expect(verdict.remaining).toEqual({
            actionPoints: s.ap - known.reduce((n, d) => n + d.ap, 0),
            funds: s.funds - known.reduce((n, d) => n + d.cost, 0),
            orders: RULES.maxOrders - plan.length,
          });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // Every verdict occurred, so each was compared with the engine's.
    for (const code of ["ok", "unknown-action", "not-your-action", "duplicate-order", "too-many-orders", "over-budget", "bad-target"]) expect(codes.get(code), code).toBeGreaterThan(0);
  });
});

describe("checkPlan's verdicts", () => {
  const game = () => {
    const s = calm(newGame());
    s.seats.china!.funds = 5;
    return s;
  };

  it.each([
    { name: "an empty plan leaves the whole budget", orders: [], ok: true, remaining: { actionPoints: 3, funds: 5, orders: RULES.maxOrders } },
    { name: "two orders", orders: [{ action: "bri-loan", target: "kazakhstan" }, { action: "public-diplomacy", target: "kyrgyzstan" }], ok: true, remaining: { actionPoints: 1, funds: 1, orders: RULES.maxOrders - 2 } },
    { name: "funds overspent", orders: [{ action: "bri-loan", target: "kazakhstan" }, { action: "bri-loan", target: "kyrgyzstan" }], ok: false, code: "over-budget", params: { resource: "funds", need: 6, have: 5, seat: "china" }, remaining: { actionPoints: 1, funds: -1, orders: RULES.maxOrders - 2 } },
    { name: "action points overspent", orders: [{ action: "china-summit" }, { action: "invest", target: "kazakhstan" }, { action: "public-diplomacy", target: "kyrgyzstan" }], ok: false, code: "over-budget", params: { resource: "ap", need: 4, have: 3, seat: "china" } },
    { name: "a duplicate, at its index", orders: [{ action: "invest", target: "kazakhstan" }, { action: "invest", target: "kazakhstan" }], ok: false, code: "duplicate-order", index: 1 },
    { name: "another seat's action, at its index", orders: [{ action: "invest", target: "kazakhstan" }, { action: "lease-base", target: "kazakhstan" }], ok: false, code: "not-your-action", index: 1 },
    { name: "more orders than RULES.maxOrders", orders: Array.from({ length: RULES.maxOrders + 1 }, () => ({ action: "invest", target: "kazakhstan" })), ok: false, code: "too-many-orders", params: { max: RULES.maxOrders } },
  ] as { name: string; orders: Order[]; ok: boolean; code?: string; params?: object; index?: number; remaining?: object }[])("$name", (c) => {
    const s = game();
    const verdict = checkPlan(viewFor(s, "china"), c.orders);
    expect(verdict.ok).toBe(c.ok);
    expect(submitOrders(s, "china", c.orders).ok).toBe(c.ok);
    if (c.code) expect(verdict.code).toBe(c.code);
    if (c.params) expect(verdict.params).toEqual(c.params);
    if (c.index !== undefined) expect(verdict.index).toBe(c.index);
    if (c.remaining) expect(verdict.remaining).toEqual(c.remaining);
  });

  it("outside the orders phase, and for a spectator, no plan is valid", () => {
    const s = game();
    s.countries.tajikistan.stability = 2;
    const later = closeOrders(s);
    expect(later.phase).not.toBe("orders");
    expect(checkPlan(viewFor(later, "china"), []).code).toBe("wrong-phase");
    expect(checkPlan(viewFor(s, "spectator"), []).code).toBe("not-in-game");
  });
});

describe("the message schemas take their limit from RULES", () => {
  it("submitOrders and a class team's draft accept RULES.maxOrders orders and refuse one more", async () => {
    const { Messages } = await import("../../shared/protocol/messages.ts");
    const { StudentMessages } = await import("../../shared/protocol/classroom.ts");
    const orders = (n: number) => Array.from({ length: n }, () => ({ action: "invest", target: "kazakhstan" }));
    expect(Messages.submitOrders.safeParse({ orders: orders(RULES.maxOrders) }).success).toBe(true);
    expect(Messages.submitOrders.safeParse({ orders: orders(RULES.maxOrders + 1) }).success).toBe(false);
    expect(StudentMessages.draft.safeParse({ orders: orders(RULES.maxOrders), round: 1 }).success).toBe(true);
    expect(StudentMessages.draft.safeParse({ orders: orders(RULES.maxOrders + 1), round: 1 }).success).toBe(false);
  });
});
