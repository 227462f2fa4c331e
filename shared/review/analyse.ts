import { hardDecide } from "../bots/hard.ts";
import { projectedStanding } from "../bots/evaluate.ts";
import { determinisations } from "../bots/normal.ts";
import { playForward } from "../bots/playout.ts";
import { whyAnswer, whyOrders, type Why } from "../bots/why.ts";
import {
  applyInput, replaySteps, viewFor,
  type DecisionKind, type GameRecord, type GameState, type GameView, type Input, type Order, type Phase, type Seat,
} from "../engine/index.ts";

/*
 * A game's review, the way a chess player reviews a game with an engine: at each decision of one seat (each
 * round's orders, each offer or call answered) the hard bot searches from that seat's view at that step (the
 * view only: never the full state, so it knows what the player knew), and the choice it prefers is weighed against
 * the one played in the same guessed worlds (the bots' determinisations, the same dice for both), by the seat's
 * projected standing against par at the start of next year (the bots' own evaluation). A decision whose
 * difference passes the threshold is a turning point. Pure and deterministic: the same record, seat and options
 * always give the same review. The game itself is re-run by the engine's own replay (replaySteps).
 */

export interface ReviewOptions {
  /**
   * The hard bot's playouts per decision (it reads no clock here, so the review is deterministic). By default
   * 400 in Full mode and 150 in Great Powers mode, where each of its playouts rolls on to the game's end.
   */
  playouts?: number;
  /** Guessed worlds the two choices are compared in. */
  worlds?: number;
  /** Points of standing against par a decision must cost to be a turning point. */
  threshold?: number;
  /** Years the two choices are played forward before they are judged (a debt's distress takes more than one to show). */
  years?: number;
}

export const REVIEW_DEFAULTS: Required<Omit<ReviewOptions, "playouts">> & { playouts: { full: number; powers: number } } = {
  playouts: { full: 400, powers: 150 }, worlds: 16, threshold: 1.5, years: 2,
};

function optionsFor(view: GameView, options: ReviewOptions): Required<ReviewOptions> {
  return { ...REVIEW_DEFAULTS, playouts: REVIEW_DEFAULTS.playouts[view.options.mode], ...options };
}

/** One decision of the reviewed seat: where it stood, what was played, what the hard bot prefers. */
export interface DecisionPoint {
  /** The input's position in the record: the state before it is replay step `index`, after it step `index + 1`. */
  index: number;
  round: number;
  phase: Phase;
  /** The seat's view just before it decided. */
  view: GameView;
  played: Input & { type: "orders" | "answer" };
}

export interface ReviewedDecision {
  index: number;
  round: number;
  phase: Phase;
  kind: "orders" | "answer";
  /** For answers: what was answered (an offer, a call for help, ...), who from, about which state, and the order offered. */
  decision?: { kind: DecisionKind; from: Seat | null; state: string | null; action: string | null };
  played: Input;
  /** The best of the choices weighed (the played one when none is better). */
  preferred: Input;
  /** What the hard bot's search chose from the seat's view. */
  hardChoice: Input;
  /** Nothing weighed was better than what was played. */
  same: boolean;
  /** The hard bot's search chose what was played. */
  hardAgrees: boolean;
  /** Mean projected standing against par `years` years on, over the same guessed worlds. */
  playedValue: number;
  preferredValue: number;
  /** preferredValue - playedValue, rounded to a tenth (0 when nothing weighed was better). */
  loss: number;
  turningPoint: boolean;
  /** Why the preferred choice: the bots' reason id for it. */
  why: Why;
}

export interface Review {
  seat: Seat;
  threshold: number;
  decisions: ReviewedDecision[];
}

const isDecision = (input: Input, seat: Seat): input is Input & { type: "orders" | "answer" } => input.type !== "close" && input.seat === seat;

/** Every decision the seat made in the record, each with the seat's view before it (replayed by the engine). */
export function decisionPoints(record: GameRecord, seat: Seat): DecisionPoint[] {
  const points: DecisionPoint[] = [];
  let before: GameState | null = null;
  for (const step of replaySteps(record, { digests: false })) {
    if (before && step.index > 0) {
      const input = record.inputs[step.index - 1]!;
      if (isDecision(input, seat)) points.push({ index: step.index - 1, round: before.round, phase: before.phase, view: viewFor(before, seat), played: input });
    }
    before = step.state;
  }
  return points;
}

const orderKey = (o: Order) => `${o.action}|${o.target ?? ""}|${o.option ?? ""}`;

/** Whether two inputs make the same choice (orders as a set). */
export function sameChoice(a: Input, b: Input): boolean {
  if (a.type === "orders" && b.type === "orders") return a.orders.map(orderKey).sort().join(";") === b.orders.map(orderKey).sort().join(";");
  if (a.type === "answer" && b.type === "answer") return a.decision === b.decision && a.answer === b.answer;
  return a.type === b.type;
}

/** The seat's projected standing at the start of next year after `input`, in one guessed world. */
function valueIn(world: GameState, seat: Seat, input: Input, seed: number, years: number): number {
  const until = world.round + years;
  if (input.type === "orders") return projectedStanding(playForward(world, until, seed, { [seat]: input }), seat);
  const result = applyInput(world, input);
  if (!result.ok) return -Infinity;
  return projectedStanding(playForward(result.state, until, seed), seat);
}

/** A per-decision seed from the game's seed and the input's position. */
export function reviewSeed(record: GameRecord, index: number): number {
  return ((record.seed >>> 0) * 2_654_435_761 + (index + 1) * 40_503) >>> 0;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Reviews one decision from the seat's view. The hard bot searches the position (as it would in play) and
 * proposes its choice; the choices in question (for an answer, every answer open; for orders, the hard bot's plan
 * and the plan played) are then played forward `years` years in the same guessed worlds and judged by the seat's
 * projected standing against par. The best of them is the preferred choice, and the difference between it and the
 * choice played is the decision's cost. (The hard bot looks one year ahead in play; a loan's distress shows in the
 * second, which is why its proposal is judged over a longer stretch.)
 */
export function reviewDecision(point: Pick<DecisionPoint, "index" | "view" | "played" | "round" | "phase">, seed: number, options: ReviewOptions = {}): ReviewedDecision {
  const opts = optionsFor(point.view, options);
  const { view, played } = point;
  const seat = played.seat;
  const hard = hardDecide(view, seed, { playouts: opts.playouts, timeMs: Infinity });
  const hardChoice: Input = hard?.input ?? played;
  const d = played.type === "answer" ? view.decisions.find((x) => x.id === played.decision) : undefined;
  // The played choice first, so a tie keeps it; then the hard bot's; then any other answer open.
  const candidates: Input[] = [played];
  const add = (input: Input) => { if (!candidates.some((c) => sameChoice(c, input))) candidates.push(input); };
  add(hardChoice);
  if (d) for (const answer of d.options) add({ type: "answer", seat, decision: d.id, answer });
  const values = candidates.map(() => 0);
  if (candidates.length > 1) {
    const worlds = determinisations(view, seed ^ 0x2545f491, opts.worlds);
    worlds.forEach((world, i) => {
      const s = (seed + i * 7_919) >>> 0;
      candidates.forEach((c, k) => { values[k]! += valueIn(world, seat, c, s, opts.years) / worlds.length; });
    });
  }
  let best = 0;
  for (let k = 1; k < candidates.length; k++) if (values[k]! > values[best]! + 1e-9) best = k;
  const preferred = candidates[best]!;
  const loss = round1(values[best]! - values[0]!);
  const facts = { countries: view.countries, global: view.global, funds: view.seats.find((s) => s.seat === seat)?.funds };
  const why = preferred.type === "orders" ? whyOrders(facts, seat, preferred.orders)
    : preferred.type === "answer" && d ? whyAnswer(facts, seat, d, preferred.answer) : { id: "orders.none", params: { seat } };
  return {
    index: point.index, round: point.round, phase: point.phase, kind: played.type,
    ...(d ? { decision: { kind: d.kind, from: d.from, state: d.state, action: d.order?.action ?? null } } : {}),
    played, preferred, hardChoice, same: best === 0, hardAgrees: sameChoice(hardChoice, played),
    playedValue: round1(values[0]!), preferredValue: round1(values[best]!), loss,
    turningPoint: loss >= opts.threshold, why,
  };
}

/**
 * Reviews every decision of one seat in a finished (or unfinished) record. `onProgress` is told after each
 * decision (done, total), so a worker can show a progress bar.
 */
export function reviewRecord(record: GameRecord, seat: Seat, options: ReviewOptions = {}, onProgress?: (done: number, total: number, last: ReviewedDecision) => void): Review {
  const points = decisionPoints(record, seat);
  const decisions: ReviewedDecision[] = [];
  for (const point of points) {
    const reviewed = reviewDecision(point, reviewSeed(record, point.index), options);
    decisions.push(reviewed);
    onProgress?.(decisions.length, points.length, reviewed);
  }
  return { seat, threshold: options.threshold ?? REVIEW_DEFAULTS.threshold, decisions };
}

/** The turning points of a review, the costliest first. */
export function turningPoints(review: Review): ReviewedDecision[] {
  return review.decisions.filter((d) => d.turningPoint).sort((a, b) => b.loss - a.loss || a.index - b.index);
}
