import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinCodeFrom, joinLink } from "../../client/net/remoteConnection.ts";
import { CODE_ALPHABET } from "../../server/codes.ts";
import { bootServer, createRemoteMatch, eventually, joinRemoteMatch, memoryStore, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer(); });
afterAll(async () => { await server.close(); });

async function getJson(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.http}${path}`);
  return { status: res.status, body: await res.json() };
}

describe("matches: lobby, codes, health", () => {
  it("answers health checks", async () => {
    const { status, body } = await getJson("/health");
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
  });

  it("a private match gets an unambiguous code; joining by that code (typed loosely) takes the chosen seat", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const code = host.match().code!;
    expect(code).toHaveLength(6);
    for (const ch of code) expect(CODE_ALPHABET).toContain(ch);
    const link = joinLink(code, server.http);
    expect(link).toBe(`${server.http}/?join=${code}`);
    expect(joinCodeFrom(new URL(link).search)).toBe(code);
    const { body } = await getJson(`/api/code/${code.toLowerCase()}`);
    expect(body.roomId).toBe(host.roomId);
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;
    const guest = await joinRemoteMatch(server.url, typed, { name: "Bo", seat: "kazakhstan" }, memoryStore());
    expect(guest.roomId).toBe(host.roomId);
    expect(guest.match().you.seat).toBe("kazakhstan");
    await until("host sees the guest", () => host.match().seats.find((s) => s.seat === "kazakhstan")!.players[0] === "Bo");
    // A taken seat refuses the join with a reason.
    await expect(joinRemoteMatch(server.url, code, { name: "Cy", seat: "russia" }, memoryStore())).rejects.toThrow(/taken/);
    // Private matches are not in the public lobby.
    const lobby = await getJson("/api/matches");
    expect(lobby.body.some((m: { roomId: string }) => m.roomId === host.roomId)).toBe(false);
    await guest.leave();
    await host.leave();
  });

  it("an unknown code is a 404 with a reason, and guessing codes is rate-limited", async () => {
    const first = await getJson("/api/code/QQQQQQ");
    expect(first.status).toBe(404);
    expect(first.body).toEqual({ code: "unknown-code" });
    let limited = 0;
    for (let i = 0; i < 20; i++) if ((await getJson("/api/code/QQQQQQ")).status === 429) limited++;
    expect(limited).toBeGreaterThan(0);
    // While refused, even a right code is refused: guessing cannot go on.
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    expect((await getJson(`/api/code/${host.match().code}`)).status).toBe(429);
    await host.leave();
  });

  it("public matches are listed with mode and free seats until they start", async () => {
    const host = await createRemoteMatch(server.url, { name: "Open table", seat: "china", public: true, mode: "powers" }, memoryStore());
    expect(host.match().code).toBeNull();
    const listed = async () => ((await getJson("/api/matches")).body as any[]).find((m) => m.roomId === host.roomId);
    // The lobby's listing is updated as the room changes: poll the route until it shows what the room now is.
    let entry = await eventually("the match listed", listed, (e) => !!e, 5_000);
    expect(entry).toMatchObject({ name: "Open table", mode: "powers", seatsFree: 1 });
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "russia" }, memoryStore());
    entry = await eventually("the listing shows no free seat", listed, (e) => e?.seatsFree === 0, 5_000);
    expect(entry.seatsFree).toBe(0);
    expect(await host.send("start", {})).toEqual({ ok: true });
    entry = await eventually("the started match gone from the lobby", listed, (e) => e === undefined, 5_000);
    expect(entry).toBeUndefined();
    await guest.leave();
    await host.leave();
  });

  it("the host runs the lobby: moves a seat to a bot, kicks, and starts with empty seats played by bots", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia" }, memoryStore());
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, memoryStore());
    const other = await joinRemoteMatch(server.url, host.roomId, { name: "Cy", seat: "uzbekistan" }, memoryStore());
    await until("all seated", () => host.match().seats.filter((s) => s.players.length).length === 3);
    expect(await guest.send("start", {})).toMatchObject({ ok: false, code: "not-host" });
    expect(await guest.send("setController", { seat: "russia", controller: "bot" })).toMatchObject({ ok: false, code: "not-host" });
    expect(await host.send("setController", { seat: "china", controller: "bot" })).toEqual({ ok: true });
    await until("guest unseated", () => guest.match().you.seat === null);
    expect(host.match().seats.find((s) => s.seat === "china")).toMatchObject({ controller: "bot", players: [] });
    expect(await guest.send("claimSeat", { seat: "china" })).toMatchObject({ ok: false, code: "seat-taken" });
    expect(await guest.send("claimSeat", { seat: "west" })).toEqual({ ok: true });
    const otherId = other.sessionId;
    // The host's lobby names who sits where by connection, which is what its remove button sends.
    expect(host.match().seats.find((s) => s.seat === "uzbekistan")).toMatchObject({ players: ["Cy"], playerIds: [otherId] });
    expect(await host.send("kick", { sessionId: otherId })).toEqual({ ok: true });
    await until("kicked player gone", () => other.status() === "closed" && host.match().seats.find((s) => s.seat === "uzbekistan")!.players.length === 0);
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("started", () => host.view() !== null && guest.view() !== null);
    const controllers = Object.fromEntries(host.match().seats.map((s) => [s.seat, s.controller]));
    expect(controllers).toMatchObject({ russia: "human", west: "human", china: "bot", uzbekistan: "bot", kazakhstan: "bot" });
    expect(await host.send("start", {})).toMatchObject({ ok: false, code: "already-started" });
    await guest.leave();
    await host.leave();
  });
});
