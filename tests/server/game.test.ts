import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOTS, playGame } from "../../shared/bots/play.ts";
import { replay, viewFor } from "../../shared/engine/index.ts";
import { autoplay, bootServer, createRemoteMatch, expectCoherentEnd, joinRemoteMatch, memoryStore, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer(); });
afterAll(async () => { await server.close(); });

describe("a whole match", () => {
  it("two human players and six bots play a short game to its end, and the record replays it exactly", async () => {
    const host = await createRemoteMatch(server.url, { name: "Ana", seat: "russia", length: "short" }, memoryStore());
    const code = host.match().code;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const guest = await joinRemoteMatch(server.url, code!, { name: "Bo", seat: "china" }, memoryStore());
    await until("both seated", () => host.match().seats.filter((s) => s.players.length > 0).length === 2);
    const playA = autoplay(host);
    const playB = autoplay(guest);
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("game over", () => host.view()?.phase === "ended" && guest.view()?.phase === "ended", 50_000);
    playA.stop();
    playB.stop();
    expect(playA.replies.length).toBeGreaterThan(0);
    expect([...playA.replies, ...playB.replies].every((r) => r.ok)).toBe(true);

    const view = host.view()!;
    // A match is dealt a fresh seed: it ends after its last round, or earlier if the partnership ruptures.
    expectCoherentEnd(view, host.events());
    expect(view.winners.length).toBeGreaterThan(0);

    const room = server.testing.getRoomById(host.roomId) as unknown as { recordId: number };
    const record = server.running.records.gameRecord(room.recordId)!;
    const sources = server.running.records.sources(room.recordId);
    expect(sources).toContain("human");
    expect(sources).toContain("bot");
    const rebuilt = replay(record);
    expect(rebuilt.phase).toBe("ended");
    expect(rebuilt.winners).toEqual(view.winners);
    expect(rebuilt.seats.russia!.score).toBe(view.seats.find((s) => s.seat === "russia")!.score);
    await guest.leave();
    await host.leave();
  });

  it("the end checks every match gets hold for a game the partnership ruptured, and catch one that went on after it", () => {
    // The first seed whose short game with baseline bots ruptures (a few in ten do).
    let { state } = playGame({ length: "short" }, 1, BOTS.baseline);
    for (let seed = 2; state.endReason !== "rupture" && seed <= 200; seed++) state = playGame({ length: "short" }, seed, BOTS.baseline).state;
    const view = viewFor(state, "russia");
    expect(view.endReason).toBe("rupture");
    expectCoherentEnd(view, state.log);
    const later = [...state.log, { ...state.log.at(-1)!, round: state.round + 1 }];
    expect(() => expectCoherentEnd(view, later)).toThrow();
  });
});
