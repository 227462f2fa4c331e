import type { GameView, Input } from "../engine/index.ts";
import { baselineInput } from "./baseline.ts";

/** How well a bot plays. "baseline" is the simple greedy bot the simulator's balance figures use. */
export const BOT_LEVELS = ["easy", "normal", "hard", "baseline"] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** A bot's input with a sentence a student can read about why it chose it. */
export interface BotDecision { input: Input; reason: string }

/** What a bot of this level does now, deciding from its own seat's view only; null when it owes nothing. */
export function decide(level: BotLevel, view: GameView, seed: number): BotDecision | null {
  const input = baselineInput(view, seed);
  if (!input) return null;
  return { input, reason: `${level} bot follows its standing plan.` };
}
