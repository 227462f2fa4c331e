import { Worker } from "node:worker_threads";
import { RULES_VERSION, type GameRecord, type Seat } from "../../shared/engine/index.ts";
import type { Review } from "../../shared/review/analyse.ts";
import type { ReviewJob } from "./thread.ts";
import { context } from "../context.ts";

/*
 * Game reviews on the server (the hard bot's analysis of a finished class or online game), as a bounded
 * background job: one thread, one game at a time, a short queue, a time limit per game; results kept in the store
 * (a restart does not make them again), the latest also in memory, by the game's key. The rooms never wait on it:
 * it runs on its own thread and the debrief says "pending" until done.
 */

export interface ReviewJobsOptions {
  /** A game's review is stopped past this (its seats are then left unreviewed). */
  limitMs?: number;
  /** Games waiting beyond the one running; more are refused until there is room. */
  queue?: number;
  /** Reviews kept. */
  keep?: number;
  script?: URL;
  /** Told of each finished review (not of a failed one), to keep it with the game's record. */
  onReviewed?: (key: string, reviews: Review[]) => void;
}

type Entry = { key: string; job: ReviewJob };

export class ReviewJobs {
  private readonly done = new Map<string, Review[] | "failed">();
  private readonly waiting: Entry[] = [];
  private running: { entry: Entry; worker: Worker; timer: ReturnType<typeof setTimeout> } | null = null;
  private readonly limitMs: number;
  private readonly queueMax: number;
  private readonly keep: number;
  private readonly script: URL;
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly onReviewed: (key: string, reviews: Review[]) => void;

  constructor(options: ReviewJobsOptions = {}) {
    this.limitMs = options.limitMs ?? 5 * 60_000;
    this.queueMax = options.queue ?? 8;
    this.keep = options.keep ?? 50;
    this.script = options.script ?? new URL("./thread.ts", import.meta.url);
    this.onReviewed = options.onReviewed ?? (() => {});
  }

  /** Whether the game's review is at hand (done, failed, or being made): then no need to look in the store. */
  knows(key: string): boolean {
    return this.done.has(key) || this.queued(key);
  }

  /** Being made, or waiting its turn. */
  private queued(key: string): boolean {
    return this.running?.entry.key === key || this.waiting.some((e) => e.key === key);
  }

  /** A review kept from before (the store, after a restart): answered at once, never made again. */
  remember(key: string, reviews: Review[] | "failed"): void {
    this.done.set(key, reviews);
    while (this.done.size > this.keep) this.done.delete(this.done.keys().next().value!);
  }

  /** The game's reviews when done; otherwise starts (or keeps) its job and returns null. "failed" when it could not be reviewed. */
  request(key: string, record: GameRecord, seats: Seat[]): Review[] | "failed" | null {
    const done = this.done.get(key);
    if (done) return done;
    if (seats.length === 0) return [];
    if (this.queued(key)) return null;
    if (this.waiting.length >= this.queueMax) return null;
    this.waiting.push({ key, job: { record, seats } });
    this.next();
    return null;
  }

  /** Resolves once the game's job has finished (at once if it has, or if it is not queued). */
  settled(key: string): Promise<void> {
    if (this.done.has(key) || !this.queued(key)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(key, [...(this.waiters.get(key) ?? []), resolve]));
  }

  /** Stops the running job and forgets the queue and the reviews held in memory (server shutting down; the store keeps them). */
  stop(): void {
    this.waiting.length = 0;
    this.done.clear();
    if (this.running) {
      clearTimeout(this.running.timer);
      void this.running.worker.terminate();
      this.running = null;
    }
  }

  private finish(key: string, result: Review[] | "failed", worker: Worker): void {
    // A late answer or error from a thread already stopped (its time was up) changes nothing.
    if (this.running?.worker !== worker) return;
    this.remember(key, result);
    if (result !== "failed") {
      try {
        this.onReviewed(key, result);
      } catch {
        // Not kept (the store is closing): it stays in memory and is made again after a restart.
      }
    }
    if (this.running) {
      clearTimeout(this.running.timer);
      void this.running.worker.terminate();
    }
    this.running = null;
    for (const resolve of this.waiters.get(key) ?? []) resolve();
    this.waiters.delete(key);
    this.next();
  }

  private next(): void {
    if (this.running) return;
    const entry = this.waiting.shift();
    if (!entry) return;
    let worker: Worker;
    try {
      worker = new Worker(this.script);
    } catch {
      this.done.set(entry.key, "failed");
      return this.next();
    }
    worker.unref();
    const timer = setTimeout(() => this.finish(entry.key, "failed", worker), this.limitMs);
    timer.unref();
    this.running = { entry, worker, timer };
    worker.on("message", (m: { reviews?: Review[]; error?: string }) => this.finish(entry.key, m.reviews ?? "failed", worker));
    worker.on("error", () => this.finish(entry.key, "failed", worker));
    // A thread that ends without an answer (killed, out of memory) fails its game now, not at the time limit.
    worker.on("exit", () => this.finish(entry.key, "failed", worker));
    worker.postMessage(entry.job);
  }
}

/** A class game's review key: its record's length and the rules it is analysed under (a review is made once, and kept). */
export function classReviewKey(code: string, inputs: number): string {
  return `class:${code}:${inputs}:${RULES_VERSION}`;
}

/** The server's one review queue; each review is kept in the store with the game's record. */
export const reviewJobs = new ReviewJobs({ onReviewed: (key, reviews) => context().records.saveReview(key, reviews) });
