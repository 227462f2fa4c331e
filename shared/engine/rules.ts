import type { GameLength, Mode, Power, Seat, TableBotLevel } from "./ids.ts";

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
  /**
   * A common Western foe draws the powers together: tension eases each year while Western presence is at least this.
   * At 6 the West reached it by its third year in most games, and the easing became a standing brake on tension; a
   * foe that draws Moscow and Beijing together should be a Western presence that rivals theirs, while "Central Asia
   * has stayed on the periphery of the U.S. interests" (001).
   */
  commonFoePresence: 7,
  ruptureAt: 10,
  /** A state whose remittances from Russia are at least this depends on Russia: a yearly income, and a lever for Russia. */
  remittanceDependence: 3,
  /**
   * What a rupture costs each power per round of the game's length: 12 points in a short game, 20 in a standard one.
   * A flat cost would weigh twice as heavily against what a short game is worth (a power's par there is 26-31, against
   * 48 in a standard game), and made the powers of a short game shy of any risk to the partnership.
   */
  rupturePenaltyPerRound: 2,
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
 * and a standard (10-round) game. A seat's standing is its score minus par for the rounds played, so a small state
 * that does well for itself can beat a great power that merely holds its ground.
 *
 * Par is measured for each mode, because the players in the seats differ. In Great Powers games the states and the
 * West are always bots and two players take the powers; there par was first fitted to games with normal bots in every
 * seat, the bots players meet, by `npm run calibrate -- --games 0 --normal 2000 --powers 1000 --fit normal --seed 20001`:
 * the nearest par to the one before at which Russia beats China in 42–58% of Great Powers games (GAME.md's range,
 * narrowed against sampling error). China's standard par was then set so that strong powers at a normal table (hard
 * bots in both power seats) stay in the range too (docs/BALANCE.md, "Great Powers standard games, 2026-12-06"). In Full games any seat may hold a strong player, so par there is fitted to
 * three populations at once: normal bots in every seat, hard powers beside normal states and West, and hard bots in
 * every seat, each seat winning 8–18% of games in each (docs/BALANCE.md, "Par for Full games"), save where a table
 * of hard bots needs its own (PAR_AT_HARD_TABLES). China's par went
 * up when the normal China began carrying on its corridors, and par may be a half point (docs/BALANCE.md,
 * "China's corridors, and par to the half point").
 */
export const PAR: Record<Mode, Record<Seat, { short: number; standard: number }>> = {
  full: {
    russia: { short: 32, standard: 49 }, china: { short: 27.5, standard: 50 }, west: { short: 27, standard: 47 },
    kazakhstan: { short: 28, standard: 40.5 }, kyrgyzstan: { short: 20, standard: 30.5 }, tajikistan: { short: 15, standard: 28 },
    turkmenistan: { short: 28.5, standard: 43.5 }, uzbekistan: { short: 25, standard: 40.5 },
  },
  powers: {
    russia: { short: 31, standard: 48 }, china: { short: 27, standard: 48 }, west: { short: 26, standard: 47 },
    kazakhstan: { short: 27, standard: 40 }, kyrgyzstan: { short: 22, standard: 36 }, tajikistan: { short: 16, standard: 29 },
    turkmenistan: { short: 28, standard: 43 }, uzbekistan: { short: 25, standard: 39 },
  },
};

/** A table's own par, by mode, for the seats and lengths where it differs from PAR. */
export type TablePar = Record<Mode, Partial<Record<Seat, Partial<Record<GameLength, number>>>>>;

/**
 * Par at a table of hard bots, for the seats where it differs from PAR: the level of the bots at a table moves what
 * an average player scores from a seat.
 * - Great Powers: the states and the West are always bots of the table's level, and they are part of the position a
 *   power starts from. Hard states strike more of the deals Russia offers them (a base leased beyond the CSTO,
 *   political leads), so an average Russia scores about 3 points more in a short game than beside normal states,
 *   while China scores about the same (docs/BALANCE.md, "Par at a table of hard bots"). Standard games keep
 *   PAR.powers: Russia beat China in 57.2% of 300 all-hard standard games at it.
 * - Full: every seat a person leaves is a hard bot, and hard bots play the states differently: Uzbekistan won
 *   21–24% of all-hard standard games at the normal table's par (Russia and Turkmenistan 15–20%), and Uzbekistan and
 *   Tajikistan 19.6–19.7% and 17.1–18.6% of short ones.
 *   Each value was judged on every all-hard game at today's rules, then played at on fresh games (docs/BALANCE.md,
 *   "A Full par for tables of hard bots").
 *   Tables of normal bots, and two strong powers among normal bots, keep PAR.full.
 */
export const PAR_AT_HARD_TABLES: TablePar = {
  powers: { russia: { short: 33 } },
  full: {
    russia: { standard: 49.5 }, tajikistan: { short: 16 }, turkmenistan: { standard: 44 }, uzbekistan: { short: 26, standard: 42 },
  },
};

/**
 * Par in Great Powers games at a table of easy bots, for the seats where it differs from PAR.powers. Easy states and
 * West are part of the position a power starts from, as hard ones are: beside them normal powers (the proxy for
 * people) played out a short game with Russia about 7 points richer and China no richer than at a normal table, and a
 * standard game about 8.5 points richer, so Russia beat China in 80% of short and 71% of standard games at the normal
 * table's par (800 games each, seed 360001; docs/BALANCE.md, "Par at a table of easy bots"). Full games at an easy
 * table keep PAR.full (not measured: there one person's seat is strong and the other seven are easy).
 */
export const PAR_AT_EASY_TABLES: TablePar = {
  powers: { russia: { short: 37.5, standard: 54 } },
  full: {},
};

/** The tables whose bots' level has a par of its own; a normal table plays at PAR. */
export const PAR_AT_TABLES: Partial<Record<TableBotLevel, TablePar>> = { easy: PAR_AT_EASY_TABLES, hard: PAR_AT_HARD_TABLES };

/**
 * The share of its par a seat should hold after each round of a short and a standard game, for a game that ends
 * early (a rupture): how the average player's score, with the agenda points it would get if the game ended then,
 * builds up over a game (bench/calibrate-par.ts over baseline and normal games, `--games 600 --normal 150`).
 * Seats score at different times: Russia's bases and CSTO leads pay from the first year, China's corridors only
 * once finished and its agenda at the end.
 */
export const PAR_SHAPE: Record<Seat, { short: readonly number[]; standard: readonly number[] }> = {
  russia: { short: [0.27, 0.39, 0.55, 0.71, 0.86, 1], standard: [0.17, 0.25, 0.35, 0.46, 0.56, 0.65, 0.75, 0.83, 0.92, 1] },
  china: { short: [0.15, 0.26, 0.4, 0.54, 0.72, 1], standard: [0.06, 0.13, 0.19, 0.27, 0.36, 0.46, 0.58, 0.7, 0.83, 1] },
  west: { short: [0.03, 0.16, 0.44, 0.64, 0.82, 1], standard: [0.02, 0.08, 0.24, 0.34, 0.44, 0.53, 0.63, 0.75, 0.87, 1] },
  kazakhstan: { short: [0.17, 0.31, 0.47, 0.63, 0.81, 1], standard: [0.1, 0.18, 0.27, 0.37, 0.47, 0.57, 0.67, 0.78, 0.88, 1] },
  kyrgyzstan: { short: [0.14, 0.26, 0.42, 0.58, 0.77, 1], standard: [0.08, 0.15, 0.23, 0.33, 0.44, 0.55, 0.65, 0.76, 0.87, 1] },
  tajikistan: { short: [0.13, 0.2, 0.35, 0.52, 0.73, 1], standard: [0.07, 0.1, 0.18, 0.26, 0.38, 0.49, 0.61, 0.73, 0.86, 1] },
  turkmenistan: { short: [0.26, 0.38, 0.53, 0.68, 0.83, 1], standard: [0.16, 0.24, 0.33, 0.43, 0.53, 0.62, 0.72, 0.81, 0.9, 1] },
  uzbekistan: { short: [0.22, 0.33, 0.47, 0.63, 0.82, 1], standard: [0.13, 0.19, 0.28, 0.37, 0.47, 0.57, 0.67, 0.79, 0.89, 1] },
};

