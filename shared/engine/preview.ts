import { ACTION_BY_ID } from "../content/index.ts";
import type { GLOBAL_TRACKS, STATE_TRACKS } from "../content/schema.ts";
import { cloneCountries, cloneState } from "./clone.ts";
import {
  crisisRequestDecision, crisisResponseDecision, debtService, escalate, leverageDecision, offerDecision, resolutionQueue,
  resolveCrisisResponse, resolveLeverage, resolveOrder, spilloverChance, unrestOutlook,
} from "./flow.ts";
import type { Input } from "./game.ts";
import { ASSETS, DOMAINS, ORGS, POWERS, STATES, type AssetKind, type Domain, type Org, type Power, type Seat, type StateId } from "./ids.ts";
import { checkOrders, planCost, type RejectCode } from "./legal.ts";
import { drawnChance, seedRng } from "./rng.ts";
import { RULES } from "./rules.ts";
import { agendaMet, roundPoints } from "./scoring.ts";
import type { Arrangement, CrisisKind, Decision, GameState, Order, Phase, SeatState } from "./types.ts";
import type { GameView } from "./view.ts";

/*
 * Effect previews: what an input will change, and what it may change, seen from the deciding seat's view.
 *
 * A preview is computed by the engine's own rules: the view is turned into a game state (stateFromView: the seat's
 * own secrets as the view holds them, nothing of anyone else's), the input is resolved on a copy by the very
 * functions that resolve it in play (resolveOrder, resolveCrisisResponse, resolveLeverage, escalate), and the
 * copy is compared with the state before. Everything else is held equal: other seats' orders are unknown and
 * count as none, and later choices by other seats are shown as the outcomes they choose between.
 *
 * Plain data only: ids from ids.ts and content, numbers, booleans. The client turns them into words.
 */

/** What can be previewed: any engine input, or one order of a plan still being built. */
export type PreviewInput = Input | { type: "order"; seat: Seat; order: Order };

export type StateTrack = (typeof STATE_TRACKS)[number];
export type GlobalTrack = (typeof GLOBAL_TRACKS)[number];

/**
 * One thing that changes, with its value before (`from`) and after (`to`). Render by `kind`:
 * - funds, income: a seat's money (funds) or yearly income.
 * - score: points a seat gains or loses at once (a CSTO intervention bonus, a leverage bonus, a rupture's penalty,
 *   an agenda's points if the game ends).
 * - roundPoints: the points the seat would score for this year if the year were scored now (its public objectives).
 * - track: a state's stability, prosperity, sovereignty, debt, capacity (debt it can carry) or remittances.
 * - influence: a power's influence in a state in one domain (0..5).
 * - opinion: a state's public opinion of China or Russia (-3..3).
 * - asset: a state's count of one asset (bases, outposts, pipelines, corridor sections, digital, Western projects).
 * - member: a state's membership of the CSTO, EAEU or SCO.
 * - crisis: a state's crisis (null: none).
 * - distress: a state's debt distress.
 * - global: a global track (tension, asymmetry, westPresence, afghanThreat, allInclusivePressure).
 * - division: the division of labour in force (an arrangement id).
 * - agenda: whether the previewing seat's own secret agenda would be met if the game ended now.
 */
export type Change =
  | { kind: "funds" | "income" | "score" | "roundPoints"; seat: Seat; from: number; to: number }
  | { kind: "track"; state: StateId; track: StateTrack; from: number; to: number }
  | { kind: "influence"; state: StateId; power: Power; domain: Domain; from: number; to: number }
  | { kind: "opinion"; state: StateId; of: "china" | "russia"; from: number; to: number }
  | { kind: "asset"; state: StateId; asset: AssetKind; from: number; to: number }
  | { kind: "member"; state: StateId; org: Org; from: boolean; to: boolean }
  | { kind: "crisis"; state: StateId; from: CrisisKind | null; to: CrisisKind | null }
  | { kind: "distress"; state: StateId; from: boolean; to: boolean }
  | { kind: "global"; track: GlobalTrack; from: number; to: number }
  | { kind: "division"; from: Arrangement; to: Arrangement }
  | { kind: "agenda"; seat: Seat; agenda: string; from: boolean; to: boolean };

/**
 * An act by one power in the other's home domain under the division of labour in force: Sino-Russian tension
 * rises by `tension` (which includes `juniorPartner`, the extra when China encroaches while Russia feels like the
 * junior partner) to `tensionAfter`.
 */
export interface EncroachmentPreview {
  seat: "russia" | "china";
  other: "russia" | "china";
  domain: Domain;
  tension: number;
  juniorPartner: number;
  tensionAfter: number;
  /**
   * The order that raised it, when an order did (absent for an answer to a crisis): who ordered it (for refinancing,
   * the state that asked), its action, and the state it targets if any. A plan's preview tells which of its orders
   * adds what to the tension this way, so a player sees each order's share.
   */
  order?: { seat: Seat; action: string; target: StateId | null };
}

/** How sure debt distress is at this year's debt service: not at all, only if the state cannot pay what is due, or even if it pays. */
export type DistressLevel = "none" | "ifUnpaid" | "sure";

/**
 * What may follow later this year or next, because of the input (each is listed only when the input changes it):
 * - crisis: whether the state will be in crisis when crises are checked after this year's orders (`from` without
 *   the input, `to` with it), at `stability`; `asks` are whom it may then ask for help (csto, china, west, none).
 * - distress: the state's debt-distress outlook at this year's debt service, from its debt after the input
 *   (`debtIfPaid` if it pays the `due` service in full, `debtIfUnpaid` if it pays nothing) against `capacity`;
 *   `canPay` says whether its funds now cover `due`; `leverage` are China's choices if distress comes.
 * - unrest: the chance (0..1) of unrest in the state at the start of next year (it costs stability).
 * - spillover: the chance (0..1) that spillover from Afghanistan costs the state stability next year.
 */
export type Risk =
  | { kind: "crisis"; state: StateId; stability: number; from: boolean; to: boolean; asks: string[] }
  | {
    kind: "distress"; state: StateId; capacity: number; due: number; debtIfPaid: number; debtIfUnpaid: number;
    canPay: boolean; from: DistressLevel; to: DistressLevel; leverage: string[];
  }
  | { kind: "unrest" | "spillover"; state: StateId; from: number; to: number };

/**
 * One way the input can turn out.
 * - when: "resolve" (an order that is not an offer; a whole plan), "accept" or "decline" (an offer), or the answer
 *   id of a decision ("csto", "intervene", "assets", ...).
 * - decidedBy: the seat whose answer picks this outcome (the target of an offer, the power asked for help), or
 *   null when the previewing seat's own input decides it.
 * - isDefault: what happens if `decidedBy` does not answer (its stated default).
 * - lapses: the order cannot be paid for when it resolves and does nothing.
 * - changes: what changes for sure if this outcome happens. encroachments: the encroachments it counts.
 * - rupture: tension reaches the rupture line and the game ends (the penalty shows as score changes).
 * - risks: what may follow. then: outcomes a later answer by another seat decides (a crisis request: the power
 *   asked intervenes or declines).
 */
export interface Outcome {
  when: string;
  decidedBy: Seat | null;
  isDefault: boolean;
  lapses: boolean;
  changes: Change[];
  encroachments: EncroachmentPreview[];
  rupture: boolean;
  risks: Risk[];
  then: Outcome[];
}

/**
 * The effect preview of an input by `seat`. `refused` is the engine's rejection code when the input would be
 * refused (then `outcomes` is empty). `spend` is what an order or plan takes from the seat's action points and
 * funds this round (funds are also in the changes, once paid). An order that is not an offer and an answer have one
 * outcome; an offer has "accept" and "decline", decided by its target; a plan has one outcome in which each offer
 * takes its target's default answer.
 */
export interface EffectPreview {
  seat: Seat;
  refused: RejectCode | null;
  spend: { ap: number; funds: number };
  outcomes: Outcome[];
}

/**
 * A game state built from a view alone: the viewer's own agenda and orders as the view holds them, no other
 * seat's secrets (their agendas unknown, their orders none), fresh dice. Deterministic: the same view gives the same state.
 */
export function stateFromView(view: GameView): GameState {
  const seats: GameState["seats"] = {};
  for (const p of view.seats) {
    const s: SeatState = {
      seat: p.seat, controller: p.controller, funds: p.funds, income: p.income, ap: p.ap, score: p.score,
      agenda: p.agenda ?? "",
      submitted: p.submitted,
      orders: p.orders ? p.orders.map((o) => ({ ...o })) : [],
    };
    seats[p.seat] = s;
  }
  const decisions: Decision[] = view.decisions.map((d) => ({ ...d, order: d.order ? { ...d.order } : null, options: [...d.options] }));
  return {
    version: 1,
    seed: 0,
    options: view.options,
    round: view.round,
    maxRounds: view.maxRounds,
    phase: view.phase,
    rng: seedRng(0),
    global: { ...view.global },
    countries: cloneCountries(view.countries),
    seats,
    seatOrder: view.seats.map((s) => s.seat),
    deck: { drawn: [], news: [...view.news] },
    decisions,
    nextDecisionId: decisions.reduce((m, d) => Math.max(m, d.id + 1), 1),
    stats: { ...view.stats },
    history: view.history,
    log: [],
    winners: [...view.winners],
    endReason: view.endReason,
  };
}

// ---------- comparing two states ----------

const STATE_TRACK_IDS: readonly StateTrack[] = ["stability", "prosperity", "sovereignty", "debt", "capacity", "remittances"];
const GLOBAL_TRACK_IDS: readonly GlobalTrack[] = ["tension", "asymmetry", "westPresence", "afghanThreat", "allInclusivePressure"];

function diff(before: GameState, after: GameState, seat: Seat): Change[] {
  const out: Change[] = [];
  for (const s of before.seatOrder) {
    const a = before.seats[s]!;
    const b = after.seats[s]!;
    if (a.funds !== b.funds) out.push({ kind: "funds", seat: s, from: a.funds, to: b.funds });
    if (a.income !== b.income) out.push({ kind: "income", seat: s, from: a.income, to: b.income });
    if (a.score !== b.score) out.push({ kind: "score", seat: s, from: a.score, to: b.score });
  }
  for (const id of STATES) {
    const a = before.countries[id];
    const b = after.countries[id];
    for (const track of STATE_TRACK_IDS) if (a[track] !== b[track]) out.push({ kind: "track", state: id, track, from: a[track], to: b[track] });
    for (const power of POWERS) for (const domain of DOMAINS) {
      const x = a.influence[power][domain];
      const y = b.influence[power][domain];
      if (x !== y) out.push({ kind: "influence", state: id, power, domain, from: x, to: y });
    }
    for (const who of ["china", "russia"] as const) if (a.opinion[who] !== b.opinion[who]) out.push({ kind: "opinion", state: id, of: who, from: a.opinion[who], to: b.opinion[who] });
    for (const asset of ASSETS) if (a.assets[asset] !== b.assets[asset]) out.push({ kind: "asset", state: id, asset, from: a.assets[asset], to: b.assets[asset] });
    for (const org of ORGS) if (a.members[org] !== b.members[org]) out.push({ kind: "member", state: id, org, from: a.members[org], to: b.members[org] });
    if (a.crisis !== b.crisis) out.push({ kind: "crisis", state: id, from: a.crisis, to: b.crisis });
    if (a.distress !== b.distress) out.push({ kind: "distress", state: id, from: a.distress, to: b.distress });
  }
  for (const track of GLOBAL_TRACK_IDS) if (before.global[track] !== after.global[track]) out.push({ kind: "global", track, from: before.global[track], to: after.global[track] });
  if (before.global.division !== after.global.division) out.push({ kind: "division", from: before.global.division, to: after.global.division });
  for (const s of before.seatOrder) {
    const x = roundPoints(before, s);
    const y = roundPoints(after, s);
    if (x !== y) out.push({ kind: "roundPoints", seat: s, from: x, to: y });
  }
  const agenda = before.seats[seat]?.agenda;
  if (agenda) {
    const x = agendaMet(before, seat, agenda);
    const y = agendaMet(after, seat, agenda);
    if (x !== y) out.push({ kind: "agenda", seat, agenda, from: x, to: y });
  }
  return out;
}

const BEFORE_CRISES: readonly Phase[] = ["orders", "offers"];
const BEFORE_DEBT: readonly Phase[] = ["orders", "offers", "crisisRequest", "crisisResponse"];

function distressLevel(state: GameState, id: StateId): { level: DistressLevel; due: number; ifPaid: number; ifUnpaid: number; canPay: boolean } {
  const c = state.countries[id];
  const funds = state.seats[id]?.funds ?? 0;
  const paid = debtService(c.debt, Number.MAX_SAFE_INTEGER);
  const unpaid = debtService(c.debt, 0);
  const level: DistressLevel = paid.debt > c.capacity ? "sure" : unpaid.debt > c.capacity ? "ifUnpaid" : "none";
  return { level, due: paid.due, ifPaid: paid.debt, ifUnpaid: unpaid.debt, canPay: funds >= paid.due };
}

function risks(before: GameState, after: GameState): Risk[] {
  const out: Risk[] = [];
  if (after.phase === "ended") return out;
  for (const id of STATES) {
    const a = before.countries[id];
    const b = after.countries[id];
    if (BEFORE_CRISES.includes(before.phase)) {
      const x = a.stability <= RULES.crisisAt;
      const y = b.stability <= RULES.crisisAt;
      if (x !== y) out.push({ kind: "crisis", state: id, stability: b.stability, from: x, to: y, asks: crisisRequestDecision(after, id).options });
    }
    if (BEFORE_DEBT.includes(before.phase) && (a.debt !== b.debt || a.capacity !== b.capacity || before.seats[id]?.funds !== after.seats[id]?.funds)) {
      const x = distressLevel(before, id);
      const y = distressLevel(after, id);
      if (x.level !== y.level || (y.level !== "none" && a.debt !== b.debt)) {
        out.push({
          kind: "distress", state: id, capacity: b.capacity, due: y.due, debtIfPaid: y.ifPaid, debtIfUnpaid: y.ifUnpaid, canPay: y.canPay,
          from: x.level, to: y.level, leverage: after.seats.china ? leverageDecision(after, id).options : [],
        });
      }
    }
    const ux = drawnChance(unrestOutlook(a).chance);
    const uy = drawnChance(unrestOutlook(b).chance);
    if (ux !== uy) out.push({ kind: "unrest", state: id, from: ux, to: uy });
  }
  const sx = STATES.map((id) => drawnChance(spilloverChance(before, id)));
  STATES.forEach((id, i) => {
    const y = drawnChance(spilloverChance(after, id));
    if (y !== sx[i]) out.push({ kind: "spillover", state: id, from: sx[i]!, to: y });
  });
  return out;
}

/** Runs `mutate` on a copy of `base` and describes what it did. */
function outcome(base: GameState, seat: Seat, when: string, decidedBy: Seat | null, isDefault: boolean, mutate: (s: GameState) => void): Outcome {
  const after = cloneState(base);
  mutate(after);
  const encroachments: EncroachmentPreview[] = [];
  let lapses = false;
  let rupture = false;
  after.log.forEach((e, i) => {
    if (e.kind === "encroachment") {
      const found: EncroachmentPreview = {
        seat: e.params.seat as "russia" | "china", other: e.params.other as "russia" | "china", domain: e.params.domain as Domain,
        tension: Number(e.params.delta), juniorPartner: Number(e.params.junior), tensionAfter: Number(e.params.tension),
      };
      // resolveOrder announces the order it resolved just before counting its encroachment (flow.ts).
      const by = after.log[i - 1];
      if (by?.kind === "actionResolved") {
        found.order = { seat: by.params.seat as Seat, action: String(by.params.action), target: (by.params.target as StateId | undefined) ?? null };
      }
      encroachments.push(found);
    } else if (e.kind === "actionUnaffordable") {
      lapses = true;
    } else if (e.kind === "rupture") {
      rupture = true;
    }
  });
  return { when, decidedBy, isDefault, lapses, changes: diff(base, after, seat), encroachments, rupture, risks: risks(base, after), then: [] };
}

// ---------- inputs ----------

function orderOutcomes(base: GameState, seat: Seat, order: Order): Outcome[] {
  const def = ACTION_BY_ID.get(order.action)!;
  if (!def.offer) return [outcome(base, seat, "resolve", null, true, (s) => resolveOrder(s, seat, order, def))];
  const offer = offerDecision(base, seat, order, def);
  const to = order.target as Seat;
  return ["accept", "decline"].map((answer) => {
    const allowed = offer.options.includes(answer);
    const o = outcome(base, seat, answer, to, offer.defaultAnswer === answer, (s) => {
      if (answer === "accept" && allowed) resolveOrder(s, seat, order, def);
    });
    if (answer === "accept" && !allowed) o.lapses = true;
    return o;
  });
}

function planOutcome(base: GameState, seat: Seat, orders: Order[]): Outcome {
  const withPlan = cloneState(base);
  withPlan.seats[seat]!.orders = orders.map((o) => ({ ...o }));
  for (const s of withPlan.seatOrder) if (s !== seat) withPlan.seats[s]!.orders = [];
  const o = outcome(withPlan, seat, "resolve", null, true, (s) => {
    for (const { seat: who, order, def } of resolutionQueue(s)) {
      if (s.phase === "ended") return;
      if (def.offer && offerDecision(s, who, order, def).defaultAnswer !== "accept") continue;
      resolveOrder(s, who, order, def);
    }
  });
  return o;
}

function refusedPreview(seat: Seat, code: RejectCode): EffectPreview {
  return { seat, refused: code, spend: { ap: 0, funds: 0 }, outcomes: [] };
}

function answerOutcomes(base: GameState, seat: Seat, d: Decision, answer: string): Outcome[] {
  switch (d.kind) {
    case "offer": {
      const from = d.from!;
      const order = d.order!;
      const def = ACTION_BY_ID.get(order.action)!;
      return [outcome(base, seat, answer, null, answer === d.defaultAnswer, (s) => {
        if (answer === "accept") resolveOrder(s, from, order, def);
      })];
    }
    case "crisisRequest": {
      const id = d.state!;
      const next = crisisResponseDecision(base, id, answer);
      const asked = outcome(base, seat, answer, null, answer === d.defaultAnswer, (s) => {
        if (!next) escalate(s, id);
      });
      if (next) {
        const response: Decision = { ...next, id: -1, answer: null };
        asked.then = next.options.map((opt) => outcome(base, seat, opt, next.seat, opt === next.defaultAnswer, (s) => resolveCrisisResponse(s, response, opt)));
      }
      return [asked];
    }
    case "crisisResponse":
      return [outcome(base, seat, answer, null, answer === d.defaultAnswer, (s) => resolveCrisisResponse(s, d, answer))];
    case "leverage":
      return [outcome(base, seat, answer, null, answer === d.defaultAnswer, (s) => resolveLeverage(s, d, answer))];
  }
}

/**
 * The effect preview of `input` from `view` (the deciding seat's view, or a teacher's). Pure: the same view and
 * input give the same preview, and nothing outside the view is read. See EffectPreview for the shape.
 */
export function previewInput(view: GameView, input: PreviewInput): EffectPreview {
  if (input.type === "close") return refusedPreview(view.viewer === "spectator" || view.viewer === "teacher" ? "russia" : view.viewer, "bad-input");
  const seat = input.seat;
  if (view.viewer !== "teacher" && view.viewer !== seat) return refusedPreview(seat, "not-your-action");
  if (!view.seats.some((s) => s.seat === seat)) return refusedPreview(seat, "not-in-game");
  if (view.phase === "ended") return refusedPreview(seat, "already-ended");
  const base = stateFromView(view);
  if (input.type === "order" || input.type === "orders") {
    if (view.phase !== "orders") return refusedPreview(seat, "wrong-phase");
    const orders = input.type === "order" ? [input.order] : input.orders;
    const problem = checkOrders(base, seat, orders);
    if (problem) return refusedPreview(seat, problem.code);
    const spend = planCost(orders);
    if (input.type === "order") return { seat, refused: null, spend, outcomes: orderOutcomes(base, seat, input.order) };
    return { seat, refused: null, spend, outcomes: [planOutcome(base, seat, input.orders)] };
  }
  if (view.phase === "orders") return refusedPreview(seat, "wrong-phase");
  const d = base.decisions.find((x) => x.id === input.decision);
  if (!d) return refusedPreview(seat, "unknown-decision");
  if (d.seat !== seat) return refusedPreview(seat, "not-your-decision");
  if (d.answer !== null) return refusedPreview(seat, "already-answered");
  if (!d.options.includes(input.answer)) return refusedPreview(seat, "bad-answer");
  return { seat, refused: null, spend: { ap: 0, funds: 0 }, outcomes: answerOutcomes(base, seat, d, input.answer) };
}

/**
 * The previews of every answer to an open decision in the view, in the decision's option order (empty if none):
 * the viewer's own decision, or one another seat must answer about the viewer's offer or request (then each
 * outcome's `decidedBy` is that seat, and `seat` is the seat that answers).
 */
export function previewDecision(view: GameView, decisionId: number): EffectPreview[] {
  const d = view.decisions.find((x) => x.id === decisionId);
  if (!d || view.viewer === "spectator") return [];
  if (view.viewer === d.seat || view.viewer === "teacher") {
    return d.options.map((answer) => previewInput(view, { type: "answer", seat: d.seat, decision: d.id, answer }));
  }
  if (d.answer !== null || view.phase === "ended") return [];
  const base = stateFromView(view);
  const viewer = view.viewer;
  return d.options.map((answer) => ({
    seat: d.seat, refused: null, spend: { ap: 0, funds: 0 },
    outcomes: answerOutcomes(base, viewer, d, answer).map((o) => ({ ...o, decidedBy: d.seat })),
  }));
}
