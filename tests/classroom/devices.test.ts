import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClassLink } from "../../client/classroom/net.ts";
import type { MatchState } from "../../shared/protocol/state.ts";
import { bootServer, newClass, newDevice, secretsSeen, student, until, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer({ graceSeconds: 30 }); });
afterAll(async () => { await server.close(); });

function member(state: MatchState | null, name: string) {
  let found: { seat: string; connected: boolean; newDevice: string } | null = null;
  state?.members.forEach((m) => { if (m.name === name) found = { seat: m.seat, connected: m.connected, newDevice: m.newDevice }; });
  return found as { seat: string; connected: boolean; newDevice: string } | null;
}

describe("a nickname is not a key", () => {
  it("another browser cannot take a classmate's seat by typing the nickname, until the teacher allows it; the teacher sees it happen", async () => {
    const { code, teacher } = await newClass(server.url, { mode: "powers" });
    const danasLaptop = newDevice();
    let dana: ClassLink = await student(server.url, code, "Dana", danasLaptop);
    expect(await teacher.request("assign", { name: "Dana", seat: "russia" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("Dana sees Russia's secret", () => !!dana.state()?.secrets?.get("russia")?.agenda);

    // While Dana is here, and once she is gone, another browser typing her nickname (in any case) is refused.
    const intruder = newDevice();
    await expect(student(server.url, code, "Dana", intruder)).rejects.toThrow("name-taken");
    await dana.stop();
    await until("Dana is offline", () => member(teacher.state(), "Dana")?.connected === false);
    await expect(student(server.url, code, "dana", intruder)).rejects.toThrow("name-taken");
    await expect(student(server.url, code, " DANA ", intruder)).rejects.toThrow("name-taken");
    expect(teacher.state()!.members.size).toBe(1);

    // Dana's own browser gets the seat back (a refresh, the next lesson); a second tab of it is refused while she is here.
    dana = await student(server.url, code, "Dana", danasLaptop);
    await until("Dana sees Russia's secret again", () => secretsSeen(dana).includes("russia"));
    await expect(student(server.url, code, "Dana", danasLaptop)).rejects.toThrow("name-in-use");

    // Dana's laptop is flat: the teacher lets her join from a new device, and sees that on the roster.
    expect(await teacher.request("allowNewDevice", { name: "dana" })).toEqual({ ok: true });
    expect(await teacher.request("allowNewDevice", { name: "Nobody" })).toMatchObject({ ok: false, code: "unknown-student" });
    await until("the roster shows the leave", () => member(teacher.state(), "Dana")?.newDevice === "allowed");
    const danasPhone = newDevice();
    const phone = await student(server.url, code, "Dana", danasPhone);
    await until("the phone holds Russia's secret", () => secretsSeen(phone).includes("russia"));
    expect(phone.current!.game.match().you.seat).toBe("russia");
    // The laptop's screen leaves and is told why; the teacher sees the move.
    await until("the laptop is replaced", () => dana.status === "replaced");
    await until("the roster shows the move", () => member(teacher.state(), "Dana")?.newDevice === "joined" && member(teacher.state(), "Dana")?.connected === true);
    // The leave was for one join: the old laptop, or anyone else, is refused again.
    await phone.stop();
    await expect(student(server.url, code, "Dana", danasLaptop)).rejects.toThrow("name-taken");
    await expect(student(server.url, code, "Dana", intruder)).rejects.toThrow("name-taken");
    for (const l of [dana, teacher]) await l.stop();
  });

  it("nicknames are unique in a class whatever their case; a locked class refuses new nicknames by id", async () => {
    const { code, teacher } = await newClass(server.url);
    const ana = await student(server.url, code, "Ana");
    await until("Ana on the roster", () => teacher.state()!.members.size === 1);
    await expect(student(server.url, code, "ANA")).rejects.toThrow("name-taken");
    expect(await teacher.request("lock", { locked: true })).toEqual({ ok: true });
    await expect(student(server.url, code, "Bo")).rejects.toThrow("locked");
    // A join without this browser's secret is refused by its shape, before any nickname is looked at.
    await expect(student(server.url, code, "Ana", "short")).rejects.toThrow();
    // A later change reaches the teacher, and the roster still holds Ana alone.
    expect(await teacher.request("broadcast", { text: "Roster check" })).toEqual({ ok: true });
    await until("the teacher's screen caught up", () => teacher.state()!.broadcast === "Roster check");
    expect(teacher.state()!.members.size).toBe(1);
    for (const l of [ana, teacher]) await l.stop();
  });
});
