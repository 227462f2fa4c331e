import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeRemoteMatch } from "../../client/net/remoteConnection.ts";
import { bootServer, createRemoteMatch, joinRemoteMatch, memoryStore, until, type TestServer } from "./helpers.ts";

// A grace period long enough that the test's own pace never matters.
let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 30 }); });
afterAll(async () => { await server.close(); });

describe("reconnection within the grace period", () => {
  it("a dropped player keeps the seat through the grace period and comes back to it with the stored token", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const store = memoryStore();
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, store);
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("orders", () => guest.view()?.phase === "orders");
    const session = guest.sessionId;
    guest.drop();
    await until("seen as dropped", () => host.match().seats.find((s) => s.seat === "china")!.connected === false);
    // Still the player's seat: not played by a bot while the grace period runs.
    expect(host.match().seats.find((s) => s.seat === "china")!.controller).toBe("human");
    const back = (await resumeRemoteMatch(server.url, store))!;
    expect(back.sessionId).toBe(session);
    expect(back.match().you.seat).toBe("china");
    await until("seen as back", () => host.match().seats.find((s) => s.seat === "china")!.connected);
    expect(await back.send("submitOrders", { orders: [] })).toEqual({ ok: true });
    await back.leave();
    await host.leave();
  });

});
