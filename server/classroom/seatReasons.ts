import type { GameEvent, GameState, Seat } from "../../shared/engine/index.ts";
import type { SeatReason } from "../../shared/protocol/classroom.ts";
import { botReasons } from "../../shared/review/seen.ts";

/*
 * The teacher's Seats tab shows beside each bot seat the reason it gave for its last orders. The class room works the
 * reasons out as each step happens, from the state the bots decided on (a reason cites the facts before the step),
 * and keeps them in the seats' secrets, which reach the teacher: a teacher who reloads, opens the class on another
 * device or comes back after a restart (the session keeps them) finds them at once, not only from the next round.
 */

/** Each bot seat's reason for the orders a step revealed; `before` is the state the step started from. */
export function orderReasons(before: GameState, events: readonly GameEvent[], bots: ReadonlySet<Seat>): Map<Seat, SeatReason> {
  const out = new Map<Seat, SeatReason>();
  // Seen as a spectator sees the step: revealed orders are explained, never an answer meant for one player.
  for (const reasons of botReasons(before, [...events], "spectator", bots).values()) {
    for (const r of reasons) out.set(r.params.seat as Seat, { round: r.round, params: r.params });
  }
  return out;
}
