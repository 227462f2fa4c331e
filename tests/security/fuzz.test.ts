import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RemoteConnection } from "../../client/net/remoteConnection.ts";
import { replay } from "../../shared/engine/index.ts";
import { Messages, type Reply } from "../../shared/protocol/messages.ts";
import { autoplay, bootServer, bytesContain, createRemoteMatch, expectCoherentEnd, framesOf, joinRemoteMatch, memoryStore, tapFrames, until, type TestServer } from "../server/helpers.ts";

/*
 * Thousands of random and malformed messages from several clients in a running game. Afterwards the
 * server is up, every client is still connected, every refusal carried a code and a sentence, no
 * client received another seat's secrets, and the game plays on to its end and replays from its record.
 */

const MESSAGES = 10_000;
let server: TestServer;
beforeAll(async () => {
  tapFrames();
  // The fuzz is about validation, not pacing: the rate limit is tested elsewhere.
  server = await bootServer({ messageRate: { perSecond: 1_000_000, burst: 1_000_000 } });
});
afterAll(async () => { await server.close(); });

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["russia", "china", "kazakhstan", "west", "loan", "accept", "decline", "csto", "", "__proto__", "constructor", "<script>", "💥", "null"];
// Known types four times over, so most messages reach the room's own checks.
const KNOWN = Object.keys(Messages);
const TYPES = [...KNOWN, ...KNOWN, ...KNOWN, ...KNOWN, "hack", "", "__proto__", "constructor", "toString", "x".repeat(120), "submitorders", "start "];

function randomValue(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 2 ? 6 : 9));
  switch (k) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return Math.floor(r() * 2e6) - 1e6;
    case 3: return r() < 0.5 ? Number.MAX_SAFE_INTEGER : -0.5;
    case 4: return WORDS[Math.floor(r() * WORDS.length)];
    case 5: return "y".repeat(Math.floor(r() * 6000));
    case 6: return Array.from({ length: Math.floor(r() * 8) }, () => randomValue(r, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      const keys = ["orders", "decision", "answer", "seat", "round", "ready", "sessionId", "controller", "action", "target", "option", WORDS[Math.floor(r() * WORDS.length)]!];
      for (let i = 0; i < Math.floor(r() * 5); i++) out[keys[Math.floor(r() * keys.length)]!] = randomValue(r, depth + 1);
      return out;
    }
  }
}

/** A payload near the right shape for its type, often wrong in one detail, sometimes entirely right. */
function plausible(type: string, conn: RemoteConnection, r: () => number, others: string[]): unknown {
  const view = conn.view();
  const pick = <T,>(xs: readonly T[]): T | undefined => xs[Math.floor(r() * xs.length)];
  switch (type) {
    case "submitOrders": {
      const legal = view?.legal ?? [];
      const orders = Array.from({ length: Math.floor(r() * 4) }, () => {
        const a = pick(legal);
        if (!a || r() < 0.2) return { action: pick(WORDS) || "x", target: pick(WORDS) };
        return { action: a.action, ...(a.targets.length ? { target: r() < 0.8 ? pick(a.targets) : "xinjiang" } : {}), ...(a.options.length ? { option: pick(a.options) } : {}) };
      });
      return { orders, ...(r() < 0.5 ? { round: r() < 0.8 ? view?.round : Math.floor(r() * 12) } : {}) };
    }
    case "answer": {
      const d = pick(view?.decisions ?? []);
      return { decision: d && r() < 0.7 ? d.id : Math.floor(r() * 50) - 5, answer: d && r() < 0.7 ? pick(d.options) : pick(WORDS) };
    }
    case "claimSeat": return { seat: pick(WORDS) };
    case "setReady": return { ready: r() < 0.5 ? true : "yes" };
    case "kick": return { sessionId: pick(others) ?? "nobody" };
    case "setController": return { seat: pick(WORDS), controller: r() < 0.5 ? "bot" : "robot" };
    default: return randomValue(r);
  }
}

interface Tally { sent: number; accepted: number; refused: number; reasonless: number; failed: string[]; codes: Map<string, number> }

async function fuzzFrom(conn: RemoteConnection, count: number, seed: number, others: string[], host: boolean, tally: Tally): Promise<void> {
  const r = rng(seed);
  const room = (conn as unknown as { room: { send(t: string, p: unknown): void; request(t: string, p: unknown): Promise<unknown> } }).room;
  for (let i = 0; i < count; i++) {
    const type = TYPES[Math.floor(r() * TYPES.length)]!;
    let payload = r() < 0.6 ? plausible(type, conn, r, others) : randomValue(r);
    // The host's lobby powers would legitimately unseat or remove the other fuzzers; those payloads stay malformed.
    if (host && (type === "kick" || type === "setController")) payload = { sessionId: 12, seat: "nowhere" };
    // Giving a seat up mid-game is legitimate but ends the player's part; send it only malformed.
    if (type === "releaseSeat") payload = { leave: r() };
    tally.sent++;
    if (r() < 0.1) {
      room.send(type, payload);
      continue;
    }
    let reply: Reply;
    try {
      reply = (await room.request(type, payload)) as Reply;
    } catch (error) {
      // Every request, of a known type or not, must get the room's own reply; a framework error is a failure.
      tally.failed.push(`${type}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (reply && reply.ok === true) {
      tally.accepted++;
      continue;
    }
    tally.refused++;
    if (!reply || typeof reply.code !== "string" || !reply.code || "message" in reply) tally.reasonless++;
    else tally.codes.set(reply.code, (tally.codes.get(reply.code) ?? 0) + 1);
  }
}

describe("fuzz", () => {
  it(`survives ${MESSAGES} random and malformed messages from four clients with reasons for every refusal and no leak`, async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia", length: "short" }, memoryStore());
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, memoryStore());
    const watcher = await joinRemoteMatch(server.url, host.roomId, { name: "Cy", spectator: true }, memoryStore());
    const idle = await joinRemoteMatch(server.url, host.roomId, { name: "Di" }, memoryStore());
    // A player who stays silent through the fuzz holds the first orders phase open, so the game is still to play afterwards.
    const silent = await joinRemoteMatch(server.url, host.roomId, { name: "Ed", seat: "west" }, memoryStore());
    await until("seated", () => host.match().seats.filter((s) => s.players.length).length === 3);
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("started", () => [host, guest, watcher, idle].every((c) => c.view() !== null));
    const ticket = host.rawState.secrets.get("russia")!.ticket;

    const tally: Tally = { sent: 0, accepted: 0, refused: 0, reasonless: 0, failed: [], codes: new Map() };
    const ids = [host, guest, watcher, idle].map((c) => c.sessionId);
    await Promise.all([host, guest, watcher, idle].map((c, i) => fuzzFrom(c, MESSAGES / 4, 1000 + i, ids, i === 0, tally)));

    expect(tally.sent).toBe(MESSAGES);
    expect(tally.reasonless).toBe(0);
    expect(tally.failed).toEqual([]);
    expect(tally.refused).toBeGreaterThan(MESSAGES / 2);
    // The fuzz reached the game's own checks, not only the message schemas.
    for (const code of ["bad-input", "too-big", "spectator", "not-seated", "not-host"]) expect(tally.codes.get(code) ?? 0).toBeGreaterThan(0);
    expect([...tally.codes.keys()].some((c) => ["unknown-action", "bad-target", "wrong-phase", "stale", "over-budget", "unknown-decision", "bad-answer", "duplicate-order"].includes(c))).toBe(true);
    for (const c of [host, guest, watcher, idle, silent]) expect(c.status()).toBe("open");
    expect(host.view()!.round).toBe(1);

    // No client saw Russia's secrets.
    for (const c of [guest, watcher, idle, silent]) {
      expect(c.rawState.secrets ? [...c.rawState.secrets.keys()] : []).not.toContain("russia");
      expect(bytesContain(framesOf(c), ticket)).toBe(false);
    }

    // The game plays on to its end, and its record replays to the same result.
    const players = [host, guest, silent].map((c) => autoplay(c));
    await until("game over", () => host.view()?.phase === "ended" && guest.view()?.phase === "ended", 50_000);
    for (const p of players) p.stop();
    // Whatever course the seed gives the game: the last round played, or a rupture.
    expectCoherentEnd(host.view()!, host.events());
    const health = await fetch(`${server.http}/health`);
    expect(health.status).toBe(200);
    const recordId = (server.testing.getRoomById(host.roomId) as unknown as { recordId: number }).recordId;
    const rebuilt = replay(server.running.records.gameRecord(recordId)!);
    expect(rebuilt.winners).toEqual(host.view()!.winners);
    for (const c of [host, guest, watcher, idle, silent]) await c.leave();
  });
});
