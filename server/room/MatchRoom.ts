import { CloseCode, Room, validate, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { applyInput, closePhase, createGame, type GameState, type Input, type Seat } from "../../shared/engine/index.ts";
import type { z } from "zod";
import { CreateMatchOptions, JoinOptions, type Messages, type MessageName, type Reply } from "../../shared/protocol/messages.ts";
import { Member, MatchState, Secret, SeatEntry } from "../../shared/protocol/state.ts";
import { context, type ServerContext } from "../context.ts";
import { TokenBucket } from "../rateLimit.ts";
import type { InputSource } from "../records.ts";
import { BotPump } from "./botPump.ts";
import { envelope, refuse, type Parsed } from "./intents.ts";
import { Projector } from "./project.ts";
import { initialControls, newTicket, type SeatControl } from "./seating.ts";

/** What the public lobby lists about a match. */
export interface LobbyMetadata {
  name: string;
  mode: string;
  length: string;
  public: boolean;
  started: boolean;
  seatsFree: number;
  seats: number;
}

interface Person {
  sessionId: string;
  name: string;
  seat: Seat | null;
  spectator: boolean;
  connected: boolean;
  bucket: TokenBucket;
}

const ACCEPTED: Reply = { ok: true };
/** How long a started match stays open with nobody connected, so players can still come back. */
const EMPTY_MATCH_SECONDS = 600;
/** Members per seat: one player now; a classroom team will raise it. */
const PLAYERS_PER_SEAT = 1;

/**
 * One match: lobby, seats, the game and its clients. The room is the only authority: it validates
 * every intent, asks the engine, records what the engine accepts, and projects the result into the
 * synchronised state, whose secrets each client sees only for its own seat.
 */
export class MatchRoom extends Room<{ state: MatchState; metadata: LobbyMetadata }> {
  state = new MatchState();
  maxClients = 64;
  // Turn-based: ten patches a second is prompt for people and halves the encoding and decoding of the default twenty.
  patchRate = 100;

  private ctx!: ServerContext;
  private setup!: CreateMatchOptions;
  private controls = new Map<Seat, SeatControl>();
  private people = new Map<string, Person>();
  private game: GameState | null = null;
  private steps = 0;
  private matchId = 0;
  private projector = new Projector(this.state);
  private phaseKey = "";
  /** The phase whose timer ran out: bots now answer for every seat it still waits for. */
  private expiredPhase = "";
  private bots = new BotPump({
    game: () => this.game,
    steps: () => this.steps,
    level: () => this.setup.botLevel,
    playedBy: (seat) => this.playedBy(seat),
    apply: (input, source) => this.apply(input, source),
  });
  private timer: { clear(): void } | null = null;
  private emptyTimer: { clear(): void } | null = null;

  messages = {
    claimSeat: this.intent("claimSeat", (client, msg) => this.claimSeat(client, msg.seat)),
    releaseSeat: this.intent("releaseSeat", (client) => this.releaseSeat(client)),
    setReady: this.intent("setReady", (client, msg) => this.setReady(client, msg.ready)),
    start: this.intent("start", (client) => this.startGame(client)),
    setController: this.intent("setController", (client, msg) => this.setController(client, msg.seat, msg.controller)),
    kick: this.intent("kick", (client, msg) => this.kick(client, msg.sessionId)),
    submitOrders: this.intent("submitOrders", (client, msg) => this.submitOrders(client, msg)),
    answer: this.intent("answer", (client, msg) => this.answer(client, msg)),
    // Unknown message types get a refusal too, instead of the default disconnection.
    _: (client: Client, type: string | number) => {
      if (!this.take(client)) return;
      client.send("refused", refuse("bad-input", `Unknown message type "${String(type).slice(0, 40)}".`));
    },
  };

  /** Validates with zod, applies the rate limit, then runs the handler; every refusal has a code and a sentence. */
  private intent<K extends MessageName>(name: K, handler: (client: Client, msg: z.output<(typeof Messages)[K]>) => Reply) {
    return validate(envelope(name), (client: Client, parsed: Parsed<z.output<(typeof Messages)[K]>>) => {
      if (!this.take(client)) return refuse("rate-limited", "Too many messages: wait a moment.");
      if (!parsed.ok) return parsed.refusal;
      return handler(client, parsed.value);
    });
  }

  private take(client: Client): boolean {
    const person = this.people.get(client.sessionId);
    return person ? person.bucket.take() : false;
  }

  // ---------- lifecycle ----------

  onCreate(raw: unknown): void {
    this.ctx = context();
    this.setup = CreateMatchOptions.parse(raw ?? {});
    this.controls = initialControls(this.setup);
    const s = this.state;
    s.name = this.setup.name;
    s.isPublic = this.setup.public;
    s.mode = this.setup.mode;
    s.length = this.setup.length;
    s.timerSeconds = this.setup.timerSeconds;
    if (!this.setup.public && !this.setup.solo) s.code = this.ctx.codes.issue(this.roomId);
    for (const control of this.controls.values()) {
      const entry = new SeatEntry();
      entry.controller = control.controller;
      s.seats.set(control.seat, entry);
      const secret = new Secret();
      secret.seat = control.seat;
      secret.ticket = control.ticket;
      s.secrets.set(control.seat, secret);
    }
    // Private matches are joined by code or link only, never through matchmaking or the lobby.
    if (!this.setup.public) void this.setPrivate(true);
    void this.setMetadata(this.lobbyMetadata());
  }

  onJoin(client: Client, raw: unknown): void {
    const creator = this.state.hostId === "" && this.people.size === 0 && !this.game;
    const options = creator ? CreateMatchOptions.parse(raw ?? {}) : JoinOptions.parse(raw ?? {});
    const spectator = !creator && (options as JoinOptions).spectator;
    const person: Person = {
      sessionId: client.sessionId, name: options.name, seat: null, spectator, connected: true,
      bucket: new TokenBucket(this.ctx.messageRate.perSecond, this.ctx.messageRate.burst),
    };
    client.view = new StateView();
    const wanted = options.seat;
    if (wanted && !spectator) {
      const ticket = creator ? undefined : (options as JoinOptions).ticket;
      const problem = this.seatProblem(wanted, ticket);
      // A refused seat refuses the join: the player asked for that seat and should hear why.
      if (problem) throw new Error(problem.message);
    }
    this.people.set(client.sessionId, person);
    const member = new Member();
    member.name = person.name;
    member.spectator = spectator;
    this.state.members.set(client.sessionId, member);
    if (creator) this.state.hostId = client.sessionId;
    if (wanted && !spectator) this.seatPerson(client, person, wanted);
    this.emptyTimer?.clear();
    this.emptyTimer = null;
    if (creator && this.setup.solo) this.startGame(client);
    this.refreshLobby();
  }

  onDrop(client: Client): void {
    const person = this.people.get(client.sessionId);
    if (!person) return;
    person.connected = false;
    this.refreshPerson(person);
    this.allowReconnection(client, this.ctx.graceSeconds).catch(() => {});
  }

  onReconnect(client: Client): void {
    const person = this.people.get(client.sessionId);
    if (!person) return;
    person.connected = true;
    if (person.seat) this.controls.get(person.seat)!.away = false;
    this.refreshPerson(person);
  }

  onLeave(client: Client, code?: number): void {
    const person = this.people.get(client.sessionId);
    if (!person) return;
    this.people.delete(client.sessionId);
    this.state.members.delete(client.sessionId);
    if (person.seat) this.unseat(person, code !== CloseCode.CONSENTED || !!this.game);
    if (this.state.hostId === client.sessionId) this.state.hostId = this.people.keys().next().value ?? "";
    if (this.game && this.clients.length === 0) {
      this.emptyTimer?.clear();
      const seconds = this.game.phase === "ended" ? 5 : EMPTY_MATCH_SECONDS;
      this.emptyTimer = this.clock.setTimeout(() => { if (this.clients.length === 0) void this.disconnect(); }, seconds * 1000);
    }
    this.refreshLobby();
    this.bots.wake();
  }

  onDispose(): void {
    this.bots.stop();
    if (this.state.code) this.ctx.codes.release(this.state.code);
  }

  // ---------- seats ----------

  private seatProblem(seat: Seat, ticket?: string): { code: string; message: string } | null {
    const control = this.controls.get(seat);
    if (!control) return { code: "unknown-seat", message: `${seat} is not a seat in this match.` };
    if (control.controller === "bot") return { code: "seat-taken", message: `${seat} is played by a bot in this match.` };
    const rightful = ticket !== undefined && ticket === control.ticket;
    if (control.holders.size >= PLAYERS_PER_SEAT && !rightful) return { code: "seat-taken", message: `${seat} is taken.` };
    // Once the game runs, a seat whose player dropped out stays theirs: only its ticket takes it back.
    if (this.game && control.away && !rightful) return { code: "seat-taken", message: `${seat} is kept for its player.` };
    return null;
  }

  private seatPerson(client: Client, person: Person, seat: Seat): void {
    const control = this.controls.get(seat)!;
    control.holders.add(person.sessionId);
    control.away = false;
    person.seat = seat;
    person.spectator = false;
    client.view!.add(this.state.secrets.get(seat)!);
    this.refreshPerson(person);
  }

  /** Takes a person out of their seat; in a running game, a seat left empty is played by a bot until someone returns. */
  private unseat(person: Person, keepTicket: boolean): void {
    const seat = person.seat!;
    const control = this.controls.get(seat)!;
    control.holders.delete(person.sessionId);
    person.seat = null;
    const client = this.clients.getById(person.sessionId);
    client?.view?.remove(this.state.secrets.get(seat)!);
    if (control.holders.size === 0) {
      control.ready = false;
      if (this.game) control.away = control.controller === "human";
      if (!keepTicket) this.rotateTicket(control);
    }
    this.refreshSeat(seat);
    const member = this.state.members.get(person.sessionId);
    if (member) member.seat = "";
  }

  private rotateTicket(control: SeatControl): void {
    control.ticket = newTicket();
    this.state.secrets.get(control.seat)!.ticket = control.ticket;
  }

  private claimSeat(client: Client, seat: Seat): Reply {
    const person = this.people.get(client.sessionId)!;
    if (person.seat === seat) return ACCEPTED;
    if (person.spectator) return refuse("spectator", "Spectators watch; join again as a player to take a seat.");
    if (this.game && this.game.phase === "ended") return refuse("game-over", "The game is over.");
    const problem = this.seatProblem(seat);
    if (problem) return refuse(problem.code, problem.message);
    if (person.seat) {
      if (this.game) return refuse("already-started", "Seats cannot be swapped once the game has started.");
      this.unseat(person, false);
    }
    this.seatPerson(client, person, seat);
    this.refreshLobby();
    return ACCEPTED;
  }

  private releaseSeat(client: Client): Reply {
    const person = this.people.get(client.sessionId)!;
    if (!person.seat) return refuse("not-seated", "You hold no seat.");
    this.unseat(person, false);
    this.refreshLobby();
    this.bots.wake();
    return ACCEPTED;
  }

  private setReady(client: Client, ready: boolean): Reply {
    const person = this.people.get(client.sessionId)!;
    if (!person.seat) return refuse(person.spectator ? "spectator" : "not-seated", "Take a seat first.");
    this.controls.get(person.seat)!.ready = ready;
    this.refreshSeat(person.seat);
    return ACCEPTED;
  }

  private hostOnly(client: Client): Reply | null {
    return client.sessionId === this.state.hostId ? null : refuse("not-host", "Only the match's host can do that.");
  }

  private setController(client: Client, seat: Seat, controller: "human" | "bot"): Reply {
    const denied = this.hostOnly(client);
    if (denied) return denied;
    const control = this.controls.get(seat);
    if (!control) return refuse("unknown-seat", `${seat} is not a seat in this match.`);
    if (this.setup.mode === "powers" && seat !== "russia" && seat !== "china") return refuse("unknown-seat", `${seat} is played by a bot in this mode.`);
    if (controller === control.controller) return ACCEPTED;
    if (controller === "bot") {
      for (const id of [...control.holders]) this.unseat(this.people.get(id)!, false);
      control.away = false;
    } else {
      // Opened by the host: anyone may take it, so the absent player's ticket no longer holds it.
      control.away = !!this.game;
      this.rotateTicket(control);
    }
    control.controller = controller;
    this.refreshSeat(seat);
    this.refreshLobby();
    this.bots.wake();
    return ACCEPTED;
  }

  private kick(client: Client, sessionId: string): Reply {
    const denied = this.hostOnly(client);
    if (denied) return denied;
    if (sessionId === client.sessionId) return refuse("bad-input", "You cannot kick yourself.");
    const person = this.people.get(sessionId);
    const target = this.clients.getById(sessionId);
    if (!person || !target) return refuse("unknown-member", "No such player in this match.");
    if (person.seat) this.unseat(person, false);
    target.leave(CloseCode.CONSENTED, "You were removed from the match by its host.");
    return ACCEPTED;
  }

  // ---------- the game ----------

  private startGame(client: Client): Reply {
    const denied = this.hostOnly(client);
    if (denied) return denied;
    if (this.game) return refuse("already-started", "The game has already started.");
    const humans = [...this.controls.values()].filter((c) => c.controller === "human" && c.holders.size > 0);
    if (humans.length === 0) return refuse("not-enough-humans", "At least one player must take a seat.");
    for (const control of this.controls.values()) if (control.holders.size === 0) control.controller = "bot";
    const seats = Object.fromEntries([...this.controls.values()].map((c) => [c.seat, c.controller]));
    const options = { mode: this.setup.mode, length: this.setup.length, startYear: this.setup.startYear, west: this.setup.west, seats };
    const seed = this.ctx.nextSeed();
    this.game = createGame(options, seed);
    this.matchId = this.ctx.records.startMatch({
      roomId: this.roomId, name: this.setup.name, options, seed,
      room: { timerSeconds: this.setup.timerSeconds, botLevel: this.setup.botLevel, public: this.setup.public },
    });
    this.autoDispose = false;
    this.state.started = true;
    this.projector.sync(this.game, 0);
    this.projector.addEvents(this.game.log, 0);
    for (const seat of this.controls.keys()) this.refreshSeat(seat);
    this.afterStep();
    this.refreshLobby();
    return ACCEPTED;
  }

  private seatOf(client: Client, round: number | undefined): { seat: Seat } | Reply {
    const person = this.people.get(client.sessionId)!;
    if (!this.game) return refuse("not-started", "The game has not started yet.");
    if (person.spectator) return refuse("spectator", "Spectators watch; they cannot act.");
    if (!person.seat) return refuse("not-seated", "You hold no seat in this game.");
    if (round !== undefined && round !== this.game.round) return refuse("stale", `That was meant for round ${round}; it is now round ${this.game.round}.`);
    return { seat: person.seat };
  }

  private submitOrders(client: Client, msg: { orders: { action: string; target?: string; option?: string }[]; round?: number }): Reply {
    const who = this.seatOf(client, msg.round);
    if (!("seat" in who)) return who;
    return this.apply({ type: "orders", seat: who.seat, orders: msg.orders as never }, "human");
  }

  private answer(client: Client, msg: { decision: number; answer: string; round?: number }): Reply {
    const who = this.seatOf(client, msg.round);
    if (!("seat" in who)) return who;
    return this.apply({ type: "answer", seat: who.seat, decision: msg.decision, answer: msg.answer }, "human");
  }

  /** Asks the engine; on acceptance records the input, projects the new state and moves the room along. */
  private apply(input: Input, source: InputSource): Reply {
    if (!this.game) return refuse("not-started", "The game has not started yet.");
    const result = applyInput(this.game, input);
    if (!result.ok) return refuse(result.code, result.message);
    this.game = result.state;
    this.ctx.records.appendInput(this.matchId, this.steps, input, source);
    this.steps += 1;
    this.projector.sync(this.game, this.steps);
    this.projector.addEvents(result.events, this.steps);
    this.afterStep();
    return ACCEPTED;
  }

  private afterStep(): void {
    const game = this.game!;
    if (game.phase === "ended") {
      this.clearTimer();
      this.ctx.records.endMatch(this.matchId, game.winners, game.endReason);
      this.refreshLobby();
      return;
    }
    const key = `${game.round}|${game.phase}`;
    if (key !== this.phaseKey) {
      this.phaseKey = key;
      this.startTimer();
    }
    this.bots.wake();
  }

  private startTimer(): void {
    this.clearTimer();
    const seconds = this.setup.timerSeconds;
    if (seconds <= 0) return;
    const key = this.phaseKey;
    this.state.timerEndsAt = Date.now() + seconds * 1000;
    const handle = this.clock.setTimeout(() => {
      if (this.phaseKey !== key) return;
      this.expiredPhase = key;
      this.state.timerEndsAt = 0;
      this.bots.wake();
    }, seconds * 1000);
    this.timer = handle;
  }

  private clearTimer(): void {
    this.timer?.clear();
    this.timer = null;
    this.state.timerEndsAt = 0;
  }

  /** Who answers for this seat now: its bot, the bot standing in for players who are away, or any seat's bot once the phase's timer ran out. */
  private playedBy(seat: Seat): InputSource {
    const control = this.controls.get(seat)!;
    if (control.controller === "bot") return "bot";
    if (control.away) return "away";
    return this.expiredPhase === this.phaseKey ? "timer" : "human";
  }

  // ---------- projection of room-level facts ----------

  private refreshSeat(seat: Seat): void {
    const control = this.controls.get(seat)!;
    const entry = this.state.seats.get(seat)!;
    entry.controller = control.controller;
    entry.away = control.away;
    entry.ready = control.ready;
    const holders = [...control.holders].map((id) => this.people.get(id)).filter((p): p is Person => !!p);
    const names = holders.map((p) => p.name);
    if (entry.players.length !== names.length || names.some((n, i) => entry.players[i] !== n)) {
      entry.players.clear();
      for (const n of names) entry.players.push(n);
    }
    entry.connected = control.controller === "bot" || holders.some((p) => p.connected);
  }

  private refreshPerson(person: Person): void {
    const member = this.state.members.get(person.sessionId);
    if (member) {
      member.connected = person.connected;
      member.seat = person.seat ?? "";
      member.spectator = person.spectator;
    }
    if (person.seat) this.refreshSeat(person.seat);
  }

  private lobbyMetadata(): LobbyMetadata {
    const open = [...this.controls.values()].filter((c) => c.controller === "human" && c.holders.size < PLAYERS_PER_SEAT);
    return {
      name: this.setup.name, mode: this.setup.mode, length: this.setup.length, public: this.setup.public,
      started: !!this.game, seatsFree: this.game ? 0 : open.length, seats: this.controls.size,
    };
  }

  private refreshLobby(): void {
    if (this.setup.public) void this.setMetadata(this.lobbyMetadata());
  }

  /** For tests and tools: the id of this match's record in the database. */
  get recordId(): number {
    return this.matchId;
  }
}
