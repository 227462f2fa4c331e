import { ACTION_BY_ID } from "../content/index.ts";
import { encroachedHome, encroachmentTension } from "../engine/flow.ts";
import { RULES } from "../engine/rules.ts";
import { checkPlan, type GameState, type GameView, type Order, type Seat } from "../engine/index.ts";
import { singleOrders } from "./plans.ts";

/*
 * Rupture as a head-to-head weapon. A rupture costs both powers the same penalty and ends the game at once, so
 * between Russia and China it freezes their standings as they are: the power ahead may want it. The hard bot
 * weighs ending a Great Powers game this way among its plans.
 */

const encroaches = (global: GameState["global"], seat: Seat, order: Order) => encroachedHome(global, seat, ACTION_BY_ID.get(order.action)!.domain) !== null;

/**
 * The orders that bring tension to the rupture line this year, or null when the seat cannot reach it: its
 * cheapest orders in the other power's home domain, one per action and target, within its action points, funds
 * and order limit. Offers are left out (a state may decline them, and then they do not happen).
 */
export function ruptureOrders(view: GameView, seat: Seat): Order[] | null {
  const me = view.seats.find((s) => s.seat === seat);
  if (!me) return null;
  const needed = RULES.ruptureAt - view.global.tension;
  const per = encroachmentTension(view.global, seat);
  const costOf = (o: Order) => { const d = ACTION_BY_ID.get(o.action)!; return d.ap * 10 + d.cost; };
  const choices = singleOrders(view)
    .filter((o) => !ACTION_BY_ID.get(o.action)!.offer && encroaches(view.global, seat, o))
    .sort((a, b) => costOf(a) - costOf(b));
  const plan: Order[] = [];
  for (const o of choices) {
    if (plan.length * per >= needed || checkPlan(view, plan).remaining.orders <= 0) break;
    if (!checkPlan(view, [...plan, o]).ok) continue;
    plan.push(o);
  }
  return plan.length * per >= needed ? plan : null;
}

/** Whether these orders aim to bring tension to the rupture line (offers counted as accepted: the intent). */
export function reachesRupture(global: GameState["global"], seat: Seat, orders: readonly Order[]): boolean {
  return global.tension + orders.filter((o) => encroaches(global, seat, o)).length * encroachmentTension(global, seat) >= RULES.ruptureAt;
}
