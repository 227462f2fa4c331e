import { ColyseusTestServer } from "@colyseus/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRemoteMatch, joinRemoteMatch, type RemoteConnection, type SessionStore, type StoredSession } from "../../client/net/remoteConnection.ts";
import { decide } from "../../shared/bots/decide.ts";
import type { Reply } from "../../shared/protocol/messages.ts";
import { startServer, type RunningServer, type ServerOptions } from "../../server/main.ts";
import { testSeeds } from "./seeds.ts";

export interface TestServer {
  running: RunningServer;
  testing: ColyseusTestServer;
  url: string;
  http: string;
  dbPath: string;
  close(): Promise<void>;
}

/** A server on a free port with a temporary database. */
export async function bootServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "ngg-server-"));
  const dbPath = join(dir, "games.sqlite");
  const running = await startServer({ port: 0, dbPath, clientDir: join(dir, "no-client"), nextSeed: testSeeds(), ...options });
  const testing = new ColyseusTestServer(running.colyseus);
  return {
    running, testing, dbPath,
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

/** Polls until the condition holds (patches arrive on the server's clock, so there is nothing to await directly). */
export async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
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
