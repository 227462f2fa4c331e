import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReplayConnection } from "../../client/review/replayConnection.ts";
import { replay, type GameRecord } from "../../shared/engine/index.ts";
import { newClass, student } from "../classroom/helpers.ts";
import { autoplay, bootServer, createRemoteMatch, joinRemoteMatch, memoryStore, until, type TestServer } from "../server/helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 30 }); });
afterAll(async () => { await server.close(); });

const http = () => server.url.replace(/^ws/, "http");

async function publicReplay(token: string): Promise<{ status: number; body: { record?: GameRecord; code?: string } }> {
  const r = await fetch(`${http()}/api/replay/${token}`);
  return { status: r.status, body: (await r.json()) as { record?: GameRecord; code?: string } };
}

async function post(path: string, headers: Record<string, string>, body = "{}"): Promise<{ status: number; body: { token?: string; code?: string } }> {
  const r = await fetch(`${http()}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: r.status, body: (await r.json()) as { token?: string; code?: string } };
}

/** In the public view no seat's agenda shows before the game's end state; at the end every one does. */
function expectNoAgendaBeforeTheEnd(record: GameRecord): void {
  const viewer = new ReplayConnection(record, null, "spectator", () => undefined);
  for (const at of [0, Math.floor(viewer.length / 2), viewer.length - 2]) {
    viewer.go(at);
    expect(viewer.view()!.phase).not.toBe("ended");
    expect(viewer.view()!.seats.map((s) => s.agenda)).toEqual(viewer.view()!.seats.map(() => null));
  }
  viewer.go(viewer.length - 1);
  expect(viewer.view()!.phase).toBe("ended");
  expect(viewer.view()!.seats.every((s) => !!s.agenda)).toBe(true);
}

describe("public replay links", () => {
  it("an online match's host makes its finished replay public; refused to others, before the end, and to anyone before it is made public", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia", length: "short" }, memoryStore());
    const guest = await joinRemoteMatch(server.url, host.roomId, { name: "Bo", seat: "china" }, memoryStore());
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("started", () => !!host.view() && !!guest.view() && !!guest.replayAccess());
    const hostTicket = host.replayAccess()!.ticket;
    const guestTicket = guest.replayAccess()!.ticket;
    const makePublic = (ticket: string, body = "{}") => post(`/api/match/${host.roomId}/replay/public`, { "x-seat-ticket": ticket }, body);

    expect(await makePublic(hostTicket)).toMatchObject({ status: 403, body: { code: "not-over" } });
    expect(await makePublic(hostTicket, JSON.stringify({ extra: 1 }))).toMatchObject({ status: 400, body: { code: "bad-input" } });
    expect(await makePublic("")).toMatchObject({ status: 400, body: { code: "bad-input" } });
    expect(await makePublic("not-a-ticket")).toMatchObject({ status: 404, body: { code: "unknown-match" } });
    expect(await makePublic(guestTicket)).toMatchObject({ status: 403, body: { code: "not-host" } });

    const plays = [autoplay(host), autoplay(guest)];
    await until("game over", () => host.view()?.phase === "ended", 90_000);
    for (const p of plays) p.stop();
    // Still private: a token nobody was given names nothing, and a player who is not the host cannot open it.
    expect(await publicReplay("A".repeat(32))).toMatchObject({ status: 404, body: { code: "unknown-replay" } });
    expect(await makePublic(guestTicket)).toMatchObject({ status: 403, body: { code: "not-host" } });

    const made = await makePublic(hostTicket);
    expect(made.status).toBe(200);
    expect(made.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Asking again gives the same link.
    expect((await makePublic(hostTicket)).body.token).toBe(made.body.token);
    const { status, body } = await publicReplay(made.body.token!);
    expect(status).toBe(200);
    expect(replay(body.record!).winners).toEqual(host.view()!.winners);
    expectNoAgendaBeforeTheEnd(body.record!);
    expect(await publicReplay("bad token")).toMatchObject({ status: 404, body: { code: "unknown-replay" } });
    await guest.leave();
    await host.leave();
  }, 180_000);

  it("a class's teacher makes the finished game's replay public with the key; a wrong key or an unfinished game is refused", async () => {
    const { code, key, teacher } = await newClass(server.url, { mode: "powers", length: "short" });
    const ana = await student(server.url, code, "Ana");
    expect(await teacher.request("assign", { name: "Ana", seat: "china" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders", () => ana.current!.game.view()?.phase === "orders");
    const makePublic = (k: string) => post(`/api/class/${code}/replay/public`, { "x-teacher-key": k });
    expect(await makePublic(key)).toMatchObject({ status: 403, body: { code: "not-over" } });
    expect(await makePublic(`${key}x`)).toMatchObject({ status: 403, body: { code: "wrong-key" } });

    expect(await teacher.request("setSeatController", { seat: "china", controller: "bot" })).toEqual({ ok: true });
    await until("game over", () => teacher.state()!.phase === "ended", 90_000);
    expect(await makePublic(`${key}x`)).toMatchObject({ status: 403, body: { code: "wrong-key" } });
    const made = await makePublic(key);
    expect(made.status).toBe(200);
    const { status, body } = await publicReplay(made.body.token!);
    expect(status).toBe(200);
    expect(replay(body.record!).phase).toBe("ended");
    expectNoAgendaBeforeTheEnd(body.record!);
    for (const l of [ana, teacher]) await l.stop();
  }, 180_000);
});
