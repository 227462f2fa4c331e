import { describe, expect, it } from "vitest";
import { digestState, pendingSeats, replay, RULES_VERSION, type Seat } from "../../shared/engine/index.ts";
import { GameHost } from "../../shared/host/GameHost.ts";
import { setup } from "./hostSetup.ts";

const options = { mode: "full" as const, length: "short" as const, seats: { kazakhstan: "human" as const } };

/** The human seat owes something: orders, or an answer to one of its decisions. */
const owes = (host: GameHost, seat: Seat = "kazakhstan") => pendingSeats(host.state).includes(seat);

describe("GameHost", () => {
  it("plays the bot seats until the player owes an input, recording each input with the digest of the state after it", async () => {
    const { clock, store, deps } = setup();
    const host = GameHost.start(options, 7, 0, deps);
    host.setPresence(1);
    await clock.advance(0);
    expect(owes(host)).toBe(true);
    expect(pendingSeats(host.state)).toEqual(["kazakhstan"]);
    expect(host.apply({ type: "orders", seat: "kazakhstan", orders: [] }, "human")).toEqual({ ok: true });
    await clock.advance(0);
    const record = host.gameRecord();
    expect(record.rulesVersion).toBe(RULES_VERSION);
    expect(record.inputs.length).toBeGreaterThan(1);
    expect(store.entries.map((e) => e.input)).toEqual(record.inputs);
    expect(store.entries.map((e) => e.digest)).toEqual(record.digests);
    expect(store.entries.at(-1)!.digest).toBe(digestState(host.state));
    expect(replay(record)).toEqual(host.state);
    expect(store.entries.some((e) => e.source === "bot")).toBe(true);
    host.stop();
  });

  it("a refused input changes nothing and is not recorded", async () => {
    const { clock, store, deps } = setup();
    const host = GameHost.start(options, 8, 0, deps);
    host.setPresence(1);
    await clock.advance(0);
    const before = host.state;
    const n = store.entries.length;
    const reply = host.apply({ type: "orders", seat: "kazakhstan", orders: [{ action: "no-such-action" }] }, "human");
    expect(reply.ok).toBe(false);
    expect(host.state).toBe(before);
    expect(store.entries.length).toBe(n);
    host.stop();
  });

  it("at the phase's deadline, bots answer for the seats still owing (source timer); the deadline is an absolute time", async () => {
    const { clock, store, deps } = setup();
    const host = GameHost.start(options, 9, 60_000, deps);
    host.setPresence(1);
    await clock.advance(0);
    expect(owes(host)).toBe(true);
    const round = host.state.round;
    expect(host.deadline).toBe(clock.now() + 60_000 - 0);
    expect(store.saved!.clock!.deadline).toBe(host.deadline);
    await clock.advance(59_000);
    expect(owes(host)).toBe(true);
    expect(store.entries.some((e) => e.source === "timer")).toBe(false);
    await clock.advance(1_000);
    expect(store.entries.some((e) => e.source === "timer" && e.input.type === "orders" && e.input.seat === "kazakhstan")).toBe(true);
    expect(host.state.round > round || host.state.phase !== "orders").toBe(true);
    host.stop();
  });

  it("with nobody there past the grace period, bots stop and the deadline is held with its time left until someone returns", async () => {
    const { clock, store, deps, decisions } = setup({}, ["kazakhstan", "russia"]);
    const host = GameHost.start(options, 10, 120_000, deps);
    host.setPresence(2);
    await clock.advance(0);
    expect(owes(host, "kazakhstan") && owes(host, "russia")).toBe(true);
    host.setPresence(0);
    await clock.advance(30_000);
    expect(host.away).toBe(false);
    await clock.advance(30_000);
    expect(host.away).toBe(true);
    expect(host.deadline).toBe(0);
    expect(store.saved!.clock).toMatchObject({ deadline: null, leftMs: 60_000, expired: false });
    // An hour later nothing has moved: no bot thought, no deadline fired.
    const steps = host.steps;
    const thought = decisions.count;
    await clock.advance(3_600_000);
    expect(host.steps).toBe(steps);
    expect(decisions.count).toBe(thought);
    expect(clock.pending).toBe(0);
    // Back: the deadline runs again with the minute it had left.
    host.setPresence(1);
    expect(host.deadline).toBe(clock.now() + 60_000);
    await clock.advance(60_000);
    expect(store.entries.some((e) => e.source === "timer")).toBe(true);
    host.stop();
  });

  it("a paused game waits: bots do not play, the deadline keeps its time left, and it runs again on resume", async () => {
    const { clock, store, deps } = setup();
    const host = GameHost.start(options, 11, 90_000, deps);
    host.setPresence(1);
    await clock.advance(10_000);
    host.pause();
    expect(host.held).toBe(true);
    expect(store.saved).toMatchObject({ paused: true, clock: { leftMs: 80_000, deadline: null } });
    await clock.advance(500_000);
    expect(owes(host)).toBe(true);
    host.resume();
    expect(host.deadline).toBe(clock.now() + 80_000);
    expect(host.extendTimer(20_000)).toBe(true);
    expect(host.deadline).toBe(clock.now() + 100_000);
    host.stop();
  });

  it("restored from its record and saved clock, a game is held until someone is there, then goes on where it stood", async () => {
    const first = setup();
    const host = GameHost.start(options, 12, 60_000, first.deps);
    host.setPresence(1);
    await first.clock.advance(0);
    host.apply({ type: "orders", seat: "kazakhstan", orders: [] }, "human");
    await first.clock.advance(5_000);
    const record = JSON.parse(JSON.stringify(host.gameRecord()));
    const saved = first.store.saved!;
    const state = host.state;
    host.stop(); // the process dies here

    const second = setup();
    const back = GameHost.restore(record, saved, second.deps);
    expect(back.rulesChanged).toBeNull();
    expect(back.state).toEqual(state);
    expect(back.steps).toBe(record.inputs.length);
    // A restart wakes nothing: no bot plays, no deadline runs, until someone comes back.
    await second.clock.advance(600_000);
    expect(back.steps).toBe(record.inputs.length);
    expect(second.decisions.count).toBe(0);
    back.setPresence(1);
    await second.clock.advance(0);
    expect(back.gameRecord().inputs.slice(0, record.inputs.length)).toEqual(record.inputs);
    expect(replay(back.gameRecord())).toEqual(back.state);
    back.stop();
  });

  it("a record whose digest does not match is restored read-only at the last matching step", async () => {
    const first = setup();
    const host = GameHost.start(options, 13, 0, first.deps);
    host.setPresence(1);
    for (let i = 0; i < 3; i++) {
      await first.clock.advance(0);
      if (owes(host)) {
        const open = host.state.decisions.find((d) => d.seat === "kazakhstan" && d.answer === null);
        host.apply(open ? { type: "answer", seat: "kazakhstan", decision: open.id, answer: open.defaultAnswer } : { type: "orders", seat: "kazakhstan", orders: [] }, "human");
      }
    }
    const record = host.gameRecord();
    host.stop();
    const at = Math.floor(record.inputs.length / 2);
    const tampered = { ...record, rulesVersion: "an-older-version", digests: record.digests.map((d, i) => (i === at ? "ffffffffffffffff" : d)) };
    const second = setup();
    const back = GameHost.restore(tampered, null, second.deps);
    expect(back.rulesChanged).toMatchObject({ matching: at, recordedVersion: "an-older-version" });
    expect(back.steps).toBe(at);
    expect(back.state).toEqual(replay({ ...record, inputs: record.inputs.slice(0, at) }));
    expect(back.rulesChanged!.round).toBe(back.state.round);
    back.setPresence(1);
    await second.clock.advance(600_000);
    expect(back.steps).toBe(at);
    expect(second.decisions.count).toBe(0);
    const reply = back.apply({ type: "close" }, "human");
    expect(reply).toMatchObject({ ok: false, code: "rules-changed", params: { round: back.rulesChanged!.round } });
    back.stop();
  });

  it("asynchronous play: a 24-hour deadline runs while nobody is there; the bots finish the phase when someone comes back", async () => {
    const { clock, store, deps, decisions } = setup({ deadlineRunsWhileAway: true });
    const day = 24 * 3_600_000;
    const host = GameHost.start(options, 14, day, deps);
    host.setPresence(1);
    await clock.advance(0);
    const deadline = host.deadline;
    expect(deadline).toBe(clock.now() + day);
    host.setPresence(0);
    await clock.advance(3_600_000);
    expect(host.away).toBe(true);
    // Still an absolute time, saved as such.
    expect(store.saved!.clock).toMatchObject({ deadline, expired: false });
    const thought = decisions.count;
    await clock.advance(day);
    expect(store.saved!.clock!.expired).toBe(true);
    expect(decisions.count).toBe(thought);
    expect(owes(host)).toBe(true);
    host.setPresence(1);
    await clock.advance(0);
    expect(store.entries.some((e) => e.source === "timer" && e.input.type === "orders" && e.input.seat === "kazakhstan")).toBe(true);
    host.stop();
  });

  it("a game the bots play to the end tells its store once, and nothing runs after", async () => {
    const { clock, store, deps } = setup({}, []);
    const host = GameHost.start(options, 15, 30_000, deps);
    host.setPresence(1);
    await clock.advance(0);
    expect(host.state.phase).toBe("ended");
    expect(store.endedWith).toBe(host.state);
    expect(store.saved!.clock).toBeNull();
    expect(clock.pending).toBe(0);
  });

  it("with atDeadline, the adapter plays for the seats still owing at the deadline, before any bot, and no bot takes a human seat", async () => {
    let host: GameHost | null = null;
    const calls: number[] = [];
    const { clock, store, deps } = setup({
      atDeadline: () => {
        calls.push(clock.now());
        // What a class room does: the team's draft (here: no orders) for each human seat the phase waits for.
        for (const seat of pendingSeats(host!.state).filter((s) => s === "kazakhstan")) host!.apply({ type: "orders", seat, orders: [] }, "timer");
      },
    });
    host = GameHost.start(options, 16, 30_000, deps);
    host.setPresence(1);
    await clock.advance(0);
    expect(owes(host)).toBe(true);
    expect(host.playedBy("kazakhstan")).toBe("human");
    await clock.advance(30_000);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]).toBe(clock.now());
    const timed = store.entries.filter((e) => e.source === "timer");
    expect(timed.map((e) => e.input)).toEqual([{ type: "orders", seat: "kazakhstan", orders: [] }]);
    // Even after the deadline the human seat is its players' (the adapter's) to play, never a bot's.
    expect(store.entries.some((e) => e.source === "bot" && "seat" in e.input && e.input.seat === "kazakhstan")).toBe(false);
    host.stop();
  });
});
