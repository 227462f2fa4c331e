import { applyInput, closePhase, pendingSeats, viewFor, type GameState, type Input, type Seat } from "../engine/index.ts";
import { baselineInput } from "./baseline.ts";

/*
 * Playing a determinised state forward through the pure engine. Every seat is played by the fast baseline
 * policy; a seat whose orders were fixed in advance (the bot's candidate plan, others' guessed orders) submits
 * those instead. Used by the normal bot's one-year lookahead and by the hard bot's playouts.
 */

export type Fixed = Partial<Record<Seat, Input>>;

function step(state: GameState, input: Input | null): GameState {
  const result = input ? applyInput(state, input) : closePhase(state);
  if (result.ok) return result.state;
  const closed = closePhase(state);
  if (!closed.ok) throw new Error(`playout stuck in ${state.phase}`);
  return closed.state;
}

/**
 * Plays on until the state reaches the orders phase of round `untilRound` (or the game ends).
 * `fixed` inputs are used once each, the first time their seat is asked in the orders phase.
 */
export function playForward(start: GameState, untilRound: number, seed: number, fixed: Fixed = {}): GameState {
  let state = start;
  const used = new Set<Seat>();
  let n = 0;
  while (state.phase !== "ended" && !(state.phase === "orders" && state.round >= untilRound)) {
    if (++n > 400) throw new Error("playout did not finish");
    const seat = pendingSeats(state)[0];
    if (!seat) {
      state = step(state, null);
      continue;
    }
    const own = state.phase === "orders" && !used.has(seat) ? fixed[seat] : undefined;
    if (own) used.add(seat);
    state = step(state, own ?? baselineInput(viewFor(state, seat), (seed + n * 7919) >>> 0));
  }
  return state;
}

/** Submits the orders of every seat that has orders but has not submitted them (guessed or chosen plans). */
export function submitPlanned(state: GameState): GameState {
  for (const seat of state.seatOrder) {
    const s = state.seats[seat]!;
    if (state.phase !== "orders" || s.submitted || s.orders.length === 0) continue;
    state = step(state, { type: "orders", seat, orders: s.orders });
  }
  return state;
}
