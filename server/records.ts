import type Database from "better-sqlite3";
import type { GameOptions, GameRecord, Input } from "../shared/engine/index.ts";
import { openDatabase } from "./sqlite.ts";

/**
 * Match records in an embedded SQLite file: each match's setup when it starts, then every accepted
 * input in order as it is accepted, so any game can be rebuilt with the engine's `replay`.
 */

export interface MatchSetup {
  roomId: string;
  name: string;
  options: Partial<GameOptions>;
  seed: number;
  /** The room's own settings (timer, public/private, class code) beside the game's options, which hold its bot level. */
  room: Record<string, unknown>;
  /** The rules version the game is played under (RULES_VERSION when it started). */
  rulesVersion?: string;
}

/** What the server keeps of an online match room, beside its game record, to bring it back after a restart. */
export interface SavedRoom {
  roomId: string;
  kind: "match";
  /** Open: a live room, or one a restart should be able to bring back. Closed: over, or a lobby everyone left. */
  open: boolean;
  /** The private match's join code, if any. */
  code: string | null;
  data: Record<string, unknown>;
}

export type InputSource = "human" | "bot" | "timer" | "away";

/** An input's row as written: match id, index, input JSON, source, time, digest. */
type InputRow = [number, number, string, InputSource, number, string | null];
/** A room's row as written: room id, kind, open, code, data JSON, time. */
type RoomRow = [string, string, number, string | null, string, number];

export class Records {
  private db: Database.Database;
  private insertInput: Database.Statement;
  private pending: InputRow[] = [];
  /** Rooms' saved states not yet written, the latest per room (an earlier one would be overwritten in any case). */
  private pendingRooms = new Map<string, RoomRow>();
  private flushScheduled = false;
  private writeBatch: (rows: InputRow[], rooms: RoomRow[]) => void;
  /** Statements prepared once: preparing one costs about as much as running it. */
  private statements = new Map<string, Database.Statement>();

  constructor(path: string) {
    this.db = openDatabase(path);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS matches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL,
        name TEXT NOT NULL,
        options TEXT NOT NULL,
        seed INTEGER NOT NULL,
        room TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        winners TEXT,
        end_reason TEXT
      );
      CREATE TABLE IF NOT EXISTS inputs (
        match_id INTEGER NOT NULL REFERENCES matches(id),
        idx INTEGER NOT NULL,
        input TEXT NOT NULL,
        source TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (match_id, idx)
      );
      CREATE TABLE IF NOT EXISTS reviews (
        key TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS rooms (
        room_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        open INTEGER NOT NULL,
        code TEXT,
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
    // Records from before versions: the columns are added where missing (old rows keep null: no version, no digest).
    const has = (table: string, column: string) => (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
    if (!has("matches", "rules_version")) this.db.exec("ALTER TABLE matches ADD COLUMN rules_version TEXT");
    if (!has("inputs", "digest")) this.db.exec("ALTER TABLE inputs ADD COLUMN digest TEXT");
    if (!has("matches", "public_token")) this.db.exec("ALTER TABLE matches ADD COLUMN public_token TEXT");
    this.insertInput = this.db.prepare("INSERT INTO inputs (match_id, idx, input, source, at, digest) VALUES (?, ?, ?, ?, ?, ?)");
    const upsertRoom = this.db.prepare("INSERT INTO rooms (room_id, kind, open, code, data, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(room_id) DO UPDATE SET open = excluded.open, code = excluded.code, data = excluded.data, updated_at = excluded.updated_at");
    this.writeBatch = this.db.transaction((rows, rooms) => {
      for (const row of rows) this.insertInput.run(...row);
      for (const room of rooms) upsertRoom.run(...room);
    });
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) this.statements.set(sql, (prepared = this.db.prepare(sql)));
    return prepared;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  startMatch(setup: MatchSetup): number {
    const info = this.statement("INSERT INTO matches (room_id, name, options, seed, room, started_at, rules_version) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(setup.roomId, setup.name, JSON.stringify(setup.options), setup.seed, JSON.stringify(setup.room), Date.now(), setup.rulesVersion ?? null);
    return Number(info.lastInsertRowid);
  }

  /**
   * Appends an accepted input. Inputs accepted in the same turn of the event loop are written together in one
   * transaction right after it (one commit instead of one per input, which matters with hundreds of matches).
   */
  appendInput(matchId: number, index: number, input: Input, source: InputSource, digest?: string): void {
    this.pending.push([matchId, index, JSON.stringify(input), source, Date.now(), digest ?? null]);
    this.scheduleFlush();
  }

  /**
   * Writes the inputs and rooms not yet written, in one transaction (one commit for a request's input and the room
   * state it changed); reads call it first, so they always see every write issued before them.
   */
  flush(): void {
    this.flushScheduled = false;
    if ((this.pending.length === 0 && this.pendingRooms.size === 0) || !this.db.open) return;
    const rows = this.pending;
    const rooms = [...this.pendingRooms.values()];
    this.pending = [];
    this.pendingRooms.clear();
    this.writeBatch(rows, rooms);
  }

  /** A finished match's replay made public: anyone with the token may see it (public view). Kept at once. */
  makePublic(matchId: number, token: string): void {
    this.flush();
    this.statement("UPDATE matches SET public_token = ? WHERE id = ? AND public_token IS NULL").run(token, matchId);
  }

  publicToken(matchId: number): string | null {
    const row = this.statement("SELECT public_token FROM matches WHERE id = ?").get(matchId) as { public_token: string | null } | undefined;
    return row?.public_token ?? null;
  }

  publicMatch(token: string): number | null {
    const row = this.statement("SELECT id FROM matches WHERE public_token = ?").get(token) as { id: number } | undefined;
    return row ? Number(row.id) : null;
  }

  endMatch(matchId: number, winners: string[], reason: string | null): void {
    this.flush();
    this.statement("UPDATE matches SET ended_at = ?, winners = ?, end_reason = ? WHERE id = ?").run(Date.now(), winners.join(","), reason, matchId);
  }

  /**
   * The engine's record of one match: its options, seed, every accepted input in order, and (when recorded) the
   * rules version it was played under and the digest of the state after each input.
   */
  gameRecord(matchId: number): GameRecord | null {
    this.flush();
    const row = this.statement("SELECT options, seed, rules_version AS rulesVersion FROM matches WHERE id = ?").get(matchId) as { options: string; seed: number; rulesVersion: string | null } | undefined;
    if (!row) return null;
    const rows = this.statement("SELECT input, digest FROM inputs WHERE match_id = ? ORDER BY idx").all(matchId) as { input: string; digest: string | null }[];
    const record: GameRecord = { options: JSON.parse(row.options), seed: row.seed, inputs: rows.map((r) => JSON.parse(r.input) as Input) };
    if (row.rulesVersion) record.rulesVersion = row.rulesVersion;
    if (rows.length > 0 && rows.every((r) => r.digest)) record.digests = rows.map((r) => r.digest!);
    else if (rows.length === 0 && row.rulesVersion) record.digests = [];
    return record;
  }

  /**
   * Keeps a room's state for a restart: written with the next flush, which a request's reply waits for (a change
   * the room acknowledged is on disk before its reply), or at the end of this turn of the event loop.
   */
  saveRoom(room: SavedRoom): void {
    this.pendingRooms.set(room.roomId, [room.roomId, room.kind, room.open ? 1 : 0, room.code, JSON.stringify(room.data), Date.now()]);
    this.scheduleFlush();
  }

  /** A finished game's review, kept at once (reviews are few and each took the bot minutes). */
  saveReview(key: string, reviews: unknown): void {
    this.statement("INSERT INTO reviews (key, data, created_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET data = excluded.data").run(key, JSON.stringify(reviews), Date.now());
  }

  loadReview(key: string): unknown {
    const row = this.statement("SELECT data FROM reviews WHERE key = ?").get(key) as { data: string } | undefined;
    return row ? JSON.parse(row.data) : null;
  }

  loadRoom(roomId: string): SavedRoom | null {
    this.flush();
    const row = this.statement("SELECT room_id AS roomId, kind, open, code, data FROM rooms WHERE room_id = ?").get(roomId) as { roomId: string; kind: "match"; open: number; code: string | null; data: string } | undefined;
    return row ? { roomId: row.roomId, kind: row.kind, open: row.open === 1, code: row.code, data: JSON.parse(row.data) } : null;
  }

  /** Open rooms with a join code: their codes are issued again when the server starts. */
  openRoomCodes(): { roomId: string; code: string }[] {
    this.flush();
    return this.statement("SELECT room_id AS roomId, code FROM rooms WHERE open = 1 AND code IS NOT NULL").all() as { roomId: string; code: string }[];
  }

  matchesOfRoom(roomId: string): { id: number; endedAt: number | null; winners: string | null }[] {
    return (this.statement("SELECT id, ended_at AS endedAt, winners FROM matches WHERE room_id = ? ORDER BY id").all(roomId) as { id: number; endedAt: number | null; winners: string | null }[]);
  }

  sources(matchId: number): InputSource[] {
    this.flush();
    return (this.statement("SELECT source FROM inputs WHERE match_id = ? ORDER BY idx").all(matchId) as { source: InputSource }[]).map((r) => r.source);
  }

  close(): void {
    this.flush();
    this.db.close();
  }
}
