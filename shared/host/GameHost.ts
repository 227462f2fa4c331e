import type { BotDecision, BotLevel } from "../bots/decide.ts";
import { botSeed } from "../bots/play.ts";
import {
  applyInput, createGame, digestState, pendingSeats, RULES_VERSION, verifyRecord, viewFor,
  type GameEvent, type GameOptions, type GameRecord, type GameState, type GameView, type Input, type Seat,
} from "../engine/index.ts";
import { passInput } from "./pass.ts";

/*
 * One running game, wherever it runs: the match room and the class room on the server, the solo game in the
 * browser. The host owns the game state, its record (options, seed, rules version, every input with the digest
 * of the state after it), the bots' loop and the phase deadline. What differs between server and browser is
 * handed in: the clock, the store the record goes to, and the bots' `decide` (bot threads on the server, a web
 * worker in the browser). Who sits where is the adapter's business: it tells the host who plays each seat.
 */

/** Who gave an input: a player, a seat's bot, a bot after the phase's deadline, a bot standing in for players away. */
export type InputSource = "human" | "bot" | "timer" | "away";

/** The clock a host runs on: real time in play, a fake one in tests. */
export interface HostClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): { clear(): void };
}

/** A bot's decision, wherever it is made; null when it has nothing to offer. */
export type Decide = (level: BotLevel, view: GameView, seed: number) => Promise<BotDecision | null>;

/** One accepted input as the record keeps it: `index` is its position, `digest` the state's after it. */
export interface StepEntry { index: number; input: Input; source: InputSource; digest: string; at: number }

/**
 * Where the current phase's deadline stands, saved whenever it changes: an absolute time while it runs (so a
 * restart loses nothing), or the time left while it is held (paused, or nobody there).
 */
export interface PhaseClock {
  /** The phase it belongs to, as "round|phase". */
  phase: string;
  /** When it runs out (clock milliseconds), while it runs; null while held or without a deadline. */
  deadline: number | null;
  /** Milliseconds left while held; null while it runs or without a deadline. */
  leftMs: number | null;
  /** The deadline passed (or the phase was closed early): bots answer for every seat the phase still waits for. */
  expired: boolean;
}

/** What the host saves besides the record: enough to go on exactly where it stood. */
export interface HostSaved {
  clock: PhaseClock | null;
  /** Paused by someone in charge (a teacher). */
  paused: boolean;
  /** Milliseconds per phase (0: no deadline). */
  timerMs: number;
}

/**
 * Where a host's record and clock are kept: SQLite or PostgreSQL on the server, the browser's storage for a solo
 * game. A store may keep a write at once (returning nothing) or later (returning a promise, as PostgreSQL's does):
 * the host never waits, since its game must move on in order; the adapter that replies to a person awaits its
 * store before the reply leaves (server/store.ts `keptThen`), so "kept before the reply" holds either way.
 */
export interface GameStore {
  /** An accepted input: kept before the host's reply to it leaves (see above when the store answers with a promise). */
  append(entry: StepEntry): void | Promise<unknown>;
  /** The deadline, pause and timer setting, whenever they change. */
  save(saved: HostSaved): void | Promise<unknown>;
  /** The game is over. */
  ended?(state: GameState): void;
}

/** The part of a record the host starts from (digests go with the inputs: digests[i] follows inputs[i]). */
export interface HostRecord extends GameRecord { rulesVersion: string; digests: string[] }

export interface HostDeps {
  clock: HostClock;
  store: GameStore;
  decide: Decide;
  botLevel(): BotLevel;
  /** Who plays a seat now, as seating sees it: its players, its bot, or a bot standing in for players who are away. */
  seatedBy(seat: Seat): "human" | "bot" | "away";
  /** How long the game keeps going once nobody is there, before its bots stop and its deadline is held. */
  graceMs: number;
  /** A pause before each bot input, so a person can follow (solo); 0 on the server. */
  botDelayMs?: number;
  /**
   * Long deadlines (asynchronous play) keep running while nobody is there: the deadline is an absolute time, and
   * a phase whose deadline passed meanwhile is finished by the bots when someone comes back. Short ones are held.
   */
  deadlineRunsWhileAway?: boolean;
  /**
   * At a deadline, the adapter plays for the seats still owing (a class team's draft, or a pass) instead of their
   * bots. Called, synchronously, whenever the game may move on in a phase whose deadline passed, before any bot
   * looks. Without it, bots answer at the deadline for every seat the phase still waits for.
   */
  atDeadline?(): void;
  /** After every accepted input (and once at start with the created game's events): the adapter projects it. */
  onStep?(state: GameState, events: GameEvent[], steps: number): void;
  /** A restored game, once re-run: its state and its events step by step (eventsByStep[0] came with the created game). */
  onRestore?(state: GameState, eventsByStep: GameEvent[][]): void;
  /** The deadline changed (absolute time, or 0 when none runs). */
  onClock?(deadline: number): void;
}

/** A game that cannot go on under the current rules: what it shows, read-only. */
export interface RulesChanged {
  /** Inputs that replayed to their recorded digests. */
  matching: number;
  /** The round of the last matching step. */
  round: number;
  recordedVersion: string | null;
}

/** A refusal is a code and its parameters: the client words it (refusal.<code> in its language files). */
export type HostReply = { ok: true } | { ok: false; code: string; params?: Record<string, string | number> };

const ACCEPTED: HostReply = { ok: true };
/** setTimeout's longest wait; longer deadlines are reached in several waits. */
const MAX_WAIT_MS = 2 ** 31 - 1;

export class GameHost {
  private game: GameState;
  private readonly record: HostRecord;
  private readonly deps: HostDeps;
  private saved: HostSaved;
  private phaseKey: string;
  /** Every event so far, step by step: events[i] came with the state after i inputs. */
  private readonly stepEvents: GameEvent[][];
  private timer: { clear(): void } | null = null;
  private graceTimer: { clear(): void } | null = null;
  /** Nobody has been there for the grace period (or since a restart): bots wait and short deadlines are held. */
  private absent = false;
  private present = 0;
  private pumping = false;
  private pumpAgain = false;
  private stopped = false;
  private botWait: { clear(): void } | null = null;
  /** The adapter is playing the deadline's inputs (each of which wakes the host again). */
  private filling = false;
  /** Set when the record does not replay under the current rules: the game is shown as it was, and goes no further. */
  readonly rulesChanged: RulesChanged | null;

  private constructor(record: HostRecord, game: GameState, stepEvents: GameEvent[][], saved: HostSaved, deps: HostDeps, changed: RulesChanged | null) {
    this.record = record;
    this.game = game;
    this.stepEvents = stepEvents;
    this.saved = saved;
    this.deps = deps;
    this.rulesChanged = changed;
    this.phaseKey = keyOf(game);
  }

  /** A new game: its record starts with its options, seed and the current rules version. */
  static start(options: Partial<GameOptions>, seed: number, timerMs: number, deps: HostDeps): GameHost {
    const game = createGame(options, seed);
    const record: HostRecord = { options, seed, rulesVersion: RULES_VERSION, inputs: [], digests: [] };
    const host = new GameHost(record, game, [game.log], { clock: null, paused: false, timerMs }, deps, null);
    host.deps.onStep?.(game, game.log, 0);
    host.enterPhase();
    return host;
  }

  /**
   * A game brought back from its record: re-run under the current rules, every step's digest checked. All match:
   * it goes on from where it stood, held until someone is there (a restart wakes no game). A mismatch: it stops
   * at the last matching step, read-only.
   */
  static restore(record: GameRecord, saved: HostSaved | null, deps: HostDeps): GameHost {
    const checked = verifyRecord(record, RULES_VERSION);
    const kept = checked.matching;
    const digests = checked.steps.slice(1).map((s) => s.digest);
    const full: HostRecord = {
      options: record.options, seed: record.seed, rulesVersion: checked.ok ? record.rulesVersion ?? RULES_VERSION : record.rulesVersion ?? "",
      inputs: record.inputs.slice(0, kept), digests,
    };
    const changed: RulesChanged | null = checked.ok ? null : { matching: kept, round: checked.round, recordedVersion: record.rulesVersion ?? null };
    const host = new GameHost(full, checked.state, checked.steps.map((s) => s.events), saved ?? { clock: null, paused: false, timerMs: 0 }, deps, changed);
    host.absent = true;
    if (deps.onRestore) deps.onRestore(checked.state, checked.steps.map((s) => s.events));
    else deps.onStep?.(checked.state, checked.steps.flatMap((s) => s.events), kept);
    if (!changed) host.resumeClock();
    return host;
  }

  // ---------- what adapters read ----------

  get state(): GameState {
    return this.game;
  }

  /** Inputs accepted so far. */
  get steps(): number {
    return this.record.inputs.length;
  }

  /** Every event so far, in order. */
  events(): GameEvent[] {
    return this.stepEvents.flat();
  }

  /** Every event so far, step by step: [0] came with the created game, [i] with the i-th input. */
  eventsByStep(): GameEvent[][] {
    return this.stepEvents.map((events) => [...events]);
  }

  /** The record as it stands: options, seed, rules version, inputs and their digests. */
  gameRecord(): HostRecord {
    return { ...this.record, inputs: [...this.record.inputs], digests: [...this.record.digests] };
  }

  /** The deadline of the current phase (absolute clock time), or 0 when none runs (none set, held, expired, over). */
  get deadline(): number {
    return this.saved.clock?.deadline ?? 0;
  }

  get clock(): PhaseClock | null {
    return this.saved.clock ? { ...this.saved.clock } : null;
  }

  get paused(): boolean {
    return this.saved.paused;
  }

  get timerMs(): number {
    return this.saved.timerMs;
  }

  /** Bots are waiting: paused, nobody there, read-only, stopped, or over. */
  get held(): boolean {
    return this.saved.paused || this.absent || !!this.rulesChanged || this.stopped || this.game.phase === "ended";
  }

  /** Who answers for a seat now: its bot, the bot standing in for players away, a bot after the deadline, or its players. */
  playedBy(seat: Seat): InputSource {
    const by = this.deps.seatedBy(seat);
    if (by !== "human") return by;
    return this.expired && !this.deps.atDeadline ? "timer" : "human";
  }

  /** The current phase's deadline has passed (or the phase was closed early). */
  get expired(): boolean {
    return !!this.saved.clock?.expired && this.saved.clock.phase === this.phaseKey;
  }

  // ---------- inputs ----------

  /** Asks the engine; an accepted input is recorded with its digest (kept before this returns), then the game moves on. */
  apply(input: Input, source: InputSource): HostReply {
    if (this.rulesChanged) {
      return { ok: false, code: "rules-changed", params: { round: this.rulesChanged.round } };
    }
    const result = applyInput(this.game, input);
    if (!result.ok) return { ok: false, code: result.code, params: result.params };
    this.game = result.state;
    const index = this.record.inputs.length;
    const digest = digestState(result.state);
    this.record.inputs.push(input);
    this.record.digests.push(digest);
    this.stepEvents.push(result.events);
    this.deps.store.append({ index, input, source, digest, at: this.deps.clock.now() });
    this.deps.onStep?.(result.state, result.events, index + 1);
    if (this.game.phase === "ended") {
      this.clearTimer();
      this.saved.clock = null;
      this.deps.store.ended?.(this.game);
      this.save();
      return ACCEPTED;
    }
    if (keyOf(this.game) !== this.phaseKey) this.enterPhase();
    this.wake();
    return ACCEPTED;
  }

  // ---------- presence ----------

  /**
   * How many people are there now (the adapter tells whenever it changes). Someone there: a held game (nobody
   * there, or just restored) goes on. Nobody there for the grace period: the bots stop and a short deadline is held.
   */
  setPresence(count: number): void {
    this.present = count;
    if (count > 0) {
      this.graceTimer?.clear();
      this.graceTimer = null;
      if (this.absent) {
        this.absent = false;
        this.resumeClock();
      }
      this.wake();
      return;
    }
    if (this.absent || this.graceTimer || this.stopped) return;
    this.graceTimer = this.deps.clock.setTimeout(() => {
      this.graceTimer = null;
      if (this.present > 0) return;
      this.absent = true;
      if (!this.deps.deadlineRunsWhileAway) this.holdClock();
    }, this.deps.graceMs);
  }

  /** Nobody has been there for the grace period, or nobody has come back since the game was restored. */
  get away(): boolean {
    return this.absent;
  }

  // ---------- the deadline ----------

  /** Pauses the game (a teacher): inputs wait, the deadline is held with what is left of it. */
  pause(): void {
    if (this.saved.paused) return;
    this.saved.paused = true;
    this.holdClock();
  }

  resume(): void {
    if (!this.saved.paused) return;
    this.saved.paused = false;
    this.resumeClock();
    this.wake();
  }

  /** A new time per phase; the current phase (unless already expired) starts over with it. */
  setTimer(ms: number): void {
    this.saved.timerMs = ms;
    const c = this.saved.clock;
    if (this.game.phase !== "ended" && !this.rulesChanged && !(c?.expired)) this.setClock(ms > 0 ? ms : null);
    else this.save();
  }

  /** More time in this phase; false when no deadline runs or is held. */
  extendTimer(ms: number): boolean {
    const c = this.saved.clock;
    if (!c || c.expired) return false;
    if (c.deadline !== null) this.setClock(c.deadline - this.deps.clock.now() + ms);
    else if (c.leftMs !== null) this.setClock(c.leftMs + ms);
    else return false;
    return true;
  }

  /** No deadline in this phase: it waits for its players; the next phase has one again. */
  skipTimer(): void {
    this.setClock(null);
  }

  /** Closes the phase now: bots answer for every seat it still waits for. */
  expire(): void {
    this.clearTimer();
    this.saved.clock = { phase: this.phaseKey, deadline: null, leftMs: null, expired: true };
    this.save();
    this.deps.onClock?.(0);
    this.wake();
  }

  /** The host is gone (room disposed, page left): no bot plays and no deadline fires again. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.graceTimer?.clear();
    this.botWait?.clear();
  }

  private enterPhase(): void {
    this.phaseKey = keyOf(this.game);
    this.setClock(this.saved.timerMs > 0 ? this.saved.timerMs : null);
  }

  /** The current phase's deadline, `ms` from now (null: none); held at once when the game is held. */
  private setClock(ms: number | null): void {
    this.clearTimer();
    const expired = false;
    if (ms === null || this.game.phase === "ended") {
      this.saved.clock = { phase: this.phaseKey, deadline: null, leftMs: null, expired };
    } else if (this.saved.paused || this.rulesChanged || (this.absent && !this.deps.deadlineRunsWhileAway)) {
      this.saved.clock = { phase: this.phaseKey, deadline: null, leftMs: Math.max(0, ms), expired };
    } else {
      this.saved.clock = { phase: this.phaseKey, deadline: this.deps.clock.now() + ms, leftMs: null, expired };
      this.arm();
    }
    this.save();
    this.deps.onClock?.(this.deadline);
  }

  /** Holds a running deadline as the time it has left; the bots stop as the game is held. */
  private holdClock(): void {
    const c = this.saved.clock;
    if (c && c.deadline !== null) {
      this.clearTimer();
      // A deadline held in its last second keeps that second, so a returning player is not met by an expired phase.
      c.leftMs = Math.max(1000, c.deadline - this.deps.clock.now());
      c.deadline = null;
    }
    this.save();
    this.deps.onClock?.(this.deadline);
  }

  /** Lets a held deadline run again, or holds it if the game is still held; a deadline already past expires. */
  private resumeClock(): void {
    const c = this.saved.clock;
    if (!c || this.rulesChanged || this.game.phase === "ended") return;
    if (c.phase !== this.phaseKey) {
      // Saved in another phase (an older save): this phase starts with its full time.
      this.enterPhase();
      return;
    }
    if (this.saved.paused || (this.absent && !this.deps.deadlineRunsWhileAway)) {
      this.holdClock();
      return;
    }
    if (c.leftMs !== null) {
      c.deadline = this.deps.clock.now() + c.leftMs;
      c.leftMs = null;
      this.save();
    }
    this.arm();
    this.deps.onClock?.(this.deadline);
  }

  private arm(): void {
    this.clearTimer();
    const c = this.saved.clock;
    if (!c || c.deadline === null || c.expired) return;
    const wait = c.deadline - this.deps.clock.now();
    if (wait <= 0) return this.expire();
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      this.arm();
    }, Math.min(wait, MAX_WAIT_MS));
  }

  private clearTimer(): void {
    this.timer?.clear();
    this.timer = null;
  }

  private save(): void {
    this.deps.store.save({ ...this.saved, clock: this.saved.clock ? { ...this.saved.clock } : null });
  }

  // ---------- bots ----------

  /** Something changed that may leave a bot to play: a step, a seat handed over, a deadline passed, someone back. */
  wake(): void {
    if (this.expired && this.deps.atDeadline && !this.held && !this.filling) {
      this.filling = true;
      try {
        this.deps.atDeadline();
      } finally {
        this.filling = false;
      }
    }
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    if (this.held) return;
    this.pumping = true;
    this.botWait = this.deps.clock.setTimeout(() => {
      this.botWait = null;
      void this.pump();
    }, this.deps.botDelayMs ?? 0);
  }

  /**
   * Plays the seats bots answer for, one input at a time, waiting between inputs so players' messages are never
   * held up long. One round of play runs at a time; a wake-up during it makes it look again when done.
   */
  private async pump(): Promise<void> {
    let again = false;
    try {
      this.pumpAgain = false;
      const game = this.game;
      if (this.held) return;
      const seat = pendingSeats(game).find((s) => this.playedBy(s) !== "human");
      if (!seat) {
        again = this.pumpAgain;
        return;
      }
      const source = this.playedBy(seat);
      let decision: BotDecision | null = null;
      try {
        decision = await this.deps.decide(this.deps.botLevel(), viewFor(game, seat), botSeed(game, seat, this.steps));
      } catch {
        decision = null;
      }
      // Someone else moved the game on (or it was held) while the bot thought: look again from the new state.
      if (this.game !== game || this.held) {
        again = true;
        return;
      }
      const accepted = decision ? this.apply(decision.input, source) : null;
      if (!accepted || !accepted.ok) this.pass(seat, source);
      again = true;
    } finally {
      this.pumping = false;
      if (again) this.wake();
    }
  }

  /** When a bot has nothing to offer, the seat passes: no orders, or its first open decision's stated default; as a last resort the phase closes. */
  private pass(seat: Seat, source: InputSource): void {
    const pass = passInput(this.game, seat);
    const result = this.apply(pass ?? { type: "close" }, source);
    if (pass && !result.ok) this.apply({ type: "close" }, source);
  }
}

function keyOf(game: GameState): string {
  return `${game.round}|${game.phase}`;
}
