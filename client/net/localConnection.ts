import { canSee, replaySteps, viewFor, type GameEvent, type GameRecord, type GameState, type GameView, type Seat, type TableBotLevel } from "../../shared/engine/index.ts";
import { reasonsOfSteps, seenReasons, withReasons } from "../../shared/review/seen.ts";
import type { BotLevel } from "../../shared/bots/decide.ts";
import { GameHost, type GameStore, type HostSaved } from "../../shared/host/GameHost.ts";
import type { Connection, ConnectionStatus, MatchInfo, MessagePayload } from "../../shared/protocol/connection.ts";
import type { Messages, Reply } from "../../shared/protocol/messages.ts";
import { pageThinker, type BotThinker } from "./botThinker.ts";
import { pageClock } from "./realClock.ts";

/** What a solo game is started with; everything needed (with its record) to rebuild it after a refresh. */
export interface SoloSetup {
  playerName: string;
  seat: Seat;
  botLevel: TableBotLevel;
  length: "short" | "standard";
  mode: "full" | "powers";
  startYear: 2016 | 2019 | 2022;
  west: boolean;
}

/** A saved solo game: its setup, its record (with rules version and step digests) and the host's clock. */
export interface SoloSave { setup: SoloSetup; record: GameRecord; saved?: HostSaved }

export const SOLO_STORAGE_KEY = "ngg.solo.v1";

export interface LocalOptions {
  /** Pause before each bot input, so a person can follow what happens. */
  botDelayMs?: number;
  storage?: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  /** Where the bots think; by default a worker, so the page stays responsive meanwhile. */
  thinker?: BotThinker;
}

/**
 * A solo game: the same GameHost that runs games on the server runs this one in the browser, with the page's
 * clock, the browser's storage for its record, and bots thinking off the page's thread. Every seat but the
 * player's is a bot. The record (options, seed, rules version, inputs with step digests) is saved after each input,
 * so a page refresh resumes the same game, re-run and checked step by step under the page's rules.
 */
export class LocalConnection implements Connection {
  readonly kind = "local" as const;
  private readonly host: GameHost;
  private listeners = new Set<() => void>();
  private closed = false;
  private readonly storage: LocalOptions["storage"];
  private saved: HostSaved | null = null;
  /** Bots' reasons the player may read, after the events they explain (shared/review/seen.ts), and the state they start from. */
  private readonly reasons = new Map<GameEvent, GameEvent[]>();
  private before: GameState | null = null;

  readonly setup: SoloSetup;

  private constructor(setup: SoloSetup, record: GameRecord, saved: HostSaved | null, fresh: boolean, options: LocalOptions) {
    this.setup = setup;
    this.storage = options.storage === undefined ? globalThis.localStorage ?? null : options.storage;
    const thinker = options.thinker ?? pageThinker();
    const store: GameStore = {
      append: () => this.persist(),
      save: (next) => {
        this.saved = next;
        this.persist();
      },
      ended: () => this.persist(),
    };
    const deps = {
      clock: pageClock,
      store,
      decide: (level: BotLevel, view: GameView, seed: number) => thinker.think(level, view, seed),
      botLevel: () => setup.botLevel,
      seatedBy: (seat: Seat) => (seat === setup.seat ? "human" as const : "bot" as const),
      // The page being open is someone there; a solo game is only ever held by leaving it.
      graceMs: 0,
      botDelayMs: options.botDelayMs ?? 700,
      onStep: (state: GameState, events: GameEvent[]) => {
        this.noteReasons(state, events);
        this.notify();
      },
    };
    this.host = fresh ? GameHost.start(record.options, record.seed, 0, deps) : GameHost.restore(record, saved, deps);
    if (!fresh) this.recallReasons();
    this.persist();
    this.host.setPresence(1);
  }

  /** Starts a new solo game with a fresh seed. */
  static start(setup: SoloSetup, options: LocalOptions = {}, seed = Math.floor(Math.random() * 2 ** 31)): LocalConnection {
    const seats: Partial<Record<Seat, "human" | "bot">> = { [setup.seat]: "human" };
    const record: GameRecord = {
      options: { mode: setup.mode, length: setup.length, startYear: setup.startYear, west: setup.west, seats, botLevel: setup.botLevel },
      seed,
      inputs: [],
    };
    return new LocalConnection(setup, record, null, true, options);
  }

  /** Resumes the saved solo game, or returns null when there is none (or it cannot be read). */
  static resume(options: LocalOptions = {}): LocalConnection | null {
    const storage = options.storage === undefined ? globalThis.localStorage ?? null : options.storage;
    const raw = storage?.getItem(SOLO_STORAGE_KEY);
    if (!raw) return null;
    try {
      const save = JSON.parse(raw) as SoloSave;
      return new LocalConnection(save.setup, save.record, save.saved ?? null, false, options);
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
    return viewFor(this.host.state, this.setup.seat);
  }

  events(): GameEvent[] {
    return withReasons(this.host.events(), this.reasons).filter((e) => canSee(e, this.setup.seat));
  }

  match(): MatchInfo {
    return {
      roomId: "solo",
      code: null,
      name: this.setup.playerName,
      public: false,
      started: true,
      seats: this.host.state.seatOrder.map((seat) => ({
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
      rulesChanged: this.host.rulesChanged ? { round: this.host.rulesChanged.round } : null,
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
    if (this.closed) return { ok: false, code: "game-left" };
    switch (type) {
      case "submitOrders": {
        const p = payload as MessagePayload<"submitOrders">;
        return this.host.apply({ type: "orders", seat: this.setup.seat, orders: p.orders }, "human");
      }
      case "answer": {
        const p = payload as MessagePayload<"answer">;
        return this.host.apply({ type: "answer", seat: this.setup.seat, decision: p.decision, answer: p.answer }, "human");
      }
      case "setReady":
      case "start":
        return { ok: true };
      default:
        return { ok: false, code: "solo-no-lobby" };
    }
  }

  async leave(): Promise<void> {
    this.closed = true;
    this.host.stop();
    this.storage?.removeItem(SOLO_STORAGE_KEY);
    this.notify();
  }

  /** The game's record so far (for tests and for saving). */
  gameRecord(): GameRecord {
    return this.host.gameRecord();
  }

  /** Writes the record and clock to the browser's storage; a finished (or left) game is forgotten. */
  private persist(): void {
    // A game stopped because the rules changed keeps its save as it was: the record stays whole.
    if (!this.storage || this.closed || !this.host || this.host.rulesChanged) return;
    if (this.host.state.phase === "ended") {
      this.storage.removeItem(SOLO_STORAGE_KEY);
      return;
    }
    const save: SoloSave = { setup: this.setup, record: this.host.gameRecord(), saved: this.saved ?? undefined };
    try {
      this.storage.setItem(SOLO_STORAGE_KEY, JSON.stringify(save));
    } catch {
      // A full or blocked storage only loses the ability to resume after a refresh.
    }
  }

  /**
   * A resumed game: the bots' reasons for the steps already played, from the engine's own replay of the record the
   * host kept (its events are the host's, so each reason lands after the very event it explains).
   */
  private recallReasons(): void {
    const states = [...replaySteps(this.host.gameRecord(), { digests: false })].map((replayed) => replayed.state);
    const bots = this.botSeats(this.host.state);
    for (const { event, reasons } of reasonsOfSteps(states, this.host.eventsByStep(), this.setup.seat, () => bots)) this.reasons.set(event, reasons);
    this.before = states.at(-1) ?? null;
  }

  /** The bots' reasons a step's events call for, from the state the step started from. */
  private noteReasons(state: GameState, events: GameEvent[]): void {
    if (this.before) {
      for (const [event, reasons] of seenReasons(this.before, events, this.setup.seat, this.botSeats(state))) this.reasons.set(event, reasons);
    }
    this.before = state;
  }

  /** Every seat but the player's is a bot's. */
  private botSeats(game: GameState): Set<Seat> {
    return new Set(game.seatOrder.filter((seat) => seat !== this.setup.seat));
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
