import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameHost } from "../../shared/host/GameHost.ts";
import { bootServer, createRemoteMatch, memoryStore, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 1 }); });
afterAll(async () => { await server.close(); });

/** The game host of a live match room (the room keeps it private; tests look). */
const hostOf = (roomId: string) => (matchMaker.getLocalRoomById(roomId) as unknown as { host: GameHost | null }).host!;

describe("a game nobody is at", () => {
  it("solo matches left at once stop playing once the grace period is over, and go on when their player is back", async () => {
    const stores = [memoryStore(), memoryStore(), memoryStore()];
    const games = await Promise.all(stores.map((store, i) => createRemoteMatch(server.url, { name: `P${i}`, seat: "kazakhstan", solo: true, botLevel: "easy" }, store)));
    const ids = games.map((g) => g.roomId);
    for (const g of games) await until("started", () => g.match().started);
    expect(ids.every((id) => !hostOf(id).held)).toBe(true);
    // The players drop (a closed tab): after the grace period nobody is there, and each game is held, bots and clock.
    for (const g of games) g.drop();
    await until("every game is held", () => ids.every((id) => hostOf(id).away && hostOf(id).held), 10_000);
    const steps = ids.map((id) => hostOf(id).steps);
    // A player comes back (a refresh): that game goes on; the others stay as they were.
    const { resumeRemoteMatch } = await import("../../client/net/remoteConnection.ts");
    const back = (await resumeRemoteMatch(server.url, stores[0]))!;
    expect(back).not.toBeNull();
    await until("the first game is running again", () => !hostOf(ids[0]!).held);
    expect(hostOf(ids[1]!).steps).toBe(steps[1]);
    expect(hostOf(ids[2]!).steps).toBe(steps[2]);
    await back.leave();
  });
});
