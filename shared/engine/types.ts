import type { AssetKind, Domain, GameLength, Mode, Org, Power, Seat, StateId, TableBotLevel } from "./ids.ts";
import type { RngState } from "./rng.ts";

export type Controller = "human" | "bot";

export interface GameOptions {
  mode: Mode;
  length: GameLength;
  /** First year of play; the news deck is era-gated by the current year. */
  startYear: number;
  /** Whether the West is a seat; when false, the West's presence is still a track. */
  west: boolean;
  seats: Partial<Record<Seat, Controller>>;
  /**
   * The level of the bots at the table (absent: normal). In Great Powers games the states and the West are always
   * bots, so how well they play moves what an average power scores: par there follows it (PAR_AT_HARD_TABLES).
   */
  botLevel?: TableBotLevel;
}

export type Influence = Record<Domain, number>;

export const CRISIS_KINDS = ["unrest", "terrorism", "borderClash", "spillover"] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];

export interface CountryState {
  id: StateId;
  influence: Record<Power, Influence>;
  stability: number;
  prosperity: number;
  sovereignty: number;
  /** Debt owed to China, in units of $100m. */
  debt: number;
  /** The debt it can carry without distress, in units of $100m. */
  capacity: number;
  distress: boolean;
  /** Public opinion of each power, -3 (hostile) to +3 (warm). */
  opinion: { china: number; russia: number };
  members: Record<Org, boolean>;
  assets: Record<AssetKind, number>;
  /** Dependence on remittances from migrant workers in Russia, 0..5. */
  remittances: number;
  crisis: CrisisKind | null;
}

/** The split of roles between the two powers. Each domain names the power whose home it is, or none. */
export const ARRANGEMENTS = ["classic", "sharedSecurity", "economicPartnership", "allInclusive"] as const;
export type Arrangement = (typeof ARRANGEMENTS)[number];

export interface GlobalState {
  /** Sino-Russian tension 0..10; at 10 the partnership ruptures. */
  tension: number;
  division: Arrangement;
  /** How far China's weight exceeds Russia's, 0..10. */
  asymmetry: number;
  westPresence: number;
  afghanThreat: number;
  /** Calls from Central Asian capitals for "all-inclusive" responsibility, 0..5. */
  allInclusivePressure: number;
  year: number;
}

export interface Order {
  action: string;
  target?: StateId | Power;
  option?: string;
}

export interface SeatState {
  seat: Seat;
  controller: Controller;
  funds: number;
  income: number;
  ap: number;
  score: number;
  agenda: string;
  submitted: boolean;
  orders: Order[];
}

export const DECISION_KINDS = ["offer", "crisisRequest", "crisisResponse", "leverage"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface Decision {
  id: number;
  kind: DecisionKind;
  /** The seat that must answer. */
  seat: Seat;
  /** The seat that made the offer or the request, if any. */
  from: Seat | null;
  state: StateId | null;
  /** For offers: the order that made it. */
  order: Order | null;
  options: string[];
  /** What an absent human's seat answers when the phase closes without them. */
  defaultAnswer: string;
  answer: string | null;
}

export type Phase = "orders" | "offers" | "crisisRequest" | "crisisResponse" | "leverage" | "ended";

export interface Stats {
  cstoInterventions: number;
  chineseSecurityAnswers: number;
  debtDistress: number;
  leverage: number;
  encroachments: number;
  bargains: number;
  rupture: boolean;
  /** Rounds whose scoring phase has been played (a rupture can end a round before it is scored). */
  roundsScored: number;
}

/** Per-round figures kept for the end-of-game charts. */
export interface RoundSnapshot {
  round: number;
  year: number;
  tension: number;
  asymmetry: number;
  states: Record<StateId, { stability: number; debt: number; influence: Record<Power, number> }>;
  scores: Record<Seat, number>;
}

export interface GameEvent {
  kind: string;
  round: number;
  /** Who may see it: everyone, or only the listed seats (and a teacher). */
  visibleTo: "all" | Seat[];
  params: Record<string, string | number | boolean>;
}

export interface GameState {
  version: 1;
  seed: number;
  options: GameOptions;
  round: number;
  maxRounds: number;
  phase: Phase;
  rng: RngState;
  global: GlobalState;
  countries: Record<StateId, CountryState>;
  seats: Partial<Record<Seat, SeatState>>;
  /** Seats taking part, in resolution order. */
  seatOrder: Seat[];
  deck: { drawn: string[]; news: string[] };
  decisions: Decision[];
  nextDecisionId: number;
  stats: Stats;
  history: RoundSnapshot[];
  /** Events of the current round; the full log is the concatenation the caller keeps. */
  log: GameEvent[];
  winners: Seat[];
  endReason: "rounds" | "rupture" | null;
}
