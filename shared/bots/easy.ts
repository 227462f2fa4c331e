import { checkPlan, isState, type Decision, type GameView, type Order, type Seat } from "../engine/index.ts";
import { Rng, seedRng } from "../engine/rng.ts";
import { baselineInput, chooseOrders } from "./baseline.ts";
import type { BotDecision } from "./decision.ts";
import { seatOf } from "./determinise.ts";
import { singleOrders } from "./plans.ts";
import { answerReason, ordersReason } from "./reasons.ts";

/*
 * The easy bot: the baseline's rules of thumb with the mistakes a new player makes. It sometimes grabs an order
 * on impulse instead of the sensible one, sometimes leaves action points unspent, and answers
 * offers by what they bring at once rather than what they cost later.
 */

const IMPULSE = 0.4;
const FORGET = 0.3;

function impulsive(view: GameView, orders: Order[], rng: Rng): Order[] {
  const out = orders.slice();
  if (out.length > 0 && rng.chance(IMPULSE)) {
    const i = rng.int(0, out.length - 1);
    const removed = out[i].action;
    out.splice(i, 1);
    const fits = singleOrders(view).filter((o) => o.action !== removed && checkPlan(view, [...out, o]).ok);
    if (fits.length) out.splice(i, 0, rng.pick(fits));
  }
  if (out.length > 1 && rng.chance(FORGET)) out.pop();
  return out;
}

/** Offers judged by what they bring now: money, prosperity or help. */
function naiveAnswer(view: GameView, seat: Seat, d: Decision, rng: Rng): string | null {
  if (d.kind === "offer" && isState(seat) && d.options.includes("accept")) return rng.chance(0.8) ? "accept" : "decline";
  if (d.kind === "crisisResponse" && d.options.includes("intervene")) return rng.chance(0.6) ? "intervene" : "decline";
  if (d.kind === "leverage") return rng.pick(d.options);
  return null;
}

export function easyDecide(view: GameView, seed: number): BotDecision | null {
  if (view.viewer === "spectator" || view.viewer === "teacher" || !view.owes) return null;
  const seat = seatOf(view);
  const rng = new Rng(seedRng(seed ^ 0x5eed));
  if (view.phase === "orders") {
    const orders = impulsive(view, chooseOrders(view, seat, rng), rng);
    return { input: { type: "orders", seat, orders }, reason: ordersReason(view, seat, orders, orders[0] ?? null) };
  }
  const open = view.decisions.find((d) => d.seat === seat && d.answer === null);
  if (!open) return null;
  const answer = naiveAnswer(view, seat, open, rng) ?? (baselineInput(view, seed) as { answer: string } | null)?.answer ?? open.defaultAnswer;
  return { input: { type: "answer", seat, decision: open.id, answer }, reason: answerReason(view, seat, open, answer) };
}
