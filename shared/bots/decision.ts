import type { Input } from "../engine/index.ts";

/** A bot's input with a sentence a student can read about why it chose it. */
export interface BotDecision { input: Input; reason: string }

/** How much thinking the searching bot may do: playouts and wall-clock time, whichever runs out first. */
export interface SearchBudget {
  playouts: number;
  timeMs: number;
  /** The caller's clock in milliseconds; without one, only the playouts bound the search (bots read no clock themselves). */
  now?: () => number;
}
