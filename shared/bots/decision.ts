import type { Why } from "./why.ts";
import type { Input } from "../engine/index.ts";

/** A bot's input with a sentence a student can read about why it chose it. */
/** A bot's move and why (an id and public facts the client words; see why.ts). */
export interface BotDecision { input: Input; reason: Why }

/** How much thinking the searching bot may do: playouts and wall-clock time, whichever runs out first. */
export interface SearchBudget {
  playouts: number;
  timeMs: number;
  /** The caller's clock in milliseconds; without one, only the playouts bound the search (bots read no clock themselves). */
  now?: () => number;
}
