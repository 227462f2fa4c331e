import { describe, expect, it } from "vitest";
import { decide, type BotDecision, type BotLevel } from "../../shared/bots/decide.ts";
import { botSeed } from "../../shared/bots/play.ts";
import { createGame, type GameView, type Seat } from "../../shared/engine/index.ts";
import type { BotThinker } from "../../client/net/botThinker.ts";
import { LocalConnection, SOLO_STORAGE_KEY, type SoloSetup } from "../../client/net/localConnection.ts";

const setup: SoloSetup = { playerName: "Aigerim", seat: "kazakhstan", botLevel: "easy", length: "short", mode: "full", startYear: 2016, west: true };

interface Ask { level: BotLevel; view: GameView; seed: number; answer(d?: BotDecision | null): void }

/** A thinker whose answers come only when the test releases them, like a worker still searching. */
function heldThinker(): { thinker: BotThinker; asks: Ask[] } {
  const asks: Ask[] = [];
  const thinker: BotThinker = {
    think: (level, view, seed) => new Promise((resolve) => {
      asks.push({ level, view, seed, answer: (d) => resolve(d === undefined ? decide(level, view, seed) : d) });
    }),
  };
  return { thinker, asks };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

async function until(what: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !what(); i++) await tick();
  expect(what()).toBe(true);
}

describe("bots thinking off the page's thread", () => {
  it("drops an answer that comes back after the player's own input, asks again and plays on", async () => {
    const { thinker, asks } = heldThinker();
    const c = LocalConnection.start(setup, { botDelayMs: 0, storage: null, thinker }, 11);
    await until(() => asks.length === 1);
    // Seeded as every host seeds its bots: by the game, the seat and the inputs so far.
    const start = createGame(c.gameRecord().options, 11);
    const first = asks[0]!.view.viewer as Seat;
    expect(asks[0]!.seed).toBe(botSeed(start, first, 0));

    // The player sends orders while the first bot still thinks.
    expect((await c.send("submitOrders", { orders: [] })).ok).toBe(true);
    expect(c.gameRecord().inputs.length).toBe(1);
    const stale = decide(asks[0]!.level, asks[0]!.view, asks[0]!.seed)!;
    expect(stale.input.type).toBe("orders");
    asks[0]!.answer(stale);
    await until(() => asks.length === 2);
    // The stale orders were not applied; the bot was asked again about the position after the player's input.
    expect(c.gameRecord().inputs).toEqual([{ type: "orders", seat: "kazakhstan", orders: [] }]);
    expect(asks[1]!.seed).toBe(botSeed(start, first, 1));
    expect(asks[1]!.view.viewer).toBe(asks[0]!.view.viewer);
    expect(asks[0]!.view.seats.find((x) => x.seat === "kazakhstan")!.submitted).toBe(false);
    expect(asks[1]!.view.seats.find((x) => x.seat === "kazakhstan")!.submitted).toBe(true);

    // Answered in time, the bots play the rest of the orders phase and the game moves on.
    for (let i = 1; i < 200 && c.view().phase === "orders"; i++) {
      await until(() => asks.length > i || c.view().phase !== "orders");
      asks[i]?.answer();
    }
    expect(c.view().phase).not.toBe("orders");
    const orders = c.gameRecord().inputs.flatMap((x) => (x.type === "orders" ? [x.seat] : []));
    expect(orders.length).toBe(c.view().seats.length);
    expect(new Set(orders).size).toBe(c.view().seats.length);
    void c.leave();
  });

  it("drops an answer that comes back after the player left, and forgets the game", async () => {
    const { thinker, asks } = heldThinker();
    const storage = memoryStorage();
    const c = LocalConnection.start(setup, { botDelayMs: 0, storage, thinker }, 12);
    await until(() => asks.length === 1);
    let changes = 0;
    c.subscribe(() => changes++);
    await c.leave();
    changes = 0;
    asks[0]!.answer();
    for (let i = 0; i < 20; i++) await tick();
    expect(c.gameRecord().inputs).toEqual([]);
    expect(changes).toBe(0);
    expect(asks.length).toBe(1);
    expect(storage.data.has(SOLO_STORAGE_KEY)).toBe(false);
  });

  it("a bot whose answer is refused passes (no orders), and the phase closes once the player has acted", async () => {
    const asked: string[] = [];
    const thinker: BotThinker = {
      async think(_level, view) {
        asked.push(String(view.viewer));
        return { input: { type: "orders", seat: view.viewer as "china", orders: [{ action: "no-such-action" }] }, reason: { id: "orders.none", params: {} } };
      },
    };
    const c = LocalConnection.start(setup, { botDelayMs: 0, storage: null, thinker }, 13);
    await until(() => asked.length >= 7);
    // Every bot seat's refused orders became a pass; the player still owes orders, so the phase waits.
    const bots = c.view().seats.map((s) => s.seat).filter((s) => s !== "kazakhstan");
    expect(c.gameRecord().inputs).toEqual(bots.map((seat) => ({ type: "orders", seat, orders: [] })));
    expect(c.view().phase).toBe("orders");
    expect((await c.send("submitOrders", { orders: [] })).ok).toBe(true);
    expect(c.view().phase).not.toBe("orders");
    void c.leave();
  });
});
