import { applyInput, createGame, pendingSeats, viewFor, type GameOptions, type GameState, type Input, type Seat } from "../engine/index.ts";
import { baselineInput } from "./baseline.ts";
import { decide, type BotLevel, type SearchBudget } from "./decide.ts";
import { randomInput } from "./random.ts";

export type BotPlayer = (view: ReturnType<typeof viewFor>, seed: number) => Input | null;

export const BOTS = { baseline: baselineInput, random: randomInput } satisfies Record<string, BotPlayer>;

/** A per-decision seed for a bot: the same game and moment always give the same choice. */
export function botSeed(state: GameState, seat: Seat, salt = 0): number {
  return (state.seed * 7919 + state.round * 104729 + state.nextDecisionId * 131 + state.seatOrder.indexOf(seat) * 17 + salt) >>> 0;
}

/**
 * Plays one whole game with a bot in every seat; returns the final state and every accepted input. `onStep` sees
 * the state after each accepted input and the state before it.
 */
export function playGame(options: Partial<GameOptions>, seed: number, bots: Partial<Record<Seat, BotPlayer>> | BotPlayer = baselineInput,
  onStep?: (state: GameState, before: GameState) => void): { state: GameState; inputs: Input[] } {
  let state = createGame(options, seed);
  const inputs: Input[] = [];
  const botFor = (seat: Seat): BotPlayer => (typeof bots === "function" ? bots : (bots[seat] ?? baselineInput));
  let guard = 0;
  while (state.phase !== "ended") {
    if (++guard > 5000) throw new Error(`game ${seed} did not end`);
    const seat = pendingSeats(state)[0];
    if (!seat) throw new Error(`game ${seed}: phase ${state.phase} waits for no one`);
    const input = botFor(seat)(viewFor(state, seat), botSeed(state, seat, guard));
    if (!input) throw new Error(`game ${seed}: bot for ${seat} gave no input in ${state.phase}`);
    const result = applyInput(state, input);
    if (!result.ok) throw new Error(`game ${seed}: ${seat}'s bot input refused: ${result.code} ${JSON.stringify(result.params)}`);
    inputs.push(input);
    onStep?.(result.state, state);
    state = result.state;
  }
  return { state, inputs };
}

/** A bot player of the given level, for playGame and the simulator. */
export function levelPlayer(level: BotLevel, budget?: SearchBudget): BotPlayer {
  if (level === "baseline") return baselineInput;
  return (view, seed) => decide(level, view, seed, budget)?.input ?? null;
}
