import type { GameRecord, Seat } from "../../shared/engine/index.ts";
import type { Review } from "../../shared/review/analyse.ts";
import type { ReviewMessage, ReviewRequest } from "./reviewWorker.ts";

/** Where a record's analysis is cached in the browser: by seed, length, last digest (or last input) and seat. */
function cacheKey(record: GameRecord, seat: Seat): string {
  const last = record.digests?.at(-1) ?? JSON.stringify(record.inputs.at(-1) ?? null);
  return `ngg.review.v1:${record.seed}:${record.inputs.length}:${last}:${seat}`;
}

export function cachedReview(record: GameRecord, seat: Seat, storage: Pick<Storage, "getItem"> | null = globalThis.localStorage ?? null): Review | null {
  try {
    const raw = storage?.getItem(cacheKey(record, seat));
    return raw ? (JSON.parse(raw) as Review) : null;
  } catch {
    return null;
  }
}

/**
 * Runs the hard bot's analysis of one seat's decisions in a worker (its own chunk, loaded only now), reporting
 * progress; the result is kept with the record in the browser's storage.
 */
export function analyse(record: GameRecord, seat: Seat, onProgress: (done: number, total: number) => void): { done: Promise<Review>; cancel(): void } {
  const cached = cachedReview(record, seat);
  if (cached) return { done: Promise.resolve(cached), cancel() {} };
  const worker = new Worker(new URL("./reviewWorker.ts", import.meta.url), { type: "module" });
  const done = new Promise<Review>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ReviewMessage>) => {
      const m = e.data;
      if (m.type === "progress") onProgress(m.done, m.total);
      else if (m.type === "error") reject(new Error(m.message));
      else {
        try {
          globalThis.localStorage?.setItem(cacheKey(record, seat), JSON.stringify(m.review));
        } catch {
          // A full storage only loses the cache.
        }
        resolve(m.review);
      }
      if (m.type !== "progress") worker.terminate();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      reject(new Error(e.message || "worker"));
      worker.terminate();
    };
  });
  const request: ReviewRequest = { record, seat };
  worker.postMessage(request);
  return { done, cancel: () => worker.terminate() };
}
