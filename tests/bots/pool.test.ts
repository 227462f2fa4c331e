import { afterAll, describe, expect, it } from "vitest";
import { closeBotThreads, decideAsync } from "../../server/bots/pool.ts";
import { applyInput, createGame, viewFor } from "../../shared/engine/index.ts";

afterAll(() => closeBotThreads());

describe("bot decisions for the room", () => {
  it("the hard bot thinks off the event loop: timers keep firing while it decides", async () => {
    const s = createGame({ mode: "powers", length: "short" }, 8);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const d = await decideAsync("hard", viewFor(s, "china"), 3);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(d).not.toBeNull();
    expect(applyInput(s, d!.input).ok).toBe(true);
    expect(d!.reason).toMatch(/^China /);
  });

  it("the lighter levels answer through the same promise", async () => {
    const s = createGame({ mode: "full", length: "short" }, 8);
    for (const level of ["easy", "normal", "baseline"] as const) {
      const d = await decideAsync(level, viewFor(s, "kazakhstan"), 1);
      expect(applyInput(s, d!.input).ok).toBe(true);
    }
  });
});
