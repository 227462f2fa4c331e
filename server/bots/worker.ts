import { parentPort } from "node:worker_threads";
import { decide, type BotLevel } from "../../shared/bots/decide.ts";
import type { GameView } from "../../shared/engine/index.ts";
import { CLOCKED_BUDGET } from "./clockedBudget.ts";

/** A bot thread: decides one view at a time, away from the room's event loop. */
export interface Job { id: number; level: BotLevel; view: GameView; seed: number }

parentPort!.on("message", (job: Job) => {
  try {
    parentPort!.postMessage({ id: job.id, decision: decide(job.level, job.view, job.seed, CLOCKED_BUDGET) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: String(error) });
  }
});
