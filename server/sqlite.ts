import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** A problem the person starting the server must fix (a setting), said in one sentence: no stack trace. */
export class StartupError extends Error {
  override name = "StartupError";
}

/**
 * Opens (or creates) a SQLite file for the server's records, making its folder first; ":memory:" stays in memory.
 * Rows are written one by one as play goes on: WAL with synchronous NORMAL keeps each write cheap and durable enough.
 * A file that cannot be opened (damaged, a folder, no permission, a path through a file) stops the start with a
 * StartupError naming the setting to change.
 */
export function openDatabase(path: string): Database.Database {
  let db: Database.Database | null = null;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    // Reads the schema, so a damaged file is found now rather than at the first game.
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return db;
  } catch (error) {
    try { db?.close(); } catch { /* already unusable */ }
    const reason = error instanceof Error ? error.message.split("\n", 1)[0] : String(error);
    throw new StartupError(`The database ${path} cannot be opened (${reason}): set DB_PATH to a SQLite file this server may create and write, or move the damaged file away.`);
  }
}
