import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replay, type GameRecord } from "../../shared/engine/index.ts";
import { autoplay, bootServer, createRemoteMatch, memoryStore, until, type TestServer } from "../server/helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer(); });
afterAll(async () => { await server.close(); });

/** A finished online match's record for the replay viewer: to its players alone (the seat's ticket), after the end. */
describe("online match record for the replay", () => {
  it("is refused without the seat's ticket and before the end, and replays to the game's end after it", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia", length: "short", solo: true }, memoryStore());
    await until("started", () => !!host.view());
    const access = host.replayAccess()!;
    expect(access.roomId).toBe(host.roomId);
    const ask = async (ticket: string) => {
      const r = await fetch(`${access.base}/api/match/${access.roomId}/record`, { headers: ticket ? { "x-seat-ticket": ticket } : {} });
      return { status: r.status, body: (await r.json()) as { record?: GameRecord; seat?: string; code?: string } };
    };
    expect(await ask(access.ticket)).toMatchObject({ status: 403, body: { code: "not-over" } });
    expect(await ask("")).toMatchObject({ status: 404 });
    expect(await ask(`${access.ticket.slice(0, -1)}${access.ticket.endsWith("A") ? "B" : "A"}`)).toMatchObject({ status: 404 });

    const play = autoplay(host);
    await until("game over", () => host.view()?.phase === "ended", 60_000);
    play.stop();
    const { status, body } = await ask(access.ticket);
    expect(status).toBe(200);
    expect(body.seat).toBe("russia");
    const end = replay(body.record!);
    expect(end.phase).toBe("ended");
    expect(end.winners).toEqual(host.view()!.winners);
    await host.leave();
  }, 120_000);
});
