import { AGENDA_BY_ID } from "../content/index.ts";
import { GAME_LENGTHS, POWERS, SEATS, STATES, XINJIANG_BORDER, isState, type GameLength, type Power, type Seat } from "./ids.ts";
import { PAR, PAR_AT_TABLES, PAR_SHAPE, RULES, SCORING } from "./rules.ts";
import type { CountryState, GameEvent, GameOptions, GameState } from "./types.ts";

export function totalInfluence(c: CountryState, power: Power): number {
  const i = c.influence[power];
  return i.security + i.economy + i.politics;
}

/** True when `power` holds strictly more of a measure of influence than each other power. */
const ahead = (power: Power, measure: (p: Power) => number): boolean => POWERS.every((p) => p === power || measure(p) < measure(power));

/** True when `power` holds strictly more of `domain` in the state than each other power. */
export function leads(c: CountryState, power: Power, domain: "security" | "economy" | "politics"): boolean {
  return ahead(power, (p) => c.influence[p][domain]);
}

/** True when `power` holds strictly more influence in the state, over all three domains, than each other power. */
export function leadsOverall(c: CountryState, power: Power): boolean {
  return ahead(power, (p) => totalInfluence(c, p));
}

/** The share of all foreign influence held by the strongest power, 0..1. */
export function dominantShare(c: CountryState): number {
  const totals = POWERS.map((p) => totalInfluence(c, p));
  const sum = totals.reduce((a, b) => a + b, 0);
  return sum === 0 ? 0 : Math.max(...totals) / sum;
}

/** What scoring reads: a game state, or a seat's view of it (both carry the board, the global tracks and the stats). */
export type ScoringInput = Pick<GameState, "countries" | "global" | "stats">;

const count = (pred: (c: CountryState) => boolean, state: ScoringInput): number =>
  STATES.reduce((n, id) => n + (pred(state.countries[id]) ? 1 : 0), 0);

/** Every way a seat's score moves: its public objectives' yearly points, bonuses at once, a rupture's penalty, the agenda. */
export const SCORE_CATEGORIES = [
  "cstoLead", "baseAbroad", "politicalLead", "interventionBonus",
  "corridor", "economyLead", "stableBorder", "leverageBonus",
  "foothold", "project", "presence",
  "balanced", "prosperity", "stability", "sovereignty",
  "rupture", "agenda",
] as const;
export type ScoreCategory = (typeof SCORE_CATEGORIES)[number];

/**
 * How far one public objective is met now, and what it would score if the year were scored now.
 * - value: what is measured (a count of states, a track, or the strongest power's share of influence, 0..1).
 * - target: the value it needs: at least `target`, or at most when `atMost`.
 * - of: for an objective that scores per state (each state counts once `value` reaches it), how many states could
 *   count; null for a yes-or-no objective.
 * - met: whether it scores now; points: what it scores now.
 */
export interface ObjectiveProgress {
  category: ScoreCategory;
  value: number;
  target: number;
  atMost: boolean;
  of: number | null;
  met: boolean;
  points: number;
}

const perState = (category: ScoreCategory, value: number, of: number, weight: number): ObjectiveProgress =>
  ({ category, value, target: 1, atMost: false, of, met: value >= 1, points: weight * value });
const threshold = (category: ScoreCategory, value: number, target: number, weight: number, atMost = false): ObjectiveProgress => {
  const met = atMost ? value <= target : value >= target;
  return { category, value, target, atMost, of: null, met, points: met ? weight : 0 };
};

/** A seat's public objectives (GAME.md, "Winning") as they stand: what each measures, needs and would score this year. */
export function objectives(state: ScoringInput, seat: Seat): ObjectiveProgress[] {
  if (seat === "russia") {
    // Security primacy: leading security where the CSTO binds states to Russia, and bases beyond them.
    const w = SCORING.russia;
    return [
      perState("cstoLead", count((c) => c.members.csto && leads(c, "russia", "security"), state), count((c) => c.members.csto, state), w.cstoLead),
      perState("baseAbroad", count((c) => !c.members.csto && c.assets.russianBases > 0, state), count((c) => !c.members.csto, state), w.baseAbroad),
      threshold("politicalLead", count((c) => leads(c, "russia", "politics"), state), 3, w.politicalLead),
    ];
  }
  if (seat === "china") {
    // Completed corridors and stable borderlands.
    const w = SCORING.china;
    return [
      perState("corridor", count((c) => c.assets.briCorridor >= 3, state), STATES.length, w.corridor),
      threshold("economyLead", count((c) => leads(c, "china", "economy"), state), 3, w.economyLead),
      threshold("stableBorder", XINJIANG_BORDER.filter((id) => state.countries[id].stability >= 4).length, XINJIANG_BORDER.length, w.stableBorder),
    ];
  }
  if (seat === "west") {
    // Connectivity and influence.
    const w = SCORING.west;
    return [
      perState("foothold", count((c) => totalInfluence(c, "west") >= 4, state), STATES.length, w.foothold),
      threshold("project", count((c) => c.assets.westProjects > 0, state), 2, w.project),
      threshold("presence", state.global.westPresence, 5, w.presence),
    ];
  }
  // A Central Asian state: sovereignty (no single power dominant), prosperity and stability.
  const c = state.countries[seat];
  const w = SCORING.state;
  return [
    threshold("balanced", dominantShare(c), 0.5, w.balanced, true),
    threshold("prosperity", c.prosperity, 5, w.prosperity),
    threshold("stability", c.stability, 5, w.stability),
    threshold("sovereignty", c.sovereignty, 6, w.sovereignty),
  ];
}

/** Victory points a seat earns at the end of a round from its public objectives (GAME.md, "Winning"). */
export function roundPoints(state: ScoringInput, seat: Seat): number {
  let points = 0;
  for (const o of objectives(state, seat)) points += o.points;
  return points;
}

/**
 * One condition of a secret agenda: `value` against `target` (at least, or at most when `atMost`). An agenda is met
 * when every condition of one alternative holds (`alt`: most agendas have one, alternative 0).
 */
export interface AgendaCondition { id: string; value: number; target: number; atMost: boolean; alt: number; met: boolean }

/** How far a secret agenda is met now: its conditions, and whether it would score its points if the game ended now. */
export interface AgendaProgress { agenda: string; points: number; met: boolean; conditions: AgendaCondition[] }

const atLeast = (id: string, value: number, target: number, alt = 0): AgendaCondition => ({ id, value, target, atMost: false, alt, met: value >= target });
const atMost = (id: string, value: number, target: number, alt = 0): AgendaCondition => ({ id, value, target, atMost: true, alt, met: value <= target });
const flag = (b: boolean) => (b ? 1 : 0);

function agendaConditions(state: ScoringInput, seat: Seat, check: string): AgendaCondition[] | null {
  const g = state.global;
  const own = isState(seat) ? state.countries[seat] : null;
  switch (check) {
    case "kazakhstanFirst": {
      const kz = state.countries.kazakhstan;
      const rivals = Math.max(...POWERS.filter((p) => p !== "russia").map((p) => totalInfluence(kz, p)));
      return [atLeast("kazakhstanCsto", flag(kz.members.csto), 1), atLeast("kazakhstanEaeu", flag(kz.members.eaeu), 1), atLeast("russiaInfluenceLead", totalInfluence(kz, "russia") - rivals, 1)];
    }
    case "controlledInstability":
      return [atLeast("cstoInterventions", state.stats.cstoInterventions, 2)];
    case "keepOutsidersOut":
      // Outsiders kept out of Russia's alliance: a CSTO of two or more, and no member where another power matches or
      // passes Russia's total influence. Not security alone: China would spoil that only by encroaching on Russia's
      // home domain, and normal standard games then ruptured in 40% (docs/BALANCE.md).
      return [atLeast("cstoMembers", count((c) => c.members.csto, state), 2), atMost("cstoNotLedByRussia", count((c) => c.members.csto && !leadsOverall(c, "russia"), state), 0)];
    case "xinjiangFirst":
      return [atMost("afghanThreat", g.afghanThreat, 2), atLeast("xinjiangBorderStable", XINJIANG_BORDER.filter((id) => state.countries[id].stability >= 5).length, XINJIANG_BORDER.length)];
    case "energySecurity":
      return [atLeast("pipelines", STATES.reduce((n, id) => n + state.countries[id].assets.pipelines, 0), 4)];
    case "digitalSilkRoad":
      return [atLeast("digitalStates", count((c) => c.assets.digital > 0, state), 3)];
    case "multiVector":
      if (!own) return null;
      return [atMost("dominantShare", dominantShare(own), 0.45), atLeast("strongPowers", POWERS.filter((p) => totalInfluence(own, p) >= 4).length, 2)];
    case "prosperityFirst":
      return own ? [atLeast("prosperity", own.prosperity, 7)] : null;
    case "neutrality":
      return own ? [
        atMost("csto", flag(own.members.csto), 0), atMost("eaeu", flag(own.members.eaeu), 0),
        atMost("russianBases", own.assets.russianBases, 0), atMost("chineseOutposts", own.assets.chineseOutposts, 0),
      ] : null;
    case "allInclusive":
      // Or the states' calls for it are loud: what the states themselves can bring about. Not a tension line, which a
      // power would have a reason to cross (encroaching to spoil a leading state's agenda brings the rupture nearer).
      return [atLeast("allInclusiveDivision", flag(g.division === "allInclusive"), 1, 0), atLeast("allInclusiveCalls", g.allInclusivePressure, 5, 1)];
    case "connectivity":
      return [atLeast("projectStates", count((c) => c.assets.westProjects > 0, state), 3)];
    case "securityPartner":
      return [atLeast("westPresence", g.westPresence, 6)];
    default:
      return null;
  }
}

/** How far the seat's secret agenda `agendaId` is met now; null for an agenda id the content does not hold. */
export function agendaProgress(state: ScoringInput, seat: Seat, agendaId: string): AgendaProgress | null {
  const agenda = AGENDA_BY_ID.get(agendaId);
  if (!agenda) return null;
  const conditions = agendaConditions(state, seat, agenda.check);
  if (!conditions) return { agenda: agendaId, points: agenda.points, met: false, conditions: [] };
  const alts = new Set(conditions.map((c) => c.alt));
  const met = [...alts].some((alt) => conditions.every((c) => c.alt !== alt || c.met));
  return { agenda: agendaId, points: agenda.points, met, conditions };
}

/** Whether the seat's secret agenda is fulfilled at the end of the game. */
export function agendaMet(state: ScoringInput, seat: Seat, agendaId: string): boolean {
  return agendaProgress(state, seat, agendaId)?.met ?? false;
}

/** One move of a seat's score, as the log records it. */
export interface ScorePart { round: number; category: ScoreCategory; points: number }

const CATEGORY_SET = new Set<string>(SCORE_CATEGORIES);

/**
 * Every move of the seat's score in a game's events (the log from the start: `scored` lines with their parts by
 * category, `scoreBonus`, `rupture`, `agendaMet`), oldest first. Their points add up to the seat's score.
 */
export function scoreParts(events: readonly GameEvent[], seat: Seat): ScorePart[] {
  const out: ScorePart[] = [];
  for (const e of events) {
    const p = e.params;
    if (e.kind === "scored" && p.seat === seat) {
      for (const [key, value] of Object.entries(p)) if (CATEGORY_SET.has(key) && typeof value === "number") out.push({ round: e.round, category: key as ScoreCategory, points: value });
    } else if (e.kind === "scoreBonus" && p.seat === seat) {
      out.push({ round: e.round, category: p.category as ScoreCategory, points: Number(p.points) });
    } else if (e.kind === "rupture" && (seat === "russia" || seat === "china")) {
      out.push({ round: e.round, category: "rupture", points: -Number(p.penalty) });
    } else if (e.kind === "agendaMet" && p.seat === seat) {
      out.push({ round: e.round, category: "agenda", points: Number(p.points) });
    }
  }
  return out;
}

/** A seat's score by category (only those that scored or cost it), the agenda's share included, and their total. */
export interface ScoreBreakdown { total: number; byCategory: Partial<Record<ScoreCategory, number>>; agenda: number }

/** The seat's score broken down by category, from a game's events since the start (for the end screen). */
export function scoreBreakdown(events: readonly GameEvent[], seat: Seat): ScoreBreakdown {
  const byCategory: Partial<Record<ScoreCategory, number>> = {};
  let total = 0;
  for (const part of scoreParts(events, seat)) {
    byCategory[part.category] = (byCategory[part.category] ?? 0) + part.points;
    total += part.points;
  }
  return { total, byCategory, agenda: byCategory.agenda ?? 0 };
}

/**
 * Par after `rounds` rounds of a game whose full par is `full` and whose shares per round are `shape`, to the half
 * point: par is an average, and a whole point is coarser than the gap between the players a seat's par must serve
 * (docs/BALANCE.md, "China's corridors, and par to the half point").
 */
export function parAt(full: number, shape: readonly number[], rounds: number): number {
  if (rounds <= 0) return 0;
  return Math.round(full * shape[Math.min(rounds, shape.length) - 1]! * 2) / 2;
}

/** What par reads of a game: its mode and length, and the level of the bots at its table. */
export type ParGame = Pick<GameOptions, "mode" | "length" | "botLevel">;

/** A seat's par at the end of a game of the given mode and length, at a table of bots of the given level. */
export function fullPar(seat: Seat, game: ParGame): number {
  const table = game.botLevel ? PAR_AT_TABLES[game.botLevel] : undefined;
  return table?.[game.mode][seat]?.[game.length] ?? PAR[game.mode][seat][game.length];
}

/** Whether the level of the bots at the table moves any seat's par in this game (the end screen says so). */
export function parFollowsBots(game: ParGame): boolean {
  return SEATS.some((seat) => fullPar(seat, game) !== fullPar(seat, { mode: game.mode, length: game.length }));
}

/** A seat's par after `rounds` rounds of a game of the given mode and length (and level of the bots at the table). */
export function parFor(seat: Seat, rounds: number, game: ParGame): number {
  return parAt(fullPar(seat, game), PAR_SHAPE[seat][game.length], rounds);
}

/** What a rupture costs each power: the same share of a short and of a standard game (RULES.rupturePenaltyPerRound). */
export function rupturePenalty(length: GameLength): number {
  return RULES.rupturePenaltyPerRound * GAME_LENGTHS[length];
}

/** Score against par: what decides the winner. */
export function standing(state: GameState, seat: Seat): number {
  return state.seats[seat]!.score - parFor(seat, state.stats.roundsScored, state.options);
}
