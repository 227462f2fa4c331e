import { ColyseusTestServer } from "@colyseus/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRemoteMatch, joinRemoteMatch, type RemoteConnection, type SessionStore, type StoredSession } from "../../client/net/remoteConnection.ts";
import { expect } from "vitest";
import { decide } from "../../shared/bots/decide.ts";
import type { GameEvent, GameView } from "../../shared/engine/index.ts";
import { RULES } from "../../shared/engine/rules.ts";
import type { Reply } from "../../shared/protocol/messages.ts";
import { startServer, type RunningServer, type ServerOptions } from "../../server/main.ts";
import { testSeeds } from "./seeds.ts";

export interface TestServer {
  running: RunningServer;
  testing: ColyseusTestServer;
  url: string;
  http: string;
  dbPath: string;
  /** Every line the server logged (refusals, errors), instead of the test's output. */
  logs: string[];
  close(): Promise<void>;
}

/** A clock that moves only when told: for rate limits and log windows without waiting. */
export function manualClock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

/**
 * How many seats have sent their orders, as a screen shows them: in a round's orders phase, the inputs it has seen
 * (the state's public `step` labels the latest public events, not every input).
 */
export function ordersSent(state: { seats: { forEach(f: (seat: { submitted: boolean }) => void): void } }): number {
  let sent = 0;
  state.seats.forEach((seat) => { if (seat.submitted) sent++; });
  return sent;
}

/** A server on a free port with a temporary database. */
export async function bootServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "ngg-server-"));
  const dbPath = join(dir, "games.sqlite");
  const logs: string[] = [];
  const running = await startServer({ port: 0, dbPath, clientDir: join(dir, "no-client"), nextSeed: testSeeds(), log: (line) => logs.push(line), ...options });
  const testing = new ColyseusTestServer(running.colyseus);
  return {
    running, testing, dbPath, logs,
    url: `ws://127.0.0.1:${running.port}`,
    http: `http://127.0.0.1:${running.port}`,
    async close() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function memoryStore(): SessionStore & { value: StoredSession | null } {
  const store = {
    value: null as StoredSession | null,
    load: () => store.value,
    save: (s: StoredSession) => { store.value = s; },
    clear: () => { store.value = null; },
  };
  return store;
}

/**
 * Polls until the condition holds (patches arrive on the server's clock, so there is nothing to await directly).
 * Past the deadline it fails saying what it waited for, how long, and (with `observe`) what it saw last.
 */
export async function until(what: string, condition: () => boolean, timeoutMs = 30_000, observe?: () => unknown): Promise<void> {
  await eventually(what, async () => condition(), (ok) => ok, timeoutMs, observe);
}

/**
 * Asks `get` again and again until `ok` accepts its answer, and returns that answer; for conditions that must be
 * fetched (an HTTP route). Past the deadline it fails with what it waited for and the last answer it got.
 */
export async function eventually<T>(what: string, get: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000, observe?: () => unknown): Promise<T> {
  // performance.now, not Date: a test may hold Date still (restart.test.ts) and must still time out.
  const start = performance.now();
  for (;;) {
    const value = await get();
    if (ok(value)) return value;
    if (performance.now() - start > timeoutMs) {
      const seen = observe ? observe() : value;
      throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what} (last seen: ${JSON.stringify(seen)?.slice(0, 300)})`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Plays a human seat with the baseline bot's choices, sending each input as that player would. */
export function autoplay(conn: RemoteConnection): { stop(): void; replies: Reply[] } {
  const replies: Reply[] = [];
  let busy = false;
  let stopped = false;
  let lastKey = "";
  const tick = async () => {
    const view = conn.view();
    if (stopped || busy || !view || !view.owes || view.phase === "ended") return;
    const key = `${view.round}|${view.phase}|${view.decisions.map((d) => `${d.id}:${d.answer}`).join(",")}|${view.seats.find((s) => s.seat === view.viewer)?.submitted}`;
    if (key === lastKey) return;
    const choice = decide("baseline", view, view.round * 31 + view.decisions.length);
    if (!choice) return;
    busy = true;
    lastKey = key;
    const input = choice.input;
    const reply = input.type === "orders"
      ? await conn.send("submitOrders", { orders: input.orders, round: view.round })
      : input.type === "answer" ? await conn.send("answer", { decision: input.decision, answer: input.answer, round: view.round }) : { ok: true as const };
    replies.push(reply);
    busy = false;
    void tick();
  };
  const unsubscribe = conn.subscribe(() => void tick());
  void tick();
  return { stop() { stopped = true; unsubscribe(); }, replies };
}

export { createRemoteMatch, joinRemoteMatch };

import { Room as SdkRoom } from "@colyseus/sdk";

/** Every frame each SDK room received, raw: lets tests search the bytes themselves for hidden data. */
const frames = new WeakMap<object, Uint8Array[]>();
let tapped = false;
export function tapFrames(): void {
  if (tapped) return;
  tapped = true;
  const proto = SdkRoom.prototype as unknown as { onMessageCallback(event: { data: ArrayBuffer }): void };
  const original = proto.onMessageCallback;
  proto.onMessageCallback = function (this: object, event: { data: ArrayBuffer }) {
    let list = frames.get(this);
    if (!list) frames.set(this, (list = []));
    list.push(new Uint8Array(event.data).slice());
    original.call(this, event);
  };
}

export function framesOf(conn: RemoteConnection): Uint8Array[] {
  return frames.get((conn as unknown as { room: object }).room) ?? [];
}

export function bytesContain(chunks: Uint8Array[], text: string): boolean {
  const needle = Buffer.from(text, "utf8");
  return chunks.some((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength).indexOf(needle) >= 0);
}

/**
 * What a finished game must show whichever way its seed took it (TEST_SEED deals other games): exactly one end, for
 * the reason the view gives; after the last round, or at a rupture in the round it happened, with tension at the
 * rupture mark and no further round played.
 */
export function expectCoherentEnd(view: GameView, events: GameEvent[]): void {
  expect(view.phase).toBe("ended");
  const ends = events.filter((e) => e.kind === "gameEnded");
  expect(ends).toHaveLength(1);
  expect(ends[0]!.params.reason).toBe(view.endReason);
  const ruptures = events.filter((e) => e.kind === "rupture");
  if (view.endReason === "rupture") {
    expect(ruptures).toHaveLength(1);
    expect(ruptures[0]!.round).toBe(view.round);
    expect(view.global.tension).toBeGreaterThanOrEqual(RULES.ruptureAt);
  } else {
    expect(view.endReason).toBe("rounds");
    expect(ruptures).toHaveLength(0);
    expect(view.round).toBe(view.maxRounds);
  }
  expect(Math.max(...events.map((e) => e.round))).toBe(view.round);
}
