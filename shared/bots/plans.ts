import { checkPlan, type GameState, type GameView, type Order, type Seat } from "../engine/index.ts";
import { utility } from "./evaluate.ts";
import { playForward } from "./playout.ts";

/*
 * Plans: a round's set of orders. The lookahead bots first value each single order by playing the year out with
 * it alone (against the same guessed world, so the comparison is fair), then build a handful of whole plans from
 * the best singles under the seat's action points and funds.
 */

export interface Valued { order: Order; gain: number }

/** Every single order the seat may give now. */
export function singleOrders(view: GameView): Order[] {
  const out: Order[] = [];
  for (const l of view.legal) {
    const targets = l.targets.length ? l.targets : [undefined];
    const options = l.options.length ? l.options : [undefined];
    for (const target of targets) for (const option of options) {
      const order: Order = { action: l.action };
      if (target !== undefined) order.target = target;
      if (option !== undefined) order.option = option;
      out.push(order);
    }
  }
  return out;
}

/** The seat's utility after playing to the start of next year with these orders, in one determinisation. */
export function yearAhead(det: GameState, seat: Seat, orders: Order[], seed: number): number {
  const end = playForward(det, det.round + 1, seed, { [seat]: { type: "orders", seat, orders } });
  return utility(end, seat);
}

/** Each single order's gain over giving no orders, averaged over the determinisations. */
export function valueSingles(dets: GameState[], seat: Seat, orders: Order[], seed: number): Valued[] {
  const none = dets.map((d, i) => yearAhead(d, seat, [], seed + i));
  return orders.map((order) => ({
    order,
    gain: dets.reduce((sum, d, i) => sum + yearAhead(d, seat, [order], seed + i) - none[i], 0) / dets.length,
  }));
}

const keyOf = (o: Order) => `${o.action}|${o.target ?? ""}`;

/**
 * Greedy: the best-gaining orders the engine accepts as a plan (checkPlan: budget, order limit, no duplicates),
 * optionally keeping funds back or leaving some orders out.
 */
export function greedyPlan(view: GameView, valued: Valued[], opts: { reserve?: number; skip?: Set<string>; minGain?: number } = {}): Order[] {
  const plan: Order[] = [];
  const reserve = opts.reserve ?? 0;
  for (const v of [...valued].sort((a, b) => b.gain - a.gain)) {
    if (v.gain <= (opts.minGain ?? 0) || opts.skip?.has(keyOf(v.order))) continue;
    const check = checkPlan(view, [...plan, v.order]);
    if (!check.ok || check.remaining.funds < reserve) continue;
    plan.push(v.order);
  }
  return plan;
}

/** A few distinct whole plans worth comparing: greedy, greedy with a reserve, and greedy without each top pick. */
export function candidatePlans(view: GameView, valued: Valued[], extra: Order[][] = [], width = 6): Order[][] {
  const plans: Order[][] = [greedyPlan(view, valued), greedyPlan(view, valued, { reserve: 2 }), ...extra];
  const top = [...valued].sort((a, b) => b.gain - a.gain).slice(0, width);
  for (const v of top) plans.push(greedyPlan(view, valued, { skip: new Set([keyOf(v.order)]) }));
  plans.push([]);
  const seen = new Set<string>();
  return plans.filter((p) => {
    const key = p.map(keyOf).sort().join(";");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
