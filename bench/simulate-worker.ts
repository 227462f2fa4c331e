import { parentPort, workerData } from "node:worker_threads";
import { populationPlayer } from "./population.ts";
import type { BotLevel } from "../shared/bots/decide.ts";
import { tallyGame, type SimulationOptions } from "../shared/sim/simulate.ts";

/** Plays the games it is given (their numbers in the simulation) and posts each tally back with its number. */
const { opts, level, powers, games } = workerData as { opts: Omit<SimulationOptions, "bot">; level: BotLevel; powers: BotLevel | null; games: number[] };
const bot = populationPlayer(level, powers);
for (const i of games) parentPort!.postMessage([i, tallyGame({ ...opts, bot }, i)]);
