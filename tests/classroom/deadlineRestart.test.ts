import { afterAll, describe, expect, it } from "vitest";
import { newClass, student, until, restartableServer } from "./helpers.ts";

/** The same port and database at each start, as a restarted server process would have. */
const server = restartableServer("ngg-class-deadline-");
const start = server.start;
afterAll(() => server.close());

describe("a draft played at the deadline, after a restart", () => {
  it("the reopened room's log says the draft was played, where it said so before", async () => {
    const first = await start(0);
    const url = `ws://127.0.0.1:${first.port}`;
    const { code, teacher } = await newClass(url, { mode: "powers" });
    const ana = await student(url, code, "Ana");
    expect(await teacher.request("assign", { name: "Ana", seat: "china" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    await until("orders open", () => ana.current?.game.view()?.phase === "orders");
    const view = ana.current!.game.view()!;
    const legal = view.legal.find((l) => l.targets.length > 0 && l.options.length === 0)!;
    expect(await ana.request("draft", { orders: [{ action: legal.action, target: legal.targets[0] }], round: view.round })).toEqual({ ok: true });
    expect(await teacher.request("advance", {})).toEqual({ ok: true });
    await until("the log says the draft was played", () => (teacher.state()?.log ?? []).some((entry) => entry.includes("\"draftPlayed\"")));
    // Paused, nothing moves while the server goes down: the log as the class saw it is the one to find again.
    expect(await teacher.request("pause", {})).toEqual({ ok: true });
    await until("paused", () => teacher.state()!.paused);
    const step = teacher.state()!.step;
    const log = [...teacher.state()!.log];

    await first.close();
    await until("the teacher sees the room go", () => teacher.status === "reconnecting");
    await start(first.port);
    await until("the teacher is back", () => teacher.status === "open" && teacher.state()?.step === step, 30_000);
    expect([...teacher.state()!.log]).toEqual(log);
    for (const l of [ana, teacher]) await l.stop();
  });
});
