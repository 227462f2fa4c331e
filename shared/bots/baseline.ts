import { checkPlan, dominantShare, isState, leads, totalInfluence, type Decision, type GameView, type Input, type LegalAction, type Order, type Seat, type StateId } from "../engine/index.ts";
import { Rng, seedRng } from "../engine/rng.ts";

/**
 * The baseline bot: legal, greedy by simple heuristics, deciding from its own seat's view only.
 * It keeps games moving and plays each seat's interests plausibly; stronger bots come later.
 */

interface Candidate { order: Order; value: number }

type Scorer = (view: GameView, seat: Seat, action: string, target: string | undefined, option: string | undefined) => number;

const country = (view: GameView, id: string | undefined) => (id && isState(id) ? view.countries[id] : null);

const scoreRussia: Scorer = (view, _seat, action, target, option) => {
  const c = country(view, target);
  const g = view.global;
  const calm = g.tension <= 6;
  switch (action) {
    case "deploy-advisers": return c ? (leads(c, "russia", "security") ? 1 : 4) + (c.stability <= 4 ? 2 : 0) : 0;
    case "lease-base": return c && c.assets.russianBases === 0 ? 5 : 0;
    case "arms-deal": return c ? (c.stability <= 5 ? 3 : 1) : 0;
    case "invite-csto": return c ? 4 : 0;
    case "invite-eaeu": return c ? 3 : 0;
    case "media-campaign": return c ? (c.opinion.russia < 2 ? 3 : 1) + (c.influence.russia.politics < 3 ? 1 : 0) : 0;
    case "migrant-labour": return c ? (c.remittances < 4 ? 2 : 0.5) : 0;
    case "coercion": return c ? (c.sovereignty >= 6 ? 2 : 0.5) : 0;
    case "competing-loan": return c && c.distress && calm ? 4 : 0;
    case "block-project": return c && calm && c.influence.china.economy >= 3 ? 2.5 : 0;
    case "afghan-strike": return g.afghanThreat >= 3 ? 4 : 0;
    case "propose-bargain": return bargainValue(view, "russia", option);
    default: return 0;
  }
};

/** When a power proposes a Great Bargain: high tension makes it worth settling (002: "cut his losses"). */
function bargainValue(view: GameView, seat: "russia" | "china", option: string | undefined): number {
  const g = view.global;
  if (g.tension < 7) return 0;
  if (option === "allInclusive") return g.allInclusivePressure >= 3 ? 5 : 0;
  if (seat === "china" && option === "sharedSecurity") return g.asymmetry >= 7 ? 5 : 2;
  if (seat === "russia" && option === "economicPartnership") return 3;
  return 0;
}

const scoreChina: Scorer = (view, _seat, action, target, option) => {
  const c = country(view, target);
  const g = view.global;
  const bold = g.tension <= 7 + (g.asymmetry >= 8 ? 1 : 0);
  switch (action) {
    case "bri-loan": return c ? 4 + (c.assets.briCorridor < 3 ? 1 : -2) : 0;
    case "invest": return c ? (leads(c, "china", "economy") ? 1.5 : 3) : 0;
    case "build-pipeline": return c ? 4 : 0;
    case "digital-silk-road": return c && c.assets.digital === 0 ? 3.5 : 0;
    case "private-security": return c && bold && c.influence.china.economy >= 3 ? (c.stability <= 4 ? 4 : 2.5) : 0;
    case "border-outpost": return c && bold && g.afghanThreat >= 2 ? 3 : 0;
    case "arms-sale": return c && bold && g.asymmetry >= 6 ? 2 : 0;
    case "sco-training": return c && bold && c.stability <= 5 ? 3 : 0;
    case "public-diplomacy": return c ? (c.opinion.china <= -1 ? 3 : 1) : 0;
    case "invite-sco": return c ? 3 : 0;
    case "china-summit": return 3;
    case "propose-bargain": return bargainValue(view, "china", option);
    default: return 0;
  }
};

const scoreWest: Scorer = (view, _seat, action, target) => {
  const c = country(view, target);
  switch (action) {
    case "connectivity-project": return c ? (c.assets.westProjects === 0 ? 5 : 2) : 0;
    case "diplomatic-ties": return c ? (totalInfluence(c, "west") < 4 ? 3 : 1) : 0;
    case "refinance": return c && c.distress ? 4 : 0;
    case "c5-plus-1": return view.global.westPresence < 5 ? 3 : 1;
    default: return 0;
  }
};

const scoreState: Scorer = (view, seat, action, target, option) => {
  const me = view.countries[seat as StateId];
  const g = view.global;
  switch (action) {
    case "develop": return me.prosperity < 7 ? 4 : 1;
    case "crackdown": return me.stability <= 2 ? 6 : me.stability <= 3 ? 3 : 0;
    case "multi-vector": return dominantShare(me) > 0.5 ? 4 : me.sovereignty < 6 ? 2.5 : 0.5;
    case "demand-all-inclusive": return g.allInclusivePressure < 3 ? 1.5 : 0.2;
    case "seek-refinancing": return me.distress ? 5 : 0;
    case "court-china": return me.prosperity <= 3 ? 2 : 0.5;
    case "leave-org": return option === "csto" && me.sovereignty <= 3 && me.stability >= 6 ? 1.5 : 0;
    case "regional-cooperation": {
      const other = country(view, target);
      return other && other.stability <= 3 ? 2 : 0;
    }
    case "invite-west": return g.westPresence < 4 ? 2 : 0.5;
    default: return 0;
  }
};

function scorerFor(seat: Seat): Scorer {
  if (seat === "russia") return scoreRussia;
  if (seat === "china") return scoreChina;
  if (seat === "west") return scoreWest;
  return scoreState;
}

function candidates(view: GameView, seat: Seat, rng: Rng): Candidate[] {
  const scorer = scorerFor(seat);
  const out: Candidate[] = [];
  const add = (l: LegalAction, target: string | undefined, option: string | undefined) => {
    const base = scorer(view, seat, l.action, target, option);
    if (base <= 0) return;
    const order: Order = { action: l.action };
    if (target !== undefined) order.target = target as Order["target"];
    if (option !== undefined) order.option = option;
    out.push({ order, value: base + rng.int(0, 100) / 50 });
  };
  for (const l of view.legal) {
    const targets: (string | undefined)[] = l.targets.length ? l.targets : [undefined];
    const options: (string | undefined)[] = l.options.length ? l.options : [undefined];
    for (const t of targets) for (const o of options) add(l, t, o);
  }
  return out.sort((a, b) => b.value - a.value);
}

/** Money a power keeps back for the crisis phase: Russia to answer CSTO calls when a member is shaky. */
function reserveFor(view: GameView, seat: Seat): number {
  if (seat !== "russia") return 0;
  const shaky = Object.values(view.countries).some((c) => c.members.csto && c.stability <= 4);
  return shaky ? 2 : 0;
}

/** Greedy: take the best-valued orders that still fit the action points and funds. */
export function chooseOrders(view: GameView, seat: Seat, rng: Rng): Order[] {
  const reserve = reserveFor(view, seat);
  const chosen: Order[] = [];
  for (const c of candidates(view, seat, rng)) {
    const plan = checkPlan(view, [...chosen, c.order]);
    if (!plan.ok || plan.remaining.funds < reserve) continue;
    chosen.push(c.order);
    if (plan.remaining.actionPoints === 0) break;
  }
  return chosen;
}

function answerOffer(view: GameView, seat: Seat, d: Decision): string {
  const action = d.order?.action ?? "";
  const g = view.global;
  if (!isState(seat)) {
    if (action === "propose-bargain") {
      const option = d.order?.option;
      if (option === "allInclusive") return g.allInclusivePressure >= 3 || g.tension >= 7 ? "accept" : "decline";
      // Russia resents giving up its security monopoly; China is wary of Russian money in its field.
      if (seat === "russia") return option === "sharedSecurity" ? (g.asymmetry >= 8 || g.tension >= 9 ? "accept" : "decline") : "accept";
      return option === "economicPartnership" ? (g.tension >= 8 ? "accept" : "decline") : "accept";
    }
    if (action === "seek-refinancing") {
      const me = view.seats.find((s) => s.seat === seat)!;
      return me.funds >= (seat === "russia" ? 6 : 4) && g.tension <= 6 ? "accept" : "decline";
    }
    return d.defaultAnswer;
  }
  const me = view.countries[seat];
  switch (action) {
    case "lease-base": return me.sovereignty >= 5 && me.assets.russianBases === 0 ? "accept" : me.stability <= 3 ? "accept" : "decline";
    case "arms-deal":
    case "arms-sale": return me.stability <= 5 ? "accept" : "decline";
    case "invite-csto": return me.stability <= 3 ? "accept" : "decline";
    case "invite-eaeu": return me.remittances >= 3 && me.sovereignty >= 5 ? "accept" : "decline";
    case "competing-loan":
    case "refinance": return "accept";
    case "bri-loan": return me.debt + 6 <= me.capacity + 4 || me.prosperity <= 3 ? "accept" : "decline";
    case "invest": return "accept";
    case "build-pipeline": return me.debt + 3 <= me.capacity + 2 ? "accept" : "decline";
    case "digital-silk-road": return me.prosperity < 7 && me.debt + 2 <= me.capacity ? "accept" : "decline";
    case "border-outpost": return g.afghanThreat >= 3 || me.stability <= 3 ? "accept" : "decline";
    case "invite-sco": return "accept";
    case "connectivity-project": return "accept";
    default: return d.defaultAnswer;
  }
}

function answerDecision(view: GameView, seat: Seat, d: Decision): string {
  let answer: string;
  switch (d.kind) {
    case "offer": answer = answerOffer(view, seat, d); break;
    case "crisisRequest": {
      const c = view.countries[d.state!];
      if (d.options.includes("csto")) answer = "csto";
      else if (d.options.includes("china") && c.opinion.china >= 0) answer = "china";
      else answer = d.options.includes("west") ? "west" : "none";
      break;
    }
    case "crisisResponse": {
      const c = view.countries[d.state!];
      if (seat === "china") answer = c.influence.china.economy >= 2 && view.global.tension <= 7 ? "intervene" : "decline";
      else answer = "intervene";
      break;
    }
    case "leverage": {
      const c = view.countries[d.state!];
      answer = c.opinion.china <= -2 ? "restructure" : c.sovereignty >= 3 ? "assets" : "alignment";
      break;
    }
  }
  return d.options.includes(answer) ? answer : d.defaultAnswer;
}

/** The baseline bot's next input for its seat, or null if it owes nothing. */
export function baselineInput(view: GameView, seed: number): Input | null {
  const seat = view.viewer;
  if (seat === "spectator" || seat === "teacher" || !view.owes) return null;
  const rng = new Rng(seedRng(seed));
  if (view.phase === "orders") return { type: "orders", seat, orders: chooseOrders(view, seat, rng) };
  const open = view.decisions.find((d) => d.seat === seat && d.answer === null);
  if (!open) return null;
  return { type: "answer", seat, decision: open.id, answer: answerDecision(view, seat, open) };
}

