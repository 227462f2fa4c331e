import { afterAll, describe, expect, it } from "vitest";
import { resumeRemoteMatch } from "../../client/net/remoteConnection.ts";
import type { GameEvent, Input } from "../../shared/engine/index.ts";
import type { InputSource } from "../../shared/host/GameHost.ts";
import { takeoverLines, TakeoverWatch } from "../../server/room/takeover.ts";
import { createRemoteMatch, memoryStore, until } from "./helpers.ts";
import { oneDatabase } from "./oneDatabase.ts";

const orders = (seat: string, round = 1): Input => ({ type: "orders", seat, orders: [], round } as unknown as Input);

describe("a bot taking over a seat, told once", () => {
  it("tells the first step of each takeover (away, timer, a seat handed mid-game), never a seat bots held from the start", () => {
    const watch = new TakeoverWatch();
    const said = (input: Input, source: InputSource, handed?: boolean) => watch.step(input, source, 1, handed)?.params ?? null;
    expect(said(orders("china"), "human")).toBeNull();
    expect(said(orders("china"), "away")).toEqual({ seat: "china", by: "away" });
    expect(said(orders("china"), "away")).toBeNull(); // still the same takeover
    expect(said(orders("china"), "human")).toBeNull(); // its player is back
    expect(said(orders("china"), "timer")).toEqual({ seat: "china", by: "timer" });
    expect(said(orders("kazakhstan"), "bot")).toBeNull(); // a bot from the start
    expect(said(orders("russia"), "bot", true)).toEqual({ seat: "russia", by: "bot" }); // handed, known live
    expect(said({ type: "close" } as Input, "timer")).toBeNull();
    // Replaying a record: a bot's step for a seat its players had acted for is a hand-over.
    const replayed = new TakeoverWatch();
    expect(replayed.step(orders("uzbekistan"), "human", 1)).toBeNull();
    expect(replayed.step(orders("uzbekistan"), "bot", 2)?.params).toEqual({ seat: "uzbekistan", by: "bot" });
  });

  it("finds a restored record's lines by step, with each step's round", () => {
    const inputs = [orders("russia"), orders("russia", 2), orders("russia", 2), orders("russia", 3)];
    const sources: InputSource[] = ["human", "timer", "timer", "human"];
    const events = (round: number): GameEvent[] => [{ kind: "x", round, visibleTo: "all", params: {} }];
    const lines = takeoverLines(inputs, sources, [events(1), events(1), events(2), [], events(3)], new TakeoverWatch());
    expect([...lines.keys()]).toEqual([2]);
    expect(lines.get(2)).toMatchObject({ kind: "botTookOver", round: 2, params: { seat: "russia", by: "timer" } });
  });
});

const servers = oneDatabase("ngg-takeover-");
afterAll(() => servers.cleanup());

describe("takeover lines after a restart", () => {
  it("a bot's takeover at the deadline is still in the log once the match is restored from its record", async () => {
    const first = await servers.start(0);
    const port = first.port;
    const url = `ws://127.0.0.1:${port}`;
    const store = memoryStore();
    const host = await createRemoteMatch(url, { name: "Ana", seat: "russia", timerSeconds: 1 }, store);
    expect(await host.send("start", {})).toEqual({ ok: true });
    await until("round 2", () => (host.view()?.round ?? 0) >= 2, 20_000);
    const before = host.events().filter((e) => e.kind === "botTookOver");
    expect(before.map((e) => e.params)).toEqual([{ seat: "russia", by: "timer" }]);
    // The bots' reasons for the orders revealed so far, as the page that saw them arrive found them.
    const reasonsOf = (events: GameEvent[]) => events.filter((e) => e.kind === "botReason").map((e) => `${e.round}|${e.params.seat}`);
    const reasons = reasonsOf(host.events());
    expect(reasons.length).toBeGreaterThan(0);
    const saved = { ...store.value! };
    await first.close();

    await servers.start(port);
    const again = memoryStore();
    again.value = saved;
    const back = (await resumeRemoteMatch(url, again))!;
    expect(back).not.toBeNull();
    await until("the restored log", () => back.events().some((e) => e.kind === "gameStarted" || e.kind === "newsDrawn" || e.round >= 1));
    const after = back.events().filter((e) => e.kind === "botTookOver");
    expect(after.map((e) => [e.round, e.params])).toEqual(before.map((e) => [e.round, e.params]));
    // The restarted server finds them again from the record for the page that comes back (it did not see them arrive).
    await until("the bots' reasons are back", () => reasonsOf(back.events()).length >= reasons.length);
    expect(reasonsOf(back.events()).slice(0, reasons.length)).toEqual(reasons);
    await back.leave();
  }, 60_000);
});
