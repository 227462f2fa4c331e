import { canSee, replaySteps, viewFor, type GameEvent, type GameRecord, type GameState, type GameView, type Input, type Seat } from "../../shared/engine/index.ts";
import type { Connection, MatchInfo, MessagePayload } from "../../shared/protocol/connection.ts";
import type { Messages, Reply } from "../../shared/protocol/messages.ts";
import { botReasons, withReasons } from "../../shared/review/seen.ts";

/** Who a replay is seen by: a seat (its own secrets only) or the public. */
export type ReplayViewer = Seat | "spectator";

export interface ReplayStep {
  state: GameState;
  /** The step's events, with the bots' reasons the viewer may read placed after the events they explain. */
  events: GameEvent[];
  /** The input that led here (none for the created game). */
  input: Input | null;
}

/**
 * A finished game as a connection the game screen can show, one moment at a time. Every state comes from the
 * engine's own replay of the record (replaySteps); the screen reads `view()` and `events()` as in play, so the
 * real map, cards, tracks, news, log and seats show that moment, seen by the chosen seat (viewFor: its own
 * secrets, nobody else's until the game's end) or by the public. Nothing can be sent.
 */
export class ReplayConnection implements Connection {
  readonly kind = "local" as const;
  readonly record: GameRecord;
  /** The seat the player played (the bots are the others). */
  readonly player: Seat | null;
  private states: { state: GameState; events: GameEvent[]; input: Input | null }[] = [];
  private steps: ReplayStep[] = [];
  private viewerSeat: ReplayViewer;
  private at = 0;
  private listeners = new Set<() => void>();
  private cache: { at: number; events: GameEvent[] } | null = null;
  private readonly onLeave: () => void;

  constructor(record: GameRecord, player: Seat | null, viewer: ReplayViewer, onLeave: () => void) {
    this.record = record;
    this.player = player;
    this.viewerSeat = viewer;
    this.onLeave = onLeave;
    for (const step of replaySteps(record, { digests: false })) {
      this.states.push({ state: step.state, events: step.events, input: step.index > 0 ? record.inputs[step.index - 1]! : null });
    }
    this.explain();
  }

  /** The bots' reasons as the current viewer may read them (bots: the seats the record's options do not give to people). */
  private explain(): void {
    const people = this.record.options.seats ?? {};
    const bots = new Set<Seat>(this.states[0]!.state.seatOrder.filter((s) => s !== this.player && people[s] !== "human"));
    this.steps = this.states.map((s, i) => ({
      state: s.state, input: s.input,
      events: i === 0 ? s.events : withReasons(s.events, botReasons(this.states[i - 1]!.state, s.events, this.viewerSeat, bots)),
    }));
    this.cache = null;
  }

  get viewer(): ReplayViewer {
    return this.viewerSeat;
  }

  setViewer(viewer: ReplayViewer): void {
    if (viewer === this.viewerSeat) return;
    this.viewerSeat = viewer;
    this.explain();
    this.notify();
  }

  /** Steps: 0 is the created game, n the state after n inputs. */
  get length(): number {
    return this.steps.length;
  }

  get step(): number {
    return this.at;
  }

  stepAt(i: number): ReplayStep {
    return this.steps[i]!;
  }

  go(step: number): void {
    const next = Math.max(0, Math.min(this.steps.length - 1, step));
    if (next === this.at) return;
    this.at = next;
    this.notify();
  }

  /** The first step of the round after this one (or the last step). */
  nextRound(): number {
    const round = this.steps[this.at]!.state.round;
    const i = this.steps.findIndex((s, k) => k > this.at && s.state.round > round);
    return i < 0 ? this.steps.length - 1 : i;
  }

  /** The first step of this round, or of the round before when already there. */
  prevRound(): number {
    const round = this.steps[this.at]!.state.round;
    const first = this.roundStart(round);
    return first < this.at ? first : this.roundStart(Math.max(1, round - 1));
  }

  roundStart(round: number): number {
    const i = this.steps.findIndex((s) => s.state.round >= round);
    return i < 0 ? this.steps.length - 1 : i;
  }

  get rounds(): number {
    return this.steps[this.steps.length - 1]!.state.round;
  }

  view(): GameView {
    return viewFor(this.steps[this.at]!.state, this.viewerSeat);
  }

  events(): GameEvent[] {
    if (this.cache?.at === this.at) return this.cache.events;
    const events = this.steps.slice(0, this.at + 1).flatMap((s) => s.events).filter((e) => canSee(e, this.viewerSeat));
    this.cache = { at: this.at, events };
    return events;
  }

  match(): MatchInfo {
    const state = this.steps[this.at]!.state;
    const seat = this.viewerSeat === "spectator" ? null : this.viewerSeat;
    return {
      roomId: "replay", code: null, name: "", public: false, started: true,
      seats: state.seatOrder.map((s) => ({ seat: s, controller: s === this.player || this.record.options.seats?.[s] === "human" ? "human" : "bot", players: [], ready: true, connected: true })),
      you: { id: "replay", name: "", seat, spectator: seat === null, host: false },
      timerEndsAt: null, timerSeconds: 0, paused: false, broadcast: null, rulesChanged: null,
    };
  }

  status(): "open" {
    return "open";
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async send<K extends keyof typeof Messages>(_type: K, _payload: MessagePayload<K>): Promise<Reply> {
    return { ok: false, code: "already-ended" };
  }

  async leave(): Promise<void> {
    this.onLeave();
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}
