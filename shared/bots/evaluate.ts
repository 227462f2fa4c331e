import { AGENDA_BY_ID } from "../content/index.ts";
import { POWERS, STATES, XINJIANG_BORDER, agendaMet, agendaProgress as engineAgendaProgress, dominantShare, parFor, rupturePenalty, standing, totalInfluence, type CountryState, type Domain, type GameState, type Power, type Seat, type StateId } from "../engine/index.ts";

/*
 * How good a game state looks to one seat. At the end of a game it is the seat's standing (score against par,
 * which decides the winner). Before the end it is the score so far, plus the points the seat is on course to
 * earn each remaining round, plus its secret agenda's points weighted by progress, minus par for a full game.
 * "On course" is soft: being one point short of a lead counts for part of the lead, so lookahead sees progress.
 */


/** Roughly how sure a lead in `domain` is, from the margin over the strongest other power. */
function softLead(c: CountryState, power: Power, domain: Domain): number {
  const mine = c.influence[power][domain];
  let best = 0;
  for (const p of POWERS) if (p !== power && c.influence[p][domain] > best) best = c.influence[p][domain];
  const m = mine - best;
  return m >= 2 ? 1 : m === 1 ? 0.8 : m === 0 ? 0.3 : m === -1 ? 0.12 : 0.03;
}

/** Soft "at least 3 of these": from the summed chances of each. */
const atLeast3 = (sum: number) => Math.max(0, Math.min(1, (sum - 1.8) / 2));

/** Soft threshold: 1 at or above `at`, fading by `step` for each point below. */
const over = (value: number, at: number, step = 0.4) => (value >= at ? 1 : Math.max(0, 1 - (at - value) * step));

const states = (state: GameState) => STATES.map((id) => state.countries[id]);

/**
 * How much of a completed corridor's yearly point a corridor of 0, 1, 2 or 3 sections counts for. Only a completed
 * corridor scores, so each section is worth more than the last: valued evenly, a year's lookahead spread its loans
 * over every state and finished few corridors, and a ten-year China fell far behind its par.
 */
const CORRIDOR_VALUE = [0, 0.2, 0.5, 1];

/** The points a seat is on course to earn in each coming round. */
export function softRate(state: GameState, seat: Seat): number {
  const all = states(state);
  if (seat === "russia") {
    let r = 0;
    for (const c of all) r += c.members.csto ? softLead(c, "russia", "security") : c.assets.russianBases > 0 ? 1 : 0;
    return r + atLeast3(all.reduce((n, c) => n + softLead(c, "russia", "politics"), 0));
  }
  if (seat === "china") {
    let r = 0;
    for (const c of all) r += CORRIDOR_VALUE[c.assets.briCorridor];
    const border = Math.min(...XINJIANG_BORDER.map((id) => state.countries[id].stability));
    return r + atLeast3(all.reduce((n, c) => n + softLead(c, "china", "economy"), 0)) + over(border, 4, 0.35);
  }
  if (seat === "west") {
    let r = 0;
    for (const c of all) r += over(totalInfluence(c, "west"), 4, 0.3);
    const projects = all.filter((c) => c.assets.westProjects > 0).length;
    return r + over(projects, 2, 0.5) + over(state.global.westPresence, 5, 0.3);
  }
  const c = state.countries[seat];
  const share = dominantShare(c);
  return (share <= 0.5 ? 1 : Math.max(0, 1 - (share - 0.5) * 8)) + over(c.prosperity, 5) + over(c.stability, 5, 0.3) + over(c.sovereignty, 6);
}

/** One condition of an agenda as the engine judges it (scoring.ts), so a bot never restates a threshold. */
const conditionOf = (state: GameState, seat: Seat, agendaId: string, id: string) => engineAgendaProgress(state, seat, agendaId)!.conditions.find((c) => c.id === id)!;

/** Progress toward a secret agenda, 0..1 (1 when it is met now). */
export function agendaProgress(state: GameState, seat: Seat, agendaId: string): number {
  if (agendaMet(state, seat, agendaId)) return 1;
  const agenda = AGENDA_BY_ID.get(agendaId);
  if (!agenda) return 0;
  const g = state.global;
  const all = states(state);
  const own = seat in state.countries ? state.countries[seat as StateId] : null;
  const frac = (x: number) => Math.max(0, Math.min(0.9, x));
  switch (agenda.check) {
    case "kazakhstanFirst": {
      const kz = state.countries.kazakhstan;
      const margin = totalInfluence(kz, "russia") - Math.max(totalInfluence(kz, "china"), totalInfluence(kz, "west"));
      return frac((kz.members.csto ? 0.3 : 0) + (kz.members.eaeu ? 0.3 : 0) + (margin >= 0 ? 0.2 : 0));
    }
    case "controlledInstability": return frac(state.stats.cstoInterventions / 2);
    case "keepOutsidersOut": {
      // The engine's own measure: how many CSTO members against how many it asks, and how many Russia does not lead.
      const members = conditionOf(state, seat, agendaId, "cstoMembers");
      const notLed = conditionOf(state, seat, agendaId, "cstoNotLedByRussia");
      return frac(Math.min(1, members.value / members.target) * 0.4 + (members.value > 0 ? 1 - notLed.value / members.value : 0) * 0.5);
    }
    case "xinjiangFirst": {
      // Each point of Afghan threat above the line counts, so a power sees the way back down, not only the last step.
      const threat = g.afghanThreat <= 2 ? 0.3 : Math.max(0, 0.3 - (g.afghanThreat - 2) * 0.1);
      return frac(threat + XINJIANG_BORDER.reduce((n, id) => n + over(state.countries[id].stability, 5, 0.5) * 0.2, 0));
    }
    case "energySecurity": return frac(all.reduce((n, c) => n + c.assets.pipelines, 0) / 4);
    case "digitalSilkRoad": return frac(all.filter((c) => c.assets.digital > 0).length / 3);
    case "multiVector": return own ? frac(1 - (dominantShare(own) - 0.45) * 4) * 0.8 : 0;
    case "prosperityFirst": return own ? frac(own.prosperity / 7) : 0;
    case "neutrality": return own ? frac(1 - (own.members.csto ? 0.35 : 0) - (own.members.eaeu ? 0.35 : 0) - own.assets.russianBases * 0.3 - own.assets.chineseOutposts * 0.3) : 0;
    case "allInclusive": {
      const calls = conditionOf(state, seat, agendaId, "allInclusiveCalls");
      return frac(calls.value / calls.target);
    }
    case "connectivity": return frac(all.filter((c) => c.assets.westProjects > 0).length / 3);
    case "securityPartner": return frac(g.westPresence / 6);
  }
}

const CSTO_GUARANTEE = 1;

/** The seat's projected standing at the end of the game, seen from a (possibly unfinished) state. */
export function projectedStanding(state: GameState, seat: Seat): number {
  if (state.phase === "ended") return standing(state, seat);
  const s = state.seats[seat]!;
  const remaining = state.maxRounds - state.stats.roundsScored;
  const agenda = AGENDA_BY_ID.get(s.agenda);
  const progress = agenda ? agendaProgress(state, seat, s.agenda) : 0;
  // Agendas are judged at the end: early progress is worth less, as it can still be undone.
  const agendaValue = agenda ? agenda.points * progress * progress : 0;
  // A CSTO member counts on Russia's help in a crisis: a guarantee worth about a point a year (003: "Moscow has
  // been the undeniable security guarantor and provider in Central Asia"), so it does not walk out for a point
  // of sovereignty.
  const guarantee = seat in state.countries && state.countries[seat as StateId].members.csto ? remaining * CSTO_GUARANTEE : 0;
  const fundsValue = 0.2 * Math.min(s.funds, 10) * Math.min(1, remaining / 3);
  return s.score + remaining * softRate(state, seat) + agendaValue + fundsValue + guarantee - parFor(seat, state.maxRounds, state.options);
}

/** The other great power, whose standing a great power is measured against head to head. */
export function rivalOf(seat: Seat): Seat | null {
  return seat === "russia" ? "china" : seat === "china" ? "russia" : null;
}

/** How a seat weighs the others against its own projected standing. */
export interface Weights {
  /** The rival great power's standing. */
  rival: number;
  /** The standing of the best placed other seat (the rival among them unless it is weighed on its own). */
  leader: number;
  /**
   * Whether a rupture's penalty to the rival offsets the seat's own. Head to head it does (the standings between
   * the two powers freeze); for a seat playing for first place at the table it does not: both powers fall 20
   * points behind every other seat, a loss for both. No bot sets it since issue 20 (the hard bot's Great Powers
   * weights count the penalty too; docs/BALANCE.md, "Ruptures with hard bots").
   */
  headToHead: boolean;
}

/**
 * What a bot maximises. Every seat wants to finish first, so it weighs its own projected standing against the
 * seat best placed to beat it. In Great Powers mode a great power also measures itself against its rival power.
 * A rupture weighs what it costs (its penalty, seen when the year's lookahead reaches it): a power tempted by an
 * encroachment takes the risk rather than shying from every rise in tension.
 */
export function utility(state: GameState, seat: Seat, weights: Weights = weightsIn(state)): number {
  const own = projectedStanding(state, seat);
  const rival = rivalOf(seat);
  let leader = -Infinity;
  // A rival weighed on its own is not chased twice; one not weighed (Full mode) is a seat like any other.
  const apart = weights.rival > 0 ? rival : null;
  for (const other of state.seatOrder) if (other !== seat && other !== apart) leader = Math.max(leader, projectedStanding(state, other));
  const chase = leader === -Infinity ? 0 : weights.leader * leader;
  if (!rival || !state.seats[rival]) return own - chase;
  const shared = !weights.headToHead && state.endReason === "rupture" ? rupturePenalty(state.options.length) : 0;
  return own - weights.rival * (projectedStanding(state, rival) + shared) - chase;
}

const LEADER_WEIGHT = 0.8;

/**
 * In Full mode any seat may win, so a power that spent itself on spoiling its rival would hand the game to a third
 * seat: there the rival is weighed like any other seat, as the one to beat when it leads the rest. In Great Powers
 * mode the rival counts for a quarter of the power's own standing, with the winner still the best standing at the
 * table. At a third, once the common foe needed a Western presence of 7, standard Great Powers games ruptured in 39%
 * (1,000 games, seed 1); at a quarter, 34%. At three quarters (measured 2026-11-23, 200 standard games between normal powers, seed 1) the powers spent
 * their years spoiling each other: Russia blocked Chinese projects, China took Russia's security leads in CSTO
 * members by encroaching, and the partnership ruptured in 80% of standard games; with the rival not weighed at all,
 * Russia beat China in only 31% of short games (400 games).
 */
function weightsIn(state: GameState): Weights {
  return { rival: state.options.mode === "powers" ? POWERS_RIVAL_WEIGHT : 0, leader: LEADER_WEIGHT, headToHead: false };
}

export const POWERS_RIVAL_WEIGHT = 1 / 4;
