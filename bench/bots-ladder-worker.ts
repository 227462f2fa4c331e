import { parentPort, workerData } from "node:worker_threads";
import { playMatch, type Match } from "./bots-match.ts";

/** Plays the matches it is given and posts each result back with its index. */
for (const [i, m] of (workerData as [number, Match][])) parentPort!.postMessage([i, playMatch(m)]);
