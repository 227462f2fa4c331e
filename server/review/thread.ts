import { parentPort } from "node:worker_threads";
import type { GameRecord, Seat } from "../../shared/engine/index.ts";
import { reviewRecord } from "../../shared/review/analyse.ts";

/** A review thread: reviews one game's seats, one decision after another, away from the rooms' event loop. */
export interface ReviewJob { record: GameRecord; seats: Seat[] }

parentPort!.on("message", (job: ReviewJob) => {
  try {
    parentPort!.postMessage({ reviews: job.seats.map((seat) => reviewRecord(job.record, seat)) });
  } catch (error) {
    parentPort!.postMessage({ error: String(error) });
  }
});
