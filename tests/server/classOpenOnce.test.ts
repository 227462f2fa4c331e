import { afterEach, describe, expect, it } from "vitest";
import { openOnce, setClassStore, type ClassRooms } from "../../server/classroom/live.ts";
import type { OpeningClaim } from "../../server/openOnce.ts";

/*
 * Several processes open a class session's room through one shared map (Redis when scaled). These fakes play the
 * other process's moves at chosen points, so each interleaving is tested without timing.
 */

/** A shared map whose other process publishes its room and lets its claim go right after our first look-up. */
function otherProcessFinishesBetweenLookupAndClaim(): ClassRooms & { claims: number; claimFor(key: string): OpeningClaim } {
  let room: string | null = null;
  let looks = 0;
  const shared: ClassRooms & { claims: number; claimFor(key: string): OpeningClaim } = {
    claims: 0,
    get() {
      looks++;
      const seen = room;
      if (looks === 1) room = "room-of-process-1"; // published (and its claim released) just after we looked
      return seen;
    },
    set(_code: string, roomId: string) { room = roomId; },
    clear() { room = null; },
    claimFor: () => ({ take: async () => { shared.claims++; return true; }, release: async () => { /* nothing held */ } }),
  };
  return shared;
}

afterEach(() => setClassStore(null));

describe("opening a class session's room once across processes", () => {
  it("finds the room another process published between the look-up and the claim, instead of opening a second", async () => {
    const shared = otherProcessFinishesBetweenLookupAndClaim();
    setClassStore(null, shared, async () => true);
    let opened = 0;
    const roomId = await openOnce("ABCD", async () => { opened++; return "room-of-process-2"; }, shared.claimFor);
    expect(roomId).toBe("room-of-process-1");
    expect(opened).toBe(0);
    expect(shared.claims).toBe(1);
  });

  it("opens the room when no process has one, and publishes it", async () => {
    let room: string | null = null;
    let released = 0;
    setClassStore(null, {
      get: () => room,
      set: (_c, id) => { room = id; },
      clear: () => { room = null; },
    }, async () => true);
    const roomId = await openOnce("ABCD", async () => "fresh", () => ({ take: async () => true, release: async () => { released++; } }));
    expect(roomId).toBe("fresh");
    expect(room).toBe("fresh");
    expect(released).toBe(1);
  });

  it("a published room whose process is gone is opened again here", async () => {
    let room: string | null = "dead-room";
    setClassStore(null, {
      get: () => room,
      set: (_c, id) => { room = id; },
      clear: () => { room = null; },
    }, async (id) => id !== "dead-room");
    expect(await openOnce("ABCD", async () => "reopened", () => ({ take: async () => true, release: async () => {} }))).toBe("reopened");
    expect(room).toBe("reopened");
  });
});
