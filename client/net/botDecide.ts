import { DEFAULT_BUDGET, decide, type BotDecision, type BotLevel, type SearchBudget } from "../../shared/bots/decide.ts";
import type { GameView } from "../../shared/engine/index.ts";

/** The hard bot's budget with this thread's clock, so its search stops at its time limit. */
const BROWSER_BUDGET: SearchBudget = { ...DEFAULT_BUDGET, now: () => performance.now() };

/** A bot's decision as the browser makes it, on whichever thread calls it. */
export function browserDecide(level: BotLevel, view: GameView, seed: number): BotDecision | null {
  return decide(level, view, seed, BROWSER_BUDGET);
}

/** What the page asks the bot worker. */
export interface BotRequest { id: number; level: BotLevel; view: GameView; seed: number }

/** The worker's answer; error when the decision threw there. */
export type BotReply = { id: number; decision: BotDecision | null } | { id: number; error: string };
