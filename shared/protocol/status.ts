import type { Seat } from "../engine/ids.ts";

/** Where a match stands, public facts only, as GET /api/match/:roomId/status answers for a player's "My games" list. */
export interface MatchStatus {
  name: string;
  started: boolean;
  ended: boolean;
  round: number;
  maxRounds: number;
  phase: string;
  /** Seats the current phase waits for. */
  waitingFor: Seat[];
  /** When the current phase closes (epoch ms), or null. */
  deadline: number | null;
  timerSeconds: number;
  /** The game stopped because the rules changed (the round), or 0. */
  rulesChanged: number;
}
