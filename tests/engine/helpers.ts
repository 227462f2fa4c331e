import { expect } from "vitest";
import { applyInput, closePhase, createGame, type GameOptions, type GameState, type Input, type StepResult } from "../../shared/engine/index.ts";

/** A fresh game at round 1's orders; news already applied. */
export function newGame(options: Partial<GameOptions> = {}, seed = 7): GameState {
  return createGame(options, seed);
}

export function ok(result: StepResult): GameState {
  if (!result.ok) throw new Error(`refused: ${result.code} ${JSON.stringify(result.params)}`);
  return result.state;
}

export function apply(state: GameState, ...inputs: Input[]): GameState {
  for (const input of inputs) state = ok(applyInput(state, input));
  return state;
}

/** Closes the orders phase: every seat without orders passes. */
export function closeOrders(state: GameState): GameState {
  expect(state.phase).toBe("orders");
  return ok(closePhase(state));
}

/** A deep copy to compare against after a refused input. */
export function snapshot(state: GameState): string {
  return JSON.stringify(state);
}

/** Removes this year's sources of surprise so a test can predict the end of the round exactly. */
export function calm(state: GameState): GameState {
  for (const c of Object.values(state.countries)) {
    c.stability = 6;
    c.crisis = null;
    c.debt = 0;
    c.distress = false;
    for (const power of Object.values(c.influence)) {
      power.security = 1;
      power.economy = 1;
      power.politics = 1;
    }
  }
  state.global.afghanThreat = 0;
  return state;
}

export function findEvent(state: GameState, kind: string, params: Record<string, unknown> = {}) {
  return state.log.find((e) => e.kind === kind && Object.entries(params).every(([k, v]) => e.params[k] === v));
}
