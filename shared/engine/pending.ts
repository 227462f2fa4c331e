import type { Seat } from "./ids.ts";
import type { GameState } from "./types.ts";

/** The seats whose input the current phase still waits for, in seat order. */
export function pendingSeats(state: GameState): Seat[] {
  if (state.phase === "ended") return [];
  if (state.phase === "orders") return state.seatOrder.filter((s) => !state.seats[s]!.submitted);
  const owing = new Set(state.decisions.filter((d) => d.answer === null).map((d) => d.seat));
  return state.seatOrder.filter((s) => owing.has(s));
}
