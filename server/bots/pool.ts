import type { GameView } from "../../shared/engine/index.ts";
import { decide, type BotDecision, type BotLevel } from "../../shared/bots/decide.ts";

/**
 * Bot decisions for the room, as promises so that slow levels can run away from the event loop
 * without the room's code changing.
 */
export async function decideAsync(level: BotLevel, view: GameView, seed: number): Promise<BotDecision | null> {
  return decide(level, view, seed);
}
