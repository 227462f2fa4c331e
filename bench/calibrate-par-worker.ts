import { parentPort, workerData } from "node:worker_threads";
import { playCalibrationGame, type CalibrationJob } from "./calibrate-par-games.ts";

/** Plays the calibration games it is given and posts each result back with its number. */
for (const [i, job] of workerData as [number, CalibrationJob][]) parentPort!.postMessage([i, playCalibrationGame(job)]);
