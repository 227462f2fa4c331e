import type { GameRecord, Seat } from "../../shared/engine/index.ts";
import { reviewRecord, type Review } from "../../shared/review/analyse.ts";

/** The game review's worker: the hard bot's analysis off the page's thread, with progress after each decision. */
export interface ReviewRequest { record: GameRecord; seat: Seat }
export type ReviewMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; review: Review }
  | { type: "error"; message: string };

/** The worker's own global scope, typed by hand because the project compiles against the page's DOM types. */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ReviewRequest>) => void) | null;
  postMessage(message: ReviewMessage): void;
};

scope.onmessage = (e) => {
  try {
    const review = reviewRecord(e.data.record, e.data.seat, {}, (done, total) => scope.postMessage({ type: "progress", done, total }));
    scope.postMessage({ type: "done", review });
  } catch (error) {
    scope.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
