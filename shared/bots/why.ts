import { isState, type CountryState, type Decision, type GlobalState, type Order, type Seat } from "../engine/index.ts";

/*
 * Why a bot chose what it did, as an id and parameters the client words (client/i18n: `why.<id>`). The same
 * choices as reasons.ts's sentences (the move and the fact of the board that made it attractive), from public
 * facts only: a state's tracks and the global tracks, which every seat sees. So a reason can be shown to any
 * player without telling them anything the bot's view held in secret.
 */

export interface Why {
  /** A key under `why.` in the language files, e.g. "orders.bri-loan" or "answer.offer.decline". */
  id: string;
  params: Record<string, string | number>;
}

/** What a reason may say about the board: the facts of one state (if any) and the global tracks. */
export interface Facts {
  countries: Record<string, CountryState>;
  global: GlobalState;
  /** The deciding seat's funds, when known. */
  funds?: number;
}

function stateFacts(c: CountryState | null): Record<string, number | string> {
  if (!c) return {};
  return {
    state: c.id, stability: c.stability, prosperity: c.prosperity, sovereignty: c.sovereignty, debt: c.debt, capacity: c.capacity,
    opinionRussia: c.opinion.russia, opinionChina: c.opinion.china, remittances: c.remittances,
    corridor: c.assets.briCorridor, westProjects: c.assets.westProjects, chinaEconomy: c.influence.china.economy,
    westInfluence: c.influence.west.politics + c.influence.west.economy + c.influence.west.security,
  };
}

function globalFacts(g: GlobalState): Record<string, number | string> {
  return { tension: g.tension, afghanThreat: g.afghanThreat, westPresence: g.westPresence, pressure: g.allInclusivePressure };
}

/** The reason for a round's orders, told through its main order (the one the bot valued most, or the first). */
export function whyOrders(facts: Facts, seat: Seat, orders: Order[], main: Order | null = orders[0] ?? null): Why {
  if (orders.length === 0 || !main) return { id: "orders.none", params: { seat, funds: facts.funds ?? 0 } };
  const target = main.target && isState(main.target) ? main.target : null;
  const c = target ? facts.countries[target]! : isState(seat) ? facts.countries[seat]! : null;
  return {
    id: `orders.${main.action}`,
    params: {
      ...globalFacts(facts.global), ...stateFacts(c), seat, action: main.action, target: main.target ?? "", option: main.option ?? "",
      more: orders.length - 1,
    },
  };
}

/** The reason for an answer to an offer, a call for help, a request, or a choice of leverage. */
export function whyAnswer(facts: Facts, seat: Seat, d: Pick<Decision, "kind" | "from" | "state" | "order">, answer: string): Why {
  const c = d.state ? facts.countries[d.state] ?? null : null;
  const base = { ...globalFacts(facts.global), ...stateFacts(c), seat, from: d.from ?? "", answer, action: d.order?.action ?? "" };
  switch (d.kind) {
    case "offer": {
      const own = isState(seat) ? facts.countries[seat]! : null;
      return { id: `answer.offer.${answer === "accept" ? "accept" : "decline"}${own ? "" : "Power"}`, params: { ...base, ...stateFacts(own), state: own?.id ?? "" } };
    }
    case "crisisRequest":
      return { id: answer === "none" ? "answer.crisisRequest.none" : "answer.crisisRequest.help", params: { ...base, helper: answer } };
    case "crisisResponse": {
      if (answer === "intervene") return { id: "answer.crisisResponse.intervene", params: base };
      const funds = facts.funds ?? 99;
      return { id: funds < 2 ? "answer.crisisResponse.declineFunds" : seat === "china" ? "answer.crisisResponse.declineTension" : "answer.crisisResponse.declineCost", params: { ...base, funds } };
    }
    case "leverage":
      return { id: `answer.leverage.${["assets", "alignment", "restructure"].includes(answer) ? answer : "none"}`, params: base };
  }
}

/** A Great Powers plan that brings tension to the rupture line (reasons.ts's ruptureReason). */
export function whyRupture(facts: Facts, seat: Seat, rival: Seat, orders: Order[]): Why {
  return { id: "orders.rupture", params: { ...globalFacts(facts.global), seat, rival, count: orders.length } };
}
