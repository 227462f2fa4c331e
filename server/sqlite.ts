import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Opens (or creates) a SQLite file for the server's records, making its folder first; ":memory:" stays in memory.
 * Rows are written one by one as play goes on: WAL with synchronous NORMAL keeps each write cheap and durable enough.
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  return db;
}
