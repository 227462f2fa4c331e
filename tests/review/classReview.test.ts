import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchDebrief } from "../../client/classroom/net.ts";
import type { Debrief } from "../../shared/debrief/build.ts";
import { replay, type GameRecord } from "../../shared/engine/index.ts";
import { classReviewKey, reviewJobs } from "../../server/review/jobs.ts";
import { bootServer, newClass, student, until, type TestServer } from "../classroom/helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 30 }); });
afterAll(async () => { reviewJobs.stop(); await server.close(); });

/** A class game's record for the replay viewer and its turning points in the debrief, with the debrief's access rule. */
describe("class game review", () => {
  it("serves the record to replay (teacher before the end, class after) and the teams' turning points once reviewed", async () => {
    const { code, key, teacher } = await newClass(server.url, { mode: "powers" });
    const ana = await student(server.url, code, "Ana");
    expect(await teacher.request("assign", { name: "Ana", seat: "china" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders", () => ana.current!.game.view()?.phase === "orders");

    const recordOf = async (withKey?: string) => {
      const response = await fetch(`${server.url.replace(/^ws/, "http")}/api/class/${code}/debrief?format=record`, { headers: withKey ? { "x-teacher-key": withKey } : {} });
      return { status: response.status, body: (await response.json()) as { record: GameRecord; teams: string[]; code?: string } };
    };
    expect(await recordOf()).toMatchObject({ status: 403, body: { code: "not-over" } });
    expect((await recordOf(key)).body.teams).toEqual(["china"]);

    expect(await teacher.request("setSeatController", { seat: "china", controller: "bot" })).toEqual({ ok: true });
    await until("game over", () => teacher.state()!.phase === "ended", 90_000);
    const { body } = await recordOf();
    expect(body.teams).toEqual(["china"]);
    expect(replay(body.record).phase).toBe("ended");

    // The debrief asks for the review; it runs in the background and the debrief says so until it is done.
    const first = (await fetchDebrief<Debrief>(server.url, code)) as Debrief;
    expect(first.turningPoints?.status).toBe("pending");
    const reviewKey = classReviewKey(code, body.record.inputs.length);
    await reviewJobs.settled(reviewKey);
    const done = (await fetchDebrief<Debrief>(server.url, code)) as Debrief;
    expect(done.turningPoints?.status).toBe("ready");
    // Kept with the record: after a restart (nothing in memory) the debrief has it at once, not made again.
    const kept = await server.running.store.loadReview(reviewKey);
    expect(Array.isArray(kept) && (kept as { seat: string }[]).map((r) => r.seat)).toEqual(["china"]);
    reviewJobs.stop();
    expect(reviewJobs.knows(reviewKey)).toBe(false);
    const again = (await fetchDebrief<Debrief>(server.url, code)) as Debrief;
    expect(again.turningPoints).toEqual(done.turningPoints);
    expect(Object.keys(done.turningPoints!.bySeat)).toEqual(["china"]);
    expect(done.turningPoints!.decisions.china).toBe(body.record.inputs.filter((i) => i.type !== "close" && i.seat === "china").length);
    for (const line of done.turningPoints!.bySeat.china!) expect(line.loss).toBeGreaterThanOrEqual(1.5);
    for (const l of [ana, teacher]) await l.stop();
  }, 240_000);
});
