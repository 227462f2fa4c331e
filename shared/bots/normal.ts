import { ACTION_BY_ID, AGENDA_BY_ID } from "../content/index.ts";
import { encroachedHome, encroachmentTension } from "../engine/flow.ts";
import { RULES, XINJIANG_BORDER, applyInput, unfinishedCorridor, checkPlan, isState, totalInfluence, type Decision, type GameState, type GameView, type Order, type Seat, type StateId } from "../engine/index.ts";
import { Rng, seedRng } from "../engine/rng.ts";
import { chooseOrders } from "./baseline.ts";
import type { BotDecision } from "./decision.ts";
import { determinise, seatOf, type AgendaOdds } from "./determinise.ts";
import { utility } from "./evaluate.ts";
import { candidatePlans, greedyPlan, singleOrders, valueSingles, yearAhead, type Valued } from "./plans.ts";
import { playForward } from "./playout.ts";
import { answerReason, ordersReason } from "./reasons.ts";

/*
 * The normal bot: heuristic with a short lookahead. It plays the current year out through the engine in a guessed
 * world (a determinisation: others' agendas, orders and the dice) and keeps, among a few plans built greedily from
 * single orders, the plan or answer that leaves its seat best placed at the start of next year (evaluate.ts).
 */

/** One guessed world per plan: cheap, and noisy enough that the normal bot sometimes misjudges a close call. */
const DETS = 1;
/**
 * In the last year the secret agendas are judged: one guessed world's dice decide whether a plan meets the agenda
 * or misses it by a point, so the last year's plan is weighed over a few worlds.
 */
const FINAL_DETS = 4;

export function determinisations(view: GameView, seed: number, n: number, odds: AgendaOdds = {}): GameState[] {
  return Array.from({ length: n }, (_, i) => determinise(view, (seed * 31 + i * 7_368_787) >>> 0, odds));
}

/** The normal bot's own candidate plans, beyond the greedy ones, that a caller may leave out (hard.ts). */
export interface Heuristics {
  /** One plan carries on China's begun corridors (corridorPlan). */
  corridor: boolean;
  /** In Great Powers games near the rupture line, one plan offers the rival a Great Bargain first (settlePlan). */
  settle: boolean;
}
const NONE: Heuristics = { corridor: false, settle: false };
const ALL: Heuristics = { corridor: true, settle: true };

/**
 * Affordable single orders valued by a year's lookahead, and a handful of whole plans built from them, with the
 * normal bot's own plans that `heuristics` asks for.
 */
export function plansFor(view: GameView, seat: Seat, dets: GameState[], seed: number, width = 6, heuristics: Heuristics = NONE): { valued: Valued[]; plans: Order[][] } {
  const singles = singleOrders(view).filter((o) => welcomesWest(view, o) && checkPlan(view, [o]).ok);
  const valued = valueSingles(dets, seat, singles, seed);
  const baseline = chooseOrders(view, seat, new Rng(seedRng(seed)));
  const extra = [baseline];
  const agendaPlan = agendaFirstPlan(view, seat, valued);
  if (agendaPlan) extra.push(agendaPlan);
  const corridorFirst = heuristics.corridor ? corridorPlan(view, seat, valued) : null;
  if (corridorFirst) extra.push(corridorFirst);
  const settle = heuristics.settle ? settlePlan(view, seat, valued) : null;
  if (settle) extra.push(settle);
  return { valued, plans: candidatePlans(view, valued, extra, width) };
}

/**
 * The orders that build toward a great power's secret agenda. An agenda is judged at the end of the game and its
 * steps often pay only together (two outposts to bring the Afghan threat down two points), which single orders
 * valued one by one over a year do not show; so one candidate plan takes these orders first.
 */
const AGENDA_ORDERS: Record<string, readonly string[]> = {
  xinjiangFirst: ["border-outpost", "sco-training", "private-security", "arms-sale"],
  energySecurity: ["build-pipeline"],
  digitalSilkRoad: ["digital-silk-road"],
};

function agendaFirstPlan(view: GameView, seat: Seat, valued: Valued[]): Order[] | null {
  const agendaId = view.seats.find((s) => s.seat === seat)?.agenda;
  const check = agendaId ? AGENDA_BY_ID.get(agendaId)?.check : undefined;
  const wanted = check ? AGENDA_ORDERS[check] : undefined;
  if (!wanted) return null;
  const first = withinTension(view, seat, agendaOrders(view, check!, wanted, valued));
  if (!first.length) return null;
  // Agenda orders first (best-valued first), then the usual greedy picks with what is left.
  return firstThenGreedy(view, valued, first);
}

/**
 * China's corridors score only once finished, three loans in one state, which a year's lookahead sees as a section
 * that earns nothing yet (and one guessed world may have the state turn the loan down). So one candidate plan
 * carries on the corridors already begun: loans to states with one or two sections first, then the usual picks.
 * Measured (docs/BALANCE.md, "China's corridors, and par to the half point"): the normal China finished more
 * corridors and stood 1.8 points nearer its par. The hard bot's search found the corridors without it, and given it
 * the hard China beside normal others won 27% of standard Full games at a par the normal China won 10% of; so in
 * Full games it is the normal bot's heuristic alone (hard.ts).
 */
export function corridorPlan(view: GameView, seat: Seat, valued: Valued[]): Order[] | null {
  if (seat !== "china") return null;
  const next = valued.filter((v) => v.order.action === "bri-loan" && !!v.order.target && isState(v.order.target) && unfinishedCorridor(view.countries[v.order.target]));
  return next.length ? firstThenGreedy(view, valued, next) : null;
}

/**
 * A Great Bargain pays in the years after it, in the ruptures it heads off, which a year's lookahead in one guessed
 * world rarely sees; so near the rupture line one candidate plan offers the rival the best-valued bargain first, and
 * the lookahead still chooses among the plans. Measured (docs/BALANCE.md, "Ruptures in normal Great Powers games"):
 * in 200 standard games with normal bots, 74 ruptured, and only 3 of them had seen a bargain offered, while the
 * rival accepted 91% of the offers made. With this plan, ruptures fell from 36.7% to 28.3% of standard games and
 * from 17.0% to 12.8% of short ones (300 and 400 games, seeds 341001 and 342001); from three points below the
 * line instead of four, short games ruptured in 9%, under the range. In Great Powers games only: Full games' ruptures
 * sit inside the range.
 */
export function settlePlan(view: GameView, seat: Seat, valued: Valued[]): Order[] | null {
  if (view.options.mode !== "powers" || view.global.tension < RULES.ruptureAt - SETTLE_WITHIN) return null;
  const offers = valued.filter((v) => v.order.action === "propose-bargain");
  if (!offers.length) return null;
  return firstThenGreedy(view, valued, [offers.reduce((a, b) => (b.gain > a.gain ? b : a))]);
}
/** How far below the rupture line tension must be for the settle plan to be weighed. */
const SETTLE_WITHIN = 3;

/** A plan that takes the `first` orders (best-valued first) whatever their value, then the usual greedy picks. */
function firstThenGreedy(view: GameView, valued: Valued[], first: Valued[]): Order[] {
  return greedyPlan(view, valued.map((v) => (first.includes(v) ? { order: v.order, gain: 1e6 + v.gain } : v)));
}

/**
 * Agenda orders in the rival's home domain are encroachments: take no more of them than keep tension at or below
 * AGENDA_TENSION, and at most one per state, so the plan builds the agenda without walking into a rupture.
 */
const AGENDA_TENSION = 5;

function withinTension(view: GameView, seat: Seat, orders: Valued[]): Valued[] {
  const g = view.global;
  const per = encroachmentTension(g, seat);
  let tension = g.tension;
  const targets = new Set<string>();
  const out: Valued[] = [];
  for (const v of [...orders].sort((a, b) => b.gain - a.gain)) {
    const encroaches = encroachedHome(g, seat, ACTION_BY_ID.get(v.order.action)!.domain) !== null;
    if (encroaches && tension + per > AGENDA_TENSION) continue;
    if (v.order.target && targets.has(v.order.target)) continue;
    if (v.order.target) targets.add(v.order.target);
    if (encroaches) tension += per;
    out.push(v);
  }
  return out;
}

/** The agenda's orders worth giving now: only where they still move the agenda. */
function agendaOrders(view: GameView, check: string, wanted: readonly string[], valued: Valued[]): Valued[] {
  const g = view.global;
  return valued.filter((v) => {
    if (!wanted.includes(v.order.action)) return false;
    const c = v.order.target && v.order.target in view.countries ? view.countries[v.order.target as StateId] : null;
    if (check === "xinjiangFirst") {
      if (v.order.action === "border-outpost") return g.afghanThreat >= 2;
      return !!c && XINJIANG_BORDER.includes(v.order.target as StateId) && c.stability <= 5;
    }
    if (check === "digitalSilkRoad") return !!c && c.assets.digital === 0;
    return true;
  });
}

/** The order of a plan that gained most on its own: the one a reason should speak of. */
export function mainOrder(plan: Order[], valued: Valued[]): Order | null {
  let best: Order | null = null;
  let gain = -Infinity;
  for (const o of plan) {
    const v = valued.find((x) => x.order.action === o.action && x.order.target === o.target && x.order.option === o.option);
    if (v && v.gain > gain) {
      gain = v.gain;
      best = o;
    }
  }
  return best ?? plan[0] ?? null;
}

/** The plan the normal bot picks, with the singles' values it was built from (`heuristics`: which of its own plans it weighs). */
export function normalPlan(view: GameView, seat: Seat, seed: number, heuristics: Heuristics = ALL): { plan: Order[]; valued: Valued[] } {
  const dets = determinisations(view, seed, view.round >= view.maxRounds ? FINAL_DETS : DETS);
  const { valued, plans } = plansFor(view, seat, dets, seed, 0, heuristics);
  let best = plans[0];
  let bestValue = -Infinity;
  for (const plan of plans) {
    const value = dets.reduce((sum, d, i) => sum + yearAhead(d, seat, plan, seed + i), 0);
    if (value > bestValue) {
      bestValue = value;
      best = plan;
    }
  }
  return { plan: best, valued };
}

function normalOrders(view: GameView, seat: Seat, seed: number): BotDecision {
  const { plan: best, valued } = normalPlan(view, seat, seed);
  return { input: { type: "orders", seat, orders: best }, reason: ordersReason(view, seat, best, mainOrder(best, valued)) };
}

/** How the seat judges where `answer` leads by the start of `untilRound`, in one determinisation (by default, its utility). */
export function answerValue(det: GameState, seat: Seat, d: Decision, answer: string, untilRound: number, seed: number,
  value: (state: GameState) => number = (state) => utility(state, seat)): number {
  const result = applyInput(det, { type: "answer", seat, decision: d.id, answer });
  if (!result.ok) return -Infinity;
  return value(playForward(result.state, untilRound, seed));
}

/**
 * A state welcomes the West as a third option (002: the EU "can become a player") while the West is small: in
 * Full mode it takes no Western project once the West's influence in it is one short of a foothold, and stops
 * inviting the West once Western presence reaches the line the West scores for. The West competes for the win,
 * and a year's lookahead cannot see what a foothold or a standing presence is worth to it over the rest of the game.
 */
const WEST_WELCOME_BELOW = 3;
const WEST_PRESENCE_ENOUGH = 5;

function welcomesWest(view: GameView, order: Order): boolean {
  return order.action !== "invite-west" || view.options.mode !== "full" || view.global.westPresence < WEST_PRESENCE_ENOUGH;
}

function declinesWesternProject(view: GameView, seat: Seat, d: Decision): boolean {
  if (view.options.mode !== "full" || !isState(seat) || d.kind !== "offer" || d.order?.action !== "connectivity-project") return false;
  return d.options.includes("decline") && totalInfluence(view.countries[seat], "west") >= WEST_WELCOME_BELOW;
}

function normalAnswer(view: GameView, seat: Seat, d: Decision, seed: number): BotDecision {
  if (declinesWesternProject(view, seat, d)) return { input: { type: "answer", seat, decision: d.id, answer: "decline" }, reason: answerReason(view, seat, d, "decline") };
  const dets = determinisations(view, seed, DETS + 1);
  let best = d.options[0];
  let bestValue = -Infinity;
  for (const option of d.options) {
    const value = dets.reduce((sum, det, i) => sum + answerValue(det, seat, d, option, det.round + 1, seed + i), 0);
    if (value > bestValue) {
      bestValue = value;
      best = option;
    }
  }
  return { input: { type: "answer", seat, decision: d.id, answer: best }, reason: answerReason(view, seat, d, best) };
}

export function normalDecide(view: GameView, seed: number): BotDecision | null {
  if (view.viewer === "spectator" || view.viewer === "teacher" || !view.owes) return null;
  const seat = seatOf(view);
  if (view.phase === "orders") return normalOrders(view, seat, seed);
  const open = view.decisions.find((d) => d.seat === seat && d.answer === null);
  return open ? normalAnswer(view, seat, open, seed) : null;
}
