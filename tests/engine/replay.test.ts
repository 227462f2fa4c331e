import { describe, expect, it } from "vitest";
import { applyInput, createGame, digestState, replay, replaySteps, RULES_VERSION, verifyRecord, type GameRecord, type GameState } from "../../shared/engine/index.ts";
import { BOTS, playGame } from "../../shared/bots/play.ts";

/** A record as it would come back from storage: through JSON, sharing nothing with the game that made it. */
const stored = (record: GameRecord): GameRecord => JSON.parse(JSON.stringify(record));

describe("determinism and replay", () => {
  it.each([
    { mode: "full", length: "standard", seed: 11, bot: "baseline" },
    { mode: "full", length: "short", seed: 12, bot: "random" },
    { mode: "powers", length: "standard", seed: 13, bot: "random" },
    { mode: "full", length: "standard", seed: 14, bot: "random" },
  ] as const)("a recorded $mode $length game ($bot bots, seed $seed) replays to the identical final state", ({ mode, length, seed, bot }) => {
    const options = { mode, length };
    const { state, inputs } = playGame(options, seed, BOTS[bot]);
    expect(state.phase).toBe("ended");
    const again = replay(stored({ options, seed, inputs }));
    expect(again).toEqual(state);
  });

  it("every intermediate state of a replay matches the original game, step by step", () => {
    const options = { mode: "full" as const, length: "short" as const };
    const { inputs } = playGame(options, 21, BOTS.random);
    let a: GameState = createGame(options, 21);
    let b: GameState = createGame(options, 21);
    for (const input of stored({ options, seed: 21, inputs }).inputs) {
      const ra = applyInput(a, input);
      const rb = applyInput(b, input);
      expect(ra.ok && rb.ok).toBe(true);
      if (!ra.ok || !rb.ok) return;
      expect(rb.state).toEqual(ra.state);
      a = ra.state;
      b = rb.state;
    }
  });

  it("a different seed gives a different game from the same options", () => {
    const one = playGame({ length: "short" }, 31, BOTS.baseline).state;
    const two = playGame({ length: "short" }, 32, BOTS.baseline).state;
    expect(two.deck.drawn).not.toEqual(one.deck.drawn);
  });

  it("the random number generator's position lives in the state: a copy of a state continues identically", () => {
    const { inputs } = playGame({ length: "short" }, 41, BOTS.random);
    let s = createGame({ length: "short" }, 41);
    const half = Math.floor(inputs.length / 2);
    for (const input of inputs.slice(0, half)) s = (applyInput(s, input) as { state: GameState }).state;
    let copy: GameState = JSON.parse(JSON.stringify(s));
    for (const input of inputs.slice(half)) {
      s = (applyInput(s, input) as { state: GameState }).state;
      copy = (applyInput(copy, input) as { state: GameState }).state;
    }
    expect(copy).toEqual(s);
    expect(s.phase).toBe("ended");
  });

  it("a record with a tampered input fails to replay with the input's position named", () => {
    const { inputs } = playGame({ length: "short" }, 51, BOTS.baseline);
    const tampered = [...inputs];
    tampered[3] = { type: "orders", seat: "russia", orders: [{ action: "no-such-action" }] };
    expect(() => replay({ options: { length: "short" }, seed: 51, inputs: tampered })).toThrow(/input 3/);
  });
});

describe("replay steps, digests and the rules version", () => {
  const options = { mode: "full" as const, length: "short" as const };

  it("replaySteps yields the created game and every step's state and events, as playing did", () => {
    const states: GameState[] = [];
    const { inputs } = playGame(options, 61, BOTS.random, (state) => void states.push(state));
    const steps = [...replaySteps(stored({ options, seed: 61, inputs }), { digests: true })];
    expect(steps.length).toBe(inputs.length + 1);
    expect(steps[0]!.state).toEqual(createGame(options, 61));
    steps.slice(1).forEach((step, i) => {
      expect(step.index).toBe(i + 1);
      expect(step.state).toEqual(states[i]);
      expect(step.events).toEqual(states[i]!.log);
      expect(step.digest).toBe(digestState(states[i]!));
    });
    expect(replay({ options, seed: 61, inputs })).toEqual(steps.at(-1)!.state);
  });

  it("a digest is the same for an equal state read back from JSON, and differs when one number differs", () => {
    const { state } = playGame(options, 62, BOTS.baseline);
    const copy: GameState = JSON.parse(JSON.stringify(state));
    expect(digestState(copy)).toBe(digestState(state));
    expect(digestState(copy)).toMatch(/^[0-9a-f]{16}$/);
    copy.countries.kazakhstan.stability += 1;
    expect(digestState(copy)).not.toBe(digestState(state));
    const funds: GameState = JSON.parse(JSON.stringify(state));
    funds.seats.russia!.funds += 1;
    expect(digestState(funds)).not.toBe(digestState(state));
  });

  it("the rules version is a digest of the rules and content data, the same at every load", () => {
    expect(RULES_VERSION).toMatch(/^[0-9a-f]{16}$/);
  });

  it("verifyRecord: a record whose digests all match replays whole", () => {
    const { inputs } = playGame(options, 63, BOTS.random);
    const digests = [...replaySteps({ options, seed: 63, inputs }, { digests: true })].slice(1).map((s) => s.digest);
    const result = verifyRecord(stored({ options, seed: 63, inputs, digests, rulesVersion: RULES_VERSION }), RULES_VERSION);
    expect(result.ok).toBe(true);
    expect(result.matching).toBe(inputs.length);
    expect(result.state).toEqual(replay({ options, seed: 63, inputs }));
  });

  it("verifyRecord stops at the first step whose digest does not match, keeping everything before it", () => {
    const { inputs } = playGame(options, 64, BOTS.random);
    const steps = [...replaySteps({ options, seed: 64, inputs }, { digests: true })];
    const digests = steps.slice(1).map((s) => s.digest);
    const at = 40;
    digests[at] = "0000000000000000";
    const result = verifyRecord({ options, seed: 64, inputs, digests, rulesVersion: "older" }, RULES_VERSION);
    expect(result.ok).toBe(false);
    expect(result.matching).toBe(at);
    expect(result.state).toEqual(steps[at]!.state);
    expect(result.round).toBe(steps[at]!.state.round);
    expect(result.steps.length).toBe(at + 1);
  });

  it("verifyRecord: a record from other rules without digests cannot be checked, so nothing of it continues", () => {
    const { inputs } = playGame(options, 65, BOTS.random);
    const result = verifyRecord({ options, seed: 65, inputs, rulesVersion: "another" }, RULES_VERSION);
    expect(result.ok).toBe(false);
    expect(result.matching).toBe(0);
    // A record from before versions (no version, no digests) is replayed as it always was.
    expect(verifyRecord({ options, seed: 65, inputs }, RULES_VERSION).ok).toBe(true);
  });
});
