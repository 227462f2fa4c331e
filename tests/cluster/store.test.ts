import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClassStore } from "../../server/classroom/store.ts";
import { startPostgres, type Service } from "../../server/cluster/services.ts";
import { PostgresStore } from "../../server/postgres.ts";
import { Records, type SavedRoom } from "../../server/records.ts";
import { SqliteStore, type Store } from "../../server/store.ts";
import type { Input } from "../../shared/engine/index.ts";
import type { CreateClassOptions } from "../../shared/protocol/classroom.ts";

/*
 * One suite, two stores: the embedded SQLite file and a real PostgreSQL 15 started here (initdb in a temporary
 * folder, a free port). Each store is opened twice on the same database, as two processes would: what one keeps
 * (once its flush says so) the other reads.
 */

const setup = (roomId: string) => ({ roomId, name: "Test", options: { mode: "full" as const, length: "short" as const }, seed: 7, room: { timerSeconds: 60 }, rulesVersion: "v-test" });
const classSetup: CreateClassOptions = { name: "Class 9B", mode: "full", length: "short", timerSeconds: 120, botLevel: "normal" } as CreateClassOptions;

interface Opened { a: Store; b: Store; close(): Promise<void> }

function contract(name: string, open: () => Promise<Opened>) {
  describe(`store: ${name}`, () => {
    let s: Opened;
    beforeAll(async () => { s = await open(); });
    afterAll(async () => { await s?.close(); });

    it("keeps a match's record (inputs in order, digests, rules version, sources) where another connection reads it", async () => {
      const id = s.a.startMatch(setup("room-1"));
      const other = s.a.startMatch(setup("room-1"));
      expect(other).not.toBe(id);
      const inputs: Input[] = [{ type: "close" } as Input, { type: "pass" } as unknown as Input, { type: "close" } as Input];
      inputs.forEach((input, i) => s.a.appendInput(id, i, input, i === 1 ? "bot" : "human", `d${i}`));
      await s.a.flush();
      const record = await s.b.gameRecord(id);
      expect(record).toEqual({ options: setup("").options, seed: 7, inputs, rulesVersion: "v-test", digests: ["d0", "d1", "d2"] });
      expect(await s.b.sources(id)).toEqual(["human", "bot", "human"]);
      expect(await s.b.gameRecord(other)).toEqual({ options: setup("").options, seed: 7, inputs: [], rulesVersion: "v-test", digests: [] });
      expect(await s.b.gameRecord(987654321)).toBeNull();
      s.a.endMatch(id, ["russia", "china"], "rounds");
      await s.a.flush();
      const matches = await s.b.matchesOfRoom("room-1");
      expect(matches.map((m) => m.id)).toEqual([id, other].sort((x, y) => x - y));
      expect(matches.find((m) => m.id === id)).toMatchObject({ winners: "russia,china" });
      expect(matches.find((m) => m.id === id)!.endedAt).toBeGreaterThan(0);
      expect(matches.find((m) => m.id === other)!.endedAt).toBeNull();
    });

    it("reads see every write issued before them on the same store, without an explicit flush", async () => {
      const id = s.a.startMatch(setup("room-2"));
      s.a.appendInput(id, 0, { type: "close" } as Input, "timer", "x");
      expect((await s.a.gameRecord(id))!.inputs).toHaveLength(1);
      expect(await s.a.sources(id)).toEqual(["timer"]);
    });

    it("keeps a match's public replay token (the first one given) and finds the match by it", async () => {
      const id = s.a.startMatch(setup("room-public"));
      expect(await s.b.publicToken(id)).toBeNull();
      expect(await s.b.publicMatch("t".repeat(32))).toBeNull();
      s.a.makePublic(id, "t".repeat(32));
      s.a.makePublic(id, "u".repeat(32));
      await s.a.flush();
      expect(await s.b.publicToken(id)).toBe("t".repeat(32));
      expect(await s.b.publicMatch("t".repeat(32))).toBe(id);
      expect(await s.b.publicMatch("u".repeat(32))).toBeNull();
    });

    it("keeps a game's review by its key (the latest one given) where another connection reads it", async () => {
      expect(await s.b.loadReview("class:ABC:12:v1")).toBeNull();
      s.a.saveReview("class:ABC:12:v1", [{ seat: "china", decisions: [] }]);
      s.a.saveReview("class:ABC:12:v1", [{ seat: "china", decisions: [{ index: 3 }] }]);
      await s.a.flush();
      expect(await s.b.loadReview("class:ABC:12:v1")).toEqual([{ seat: "china", decisions: [{ index: 3 }] }]);
      expect(await s.b.loadReview("class:ABC:13:v1")).toBeNull();
    });

    it("saves rooms (upsert) and lists the open ones' codes", async () => {
      const room = (roomId: string, open: boolean, code: string | null, n: number): SavedRoom => ({ roomId, kind: "match", open, code, data: { n } });
      s.a.saveRoom(room("r-open", true, "ACDEFG", 1));
      s.a.saveRoom(room("r-closed", false, "HJKMNP", 1));
      s.a.saveRoom(room("r-public", true, null, 1));
      s.a.saveRoom(room("r-open", true, "ACDEFG", 2));
      // Text that would break a statement written carelessly comes back as it went in.
      const awkward = { roomId: "r-text", kind: "match" as const, open: false, code: null, data: { text: "it's \\ \"q\" '; DROP TABLE rooms; -- $1 Қазақ 🎲\u0001" } };
      s.a.saveRoom(awkward);
      await s.a.flush();
      expect(await s.b.loadRoom("r-open")).toEqual(room("r-open", true, "ACDEFG", 2));
      expect(await s.b.loadRoom("r-text")).toEqual(awkward);
      expect(await s.b.loadRoom("r-closed")).toEqual(room("r-closed", false, "HJKMNP", 1));
      expect(await s.b.loadRoom("nope")).toBeNull();
      const codes = await s.b.openRoomCodes();
      expect(codes).toContainEqual({ roomId: "r-open", code: "ACDEFG" });
      expect(codes.map((c) => c.roomId)).not.toContain("r-closed");
      expect(codes.map((c) => c.roomId)).not.toContain("r-public");
    });

    it("creates class sessions with codes nobody holds, finds them by code as typed, and keeps their changes", async () => {
      const asked: string[] = [];
      const { session, key } = await s.a.createClass(classSetup, async (code) => { asked.push(code); return asked.length < 3; });
      expect(asked).toHaveLength(3);
      expect(session.code).toBe(asked[2]);
      expect(key.length).toBeGreaterThan(20);
      expect(session.keyHash).not.toContain(key);
      const typed = ` ${session.code.slice(0, 3).toLowerCase()}-${session.code.slice(3)} `;
      expect(await s.b.loadClass(typed)).toEqual(session);
      s.a.saveClass({ ...session, locked: true, roster: [{ name: "Dana", seat: "kazakhstan" }] });
      await s.a.flush();
      expect(await s.b.loadClass(session.code)).toMatchObject({ locked: true, roster: [{ name: "Dana", seat: "kazakhstan" }] });
      expect(await s.b.loadClass("ZZZZZZ")).toBeNull();
      const second = await s.a.createClass(classSetup, () => false);
      expect(second.session.code).not.toBe(session.code);
    });

    it("two stores on one database hand out different match ids", async () => {
      const ids = new Set<number>();
      for (let i = 0; i < 30; i++) {
        ids.add(s.a.startMatch(setup("room-ids")));
        ids.add(s.b.startMatch(setup("room-ids")));
      }
      await Promise.all([s.a.flush(), s.b.flush()]);
      expect(ids.size).toBe(60);
      expect((await s.a.matchesOfRoom("room-ids")).length).toBe(60);
    });
  });
}

contract("SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ngg-store-"));
  const path = join(dir, "games.sqlite");
  const a = new SqliteStore(new Records(path), new ClassStore(path));
  const b = new SqliteStore(new Records(path), new ClassStore(path));
  return { a, b, async close() { a.close(); b.close(); rmSync(dir, { recursive: true, force: true }); } };
});

contract("PostgreSQL", async () => {
  // No skipping: CI installs postgresql; a machine without it fails here with the package to install.
  const pg: Service = await startPostgres();
  try {
    const a = await PostgresStore.open(pg.url);
    const b = await PostgresStore.open(pg.url);
    return { a, b, async close() { await a.close(); await b.close(); await pg.stop(); } };
  } catch (error) {
    await pg.stop();
    throw error;
  }
});

describe("store: PostgreSQL, a write the database refuses", () => {
  it("fails its batch (the waiting requests are told) without taking the batch's other writes down with it", async () => {
    const pg = await startPostgres();
    const lines: string[] = [];
    try {
      const store = await PostgresStore.open(pg.url, (line) => lines.push(line));
      try {
        const id = store.startMatch(setup("room-bad"));
        store.appendInput(id, 0, { type: "close" } as Input, "human", "a");
        await store.flush();
        // The same step twice (a primary key the table refuses), between two good writes, in one batch.
        store.saveRoom({ roomId: "before", kind: "match", open: true, code: null, data: {} });
        store.appendInput(id, 0, { type: "close" } as Input, "human", "b");
        store.saveRoom({ roomId: "after", kind: "match", open: true, code: null, data: {} });
        await expect(store.flush()).rejects.toThrow(/1 of 3 writes refused/);
        expect(lines.some((l) => /refused.*duplicate key/.test(l))).toBe(true);
        expect(await store.loadRoom("before")).not.toBeNull();
        expect(await store.loadRoom("after")).not.toBeNull();
        expect((await store.gameRecord(id))!.digests).toEqual(["a"]);
        // Later writes go on as usual.
        store.appendInput(id, 1, { type: "close" } as Input, "bot", "c");
        await store.flush();
        expect((await store.gameRecord(id))!.digests).toEqual(["a", "c"]);
      } finally {
        await store.close();
      }
    } finally {
      await pg.stop();
    }
  });
});
