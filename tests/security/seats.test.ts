import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeRemoteMatch } from "../../client/net/remoteConnection.ts";
import { bootServer, createRemoteMatch, joinRemoteMatch, memoryStore, until, type TestServer } from "../server/helpers.ts";

/*
 * Who may take a seat once the game runs. No grace period (0 s), so a dropped player's seat passes to its bot at once
 * and the test needs no waiting.
 */

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 0 }); });
afterAll(async () => { await server.close(); });

const seatIn = (conn: { match(): { seats: { seat: string; controller: string; players: string[] }[] } }, seat: string) =>
  conn.match().seats.find((s) => s.seat === seat)!;

describe("a seat the host opens after the start", () => {
  it("can be taken by anyone: joining with that seat, or claiming it as a member", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia", bots: ["china", "uzbekistan"] }, memoryStore());
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("started", () => host.view() !== null);
    expect(await host.send("setController", { seat: "china", controller: "human" })).toEqual({ ok: true });
    expect(await host.send("setController", { seat: "uzbekistan", controller: "human" })).toEqual({ ok: true });
    // Until someone takes it, its bot goes on playing it.
    expect(seatIn(host, "china")).toMatchObject({ controller: "bot", players: [] });

    const bo = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, memoryStore());
    expect(bo.match().you.seat).toBe("china");
    await until("China is Bo's", () => seatIn(host, "china").controller === "human" && seatIn(host, "china").players[0] === "Bo");
    expect(bo.view()!.seats.find((s) => s.seat === "china")!.agenda).toBeTruthy();

    const cy = await joinRemoteMatch(server.url, host.roomId, { name: "Cy" }, memoryStore());
    expect(await cy.send("claimSeat", { seat: "uzbekistan" })).toEqual({ ok: true });
    await until("Uzbekistan is Cy's", () => seatIn(host, "uzbekistan").players[0] === "Cy");
    for (const c of [cy, bo, host]) await c.leave();
  });

  it("a seat whose player gave it up is open too; one whose player dropped out stays theirs", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const bo = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, memoryStore());
    const store = memoryStore();
    const cy = await joinRemoteMatch(server.url, host.roomId, { name: "Cy", seat: "kazakhstan" }, store);
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("started with a ticket", () => bo.view() !== null && !!store.value?.ticket);
    expect(await bo.send("releaseSeat", {})).toEqual({ ok: true });
    cy.drop();
    await until("both seats played by bots", () => seatIn(host, "china").controller === "bot" && seatIn(host, "kazakhstan").controller === "bot");
    const di = await joinRemoteMatch(server.url, host.roomId, { name: "Di", seat: "china" }, memoryStore());
    expect(di.match().you.seat).toBe("china");
    await expect(joinRemoteMatch(server.url, host.roomId, { name: "Ed", seat: "kazakhstan" }, memoryStore())).rejects.toThrow(/seat-taken.*"by":"kept"/);
    for (const c of [di, bo, host]) await c.leave();
  });
});

describe("coming back after the grace period", () => {
  it("goes straight to the seat's ticket: the server is never asked for the expired session", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const store = memoryStore();
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, store);
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("orders, with the ticket kept", () => guest.view()?.phase === "orders" && !!store.value?.ticket);
    expect(store.value!.graceSeconds).toBe(0);
    const session = guest.sessionId;
    guest.drop();
    await until("a bot stands in", () => seatIn(host, "china").controller === "bot");
    server.logs.length = 0;
    const back = (await resumeRemoteMatch(server.url, store))!;
    expect(back).not.toBeNull();
    expect(back.sessionId).not.toBe(session);
    expect(back.match().you.seat).toBe("china");
    expect(server.logs.filter((l) => /reconnection token|expired/i.test(l))).toEqual([]);
    await back.leave();
    await host.leave();
  });
});
