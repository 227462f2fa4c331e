import {
  applyInput, canSee, createGame, pendingSeats, viewFor,
  type GameEvent, type GameRecord, type GameState, type GameView, type Input, type Seat,
} from "../../shared/engine/index.ts";
import type { BotDecision, BotLevel } from "../../shared/bots/decide.ts";
import type { Connection, ConnectionStatus, MatchInfo, MessagePayload } from "../../shared/protocol/connection.ts";
import type { Messages, Reply } from "../../shared/protocol/messages.ts";
import { pageThinker, type BotThinker } from "./botThinker.ts";

/** What a solo game is started with; everything needed (with its record) to rebuild it after a refresh. */
export interface SoloSetup {
  playerName: string;
  seat: Seat;
  botLevel: BotLevel;
  length: "short" | "standard";
  mode: "full" | "powers";
  startYear: 2016 | 2019 | 2022;
  west: boolean;
}

export interface SoloSave { setup: SoloSetup; record: GameRecord }

export const SOLO_STORAGE_KEY = "ngg.solo.v1";

export interface LocalOptions {
  /** Pause before each bot input, so a person can follow what happens. */
  botDelayMs?: number;
  storage?: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  /** Where the bots think; by default a worker, so the page stays responsive meanwhile. */
  thinker?: BotThinker;
}

/**
 * A solo game: the rules engine runs in the browser, every seat but the player's is a bot.
 * Bots act one input at a time after a short pause, thinking off the page's thread; the record (options, seed, inputs) is saved
 * after each input so that a page refresh resumes the same game.
 */
export class LocalConnection implements Connection {
  readonly kind = "local" as const;
  private state: GameState;
  private record: GameRecord;
  private log: GameEvent[] = [];
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** A bot is thinking: nothing else is scheduled until its answer is back. */
  private thinking = false;
  private readonly botDelayMs: number;
  private readonly storage: LocalOptions["storage"];
  private readonly thinker: BotThinker;

  readonly setup: SoloSetup;

  private constructor(setup: SoloSetup, record: GameRecord, options: LocalOptions) {
    this.setup = setup;
    this.botDelayMs = options.botDelayMs ?? 700;
    this.thinker = options.thinker ?? pageThinker();
    this.storage = options.storage === undefined ? globalThis.localStorage ?? null : options.storage;
    this.record = { options: record.options, seed: record.seed, inputs: [] };
    this.state = createGame(record.options, record.seed);
    this.log.push(...this.state.log);
    for (const input of record.inputs) {
      const result = applyInput(this.state, input);
      if (!result.ok) throw new Error(`the saved game could not be replayed: ${result.message}`);
      this.state = result.state;
      this.record.inputs.push(input);
      this.log.push(...result.events);
    }
    this.save();
    this.schedule();
  }

  /** Starts a new solo game with a fresh seed. */
  static start(setup: SoloSetup, options: LocalOptions = {}, seed = Math.floor(Math.random() * 2 ** 31)): LocalConnection {
    const seats: Partial<Record<Seat, "human" | "bot">> = { [setup.seat]: "human" };
    const record: GameRecord = {
      options: { mode: setup.mode, length: setup.length, startYear: setup.startYear, west: setup.west, seats },
      seed,
      inputs: [],
    };
    return new LocalConnection(setup, record, options);
  }

  /** Resumes the saved solo game, or returns null when there is none (or it cannot be read). */
  static resume(options: LocalOptions = {}): LocalConnection | null {
    const storage = options.storage === undefined ? globalThis.localStorage ?? null : options.storage;
    const raw = storage?.getItem(SOLO_STORAGE_KEY);
    if (!raw) return null;
    try {
      const save = JSON.parse(raw) as SoloSave;
      return new LocalConnection(save.setup, save.record, options);
    } catch {
      storage?.removeItem(SOLO_STORAGE_KEY);
      return null;
    }
  }

  static hasSave(storage: Pick<Storage, "getItem"> | null = globalThis.localStorage ?? null): boolean {
    return !!storage?.getItem(SOLO_STORAGE_KEY);
  }

  get seat(): Seat {
    return this.setup.seat;
  }

  view(): GameView {
    return viewFor(this.state, this.setup.seat);
  }

  events(): GameEvent[] {
    return this.log.filter((e) => canSee(e, this.setup.seat));
  }

  match(): MatchInfo {
    return {
      roomId: "solo",
      code: null,
      name: this.setup.playerName,
      public: false,
      started: true,
      seats: this.state.seatOrder.map((seat) => ({
        seat,
        controller: seat === this.setup.seat ? "human" : "bot",
        players: seat === this.setup.seat ? [this.setup.playerName] : [],
        ready: true,
        connected: true,
      })),
      you: { id: "solo", name: this.setup.playerName, seat: this.setup.seat, spectator: false, host: true },
      timerEndsAt: null,
      timerSeconds: 0,
      paused: false,
      broadcast: null,
    };
  }

  status(): ConnectionStatus {
    return this.closed ? "closed" : "open";
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async send<K extends keyof typeof Messages>(type: K, payload: MessagePayload<K>): Promise<Reply> {
    if (this.closed) return { ok: false, code: "not-started", message: "This game has been left." };
    switch (type) {
      case "submitOrders": {
        const p = payload as MessagePayload<"submitOrders">;
        return this.apply({ type: "orders", seat: this.setup.seat, orders: p.orders });
      }
      case "answer": {
        const p = payload as MessagePayload<"answer">;
        return this.apply({ type: "answer", seat: this.setup.seat, decision: p.decision, answer: p.answer });
      }
      case "setReady":
      case "start":
        return { ok: true };
      default:
        return { ok: false, code: "bad-input", message: "A solo game has no lobby: every other seat is a bot." };
    }
  }

  async leave(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.storage?.removeItem(SOLO_STORAGE_KEY);
    this.notify();
  }

  /** The game's record so far (for tests and for saving). */
  gameRecord(): GameRecord {
    return { options: this.record.options, seed: this.record.seed, inputs: [...this.record.inputs] };
  }

  private apply(input: Input): Reply {
    const result = applyInput(this.state, input);
    if (!result.ok) return { ok: false, code: result.code, message: result.message };
    this.state = result.state;
    this.record.inputs.push(input);
    this.log.push(...result.events);
    this.save();
    this.notify();
    this.schedule();
    return { ok: true };
  }

  private save(): void {
    if (!this.storage) return;
    if (this.state.phase === "ended") {
      this.storage.removeItem(SOLO_STORAGE_KEY);
      return;
    }
    const save: SoloSave = { setup: this.setup, record: this.record };
    try {
      this.storage.setItem(SOLO_STORAGE_KEY, JSON.stringify(save));
    } catch {
      // A full or blocked storage only loses the ability to resume after a refresh.
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Lets the next bot act after the pause, or closes a phase that waits on no one who can answer. */
  private schedule(): void {
    if (this.timer || this.thinking || this.closed || this.state.phase === "ended") return;
    const pending = pendingSeats(this.state);
    const bots = pending.filter((s) => s !== this.setup.seat);
    if (bots.length === 0 && pending.length > 0) return; // waiting for the player
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.botStep();
    }, this.botDelayMs);
  }

  private async botStep(): Promise<void> {
    if (this.closed || this.state.phase === "ended") return;
    const pending = pendingSeats(this.state);
    const humanWaits = pending.includes(this.setup.seat);
    const asked = this.record.inputs.length;
    for (const seat of pending) {
      if (seat === this.setup.seat) continue;
      const decision = await this.ask(seat, this.record.seed + asked * 7919);
      // The answer fits the position it was asked about only: after the player's input (or leaving) it is dropped.
      if (this.closed || this.record.inputs.length !== asked) return this.schedule();
      if (decision) {
        const reply = this.apply(decision.input);
        if (reply.ok) return;
      }
    }
    // No bot can move: close the phase with defaults, unless the player still has to answer.
    if (!humanWaits) this.apply({ type: "close" });
  }

  private async ask(seat: Seat, seed: number): Promise<BotDecision | null> {
    this.thinking = true;
    try {
      return await this.thinker.think(this.setup.botLevel, viewFor(this.state, seat), seed);
    } finally {
      this.thinking = false;
    }
  }
}
