import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RemoteConnection } from "../../client/net/remoteConnection.ts";
import { bootServer, createRemoteMatch, joinRemoteMatch, memoryStore, until, type TestServer } from "../server/helpers.ts";

/*
 * What reaches the room below the SDK's own checks: requests of types it does not know, and raw websocket frames
 * (garbage, truncated headers, undecodable payloads, oversized frames). Nothing crashes, no state changes, the other
 * players stay connected, and the log gets no stack trace.
 */

let server: TestServer;
beforeAll(async () => { server = await bootServer(); });
afterAll(async () => { await server.close(); });

interface SdkRoom {
  request(type: string | number, payload?: unknown): Promise<unknown>;
  connection: { send(data: Uint8Array): void };
}
const sdkRoom = (conn: RemoteConnection) => (conn as unknown as { room: SdkRoom }).room;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Colyseus frame codes (see @colyseus/shared-types Protocol): ROOM_DATA 13, ROOM_REQUEST 21, JOIN_ROOM 10. */
const ROOM_DATA = 13;
const ROOM_REQUEST = 21;
const JOIN_ROOM = 10;
const text = (s: string) => [0xa0 | s.length, ...Buffer.from(s)];

describe("requests and frames the room does not expect", () => {
  it("a request of an unknown type gets the room's own refused reply, and the client stays connected", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const room = sdkRoom(host);
    for (const type of ["noSuchThing", "constructor", "__proto__", "x".repeat(200), 7]) {
      const reply = await room.request(type, { any: "thing" });
      expect(reply, String(type)).toMatchObject({ ok: false, code: "bad-input" });
      // The words are the client's: the reply carries the refusal's id alone.
      expect(reply).not.toHaveProperty("message");
    }
    expect(host.status()).toBe("open");
    expect(await host.send("setReady", { ready: true })).toEqual({ ok: true });
    await host.leave();
  });

  it("raw frames crash nothing, change no state and disconnect nobody else; the log gets no stack", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, memoryStore());
    expect(await host.send("start", {})).toEqual({ ok: true });
    // Once the bots have ordered, only the two players' orders can move the game.
    await until("orders, the bots' given", () => host.view()?.phase === "orders" && guest.view()?.phase === "orders"
      && host.view()!.seats.every((s) => s.submitted === (s.seat !== "russia" && s.seat !== "china")));
    const before = { step: host.rawState.step, round: host.view()!.round, submitted: host.view()!.seats.map((s) => s.submitted) };
    server.logs.length = 0;

    const frames: number[][] = [
      [],
      [ROOM_REQUEST],
      [ROOM_REQUEST, 0xff],
      [ROOM_REQUEST, 1, ...text("submitOrders"), 0xc1],
      [ROOM_REQUEST, 2, ...text("submitOrders"), 0x81, 0xa6, ...Buffer.from("orders"), 0xc0],
      [ROOM_REQUEST, 3, 0xdb, 0xff, 0xff, 0xff, 0xff],
      [ROOM_DATA, ...text("answer"), 0xd9],
      [JOIN_ROOM],
      [31, 1, 2, 3],
      [0xff, 0xff, 0xff],
    ];
    const r = rng(31337);
    for (let i = 0; i < 200; i++) frames.push(Array.from({ length: 1 + Math.floor(r() * 300) }, () => Math.floor(r() * 256)));
    // Each attacker connection may be closed by the server on a frame it cannot read: open another and go on.
    let attacker: RemoteConnection | null = null;
    for (const frame of frames) {
      if (!attacker || attacker.status() !== "open") attacker = await joinRemoteMatch(server.url, host.roomId, { name: "Eve" }, memoryStore());
      sdkRoom(attacker).connection.send(new Uint8Array(frame));
    }
    // One frame above the transport's limit (64 KB).
    attacker = await joinRemoteMatch(server.url, host.roomId, { name: "Eve" }, memoryStore());
    sdkRoom(attacker).connection.send(new Uint8Array(70 * 1024).fill(ROOM_DATA));
    await until("the oversized frame's sender is cut off", () => attacker!.status() !== "open", 5_000);

    // The players are still there and nothing moved.
    expect(host.status()).toBe("open");
    expect(guest.status()).toBe("open");
    expect({ step: host.rawState.step, round: host.view()!.round, submitted: host.view()!.seats.map((s) => s.submitted) }).toEqual(before);
    expect((await fetch(`${server.http}/health`)).status).toBe(200);
    expect(await host.send("submitOrders", { orders: [], round: before.round })).toEqual({ ok: true });
    for (const line of server.logs) expect(line).not.toMatch(/\n|\s{2,}at\s|\.m?[jt]s:\d+/);
    await guest.leave();
    await host.leave();
  });
});
