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
  /** The room's own settings (timer, bot level, public/private): enough to rebuild the room around the game. */
  room: Record<string, unknown>;
}

export type InputSource = "human" | "bot" | "timer" | "away";

export class Records {
  private db: Database.Database;
  private insertInput: Database.Statement;
  private pending: [number, number, string, InputSource, number][] = [];
  private flushScheduled = false;
  private writeBatch: (rows: [number, number, string, InputSource, number][]) => void;

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
    `);
    this.insertInput = this.db.prepare("INSERT INTO inputs (match_id, idx, input, source, at) VALUES (?, ?, ?, ?, ?)");
    this.writeBatch = this.db.transaction((rows) => {
      for (const row of rows) this.insertInput.run(...row);
    });
  }

  startMatch(setup: MatchSetup): number {
    const info = this.db.prepare("INSERT INTO matches (room_id, name, options, seed, room, started_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(setup.roomId, setup.name, JSON.stringify(setup.options), setup.seed, JSON.stringify(setup.room), Date.now());
    return Number(info.lastInsertRowid);
  }

  /**
   * Appends an accepted input. Inputs accepted in the same turn of the event loop are written together in one
   * transaction right after it (one commit instead of one per input, which matters with hundreds of matches).
   */
  appendInput(matchId: number, index: number, input: Input, source: InputSource): void {
    this.pending.push([matchId, index, JSON.stringify(input), source, Date.now()]);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Writes the inputs not yet written; reads call it first, so they always see every accepted input. */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || !this.db.open) return;
    const rows = this.pending;
    this.pending = [];
    this.writeBatch(rows);
  }

  endMatch(matchId: number, winners: string[], reason: string | null): void {
    this.flush();
    this.db.prepare("UPDATE matches SET ended_at = ?, winners = ?, end_reason = ? WHERE id = ?").run(Date.now(), winners.join(","), reason, matchId);
  }

  /** The engine's record of one match: its options, seed and every accepted input in order. */
  gameRecord(matchId: number): GameRecord | null {
    this.flush();
    const row = this.db.prepare("SELECT options, seed FROM matches WHERE id = ?").get(matchId) as { options: string; seed: number } | undefined;
    if (!row) return null;
    const inputs = (this.db.prepare("SELECT input FROM inputs WHERE match_id = ? ORDER BY idx").all(matchId) as { input: string }[])
      .map((r) => JSON.parse(r.input) as Input);
    return { options: JSON.parse(row.options), seed: row.seed, inputs };
  }

  matchesOfRoom(roomId: string): { id: number; endedAt: number | null; winners: string | null }[] {
    return (this.db.prepare("SELECT id, ended_at AS endedAt, winners FROM matches WHERE room_id = ? ORDER BY id").all(roomId) as { id: number; endedAt: number | null; winners: string | null }[]);
  }

  sources(matchId: number): InputSource[] {
    this.flush();
    return (this.db.prepare("SELECT source FROM inputs WHERE match_id = ? ORDER BY idx").all(matchId) as { source: InputSource }[]).map((r) => r.source);
  }

  close(): void {
    this.flush();
    this.db.close();
  }
}
