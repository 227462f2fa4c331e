import { CloseCode, Room, ServerError, validate, type AuthContext, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { randomInt } from "node:crypto";
import type { z } from "zod";
import { pendingSeats, RULES_VERSION, type GameEvent, type GameState, type Input, type Seat } from "../../shared/engine/index.ts";
import { GameHost, type HostDeps, type HostSaved, type InputSource } from "../../shared/host/GameHost.ts";
import { ClassJoinOptions, REPLACED_CLOSE_CODE, StudentMessages, TeacherMessages, type JoinRefusal, type TeacherMessageName, type TeamDraft } from "../../shared/protocol/classroom.ts";
import { Messages, type PastReasons, type Reply } from "../../shared/protocol/messages.ts";
import { MatchState, Member, Secret, SeatEntry } from "../../shared/protocol/state.ts";
import { context, type ServerContext } from "../context.ts";
import { TokenBucket } from "../rateLimit.ts";
import { decideAsync } from "../bots/pool.ts";
import { serverClock } from "../room/clock.ts";
import { Projector } from "../room/project.ts";
import { deadlineInput } from "./deadline.ts";
import { orderReasons } from "./seatReasons.ts";
import { PastReasonsCache } from "../room/pastReasons.ts";
import { answerUnknownRequests } from "../room/intents.ts";
import { ACCEPTED, classEnvelope, refuse } from "./intents.ts";
import { redeemPass, roomClosed, roomOpened } from "./live.ts";
import { keptThen, type Store } from "../store.ts";
import type { GameRecord } from "../../shared/engine/index.ts";
import { hashKey, keyMatches, type ClassSession, type RosterEntry } from "./store.ts";
import { classSeats, randomTeams, sameName } from "./teams.ts";
import { checkTeacherKey } from "./teacherKey.ts";
import { visiblePatches } from "../room/viewPatches.ts";
import { promptPatches, SAFETY_PATCH_MS } from "../room/promptPatch.ts";
import { TakeoverWatch } from "../room/takeover.ts";

type Role = "teacher" | "projector" | "student";

interface Person {
  sessionId: string;
  role: Role;
  /** Students: the nickname, as in the roster. */
  name: string;
  connected: boolean;
  bucket: TokenBucket;
}

/** How long a class room stays open with nobody connected; the session itself lasts in the database. */
const EMPTY_ROOM_SECONDS = 15 * 60;

/**
 * One class session's live room. The teacher (holding the session key) runs it; students play the
 * seats they are assigned to as teams; the projector and everyone else see only public information.
 * Every accepted input and every roster or setting change is written to SQLite before it is
 * acknowledged, and the room rebuilds itself from there when reopened after a restart or next lesson.
 */
export class ClassRoom extends Room<{ state: MatchState }> {
  state = new MatchState();
  maxClients = 80;
  // Patches go out when the state changes (promptPatch.ts); this tick is only the net under them.
  patchRate = SAFETY_PATCH_MS;
  private patchSoon = promptPatches(this);
  // A client gets a patch only when something it may see changed (viewPatches.ts).
  override setSerializer(serializer: Parameters<Room["setSerializer"]>[0]): void {
    super.setSerializer(visiblePatches(serializer));
  }

  private ctx!: ServerContext;
  private store!: Store;
  /** The session's game record, read by the server before it opened the room. */
  private restoredRecord: GameRecord | null = null;
  private session!: ClassSession;
  private seats: Seat[] = [];
  private reasonsCache = new PastReasonsCache(() => this.ctx.now());
  private playable: Seat[] = [];
  private people = new Map<string, Person>();
  private projector = new Projector(this.state);
  /** The running game: its state, record, deadline, pause and bots (null before the start). */
  private host: GameHost | null = null;
  private get game(): GameState | null {
    return this.host?.state ?? null;
  }
  /** The phase the teams' drafts belong to; a new phase clears them. */
  private phaseKey = "";
  /** The room's own log line for the input being applied (a draft played at the deadline). */
  private pendingNote: GameEvent | null = null;
  /** Teams the teacher handed to a bot during the game: the bot's first step for one is told in the log (botTookOver). */
  private handedToBot = new Set<Seat>();
  private takeovers = new TakeoverWatch();
  private lastEntry: { index: number; input: Input; source: InputSource } | null = null;
  /** The game as the last step left it: what the next step's bots decided on, which their reasons cite. */
  private lastGame: GameState | null = null;
  /** True while the room plays the teams' drafts at a deadline (each step it takes calls back into afterStep). */
  private filling = false;
  private emptyTimer: { clear(): void } | null = null;

  messages = {
    ...this.teacherMessages(),
    submitOrders: this.intent("submitOrders", Messages.submitOrders, (c, m) => this.submitOrders(c, m)),
    answer: this.intent("answer", Messages.answer, (c, m) => this.answer(c, m)),
    draft: this.intent("draft", StudentMessages.draft, (c, m) => this.draft(c, m)),
    botReasons: this.intent("botReasons", Messages.botReasons, (c) => this.pastReasons(c)),
    _: (client: Client, type: string | number) => {
      if (!this.take(client)) return;
      client.send("refused", refuse("bad-input"));
    },
  };

  private intent<S extends z.ZodType>(name: string, schema: S, handler: (client: Client, msg: z.output<S>) => Reply) {
    return validate(classEnvelope(name, schema), (client: Client, parsed: { ok: true; value: z.output<S> } | { ok: false; refusal: Reply }) => {
      if (!this.take(client)) return refuse("rate-limited");
      if (!parsed.ok) return parsed.refusal;
      // The reply leaves once what the request wrote is kept (at once on SQLite; PostgreSQL's write first).
      const reply = handler(client, parsed.value);
      this.patchSoon();
      return keptThen(this.ctx.records, reply, () => refuse("store-failed"));
    });
  }

  /** Every teacher message refuses anyone without the key, before looking at the payload's meaning. */
  private teacherMessages() {
    const handlers: { [K in TeacherMessageName]: (msg: z.output<(typeof TeacherMessages)[K]>) => Reply } = {
      assign: (m) => this.assign(m.name, m.seat),
      randomTeams: () => this.shuffleTeams(),
      startClass: () => this.startGame(),
      pause: () => this.pause(),
      resume: () => this.resume(),
      setTimer: (m) => this.setTimer(m.seconds),
      extendTimer: (m) => this.extendTimer(m.seconds),
      skipTimer: () => this.skipTimer(),
      advance: () => this.advance(),
      setSeatController: (m) => this.setSeatController(m.seat, m.controller),
      rename: (m) => this.rename(m.name, m.to),
      remove: (m) => this.remove(m.name),
      allowNewDevice: (m) => this.allowNewDevice(m.name),
      lock: (m) => this.change(() => { this.session.locked = m.locked; }),
      broadcast: (m) => this.change(() => { this.session.broadcast = m.text; }),
    };
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(TeacherMessages) as TeacherMessageName[]) {
      out[name] = this.intent(name, TeacherMessages[name], (client, msg) => {
        if (this.people.get(client.sessionId)?.role !== "teacher") return refuse("not-teacher");
        return (handlers[name] as (m: unknown) => Reply)(msg);
      });
    }
    return out as { [K in TeacherMessageName]: ReturnType<ClassRoom["intent"]> };
  }

  private take(client: Client): boolean {
    const person = this.people.get(client.sessionId);
    return person ? person.bucket.take() : false;
  }

  // ---------- lifecycle ----------

  onCreate(options: { code?: unknown; pass?: unknown }): void {
    // Only the server opens class rooms (after checking the teacher's key); a client's create request has no pass.
    const preload = redeemPass(options?.pass, options?.code);
    if (!preload) throw new Error("Class rooms are opened by their teacher.");
    this.ctx = context();
    this.store = this.ctx.records;
    const session = preload.session;
    this.restoredRecord = preload.record;
    if (!session) throw new Error("No class session has that code.");
    this.session = session;
    answerUnknownRequests(this, (client, type) => this.take(client)
      ? refuse("bad-input")
      : refuse("rate-limited"));
    ({ seats: this.seats, playable: this.playable } = classSeats(session.setup));
    const s = this.state;
    s.classroom = true;
    s.code = session.code;
    s.name = session.setup.name;
    s.mode = session.setup.mode;
    s.length = session.setup.length;
    for (const seat of this.seats) {
      s.seats.set(seat, new SeatEntry());
      const secret = new Secret();
      secret.seat = seat;
      s.secrets.set(seat, secret);
    }
    this.autoDispose = false;
    void this.setPrivate(true);
    roomOpened(session.code, this.roomId);
    if (session.matchId !== null) this.restoreGame(session.matchId);
    this.project();
    this.armEmptyTimer();
  }

  /**
   * Brings the game back from its record: the host re-runs it under the current rules with every step's digest
   * checked (read-only from the first mismatch), each event reaching the log exactly as it first did, and the
   * phase's deadline as it was saved. It stays held until someone is there.
   */
  private restoreGame(matchId: number): void {
    const record = matchId === this.session.matchId ? this.restoredRecord : null;
    if (!record) throw new Error("The session's game record is missing.");
    // Read before the host saves the session again (its save writes the drafts the screen holds, none yet).
    const saved = this.session.clock ?? null;
    const drafts = this.session.drafts ?? {};
    const reasons = this.session.reasons ?? {};
    this.state.started = true;
    this.host = GameHost.restore(record, this.savedClock(), this.hostDeps());
    this.state.rulesChanged = this.host.rulesChanged ? Math.max(1, this.host.rulesChanged.round) : 0;
    const game = this.host.state;
    this.phaseKey = `${game.round}|${game.phase}`;
    // The bots' last reasons, as the session kept them (a team's seat has none: project() clears it).
    for (const [seat, reason] of Object.entries(reasons)) {
      const secret = this.state.secrets.get(seat);
      if (secret && reason) secret.reason = reason;
    }
    if (saved && saved.phase === this.phaseKey && game.phase === "orders") {
      // The same orders phase as when the session was last saved: the teams find their drafts as they left them.
      for (const [seat, draft] of Object.entries(drafts)) {
        const secret = this.state.secrets.get(seat);
        if (secret && draft) secret.draft = draft;
      }
      this.persist();
    }
  }

  /** The host's clock as the session keeps it (sessions saved before absolute deadlines have none). */
  private savedClock(): HostSaved {
    const clock = this.session.clock ? { deadline: null, ...this.session.clock } : null;
    return { clock, paused: this.session.paused, timerMs: this.session.timerSeconds * 1000 };
  }

  /** What the room hands its game host: the server's clock, the record in SQLite, bots on bot threads, the teams' drafts at a deadline. */
  private hostDeps(): HostDeps {
    return {
      clock: serverClock,
      decide: decideAsync,
      botLevel: () => this.session.setup.botLevel,
      // A bot plays only the seats the teacher gave one (or that had no team at the start); at a deadline the room plays the team's draft.
      seatedBy: (seat) => this.controllerOf(seat),
      graceMs: this.ctx.graceSeconds * 1000,
      atDeadline: () => this.playDeadline(),
      store: {
        append: (entry) => {
          this.lastEntry = entry;
          this.ctx.records.appendInput(this.session.matchId!, entry.index, entry.input, entry.source, entry.digest);
          this.ctx.records.flush();
        },
        save: (saved) => {
          this.session.clock = saved.clock;
          this.session.paused = saved.paused;
          this.persist();
        },
        ended: (game) => {
          this.ctx.records.endMatch(this.session.matchId!, game.winners, game.endReason);
          this.project();
        },
      },
      onStep: (game, events, steps) => {
        this.patchSoon();
        const reasoned = this.lastGame ? this.keepReasons(this.lastGame, events) : false;
        this.lastGame = game;
        const note = this.pendingNote ?? this.handover(game.round, steps);
        this.pendingNote = null;
        // The room's own note is not the engine's: the session keeps it, to replay the log after a restart.
        if (note) this.session.notes = [...(this.session.notes ?? []), { step: steps, event: note }];
        this.projector.sync(game);
        this.projector.addEvents(note ? [note, ...events] : events, steps);
        const key = `${game.round}|${game.phase}`;
        if (key !== this.phaseKey) {
          this.phaseKey = key;
          for (const secret of this.state.secrets.values()) secret.draft = "";
        }
        if (note || reasoned) this.persist();
      },
      onRestore: (game, eventsByStep) => {
        this.patchSoon();
        this.lastGame = game;
        const notes = this.session.notes ?? [];
        eventsByStep.forEach((events, step) => {
          this.projector.addEvents([...notes.filter((n) => n.step === step).map((n) => n.event), ...events], step);
        });
        this.projector.sync(game);
      },
      onClock: (deadline) => {
        this.patchSoon();
        this.state.timerEndsAt = deadline;
      },
    };
  }

  /** The game goes on while someone is in the room; with nobody there past the grace period, its bots and clock wait. */
  private tellPresence(): void {
    this.host?.setPresence([...this.people.values()].filter((p) => p.connected).length);
  }

  /** Joining as teacher is a teacher-key check: it costs the address a token from the budget the HTTP routes share. */
  async onAuth(_client: Client, raw: unknown, auth: AuthContext): Promise<true> {
    const options = raw as { role?: unknown; key?: unknown } | null;
    if (options?.role !== "teacher") return true;
    const check = await checkTeacherKey(this.ctx, auth.ip ?? "unknown", options.key, this.session.keyHash);
    if (check !== "ok") throw new ServerError(check === "rate-limited" ? 4429 : 4403, check);
    return true;
  }

  onJoin(client: Client, raw: unknown): void | Promise<void> {
    this.patchSoon();
    const options = ClassJoinOptions.parse(raw ?? {});
    const name = options.role === "student" ? this.admitStudent(options.name, hashKey(options.device)) : "";
    const person: Person = {
      sessionId: client.sessionId, role: options.role, name, connected: true,
      bucket: new TokenBucket(this.ctx.messageRate.perSecond, this.ctx.messageRate.burst),
    };
    this.people.set(client.sessionId, person);
    client.view = new StateView();
    if (person.role === "teacher") for (const secret of this.state.secrets.values()) client.view.add(secret);
    if (person.role === "student") {
      this.persist();
      this.showSecret(client, null, this.seatOf(person));
    }
    this.emptyTimer?.clear();
    this.emptyTimer = null;
    this.project();
    this.tellPresence();
    // The join is confirmed once what it changed (a seat, the roster) is kept: at once on SQLite, PostgreSQL's write first.
    return this.ctx.records.flush();
  }

  onDrop(client: Client): void {
    this.patchSoon();
    if (this.connected(client, false)) this.allowReconnection(client, this.ctx.graceSeconds).catch(() => {});
  }

  onReconnect(client: Client): void {
    this.patchSoon();
    this.connected(client, true);
  }

  /** A person's connection dropped or came back: the roster shows it, and the game knows who is there. */
  private connected(client: Client, connected: boolean): boolean {
    const person = this.people.get(client.sessionId);
    if (!person) return false;
    person.connected = connected;
    this.project();
    this.tellPresence();
    return true;
  }

  onLeave(client: Client): void {
    this.patchSoon();
    this.people.delete(client.sessionId);
    this.reasonsCache.forget(client.sessionId);
    this.project();
    this.tellPresence();
    if (this.clients.length === 0) this.armEmptyTimer();
  }

  onDispose(): void {
    // The time left is written down as the room goes (a server shutting down), before the countdown stops.
    if (this.session && this.game) {
      try {
        this.persist();
      } catch {
        // The database is already closed: the last periodic save stands.
      }
    }
    this.host?.stop();
    roomClosed(this.session?.code ?? "", this.roomId);
  }

  private armEmptyTimer(): void {
    this.emptyTimer?.clear();
    this.emptyTimer = this.clock.setTimeout(() => { if (this.clients.length === 0) void this.disconnect(); }, EMPTY_ROOM_SECONDS * 1000);
  }

  // ---------- roster and teams ----------

  /**
   * Who may take a nickname: a new one if joining is open; a known one only from the browser that holds it
   * (its rejoin secret), or once from another browser when the teacher allowed it (the old screen is then
   * closed). Refusals are ids the student's screen words. Returns the nickname as the roster spells it.
   */
  private admitStudent(asked: string, device: string): string {
    const refuse = (id: JoinRefusal): never => { throw new ServerError(4403, id); };
    const entry = this.session.roster.find((r) => sameName(r.name, asked));
    if (!entry) {
      if (this.session.locked) refuse("locked");
      if (this.session.roster.length >= 120) refuse("class-full");
      this.session.roster.push({ name: asked, seat: null, device });
      return asked;
    }
    const others = [...this.people.values()].filter((p) => p.role === "student" && sameName(p.name, entry.name));
    if (entry.device && entry.device !== device) {
      if (!entry.allowNewDevice) refuse("name-taken");
      entry.device = device;
      entry.allowNewDevice = false;
      entry.newDeviceAt = Date.now();
      // The old browser gives the seat up: its screen is closed and told why; it cannot come back with its old secret.
      for (const p of others) this.dismiss(p, REPLACED_CLOSE_CODE, "replaced");
      return entry.name;
    }
    // The same browser (a refresh, a second tab): one screen per student, so a live one keeps the seat.
    if (others.some((p) => p.connected)) refuse("name-in-use");
    for (const p of others) this.people.delete(p.sessionId);
    entry.device ??= device;
    return entry.name;
  }

  /** Closes a student's screen and forgets it (removed by the teacher, or replaced by another browser). */
  private dismiss(person: Person, code: number, reason: string): void {
    this.people.delete(person.sessionId);
    this.clients.getById(person.sessionId)?.leave(code, reason);
  }

  private allowNewDevice(name: string): Reply {
    const entry = this.session.roster.find((r) => sameName(r.name, name));
    if (!entry) return refuse("unknown-student", { name });
    return this.change(() => { entry.allowNewDevice = true; });
  }

  private seatOf(person: Person): Seat | null {
    return this.session.roster.find((r) => sameName(r.name, person.name))?.seat ?? null;
  }

  private studentClient(name: string): { person: Person; client: Client | undefined } | null {
    const person = [...this.people.values()].find((p) => p.role === "student" && sameName(p.name, name));
    return person ? { person, client: this.clients.getById(person.sessionId) } : null;
  }

  /** Moves which seat's secret a student's screen holds: a team sees its own seat's secret and no other. */
  private showSecret(client: Client | undefined, from: Seat | null, to: Seat | null): void {
    if (!client?.view || from === to) return;
    if (from) client.view.remove(this.state.secrets.get(from)!);
    if (to) client.view.add(this.state.secrets.get(to)!);
  }

  private assign(name: string, seat: Seat | null): Reply {
    const entry = this.session.roster.find((r) => sameName(r.name, name));
    if (!entry) return refuse("unknown-student", { name });
    if (seat && !this.playable.includes(seat)) return refuse("unknown-seat", { seat });
    const from = entry.seat;
    entry.seat = seat;
    this.showSecret(this.studentClient(entry.name)?.client, from, seat);
    return this.change(() => {});
  }

  private shuffleTeams(): Reply {
    if (this.session.roster.length === 0) return refuse("no-students");
    const before = new Map(this.session.roster.map((r) => [r.name, r.seat]));
    this.session.roster = randomTeams(this.session.roster, this.playable, (n) => randomInt(n));
    for (const entry of this.session.roster) this.showSecret(this.studentClient(entry.name)?.client, before.get(entry.name) ?? null, entry.seat);
    return this.change(() => {});
  }

  private rename(name: string, to: string): Reply {
    const entry = this.session.roster.find((r) => sameName(r.name, name));
    if (!entry) return refuse("unknown-student", { name });
    if (!sameName(name, to) && this.session.roster.some((r) => sameName(r.name, to))) return refuse("name-taken");
    const live = this.studentClient(entry.name);
    entry.name = to;
    if (live) {
      live.person.name = to;
      // The student's page keeps its nickname to rejoin with: it must learn the new one.
      live.client?.send("renamed", { name: to });
    }
    return this.change(() => {});
  }

  private remove(name: string): Reply {
    const entry = this.session.roster.find((r) => sameName(r.name, name));
    if (!entry) return refuse("unknown-student", { name });
    this.session.roster = this.session.roster.filter((r) => r !== entry);
    const live = this.studentClient(entry.name);
    if (live) this.dismiss(live.person, CloseCode.CONSENTED, "removed");
    return this.change(() => {});
  }

  private setSeatController(seat: Seat, controller: "human" | "bot"): Reply {
    if (!this.seats.includes(seat)) return refuse("unknown-seat", { seat });
    if (controller === "human" && !this.playable.includes(seat)) return refuse("unknown-seat", { seat });
    if (this.game && controller === "bot" && this.controllerOf(seat) === "human") this.handedToBot.add(seat);
    if (controller === "human") this.handedToBot.delete(seat);
    return this.change(() => { this.session.controllers[seat] = controller; });
  }

  /** Keeps each bot seat's reason for the orders this step revealed in its secret, for the teacher; true if any. */
  private keepReasons(before: GameState, events: readonly GameEvent[]): boolean {
    const bots = new Set(this.seats.filter((seat) => this.controllerOf(seat) === "bot"));
    const reasons = orderReasons(before, events, bots);
    for (const [seat, reason] of reasons) {
      const secret = this.state.secrets.get(seat);
      if (secret) secret.reason = JSON.stringify(reason);
    }
    return reasons.size > 0;
  }

  /**
   * The bots' reasons for the steps so far, for a screen that arrives mid-game: a team's for its seat's view, the
   * teacher's and the projector's as a spectator's (as their screens find them live).
   */
  private pastReasons(client: Client): PastReasons | Reply {
    const person = this.people.get(client.sessionId)!;
    if (!this.host) return { ok: true, reasons: [] };
    const viewer = person.role === "student" ? this.seatOf(person) ?? "spectator" : "spectator";
    const bots = new Set(this.seats.filter((seat) => this.controllerOf(seat) === "bot"));
    const notes = (step: number) => (this.session.notes ?? []).filter((n) => n.step === step).map((n) => n.event);
    const reasons = this.reasonsCache.forClient(client.sessionId, this.host, viewer, notes, bots);
    return reasons ? { ok: true, reasons } : refuse("rate-limited");
  }

  /**
   * The log's note of a bot's first step for a team the teacher handed to it (takeover.ts, as a match tells it; ids
   * only, the client words it). A team's draft played at the deadline has its own note (deadline.ts), so the
   * timer's steps are not takeovers here.
   */
  private handover(round: number, steps: number): GameEvent | null {
    const entry = this.lastEntry;
    if (!entry || entry.index + 1 !== steps || entry.input.type === "close" || entry.source === "timer") return null;
    return this.takeovers.step(entry.input, entry.source, round, entry.source === "bot" ? this.handedToBot.delete(entry.input.seat) : undefined);
  }

  /** Who plays a seat now: the teacher's choice, else a team if the seat has one (in the game: had one at the start). */
  private controllerOf(seat: Seat): "human" | "bot" {
    const chosen = this.session.controllers[seat];
    if (chosen) return chosen;
    if (this.game) return this.game.options.seats[seat] === "human" ? "human" : "bot";
    return this.playable.includes(seat) && this.session.roster.some((r) => r.seat === seat) ? "human" : "bot";
  }

  /** Applies a change of roster or settings, saves the session, projects it and lets bots move if they now should. */
  private change(apply: () => void): Reply {
    apply();
    this.persist();
    this.project();
    this.proceed();
    return ACCEPTED;
  }

  // ---------- the game ----------

  private startGame(): Reply {
    if (this.game) return refuse("already-started");
    const teams = this.playable.filter((seat) => this.controllerOf(seat) === "human");
    if (teams.length === 0) return refuse("not-enough-humans");
    const seats = Object.fromEntries(this.seats.map((seat) => [seat, teams.includes(seat) ? "human" : "bot"]));
    const setup = this.session.setup;
    const options = { mode: setup.mode, length: setup.length, startYear: setup.startYear, west: setup.west, seats, botLevel: setup.botLevel };
    const seed = this.ctx.nextSeed();
    this.session.matchId = this.ctx.records.startMatch({
      roomId: this.roomId, name: setup.name, options, seed, rulesVersion: RULES_VERSION, room: { classroom: this.session.code },
    });
    this.session.controllers = {};
    this.state.started = true;
    this.host = GameHost.start(options, seed, this.session.timerSeconds * 1000, this.hostDeps());
    this.persist();
    this.project();
    this.tellPresence();
    return ACCEPTED;
  }

  private studentSeat(client: Client, round: number | undefined, whilePaused = false): { seat: Seat } | Reply {
    const person = this.people.get(client.sessionId);
    if (!person || person.role !== "student") return refuse("not-student");
    if (!this.game) return refuse("not-started");
    const seat = this.seatOf(person);
    if (!seat) return refuse("not-seated");
    if (this.controllerOf(seat) === "bot") return refuse("bot-seat");
    // Paused means paused: orders are refused (not queued), so nobody's input lands while the class is stopped.
    // Drafting is thinking, which a pause does not stop: teams may go on editing their drafts.
    if (this.session.paused && !whilePaused) return refuse("paused");
    if (round !== undefined && round !== this.game.round) return refuse("stale", { round, now: this.game.round });
    return { seat };
  }

  private submitOrders(client: Client, msg: z.output<typeof Messages.submitOrders>): Reply {
    const who = this.studentSeat(client, msg.round);
    if (!("seat" in who)) return who;
    return this.apply({ type: "orders", seat: who.seat, orders: msg.orders as never }, "human");
  }

  private answer(client: Client, msg: z.output<typeof Messages.answer>): Reply {
    const who = this.studentSeat(client, msg.round);
    if (!("seat" in who)) return who;
    return this.apply({ type: "answer", seat: who.seat, decision: msg.decision, answer: msg.answer }, "human");
  }

  private draft(client: Client, msg: z.output<typeof StudentMessages.draft>): Reply {
    const who = this.studentSeat(client, msg.round, true);
    if (!("seat" in who)) return who;
    if (this.game!.phase !== "orders") return refuse("wrong-phase");
    const draft: TeamDraft = { orders: msg.orders, round: msg.round, by: this.people.get(client.sessionId)!.name };
    this.state.secrets.get(who.seat)!.draft = JSON.stringify(draft);
    this.persist();
    return ACCEPTED;
  }

  /** The host asks the engine; an accepted input is on disk before the reply leaves, then projected (with the room's note, if any). */
  private apply(input: Input, source: InputSource, note: GameEvent | null = null): Reply {
    if (!this.host) return refuse("not-started");
    this.pendingNote = note;
    const reply = this.host.apply(input, source);
    this.pendingNote = null;
    return reply.ok ? ACCEPTED : refuse(reply.code, reply.params);
  }

  /** After anything that may leave someone to play: the teams' drafts at a deadline, then the bots. */
  private proceed(): void {
    this.host?.wake();
  }

  /**
   * Once the phase's time is up (timer or teacher), each team the phase still waits for plays what it has:
   * its draft's legal part, or a pass. Synchronous, so no bot can take a team's turn in between.
   */
  private playDeadline(): void {
    if (this.filling) return;
    this.filling = true;
    try {
      for (let guard = 0; guard < 200; guard++) {
        const game = this.game;
        if (!game || game.phase === "ended" || !this.host || this.host.held || !this.host.expired) return;
        const seat = pendingSeats(game).find((s) => this.controllerOf(s) === "human");
        if (!seat) return;
        const due = deadlineInput(game, seat, this.state.secrets.get(seat)?.draft ?? "");
        const reply = due ? this.apply(due.input, "timer", due.note) : null;
        // An input the engine refuses leaves closing the phase with its defaults, so the class never waits forever.
        if (!reply?.ok && this.game === game) this.apply({ type: "close" }, "timer");
      }
    } finally {
      this.filling = false;
    }
  }

  // ---------- timer and pause ----------

  /** Saves the session (with the host's deadline, kept in it as the host saves it) and the teams' drafts. */
  private persist(): void {
    const drafts: Partial<Record<Seat, string>> = {};
    const reasons: Partial<Record<Seat, string>> = {};
    this.state.secrets.forEach((secret, seat) => {
      if (secret.draft) drafts[seat as Seat] = secret.draft;
      if (secret.reason) reasons[seat as Seat] = secret.reason;
    });
    this.session.drafts = drafts;
    this.session.reasons = reasons;
    this.store.saveClass(this.session);
  }

  private running(): Reply | null {
    if (!this.game) return refuse("not-started");
    if (this.game.phase === "ended") return refuse("game-over");
    return null;
  }

  private pause(): Reply {
    const problem = this.running();
    if (problem) return problem;
    if (this.session.paused) return ACCEPTED;
    this.host!.pause();
    return this.change(() => { this.session.paused = true; });
  }

  private resume(): Reply {
    if (!this.session.paused) return ACCEPTED;
    this.session.paused = false;
    this.host?.resume();
    return this.change(() => {});
  }

  private setTimer(seconds: number): Reply {
    this.session.timerSeconds = seconds;
    this.host?.setTimer(seconds * 1000);
    return this.change(() => {});
  }

  private extendTimer(seconds: number): Reply {
    const problem = this.running();
    if (problem) return problem;
    if (!this.host!.extendTimer(seconds * 1000)) return refuse("no-timer");
    return ACCEPTED;
  }

  /** Stops this phase's countdown: the phase waits for the teams; the timer comes back next phase. */
  private skipTimer(): Reply {
    const problem = this.running();
    if (problem) return problem;
    this.host!.skipTimer();
    return ACCEPTED;
  }

  /** Closes the phase now: every team it still waits for plays its draft (or passes); bot seats get their bot's input. */
  private advance(): Reply {
    const problem = this.running();
    if (problem) return problem;
    if (this.session.paused) return refuse("paused");
    this.host!.expire();
    return ACCEPTED;
  }

  // ---------- projection of the session ----------

  /** Copies roster, teams and settings into the synchronised state. Students offline are listed too, so the teacher can seat them. */
  private project(): void {
    const s = this.state;
    s.paused = this.session.paused;
    s.locked = this.session.locked;
    s.broadcast = this.session.broadcast;
    s.timerSeconds = this.session.timerSeconds;
    const online = new Map<string, Person>();
    for (const p of this.people.values()) if (p.role === "student") online.set(p.name.toLowerCase(), p);
    const keep = new Set<string>();
    for (const entry of this.session.roster) {
      const person = online.get(entry.name.toLowerCase());
      const key = person ? person.sessionId : `~${entry.name.toLowerCase()}`;
      keep.add(key);
      let member = s.members.get(key);
      if (!member) {
        member = new Member();
        s.members.set(key, member);
      }
      if (member.name !== entry.name) member.name = entry.name;
      if (member.seat !== (entry.seat ?? "")) member.seat = entry.seat ?? "";
      const connected = !!person?.connected;
      if (member.connected !== connected) member.connected = connected;
      const newDevice = newDeviceOf(entry);
      if (member.newDevice !== newDevice) member.newDevice = newDevice;
    }
    for (const key of [...s.members.keys()]) if (!keep.has(key)) s.members.delete(key);
    for (const seat of this.seats) {
      const entry = s.seats.get(seat)!;
      const controller = this.controllerOf(seat);
      if (entry.controller !== controller) entry.controller = controller;
      // What a bot thought is not what the team now playing the seat does.
      const secret = s.secrets.get(seat);
      if (controller === "human" && secret?.reason) secret.reason = "";
      const team = this.session.roster.filter((r) => r.seat === seat);
      const names = team.map((r) => r.name);
      if (entry.players.length !== names.length || names.some((n, i) => entry.players[i] !== n)) {
        entry.players.clear();
        for (const n of names) entry.players.push(n);
      }
      const connected = controller === "bot" || team.some((r) => online.get(r.name.toLowerCase())?.connected);
      if (entry.connected !== connected) entry.connected = connected;
    }
  }

  /** For tests and tools: the session's code and its match record. */
  get classCode(): string {
    return this.session.code;
  }

  get recordId(): number | null {
    return this.session.matchId;
  }
}

/** What the teacher's roster shows of a nickname's browser: a new one allowed, or one that has taken it over. */
function newDeviceOf(entry: RosterEntry): string {
  return entry.allowNewDevice ? "allowed" : entry.newDeviceAt ? "joined" : "";
}
