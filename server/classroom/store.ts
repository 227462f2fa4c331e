import type Database from "better-sqlite3";
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { GameEvent, Seat } from "../../shared/engine/index.ts";
import type { CreateClassOptions } from "../../shared/protocol/classroom.ts";
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode } from "../codes.ts";
import { openDatabase } from "../sqlite.ts";

/*
 * Class sessions in the embedded SQLite database, beside the match records. A session row holds what
 * the room needs to come back after a restart or in the next lesson: setup, roster (nickname -> seat),
 * seat controllers, lock, timer, pause, broadcast, the time left in the current phase, the teams'
 * drafts, the bots' last reasons, and the id of its match record (whose inputs the room replays). The teacher's key is kept only as a hash.
 */

export interface RosterEntry {
  name: string;
  seat: Seat | null;
  /** Hash of the rejoin secret of the browser that holds this nickname (sessions from before secrets have none: the next joiner's is kept). */
  device?: string;
  /** The teacher let this nickname be taken once from another browser. */
  allowNewDevice?: boolean;
  /** When the nickname last moved to another browser with the teacher's leave (epoch ms). */
  newDeviceAt?: number;
}

/** Where the current phase's countdown stood when the session was last saved. */
export interface ClassClock {
  /** The phase it belongs to, as "round|phase". */
  phase: string;
  /** Milliseconds the phase's timer had left; null when no timer runs in this phase. */
  leftMs: number | null;
  /** The timer ran out (or the teacher closed the phase): bots finish the phase for whoever has not played. */
  expired: boolean;
}

export interface ClassSession {
  code: string;
  keyHash: string;
  setup: CreateClassOptions;
  matchId: number | null;
  roster: RosterEntry[];
  /** Seat -> controller chosen by the teacher (a seat with no team is a bot). */
  controllers: Partial<Record<Seat, "human" | "bot">>;
  locked: boolean;
  timerSeconds: number;
  paused: boolean;
  broadcast: string;
  /** The current phase's countdown, so that a reopened room goes on with the time that was left. */
  clock?: ClassClock | null;
  /** Each team's shared draft of orders (TeamDraft as JSON) in the current orders phase. */
  drafts?: Partial<Record<Seat, string>>;
  /** Each bot seat's reason for its last orders (SeatReason as JSON), for the teacher's Seats tab. */
  reasons?: Partial<Record<Seat, string>>;
  /** The room's own log notes (a team's draft played at a deadline), each before the events of the step it came with. */
  notes?: { step: number; event: GameEvent }[];
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function keyMatches(key: string, keyHash: string): boolean {
  const a = Buffer.from(hashKey(key), "hex");
  const b = Buffer.from(keyHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export class ClassStore {
  private db: Database.Database;

  constructor(path: string) {
    this.db = openDatabase(path);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS class_sessions (
        code TEXT PRIMARY KEY,
        key_hash TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  }

  /** A new session with a fresh code and key; the key is returned here and never stored. */
  create(setup: CreateClassOptions, taken: (code: string) => boolean): { session: ClassSession; key: string } {
    const key = randomBytes(24).toString("base64url");
    for (;;) {
      let code = "";
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (taken(code) || this.load(code)) continue;
      const session: ClassSession = {
        code, keyHash: hashKey(key), setup, matchId: null, roster: [], controllers: {}, locked: false,
        timerSeconds: setup.timerSeconds, paused: false, broadcast: "",
      };
      const now = Date.now();
      this.db.prepare("INSERT INTO class_sessions (code, key_hash, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
        .run(code, session.keyHash, JSON.stringify(session), now, now);
      return { session, key };
    }
  }

  load(code: string): ClassSession | null {
    const row = this.db.prepare("SELECT data FROM class_sessions WHERE code = ?").get(normaliseCode(code)) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as ClassSession) : null;
  }

  /** Written synchronously: a change the room has acknowledged is on disk before the reply leaves. */
  save(session: ClassSession): void {
    this.db.prepare("UPDATE class_sessions SET data = ?, updated_at = ? WHERE code = ?").run(JSON.stringify(session), Date.now(), session.code);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
