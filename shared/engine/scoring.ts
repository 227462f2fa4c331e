import { AGENDA_BY_ID } from "../content/index.ts";
import { GAME_LENGTHS, POWERS, STATES, XINJIANG_BORDER, isState, type GameLength, type Power, type Seat } from "./ids.ts";
import { PAR, PAR_SHAPE, RULES, SCORING } from "./rules.ts";
import type { CountryState, GameState } from "./types.ts";

export function totalInfluence(c: CountryState, power: Power): number {
  const i = c.influence[power];
  return i.security + i.economy + i.politics;
}

/** True when `power` holds strictly more of `domain` in the state than each other power. */
export function leads(c: CountryState, power: Power, domain: "security" | "economy" | "politics"): boolean {
  const mine = c.influence[power][domain];
  return POWERS.every((p) => p === power || c.influence[p][domain] < mine);
}

/** The share of all foreign influence held by the strongest power, 0..1. */
export function dominantShare(c: CountryState): number {
  const totals = POWERS.map((p) => totalInfluence(c, p));
  const sum = totals.reduce((a, b) => a + b, 0);
  return sum === 0 ? 0 : Math.max(...totals) / sum;
}

const count = (pred: (c: CountryState) => boolean, state: GameState): number =>
  STATES.reduce((n, id) => n + (pred(state.countries[id]) ? 1 : 0), 0);


/** Victory points a seat earns at the end of a round from its public objectives (GAME.md, "Winning"). */
export function roundPoints(state: GameState, seat: Seat): number {
  if (seat === "russia") {
    // Security primacy: leading security where the CSTO binds states to Russia, and bases beyond them.
    const w = SCORING.russia;
    return w.cstoLead * count((c) => c.members.csto && leads(c, "russia", "security"), state)
      + w.baseAbroad * count((c) => !c.members.csto && c.assets.russianBases > 0, state)
      + (count((c) => leads(c, "russia", "politics"), state) >= 3 ? w.politicalLead : 0);
  }
  if (seat === "china") {
    // Completed corridors and stable borderlands.
    const w = SCORING.china;
    return w.corridor * count((c) => c.assets.briCorridor >= 3, state)
      + (count((c) => leads(c, "china", "economy"), state) >= 3 ? w.economyLead : 0)
      + (XINJIANG_BORDER.every((id) => state.countries[id].stability >= 4) ? w.stableBorder : 0);
  }
  if (seat === "west") {
    // Connectivity and influence.
    const w = SCORING.west;
    return w.foothold * count((c) => totalInfluence(c, "west") >= 4, state)
      + (count((c) => c.assets.westProjects > 0, state) >= 2 ? w.project : 0)
      + (state.global.westPresence >= 5 ? w.presence : 0);
  }
  // A Central Asian state: sovereignty (no single power dominant), prosperity and stability.
  const c = state.countries[seat];
  const w = SCORING.state;
  return (dominantShare(c) <= 0.5 ? w.balanced : 0)
    + (c.prosperity >= 5 ? w.prosperity : 0)
    + (c.stability >= 5 ? w.stability : 0)
    + (c.sovereignty >= 6 ? w.sovereignty : 0);
}

/** Whether the seat's secret agenda is fulfilled at the end of the game. */
export function agendaMet(state: GameState, seat: Seat, agendaId: string): boolean {
  const agenda = AGENDA_BY_ID.get(agendaId);
  if (!agenda) return false;
  const g = state.global;
  const own = isState(seat) ? state.countries[seat] : null;
  switch (agenda.check) {
    case "kazakhstanFirst": {
      const kz = state.countries.kazakhstan;
      return kz.members.csto && kz.members.eaeu && POWERS.every((p) => p === "russia" || totalInfluence(kz, p) < totalInfluence(kz, "russia"));
    }
    case "controlledInstability":
      return state.stats.cstoInterventions >= 2;
    case "keepOutsidersOut":
      return g.westPresence <= 3 && STATES.every((id) => !(state.countries[id].members.csto && leads(state.countries[id], "china", "security")));
    case "xinjiangFirst":
      return g.afghanThreat <= 2 && XINJIANG_BORDER.every((id) => state.countries[id].stability >= 5);
    case "energySecurity":
      return STATES.reduce((n, id) => n + state.countries[id].assets.pipelines, 0) >= 4;
    case "digitalSilkRoad":
      return count((c) => c.assets.digital > 0, state) >= 3;
    case "multiVector": {
      if (!own) return false;
      const strong = POWERS.filter((p) => totalInfluence(own, p) >= 4).length;
      return dominantShare(own) <= 0.45 && strong >= 2;
    }
    case "prosperityFirst":
      return !!own && own.prosperity >= 7;
    case "neutrality":
      return !!own && !own.members.csto && !own.members.eaeu && own.assets.russianBases === 0 && own.assets.chineseOutposts === 0;
    case "allInclusive":
      return g.division === "allInclusive" || (state.stats.bargains === 0 && g.tension <= 4);
    case "connectivity":
      return count((c) => c.assets.westProjects > 0, state) >= 3;
    case "securityPartner":
      return g.westPresence >= 6;
  }
}

/** Par after `rounds` rounds of a game whose full par is `full` and whose shares per round are `shape`. */
export function parAt(full: number, shape: readonly number[], rounds: number): number {
  if (rounds <= 0) return 0;
  return Math.round(full * shape[Math.min(rounds, shape.length) - 1]!);
}

/** A seat's par after `rounds` rounds of a short or standard game. */
export function parFor(seat: Seat, rounds: number, length: GameLength): number {
  return parAt(PAR[seat][length], PAR_SHAPE[seat][length], rounds);
}

/** What a rupture costs each power: the same share of a short and of a standard game (RULES.rupturePenaltyPerRound). */
export function rupturePenalty(length: GameLength): number {
  return RULES.rupturePenaltyPerRound * GAME_LENGTHS[length];
}

/** Score against par: what decides the winner. */
export function standing(state: GameState, seat: Seat): number {
  return state.seats[seat]!.score - parFor(seat, state.stats.roundsScored, state.options.length);
}
