import { BOTS, botSeed } from "../../shared/bots/play.ts";
import { applyInput, createGame, pendingSeats, viewFor, type GameOptions, type GameState, type Seat } from "../../shared/engine/index.ts";

/** States met along a baseline game, each with the seat that owes an input there. */
export function momentsOf(options: Partial<GameOptions>, seed: number): { state: GameState; seat: Seat }[] {
  let state = createGame(options, seed);
  const out: { state: GameState; seat: Seat }[] = [];
  for (let guard = 0; state.phase !== "ended" && guard < 2000; guard++) {
    const seat = pendingSeats(state)[0];
    out.push({ state, seat });
    const input = BOTS.baseline(viewFor(state, seat), botSeed(state, seat, guard))!;
    const result = applyInput(state, input);
    if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.params)}`);
    state = result.state;
  }
  return out;
}

/** Picks a few moments of each phase, spread over the game. */
export function sampleMoments(options: Partial<GameOptions>, seed: number, perPhase: number): { state: GameState; seat: Seat }[] {
  const all = momentsOf(options, seed);
  const byPhase = new Map<string, { state: GameState; seat: Seat }[]>();
  for (const m of all) byPhase.set(m.state.phase, [...(byPhase.get(m.state.phase) ?? []), m]);
  const out: { state: GameState; seat: Seat }[] = [];
  for (const list of byPhase.values()) {
    const step = Math.max(1, Math.floor(list.length / perPhase));
    for (let i = 0; i < list.length && out.filter((m) => m.state.phase === list[0].state.phase).length < perPhase; i += step) out.push(list[i]);
  }
  return out;
}
