import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PING_SLICES, SlicedPings, type PingedSocket } from "../../server/heartbeat.ts";
import { bootServer, createRemoteMatch, joinRemoteMatch, memoryStore, until, type TestServer } from "./helpers.ts";

/*
 * Silent sockets (a lost network) are found by pings, a slice of the sockets at a time rather than all of them in
 * one turn of the event loop: each socket still once an interval, ended after two pings it did not answer.
 */

class FakeSocket implements PingedSocket {
  pingCount = 0;
  pings = 0;
  ended = false;
  readonly answers: boolean;
  constructor(answers: boolean) {
    this.answers = answers;
  }
  ping(): void {
    this.pings++;
    // A socket that answers has its count reset by the pong, as Colyseus does.
    if (this.answers) this.pingCount = 0;
  }
  terminate(): void {
    this.ended = true;
  }
}

/** A set of sockets that counts how many of them were looked at. */
class CountedSet<T> extends Set<T> {
  looked = 0;
  override values(): SetIterator<T> {
    const inner = super.values();
    const self = this;
    return Object.assign(Object.create(inner) as SetIterator<T>, {
      next() {
        const r = inner.next();
        if (!r.done) self.looked++;
        return r;
      },
    });
  }
  override [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }
}

describe("pings a slice at a time", () => {
  it("looks at only the slice it pings in a tick, not at every socket", () => {
    const sockets = new CountedSet<FakeSocket>(Array.from({ length: 3000 }, () => new FakeSocket(true)));
    const pings = new SlicedPings(sockets, 2);
    for (let tick = 0; tick < 2 * PING_SLICES; tick++) {
      sockets.looked = 0;
      pings.tick();
      expect(sockets.looked).toBeLessThanOrEqual(3000 / PING_SLICES);
    }
    expect([...sockets].every((s) => s.pings === 2)).toBe(true);
  });


  it("pings each socket once an interval, in even slices, and ends one after two unanswered pings", () => {
    const sockets = new Set<FakeSocket>(Array.from({ length: 1000 }, (_, i) => new FakeSocket(i % 100 !== 0)));
    const pings = new SlicedPings(sockets, 2);
    const interval = () => {
      const perSlice: number[] = [];
      for (let slice = 0; slice < PING_SLICES; slice++) {
        const before = [...sockets].reduce((n, s) => n + s.pings + (s.ended ? 1 : 0), 0);
        pings.tick();
        perSlice.push([...sockets].reduce((n, s) => n + s.pings + (s.ended ? 1 : 0), 0) - before);
        for (const s of sockets) if (s.ended) sockets.delete(s);
      }
      return perSlice;
    };
    const first = interval();
    // Each slice holds its share of the sockets, never all of them at once.
    expect(Math.max(...first)).toBeLessThanOrEqual(Math.ceil(1000 / PING_SLICES));
    expect(first.reduce((a, b) => a + b, 0)).toBe(1000);
    expect([...sockets].every((s) => s.pings === 1)).toBe(true);
    interval();
    expect(sockets.size).toBe(1000);
    // The third turn of a socket that answered neither ping ends it; those that answer are pinged a third time.
    interval();
    expect(sockets.size).toBe(990);
    expect([...sockets].every((s) => s.answers && s.pings === 3 && !s.ended)).toBe(true);
    // A socket that arrives later joins a slice and is pinged once an interval like the others.
    const late = new FakeSocket(true);
    sockets.add(late);
    interval();
    expect(late.pings).toBe(1);
  });
});

describe("the server's heartbeat", () => {
  let server: TestServer;
  beforeAll(async () => { server = await bootServer({ pingIntervalMs: 600 }); });
  afterAll(async () => { await server.close(); });

  it("ends a socket whose pongs stop coming within three intervals, and keeps one that answers", async () => {
    const ana = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const bo = await joinRemoteMatch(server.url, ana.roomId, { name: "Bo", seat: "china" }, memoryStore());
    const room = matchMaker.getLocalRoomById(ana.roomId) as unknown as { clients: { sessionId: string; ref: { readyState: number; removeAllListeners(event: string): void } }[] };
    const socketOf = (sessionId: string) => room.clients.find((c) => c.sessionId === sessionId)!.ref;
    const silent = socketOf(bo.sessionId);
    const answering = socketOf(ana.sessionId);
    // Bo's network goes: the server hears none of his pongs from now on.
    silent.removeAllListeners("pong");
    const from = Date.now();
    await until("the server ends Bo's socket", () => silent.readyState === 3, 5_000);
    expect(Date.now() - from).toBeLessThan(3 * 600 + 1000);
    expect(answering.readyState).toBe(1);
    expect(ana.status()).toBe("open");
    await ana.leave();
    await bo.leave().catch(() => {});
  });
});
