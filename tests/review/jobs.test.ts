import { describe, expect, it } from "vitest";
import { levelPlayer, playGame } from "../../shared/bots/play.ts";
import type { GameRecord } from "../../shared/engine/index.ts";
import { reviewRecord } from "../../shared/review/analyse.ts";
import { debriefTurningPoints, turningPointLines, TURNING_POINTS_PER_SEAT } from "../../shared/debrief/turning.ts";
import { ReviewJobs } from "../../server/review/jobs.ts";

/** The server's game reviews: a background thread, one game at a time, a bounded queue; the debrief's turning points. */
describe("review jobs", () => {
  const options = { mode: "full" as const, length: "short" as const };
  const record = (seed: number): GameRecord => ({ options, seed, inputs: playGame(options, seed, levelPlayer("normal")).inputs });
  const a = record(31);

  it("reviews a game on its own thread, the same as in-process, and keeps the result", async () => {
    const jobs = new ReviewJobs();
    expect(jobs.request("a", a, ["uzbekistan"])).toBeNull();
    expect(jobs.request("a", a, ["uzbekistan"])).toBeNull(); // not queued twice
    await jobs.settled("a");
    const reviews = jobs.request("a", a, ["uzbekistan"]);
    expect(reviews).toEqual([reviewRecord(a, "uzbekistan")]);
    const tp = debriefTurningPoints(reviews as never);
    expect(tp.status).toBe("ready");
    expect(tp.decisions.uzbekistan).toBe(reviewRecord(a, "uzbekistan").decisions.length);
    expect(tp.bySeat.uzbekistan!.length).toBeLessThanOrEqual(TURNING_POINTS_PER_SEAT);
    jobs.stop();
  }, 120_000);

  it("tells each finished review to be kept, and answers one kept from before without making it again", async () => {
    const kept: [string, unknown][] = [];
    const jobs = new ReviewJobs({ onReviewed: (key, reviews) => kept.push([key, reviews]) });
    expect(jobs.request("a", a, ["turkmenistan"])).toBeNull();
    await jobs.settled("a");
    expect(kept).toEqual([["a", [reviewRecord(a, "turkmenistan")]]]);
    jobs.stop();
    expect(jobs.knows("a")).toBe(false);
    // As after a restart: the store's copy is remembered, and the request is answered with no job started.
    jobs.remember("a", kept[0]![1] as never);
    expect(jobs.knows("a")).toBe(true);
    expect(jobs.request("a", a, ["turkmenistan"])).toEqual([reviewRecord(a, "turkmenistan")]);
    await jobs.settled("a");
    expect(kept).toHaveLength(1);
    // A failed review is not kept (a later request may succeed).
    const failing = new ReviewJobs({ script: new URL("data:text/javascript,process.exit(3)"), onReviewed: (key, reviews) => kept.push([key, reviews]) });
    failing.request("b", a, ["kazakhstan"]);
    await failing.settled("b");
    expect(failing.request("b", a, ["kazakhstan"])).toBe("failed");
    expect(kept).toHaveLength(1);
    failing.stop();
  }, 120_000);

  it("queues games one behind the other and refuses more than its queue holds", async () => {
    const jobs = new ReviewJobs({ queue: 1 });
    const b = record(32);
    expect(jobs.request("a", a, ["kazakhstan"])).toBeNull();
    expect(jobs.request("b", b, ["kazakhstan"])).toBeNull();
    expect(jobs.request("c", b, ["tajikistan"])).toBeNull();
    // "c" found no room: it was never queued, so it is settled without a result.
    await jobs.settled("c");
    await jobs.settled("a");
    await jobs.settled("b");
    expect(jobs.request("a", a, ["kazakhstan"])).not.toBeNull();
    expect(jobs.request("b", b, ["kazakhstan"])).not.toBeNull();
    expect(jobs.request("c", b, ["tajikistan"])).toBeNull(); // now queued
    jobs.stop();
    expect(jobs.request("none", b, [])).toEqual([]);
  }, 120_000);

  it("lists a seat's turning points, the costliest first, and says pending or failed", () => {
    const review = reviewRecord(a, "kazakhstan", { playouts: 40, worlds: 4, threshold: 0 });
    const lines = turningPointLines(review, 3);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < lines.length; i++) expect(lines[i - 1]!.loss).toBeGreaterThanOrEqual(lines[i]!.loss);
    expect(debriefTurningPoints(null)).toEqual({ status: "pending", bySeat: {}, decisions: {} });
    expect(debriefTurningPoints("failed").status).toBe("failed");
  });
});
