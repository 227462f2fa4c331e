import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BotDecision, BotLevel } from "../../shared/bots/decide.ts";
import type { GameView } from "../../shared/engine/index.ts";
import type { Job } from "./worker.ts";

/*
 * A small pool of bot threads. Jobs queue and go to the first idle thread. Threads are unreferenced so an idle
 * pool never keeps the process alive. A thread that fails takes the pool down: callers then decide in-process.
 * A thread that has not answered within the job limit is stopped and replaced, and its job refused, so a bot
 * that never answers cannot hold a room's game up.
 */

type Pending = { job: Job; resolve: (d: BotDecision | null) => void; reject: (e: Error) => void; timer?: unknown };

/** How the pool waits for the job limit: real timers by default, a hand-moved one in tests. */
export interface LimitTimer {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: LimitTimer = {
  set: (fire, ms) => setTimeout(fire, ms).unref(),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Far above the hard bot's 450 ms clock: only a thread that is stuck reaches it. */
const JOB_LIMIT_MS = 10_000;

export interface BotThreadOptions {
  size?: number;
  limitMs?: number;
  /** The thread's script (tests pass one that never answers). */
  script?: URL;
  /** The timer of the job limit (tests pass one they fire by hand). */
  timer?: LimitTimer;
}

export class BotThreads {
  private idle: Worker[] = [];
  private busy = new Map<Worker, Pending>();
  private queue: Pending[] = [];
  private nextId = 1;
  broken = false;

  private limitMs: number;
  private script: URL;
  private timer: LimitTimer;

  constructor(options: BotThreadOptions = {}) {
    this.limitMs = options.limitMs ?? JOB_LIMIT_MS;
    this.timer = options.timer ?? realTimer;
    this.script = options.script ?? new URL("./worker.ts", import.meta.url);
    const size = options.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on("message", (msg: { id: number; decision?: BotDecision | null; error?: string }) => {
      const p = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      if (p) {
        this.timer.clear(p.timer);
        if (msg.error) p.reject(new Error(msg.error));
        else p.resolve(msg.decision ?? null);
      }
      this.pump();
    });
    const fail = (error: Error) => {
      this.broken = true;
      const p = this.busy.get(worker);
      this.busy.delete(worker);
      if (p) this.timer.clear(p.timer);
      p?.reject(error);
      for (const q of this.queue.splice(0)) q.reject(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => { if (code !== 0) fail(new Error(`bot thread exited with ${code}`)); });
    this.idle.push(worker);
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.busy.set(worker, p);
      p.timer = this.timer.set(() => this.abandon(worker), this.limitMs);
      worker.postMessage(p.job);
    }
  }

  /** Stops a thread that did not answer in time, refuses its job and puts a fresh thread in its place. */
  private abandon(worker: Worker): void {
    const p = this.busy.get(worker);
    if (!p) return;
    this.busy.delete(worker);
    worker.removeAllListeners();
    void worker.terminate();
    p.reject(new Error(`bot thread gave no answer within ${this.limitMs} ms`));
    this.spawn();
    this.pump();
  }

  run(level: BotLevel, view: GameView, seed: number): Promise<BotDecision | null> {
    if (this.broken) return Promise.reject(new Error("bot threads are down"));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, level, view, seed }, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    for (const p of this.busy.values()) this.timer.clear(p.timer);
    const all = [...this.idle, ...this.busy.keys()];
    this.idle = [];
    await Promise.all(all.map((w) => w.terminate()));
  }
}
