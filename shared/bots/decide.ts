import { TABLE_BOT_LEVELS, type GameView } from "../engine/index.ts";
import { answerReason, ordersReason } from "./reasons.ts";
import { baselineInput } from "./baseline.ts";
import type { BotDecision, SearchBudget } from "./decision.ts";
import { easyDecide } from "./easy.ts";
import { hardDecide } from "./hard.ts";
import { normalDecide } from "./normal.ts";

export type { BotDecision, SearchBudget } from "./decision.ts";
export { DEFAULT_BUDGET } from "./hard.ts";

/** How well a bot plays. "baseline" is the simple greedy bot the simulator's balance figures use. */
export const BOT_LEVELS = [...TABLE_BOT_LEVELS, "baseline"] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

function baselineDecide(view: GameView, seed: number): BotDecision | null {
  const input = baselineInput(view, seed);
  if (!input || view.viewer === "spectator" || view.viewer === "teacher") return null;
  if (input.type === "orders") return { input, reason: ordersReason(view, view.viewer, input.orders, input.orders[0] ?? null) };
  if (input.type !== "answer") return { input, reason: ordersReason(view, view.viewer, [], null) };
  const d = view.decisions.find((x) => x.id === input.decision)!;
  return { input, reason: answerReason(view, view.viewer, d, input.answer) };
}

/**
 * What a bot of this level does now, deciding from its own seat's view only; null when it owes nothing.
 * Same level, view and seed give the same decision, except that the hard bot stops early when its time budget
 * runs out by the clock the caller passes in the budget (without a clock, only its playouts bound it).
 */
export function decide(level: BotLevel, view: GameView, seed: number, budget?: SearchBudget): BotDecision | null {
  switch (level) {
    case "easy": return easyDecide(view, seed);
    case "normal": return normalDecide(view, seed);
    case "hard": return hardDecide(view, seed, budget);
    case "baseline": return baselineDecide(view, seed);
  }
}
