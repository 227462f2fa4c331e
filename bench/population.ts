import { CLOCKED_BUDGET } from "../server/bots/clockedBudget.ts";
import { levelPlayer } from "../shared/bots/play.ts";
import type { BotLevel } from "../shared/bots/decide.ts";

/**
 * The bots of a simulation: `level` in every seat, or (with `powers`) Russia and China at that level beside
 * `level` in the states and the West: the balance targets' three populations (all hard, all normal, hard powers).
 */
export function populationPlayer(level: BotLevel, powers: BotLevel | null): ReturnType<typeof levelPlayer> {
  const everyone = levelPlayer(level, CLOCKED_BUDGET);
  if (!powers || powers === level) return everyone;
  const power = levelPlayer(powers, CLOCKED_BUDGET);
  return (view, seed) => (view.viewer === "russia" || view.viewer === "china" ? power(view, seed) : everyone(view, seed));
}
