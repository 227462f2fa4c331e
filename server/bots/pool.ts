import type { GameView } from "../../shared/engine/index.ts";
import { decide, type BotDecision, type BotLevel } from "../../shared/bots/decide.ts";
import { BotThreads } from "./threads.ts";
import { CLOCKED_BUDGET } from "./clockedBudget.ts";

/**
 * Bot decisions for the room, as promises. The hard bot searches for a few hundred milliseconds, so it runs on
 * bot threads and the room keeps serving players meanwhile; the lighter levels answer in a few milliseconds and
 * run in place. If threads cannot start or fail, the hard bot runs in place too (its search is time-bounded).
 */
let threads: BotThreads | null | undefined;

function pool(): BotThreads | null {
  if (threads === undefined) {
    try {
      threads = new BotThreads();
    } catch {
      threads = null;
    }
  }
  return threads && !threads.broken ? threads : null;
}

export async function decideAsync(level: BotLevel, view: GameView, seed: number): Promise<BotDecision | null> {
  const p = level === "hard" ? pool() : null;
  if (!p) return decide(level, view, seed, CLOCKED_BUDGET);
  try {
    return await p.run(level, view, seed);
  } catch {
    return decide(level, view, seed, CLOCKED_BUDGET);
  }
}

/** Stops the bot threads (tests and shutdown); the next hard decision starts them again. */
export async function closeBotThreads(): Promise<void> {
  const t = threads;
  threads = undefined;
  await t?.close();
}
