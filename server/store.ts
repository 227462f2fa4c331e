import type { GameRecord, Input } from "../shared/engine/index.ts";
import type { ClassSession, ClassStore } from "./classroom/store.ts";
import type { CreateClassOptions } from "../shared/protocol/classroom.ts";
import type { InputSource, MatchSetup, Records, SavedRoom } from "./records.ts";

/*
 * Everything the server keeps, behind one interface with two implementations: SQLite in the process (`npm start`,
 * `SqliteStore` over `Records` and `ClassStore`) and PostgreSQL shared by several processes (`PostgresStore`,
 * server/postgres.ts, when DATABASE_URL is set). The same tests run against both (tests/server/store.test.ts).
 *
 * Writes are issued synchronously and kept in the order issued; `flush()` says when everything issued so far is
 * kept: at once for SQLite (it returns nothing, so the embedded path never waits on a promise), or when its
 * promise settles for PostgreSQL. A room replies to a request only after that (see `keptThen` below). Reads may
 * answer at once or with a promise; callers await them, and they see every write issued before them.
 */

export type MaybePromise<T> = T | Promise<T>;

export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** A new match record; its id is known at once (PostgreSQL hands out ids from blocks it reserved). */
  startMatch(setup: MatchSetup): number;
  appendInput(matchId: number, index: number, input: Input, source: InputSource, digest?: string): void;
  endMatch(matchId: number, winners: string[], reason: string | null): void;
  saveRoom(room: SavedRoom): void;
  saveClass(session: ClassSession): void;
  /** Makes a finished match's replay public under a token (a match already public keeps its first token). */
  makePublic(matchId: number, token: string): void;
  /** A finished game's review (the hard bot's analysis of its seats), kept with its record under the review's key. */
  saveReview(key: string, reviews: unknown): void;
  /** Everything issued so far is kept when this returns nothing, or once its promise resolves (rejects: not kept). */
  flush(): void | Promise<void>;

  loadRoom(roomId: string): MaybePromise<SavedRoom | null>;
  loadReview(key: string): MaybePromise<unknown>;
  openRoomCodes(): MaybePromise<{ roomId: string; code: string }[]>;
  gameRecord(matchId: number): MaybePromise<GameRecord | null>;
  matchesOfRoom(roomId: string): MaybePromise<{ id: number; endedAt: number | null; winners: string | null }[]>;
  sources(matchId: number): MaybePromise<InputSource[]>;
  /** The token a match's replay was made public under, or null. */
  publicToken(matchId: number): MaybePromise<string | null>;
  /** The match a public replay's token names, or null. */
  publicMatch(token: string): MaybePromise<number | null>;
  /** A new class session with a fresh code (none `taken` reports in use) and key; the key is returned once. */
  createClass(setup: CreateClassOptions, taken: (code: string) => MaybePromise<boolean>): Promise<{ session: ClassSession; key: string }>;
  loadClass(code: string): MaybePromise<ClassSession | null>;
  close(): MaybePromise<void>;
}

/** The embedded store: today's SQLite classes, unchanged, behind the interface. */
export class SqliteStore implements Store {
  readonly kind = "sqlite";
  readonly records: Records;
  readonly classes: ClassStore;

  constructor(records: Records, classes: ClassStore) {
    this.records = records;
    this.classes = classes;
  }

  startMatch(setup: MatchSetup): number { return this.records.startMatch(setup); }
  appendInput(matchId: number, index: number, input: Input, source: InputSource, digest?: string): void {
    this.records.appendInput(matchId, index, input, source, digest);
  }
  endMatch(matchId: number, winners: string[], reason: string | null): void { this.records.endMatch(matchId, winners, reason); }
  saveRoom(room: SavedRoom): void { this.records.saveRoom(room); }
  saveClass(session: ClassSession): void { this.classes.save(session); }
  saveReview(key: string, reviews: unknown): void { this.records.saveReview(key, reviews); }
  loadReview(key: string): unknown { return this.records.loadReview(key); }
  flush(): void { this.records.flush(); }
  loadRoom(roomId: string): SavedRoom | null { return this.records.loadRoom(roomId); }
  openRoomCodes(): { roomId: string; code: string }[] { return this.records.openRoomCodes(); }
  gameRecord(matchId: number): GameRecord | null { return this.records.gameRecord(matchId); }
  matchesOfRoom(roomId: string) { return this.records.matchesOfRoom(roomId); }
  sources(matchId: number): InputSource[] { return this.records.sources(matchId); }
  makePublic(matchId: number, token: string): void { this.records.makePublic(matchId, token); }
  publicToken(matchId: number): string | null { return this.records.publicToken(matchId); }
  publicMatch(token: string): number | null { return this.records.publicMatch(token); }
  async createClass(setup: CreateClassOptions, taken: (code: string) => MaybePromise<boolean>): Promise<{ session: ClassSession; key: string }> {
    for (;;) {
      // In-process codes answer at once, inside the store's own draw; codes shared through Redis answer later,
      // and a code they report taken (one in ~10^8) leaves an unused row behind whose key nobody ever saw.
      let later: Promise<boolean> | null = null;
      const made = this.classes.create(setup, (code) => {
        const answer = taken(code);
        if (typeof answer === "boolean") return answer;
        later = answer;
        return false;
      });
      if (later === null || !(await later)) return made;
    }
  }
  loadClass(code: string): ClassSession | null { return this.classes.load(code); }
  close(): void {
    this.records.close();
    this.classes.close();
  }
}

/**
 * A request's reply, once everything the request wrote is kept: the reply itself when the store keeps writes at
 * once (SQLite), else a promise of it; a write that could not be kept turns the reply into `store-failed`.
 */
export function keptThen<R>(store: Store, reply: R, failed: () => R): R | Promise<R> {
  const kept = store.flush();
  return kept ? kept.then(() => reply, failed) : reply;
}
