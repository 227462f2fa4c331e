import { describe, expect, it } from "vitest";
import { hardDecide } from "../../shared/bots/hard.ts";
import { reachesRupture, ruptureOrders } from "../../shared/bots/rupture.ts";
import { cloneState } from "../../shared/engine/clone.ts";
import { encroachedHome, endGame } from "../../shared/engine/flow.ts";
import { ACTION_BY_ID } from "../../shared/content/index.ts";
import { agendaMet, applyInput, createGame, standing, viewFor, type GameState } from "../../shared/engine/index.ts";

/** Russia's standing against China if the partnership ruptured now (agendas met so far score, as at any end). */
function frozenGap(state: GameState): number {
  const ended = cloneState(state);
  endGame(ended, "rupture");
  return standing(ended, "russia") - standing(ended, "china");
}

/**
 * A Great Powers game at its first orders phase with tension set as given, and Chinese corridors under
 * construction in the three states whose migrant workers depend on Russia, which Russia may block.
 */
function powersAt(tension: number, sections = 2, seed = 5): GameState {
  const state = cloneState(createGame({ mode: "powers", length: "short" }, seed));
  state.global.tension = tension;
  for (const id of ["kyrgyzstan", "tajikistan", "uzbekistan"] as const) state.countries[id].assets.briCorridor = sections;
  return state;
}

describe("rupture as a head-to-head weapon", () => {
  it("finds orders in the rival's home domain that reach the rupture line, and none when the line is out of reach", () => {
    const near = powersAt(8);
    const view = viewFor(near, "russia");
    const plan = ruptureOrders(view, "russia")!;
    expect(plan.length).toBeGreaterThanOrEqual(2);
    for (const o of plan) expect(encroachedHome(near.global, "russia", ACTION_BY_ID.get(o.action)!.domain)).toBe("china");
    expect(reachesRupture(near.global, "russia", plan)).toBe(true);
    expect(reachesRupture(near.global, "russia", plan.slice(1))).toBe(false);

    const far = powersAt(3);
    const farView = viewFor(far, "russia");
    expect(ruptureOrders(farView, "russia")).toBeNull();
  });

  it("the orders it finds do rupture the partnership when they resolve", () => {
    const state = powersAt(8);
    const view = viewFor(state, "russia");
    const plan = ruptureOrders(view, "russia")!;
    let s = state;
    const submitted = applyInput(s, { type: "orders", seat: "russia", orders: plan });
    expect(submitted.ok).toBe(true);
    s = (submitted as { state: GameState }).state;
    for (let guard = 0; s.phase !== "ended" && s.round === 1 && guard < 50; guard++) {
      const next = applyInput(s, { type: "close" });
      if (!next.ok) throw new Error(`${next.code} ${JSON.stringify(next.params)}`);
      s = next.state;
    }
    expect(s.endReason).toBe("rupture");
  });

  it("the hard bot ends the game while ahead when its rival will outscore it from here, and says why; narrowly behind it plays on", () => {
    const budget = { playouts: 120, timeMs: 10_000 };
    // Russia leads now, but China's corridors, finished or nearly, will outscore it each coming year, and China stands
    // one point behind Russia's security in every CSTO member, two or three behind its total influence: Keep Outsiders
    // Out, met now, is under threat.
    const ahead = powersAt(8);
    ahead.seats.russia!.score = 14;
    ahead.seats.russia!.agenda = "keep-outsiders-out";
    ahead.stats.roundsScored = 1;
    ahead.countries.kazakhstan.assets.briCorridor = 3;
    ahead.countries.turkmenistan.assets.briCorridor = 3;
    for (const id of ["kazakhstan", "kyrgyzstan", "tajikistan"] as const) {
      const c = ahead.countries[id];
      c.influence.china.security = c.influence.russia.security - 1;
    }
    expect(agendaMet(ahead, "russia", "keep-outsiders-out")).toBe(true);
    const d = hardDecide(viewFor(ahead, "russia"), 11, budget)!;
    expect(d.reason.id).toBe("orders.rupture");
    expect(d.input.type === "orders" && d.input.orders.length).toBeGreaterThanOrEqual(2);

    // Narrowly behind (agendas met so far included) with five years to play and China's corridors barely begun: a
    // rupture would freeze a sure loss.
    const behind = powersAt(8, 1);
    behind.stats.roundsScored = 1;
    behind.seats.china!.score += frozenGap(behind) + 2;
    expect(frozenGap(behind)).toBe(-2);
    const e = hardDecide(viewFor(behind, "russia"), 11, budget)!;
    expect(e.reason.id).not.toBe("orders.rupture");
    const orders = e.input.type === "orders" ? e.input.orders : [];
    const encroaching = orders.filter((o) => encroachedHome(behind.global, "russia", ACTION_BY_ID.get(o.action)!.domain) === "china").length;
    expect(behind.global.tension + encroaching).toBeLessThan(10);
  });

  it("the hard bot does not break the partnership to freeze a small lead: the penalty drops both powers below the table, and it counts against the seat (issue 20)", () => {
    // Russia two points ahead if the game ended now, China's corridors barely begun. Before the penalty counted
    // against the seat (the rival's offsetting it), the search chose the rupture here.
    const small = powersAt(8, 1);
    small.stats.roundsScored = 1;
    small.seats.china!.score += frozenGap(small) - 2;
    expect(frozenGap(small)).toBe(2);
    const d = hardDecide(viewFor(small, "russia"), 11, { playouts: 120, timeMs: 10_000 })!;
    expect(d.reason.id).not.toBe("orders.rupture");
    const orders = d.input.type === "orders" ? d.input.orders : [];
    expect(reachesRupture(small.global, "russia", orders)).toBe(false);
  });
});
