import { viewFor, type Decision, type GameState, type GameView, type Order, type Seat } from "../engine/index.ts";
import type { BotDecision, SearchBudget } from "./decision.ts";
import { determinise, seatOf } from "./determinise.ts";
import { rivalOf, utility } from "./evaluate.ts";
import { answerValue, determinisations, mainOrder, normalDecide, plansFor } from "./normal.ts";
import { playForward, type Fixed } from "./playout.ts";
import { answerReason, ordersReason } from "./reasons.ts";

/*
 * The hard bot: Monte Carlo search over the engine on information sets. Each iteration draws a fresh
 * determinisation of what the seat cannot see (others' agendas and orders, the dice), plays every surviving
 * candidate in it for a few years with the fast policy for all seats, and scores the result with the evaluation.
 * Candidates share each determinisation, so they are compared on the same luck; the weaker half is dropped at
 * intervals (sequential halving), which spends the budget on the close calls. It stops when the playout or time
 * budget runs out and plays the candidate with the best mean.
 */

export const DEFAULT_BUDGET: SearchBudget = { playouts: 400, timeMs: 350 };
const HORIZON = Number(process.env.NGG_H ?? 1);

interface Arm<T> { move: T; total: number; n: number }

/** Sequential halving with common determinisations; returns the best arm and the number of playouts spent. */
function search<T>(moves: T[], budget: SearchBudget, seed: number, view: GameView, play: (det: GameState, move: T, seed: number) => number): { best: Arm<T>; playouts: number } {
  const start = performance.now();
  let arms: Arm<T>[] = moves.map((move) => ({ move, total: 0, n: 0 }));
  let playouts = 0;
  let batch = 0;
  const rounds = Math.max(1, Math.ceil(Math.log2(arms.length)));
  const perRound = Math.max(1, Math.floor(budget.playouts / rounds));
  let spentThisRound = 0;
  while (arms.length > 1 && playouts + arms.length <= budget.playouts && performance.now() - start < budget.timeMs) {
    const det = determinise(view, (seed * 2_654_435_761 + batch * 40_503) >>> 0);
    for (const arm of arms) {
      arm.total += play(det, arm.move, (seed + batch * 977) >>> 0);
      arm.n += 1;
    }
    playouts += arms.length;
    spentThisRound += arms.length;
    batch += 1;
    if (spentThisRound >= perRound && arms.length > 2) {
      arms = [...arms].sort((a, b) => b.total / b.n - a.total / a.n).slice(0, Math.ceil(arms.length / 2));
      spentThisRound = 0;
    }
  }
  const best = arms.reduce((a, b) => (b.n > 0 && (a.n === 0 || b.total / b.n > a.total / a.n) ? b : a));
  return { best, playouts };
}

/**
 * The rival great power's likely orders: what a normal bot in its seat would order in one determinisation.
 * The fast policy is a poor guess for a rival who plays to win; this guess is made once per decision.
 */
function rivalPlan(view: GameView, seat: Seat, det: GameState, seed: number): { rival: Seat; orders: Order[] } | null {
  const rival = rivalOf(seat);
  if (!rival || !det.seats[rival]) return null;
  const decision = normalDecide({ ...viewFor(det, rival), owes: true }, seed ^ 0x9e3779b9);
  return decision && decision.input.type === "orders" ? { rival, orders: decision.input.orders } : null;
}

function hardOrders(view: GameView, seat: Seat, seed: number, budget: SearchBudget): BotDecision {
  const dets = determinisations(view, seed, Number(process.env.NGG_D ?? 2));
  const { valued, plans } = plansFor(view, seat, dets, seed, Number(process.env.NGG_HW ?? 6));
  const until = view.round + HORIZON;
  const predicted = process.env.NGG_R === "0" ? null : rivalPlan(view, seat, dets[0], seed);
  const { best, playouts } = search<Order[]>(plans, budget, seed, view, (det, plan, s) => {
    const fixed: Fixed = { [seat]: { type: "orders", seat, orders: plan } };
    if (predicted) {
      const r = det.seats[predicted.rival]!;
      if (r.submitted) r.orders = predicted.orders;
      else fixed[predicted.rival] = { type: "orders", seat: predicted.rival, orders: predicted.orders };
    }
    return utility(playForward(det, until, s, fixed), seat, Number(process.env.NGG_RW ?? 0.75));
  });
  const orders = best.move;
  const reason = ordersReason(view, seat, orders, mainOrder(orders, valued));
  return { input: { type: "orders", seat, orders }, reason: playouts > 0 ? reason.replace(/\.$/, `, the best of ${plans.length} plans over ${playouts} simulated futures.`) : reason };
}

function hardAnswer(view: GameView, seat: Seat, d: Decision, seed: number, budget: SearchBudget): BotDecision {
  const until = view.round + HORIZON;
  // A choice among two or three answers needs fewer playouts than a choice among plans.
  const small = { playouts: Math.ceil(budget.playouts / 2), timeMs: budget.timeMs / 2 };
  const { best } = search<string>(d.options, small, seed, view, (det, option, s) => answerValue(det, seat, d, option, until, s));
  return { input: { type: "answer", seat, decision: d.id, answer: best.move }, reason: answerReason(view, seat, d, best.move) };
}

export function hardDecide(view: GameView, seed: number, budget: SearchBudget = DEFAULT_BUDGET): BotDecision | null {
  if (view.viewer === "spectator" || view.viewer === "teacher" || !view.owes) return null;
  const seat = seatOf(view);
  if (view.phase === "orders") return hardOrders(view, seat, seed, budget);
  const open = view.decisions.find((d) => d.seat === seat && d.answer === null);
  return open ? hardAnswer(view, seat, open, seed, budget) : null;
}
