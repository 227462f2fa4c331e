import { afterAll, describe, expect, it } from "vitest";
import { resumeRemoteMatch, type StoredSession } from "../../client/net/remoteConnection.ts";
import { createRemoteMatch, joinRemoteMatch, memoryStore, until } from "./helpers.ts";
import { oneDatabase } from "./oneDatabase.ts";

const servers = oneDatabase("ngg-restore-");
const start = servers.start;
afterAll(() => servers.cleanup());

function pageWith(saved: StoredSession) {
  const store = memoryStore();
  store.value = { ...saved };
  return store;
}

describe("a match's lobby outlives its server", () => {
  it("seats, tickets, bot seats, the host and the join code come back before the start, and the host can start", async () => {
    const first = await start(0);
    const port = first.port;
    const url = `ws://127.0.0.1:${port}`;
    const storeA = memoryStore();
    const storeB = memoryStore();
    const ana = await createRemoteMatch(url, { name: "Ana", seat: "russia" }, storeA);
    const code = ana.match().code!;
    const bo = await joinRemoteMatch(url, code, { name: "Bo", seat: "china" }, storeB);
    expect(await ana.send("setController", { seat: "west", controller: "bot" })).toEqual({ ok: true });
    await until("the west is a bot", () => ana.match().seats.find((s) => s.seat === "west")?.controller === "bot");
    const savedA = { ...storeA.value! };
    const savedB = { ...storeB.value! };
    await first.close();

    await start(port);
    // Bo comes back first: his seat is his again by its ticket; Ana, returning to the host's seat, is the host again.
    const bo2 = (await resumeRemoteMatch(url, pageWith(savedB)))!;
    expect(bo2).not.toBeNull();
    const ana2 = (await resumeRemoteMatch(url, pageWith(savedA)))!;
    expect(ana2).not.toBeNull();
    await until("both are seated", () => ana2.match().seats.find((s) => s.seat === "china")?.players.includes("Bo") === true
      && ana2.match().you.seat === "russia");
    expect(ana2.roomId).toBe(ana.roomId);
    expect(ana2.match().started).toBe(false);
    expect(ana2.match().code).toBe(code);
    expect(ana2.match().you.host).toBe(true);
    await until("Bo sees that Ana hosts again", () => !bo2.match().you.host);
    expect(ana2.match().seats.find((s) => s.seat === "west")!.controller).toBe("bot");
    // The code finds it, and the host starts the game.
    const byCode = await fetch(`http://127.0.0.1:${port}/api/code/${code}`).then((r) => r.json()) as { roomId: string };
    expect(byCode.roomId).toBe(ana.roomId);
    expect(await ana2.send("start", {})).toEqual({ ok: true });
    await until("orders", () => ana2.view()?.phase === "orders");
    expect(ana2.view()!.seats.find((s) => s.seat === "west")).toBeDefined();
    await ana2.leave();
    await bo2.leave();
  });
});
