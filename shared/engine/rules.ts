import type { Power, Seat } from "./ids.ts";

/**
 * The numbers of the game that are not tied to one card or action: bounds, incomes, scoring weights.
 * Kept in one place so balance work (docs/BALANCE.md) changes data, not logic.
 */
export const BOUNDS = {
  influence: [0, 5],
  stability: [0, 10],
  prosperity: [0, 10],
  sovereignty: [0, 10],
  debt: [0, 60],
  capacity: [1, 60],
  remittances: [0, 5],
  opinion: [-3, 3],
  asset: [0, 9],
  briCorridor: [0, 3],
  funds: [0, 30],
  income: [0, 15],
  tension: [0, 10],
  asymmetry: [0, 10],
  westPresence: [0, 10],
  afghanThreat: [0, 5],
  allInclusivePressure: [0, 5],
} as const satisfies Record<string, readonly [number, number]>;

export const START_INCOME: Record<Seat, number> = {
  russia: 4, china: 7, west: 3,
  kazakhstan: 1, kyrgyzstan: 1, tajikistan: 1, turkmenistan: 1, uzbekistan: 1,
};

export const ACTION_POINTS: Record<Seat, number> = {
  russia: 3, china: 3, west: 2,
  kazakhstan: 2, kyrgyzstan: 2, tajikistan: 2, turkmenistan: 2, uzbekistan: 2,
};

export const RULES = {
  newsPerRound: 2,
  /** Yearly chance of losing a point of stability: a base, plus poverty and Sinophobia; spillover per point of Afghan threat. */
  baseUnrest: 0.5,
  calmAbove: 6,
  boomAbove: 5,
  /** A power with this much total influence in a state wears its sovereignty down each year. */
  heavyInfluence: 9,
  fadeFrom: 4,
  povertyAt: 3,
  povertyUnrest: 0.2,
  sinophobiaUnrest: 0.2,
  spilloverPerThreat: 0.1,
  maxOrders: 6,
  /** Stability at or below which a state falls into crisis. */
  crisisAt: 3,
  /** Share of the debt due each year, in percent. */
  debtServicePercent: 10,
  /** Tension added by one encroachment, and the extra when China encroaches while the asymmetry is high. */
  encroachTension: 1,
  juniorPartnerAsymmetry: 6,
  juniorPartnerExtra: 1,
  /** A common Western foe draws the powers together: tension eases each year while Western presence is at least this. */
  commonFoePresence: 6,
  ruptureAt: 10,
  /** A state whose remittances from Russia are at least this depends on Russia: a yearly income, and a lever for Russia. */
  remittanceDependence: 3,
  rupturePenalty: 20,
  /** Each year China's economy outgrows Russia's: asymmetry rises by one every this many rounds. */
  asymmetryEvery: 3,
} as const;

/** Scoring weights per round, tuned by simulation (docs/BALANCE.md). */
export const SCORING = {
  russia: { cstoLead: 1, baseAbroad: 1, politicalLead: 1, interventionBonus: 1 },
  china: { corridor: 1, economyLead: 1, stableBorder: 1, leverageBonus: 1 },
  west: { foothold: 1, project: 1, presence: 1 },
  state: { balanced: 1, prosperity: 1, stability: 1, sovereignty: 1 },
} as const;

/**
 * Par: the points an average player earns from each seat's starting position by the end of a short (6-round)
 * and a standard (10-round) game, measured by bench/calibrate-par.ts over games with baseline bots and with
 * normal bots in every seat (`--games 600 --normal 150`), each population weighing half, so that neither the
 * simple nor the lookahead players' particular strengths decide who wins. A seat's standing is its score minus
 * par for the rounds played, so a small state that does well for itself can beat a great power that merely
 * holds its ground. Par between and beyond those points is interpolated linearly from zero.
 */
export const PAR: Record<Seat, { short: number; standard: number }> = {
  russia: { short: 35, standard: 50 }, china: { short: 26, standard: 50 }, west: { short: 26, standard: 46 },
  kazakhstan: { short: 25, standard: 39 }, kyrgyzstan: { short: 23, standard: 37 }, tajikistan: { short: 17, standard: 31 },
  turkmenistan: { short: 29, standard: 44 }, uzbekistan: { short: 25, standard: 37 },
};

export const ORG_LEADER: Record<"csto" | "eaeu" | "sco", Power> = { csto: "russia", eaeu: "russia", sco: "china" };
