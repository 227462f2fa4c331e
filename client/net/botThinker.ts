import type { BotDecision, BotLevel } from "../../shared/bots/decide.ts";
import type { GameView } from "../../shared/engine/index.ts";
import { browserDecide, type BotReply, type BotRequest } from "./botDecide.ts";

/** Where a solo game's bots think; the game waits for the answer without holding the page. */
export interface BotThinker {
  think(level: BotLevel, view: GameView, seed: number): Promise<BotDecision | null>;
}

/** Thinks on the calling thread: where no worker exists (tests in Node) and as the worker's fallback. */
export const inlineThinker: BotThinker = {
  async think(level, view, seed) {
    return browserDecide(level, view, seed);
  },
};

interface Waiting { request: BotRequest; resolve(d: BotDecision | null): void; reject(e: unknown): void }

/**
 * Thinks in a module worker so that a long search never freezes the page. If the worker cannot start or breaks,
 * it thinks inline from then on (answering what was still waiting), so a game never stalls.
 */
export class WorkerThinker implements BotThinker {
  private worker: Worker | null = null;
  private nextId = 1;
  private waiting = new Map<number, Waiting>();

  constructor(create: () => Worker) {
    try {
      this.worker = create();
    } catch (error) {
      this.abandon(error);
      return;
    }
    this.worker.onmessage = (e: MessageEvent<BotReply>) => {
      const w = this.waiting.get(e.data.id);
      if (!w) return;
      this.waiting.delete(e.data.id);
      if ("error" in e.data) this.inline(w);
      else w.resolve(e.data.decision);
    };
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.abandon(e.message);
    };
    this.worker.onmessageerror = () => this.abandon("an answer could not be read");
  }

  think(level: BotLevel, view: GameView, seed: number): Promise<BotDecision | null> {
    return new Promise((resolve, reject) => {
      const w: Waiting = { request: { id: this.nextId++, level, view, seed }, resolve, reject };
      if (!this.worker) return this.inline(w);
      this.waiting.set(w.request.id, w);
      try {
        this.worker.postMessage(w.request);
      } catch {
        this.waiting.delete(w.request.id);
        this.inline(w);
      }
    });
  }

  private inline(w: Waiting): void {
    try {
      w.resolve(browserDecide(w.request.level, w.request.view, w.request.seed));
    } catch (error) {
      w.reject(error);
    }
  }

  private abandon(reason: unknown): void {
    console.warn("The bots think on the page: their worker failed.", reason);
    this.worker?.terminate();
    this.worker = null;
    const left = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of left) this.inline(w);
  }
}

let shared: BotThinker | null = null;

/** The page's thinker: one worker for every solo game of the page, or inline where workers do not exist. */
export function pageThinker(): BotThinker {
  shared ??= typeof Worker === "function"
    ? new WorkerThinker(() => new Worker(new URL("./botWorker.ts", import.meta.url), { type: "module" }))
    : inlineThinker;
  return shared;
}
