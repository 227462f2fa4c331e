import { afterAll, describe, expect, it } from "vitest";
import type { SeatReason } from "../../shared/protocol/classroom.ts";
import type { ClassLink } from "../../client/classroom/net.ts";
import { link, newClass, newDevice, student, until, restartableServer } from "./helpers.ts";

/*
 * The teacher's Seats tab shows beside each bot seat the reason it gave for its last orders. The class room keeps
 * those reasons in the seats' secrets, so a teacher who opens the class on a second device, or comes back after the
 * server restarted, has them at once instead of "No reason yet" until the next round. A team's seat has none, and
 * students never get a bot seat's reason.
 */

/** The same port and database at each start, as a restarted server process would have. */
const server = restartableServer("ngg-reasons-");
const start = server.start;
afterAll(() => server.close());

const reasonOf = (l: ClassLink, seat: string): SeatReason | null => {
  const json = l.state()?.secrets?.get(seat)?.reason;
  return json ? (JSON.parse(json) as SeatReason) : null;
};

describe("bots' reasons for the teacher", () => {
  it("are kept per bot seat: a second device and a restarted server show them at once; none for a team's seat or a student", async () => {
    const first = await start(0);
    const url = `ws://127.0.0.1:${first.port}`;
    const { code, key, teacher } = await newClass(url, { mode: "powers" });
    const ana = await student(url, code, "Ana");
    expect(await teacher.request("assign", { name: "Ana", seat: "russia" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders open", () => ana.current!.game.view()?.phase === "orders");
    expect(reasonOf(teacher, "china")).toBeNull();

    // Russia's team passes; round 1's orders are revealed, and China's bot has said why it gave its orders.
    expect(await ana.request("submitOrders", { orders: [], round: 1 })).toEqual({ ok: true });
    await until("China's reason", () => reasonOf(teacher, "china") !== null, 60_000);
    const china = reasonOf(teacher, "china")!;
    expect(china.round).toBe(1);
    expect(china.params).toMatchObject({ seat: "china" });
    expect(String(china.params.why)).toMatch(/^orders\./);
    // It speaks of the orders China's bot gave: one of its revealed actions, or none.
    const played = teacher.current!.game.events().filter((e) => e.kind === "actionResolved" && e.round === 1 && e.params.seat === "china").map((e) => e.params.action);
    if (played.length === 0) expect(china.params.why).toBe("orders.none");
    else if (china.params.action !== undefined) expect(played).toContain(china.params.action);
    // A team plays Russia: no reason there; Ana's screen has Russia's secret alone, without one.
    expect(reasonOf(teacher, "russia")).toBeNull();
    expect(reasonOf(ana, "russia")).toBeNull();
    expect(ana.state()!.secrets.get("china")).toBeUndefined();

    // The teacher opens the class on another device: China's reason is there with the first state.
    const tablet = await link({ url, code, role: "teacher", key });
    await until("the tablet's state", () => !!tablet.state()?.secrets?.get("china"));
    expect(reasonOf(tablet, "china")).toEqual(china);
    await tablet.stop();

    // The server goes down and comes back: the session kept the reasons.
    const port = first.port;
    await first.close();
    await until("the teacher's screen sees the room go", () => teacher.status === "reconnecting");
    await start(port);
    const after = await link({ url, code, role: "teacher", key });
    await until("the teacher back after the restart", () => !!after.state()?.secrets?.get("china"), 30_000);
    expect(reasonOf(after, "china")).toEqual(china);

    // Handed to a bot mid-game, Russia's seat gets the bot's reason once its orders are revealed; handed back to the
    // team, it has none at once (what a bot thought is not what the team does).
    expect(await after.request("setSeatController", { seat: "russia", controller: "bot" })).toEqual({ ok: true });
    await until("Russia's bot has a reason", () => reasonOf(after, "russia") !== null, 90_000);
    expect(reasonOf(after, "russia")!.params).toMatchObject({ seat: "russia" });
    expect(await after.request("setSeatController", { seat: "russia", controller: "human" })).toEqual({ ok: true });
    await until("Russia's reason cleared", () => reasonOf(after, "russia") === null);
    for (const l of [teacher, ana, after]) await l.stop();
  }, 180_000);

  it("a team's screen that comes back mid-game has the bots' reasons of the rounds before, as it had them live", async () => {
    const first = await start(0);
    const url = `ws://127.0.0.1:${first.port}`;
    const { code, teacher } = await newClass(url, { mode: "powers" });
    const device = newDevice();
    const ana = await link({ url, code, role: "student", name: "Ana", device });
    expect(await teacher.request("assign", { name: "Ana", seat: "russia" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders open", () => ana.current!.game.view()?.phase === "orders");
    const reasonsOf = (l: ClassLink) => l.current!.game.events().filter((e) => e.kind === "botReason").map((e) => `${e.round}|${e.params.seat}|${e.params.why}`);
    expect(await ana.request("submitOrders", { orders: [], round: 1 })).toEqual({ ok: true });
    await until("China's reason in Ana's log", () => reasonsOf(ana).some((r) => r.startsWith("1|china|")), 60_000);
    const live = reasonsOf(ana);
    await ana.stop();

    // Ana's page reloads (the same browser): its new connection did not see round 1's orders revealed.
    const again = await link({ url, code, role: "student", name: "Ana", device });
    await until("the reasons are back", () => reasonsOf(again).length >= live.length, 30_000);
    expect(reasonsOf(again).slice(0, live.length)).toEqual(live);
    for (const l of [teacher, again]) await l.stop();
    await first.close();
  }, 120_000);
});
