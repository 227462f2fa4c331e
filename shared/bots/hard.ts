import { rupturePenalty, standing, viewFor, type Decision, type GameState, type GameView, type Order, type Seat } from "../engine/index.ts";
import type { BotDecision, SearchBudget } from "./decision.ts";
import { determinise, seatOf, type AgendaOdds } from "./determinise.ts";
import { agendaWeights } from "./agendaGuess.ts";
import { rivalOf, utility, type Weights } from "./evaluate.ts";
import { answerValue, determinisations, mainOrder, normalPlan, plansFor } from "./normal.ts";
import { playForward, type Fixed } from "./playout.ts";
import { answerReason, ordersReason, ruptureReason } from "./reasons.ts";
import { reachesRupture, ruptureOrders } from "./rupture.ts";

/*
 * The hard bot: Monte Carlo search over the engine on information sets. Each iteration draws a fresh
 * determinisation of what the seat cannot see (others' agendas and orders, the dice), plays every surviving
 * candidate in it to the start of next year (others by the fast policy), and scores the result with the evaluation.
 * Candidates are more plans than the normal bot weighs, built from singles valued in more determinisations.
 * Candidates share each determinisation, so they are compared on the same luck; the weaker half is dropped at
 * intervals (sequential halving), which spends the budget on the close calls. It stops when the playout or time
 * budget runs out and plays the candidate with the best mean. In Great Powers mode the rival power is played as a
 * thinking player in the year searched, and the candidates include ending the game by rupture when the seat can
 * (rupture.ts).
 */

export const DEFAULT_BUDGET: SearchBudget = { playouts: 800, timeMs: 450 };
/** The share of the playout budget a Great Powers search spends in the game's first year (see powersShare). */
const POWERS_SHARE = 0.5;

/**
 * A Great Powers playout rolls on to the game's end, so it costs about as many year-ahead playouts as there are
 * years left: early in the game fewer of them fit the time limit, later more. The share is set so that the search
 * spends its playouts before the clock stops it (bench:bots reports how often the clock stops it).
 */
function powersShare(view: GameView): number {
  if (view.options.mode !== "powers") return 1;
  const yearsLeft = Math.max(1, view.maxRounds - view.round + 1);
  return Math.min(1, (POWERS_SHARE * view.maxRounds) / yearsLeft);
}
/** Years each playout looks ahead: longer playouts follow the fast policy for the seat's own later years, which
 *  measured worse than judging one year ahead with the evaluation over many more determinisations. */
const HORIZON = 1;

/** Playouts and searches run so far in this thread, and searches the clock stopped before the playout budget was
 *  spent: for the benchmark's playout rate and its check that the default budget is reached in time. */
export const searchStats = { playouts: 0, searches: 0, clockStops: 0 };

interface Arm<T> { move: T; total: number; n: number }
/** A search's share of the decision's budget: its playouts, and whether the decision's time is up. */
interface Limit { playouts: number; outOfTime: () => boolean }

/** Sequential halving with common determinisations; returns the best arm and the number of playouts spent. */
function search<T>(moves: T[], budget: Limit, seed: number, view: GameView, odds: AgendaOdds, play: (det: GameState, move: T, seed: number) => number): { best: Arm<T>; playouts: number } {
  let arms: Arm<T>[] = moves.map((move) => ({ move, total: 0, n: 0 }));
  let playouts = 0;
  let batch = 0;
  const rounds = Math.max(1, Math.ceil(Math.log2(arms.length)));
  const perRound = Math.max(1, Math.floor(budget.playouts / rounds));
  let spentThisRound = 0;
  while (arms.length > 1 && playouts + arms.length <= budget.playouts && !budget.outOfTime()) {
    const det = determinise(view, (seed * 2_654_435_761 + batch * 40_503) >>> 0, odds);
    for (const arm of arms) {
      arm.total += play(det, arm.move, (seed + batch * 977) >>> 0);
      arm.n += 1;
    }
    playouts += arms.length;
    searchStats.playouts += arms.length;
    spentThisRound += arms.length;
    batch += 1;
    if (spentThisRound >= perRound && arms.length > 2) {
      arms = [...arms].sort((a, b) => b.total / b.n - a.total / a.n).slice(0, Math.ceil(arms.length / 2));
      spentThisRound = 0;
    }
  }
  searchStats.searches += 1;
  if (arms.length > 1 && playouts + arms.length <= budget.playouts) searchStats.clockStops += 1;
  const best = arms.reduce((a, b) => (b.n > 0 && (a.n === 0 || b.total / b.n > a.total / a.n) ? b : a));
  return { best, playouts };
}

/**
 * What the hard bot maximises. In Great Powers mode the game is Russia against China, so it weighs its rival's
 * standing fully and the other seats not at all; in Full mode it judges as the normal bot does.
 */
function hardUtility(state: GameState, seat: Seat): number {
  return state.options.mode === "powers" ? utility(state, seat, HEAD_TO_HEAD) : utility(state, seat);
}

/**
 * Head to head, but a rupture is not free: its penalty falls on both powers, which freezes their margin, yet it
 * drops both below every other seat at the table, and the winner is the best standing at the table. Counted as a
 * loss to the seat alone (headToHead false: the rival's share does not offset it), as the articles judge it: both
 * powers "have more to gain from cooperation" (002). Measured in docs/BALANCE.md ("Ruptures with hard bots"): with
 * the penalty offset, hard powers broke the partnership on purpose while a point or two ahead of the rival, losing
 * standing against par and their chance of winning the table to the West.
 */
const HEAD_TO_HEAD: Weights = { rival: 1, leader: 0, headToHead: false };

/** How much of a Great Powers leaf is the rolled-out final standing rather than the year-ahead evaluation. */
const END_WEIGHT = 0.7;

/**
 * Standing against the rival at the game's end: the playout's state rolled forward to the end with the fast
 * policy in every seat (this seat's own later years too, which is why it is blended with the evaluation).
 */
function endDiff(state: GameState, seat: Seat, seed: number): number {
  // A rupture in the year searched (the seat's own plan and its guessed rival's) counts its penalty against the seat
  // at the table (see HEAD_TO_HEAD); one the fast policy reaches later in the rollout does not.
  const cost = state.endReason === "rupture" ? rupturePenalty(state.options.length) : 0;
  const end = state.phase === "ended" ? state : playForward(state, Infinity, (seed * 7 + 13) >>> 0);
  const rival = rivalOf(seat);
  if (!rival || !end.seats[rival]) return standing(end, seat);
  return standing(end, seat) - standing(end, rival) - cost;
}
/**
 * The value of a playout's end state. In Great Powers mode: 0.3 of the year-ahead evaluation, 0.7 of the standing
 * against the rival after one cheap rollout to the game's end. The blend measured better than either alone (200
 * matches against normal, seed 7: year-ahead only 0.56, rollout only 0.59, half and half 0.61); since normal powers
 * count a rupture in full and more matches run to the end, the rollout's share at 0.3, 0.5, 0.7 and 0.85 scored
 * 0.633, 0.655, 0.668 and 0.643 (200 matches, seed 1001). Squashing the final margin
 * towards win or loss, two rollouts per leaf, more weight on the rollout, wider or better-valued candidate lists, and
 * valuing the single orders by the hard bot's own measure (rival only) all measured no better; so did judging a
 * position near the rupture line by who can freeze the standings there, with or without a bonus for the chance of
 * winning (no better against normal, worse against baseline), and a cost on tension itself. In Full mode: the
 * evaluation.
 */
function leaf(state: GameState, seat: Seat, seed: number): number {
  if (state.options.mode !== "powers") return hardUtility(state, seat);
  const margin = (1 - END_WEIGHT) * hardUtility(state, seat) + END_WEIGHT * endDiff(state, seat, seed);
  // A rupture that freezes the seat behind is a sure loss, worse than a close game played on, where it can still
  // come back: without this the search would freeze a small deficit to avoid a larger projected one.
  return state.endReason === "rupture" && margin < 0 ? margin - SURE_LOSS : margin;
}

/** Points a loss frozen by a rupture counts below its margin. */
const SURE_LOSS = 4;

const keyOfPlan = (p: Order[]) => p.map((o) => `${o.action}|${o.target ?? ""}|${o.option ?? ""}`).sort().join(";");

/**
 * How the hard bot guesses a rival's plan: as the normal bot plays, with its corridors but without its settle plan.
 * The settle plan came after the hard bot's figures were measured (docs/BALANCE.md, "Ruptures in normal Great
 * Powers games"), and weighing it in the guess has not been measured yet.
 */
const RIVAL_HEURISTICS = { corridor: true, settle: false };

/** How many guesses at the rival's plan the search spreads its determinisations over. */
const RIVAL_GUESSES = 4;

/**
 * The rival power's likely plans: in a few guessed worlds, the plan a thinking rival (the normal bot) would choose
 * from its own view of that world. The rival is a player, not the fast policy the playouts use for everyone else;
 * measured against the fast-policy guess in Great Powers matches. Empty when the rival has already submitted its
 * orders (they are then guessed with the rest of the world) or there is no rival.
 */
function rivalPlans(view: GameView, seat: Seat, seed: number, odds: AgendaOdds): { agenda: string; orders: Order[] }[] {
  const rival = rivalOf(seat);
  const theirs = rival ? view.seats.find((s) => s.seat === rival) : undefined;
  if (view.options.mode !== "powers" || !rival || !theirs || theirs.submitted) return [];
  return determinisations(view, seed ^ 0x5bd1e995, RIVAL_GUESSES, odds).map((det, k) => ({
    agenda: det.seats[rival]!.agenda,
    orders: normalPlan(viewFor(det, rival), rival, (seed + k * 104_729) >>> 0, RIVAL_HEURISTICS).plan,
  }));
}

/**
 * In Great Powers mode, the rival power's agenda as the board shows it (agendaGuess.ts): every guessed world draws it
 * by these odds. Its agenda decides the rival's likely plans and an 8-point bonus at the end, so a guess that follows
 * what the rival has built judges the head-to-head better than an even draw (docs/BALANCE.md, "The ladder, continued").
 */
function rivalOdds(view: GameView, seat: Seat): AgendaOdds {
  const rival = rivalOf(seat);
  return view.options.mode === "powers" && rival ? { [rival]: agendaWeights(view, rival) } : {};
}

/** In Great Powers mode, a plan that brings tension to the rupture line this year, when the seat can: the search
 *  weighs ending the game now against playing on. */
function rupturePlan(view: GameView, seat: Seat): Order[] | null {
  return view.options.mode === "powers" && rivalOf(seat) ? ruptureOrders(view, seat) : null;
}

function hardOrders(view: GameView, seat: Seat, seed: number, budget: Limit): BotDecision {
  const odds = rivalOdds(view, seat);
  const dets = determinisations(view, seed, 2, odds);
  // The normal bot's corridor plan is a candidate in Great Powers games only. There the hard China meets a normal
  // Russia head to head, and with it won 0.596 of the ladder's matches instead of 0.564 (500, seed 1). In Full games
  // it made the hard China beside normal others win 27% of standard games at a par the normal China won 10% of
  // (docs/BALANCE.md, "China's corridors, and par to the half point").
  const corridor = view.options.mode === "powers";
  const heuristics = { corridor, settle: false };
  const { valued, plans } = plansFor(view, seat, dets, seed, 6, heuristics);
  // The normal bot's choice is always a candidate, so the search weighs it against the wider field.
  const guess = normalPlan(view, seat, seed, heuristics).plan;
  if (!plans.some((p) => keyOfPlan(p) === keyOfPlan(guess))) plans.push(guess);
  const rupture = rupturePlan(view, seat);
  if (rupture && !plans.some((p) => keyOfPlan(p) === keyOfPlan(rupture))) plans.push(rupture);
  const until = view.round + HORIZON;
  const rival = rivalOf(seat);
  const guesses = rivalPlans(view, seat, seed, odds);
  const { best, playouts } = search<Order[]>(plans, budget, seed, view, odds, (det, plan, s) => {
    const fixed: Fixed = { [seat]: { type: "orders", seat, orders: plan } };
    if (rival && guesses.length) {
      // Chosen by the determinisation, so every candidate in a batch meets the same rival.
      const g = guesses[det.seed % guesses.length];
      det.seats[rival]!.agenda = g.agenda;
      fixed[rival] = { type: "orders", seat: rival, orders: g.orders };
    }
    return leaf(playForward(det, until, s, fixed), seat, s);
  });
  const orders = best.move;
  const reason = rival && view.options.mode === "powers" && reachesRupture(view.global, seat, orders) ? ruptureReason(view, seat, rival, orders) : ordersReason(view, seat, orders, mainOrder(orders, valued));
  return { input: { type: "orders", seat, orders }, reason: playouts > 0 ? { ...reason, params: { ...reason.params, plans: plans.length, playouts } } : reason };
}

function hardAnswer(view: GameView, seat: Seat, d: Decision, seed: number, budget: Limit): BotDecision {
  const until = view.round + HORIZON;
  // A choice among two or three answers needs fewer playouts than a choice among plans.
  const small = { ...budget, playouts: Math.ceil(budget.playouts / 2) };
  const { best } = search<string>(d.options, small, seed, view, rivalOdds(view, seat), (det, option, s) =>
    answerValue(det, seat, d, option, until, s, (state) => leaf(state, seat, s)));
  return { input: { type: "answer", seat, decision: d.id, answer: best.move }, reason: answerReason(view, seat, d, best.move) };
}

export function hardDecide(view: GameView, seed: number, budget: SearchBudget = DEFAULT_BUDGET): BotDecision | null {
  if (view.viewer === "spectator" || view.viewer === "teacher" || !view.owes) return null;
  const seat = seatOf(view);
  // The clock runs from the start of the decision, so building the candidates counts against the time limit.
  const now = budget.now ?? (() => 0);
  const start = now();
  const playouts = Math.ceil(budget.playouts * powersShare(view));
  const limit = (share: number): Limit => ({ playouts, outOfTime: () => now() - start >= budget.timeMs * share });
  if (view.phase === "orders") return hardOrders(view, seat, seed, limit(1));
  const open = view.decisions.find((d) => d.seat === seat && d.answer === null);
  return open ? hardAnswer(view, seat, open, seed, limit(0.5)) : null;
}
