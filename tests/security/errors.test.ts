import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOrigins } from "../../server/http.ts";
import { parseLimits } from "../../server/rateLimit.ts";
import { oneLine, RefusalLog } from "../../server/log.ts";
import { bootServer, manualClock, type TestServer } from "../server/helpers.ts";

/*
 * Errors say what happened and nothing more: HTTP answers `{ code, message }` (or the game's own page), never
 * Express's page with a stack and server paths; a database that cannot be opened stops the start with one sentence
 * naming the setting; cross-origin calls only from the server's own origin and ALLOWED_ORIGINS.
 */

let server: TestServer;
beforeAll(async () => { server = await bootServer({ allowedOrigins: ["https://school.example"] }); });
afterAll(async () => { await server.close(); });

const LEAKS = /\bat\s|\.ts:\d+|node_modules|\/work\/|\/tmp\/|Error:/;

async function answer(path: string, init?: RequestInit): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${server.http}${path}`, init);
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

describe("HTTP errors", () => {
  it("a broken request, an unknown route and a damaged session row answer { code } (the client words it) with nothing of the server's insides", async () => {
    const post = (body: string) => answer("/api/class", { method: "POST", headers: { "content-type": "application/json" }, body });
    const broken = await post("{ not json");
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text)).toEqual({ code: "bad-input" });
    const huge = await post(JSON.stringify({ name: "x".repeat(10_000) }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text)).toMatchObject({ code: "too-big" });
    const unknown = await answer("/api/nothing/here");
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ code: "not-found" });

    // A session row damaged on disk (as the issue found: Express showed store.ts and its line).
    const created = await post("{}");
    const { code } = JSON.parse(created.text) as { code: string };
    const db = new Database(server.dbPath);
    db.prepare("UPDATE class_sessions SET data = ? WHERE code = ?").run("{ damaged", code);
    db.close();
    server.logs.length = 0;
    const damaged = await answer(`/api/class/${code}`);
    expect(damaged.status).toBe(500);
    expect(JSON.parse(damaged.text)).toEqual({ code: "server-error" });
    for (const a of [broken, huge, unknown, damaged]) {
      expect(a.type).toMatch(/json/);
      expect(a.text).not.toMatch(LEAKS);
    }
    // The server's log has the error in one line.
    expect(server.logs).toHaveLength(1);
    expect(server.logs[0]).toMatch(/^HTTP 500 GET \/api\/class\/\w+: SyntaxError/);
  });

  it("an unknown page gets the game's own page, not Express's", async () => {
    const page = await answer("/no/such/page", { headers: { accept: "text/html" } });
    expect(page.status).toBe(404);
    expect(page.type).toMatch(/html/);
    expect(page.text).toContain("New Great Game");
    expect(page.text).not.toMatch(/Cannot GET/);
    // No words of its own: it sends the browser to the game, which says what happened in the reader's language.
    expect(page.text).toContain('url=/?error=not-found"');
    expect(page.text.replace(/<[^>]*>/g, " ").replace(/New Great Game/g, "").trim()).toBe("");
  });
});

describe("cross-origin requests", () => {
  const origin = async (path: string, from: string, method = "GET") => {
    const res = await fetch(`${server.http}${path}`, { method, headers: { origin: from, "access-control-request-method": "POST" } });
    return { allow: res.headers.get("access-control-allow-origin"), credentials: res.headers.get("access-control-allow-credentials") };
  };

  it("are allowed from the server's own origin and the configured list only, for the routes and matchmaking alike", async () => {
    for (const path of ["/api/matches", "/health", "/matchmake/create/match"]) {
      const method = path.startsWith("/matchmake") ? "OPTIONS" : "GET";
      expect(await origin(path, "https://evil.example", method), path).toEqual({ allow: null, credentials: null });
      expect((await origin(path, server.http, method)).allow, path).toBe(server.http);
      expect((await origin(path, "https://school.example", method)).allow, path).toBe("https://school.example");
    }
  });

  it("ALLOWED_ORIGINS is read as a list of origins", () => {
    expect(parseOrigins(" https://a.example/, https://b.example  http://c.example:8080")).toEqual(["https://a.example", "https://b.example", "http://c.example:8080"]);
    expect(parseOrigins(undefined)).toEqual([]);
  });

  it("LIMITS changes named budgets and refuses what it cannot read", () => {
    expect(parseLimits("roomCreations=500/50, keyChecks=3/0.5")).toEqual({ roomCreations: { burst: 500, perSecond: 50 }, keyChecks: { burst: 3, perSecond: 0.5 } });
    expect(parseLimits(undefined)).toEqual({});
    expect(() => parseLimits("rooms=5/1")).toThrow(/LIMITS: "rooms=5\/1"/);
    expect(() => parseLimits("keyChecks=0/1")).toThrow(/LIMITS/);
  });
});

describe("a database that cannot be opened", () => {
  const dir = mkdtempSync(join(tmpdir(), "ngg-db-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "damaged.sqlite"), "this is not a database, only some words in a file ".repeat(100));
  mkdirSync(join(dir, "folder.sqlite"));
  writeFileSync(join(dir, "a-file"), "");

  for (const [what, path] of [["a damaged file", "damaged.sqlite"], ["a folder", "folder.sqlite"], ["a path through a file", "a-file/games.sqlite"]]) {
    it(`(${what}) stops the server with one sentence naming DB_PATH`, async () => {
      const run = await promisify(execFile)(process.execPath, ["server/main.ts"], {
        env: { ...process.env, PORT: "0", DB_PATH: join(dir, path!) }, timeout: 30_000,
      }).then(() => ({ code: 0, stderr: "" }), (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/DB_PATH/);
      expect(lines[0]).toContain(join(dir, path!));
      expect(lines[0]).not.toMatch(/\bat\s|\.ts:\d+/);
    });
  }
});

describe("the log of refusals", () => {
  it("writes a repeated line once per window and says how many it counted", () => {
    const clock = manualClock();
    const lines: string[] = [];
    const log = new RefusalLog((l) => lines.push(l), clock.now, 60_000);
    for (let i = 0; i < 50; i++) log.note("wrong teacher key", "10.0.0.1");
    log.note("wrong teacher key", "10.0.0.2");
    expect(lines).toEqual(["refused wrong teacher key from 10.0.0.1", "refused wrong teacher key from 10.0.0.2"]);
    clock.advance(60_000);
    log.note("wrong teacher key", "10.0.0.1");
    expect(lines.at(-1)).toBe("refused wrong teacher key from 10.0.0.1 (and 49 more like it in the previous 60 s)");
    // Errors keep their first line only: no stack, no control characters.
    const error = new Error("bad thing\n    at somewhere (/srv/app/x.ts:1:2)");
    expect(oneLine(error)).toBe("Error: bad thing");
    expect(oneLine("a\u0007b")).toBe("a b");
  });
});
