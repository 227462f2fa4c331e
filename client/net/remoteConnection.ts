import { Client, type Room } from "@colyseus/sdk";
import type { z } from "zod";
import type { GameEvent, GameView, Seat } from "../../shared/engine/index.ts";
import type { Connection, ConnectionStatus, MatchInfo, MessagePayload } from "../../shared/protocol/connection.ts";
import type { CreateMatchOptions, JoinOptions, Messages, PastReasons, Refusal, Reply } from "../../shared/protocol/messages.ts";
import type { MatchState } from "../../shared/protocol/state.ts";
import { forgetGame, rememberGame } from "./myGames.ts";
import { eventsOf, gameViewOf, matchInfoOf } from "./remoteView.ts";
import { botReasons } from "../../shared/review/seen.ts";

/*
 * The online Connection: intents go to the server as requests (each answered with a Reply), state
 * arrives as schema patches and is turned into the engine's GameView for this viewer. The seat's
 * reconnection token is kept in localStorage so that a page refresh rejoins the same seat.
 */

/** What a page keeps to come back to its match. */
export interface StoredSession {
  url: string;
  roomId: string;
  token: string;
  name: string;
  seat: string | null;
  /** The seat's ticket: takes the seat back after the grace period, when the token no longer works. */
  ticket: string | null;
  /** When this page last knew itself connected (epoch ms), and how long the server keeps a dropped session (s). */
  seenAt?: number;
  graceSeconds?: number;
}

export interface SessionStore {
  load(): StoredSession | null;
  save(session: StoredSession): void;
  clear(): void;
}

const STORAGE_KEY = "ngg.session";
/** How long an accepted intent waits for the state it changed before it resolves anyway. */
const STATE_WAIT_MS = 1000;

/** localStorage in a browser; memory elsewhere (tests, the load generator). */
export function defaultStore(): SessionStore {
  const storage = (globalThis as { localStorage?: Storage }).localStorage;
  let memory: StoredSession | null = null;
  return {
    load() {
      if (!storage) return memory;
      try {
        const raw = storage.getItem(STORAGE_KEY);
        return raw ? (JSON.parse(raw) as StoredSession) : null;
      } catch {
        return null;
      }
    },
    save(session) {
      if (storage) storage.setItem(STORAGE_KEY, JSON.stringify(session));
      else memory = session;
    },
    clear() {
      if (storage) storage.removeItem(STORAGE_KEY);
      else memory = null;
    },
  };
}

/** An explained event, as both the page's log and the server's past reasons name it: its step, kind and parameters. */
function reasonKey(step: number, kind: string, params: GameEvent["params"]): string {
  return `${step}|${kind}|${JSON.stringify(params)}`;
}

export class RemoteConnection implements Connection {
  readonly kind = "remote" as const;
  private listeners = new Set<() => void>();
  private stateWaiters = new Set<() => void>();
  private currentStatus: ConnectionStatus = "connecting";
  private cachedView: GameView | null = null;
  private cachedEvents: GameEvent[] = [];
  /** Bots' reasons by step and event (withBotReasons), and every event looked at for them (by the same key). */
  private readonly reasons = new Map<string, GameEvent[]>();
  private readonly logged = new Set<string>();
  private cachedMatch: MatchInfo;
  private firstState: Promise<void>;
  private room: Room<unknown, MatchState>;
  private url: string;
  private store: SessionStore;
  private name: string;

  constructor(room: Room<unknown, MatchState>, url: string, name: string, store: SessionStore = defaultStore()) {
    this.room = room;
    this.url = url;
    this.name = name;
    this.store = store;
    this.cachedMatch = emptyMatch(room.roomId, room.sessionId);
    let resolveFirst!: () => void;
    this.firstState = new Promise((r) => (resolveFirst = r));
    room.onStateChange((state) => {
      this.refresh(state);
      this.currentStatus = this.currentStatus === "connecting" ? "open" : this.currentStatus;
      resolveFirst();
      this.notify();
      for (const resume of [...this.stateWaiters]) resume();
    });
    room.onDrop(() => {
      this.currentStatus = "reconnecting";
      this.remember();
      this.notify();
    });
    // A page closed or refreshed writes down when it left, so that coming back it knows whether its session still holds.
    const page = globalThis as { addEventListener?: (type: string, listener: () => void) => void };
    page.addEventListener?.("pagehide", () => { if (this.currentStatus === "open") this.remember(); });
    room.onReconnect(() => {
      this.currentStatus = "open";
      this.remember();
      this.notify();
    });
    room.onLeave((code) => {
      this.currentStatus = "closed";
      // A left or finished match is not resumed on the next page load.
      if (code === 1000 || code === 4000 || this.cachedView?.phase === "ended") {
        this.store.clear();
        forgetGame(this.room.roomId);
      }
      this.notify();
    });
    // Unknown message types are answered with a "refused" message rather than a disconnection.
    room.onMessage("refused", () => {});
    void this.firstState.then(() => this.recallReasons());
  }

  /**
   * A page that arrives mid-game (a refresh, a second device, a seat taken back) did not see the steps already
   * played arrive: the server works out their reasons for this viewer the same way (server/room/pastReasons.ts).
   */
  private async recallReasons(): Promise<void> {
    if (!this.cachedView || this.room.state.step < 1 || this.currentStatus === "closed") return;
    const reply = (await this.room.request("botReasons", {}).catch(() => null)) as PastReasons | Refusal | null;
    if (!reply?.ok || !Array.isArray(reply.reasons) || reply.reasons.length === 0) return;
    for (const past of reply.reasons) {
      const key = reasonKey(past.step, past.kind, past.params);
      if (!this.reasons.has(key)) this.reasons.set(key, past.reasons);
    }
    const { events, steps } = eventsOf(this.room.state);
    this.cachedEvents = this.withBotReasons(null, events, steps);
    this.notify();
  }

  /** Resolves once the first full state has arrived (joining resolves before it does). */
  ready(): Promise<void> {
    return this.firstState;
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  get roomId(): string {
    return this.room.roomId;
  }

  /** Where a finished match's record is asked for by a player (its seat's ticket): the replay viewer's access. */
  replayAccess(): { base: string; roomId: string; ticket: string } | null {
    const seat = this.cachedMatch.you.seat;
    const ticket = seat ? this.room.state?.secrets?.get(seat)?.ticket || null : null;
    return ticket ? { base: httpBase(this.url), roomId: this.room.roomId, ticket } : null;
  }

  /** The decoded schema state, for tools and tests. */
  get rawState(): MatchState {
    return this.room.state;
  }

  private refresh(state: MatchState): void {
    const { events, steps } = eventsOf(state);
    const before = this.cachedView;
    this.cachedView = gameViewOf(state, this.room.sessionId, events, steps);
    this.cachedMatch = matchInfoOf(state, this.room.roomId, this.room.sessionId);
    this.cachedEvents = this.withBotReasons(before, events, steps);
    this.remember();
  }

  /**
   * Bots say why: the reasons the viewer may read for bots' moves in the events that arrived since the last view
   * (shared/review/seen.ts), with the public facts of that view; kept by step and event, placed after their events.
   * An event is new by its key, not by its step: a seat's own log can arrive a patch after the public one.
   */
  private withBotReasons(before: GameView | null, events: GameEvent[], steps: number[]): GameEvent[] {
    const keys = events.map((e, i) => reasonKey(steps[i]!, e.kind, e.params));
    const viewer = this.cachedMatch.you.seat ?? "spectator";
    const fresh = events.map((e, i) => ({ e, i })).filter(({ i }) => !this.logged.has(keys[i]!));
    // Events already there when the viewer arrived are history: their reasons come from the server (recallReasons).
    if (before && fresh.length) {
      const bots = new Set(this.cachedMatch.seats.filter((s) => s.controller === "bot").map((s) => s.seat));
      // A seat a bot took over (players away, or the deadline) is a bot's for the steps that tell it.
      for (const { e } of fresh) if (e.kind === "botTookOver") bots.add(e.params.seat as Seat);
      // Step by step, as the server finds them for a page that comes in later (pastReasons.ts): a patch can bring
      // several steps, and each step's revealed orders have their own reason.
      for (const step of new Set(fresh.map(({ i }) => steps[i]!))) {
        const ofStep = fresh.filter(({ i }) => steps[i] === step);
        const found = botReasons(before, ofStep.map((x) => x.e), viewer, bots);
        for (const { e, i } of ofStep) if (found.has(e)) this.reasons.set(keys[i]!, found.get(e)!);
      }
    }
    for (const { i } of fresh) this.logged.add(keys[i]!);
    if (this.reasons.size === 0) return events;
    return events.flatMap((e, i) => [e, ...(this.reasons.get(keys[i]!) ?? [])]);
  }

  private remember(): void {
    const seat = this.cachedMatch.you.seat;
    const ticket = seat ? this.room.state?.secrets?.get(seat)?.ticket || null : null;
    const session: StoredSession = {
      url: this.url, roomId: this.room.roomId, token: this.room.reconnectionToken, name: this.name, seat, ticket,
      seenAt: Date.now(), graceSeconds: this.room.state?.graceSeconds ?? 0,
    };
    this.store.save(session);
    rememberGame(session);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  view(): GameView | null {
    return this.cachedView;
  }

  events(): GameEvent[] {
    return this.cachedEvents;
  }

  match(): MatchInfo {
    return this.cachedMatch;
  }

  status(): ConnectionStatus {
    return this.currentStatus;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async send<K extends keyof typeof Messages>(type: K, payload: MessagePayload<K>): Promise<Reply> {
    if (this.currentStatus === "closed") return { ok: false, code: "closed" };
    try {
      const reply = (await this.room.request(type as string, payload)) as Reply | undefined;
      if (!reply) return { ok: false, code: "bad-reply" };
      if (reply.ok) await this.nextState();
      return reply;
    } catch (error) {
      return { ok: false, code: "request-failed" };
    }
  }

  /**
   * The server answers a request at once but sends the state it changed with its next patch. Until that
   * arrives the view still shows the old state (an answered decision still open, orders still unsent), so
   * an accepted intent resolves only once the next state has come in, or after a second if none does.
   */
  private nextState(): Promise<void> {
    return new Promise((resolve) => {
      const resume = () => {
        clearTimeout(timer);
        this.stateWaiters.delete(resume);
        resolve();
      };
      const timer = setTimeout(resume, STATE_WAIT_MS);
      this.stateWaiters.add(resume);
    });
  }

  async leave(): Promise<void> {
    this.store.clear();
    forgetGame(this.room.roomId);
    if (this.currentStatus === "closed") return;
    await this.room.leave(true);
  }

  /** Drops the socket without leaving, as a closed tab or lost network would (for tests and tools). */
  drop(): void {
    (this.room.connection as unknown as { transport: { close(code?: number): void } }).transport.close(4999);
  }
}

function emptyMatch(roomId: string, sessionId: string): MatchInfo {
  return {
    roomId, code: null, name: "", public: false, started: false, seats: [],
    you: { id: sessionId, name: "", seat: null, spectator: false, host: false },
    timerEndsAt: null, timerSeconds: 0, paused: false, broadcast: null,
  };
}

/**
 * Joins a room by id; when it is not live (the server restarted since), asks the server to bring the saved match
 * back under the same id, and joins it then.
 */
async function joinById(client: Client, url: string, roomId: string, options: z.input<typeof JoinOptions>): Promise<Room<unknown, MatchState>> {
  try {
    return await client.joinById<MatchState>(roomId, options);
  } catch (error) {
    const reopened = await fetch(`${httpBase(url)}/api/match/${encodeURIComponent(roomId)}/open`, { method: "POST" }).then((r) => r.ok, () => false);
    if (!reopened) throw error;
    return client.joinById<MatchState>(roomId, options);
  }
}

function httpBase(url: string): string {
  return url.replace(/^ws/, "http").replace(/\/$/, "");
}

/** The link that opens the game and joins a private match: `/?join=CODE` on the server's origin. */
export function joinLink(code: string, origin: string = defaultServerUrl()): string {
  return `${origin.replace(/^ws/, "http").replace(/\/$/, "")}/?join=${encodeURIComponent(code)}`;
}

/** The join code in a page address made by `joinLink`, if any. */
export function joinCodeFrom(search: string): string | null {
  return new URLSearchParams(search).get("join");
}

/** The page's own origin, which serves the game too. */
export function defaultServerUrl(): string {
  const loc = (globalThis as { location?: Location }).location;
  return loc ? loc.origin : "http://127.0.0.1:2567";
}

async function connected(room: Room<unknown, MatchState>, url: string, name: string, store?: SessionStore): Promise<RemoteConnection> {
  const connection = new RemoteConnection(room, url, name, store);
  await connection.ready();
  return connection;
}

export async function createRemoteMatch(url: string, options: z.input<typeof CreateMatchOptions>, store?: SessionStore): Promise<RemoteConnection> {
  const room = await new Client(url).create<MatchState>("match", options);
  return connected(room, url, options.name, store);
}

/** A 6-letter join code or a room id; codes are looked up over HTTP first. */
export async function resolveRoomId(url: string, roomIdOrCode: string): Promise<string> {
  const trimmed = roomIdOrCode.trim();
  // Codes are 6 letters and digits (typed with any case, spaces or a dash); room ids are 9 characters.
  if (!/^[a-z0-9]{6}$/i.test(trimmed.replace(/[\s-]/g, ""))) return trimmed;
  const response = await fetch(`${httpBase(url)}/api/code/${encodeURIComponent(trimmed)}`);
  const body = (await response.json()) as { roomId?: string; code?: string };
  if (!response.ok || !body.roomId) throw new Error(body.code ?? "unknown-match");
  return body.roomId;
}

export async function joinRemoteMatch(url: string, roomIdOrCode: string, joinOptions: z.input<typeof JoinOptions>, store?: SessionStore): Promise<RemoteConnection> {
  const roomId = await resolveRoomId(url, roomIdOrCode);
  const room = await joinById(new Client(url), url, roomId, joinOptions);
  return connected(room, url, joinOptions.name, store);
}

/**
 * Rejoins the match this page was in: the same session within the grace period, else the same seat by its ticket.
 * A page back after the grace period goes straight to its ticket: its session is gone, and asking for it would only
 * have the server refuse (and log) an expired token.
 */
export async function resumeRemoteMatch(url: string = defaultServerUrl(), store: SessionStore = defaultStore()): Promise<RemoteConnection | null> {
  const saved = store.load();
  if (!saved || saved.url !== url) return null;
  const client = new Client(url);
  const graceOver = typeof saved.seenAt === "number" && typeof saved.graceSeconds === "number" && Date.now() - saved.seenAt > saved.graceSeconds * 1000;
  if (!graceOver) {
    try {
      const room = await client.reconnect<MatchState>(saved.token);
      return await connected(room, url, saved.name, store);
    } catch {
      // The session is gone after all: come back to the seat with its ticket, if there was one.
    }
  }
  if (saved.seat && saved.ticket) {
    try {
      const room = await joinById(client, url, saved.roomId, { name: saved.name, seat: saved.seat as never, ticket: saved.ticket });
      return await connected(room, url, saved.name, store);
    } catch {
      // The match is gone or the seat was given away.
    }
  }
  store.clear();
  return null;
}
