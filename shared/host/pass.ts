import type { GameState, Input, Seat } from "../engine/index.ts";

/**
 * What a seat does when its bot has nothing to offer (or its answer was refused): no orders, or its first open
 * decision's stated default. Null when it owes nothing it could answer, and only closing the phase is left.
 */
export function passInput(game: GameState, seat: Seat): Input | null {
  if (game.phase === "orders") return { type: "orders", seat, orders: [] };
  const open = game.decisions.find((d) => d.seat === seat && d.answer === null);
  return open ? { type: "answer", seat, decision: open.id, answer: open.defaultAnswer } : null;
}
