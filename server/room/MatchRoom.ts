import { CloseCode, Room, ServerError, validate, type AuthContext, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { pendingSeats, RULES_VERSION, type GameEvent, type GameState, type Input, type Seat } from "../../shared/engine/index.ts";
import { GameHost, type HostDeps, type HostSaved, type InputSource } from "../../shared/host/GameHost.ts";
import type { z } from "zod";
import { CreateMatchOptions, JoinOptions, type Messages, type MessageName, type PastReasons, type Refusal, type Reply } from "../../shared/protocol/messages.ts";
import { Member, MatchState, Secret, SeatEntry } from "../../shared/protocol/state.ts";
import { context, type ServerContext } from "../context.ts";
import { TokenBucket } from "../rateLimit.ts";
import { CONNECTION_HEADER } from "../http.ts";
import { decideAsync } from "../bots/pool.ts";
import { serverClock } from "./clock.ts";
import { redeemRestorePass, type MatchPreload } from "./reopen.ts";
import { keptThen } from "../store.ts";
import { reminders } from "./reminders.ts";
import { answerUnknownRequests, envelope, refuse, refusedJoin, type Parsed } from "./intents.ts";
import { Projector } from "./project.ts";
import { takeoverLines, TakeoverWatch } from "./takeover.ts";
import { PastReasonsCache } from "./pastReasons.ts";
import { initialControls, newTicket, type SeatControl } from "./seating.ts";
import { restoredControls, savedRoom, type MatchSave, type MatchStatus } from "./matchSave.ts";
import { visiblePatches } from "./viewPatches.ts";
import { promptPatches, SAFETY_PATCH_MS } from "./promptPatch.ts";
import { playedByBot } from "../../shared/protocol/seatControl.ts";

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
 * Phases this long or longer are played asynchronously (over hours or days): their deadline is an absolute time that
 * runs on while nobody is connected; a phase whose deadline passed meanwhile is finished by the bots when someone is back.
 */
const ASYNC_PHASE_SECONDS = 3600;

/**
 * One match: lobby, seats, the game and its clients. The room is the only authority: it validates
 * every intent, asks the engine, records what the engine accepts, and projects the result into the
 * synchronised state, whose secrets each client sees only for its own seat.
 */
export class MatchRoom extends Room<{ state: MatchState; metadata: LobbyMetadata }> {
  state = new MatchState();
  maxClients = 64;
  // Patches go out when the state changes (promptPatch.ts); this tick is only the net under them.
  patchRate = SAFETY_PATCH_MS;
  private patchSoon = promptPatches(this);
  // A client gets a patch only when something it may see changed (viewPatches.ts).
  override setSerializer(serializer: Parameters<Room["setSerializer"]>[0]): void {
    super.setSerializer(visiblePatches(serializer));
  }

  private ctx!: ServerContext;
  private setup!: CreateMatchOptions;
  private controls = new Map<Seat, SeatControl>();
  private people = new Map<string, Person>();
  private matchId = 0;
  private projector = new Projector(this.state);
  private emptyTimer: { clear(): void } | null = null;
  /** The running game: its state, record, deadline and bots (null in the lobby). */
  private host: GameHost | null = null;
  private hostSaved: HostSaved | null = null;
  /** The seat the match's host held, so that the host gets the role back after a restart. */
  private hostSeat: Seat | null = null;
  /** Brought back from its save after a restart (no creator joins it). */
  private restored: MatchSave | null = null;
  /** The restored match's game record, read by the server before it opened the room. */
  private restoredRecord: MatchPreload["record"] = null;
  /** Who gave each of the restored record's inputs (human, bot, timer, away). */
  private restoredSources: InputSource[] = [];
  private closing = false;
  /** After a restart, the role is held for the host's seat by whoever came back first. */
  private provisionalHost = false;
  /** After a restart, seats whose players held them wait the grace period for them before a bot stands in. */
  private returning = new Set<Seat>();
  private lastSave = "";
  /** The phase last announced to the reminders. */
  private lastPhase = "";
  /** The step the host last recorded, and the seats a bot now plays in their players' stead (told once in the log). */
  private lastEntry: { index: number; input: Input; source: InputSource } | null = null;
  private takeovers = new TakeoverWatch();
  /** The takeover lines the log shows, by step (for the bots' reasons a page asks for: pastReasons.ts). */
  private tookAt = new Map<number, GameEvent>();
  private reasonsCache = new PastReasonsCache(() => this.ctx.now());
  /** Seats the host handed to a bot during the game: their next bot step is told as a takeover. */
  private handedToBot = new Set<Seat>();
  private get game(): GameState | null {
    return this.host?.state ?? null;
  }
  private bots = { wake: () => this.host?.wake(), stop: () => this.host?.stop() };

  messages = {
    claimSeat: this.intent("claimSeat", (client, msg) => this.claimSeat(client, msg.seat)),
    releaseSeat: this.intent("releaseSeat", (client) => this.releaseSeat(client)),
    setReady: this.intent("setReady", (client, msg) => this.setReady(client, msg.ready)),
    start: this.intent("start", (client) => this.startGame(client)),
    setController: this.intent("setController", (client, msg) => this.setController(client, msg.seat, msg.controller)),
    kick: this.intent("kick", (client, msg) => this.kick(client, msg.sessionId)),
    submitOrders: this.intent("submitOrders", (client, msg) => this.submitOrders(client, msg)),
    answer: this.intent("answer", (client, msg) => this.answer(client, msg)),
    botReasons: this.intent("botReasons", (client) => this.pastReasons(client)),
    // Unknown message types get a refusal too, instead of the default disconnection (requests: see onCreate).
    _: (client: Client, type: string | number) => {
      if (!this.take(client)) return;
      client.send("refused", refuse("bad-input"));
    },
  };

  /**
   * Creating a match costs the address a token, and the connection asking one from a smaller budget (one client
   * cannot spend its whole address's budget). Refused as `rate-limited` before any room exists. Colyseus calls this
   * for every matchmaking request; only those that may create a room pay.
   */
  static async onAuth(_token: string, _options: unknown, auth: AuthContext): Promise<true> {
    if (!/\/matchmake\/(create|joinOrCreate)\//.test(auth.req?.url ?? "")) return true;
    const ctx = context();
    const address = auth.ip ?? "unknown";
    const connection = auth.headers.get(CONNECTION_HEADER);
    const ok = (await ctx.limits.take("roomCreations", address)) && (connection === null || (await ctx.limits.take("roomCreationsPerConnection", `${address}#${connection}`)));
    if (!ok) throw new ServerError(429, "rate-limited: Too many matches created from here: wait a moment.");
    return true;
  }

  /** Validates with zod, applies the rate limit, then runs the handler; every refusal has a code and a sentence. */
  private intent<K extends MessageName>(name: K, handler: (client: Client, msg: z.output<(typeof Messages)[K]>) => Reply) {
    return validate(envelope(name), (client: Client, parsed: Parsed<z.output<(typeof Messages)[K]>>) => {
      if (!this.take(client)) return refuse("rate-limited");
      if (!parsed.ok) return parsed.refusal;
      // The reply leaves once what the request wrote is kept (at once on SQLite; PostgreSQL's write first).
      const reply = handler(client, parsed.value);
      this.patchSoon();
      return keptThen(this.ctx.records, reply, () => refuse("store-failed"));
    });
  }

  private take(client: Client): boolean {
    const person = this.people.get(client.sessionId);
    return person ? person.bucket.take() : false;
  }

  // ---------- lifecycle ----------

  async onCreate(raw: unknown): Promise<void> {
    this.ctx = context();
    const restoring = raw as { restore?: unknown; pass?: unknown } | null;
    if (restoring?.restore !== undefined) {
      const preload = redeemRestorePass(restoring.pass, restoring.restore);
      if (!preload) throw new Error("Saved matches are reopened by the server.");
      this.restored = preload.save;
      this.restoredRecord = preload.record;
      this.restoredSources = preload.sources;
      if (!this.restored) throw new Error("No saved match has that id.");
      this.roomId = String(restoring.restore);
      raw = this.restored.setup;
    }
    const parsed = CreateMatchOptions.safeParse(raw ?? {});
    if (!parsed.success) throw refusedJoin(this.ctx, "bad-input");
    this.setup = parsed.data;
    // A request of a type the room does not know gets the room's own refusal, like a plain message of that type.
    answerUnknownRequests(this, (client, type) => this.take(client)
      ? refuse("bad-input")
      : refuse("rate-limited"));
    this.controls = this.restored ? restoredControls(this.restored) : initialControls(this.setup);
    const s = this.state;
    s.name = this.setup.name;
    s.isPublic = this.setup.public;
    s.mode = this.setup.mode;
    s.length = this.setup.length;
    s.timerSeconds = this.setup.timerSeconds;
    s.graceSeconds = this.ctx.graceSeconds;
    if (this.restored?.code) {
      s.code = this.restored.code;
      await this.ctx.codes.restore(s.code, this.roomId);
    } else if (!this.setup.public && !this.setup.solo) s.code = await this.ctx.codes.issue(this.roomId);
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
    if (this.restored) this.restoreRoom(this.restored);
    this.persist();
  }

  /** A match brought back after a restart: its host's seat, and its game re-run from the record and checked. */
  private restoreRoom(save: MatchSave): void {
    this.hostSeat = save.hostSeat;
    for (const seat of this.controls.keys()) this.refreshSeat(seat);
    if (save.matchId === null) return;
    const record = this.restoredRecord;
    if (!record) throw new Error("The match's game record is missing.");
    this.matchId = save.matchId;
    this.autoDispose = false;
    this.state.started = true;
    for (const seat of save.seats) if (seat.held && seat.controller === "human") this.returning.add(seat.seat);
    if (this.returning.size > 0) {
      this.clock.setTimeout(() => {
        this.returning.clear();
        this.bots.wake();
      }, this.ctx.graceSeconds * 1000);
    }
    this.host = GameHost.restore(record, save.clock, this.hostDeps());
    this.state.rulesChanged = this.host.rulesChanged ? Math.max(1, this.host.rulesChanged.round) : 0;
    this.state.timerEndsAt = this.host.deadline;
    this.lastPhase = `${this.host.state.round}|${this.host.state.phase}`;
    this.armEmptyTimer();
  }

  /** What the room hands its game host: the server's clock, the record in SQLite, bots on bot threads, and who sits where. */
  private hostDeps(): HostDeps {
    return {
      clock: serverClock,
      decide: decideAsync,
      botLevel: () => this.setup.botLevel,
      seatedBy: (seat: Seat) => {
        const control = this.controls.get(seat);
        if (!control || control.controller === "bot") return "bot";
        return control.away && !this.returning.has(seat) ? "away" : "human";
      },
      graceMs: this.ctx.graceSeconds * 1000,
      deadlineRunsWhileAway: this.setup.timerSeconds >= ASYNC_PHASE_SECONDS,
      store: {
        append: (entry) => {
          this.lastEntry = entry;
          this.ctx.records.appendInput(this.matchId, entry.index, entry.input, entry.source, entry.digest);
          // A player's input is on disk before its reply leaves; the bots' go in the same write, or with the next batch.
          if (entry.source === "human") this.ctx.records.flush();
        },
        save: (saved) => {
          this.hostSaved = saved;
          this.persist();
        },
        ended: (game) => {
          this.ctx.records.endMatch(this.matchId, game.winners, game.endReason);
          this.refreshLobby();
        },
      },
      onStep: (game, events, steps) => {
        this.patchSoon();
        this.projector.sync(game);
        const took = this.takeover(steps, game.round);
        if (took) this.tookAt.set(steps, took);
        this.projector.addEvents(took ? [took, ...events] : events, steps);
        const phase = `${game.round}|${game.phase}`;
        if (phase !== this.lastPhase) {
          this.lastPhase = phase;
          // Once the host has set the phase's deadline (it does so right after this step is projected).
          queueMicrotask(() => { if (this.game === game) this.phaseOpened(game); });
        }
      },
      onRestore: (game, eventsByStep) => {
        this.patchSoon();
        // The takeover lines are the room's, not the engine's: told again from the record's sources.
        const lines = takeoverLines(this.restoredRecord?.inputs ?? [], this.restoredSources, eventsByStep, this.takeovers);
        for (const [step, line] of lines) this.tookAt.set(step, line);
        eventsByStep.forEach((events, step) => {
          const line = lines.get(step);
          this.projector.addEvents(line ? [line, ...events] : events, step);
        });
        this.projector.sync(game);
      },
      onClock: (deadline) => {
        this.patchSoon();
        this.state.timerEndsAt = deadline;
      },
    };
  }

  /** A bot taking over a seat, told once in everyone's log (takeover.ts). */
  private takeover(steps: number, round: number): GameEvent | null {
    const entry = this.lastEntry;
    if (!entry || entry.index + 1 !== steps || entry.input.type === "close") return null;
    const seat = entry.input.seat;
    return this.takeovers.step(entry.input, entry.source, round, entry.source === "bot" ? this.handedToBot.delete(seat) : undefined);
  }

  /** Where the match stands, as a player's list of games shows it (public facts only). */
  status(): MatchStatus {
    const game = this.game;
    return {
      name: this.setup.name, started: !!game, ended: game?.phase === "ended", round: game?.round ?? 0, maxRounds: game?.maxRounds ?? 0,
      phase: game?.phase ?? "lobby", waitingFor: game && game.phase !== "ended" ? pendingSeats(game) : [],
      deadline: this.host?.deadline || this.host?.clock?.deadline || null, timerSeconds: this.setup.timerSeconds,
      rulesChanged: this.state.rulesChanged,
    };
  }

  /** A phase opened that waits for human seats: the reminders' extension point hears of it (server/room/reminders.ts). */
  private phaseOpened(game: GameState): void {
    if (game.phase === "ended") return;
    const seats = pendingSeats(game).filter((seat) => this.controls.get(seat)?.controller === "human");
    if (seats.length === 0) return;
    const deadline = this.host?.deadline || this.host?.clock?.deadline || null;
    reminders().phaseOpened({ roomId: this.roomId, code: this.state.code || null, name: this.setup.name, round: game.round, phase: game.phase, seats, deadline });
  }

  /** The room as a restart needs it (seats, tickets, host, lobby, the game's deadline), written whenever it changes. */
  private persist(): void {
    if (!this.ctx || this.closing) return;
    // The host's role follows the host's seat (a claim of another seat, or the role passed on as the host left).
    const host = this.people.get(this.state.hostId);
    if (host?.seat && !this.provisionalHost) this.hostSeat = host.seat;
    const over = this.game?.phase === "ended";
    const room = savedRoom(this.roomId, this.setup, this.state.code || null, this.host ? this.matchId : null, this.hostSeat, this.controls, this.hostSaved, !over, this.status());
    const text = JSON.stringify(room);
    if (text === this.lastSave) return;
    this.lastSave = text;
    this.ctx.records.saveRoom(room);
  }

  private armEmptyTimer(): void {
    this.emptyTimer?.clear();
    const seconds = this.game?.phase === "ended" ? 5 : EMPTY_MATCH_SECONDS;
    this.emptyTimer = this.clock.setTimeout(() => { if (this.clients.length === 0) void this.disconnect(); }, seconds * 1000);
  }

  /** The game goes on while someone is connected; with nobody there past the grace period, its bots and clock wait. */
  private tellPresence(): void {
    this.host?.setPresence([...this.people.values()].filter((p) => p.connected).length);
  }

  onJoin(client: Client, raw: unknown): void | Promise<void> {
    this.patchSoon();
    const creator = this.state.hostId === "" && this.people.size === 0 && !this.game && !this.restored;
    const parsed = (creator ? CreateMatchOptions : JoinOptions).safeParse(raw ?? {});
    if (!parsed.success) throw refusedJoin(this.ctx, "bad-input");
    const options = parsed.data as CreateMatchOptions | JoinOptions;
    const spectator = !creator && (options as JoinOptions).spectator;
    const person: Person = {
      sessionId: client.sessionId, name: options.name, seat: null, spectator, connected: true,
      bucket: new TokenBucket(this.ctx.messageRate.perSecond, this.ctx.messageRate.burst, this.ctx.now),
    };
    client.view = new StateView();
    const wanted = options.seat;
    if (wanted && !spectator) {
      const ticket = creator ? undefined : (options as JoinOptions).ticket;
      const problem = this.seatProblem(wanted, ticket);
      // A refused seat refuses the join: the player asked for that seat and should hear why.
      if (problem) throw refusedJoin(this.ctx, problem.code, problem.params);
    }
    this.people.set(client.sessionId, person);
    const member = new Member();
    member.name = person.name;
    member.spectator = spectator;
    this.state.members.set(client.sessionId, member);
    if (creator) this.state.hostId = client.sessionId;
    if (wanted && !spectator) this.seatPerson(client, person, wanted);
    // After a restart the host's role goes back to whoever returns to the host's seat (someone else holds it meanwhile).
    if (this.restored && (this.state.hostId === "" || (this.hostSeat !== null && wanted === this.hostSeat && !spectator))) {
      this.state.hostId = client.sessionId;
      // Someone else holds the role until whoever returns to the host's seat takes it back.
      this.provisionalHost = this.hostSeat !== null && (spectator || wanted !== this.hostSeat);
    }
    if (creator) this.hostSeat = wanted ?? null;
    this.tellPresence();
    this.emptyTimer?.clear();
    this.emptyTimer = null;
    if (creator && this.setup.solo) this.startGame(client);
    this.refreshLobby();
    // The join is confirmed once what it changed (a seat, the roster) is kept: at once on SQLite, PostgreSQL's write first.
    return this.ctx.records.flush();
  }

  onDrop(client: Client): void {
    this.patchSoon();
    const person = this.people.get(client.sessionId);
    if (!person) return;
    person.connected = false;
    this.refreshPerson(person);
    this.tellPresence();
    this.allowReconnection(client, this.ctx.graceSeconds).catch(() => {});
  }

  onReconnect(client: Client): void {
    this.patchSoon();
    const person = this.people.get(client.sessionId);
    if (!person) return;
    person.connected = true;
    if (person.seat) this.controls.get(person.seat)!.away = false;
    this.refreshPerson(person);
    this.tellPresence();
  }

  onLeave(client: Client, code?: number): void {
    this.patchSoon();
    const person = this.people.get(client.sessionId);
    if (!person) return;
    this.people.delete(client.sessionId);
    this.reasonsCache.forget(client.sessionId);
    this.state.members.delete(client.sessionId);
    if (person.seat) this.unseat(person, code !== CloseCode.CONSENTED || !!this.game);
    if (this.state.hostId === client.sessionId) this.state.hostId = this.people.keys().next().value ?? "";
    if (this.game && this.clients.length === 0) this.armEmptyTimer();
    this.tellPresence();
    this.refreshLobby();
    this.bots.wake();
  }

  /** A graceful shutdown keeps every match to come back; only a lobby its people left is closed for good. */
  onBeforeShutdown(): void {
    this.closing = true;
    return super.onBeforeShutdown();
  }

  onDispose(): void {
    this.bots.stop();
    if (this.host) {
      try {
        this.persist();
      } catch {
        // The database is already closed (shutting down): the room stays as last saved.
      }
    }
    if (!this.closing && this.ctx && !this.host) {
      // A lobby everyone left: nobody holds a seat to come back to.
      const room = savedRoom(this.roomId, this.setup, this.state.code || null, null, this.hostSeat, this.controls, null, false);
      try {
        this.ctx.records.saveRoom(room);
      } catch {
        // The database is already closed (shutting down): the room stays as last saved.
      }
    }
    // A match saved open keeps its code (it comes back under it); a finished one or a closed lobby gives it up.
    if (this.state.code && !(this.host && this.game?.phase !== "ended")) void Promise.resolve(this.ctx.codes.release(this.state.code)).catch(() => {});
  }

  // ---------- seats ----------

  private seatProblem(seat: Seat, ticket?: string): { code: string; params: Record<string, string> } | null {
    const control = this.controls.get(seat);
    if (!control) return { code: "unknown-seat", params: { seat } };
    if (control.controller === "bot") return { code: "seat-taken", params: { seat, by: "bot" } };
    const rightful = ticket !== undefined && ticket === control.ticket;
    if (control.holders.size >= PLAYERS_PER_SEAT && !rightful) return { code: "seat-taken", params: { seat, by: "player" } };
    // Once the game runs, a seat whose player dropped out stays theirs: only its ticket takes it back. A seat the host
    // opened (or its player gave up) is kept for nobody: anyone may take it.
    if (this.game && control.away && control.kept && !rightful) return { code: "seat-taken", params: { seat, by: "kept" } };
    return null;
  }

  private seatPerson(client: Client, person: Person, seat: Seat): void {
    const control = this.controls.get(seat)!;
    control.holders.add(person.sessionId);
    this.returning.delete(seat);
    control.away = false;
    control.kept = false;
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
      control.kept = control.away && keepTicket;
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
    if (person.spectator) return refuse("spectator");
    if (this.game && this.game.phase === "ended") return refuse("game-over");
    const problem = this.seatProblem(seat);
    if (problem) return refuse(problem.code, problem.params);
    if (person.seat) {
      if (this.game) return refuse("already-started");
      this.unseat(person, false);
    }
    this.seatPerson(client, person, seat);
    this.refreshLobby();
    return ACCEPTED;
  }

  private releaseSeat(client: Client): Reply {
    const person = this.people.get(client.sessionId)!;
    if (!person.seat) return refuse("not-seated");
    this.unseat(person, false);
    this.refreshLobby();
    this.bots.wake();
    return ACCEPTED;
  }

  private setReady(client: Client, ready: boolean): Reply {
    const person = this.people.get(client.sessionId)!;
    if (!person.seat) return refuse(person.spectator ? "spectator" : "not-seated");
    this.controls.get(person.seat)!.ready = ready;
    this.refreshSeat(person.seat);
    return ACCEPTED;
  }

  private hostOnly(client: Client): Reply | null {
    return client.sessionId === this.state.hostId ? null : refuse("not-host");
  }

  private setController(client: Client, seat: Seat, controller: "human" | "bot"): Reply {
    const denied = this.hostOnly(client);
    if (denied) return denied;
    const control = this.controls.get(seat);
    if (!control) return refuse("unknown-seat", { seat });
    if (this.setup.mode === "powers" && seat !== "russia" && seat !== "china") return refuse("unknown-seat", { seat });
    if (controller === control.controller) return ACCEPTED;
    if (controller === "bot") {
      if (this.game) this.handedToBot.add(seat);
      for (const id of [...control.holders]) this.unseat(this.people.get(id)!, false);
      control.away = false;
      control.kept = false;
    } else {
      // Opened by the host: anyone may take it, so the absent player's ticket no longer holds it. Until someone
      // does, a running game's bot goes on playing it.
      control.away = !!this.game;
      control.kept = false;
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
    if (sessionId === client.sessionId) return refuse("bad-input");
    const person = this.people.get(sessionId);
    const target = this.clients.getById(sessionId);
    if (!person || !target) return refuse("unknown-member");
    if (person.seat) this.unseat(person, false);
    target.leave(CloseCode.CONSENTED, "kicked");
    return ACCEPTED;
  }

  // ---------- the game ----------

  private startGame(client: Client): Reply {
    const denied = this.hostOnly(client);
    if (denied) return denied;
    if (this.game) return refuse("already-started");
    const humans = [...this.controls.values()].filter((c) => c.controller === "human" && c.holders.size > 0);
    if (humans.length === 0) return refuse("not-enough-humans");
    for (const control of this.controls.values()) if (control.holders.size === 0) control.controller = "bot";
    const seats = Object.fromEntries([...this.controls.values()].map((c) => [c.seat, c.controller]));
    const options = { mode: this.setup.mode, length: this.setup.length, startYear: this.setup.startYear, west: this.setup.west, seats, botLevel: this.setup.botLevel };
    const seed = this.ctx.nextSeed();
    this.matchId = this.ctx.records.startMatch({
      roomId: this.roomId, name: this.setup.name, options, seed, rulesVersion: RULES_VERSION,
      room: { timerSeconds: this.setup.timerSeconds, public: this.setup.public },
    });
    this.autoDispose = false;
    this.state.started = true;
    this.host = GameHost.start(options, seed, this.setup.timerSeconds * 1000, this.hostDeps());
    for (const seat of this.controls.keys()) this.refreshSeat(seat);
    this.tellPresence();
    this.refreshLobby();
    return ACCEPTED;
  }

  private seatOf(client: Client, round: number | undefined): { seat: Seat } | Reply {
    const person = this.people.get(client.sessionId)!;
    if (!this.game) return refuse("not-started");
    if (person.spectator) return refuse("spectator");
    if (!person.seat) return refuse("not-seated");
    if (round !== undefined && round !== this.game.round) return refuse("stale", { round, now: this.game.round });
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

  /** The bots' reasons for the steps so far, as the asking seat (or a spectator) may read them. */
  private pastReasons(client: Client): PastReasons | Refusal {
    const person = this.people.get(client.sessionId)!;
    if (!this.host) return { ok: true, reasons: [] };
    const bots = new Set([...this.state.seats.entries()].filter(([, e]) => playedByBot(e)).map(([seat]) => seat as Seat));
    const notes = (step: number) => { const line = this.tookAt.get(step); return line ? [line] : []; };
    const reasons = this.reasonsCache.forClient(client.sessionId, this.host, person.seat ?? "spectator", notes, bots);
    return reasons ? { ok: true, reasons } : refuse("rate-limited");
  }

  /** A player's input: the host asks the engine, records what it accepts (on disk before this reply) and moves the game on. */
  private apply(input: Input, source: InputSource): Reply {
    if (!this.host) return refuse("not-started");
    const reply = this.host.apply(input, source);
    return reply.ok ? ACCEPTED : refuse(reply.code, reply.params);
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
    this.persist();
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
    this.persist();
    if (this.setup.public) void this.setMetadata(this.lobbyMetadata());
  }

  /** For tests and tools: the id of this match's record in the database. */
  get recordId(): number {
    return this.matchId;
  }
}
