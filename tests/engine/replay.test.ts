import { describe, expect, it } from "vitest";
import { applyInput, createGame, replay, type GameRecord, type GameState } from "../../shared/engine/index.ts";
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
