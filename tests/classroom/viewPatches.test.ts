import { Protocol } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClassLink } from "../../client/classroom/net.ts";
import { framesOf } from "../server/helpers.ts";
import type { RemoteConnection } from "../../client/net/remoteConnection.ts";
import { bootServer, link, newClass, student, tapFrames, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { tapFrames(); server = await bootServer({ graceSeconds: 30 }); });
afterAll(async () => { await server.close(); });

/** The state patches a screen has received so far. */
function patches(l: ClassLink): number {
  return framesOf(l.current as unknown as RemoteConnection).filter((f) => f[0] === Protocol.ROOM_STATE_PATCH).length;
}

describe("patches only for what a screen may see", () => {
  it("a team's draft reaches its team and the teacher; another team and the projector get no frame at all", async () => {
    const { code, teacher } = await newClass(server.url, { mode: "powers" });
    const ana = await student(server.url, code, "Ana");
    const cy = await student(server.url, code, "Cy");
    const bo = await student(server.url, code, "Bo");
    const projector = await link({ url: server.url, code, role: "projector" });
    expect(await teacher.request("assign", { name: "Ana", seat: "russia" })).toEqual({ ok: true });
    expect(await teacher.request("assign", { name: "Cy", seat: "russia" })).toEqual({ ok: true });
    expect(await teacher.request("assign", { name: "Bo", seat: "china" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    // The bots' orders change what everyone sees: wait until every seat without a team has submitted.
    await until("the bots' orders are in", () => {
      const state = teacher.state();
      if (state?.phase !== "orders") return false;
      let done = true;
      state.seats.forEach((s, seat) => { if (seat !== "russia" && seat !== "china" && !s.submitted) done = false; });
      return done;
    });
    const round = teacher.state()!.round;
    const before = { bo: patches(bo), projector: patches(projector), cy: patches(cy) };

    expect(await ana.request("draft", { orders: [], round })).toEqual({ ok: true });
    await until("Russia's team and the teacher see the draft", () => !!cy.state()?.secrets?.get("russia")?.draft && !!teacher.state()?.secrets?.get("russia")?.draft);
    expect(patches(cy)).toBeGreaterThan(before.cy);
    // Anything the server wrote Bo or the projector with the draft came before the reply to a request sent after it.
    expect(await bo.request("draft", { orders: [], round: round + 5 })).toMatchObject({ ok: false });
    expect(await projector.request("draft", { orders: [], round })).toMatchObject({ ok: false });
    expect(patches(bo)).toBe(before.bo);
    expect(patches(projector)).toBe(before.projector);
    for (const l of [ana, cy, bo, projector, teacher]) await l.stop();
  });
});
