import { describe, expect, it } from "vitest";
import { LocalConnection, SOLO_STORAGE_KEY, type SoloSetup } from "../../client/net/localConnection.ts";

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
}

const setup: SoloSetup = { playerName: "Aigerim", seat: "kazakhstan", botLevel: "easy", length: "short", mode: "full", startYear: 2016, west: true };

/** Waits until the bots have nothing left to do before the player must act (or the game ends). */
async function settle(c: LocalConnection): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const v = c.view();
    if (v.phase === "ended" || v.owes) return;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error("bots did not settle");
}

describe("LocalConnection (solo game in the browser)", () => {
  it("starts with the player's seat human and every other seat a bot", () => {
    const storage = memoryStorage();
    const c = LocalConnection.start(setup, { botDelayMs: 0, storage }, 42);
    const m = c.match();
    expect(m.started).toBe(true);
    expect(m.you.seat).toBe("kazakhstan");
    expect(m.seats.filter((s) => s.controller === "human").map((s) => s.seat)).toEqual(["kazakhstan"]);
    expect(c.view().viewer).toBe("kazakhstan");
    expect(c.view().legal.length).toBeGreaterThan(0);
    void c.leave();
  });

  it("returns the engine's refusal as a reply and changes nothing", async () => {
    const c = LocalConnection.start(setup, { botDelayMs: 0, storage: null }, 7);
    await settle(c);
    const before = JSON.stringify(c.view());
    const reply = await c.send("submitOrders", { orders: [{ action: "no-such-action" }] });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.params).toMatchObject({ action: "no-such-action" });
    expect(JSON.stringify(c.view())).toBe(before);
    const lobby = await c.send("claimSeat", { seat: "china" });
    expect(lobby.ok).toBe(false);
    void c.leave();
  });

  it("lets the bots play round by round, keeps the whole log and saves the record after every input", async () => {
    const storage = memoryStorage();
    const c = LocalConnection.start(setup, { botDelayMs: 0, storage }, 99);
    let changes = 0;
    c.subscribe(() => changes++);
    await settle(c);
    const reply = await c.send("submitOrders", { orders: [] });
    expect(reply.ok).toBe(true);
    for (let i = 0; i < 50 && c.view().round < 2; i++) {
      await settle(c);
      const open = c.view().decisions.find((d) => d.seat === "kazakhstan" && d.answer === null);
      if (open) await c.send("answer", { decision: open.id, answer: open.options[0]! });
      else if (c.view().round < 2) await new Promise((r) => setTimeout(r, 0));
    }
    expect(c.view().round).toBe(2);
    expect(changes).toBeGreaterThan(1);
    const events = c.events();
    expect(events.some((e) => e.kind === "roundStarted" && e.round === 1)).toBe(true);
    expect(events.some((e) => e.kind === "roundStarted" && e.round === 2)).toBe(true);
    const saved = JSON.parse(storage.data.get(SOLO_STORAGE_KEY)!);
    expect(saved.record.inputs.length).toBe(c.gameRecord().inputs.length);

    // A refresh: the saved record replays to the same view and the same log.
    const resumed = LocalConnection.resume({ botDelayMs: 0, storage })!;
    expect(JSON.stringify(resumed.view())).toBe(JSON.stringify(c.view()));
    expect(resumed.events().length).toBe(events.length);
    void c.leave();
    void resumed.leave();
    expect(storage.data.has(SOLO_STORAGE_KEY)).toBe(false);
  });

  it("plays a whole short game when the player always passes, and forgets it once over", async () => {
    const storage = memoryStorage();
    const c = LocalConnection.start({ ...setup, seat: "russia" }, { botDelayMs: 0, storage }, 5);
    for (let i = 0; i < 500 && c.view().phase !== "ended"; i++) {
      await settle(c);
      const v = c.view();
      if (v.phase === "ended") break;
      const open = v.decisions.find((d) => d.seat === "russia" && d.answer === null);
      if (open) await c.send("answer", { decision: open.id, answer: open.defaultAnswer });
      else if (v.phase === "orders") await c.send("submitOrders", { orders: [] });
    }
    const v = c.view();
    expect(v.phase).toBe("ended");
    expect(v.round).toBe(6);
    expect(v.winners.length).toBeGreaterThan(0);
    expect(v.history.length).toBeGreaterThan(0);
    expect(storage.data.has(SOLO_STORAGE_KEY)).toBe(false);
  });

  it("ignores a corrupt save", () => {
    const storage = memoryStorage();
    storage.setItem(SOLO_STORAGE_KEY, "{not json");
    expect(LocalConnection.resume({ storage })).toBeNull();
    expect(storage.data.has(SOLO_STORAGE_KEY)).toBe(false);
  });
});

describe("a saved solo game under other rules", () => {
  async function savedGame(storage: ReturnType<typeof memoryStorage>) {
    const c = LocalConnection.start(setup, { botDelayMs: 0, storage }, 77);
    for (let i = 0; i < 40 && c.view().round < 2; i++) {
      await settle(c);
      const v = c.view();
      const open = v.decisions.find((d) => d.seat === "kazakhstan" && d.answer === null);
      if (open) await c.send("answer", { decision: open.id, answer: open.defaultAnswer });
      else if (v.phase === "orders" && v.owes) await c.send("submitOrders", { orders: [] });
    }
    await settle(c);
    return c;
  }

  it("resumes as it was when every step's digest matches", async () => {
    const storage = memoryStorage();
    const c = await savedGame(storage);
    const save = JSON.parse(storage.data.get(SOLO_STORAGE_KEY)!);
    expect(save.record.digests.length).toBe(save.record.inputs.length);
    expect(save.record.rulesVersion).toMatch(/^[0-9a-f]{16}$/);
    const resumed = LocalConnection.resume({ botDelayMs: 0, storage })!;
    expect(resumed.match().rulesChanged).toBeNull();
    expect(JSON.stringify(resumed.view())).toBe(JSON.stringify(c.view()));
    void resumed.leave();
    void c.leave();
  });

  it("stops read-only at the last matching step when a digest does not match, and refuses to go on", async () => {
    const storage = memoryStorage();
    const c = await savedGame(storage);
    const save = JSON.parse(storage.data.get(SOLO_STORAGE_KEY)!);
    const at = save.record.inputs.length - 3;
    save.record.digests[at] = "0123456789abcdef";
    save.record.rulesVersion = "an-older-version";
    void c.leave();
    // The same save opened in another page (the first game is left, so nothing else writes to it).
    const page = memoryStorage();
    page.setItem(SOLO_STORAGE_KEY, JSON.stringify(save));
    const resumed = LocalConnection.resume({ botDelayMs: 0, storage: page })!;
    const stopped = resumed.match().rulesChanged!;
    expect(stopped).not.toBeNull();
    expect(stopped.round).toBe(resumed.view().round);
    expect(resumed.gameRecord().inputs).toEqual(save.record.inputs.slice(0, at));
    // Its debrief (events and history) is there up to that step; nothing more is played.
    expect(resumed.events().length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(resumed.gameRecord().inputs.length).toBe(at);
    const reply = await resumed.send("submitOrders", { orders: [] });
    expect(reply).toMatchObject({ ok: false, code: "rules-changed" });
    // The save keeps the whole record: a refresh shows the same stopped game again.
    expect(JSON.parse(page.data.get(SOLO_STORAGE_KEY)!).record.inputs).toEqual(save.record.inputs);
    void resumed.leave();
  });
});
