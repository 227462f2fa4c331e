import { ACTION_BY_ID, AGENDA_BY_ID } from "../content/index.ts";
import { encroachedHome, encroachmentTension } from "../engine/flow.ts";
import { RULES } from "../engine/rules.ts";
import { agendaMet, legalActions, parFor, type GameState, type LegalAction, type Order, type Seat } from "../engine/index.ts";

/*
 * Rupture as a head-to-head weapon. A rupture costs both powers the same 20 points and ends the game at once, so
 * between Russia and China it freezes their standings as they are: the power ahead wants it, the power behind
 * must keep tension out of its rival's reach. The hard bot uses this to judge a Great Powers position whose
 * tension is within a year's encroachments of the line, and to consider ending the game when it is ahead.
 */

/** The seat's orders that raise tension most this year: its cheapest orders in the other power's home domain,
 *  one per action and target, within its action points, funds and order limit. Offers are left out (a state may
 *  decline them, and then they do not happen). */
export function encroachingOrders(legal: readonly LegalAction[], global: GameState["global"], seat: Seat, ap: number, funds: number, needed = Infinity): Order[] {
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

/** Whether the seat can bring tension to the rupture line with this year's orders (the state is in its orders phase). */
export function canRupture(state: GameState, seat: Seat): boolean {
  const s = state.seats[seat];
  return !!s && state.phase === "orders" && ruptureOrders(legalActions(state, seat), state.global, seat, s.ap, s.funds) !== null;
}

/** The seat's standing against its rival if the partnership ruptured now: scores with agendas met so far, against
 *  par for the rounds scored (the 20 points cancel out). */
export function lockedMargin(state: GameState, seat: Seat, rival: Seat): number {
  const locked = (who: Seat) => {
    const s = state.seats[who]!;
    const agenda = agendaMet(state, who, s.agenda) ? (AGENDA_BY_ID.get(s.agenda)?.points ?? 0) : 0;
    return s.score + agenda - parFor(who, state.stats.roundsScored);
  };
  return locked(seat) - locked(rival);
}
