import { afterAll, describe, expect, it, vi } from "vitest";
import { closeBotThreads, decideAsync } from "../../server/bots/pool.ts";
import { applyInput, createGame, viewFor } from "../../shared/engine/index.ts";

/** Which levels were decided on this (the room's) thread: the bot threads load their own copy of the bots. */
const here = vi.hoisted(() => ({ levels: [] as string[] }));
vi.mock("../../shared/bots/decide.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../shared/bots/decide.ts")>();
  return { ...real, decide: (...args: Parameters<typeof real.decide>) => { here.levels.push(args[0]); return real.decide(...args); } };
});

afterAll(() => closeBotThreads());

describe("bot decisions for the room", () => {
  it("the hard bot thinks on a bot thread: the room's thread never runs its search, and its event loop turns meanwhile", async () => {
    const s = createGame({ mode: "powers", length: "short" }, 8);
    here.levels.length = 0;
    let turned = false;
    const pending = decideAsync("hard", viewFor(s, "china"), 3);
    setImmediate(() => { turned = true; });
    const d = await pending;
    expect(here.levels).toEqual([]);
    // Decided in place, the answer would have come before the event loop's next turn.
    expect(turned).toBe(true);
    expect(d).not.toBeNull();
    expect(applyInput(s, d!.input).ok).toBe(true);
    expect(d!.reason).toMatchObject({ id: expect.stringMatching(/^orders\./), params: { seat: "china" } });
  });

  it("the lighter levels answer in place through the same promise", async () => {
    const s = createGame({ mode: "full", length: "short" }, 8);
    here.levels.length = 0;
    for (const level of ["easy", "normal", "baseline"] as const) {
      const d = await decideAsync(level, viewFor(s, "kazakhstan"), 1);
      expect(applyInput(s, d!.input).ok).toBe(true);
    }
    expect(here.levels).toEqual(["easy", "normal", "baseline"]);
  });
});
