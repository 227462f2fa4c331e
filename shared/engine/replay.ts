import { digestState } from "./digest.ts";
import { applyInput, createGame, type Input } from "./game.ts";
import type { GameEvent, GameOptions, GameState } from "./types.ts";

/** A game's complete record: enough to rebuild every state it passed through. */
export interface GameRecord {
  options: Partial<GameOptions>;
  seed: number;
  inputs: Input[];
  /** The rules version it was played under (RULES_VERSION then), when known. */
  rulesVersion?: string;
  /** The digest of the state after each input, when recorded: inputs[i] led to digests[i]. */
  digests?: string[];
}

/** One step of a replay: the state after it, its events, and that state's digest. Step 0 is the game as created. */
export interface ReplayStep {
  /** Inputs applied so far (0 for the created game). */
  index: number;
  state: GameState;
  events: GameEvent[];
  digest: string;
}

/**
 * Re-runs a record under the current rules, yielding the created game and then the state after each input.
 * Digests are computed only when asked (`digests: true`) or when the record has some to compare; an input the
 * current rules refuse throws with its position named.
 */
export function* replaySteps(record: GameRecord, opts: { digests?: boolean } = {}): Generator<ReplayStep> {
  const digests = opts.digests ?? !!record.digests;
  let state = createGame(record.options, record.seed);
  yield { index: 0, state, events: state.log, digest: digests ? digestState(state) : "" };
  for (let i = 0; i < record.inputs.length; i++) {
    const result = applyInput(state, record.inputs[i]!);
    if (!result.ok) throw new Error(`input ${i} was refused on replay: ${result.code} ${JSON.stringify(result.params)}`);
    state = result.state;
    yield { index: i + 1, state, events: result.events, digest: digests ? digestState(state) : "" };
  }
}

export function replay(record: GameRecord): GameState {
  let last: GameState | null = null;
  for (const step of replaySteps(record, { digests: false })) last = step.state;
  return last!;
}

/** How far a record replays under the current rules before it takes another course. */
export interface Verified {
  /** Inputs that replayed to their recorded digests (all of them when `ok`). */
  matching: number;
  ok: boolean;
  /** The state after the last matching input, and every event up to it, step by step. */
  state: GameState;
  steps: { events: GameEvent[]; digest: string }[];
  /** The round in which the last matching step was played (for "the rules changed after round N"). */
  round: number;
}

/**
 * Re-runs a record and checks every step's digest against the recorded one. All match: the game may go on.
 * At the first mismatch (or an input the current rules refuse) it stops there: the state and events up to the
 * last matching step are returned, so a debrief and a replay of that much still work. A record without digests
 * is checked on its rules version alone, and counts as changed when it names another version.
 */
export function verifyRecord(record: GameRecord, rulesVersion: string): Verified {
  const steps: Verified["steps"] = [];
  let state: GameState | null = null;
  const recorded = record.digests;
  const unverifiable = !recorded && record.rulesVersion !== undefined && record.rulesVersion !== rulesVersion;
  try {
    for (const step of replaySteps(record, { digests: true })) {
      if (step.index > 0) {
        const expected = recorded?.[step.index - 1];
        if (unverifiable || (recorded && expected !== step.digest)) break;
      }
      state = step.state;
      steps.push({ events: step.events, digest: step.digest });
    }
  } catch {
    // An input the current rules refuse: the game changed course there.
  }
  const matching = steps.length - 1;
  return { matching, ok: matching === record.inputs.length, state: state!, steps, round: state!.round };
}
