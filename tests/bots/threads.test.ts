import { afterEach, describe, expect, it } from "vitest";
import { BotThreads } from "../../server/bots/threads.ts";
import { createGame, viewFor } from "../../shared/engine/index.ts";

let threads: BotThreads | null = null;
afterEach(async () => { await threads?.close(); threads = null; });

describe("bot threads", () => {
  it("refuse a job whose thread gives no answer in time and put a fresh thread in its place", async () => {
    threads = new BotThreads({ size: 1, limitMs: 200, script: new URL("./fixtures/silentBotThread.ts", import.meta.url) });
    const view = viewFor(createGame({ mode: "powers", length: "short" }, 8), "china");
    await expect(threads.run("hard", view, 1)).rejects.toThrow(/no answer within 200 ms/);
    expect(threads.broken).toBe(false);
    // The replacement takes the next job (and, being as silent, is refused in turn rather than queued forever).
    await expect(threads.run("hard", view, 2)).rejects.toThrow(/no answer within 200 ms/);
  });

  it("answer well within the limit with the real bot", async () => {
    threads = new BotThreads({ size: 1, limitMs: 5_000 });
    const view = viewFor(createGame({ mode: "powers", length: "short" }, 8), "russia");
    const decision = await threads.run("hard", view, 3);
    expect(decision?.reason).toMatch(/^Russia /);
  });
});
