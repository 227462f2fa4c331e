import { Client } from "@colyseus/sdk";
import { Agent, request } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bootServer, manualClock, type TestServer } from "../server/helpers.ts";

/*
 * What one address (and one connection) may cost the server. The limits run on a clock the test moves by hand, so
 * "later" is a number, not a wait; every test starts with full budgets by moving the clock far ahead.
 */

const clock = manualClock();
let server: TestServer;
beforeAll(async () => {
  server = await bootServer({
    now: clock.now,
    limits: {
      roomCreations: { perSecond: 0.1, burst: 4 },
      roomCreationsPerConnection: { perSecond: 0.1, burst: 2 },
      keyChecks: { perSecond: 0.1, burst: 6 },
      codeMisses: { perSecond: 0.1, burst: 6 },
    },
  });
});
afterAll(async () => { await server.close(); });
beforeEach(() => {
  clock.advance(1e9);
  server.logs.length = 0;
});

/** POST /matchmake/create/match over the given agent (a fresh connection each time when none). */
function createMatch(agent: Agent | false, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.http}/matchmake/create/match`, { method: "POST", agent, headers: { "content-type": "application/json", ...headers } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(JSON.stringify({ name: "Ana" }));
  });
}

async function status(path: string, init?: RequestInit): Promise<number> {
  return (await fetch(`${server.http}${path}`, init)).status;
}

async function newClass(): Promise<{ code: string; key: string }> {
  const res = await fetch(`${server.http}/api/class`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; key: string };
}

const open = (code: string, key: string) => status(`/api/class/${code}/open`, { method: "POST", headers: { "x-teacher-key": key } });
const debrief = (code: string, key: string) => status(`/api/class/${code}/debrief`, { headers: { "x-teacher-key": key } });

describe("creating match rooms", () => {
  it("is limited per address, refused as rate-limited, and allowed again once the budget refills", async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await createMatch(false));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 429, 429]);
    expect(answers[4]!.body).toMatch(/rate-limited/);
    // The SDK's error says so too.
    await expect(new Client(server.url).create("match", { name: "Ana" })).rejects.toThrow(/rate-limited/);
    // One line in the log for the refusals, however many.
    expect(server.logs.filter((l) => l.includes("roomCreations"))).toHaveLength(1);
    clock.advance(10_000);
    expect((await createMatch(false)).status).toBe(200);
    expect((await createMatch(false)).status).toBe(429);
  });

  it("is limited per connection too, below the address's budget", async () => {
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    const one = [];
    for (let i = 0; i < 3; i++) one.push((await createMatch(keepAlive)).status);
    keepAlive.destroy();
    expect(one).toEqual([200, 200, 429]);
    // The address still has budget for another connection.
    expect((await createMatch(false)).status).toBe(200);
  });

  it("cannot be bought afresh with a forwarded-for header", async () => {
    // Each on a fresh connection, so only the address's budget can refuse them.
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const spoofed = { "x-forwarded-for": `10.0.0.${i}`, "x-real-ip": `10.1.0.${i}`, "x-client-ip": `10.2.0.${i}`, "x-ngg-connection": String(i) };
      statuses.push((await createMatch(false, spoofed)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});

describe("teacher keys", () => {
  it("every check, over HTTP or the websocket, right or wrong, costs a token from one budget", async () => {
    const { code, key } = await newClass();
    const roomRes = await fetch(`${server.http}/api/class/${code}/open`, { method: "POST", headers: { "x-teacher-key": key } });
    expect(roomRes.status).toBe(200);
    const { roomId } = (await roomRes.json()) as { roomId: string };
    expect(await open(code, "wrong-key-1")).toBe(403);
    expect(await open(code, "wrong-key-2")).toBe(403);
    // Before the game ends only the teacher may read the debrief: a key there is checked too.
    expect(await debrief(code, "wrong-key-3")).toBe(409);
    expect(await debrief(code, "wrong-key-4")).toBe(409);
    await expect(new Client(server.url).joinById(roomId, { role: "teacher", key: "wrong-key-5" })).rejects.toThrow(/wrong-key/);
    // Six checks made: the budget is spent through every door, for the right key as well.
    await expect(new Client(server.url).joinById(roomId, { role: "teacher", key })).rejects.toThrow(/rate-limited/);
    expect(await open(code, key)).toBe(429);
    expect(await debrief(code, key)).toBe(429);
    // A student without a key is not a key check: still answered.
    expect(await status(`/api/class/${code}/debrief`)).toBe(409);
    clock.advance(10_000);
    expect(await open(code, key)).toBe(200);
  });

  it("a flood of wrong keys over the websocket writes a line or two to the log, counted, never a stack", async () => {
    const { code, key } = await newClass();
    const { roomId } = (await (await fetch(`${server.http}/api/class/${code}/open`, { method: "POST", headers: { "x-teacher-key": key } })).json()) as { roomId: string };
    for (let i = 0; i < 40; i++) {
      await expect(new Client(server.url).joinById(roomId, { role: "teacher", key: `guess-number-${i}` })).rejects.toThrow(/wrong-key|rate-limited/);
    }
    expect(server.logs.length).toBeLessThanOrEqual(3);
    expect(server.logs.some((l) => l.includes("wrong teacher key"))).toBe(true);
    for (const line of server.logs) {
      expect(line).not.toMatch(/\n|\s+at\s|\.ts:\d+/);
    }
    // After the log's window, the next refusal says how many were counted meanwhile.
    clock.advance(61_000);
    await expect(new Client(server.url).joinById(roomId, { role: "teacher", key: "one-more-guess" })).rejects.toThrow(/wrong-key/);
    expect(server.logs.at(-1)).toMatch(/wrong teacher key from .*\(and \d+ more like it/);
  });
});

describe("join codes", () => {
  it("match codes and class codes share one miss budget", async () => {
    const misses = [];
    for (let i = 0; i < 3; i++) misses.push(await status(`/api/code/QQQQQ${i}`));
    for (let i = 0; i < 3; i++) misses.push(await status(`/api/class/QQQQQ${i}`));
    expect(misses).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await status("/api/code/QQQQQQ")).toBe(429);
    expect(await status("/api/class/QQQQQQ")).toBe(429);
  });

  it("guessing match room ids or seat tickets (status, opening a saved one, a record) spends the same miss budget", async () => {
    const misses = [];
    for (let i = 0; i < 2; i++) misses.push(await status(`/api/match/nosuchroom${i}/status`));
    for (let i = 0; i < 2; i++) misses.push(await status(`/api/match/nosuchroom${i}/open`, { method: "POST" }));
    for (let i = 0; i < 2; i++) misses.push(await status(`/api/match/nosuchroom${i}/record`, { headers: { "x-seat-ticket": `guess${i}` } }));
    expect(misses).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await status("/api/match/nosuchroom/open", { method: "POST" })).toBe(429);
    expect(await status("/api/code/QQQQQQ")).toBe(429);
  });

  it("guessing public replay tokens, or a match's ticket to make its replay public, spends the same miss budget", async () => {
    const misses = [];
    for (let i = 0; i < 3; i++) misses.push(await status(`/api/replay/${"A".repeat(31)}${i}`));
    for (let i = 0; i < 3; i++) {
      misses.push(await status(`/api/match/nosuchroom${i}/replay/public`, { method: "POST", headers: { "x-seat-ticket": "guess", "content-type": "application/json" }, body: "{}" }));
    }
    expect(misses).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await status(`/api/replay/${"B".repeat(32)}`)).toBe(429);
    expect(await status("/api/code/QQQQQQ")).toBe(429);
  });
});
