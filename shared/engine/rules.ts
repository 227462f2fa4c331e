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
  maxOrders: 6,
  /** Stability at or below which a state falls into crisis. */
  crisisAt: 2,
  /** Share of the debt due each year, in percent. */
  debtServicePercent: 10,
  /** Tension added by one encroachment, and the extra when China encroaches while the asymmetry is high. */
  encroachTension: 1,
  juniorPartnerAsymmetry: 7,
  juniorPartnerExtra: 1,
  /** A common Western foe draws the powers together: tension eases each year while Western presence is at least this. */
  commonFoePresence: 4,
  ruptureAt: 10,
  rupturePenalty: 20,
  /** Each year China's economy outgrows Russia's: asymmetry rises by one every this many rounds. */
  asymmetryEvery: 3,
} as const;

/** Scoring weights per round, tuned by simulation (docs/BALANCE.md). */
export const SCORING = {
  russia: { securityLead: 1, membership: 1, interventionBonus: 2 },
  china: { economyLead: 1, corridor: 2, stableBorder: 1, leverageBonus: 1 },
  west: { foothold: 1, project: 1, presence: 1 },
  state: { balanced: 1, prosperity: 1, stability: 1, sovereignty: 1 },
} as const;

export const ORG_LEADER: Record<"csto" | "eaeu" | "sco", Power> = { csto: "russia", eaeu: "russia", sco: "china" };
