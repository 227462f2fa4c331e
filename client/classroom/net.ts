import { Client, type Room } from "@colyseus/sdk";
import type { z } from "zod";
import { REPLACED_CLOSE_CODE, type ClassJoinOptions, type CreateClassOptions, type CreatedClass, type StudentMessages, type TeacherMessages } from "../../shared/protocol/classroom.ts";
import type { GameEvent, GameView } from "../../shared/engine/index.ts";
import type { Connection, ConnectionStatus, MatchInfo, MessagePayload } from "../../shared/protocol/connection.ts";
import type { Messages, Reply } from "../../shared/protocol/messages.ts";
import type { MatchState } from "../../shared/protocol/state.ts";
import { RemoteConnection, type SessionStore, type StoredSession } from "../net/remoteConnection.ts";

/*
 * The classroom's network side: creating a session, finding or opening its room, and a link that stays
 * joined. The link rejoins by itself when its room goes away (a server restart, the next lesson): the
 * teacher reopens the room with the key, students come back to their seats with code and nickname.
 */

export type ClassRole = ClassJoinOptions["role"];

export interface ClassCredentials {
  url: string;
  code: string;
  role: ClassRole;
  /** Teacher only: the session's secret key, kept by the teacher's browser. */
  key?: string;
  /** Student only: the nickname. */
  name?: string;
  /** Student only: this browser's rejoin secret, without which the nickname is not given back. */
  device?: string;
}

export class ClassError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function httpBase(url: string): string {
  return url.replace(/^ws/, "http").replace(/\/$/, "");
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json().catch(() => ({}))) as T & { code?: string; message?: string };
  if (!response.ok) throw new ClassError(body.code ?? "request-failed", body.code ?? "request-failed");
  return body;
}

export function createClass(url: string, options: z.input<typeof CreateClassOptions>): Promise<CreatedClass> {
  return call(`${httpBase(url)}/api/class`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(options) });
}

export async function openClassRoom(url: string, code: string, key: string): Promise<string> {
  const body = await call<{ roomId: string }>(`${httpBase(url)}/api/class/${encodeURIComponent(code)}/open`, {
    method: "POST", headers: { "content-type": "application/json", "x-teacher-key": key }, body: "{}",
  });
  return body.roomId;
}

export async function findClassRoom(url: string, code: string): Promise<string> {
  return (await call<{ roomId: string }>(`${httpBase(url)}/api/class/${encodeURIComponent(code)}`)).roomId;
}

/** The debrief's address; the teacher's key goes in a header, never in an address. */
export function debriefUrl(url: string, code: string, format: "json" | "rounds.csv" | "timeline.csv" = "json"): string {
  return `${httpBase(url)}/api/class/${encodeURIComponent(code)}/debrief?format=${format}`;
}

export async function fetchDebrief<T>(url: string, code: string, key?: string, format: "json" | "rounds.csv" | "timeline.csv" = "json"): Promise<T | string> {
  const response = await fetch(debriefUrl(url, code, format), { headers: key ? { "x-teacher-key": key } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ClassError(body.code ?? "request-failed", body.code ?? "request-failed");
  }
  return format === "json" ? ((await response.json()) as T) : response.text();
}

function memory(): SessionStore {
  let value: StoredSession | null = null;
  return { load: () => value, save: (s) => { value = s; }, clear: () => { value = null; } };
}

export type ClassMessage = keyof typeof TeacherMessages | keyof typeof StudentMessages | "submitOrders" | "answer";

/** One joined class room: the game's Connection for the screens, plus the room for classroom requests. */
export interface ClassConnection {
  room: Room<unknown, MatchState>;
  game: RemoteConnection;
}

export async function joinClassRoom(creds: ClassCredentials): Promise<ClassConnection> {
  const roomId = creds.role === "teacher" ? await openClassRoom(creds.url, creds.code, creds.key ?? "") : await findClassRoom(creds.url, creds.code);
  const options: ClassJoinOptions = creds.role === "teacher" ? { role: "teacher", key: creds.key ?? "" }
    : creds.role === "student" ? { role: "student", name: creds.name ?? "", device: creds.device ?? "" } : { role: "projector" };
  const room = await new Client(creds.url).joinById<MatchState>(roomId, options);
  // The classroom keeps its own credentials: the solo/online resume store is left alone.
  const game = new RemoteConnection(room, creds.url, creds.name ?? creds.role, memory());
  await game.ready();
  return { room, game };
}

/** "removed": the teacher took the student out; "replaced": the teacher let another browser take the nickname. Neither rejoins. */
export type LinkStatus = "connecting" | "open" | "reconnecting" | "removed" | "replaced" | "closed";

/** Stays joined to a class: on losing the room it retries until the room is back (the teacher may need to reopen it). */
export class ClassLink {
  readonly creds: ClassCredentials;
  current: ClassConnection | null = null;
  status: LinkStatus = "connecting";
  /** Why the last attempt to (re)join failed, for the screen. */
  problem: ClassError | null = null;
  private listeners = new Set<() => void>();
  private stopped = false;
  private retryMs: number;
  private onCredentials: (creds: ClassCredentials) => void;

  constructor(creds: ClassCredentials, options: { retryMs?: number; onCredentials?: (creds: ClassCredentials) => void } = {}) {
    this.creds = { ...creds };
    this.retryMs = options.retryMs ?? 2000;
    this.onCredentials = options.onCredentials ?? (() => {});
  }

  /** Resolves on the first successful join; rejects if the first attempt is refused outright (wrong key, name taken). */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const conn = await joinClassRoom(this.creds);
    if (this.stopped) {
      await conn.room.leave(true).catch(() => {});
      return;
    }
    this.current = conn;
    this.status = "open";
    this.problem = null;
    conn.game.subscribe(() => this.notify());
    conn.room.onMessage("renamed", (msg: { name: string }) => {
      this.creds.name = msg.name;
      this.onCredentials(this.creds);
    });
    conn.room.onDrop(() => { this.status = "reconnecting"; this.notify(); });
    conn.room.onReconnect(() => { this.status = "open"; this.notify(); });
    conn.room.onLeave((code) => {
      if (this.stopped || this.current !== conn) return;
      if (code === 4000 || code === REPLACED_CLOSE_CODE) {
        this.status = code === 4000 ? "removed" : "replaced";
        this.notify();
        return;
      }
      this.status = "reconnecting";
      this.notify();
      void this.rejoin();
    });
    this.notify();
  }

  private async rejoin(): Promise<void> {
    while (!this.stopped) {
      await new Promise((r) => setTimeout(r, this.retryMs));
      if (this.stopped) return;
      try {
        await this.connect();
        return;
      } catch (error) {
        this.problem = error instanceof ClassError ? error : new ClassError("rejoin-failed", error instanceof Error ? error.message : String(error));
        this.notify();
      }
    }
  }

  async request(type: ClassMessage, payload: unknown): Promise<Reply> {
    const room = this.current?.room;
    if (!room || this.status !== "open") return { ok: false, code: "offline" };
    try {
      return ((await room.request(type, payload)) as Reply | undefined) ?? { ok: false, code: "bad-reply" };
    } catch (error) {
      return { ok: false, code: "request-failed" };
    }
  }

  state(): MatchState | null {
    return this.current?.room.state ?? null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  async stop(): Promise<void> {
    const was = this.status;
    this.stopped = true;
    this.status = "closed";
    // A room the server already closed on this screen (removed, replaced, lost) has nothing to leave: leaving it would wait forever.
    if (was === "open" || was === "connecting") await this.current?.room.leave(true).catch(() => {});
  }
}

/**
 * A class link as the game's `Connection`, so that a team and the projector use the same game screen as
 * online players. It follows the link across rejoins (a restart gives a new room): views come from the
 * room joined now, intents go through the link, and leaving stops the link.
 */
export class ClassGameConnection implements Connection {
  readonly kind = "remote" as const;
  private link: ClassLink;

  constructor(link: ClassLink) {
    this.link = link;
  }

  view(): GameView | null {
    return this.link.current?.game.view() ?? null;
  }

  events(): GameEvent[] {
    return this.link.current?.game.events() ?? [];
  }

  match(): MatchInfo {
    const match = this.link.current?.game.match();
    if (match) return match;
    return {
      roomId: "", code: this.link.creds.code, name: "", public: false, started: false, seats: [],
      you: { id: "", name: this.link.creds.name ?? "", seat: null, spectator: true, host: false },
      timerEndsAt: null, timerSeconds: 0, paused: false, broadcast: null,
    };
  }

  status(): ConnectionStatus {
    const s = this.link.status;
    return s === "removed" || s === "replaced" ? "closed" : s;
  }

  subscribe(listener: () => void): () => void {
    return this.link.subscribe(listener);
  }

  send<K extends keyof typeof Messages>(type: K, payload: MessagePayload<K>): Promise<Reply> {
    return this.link.request(type as ClassMessage, payload);
  }

  leave(): Promise<void> {
    return this.link.stop();
  }
}
