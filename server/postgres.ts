import pg from "pg";
import { randomBytes, randomInt } from "node:crypto";
import type { GameRecord, Input } from "../shared/engine/index.ts";
import type { CreateClassOptions } from "../shared/protocol/classroom.ts";
import { hashKey, type ClassSession } from "./classroom/store.ts";
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode } from "./codes.ts";
import type { InputSource, MatchSetup, SavedRoom } from "./records.ts";
import { StartupError } from "./sqlite.ts";
import type { MaybePromise, Store } from "./store.ts";

/*
 * The store in PostgreSQL (DATABASE_URL), shared by every game process of a scaled deployment: the same tables
 * as SQLite's. Writes are queued in the order the rooms issue them and written in batches, one transaction each,
 * one batch at a time (so they land in order): everything issued in one turn of the event loop goes together.
 * `flush()` starts the batch at once and resolves when it is committed; rooms await it before replying, so a
 * reply never leaves before its input is kept. A batch that fails is retried (three times, a second apart), then
 * given up: the requests waiting on it are answered `store-failed`, and the failure is logged in one line.
 *
 * Match ids come from blocks of 1,000 reserved from a sequence (hi/lo), so `startMatch` knows its id at once, like
 * SQLite's, and two processes never hand out the same one.
 */

const BLOCK = 1000;
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS matches (
    id BIGINT PRIMARY KEY, room_id TEXT NOT NULL, name TEXT NOT NULL, options TEXT NOT NULL, seed BIGINT NOT NULL,
    room TEXT NOT NULL, started_at BIGINT NOT NULL, ended_at BIGINT, winners TEXT, end_reason TEXT, rules_version TEXT
  );
  CREATE INDEX IF NOT EXISTS matches_room ON matches (room_id);
  CREATE TABLE IF NOT EXISTS inputs (
    match_id BIGINT NOT NULL REFERENCES matches(id), idx INTEGER NOT NULL, input TEXT NOT NULL, source TEXT NOT NULL,
    at BIGINT NOT NULL, digest TEXT, PRIMARY KEY (match_id, idx)
  );
  CREATE TABLE IF NOT EXISTS rooms (
    room_id TEXT PRIMARY KEY, kind TEXT NOT NULL, open BOOLEAN NOT NULL, code TEXT, data TEXT NOT NULL, updated_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS reviews (
    key TEXT PRIMARY KEY, data TEXT NOT NULL, created_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS class_sessions (
    code TEXT PRIMARY KEY, key_hash TEXT NOT NULL, data TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL
  );
  ALTER TABLE matches ADD COLUMN IF NOT EXISTS public_token TEXT;
  CREATE UNIQUE INDEX IF NOT EXISTS matches_public_token ON matches (public_token);
  CREATE SEQUENCE IF NOT EXISTS match_id_blocks;
`;

type Write = { text: string; values: unknown[] };

/** Worth trying again: a connection lost or refused, the server shutting down or short of resources, a conflict. */
function retryable(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code) || /^(08|40|53|57)/.test(code);
}

/** A statement with its $n placeholders replaced by literals: strings escaped by pg, numbers, booleans and null as such. */
function inline(client: pg.PoolClient, write: Write): string {
  return write.text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = write.values[Number(n) - 1];
    if (value === null || value === undefined) return "NULL";
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new Error("A value to keep is not a finite number.");
      return String(value);
    }
    return client.escapeLiteral(String(value));
  });
}

export class PostgresStore implements Store {
  readonly kind = "postgres";
  private pool: pg.Pool;
  private queue: Write[] = [];
  private tail: Promise<void> | null = null;
  private scheduled = false;
  private ids = { next: 0, end: 0 };
  private spare: { next: number; end: number } | null = null;
  private refilling: Promise<void> | null = null;
  private log: (line: string) => void;
  private closed = false;

  private constructor(pool: pg.Pool, log: (line: string) => void) {
    this.pool = pool;
    this.log = log;
  }

  /** Connects, creates the tables where missing (one process at a time) and reserves a first block of match ids. */
  static async open(url: string, log: (line: string) => void = (l) => console.error(l)): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    pool.on("error", (error) => log(`PostgreSQL: ${error.message.split("\n", 1)[0]}`));
    const store = new PostgresStore(pool, log);
    try {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock(172017)");
        await client.query(SCHEMA);
        await client.query("SELECT pg_advisory_unlock(172017)");
      } finally {
        client.release();
      }
      await store.refill();
    } catch (error) {
      await pool.end().catch(() => {});
      const reason = error instanceof Error ? error.message.split("\n", 1)[0] : String(error);
      throw new StartupError(`The database at DATABASE_URL cannot be used (${reason}): set it to a PostgreSQL database this server may create tables in.`);
    }
    return store;
  }

  private async refill(): Promise<void> {
    const { rows } = await this.pool.query<{ b: string }>("SELECT nextval('match_id_blocks') AS b");
    const block = Number(rows[0]!.b);
    this.ids = { next: block * BLOCK + 1, end: (block + 1) * BLOCK };
  }

  // ---------- writes ----------

  private write(text: string, values: unknown[]): void {
    this.queue.push({ text, values });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush()?.catch(() => { /* logged by the batch; requests waiting on it are told */ });
      });
    }
  }

  flush(): Promise<void> | undefined {
    if (this.queue.length === 0) return this.tail ?? undefined;
    const batch = this.queue;
    this.queue = [];
    const before = this.tail ?? Promise.resolve();
    const mine: Promise<void> = before.catch(() => {}).then(() => this.commit(batch));
    this.tail = mine;
    const clear = () => { if (this.tail === mine) this.tail = null; };
    mine.then(clear, clear);
    return mine;
  }

  private async commit(batch: Write[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect().catch((error: Error) => error);
      let failure: Error = client instanceof Error ? client : new Error("not written");
      if (!(client instanceof Error)) {
        try {
          // One round trip: the batch as one text of statements with its values written in as literals (escaped by
          // pg), which PostgreSQL runs as one transaction. Round trips, not rows, are what a reply waits for.
          await client.query(batch.map((w) => inline(client, w)).join(";\n"));
          client.release();
          return;
        } catch (error) {
          failure = error as Error;
          // A statement the database refuses (not a lost connection): the rest of the batch must not go down with
          // it. Each is written on its own, in order; the batch still counts as not kept (its waiters are told).
          if (!retryable(failure)) {
            let refused = 0;
            for (const w of batch) {
              try {
                await client.query(inline(client, w));
              } catch (one) {
                refused++;
                this.log(`PostgreSQL: a write was refused: ${(one as Error).message.split("\n", 1)[0]}`);
              }
            }
            client.release();
            throw new Error(`${refused} of ${batch.length} writes refused by the database`);
          }
          client.release();
        }
      }
      if (attempt >= 3 || this.closed) {
        this.log(`PostgreSQL: ${batch.length} writes not kept: ${failure.message.split("\n", 1)[0]}`);
        throw failure;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  startMatch(setup: MatchSetup): number {
    if (this.ids.next > this.ids.end && this.spare) {
      this.ids = this.spare;
      this.spare = null;
    }
    if (this.ids.next > this.ids.end) throw new Error("No match id left: the database has not answered for a new block.");
    const id = this.ids.next++;
    // Half the block used: the next block is reserved ahead, so a start never waits for the database.
    if (this.ids.end - this.ids.next < BLOCK / 2 && !this.spare && !this.refilling) {
      this.refilling = this.pool.query<{ b: string }>("SELECT nextval('match_id_blocks') AS b").then(({ rows }) => {
        const block = Number(rows[0]!.b);
        this.spare = { next: block * BLOCK + 1, end: (block + 1) * BLOCK };
      }).catch((error: Error) => this.log(`PostgreSQL: no new block of match ids: ${error.message.split("\n", 1)[0]}`))
        .finally(() => { this.refilling = null; });
    }
    this.write("INSERT INTO matches (id, room_id, name, options, seed, room, started_at, rules_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      [id, setup.roomId, setup.name, JSON.stringify(setup.options), setup.seed, JSON.stringify(setup.room), Date.now(), setup.rulesVersion ?? null]);
    return id;
  }

  appendInput(matchId: number, index: number, input: Input, source: InputSource, digest?: string): void {
    this.write("INSERT INTO inputs (match_id, idx, input, source, at, digest) VALUES ($1, $2, $3, $4, $5, $6)",
      [matchId, index, JSON.stringify(input), source, Date.now(), digest ?? null]);
  }

  endMatch(matchId: number, winners: string[], reason: string | null): void {
    this.write("UPDATE matches SET ended_at = $1, winners = $2, end_reason = $3 WHERE id = $4", [Date.now(), winners.join(","), reason, matchId]);
  }

  saveRoom(room: SavedRoom): void {
    this.write(
      "INSERT INTO rooms (room_id, kind, open, code, data, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (room_id) DO UPDATE SET open = excluded.open, code = excluded.code, data = excluded.data, updated_at = excluded.updated_at",
      [room.roomId, room.kind, room.open, room.code, JSON.stringify(room.data), Date.now()]);
  }

  saveClass(session: ClassSession): void {
    this.write("UPDATE class_sessions SET data = $1, updated_at = $2 WHERE code = $3", [JSON.stringify(session), Date.now(), session.code]);
  }

  // ---------- reads (after every write issued before them) ----------

  private async read<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    // After the writes issued before it (one that failed was logged, and its requests told): then what is there.
    await this.flush()?.catch(() => {});
    return (await this.pool.query<R>(text, values)).rows;
  }

  async loadRoom(roomId: string): Promise<SavedRoom | null> {
    const [row] = await this.read<{ room_id: string; kind: "match"; open: boolean; code: string | null; data: string }>(
      "SELECT room_id, kind, open, code, data FROM rooms WHERE room_id = $1", [roomId]);
    return row ? { roomId: row.room_id, kind: row.kind, open: row.open, code: row.code, data: JSON.parse(row.data) } : null;
  }

  async openRoomCodes(): Promise<{ roomId: string; code: string }[]> {
    const rows = await this.read<{ room_id: string; code: string }>("SELECT room_id, code FROM rooms WHERE open AND code IS NOT NULL", []);
    return rows.map((r) => ({ roomId: r.room_id, code: r.code }));
  }

  async gameRecord(matchId: number): Promise<GameRecord | null> {
    const [row] = await this.read<{ options: string; seed: string; rules_version: string | null }>("SELECT options, seed, rules_version FROM matches WHERE id = $1", [matchId]);
    if (!row) return null;
    const rows = await this.read<{ input: string; digest: string | null }>("SELECT input, digest FROM inputs WHERE match_id = $1 ORDER BY idx", [matchId]);
    const record: GameRecord = { options: JSON.parse(row.options), seed: Number(row.seed), inputs: rows.map((r) => JSON.parse(r.input) as Input) };
    if (row.rules_version) record.rulesVersion = row.rules_version;
    if (rows.length > 0 && rows.every((r) => r.digest)) record.digests = rows.map((r) => r.digest!);
    else if (rows.length === 0 && row.rules_version) record.digests = [];
    return record;
  }

  async matchesOfRoom(roomId: string): Promise<{ id: number; endedAt: number | null; winners: string | null }[]> {
    const rows = await this.read<{ id: string; ended_at: string | null; winners: string | null }>("SELECT id, ended_at, winners FROM matches WHERE room_id = $1 ORDER BY id", [roomId]);
    return rows.map((r) => ({ id: Number(r.id), endedAt: r.ended_at === null ? null : Number(r.ended_at), winners: r.winners }));
  }

  saveReview(key: string, reviews: unknown): void {
    this.write("INSERT INTO reviews (key, data, created_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data", [key, JSON.stringify(reviews), Date.now()]);
  }

  async loadReview(key: string): Promise<unknown> {
    const [row] = await this.read<{ data: string }>("SELECT data FROM reviews WHERE key = $1", [key]);
    return row ? JSON.parse(row.data) : null;
  }

  makePublic(matchId: number, token: string): void {
    this.write("UPDATE matches SET public_token = $1 WHERE id = $2 AND public_token IS NULL", [token, matchId]);
  }

  async publicToken(matchId: number): Promise<string | null> {
    const [row] = await this.read<{ public_token: string | null }>("SELECT public_token FROM matches WHERE id = $1", [matchId]);
    return row?.public_token ?? null;
  }

  async publicMatch(token: string): Promise<number | null> {
    const [row] = await this.read<{ id: string }>("SELECT id FROM matches WHERE public_token = $1", [token]);
    return row ? Number(row.id) : null;
  }

  async sources(matchId: number): Promise<InputSource[]> {
    return (await this.read<{ source: InputSource }>("SELECT source FROM inputs WHERE match_id = $1 ORDER BY idx", [matchId])).map((r) => r.source);
  }

  async createClass(setup: CreateClassOptions, taken: (code: string) => MaybePromise<boolean>): Promise<{ session: ClassSession; key: string }> {
    const key = randomBytes(24).toString("base64url");
    for (;;) {
      let code = "";
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (await taken(code)) continue;
      const session: ClassSession = {
        code, keyHash: hashKey(key), setup, matchId: null, roster: [], controllers: {}, locked: false,
        timerSeconds: setup.timerSeconds, paused: false, broadcast: "",
      };
      const now = Date.now();
      // Written at once (not queued): the code must be free in the table, which only the insert can tell.
      const { rowCount } = await this.pool.query("INSERT INTO class_sessions (code, key_hash, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING",
        [code, session.keyHash, JSON.stringify(session), now, now]);
      if (rowCount === 1) return { session, key };
    }
  }

  async loadClass(code: string): Promise<ClassSession | null> {
    const [row] = await this.read<{ data: string }>("SELECT data FROM class_sessions WHERE code = $1", [normaliseCode(code)]);
    return row ? (JSON.parse(row.data) as ClassSession) : null;
  }

  async close(): Promise<void> {
    await this.flush()?.catch(() => {});
    await this.refilling;
    this.closed = true;
    await this.pool.end();
  }
}
