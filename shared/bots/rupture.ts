import { ACTION_BY_ID } from "../content/index.ts";
import { encroachedHome, encroachmentTension } from "../engine/flow.ts";
import { RULES } from "../engine/rules.ts";
import type { GameState, LegalAction, Order, Seat } from "../engine/index.ts";

/*
 * Rupture as a head-to-head weapon. A rupture costs both powers the same 20 points and ends the game at once, so
 * between Russia and China it freezes their standings as they are: the power ahead may want it. The hard bot
 * weighs ending a Great Powers game this way among its plans.
 */

/** The seat's cheapest orders in the other power's home domain until they add `needed` tension, one per action
 *  and target, within its action points, funds and order limit. Offers are left out (a state may
 *  decline them, and then they do not happen). */
function encroachingOrders(legal: readonly LegalAction[], global: GameState["global"], seat: Seat, ap: number, funds: number, needed: number): Order[] {
  const per = encroachmentTension(global, seat);
  const choices: Order[] = [];
  for (const l of legal) {
    const def = ACTION_BY_ID.get(l.action)!;
    if (def.offer || encroachedHome(global, seat, def.domain) === null) continue;
    const targets = l.targets.length ? l.targets : [undefined];
    const option = l.options[0];
    for (const target of targets) {
      const order: Order = { action: l.action };
      if (target !== undefined) order.target = target;
      if (option !== undefined) order.option = option;
      choices.push(order);
    }
  }
  const costOf = (o: Order) => { const d = ACTION_BY_ID.get(o.action)!; return d.ap * 10 + d.cost; };
  choices.sort((a, b) => costOf(a) - costOf(b));
  const plan: Order[] = [];
  let added = 0;
  for (const o of choices) {
    if (added >= needed || plan.length >= RULES.maxOrders) break;
    const def = ACTION_BY_ID.get(o.action)!;
    if (def.ap > ap || def.cost > funds) continue;
    plan.push(o);
    ap -= def.ap;
    funds -= def.cost;
    added += per;
  }
  return plan;
}

/** The orders that bring tension to the rupture line this year, or null when the seat cannot reach it. */
export function ruptureOrders(legal: readonly LegalAction[], global: GameState["global"], seat: Seat, ap: number, funds: number): Order[] | null {
  const needed = RULES.ruptureAt - global.tension;
  const plan = encroachingOrders(legal, global, seat, ap, funds, needed);
  return plan.length * encroachmentTension(global, seat) >= needed ? plan : null;
}

/** Whether these orders aim to bring tension to the rupture line (offers counted as accepted: the intent). */
export function reachesRupture(global: GameState["global"], seat: Seat, orders: readonly Order[]): boolean {
  const encroaching = orders.filter((o) => encroachedHome(global, seat, ACTION_BY_ID.get(o.action)!.domain) !== null);
  return global.tension + encroaching.length * encroachmentTension(global, seat) >= RULES.ruptureAt;
}
