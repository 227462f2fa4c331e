import { parentPort, workerData } from "node:worker_threads";
import { CLOCKED_BUDGET } from "../server/bots/clockedBudget.ts";
import { levelPlayer } from "../shared/bots/play.ts";
import type { BotLevel } from "../shared/bots/decide.ts";
import { tallyGame, type SimulationOptions } from "../shared/sim/simulate.ts";

/** Plays the games it is given (their numbers in the simulation) and posts each tally back with its number. */
const { opts, level, games } = workerData as { opts: Omit<SimulationOptions, "bot">; level: BotLevel; games: number[] };
const bot = levelPlayer(level, CLOCKED_BUDGET);
for (const i of games) parentPort!.postMessage([i, tallyGame({ ...opts, bot }, i)]);
