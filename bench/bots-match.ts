import { CLOCKED_BUDGET } from "../server/bots/clockedBudget.ts";
import { DEFAULT_BUDGET, type BotLevel } from "../shared/bots/decide.ts";
import { levelPlayer, playGame } from "../shared/bots/play.ts";
import { standing, type GameLength } from "../shared/engine/index.ts";

/** One Great Powers match: `a` plays `seatA`, `b` the other power, every other seat is played by `others`. */
export interface Match {
  a: BotLevel; b: BotLevel; seatA: "russia" | "china"; seed: number; length: GameLength; others: BotLevel;
  /** Searches stop at their playout budget alone, not the clock: the same match whatever the machine's load, to compare two versions of a bot. */
  unclocked?: boolean;
}

/** 1 when `a` finishes above `b` against par, 0.5 on a tie, 0 below. */
export function playMatch(m: Match): number {
  const seatB = m.seatA === "russia" ? "china" : "russia";
  const budget = m.unclocked ? DEFAULT_BUDGET : CLOCKED_BUDGET;
  const others = levelPlayer(m.others, budget);
  const { state } = playGame({ mode: "powers", length: m.length }, m.seed, (view, seed) => {
    const level = view.viewer === m.seatA ? m.a : view.viewer === seatB ? m.b : null;
    return level ? levelPlayer(level, budget)(view, seed) : others(view, seed);
  });
  const a = standing(state, m.seatA), b = standing(state, seatB);
  return a > b ? 1 : a === b ? 0.5 : 0;
}
