import { afterEach, describe, expect, it } from "vitest";
import { BotThreads, type LimitTimer } from "../../server/bots/threads.ts";
import { createGame, viewFor } from "../../shared/engine/index.ts";

let threads: BotThreads | null = null;
afterEach(async () => { await threads?.close(); threads = null; });

/** The job limit's timer, fired by the test: "the limit passed" is a call, not a wait. */
function handTimer(): LimitTimer & { fire(): void; armed(): number } {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    set: (fire) => { pending.set(next, fire); return next++; },
    clear: (handle) => { pending.delete(handle as number); },
    fire: () => { for (const [handle, fire] of [...pending]) { pending.delete(handle); fire(); } },
    armed: () => pending.size,
  };
}

const settled = (p: Promise<unknown>) => {
  const state = { done: false };
  p.then(() => { state.done = true; }, () => { state.done = true; });
  return state;
};

describe("bot threads", () => {
  it("refuse a job whose thread gives no answer by the limit and put a fresh thread in its place", async () => {
    const timer = handTimer();
    threads = new BotThreads({ size: 1, limitMs: 200, timer, script: new URL("./fixtures/silentBotThread.ts", import.meta.url) });
    const view = viewFor(createGame({ mode: "powers", length: "short" }, 8), "china");
    const first = threads.run("hard", view, 1);
    const state = settled(first);
    await new Promise((r) => setImmediate(r));
    // Before the limit the job is still waiting for its thread.
    expect(timer.armed()).toBe(1);
    expect(state.done).toBe(false);
    timer.fire();
    await expect(first).rejects.toThrow(/no answer within 200 ms/);
    expect(threads.broken).toBe(false);
    // The replacement takes the next job (and, being as silent, is refused in turn rather than queued forever).
    const second = threads.run("hard", view, 2);
    expect(timer.armed()).toBe(1);
    timer.fire();
    await expect(second).rejects.toThrow(/no answer within 200 ms/);
  });

  it("answer with the real bot, and an answer clears the job's limit", async () => {
    const timer = handTimer();
    // The limit never fires here: however slow the machine, the real bot's answer is what the test waits for.
    threads = new BotThreads({ size: 1, timer });
    const view = viewFor(createGame({ mode: "powers", length: "short" }, 8), "russia");
    const decision = await threads.run("hard", view, 3);
    expect(decision?.reason).toMatchObject({ id: expect.stringMatching(/^orders\./), params: { seat: "russia" } });
    expect(timer.armed()).toBe(0);
  });
});
