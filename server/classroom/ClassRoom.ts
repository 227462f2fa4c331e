import { CloseCode, Room, ServerError, validate, type AuthContext, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { randomInt } from "node:crypto";
import type { z } from "zod";
import { applyInput, createGame, pendingSeats, type GameEvent, type GameState, type Input, type Seat } from "../../shared/engine/index.ts";
import { ClassJoinOptions, REPLACED_CLOSE_CODE, StudentMessages, TeacherMessages, type JoinRefusal, type TeacherMessageName, type TeamDraft } from "../../shared/protocol/classroom.ts";
import { Messages, type Reply } from "../../shared/protocol/messages.ts";
import { MatchState, Member, Secret, SeatEntry } from "../../shared/protocol/state.ts";
import { context, type ServerContext } from "../context.ts";
import { TokenBucket } from "../rateLimit.ts";
import type { InputSource } from "../records.ts";
import { BotPump } from "../room/botPump.ts";
import { Projector } from "../room/project.ts";
import { deadlineInput } from "./deadline.ts";
import { answerUnknownRequests } from "../room/intents.ts";
import { ACCEPTED, classEnvelope, refuse } from "./intents.ts";
import { classStore, redeemPass, roomClosed, roomOpened } from "./live.ts";
import { hashKey, keyMatches, type ClassClock, type ClassSession, type ClassStore, type RosterEntry } from "./store.ts";
import { classSeats, randomTeams, sameName } from "./teams.ts";
import { checkTeacherKey } from "./teacherKey.ts";

type Role = "teacher" | "projector" | "student";

interface Person {
  sessionId: string;
  role: Role;
  /** Students: the nickname, as in the roster. */
  name: string;
  connected: boolean;
  bucket: TokenBucket;
}

/** While a phase's timer runs, how often the time left is written down (so a crash loses at most this much). */
const CLOCK_SAVE_MS = 5000;

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
  patchRate = 100;

  private ctx!: ServerContext;
  private store!: ClassStore;
  private session!: ClassSession;
  private seats: Seat[] = [];
  private playable: Seat[] = [];
  private people = new Map<string, Person>();
  private game: GameState | null = null;
  private steps = 0;
  private projector = new Projector(this.state);
  private phaseKey = "";
  private expiredPhase = "";
  /** While paused: milliseconds the phase's timer had left (null without a running timer). */
  private remainingMs: number | null = null;
  /** True while the room plays the teams' drafts at a deadline (each step it takes calls back into afterStep). */
  private filling = false;
  private bots = new BotPump({
    game: () => this.game,
    steps: () => this.steps,
    level: () => this.session.setup.botLevel,
    playedBy: (seat) => this.playedBy(seat),
    paused: () => this.session.paused,
    apply: (input, source) => this.apply(input, source),
  });
  private timer: { clear(): void } | null = null;
  private emptyTimer: { clear(): void } | null = null;
  private clockSaver: { clear(): void } | null = null;

  messages = {
    ...this.teacherMessages(),
    submitOrders: this.intent("submitOrders", Messages.submitOrders, (c, m) => this.submitOrders(c, m)),
    answer: this.intent("answer", Messages.answer, (c, m) => this.answer(c, m)),
    draft: this.intent("draft", StudentMessages.draft, (c, m) => this.draft(c, m)),
    _: (client: Client, type: string | number) => {
      if (!this.take(client)) return;
      client.send("refused", refuse("bad-input", `Unknown message type "${String(type).slice(0, 40)}".`));
    },
  };

  private intent<S extends z.ZodType>(name: string, schema: S, handler: (client: Client, msg: z.output<S>) => Reply) {
    return validate(classEnvelope(name, schema), (client: Client, parsed: { ok: true; value: z.output<S> } | { ok: false; refusal: Reply }) => {
      if (!this.take(client)) return refuse("rate-limited", "Too many messages: wait a moment.");
      if (!parsed.ok) return parsed.refusal;
      return handler(client, parsed.value);
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
        if (this.people.get(client.sessionId)?.role !== "teacher") return refuse("not-teacher", "Only the teacher can do that.");
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
    if (!redeemPass(options?.pass, options?.code)) throw new Error("Class rooms are opened by their teacher.");
    this.ctx = context();
    this.store = classStore();
    const session = this.store.load(String(options.code));
    if (!session) throw new Error("No class session has that code.");
    this.session = session;
    answerUnknownRequests(this, (client, type) => this.take(client)
      ? refuse("bad-input", `Unknown message type "${type.slice(0, 40)}".`)
      : refuse("rate-limited", "Too many messages: wait a moment."));
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

  /** Replays the recorded inputs one by one, so every event reaches the log exactly as it first did. */
  private restoreGame(matchId: number): void {
    const record = this.ctx.records.gameRecord(matchId);
    if (!record) throw new Error("The session's game record is missing.");
    let game = createGame(record.options, record.seed);
    this.projector.addEvents(game.log, 0);
    const notes = this.session.notes ?? [];
    record.inputs.forEach((input, i) => {
      const result = applyInput(game, input);
      if (!result.ok) throw new Error(`Recorded input ${i} was refused on replay: ${result.message}`);
      game = result.state;
      this.projector.addEvents([...notes.filter((n) => n.step === i + 1).map((n) => n.event), ...result.events], i + 1);
    });
    this.game = game;
    this.steps = record.inputs.length;
    this.state.started = true;
    this.projector.sync(game, this.steps);
    const key = `${game.round}|${game.phase}`;
    const saved = this.session.clock;
    if (saved && saved.phase === key && game.phase !== "ended") {
      // The same phase as when the session was last saved: its countdown goes on with the time that was left,
      // and the teams find their drafts as they left them.
      this.phaseKey = key;
      if (saved.expired) this.expiredPhase = key;
      if (this.session.paused) this.remainingMs = saved.expired ? null : saved.leftMs;
      else if (saved.leftMs !== null && !saved.expired) this.startTimer(saved.leftMs);
      for (const [seat, draft] of Object.entries(this.session.drafts ?? {})) {
        const secret = this.state.secrets.get(seat);
        if (secret && draft && game.phase === "orders") secret.draft = draft;
      }
    } else if (this.session.paused) {
      // Saved in an earlier phase (or never): a paused lesson resumes with the phase's full time.
      this.remainingMs = this.session.timerSeconds > 0 ? this.session.timerSeconds * 1000 : null;
    }
    this.afterStep();
  }

  /** Joining as teacher is a teacher-key check: it costs the address a token from the budget the HTTP routes share. */
  onAuth(_client: Client, raw: unknown, auth: AuthContext): true {
    const options = raw as { role?: unknown; key?: unknown } | null;
    if (options?.role !== "teacher") return true;
    const check = checkTeacherKey(this.ctx, auth.ip ?? "unknown", options.key, this.session.keyHash);
    if (check !== "ok") throw new ServerError(check === "rate-limited" ? 4429 : 4403, check);
    return true;
  }

  onJoin(client: Client, raw: unknown): void {
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
  }

  onDrop(client: Client): void {
    const person = this.people.get(client.sessionId);
    if (!person) return;
    person.connected = false;
    this.project();
    this.allowReconnection(client, this.ctx.graceSeconds).catch(() => {});
  }

  onReconnect(client: Client): void {
    const person = this.people.get(client.sessionId);
    if (!person) return;
    person.connected = true;
    this.project();
  }

  onLeave(client: Client): void {
    this.people.delete(client.sessionId);
    this.project();
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
    this.bots.stop();
    this.clockSaver?.clear();
    this.clearTimer();
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
    if (!entry) return refuse("unknown-student", `No student is called ${name}.`);
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
    if (!entry) return refuse("unknown-student", `No student is called ${name}.`);
    if (seat && !this.playable.includes(seat)) return refuse("unknown-seat", `${seat} is not a seat students can play in this game.`);
    const from = entry.seat;
    entry.seat = seat;
    this.showSecret(this.studentClient(entry.name)?.client, from, seat);
    return this.change(() => {});
  }

  private shuffleTeams(): Reply {
    if (this.session.roster.length === 0) return refuse("no-students", "No student has joined yet.");
    const before = new Map(this.session.roster.map((r) => [r.name, r.seat]));
    this.session.roster = randomTeams(this.session.roster, this.playable, (n) => randomInt(n));
    for (const entry of this.session.roster) this.showSecret(this.studentClient(entry.name)?.client, before.get(entry.name) ?? null, entry.seat);
    return this.change(() => {});
  }

  private rename(name: string, to: string): Reply {
    const entry = this.session.roster.find((r) => sameName(r.name, name));
    if (!entry) return refuse("unknown-student", `No student is called ${name}.`);
    if (!sameName(name, to) && this.session.roster.some((r) => sameName(r.name, to))) return refuse("name-taken", `${to} is already in the class.`);
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
    if (!entry) return refuse("unknown-student", `No student is called ${name}.`);
    this.session.roster = this.session.roster.filter((r) => r !== entry);
    const live = this.studentClient(entry.name);
    if (live) this.dismiss(live.person, CloseCode.CONSENTED, "removed");
    return this.change(() => {});
  }

  private setSeatController(seat: Seat, controller: "human" | "bot"): Reply {
    if (!this.seats.includes(seat)) return refuse("unknown-seat", `${seat} is not a seat in this game.`);
    if (controller === "human" && !this.playable.includes(seat)) return refuse("unknown-seat", `${seat} is played by a bot in this mode.`);
    return this.change(() => { this.session.controllers[seat] = controller; });
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
    if (this.game) return refuse("already-started", "The game has already started.");
    const teams = this.playable.filter((seat) => this.controllerOf(seat) === "human");
    if (teams.length === 0) return refuse("not-enough-humans", "Assign at least one student to a seat first.");
    const seats = Object.fromEntries(this.seats.map((seat) => [seat, teams.includes(seat) ? "human" : "bot"]));
    const setup = this.session.setup;
    const options = { mode: setup.mode, length: setup.length, startYear: setup.startYear, west: setup.west, seats };
    const seed = this.ctx.nextSeed();
    this.game = createGame(options, seed);
    this.session.matchId = this.ctx.records.startMatch({
      roomId: this.roomId, name: setup.name, options, seed, room: { classroom: this.session.code, botLevel: setup.botLevel },
    });
    this.session.controllers = {};
    this.persist();
    this.state.started = true;
    this.projector.sync(this.game, 0);
    this.projector.addEvents(this.game.log, 0);
    this.project();
    this.afterStep();
    return ACCEPTED;
  }

  private studentSeat(client: Client, round: number | undefined, whilePaused = false): { seat: Seat } | Reply {
    const person = this.people.get(client.sessionId);
    if (!person || person.role !== "student") return refuse("not-student", "Only students in a team play the game.");
    if (!this.game) return refuse("not-started", "The game has not started yet.");
    const seat = this.seatOf(person);
    if (!seat) return refuse("not-seated", "Your teacher has not put you in a team yet.");
    if (this.controllerOf(seat) === "bot") return refuse("bot-seat", "A bot is playing your seat for now.");
    // Paused means paused: orders are refused (not queued), so nobody's input lands while the class is stopped.
    // Drafting is thinking, which a pause does not stop: teams may go on editing their drafts.
    if (this.session.paused && !whilePaused) return refuse("paused", "The game is paused by the teacher.");
    if (round !== undefined && round !== this.game.round) return refuse("stale", `That was meant for round ${round}; it is now round ${this.game.round}.`);
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
    if (this.game!.phase !== "orders") return refuse("wrong-phase", "Orders are not open now.");
    const draft: TeamDraft = { orders: msg.orders, round: msg.round, by: this.people.get(client.sessionId)!.name };
    this.state.secrets.get(who.seat)!.draft = JSON.stringify(draft);
    this.persist();
    return ACCEPTED;
  }

  /** Asks the engine; an accepted input is on disk before the reply leaves, then projected. */
  private apply(input: Input, source: InputSource, note: GameEvent | null = null): Reply {
    if (!this.game) return refuse("not-started", "The game has not started yet.");
    const result = applyInput(this.game, input);
    if (!result.ok) return refuse(result.code, result.message);
    this.game = result.state;
    this.ctx.records.appendInput(this.session.matchId!, this.steps, input, source);
    this.ctx.records.flush();
    this.steps += 1;
    // The room's own note (a draft played at the deadline) is not the engine's: the session keeps it, to replay the log after a restart.
    if (note) {
      this.session.notes = [...(this.session.notes ?? []), { step: this.steps, event: note }];
      this.persist();
    }
    this.projector.sync(this.game, this.steps);
    this.projector.addEvents(note ? [note, ...result.events] : result.events, this.steps);
    this.afterStep();
    return ACCEPTED;
  }

  private afterStep(): void {
    const game = this.game!;
    if (game.phase === "ended") {
      this.clearTimer();
      this.ctx.records.endMatch(this.session.matchId!, game.winners, game.endReason);
      this.project();
      return;
    }
    const key = `${game.round}|${game.phase}`;
    if (key !== this.phaseKey) {
      this.phaseKey = key;
      for (const secret of this.state.secrets.values()) secret.draft = "";
      if (this.session.paused) this.remainingMs = this.session.timerSeconds > 0 ? this.session.timerSeconds * 1000 : null;
      else this.startTimer(this.session.timerSeconds * 1000);
      this.persist();
    }
    this.proceed();
  }

  /** After anything that may leave someone to play: the teams' drafts at a deadline, then the bots. */
  private proceed(): void {
    this.playDeadline();
    this.bots.wake();
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
        if (!game || game.phase === "ended" || this.session.paused || this.expiredPhase !== this.phaseKey) return;
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

  private startTimer(ms: number): void {
    this.clearTimer();
    if (ms <= 0 || !this.game || this.game.phase === "ended") return;
    const key = this.phaseKey;
    this.state.timerEndsAt = Date.now() + ms;
    this.timer = this.clock.setTimeout(() => {
      if (this.phaseKey !== key) return;
      this.expiredPhase = key;
      this.clearTimer();
      this.persist();
      this.proceed();
    }, ms);
    this.clockSaver = this.clock.setInterval(() => this.persist(), CLOCK_SAVE_MS);
  }

  private clearTimer(): void {
    this.timer?.clear();
    this.timer = null;
    this.clockSaver?.clear();
    this.clockSaver = null;
    this.state.timerEndsAt = 0;
  }

  /** The current phase's countdown as it stands now. */
  private clockNow(): ClassClock | null {
    if (!this.game || this.game.phase === "ended" || !this.phaseKey) return null;
    const leftMs = this.session.paused ? this.remainingMs
      : this.state.timerEndsAt > 0 ? Math.max(1000, this.state.timerEndsAt - Date.now()) : null;
    return { phase: this.phaseKey, leftMs, expired: this.expiredPhase === this.phaseKey };
  }

  /** Saves the session with the time left in this phase and the teams' drafts. */
  private persist(): void {
    this.session.clock = this.clockNow();
    const drafts: Partial<Record<Seat, string>> = {};
    this.state.secrets.forEach((secret, seat) => { if (secret.draft) drafts[seat as Seat] = secret.draft; });
    this.session.drafts = drafts;
    this.store.save(this.session);
  }

  private running(): Reply | null {
    if (!this.game) return refuse("not-started", "The game has not started yet.");
    if (this.game.phase === "ended") return refuse("game-over", "The game is over.");
    return null;
  }

  private pause(): Reply {
    const problem = this.running();
    if (problem) return problem;
    if (this.session.paused) return ACCEPTED;
    this.remainingMs = this.state.timerEndsAt > 0 ? Math.max(1000, this.state.timerEndsAt - Date.now()) : null;
    this.clearTimer();
    return this.change(() => { this.session.paused = true; });
  }

  private resume(): Reply {
    if (!this.session.paused) return ACCEPTED;
    this.session.paused = false;
    if (this.remainingMs !== null && this.expiredPhase !== this.phaseKey) this.startTimer(this.remainingMs);
    this.remainingMs = null;
    return this.change(() => {});
  }

  private setTimer(seconds: number): Reply {
    this.session.timerSeconds = seconds;
    if (this.game && this.game.phase !== "ended" && this.expiredPhase !== this.phaseKey) {
      if (this.session.paused) this.remainingMs = seconds > 0 ? seconds * 1000 : null;
      else this.startTimer(seconds * 1000);
    }
    return this.change(() => {});
  }

  private extendTimer(seconds: number): Reply {
    const problem = this.running();
    if (problem) return problem;
    if (this.session.paused && this.remainingMs !== null) this.remainingMs += seconds * 1000;
    else if (!this.session.paused && this.state.timerEndsAt > 0) this.startTimer(this.state.timerEndsAt - Date.now() + seconds * 1000);
    else return refuse("no-timer", "No timer is running in this phase.");
    this.persist();
    return ACCEPTED;
  }

  /** Stops this phase's countdown: the phase waits for the teams; the timer comes back next phase. */
  private skipTimer(): Reply {
    const problem = this.running();
    if (problem) return problem;
    this.clearTimer();
    this.remainingMs = null;
    this.persist();
    return ACCEPTED;
  }

  /** Closes the phase now: every team it still waits for plays its draft (or passes); bot seats get their bot's input. */
  private advance(): Reply {
    const problem = this.running();
    if (problem) return problem;
    if (this.session.paused) return refuse("paused", "Resume the game first.");
    this.clearTimer();
    this.expiredPhase = this.phaseKey;
    this.persist();
    this.proceed();
    return ACCEPTED;
  }

  // ---------- bots ----------

  /** Who answers for this seat now: its bot, or its team (at a deadline the room plays the team's draft, never a bot). */
  private playedBy(seat: Seat): InputSource {
    return this.controllerOf(seat) === "bot" ? "bot" : "human";
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
