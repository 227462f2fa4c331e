import { describe, expect, it } from "vitest";
import { openAcrossProcesses, type OpeningClaim } from "../../server/openOnce.ts";

/*
 * Opening a saved room once across processes. The other process is played by the fakes: what the shared look-up
 * answers at each call, and whether the claim is free. No real waiting: the helper's sleep is replaced.
 */

/** Answers from a script: the look-up's answer at each call (the last one repeats). */
function lookups(...answers: (string | null)[]) {
  let calls = 0;
  return { live: async () => answers[Math.min(calls++, answers.length - 1)] ?? null, calls: () => calls };
}

function claimOf(free: boolean) {
  const log: string[] = [];
  const claim: OpeningClaim = { take: async () => { log.push("take"); return free; }, release: async () => { log.push("release"); } };
  return { claim, log };
}

const noWait = async () => {};

describe("opening a saved room once across processes", () => {
  it("opens the room here when the claim is free and no process has it, then lets the claim go", async () => {
    const { claim, log } = claimOf(true);
    let opened = 0;
    const id = await openAcrossProcesses({ key: "room-1", ...lookups(null), open: async () => { opened++; return "here"; }, claim, sleep: noWait });
    expect(id).toBe("here");
    expect(opened).toBe(1);
    expect(log).toEqual(["take", "release"]);
  });

  it("waits for the process holding the claim and answers with its room, opening none", async () => {
    const { claim } = claimOf(false);
    const seen = lookups(null, null, null, "there");
    let opened = 0;
    const id = await openAcrossProcesses({ key: "room-2", ...seen, open: async () => { opened++; return "here"; }, claim, sleep: noWait });
    expect(id).toBe("there");
    expect(opened).toBe(0);
    expect(seen.calls()).toBe(4);
  });

  it("gives up with an error when the other process never finishes, still opening none", async () => {
    const { claim } = claimOf(false);
    let opened = 0;
    await expect(openAcrossProcesses({ key: "room-3", ...lookups(null), open: async () => { opened++; return "here"; }, claim, waitMs: 1000, pollMs: 100, sleep: noWait }))
      .rejects.toThrow("did not finish");
    expect(opened).toBe(0);
  });

  it("looks again after taking the claim: a room published between the first look and the claim is answered, not opened twice", async () => {
    const { claim, log } = claimOf(true);
    let opened = 0;
    const id = await openAcrossProcesses({ key: "room-4", ...lookups(null, "there"), open: async () => { opened++; return "here"; }, claim, sleep: noWait });
    expect(id).toBe("there");
    expect(opened).toBe(0);
    expect(log).toEqual(["take", "release"]);
  });

  it("lets the claim go when opening fails, so another request may try", async () => {
    const { claim, log } = claimOf(true);
    await expect(openAcrossProcesses({ key: "room-5", ...lookups(null), open: async () => { throw new Error("store down"); }, claim, sleep: noWait })).rejects.toThrow("store down");
    expect(log).toEqual(["take", "release"]);
  });

  it("with one process (no claim) opens at once after one look", async () => {
    const seen = lookups(null);
    expect(await openAcrossProcesses({ key: "room-6", ...seen, open: async () => "here", sleep: noWait })).toBe("here");
    expect(seen.calls()).toBe(1);
  });

  it("requests in one process for the same room share one opening", async () => {
    const { claim, log } = claimOf(true);
    let opened = 0;
    const how = { key: "shared-room", ...lookups(null), open: async () => { opened++; return "here"; }, claim, sleep: noWait };
    expect(await Promise.all([openAcrossProcesses(how), openAcrossProcesses(how)])).toEqual(["here", "here"]);
    expect(opened).toBe(1);
    expect(log).toEqual(["take", "release"]);
  });
});
