import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClassLink } from "../../client/classroom/net.ts";
import { TeacherMessages } from "../../shared/protocol/classroom.ts";
import { bootServer, link, newClass, secretsSeen, student, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 30 }); });
afterAll(async () => { await server.close(); });

/** A valid payload for each teacher message, so a refusal can only come from who sent it. */
const PAYLOADS: Record<keyof typeof TeacherMessages, unknown> = {
  assign: { name: "Ana", seat: "china" }, randomTeams: {}, startClass: {}, pause: {}, resume: {}, setTimer: { seconds: 60 },
  extendTimer: { seconds: 30 }, skipTimer: {}, advance: {}, setSeatController: { seat: "russia", controller: "bot" },
  rename: { name: "Ana", to: "Anna" }, remove: { name: "Ana" }, lock: { locked: true }, broadcast: { text: "hello" }, allowNewDevice: { name: "Ana" },
};

describe("teacher authority", () => {
  it("students and the projector can perform no admin action; the teacher can", async () => {
    const { code, teacher } = await newClass(server.url);
    const ana = await student(server.url, code, "Ana");
    const projector = await link({ url: server.url, code, role: "projector" });
    for (const who of [ana, projector]) {
      for (const [type, payload] of Object.entries(PAYLOADS)) {
        const reply = await who.request(type as keyof typeof TeacherMessages, payload);
        expect(reply, type).toMatchObject({ ok: false, code: "not-teacher" });
      }
    }
    // Nothing changed: Ana is unassigned, joining open, no broadcast.
    expect(teacher.state()!.locked).toBe(false);
    expect(teacher.state()!.broadcast).toBe("");
    expect(await teacher.request("assign", { name: "Ana", seat: "russia" })).toEqual({ ok: true });
    expect(await teacher.request("broadcast", { text: "Ten minutes left" })).toEqual({ ok: true });
    await until("broadcast reaches the student", () => ana.state()?.broadcast === "Ten minutes left");
    for (const l of [ana, projector, teacher]) await l.stop();
  });

  it("the wrong key opens nothing, and a client cannot create a class room itself", async () => {
    const { code, teacher } = await newClass(server.url);
    const wrong = new ClassLink({ url: server.url, code, role: "teacher", key: "not-the-key-at-all" });
    await expect(wrong.start()).rejects.toMatchObject({ code: "wrong-key" });
    // The room is live, but joining it as teacher without the key is refused by the room too.
    const roomId = teacher.current!.room.roomId;
    await expect(new Client(server.url).joinById(roomId, { role: "teacher", key: "not-the-key-at-all" })).rejects.toThrow(/wrong-key/);
    await expect(new Client(server.url).create("class", { code, pass: "guess" })).rejects.toThrow();
    await teacher.stop();
  });
});

describe("hidden information", () => {
  it("the teacher receives every seat's secret; a student only its team's; the projector none", async () => {
    const { code, teacher } = await newClass(server.url);
    const ana = await student(server.url, code, "Ana");
    const bo = await student(server.url, code, "Bo");
    const projector = await link({ url: server.url, code, role: "projector" });
    expect(await teacher.request("assign", { name: "Ana", seat: "russia" })).toEqual({ ok: true });
    expect(await teacher.request("assign", { name: "Bo", seat: "china" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("agendas dealt", () => !!ana.state()?.secrets?.get("russia")?.agenda && teacher.state()!.secrets.get("uzbekistan")?.agenda !== "");
    expect(secretsSeen(teacher).length).toBe(teacher.state()!.seats.size);
    expect(secretsSeen(ana)).toEqual(["russia"]);
    expect(secretsSeen(bo)).toEqual(["china"]);
    expect(secretsSeen(projector)).toEqual([]);
    // Moving Bo to Russia's team moves what his screen holds.
    expect(await teacher.request("assign", { name: "Bo", seat: "russia" })).toEqual({ ok: true });
    await until("Bo sees Russia", () => secretsSeen(bo).includes("russia"));
    for (const l of [ana, bo, projector, teacher]) await l.stop();
  });
});
