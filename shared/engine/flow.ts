import { ACTION_BY_ID, AGENDA_BY_ID, ARRANGEMENT_BY_ID, CARDS, CRISIS_RESPONSE_BY_ID, LEVERAGE_BY_ID, RESPONSES, type ActionDef } from "../content/index.ts";
import { applyEffects, clamp } from "./effects.ts";
import { emit } from "./events.ts";
import { DOMAINS, POWERS, STATES, isState, type Domain, type Power, type Seat, type StateId } from "./ids.ts";
import type { Rng } from "./rng.ts";
import { BOUNDS, RULES, SCORING } from "./rules.ts";
import { agendaMet, objectives, rupturePenalty, standing, totalInfluence } from "./scoring.ts";
import type { CrisisKind, Decision, GameEvent, GameState, Order, RoundSnapshot } from "./types.ts";

/*
 * The phases of a round, in order (docs/RULES.md, "A round"):
 *   news -> orders -> offers -> resolution -> crises (requests, responses) -> debt (leverage) -> scoring.
 * Phases that need no input are passed through at once; each function below ends by starting the next phase.
 */

const AFGHAN_BORDER: readonly StateId[] = ["tajikistan", "uzbekistan", "turkmenistan"];
const CRISIS_HELPERS: Record<string, Power> = { csto: "russia", china: "china", west: "west" };
const ESCALATION = RESPONSES.crisis.find((r) => r.id === "escalation")!;

function addDecision(state: GameState, d: Omit<Decision, "id" | "answer">): Decision {
  const decision: Decision = { ...d, id: state.nextDecisionId++, answer: null };
  state.decisions.push(decision);
  return decision;
}

export function stateIncome(state: GameState, seat: Seat): number {
  const s = state.seats[seat]!;
  if (!isState(seat)) return s.income;
  const c = state.countries[seat];
  return s.income + Math.floor(c.prosperity / 3) + Math.min(c.assets.pipelines, 2) + (c.remittances >= RULES.remittanceDependence ? 1 : 0);
}

// ---------- news ----------

function drawNews(state: GameState, rng: Rng): void {
  const year = state.global.year;
  const drawn = new Set(state.deck.drawn);
  state.deck.news = [];
  for (let i = 0; i < RULES.newsPerRound; i++) {
    const eligible = CARDS.filter((c) => c.fromYear <= year && (c.toYear ?? 9999) >= year && (c.repeatable ? !state.deck.news.includes(c.id) : !drawn.has(c.id)));
    if (eligible.length === 0) break;
    const card = rng.pick(eligible);
    drawn.add(card.id);
    if (!card.repeatable) state.deck.drawn.push(card.id);
    state.deck.news.push(card.id);
    emit(state, "news", { card: card.id });
    applyEffects(state, card.effects, { actor: null, target: null });
  }
}

/** The chance (0..1) that spillover from Afghanistan costs the state a point of stability at the start of next year. */
export function spilloverChance(state: GameState, id: StateId): number {
  return AFGHAN_BORDER.includes(id) ? state.global.afghanThreat * RULES.spilloverPerThreat : 0;
}

/** Why unrest may strike the state next year, and the chance (0..1) that it does. */
export function unrestOutlook(c: GameState["countries"][StateId]): { chance: number; cause: "sinophobia" | "poverty" | "politics" } {
  const poverty = c.prosperity <= RULES.povertyAt ? RULES.povertyUnrest : 0;
  const sinophobia = c.opinion.china <= -2 && c.influence.china.economy >= 3 ? RULES.sinophobiaUnrest : 0;
  return { chance: RULES.baseUnrest + poverty + sinophobia, cause: sinophobia > 0 ? "sinophobia" : poverty > 0 ? "poverty" : "politics" };
}

/**
 * Pressures that wear stability down each year: spillover from Afghanistan on its neighbours (003: the Taliban's
 * return), poverty, and Sinophobia where Chinese money is visible (002).
 */
function unrest(state: GameState, rng: Rng): void {
  for (const id of STATES) {
    const c = state.countries[id];
    if (AFGHAN_BORDER.includes(id) && rng.chance(spilloverChance(state, id))) {
      c.stability = clamp(c.stability - 1, BOUNDS.stability);
      emit(state, "afghanSpillover", { state: id });
    }
    // Calm and boom do not last: high stability and prosperity erode, a dominated state loses sovereignty.
    if (c.stability > RULES.calmAbove) c.stability -= 1;
    if (c.prosperity > RULES.boomAbove) c.prosperity -= 1;
    if (POWERS.some((p) => totalInfluence(c, p) >= RULES.heavyInfluence)) c.sovereignty = clamp(c.sovereignty - 1, BOUNDS.sovereignty);
    // Influence fades unless it is renewed, so leads stay contested.
    for (const p of POWERS) for (const d of DOMAINS) if (c.influence[p][d] >= RULES.fadeFrom && rng.chance(0.5)) c.influence[p][d] -= 1;
    const outlook = unrestOutlook(c);
    if (rng.chance(outlook.chance)) {
      c.stability = clamp(c.stability - rng.int(1, 2), BOUNDS.stability);
      emit(state, "unrest", { state: id, cause: outlook.cause });
    }
  }
}

export function beginRound(state: GameState, rng: Rng): void {
  state.round += 1;
  state.global.year += 1;
  state.decisions = [];
  emit(state, "roundStarted", { round: state.round, year: state.global.year });
  for (const seat of state.seatOrder) {
    const s = state.seats[seat]!;
    s.submitted = false;
    s.orders = [];
    s.funds = clamp(s.funds + stateIncome(state, seat), BOUNDS.funds);
  }
  unrest(state, rng);
  drawNews(state, rng);
  if (checkRupture(state)) return;
  state.phase = "orders";
}

// ---------- orders and offers ----------

/** What an order costs the seat that pays for it: its cost, or for refinancing sought, what the lender pays out (its content effect). */
export function priceOf(def: ActionDef): number {
  if (def.special !== "seekRefinancing") return def.cost;
  return -def.effects.reduce((n, e) => n + (e.kind === "funds" && e.seat === "target" ? e.delta : 0), 0);
}

/** The decision an offer puts to its target: who answers, with which options, and what an absent seat answers. */
export function offerDecision(state: GameState, seat: Seat, order: Order, def: ActionDef): Omit<Decision, "id" | "answer"> {
  const to = order.target as Seat;
  const canPay = def.special !== "seekRefinancing" || (state.seats[to]?.funds ?? 0) >= priceOf(def);
  return {
    kind: "offer", seat: to, from: seat, state: isState(to) ? to : isState(seat) ? seat : null, order,
    options: canPay ? ["accept", "decline"] : ["decline"],
    defaultAnswer: canPay ? (def.defaultAnswer ?? "decline") : "decline",
  };
}

export function afterOrders(state: GameState, rng: Rng): void {
  for (const seat of state.seatOrder) {
    for (const order of state.seats[seat]!.orders) {
      const def = ACTION_BY_ID.get(order.action)!;
      if (!def.offer) continue;
      const to = order.target as Seat;
      addDecision(state, offerDecision(state, seat, order, def));
      emit(state, "offerMade", { from: seat, to, action: def.id, ...(order.option ? { option: order.option } : {}) }, [seat, to]);
    }
  }
  if (state.decisions.some((d) => d.kind === "offer")) {
    state.phase = "offers";
    return;
  }
  afterOffers(state, rng);
}

export function afterOffers(state: GameState, rng: Rng): void {
  resolveOrders(state);
  if (state.phase === "ended") return;
  startCrises(state, rng);
}

const DOMAIN_ORDER: Record<Domain, number> = { politics: 0, economy: 1, security: 2 };

/** Resolution order: politics, then economy, then security; within a domain, seats in board order, then each seat's own order. */
export function resolutionQueue(state: GameState): { seat: Seat; order: Order; def: ActionDef }[] {
  const entries: { seat: Seat; order: Order; def: ActionDef; rank: number }[] = [];
  state.seatOrder.forEach((seat, seatIndex) => {
    state.seats[seat]!.orders.forEach((order, i) => {
      const def = ACTION_BY_ID.get(order.action)!;
      entries.push({ seat, order, def, rank: DOMAIN_ORDER[def.domain] * 10000 + seatIndex * 100 + i });
    });
  });
  return entries.sort((a, b) => a.rank - b.rank);
}

function resolveOrders(state: GameState): void {
  const entries = resolutionQueue(state);
  const offers = state.decisions.filter((d) => d.kind === "offer");
  for (const { seat, order, def } of entries) {
    if (state.phase === "ended") return;
    if (def.offer) {
      const decision = offers.find((d) => d.from === seat && d.order?.action === order.action && d.order?.target === order.target);
      const answer = decision?.answer ?? decision?.defaultAnswer ?? "decline";
      emit(state, "offerAnswered", { from: seat, to: order.target!, action: def.id, answer });
      if (answer !== "accept") continue;
    }
    resolveOrder(state, seat, order, def);
  }
  state.decisions = [];
}

/** Resolves one order (an offer only once accepted): pays for it, applies its effects, and counts an encroachment. */
export function resolveOrder(state: GameState, seat: Seat, order: Order, def: ActionDef): void {
  const s = state.seats[seat]!;
  const payer = def.special === "seekRefinancing" ? state.seats[order.target as Seat] : s;
  const price = priceOf(def);
  const where: Record<string, string> = order.target && isState(order.target) ? { target: order.target } : {};
  if (!payer || payer.funds < price) {
    emit(state, "actionUnaffordable", { seat, action: def.id, ...where });
    return;
  }
  if (def.special !== "seekRefinancing") s.funds -= def.cost;
  const ctx = { actor: seat, target: order.target ?? null };
  applyEffects(state, def.effects, ctx);
  const byOption = order.option ? def.optionEffects?.[order.option] : undefined;
  if (byOption) applyEffects(state, byOption.effects, ctx);
  if (def.special === "bargain") {
    state.global.division = order.option as GameState["global"]["division"];
    state.stats.bargains += 1;
    emit(state, "bargain", { from: seat, to: order.target!, arrangement: order.option! });
    return;
  }
  if (def.special === "leaveOrg" && isState(seat)) {
    const org = order.option as "csto" | "eaeu" | "sco";
    state.countries[seat].members[org] = false;
    emit(state, "leftOrg", { state: seat, org });
    return;
  }
  emit(state, "actionResolved", { seat, action: def.id, ...where });
  const lender = def.special === "seekRefinancing" ? (order.target as Seat) : seat;
  encroach(state, lender, def.domain);
}

/** The other power whose home domain an act by `actor` in `domain` enters under the current arrangement, if any. */
export function encroachedHome(global: GameState["global"], actor: Seat, domain: Domain): "russia" | "china" | null {
  if (actor !== "russia" && actor !== "china") return null;
  const home = ARRANGEMENT_BY_ID.get(global.division)!.home[domain];
  return home && home !== actor ? home : null;
}

/** The extra tension a Chinese encroachment raises while Russia feels like the junior partner (high asymmetry). */
export function juniorPartnerExtra(global: GameState["global"], actor: Seat): number {
  return actor === "china" && global.asymmetry >= RULES.juniorPartnerAsymmetry ? RULES.juniorPartnerExtra : 0;
}

/** The tension one encroachment by `actor` raises: more when China encroaches while the asymmetry is high. */
export function encroachmentTension(global: GameState["global"], actor: Seat): number {
  return RULES.encroachTension + juniorPartnerExtra(global, actor);
}

/** An act by one power in the other's home domain under the current arrangement raises tension. */
export function encroach(state: GameState, actor: Seat, domain: Domain): void {
  const home = encroachedHome(state.global, actor, domain);
  if (!home) return;
  const before = state.global.tension;
  state.global.tension = clamp(before + encroachmentTension(state.global, actor), BOUNDS.tension);
  state.stats.encroachments += 1;
  emit(state, "encroachment", { seat: actor, other: home, domain, tension: state.global.tension, delta: state.global.tension - before, junior: juniorPartnerExtra(state.global, actor) });
  checkRupture(state);
}

// ---------- crises ----------

function crisisKind(state: GameState, id: StateId, rng: Rng): CrisisKind {
  const kinds: CrisisKind[] = ["unrest", "terrorism"];
  if (id === "kyrgyzstan" || id === "tajikistan" || id === "uzbekistan") kinds.push("borderClash");
  if ((id === "tajikistan" || id === "uzbekistan" || id === "turkmenistan") && state.global.afghanThreat >= 3) kinds.push("spillover", "spillover");
  return rng.pick(kinds);
}

export function startCrises(state: GameState, rng: Rng): void {
  for (const id of STATES) {
    const c = state.countries[id];
    if (c.stability <= RULES.crisisAt && !c.crisis) {
      c.crisis = crisisKind(state, id, rng);
      emit(state, "crisisStarted", { state: id, crisis: c.crisis });
    } else if (c.stability > RULES.crisisAt && c.crisis) {
      c.crisis = null;
      emit(state, "crisisEnded", { state: id });
    }
  }
  for (const id of STATES) {
    if (state.countries[id].crisis) addDecision(state, crisisRequestDecision(state, id));
  }
  if (state.decisions.length > 0) {
    state.phase = "crisisRequest";
    return;
  }
  startDebt(state, rng);
}

/** What a state in crisis may ask: Russia's CSTO if a member, China if not, the West if in the game, or no one. */
export function crisisRequestDecision(state: GameState, id: StateId): Omit<Decision, "id" | "answer"> {
  const c = state.countries[id];
  const options = [
    ...(c.members.csto ? ["csto"] : ["china"]),
    ...(state.seats.west ? ["west"] : []),
    "none",
  ];
  return { kind: "crisisRequest", seat: id, from: null, state: id, order: null, options, defaultAnswer: c.members.csto ? "csto" : "none" };
}

/** The power a crisis request answer asks for help, if it is in the game, and the decision it then faces. */
export function crisisResponseDecision(state: GameState, id: StateId, answer: string): Omit<Decision, "id" | "answer"> | null {
  const power = CRISIS_HELPERS[answer];
  if (!power || !state.seats[power]) return null;
  const response = CRISIS_RESPONSE_BY_ID.get(answer)!;
  const canPay = state.seats[power]!.funds >= response.cost;
  return {
    kind: "crisisResponse", seat: power, from: id, state: id, order: null,
    options: canPay ? ["intervene", "decline"] : ["decline"],
    defaultAnswer: canPay && power === "russia" ? "intervene" : "decline",
  };
}

/** An unanswered or declined crisis deepens. */
export function escalate(state: GameState, id: StateId): void {
  applyEffects(state, ESCALATION.effects, { actor: null, target: id });
  emit(state, "escalation", { state: id, stability: state.countries[id].stability });
}

export function afterCrisisRequests(state: GameState, rng: Rng): void {
  const requests = state.decisions;
  state.decisions = [];
  for (const d of requests) {
    const id = d.state!;
    const answer = d.answer ?? d.defaultAnswer;
    emit(state, "crisisRequest", { state: id, to: CRISIS_HELPERS[answer] ?? "" });
    const next = crisisResponseDecision(state, id, answer);
    if (!next) {
      escalate(state, id);
      continue;
    }
    addDecision(state, next);
  }
  if (state.decisions.length > 0) {
    state.phase = "crisisResponse";
    return;
  }
  startDebt(state, rng);
}

export function afterCrisisResponses(state: GameState, rng: Rng): void {
  const responses = state.decisions;
  state.decisions = [];
  for (const d of responses) {
    resolveCrisisResponse(state, d, d.answer ?? d.defaultAnswer);
    if (state.phase === "ended") return;
  }
  startDebt(state, rng);
}

/** A power's answer to a call for help: it intervenes (and pays) or the crisis escalates. */
export function resolveCrisisResponse(state: GameState, d: Decision, answer: string): void {
  const id = d.state!;
  const power = d.seat as Power;
  const responseId = power === "russia" ? "csto" : power;
  const response = CRISIS_RESPONSE_BY_ID.get(responseId)!;
  const seat = state.seats[power]!;
  if (answer !== "intervene" || seat.funds < response.cost) {
    emit(state, "interventionDeclined", { power, state: id });
    escalate(state, id);
    return;
  }
  seat.funds -= response.cost;
  applyEffects(state, response.effects, { actor: power, target: id });
  emit(state, "intervention", { power, state: id, response: responseId });
  if (power === "russia") {
    state.stats.cstoInterventions += 1;
    seat.score += SCORING.russia.interventionBonus;
    emit(state, "scoreBonus", { seat: "russia", category: "interventionBonus", points: SCORING.russia.interventionBonus, total: seat.score, state: id });
  }
  if (power === "china") {
    state.stats.chineseSecurityAnswers += 1;
    encroach(state, "china", "security");
    if (state.phase === "ended") return;
  }
  const c = state.countries[id];
  if (c.stability > RULES.crisisAt) {
    c.crisis = null;
    emit(state, "crisisEnded", { state: id });
  }
}

// ---------- debt ----------

/** A year's debt service on `debt` by a state holding `funds`: what is due, what it pays, and its debt afterwards. */
export function debtService(debt: number, funds: number): { due: number; paid: number; debt: number } {
  const due = Math.ceil((debt * RULES.debtServicePercent) / 100);
  const paid = Math.min(funds, due);
  // Paid service retires principal; what cannot be paid is added to the debt.
  return { due, paid, debt: due > 0 ? clamp(paid === due ? debt - Math.ceil(due / 2) : debt + (due - paid), BOUNDS.debt) : debt };
}

/** The choice China faces over a state in debt distress. */
export function leverageDecision(state: GameState, id: StateId): Omit<Decision, "id" | "answer"> {
  return {
    kind: "leverage", seat: "china", from: null, state: id, order: null,
    options: ["assets", "alignment", ...(state.seats.china!.funds >= 1 ? ["restructure"] : []), "none"],
    defaultAnswer: "none",
  };
}

export function startDebt(state: GameState, rng: Rng): void {
  state.phase = "leverage";
  for (const id of STATES) {
    const c = state.countries[id];
    const s = state.seats[id]!;
    const { due, paid, debt } = debtService(c.debt, s.funds);
    if (due > 0) {
      s.funds -= paid;
      c.debt = debt;
      emit(state, "debtService", { state: id, paid, due, debt: c.debt });
    }
    if (c.debt > c.capacity) {
      if (!c.distress) {
        c.distress = true;
        state.stats.debtDistress += 1;
        emit(state, "distress", { state: id, debt: c.debt, capacity: c.capacity });
      } else {
        // Lasting distress breeds Sinophobia and unrest.
        c.stability = clamp(c.stability - 1, BOUNDS.stability);
        c.opinion.china = clamp(c.opinion.china - 1, BOUNDS.opinion);
      }
      addDecision(state, leverageDecision(state, id));
    } else if (c.distress) {
      c.distress = false;
      emit(state, "distressEnded", { state: id });
    }
  }
  if (state.decisions.length > 0) return;
  endRound(state, rng);
}

export function afterLeverage(state: GameState, rng: Rng): void {
  const choices = state.decisions;
  state.decisions = [];
  for (const d of choices) resolveLeverage(state, d, d.answer ?? d.defaultAnswer);
  endRound(state, rng);
}

/** China's leverage over a state in debt distress, as chosen (nothing when it cannot pay for the choice). */
export function resolveLeverage(state: GameState, d: Decision, option: string): void {
  const id = d.state!;
  const lever = LEVERAGE_BY_ID.get(option)!;
  const china = state.seats.china!;
  if (china.funds < lever.cost) return;
  china.funds -= lever.cost;
  applyEffects(state, lever.effects, { actor: "china", target: id });
  const bonus = option === "assets" || option === "alignment";
  if (bonus) {
    state.stats.leverage += 1;
    china.score += SCORING.china.leverageBonus;
  }
  if (option !== "none") emit(state, "leverage", { state: id, option });
  if (bonus) emit(state, "scoreBonus", { seat: "china", category: "leverageBonus", points: SCORING.china.leverageBonus, total: china.score, state: id });
  const c = state.countries[id];
  if (c.distress && c.debt <= c.capacity) {
    c.distress = false;
    emit(state, "distressEnded", { state: id });
  }
}

// ---------- scoring and the end ----------

function snapshot(state: GameState): RoundSnapshot {
  const states = {} as RoundSnapshot["states"];
  for (const id of STATES) {
    const c = state.countries[id];
    states[id] = {
      stability: c.stability,
      debt: c.debt,
      influence: { russia: totalInfluence(c, "russia"), china: totalInfluence(c, "china"), west: totalInfluence(c, "west") },
    };
  }
  const scores = {} as RoundSnapshot["scores"];
  for (const seat of state.seatOrder) scores[seat] = state.seats[seat]!.score;
  return { round: state.round, year: state.global.year, tension: state.global.tension, asymmetry: state.global.asymmetry, states, scores };
}

export function endRound(state: GameState, rng: Rng): void {
  for (const seat of state.seatOrder) {
    const s = state.seats[seat]!;
    // The year's points with their parts by category (only those that score), so every score line adds up.
    const params: GameEvent["params"] = { seat, points: 0, total: 0 };
    let points = 0;
    for (const o of objectives(state, seat)) {
      if (o.points === 0) continue;
      params[o.category] = o.points;
      points += o.points;
    }
    s.score += points;
    params.points = points;
    params.total = s.score;
    emit(state, "scored", params);
  }
  state.stats.roundsScored += 1;
  const g = state.global;
  if (state.round % RULES.asymmetryEvery === 0 && g.asymmetry < BOUNDS.asymmetry[1]) {
    g.asymmetry += 1;
    emit(state, "asymmetryGrows", { asymmetry: g.asymmetry });
  }
  if (g.westPresence >= RULES.commonFoePresence && g.tension > 0) {
    g.tension -= 1;
    emit(state, "commonFoe", { tension: g.tension });
  }
  state.history.push(snapshot(state));
  if (state.round >= state.maxRounds) {
    endGame(state, "rounds");
    return;
  }
  beginRound(state, rng);
}

export function checkRupture(state: GameState): boolean {
  if (state.phase === "ended") return true;
  if (state.global.tension < RULES.ruptureAt) return false;
  endGame(state, "rupture");
  return true;
}

export function endGame(state: GameState, reason: "rounds" | "rupture"): void {
  if (reason === "rupture") {
    state.stats.rupture = true;
    const penalty = rupturePenalty(state.options.length);
    emit(state, "rupture", { penalty });
    for (const p of ["russia", "china"] as const) state.seats[p]!.score -= penalty;
  }
  for (const seat of state.seatOrder) {
    const s = state.seats[seat]!;
    const agenda = s.agenda;
    if (agendaMet(state, seat, agenda)) {
      const points = AGENDA_BY_ID.get(agenda)?.points ?? 0;
      s.score += points;
      emit(state, "agendaMet", { seat, agenda, points, total: s.score });
    } else {
      emit(state, "agendaMissed", { seat, agenda });
    }
  }
  if (state.history.length < state.round) state.history.push(snapshot(state));
  const best = Math.max(...state.seatOrder.map((s) => standing(state, s)));
  state.winners = state.seatOrder.filter((s) => standing(state, s) === best);
  state.endReason = reason;
  state.phase = "ended";
  state.decisions = [];
  emit(state, "gameEnded", { reason, winners: state.winners.join(",") });
}

