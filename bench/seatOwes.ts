import { decisionsOf, partialGame } from "../client/net/remoteView.ts";
import { baselineInput } from "../shared/bots/baseline.ts";
import { viewFor, type Order, type Seat } from "../shared/engine/index.ts";
import type { MatchState } from "../shared/protocol/state.ts";

/*
 * What the load generators' players read from their decoded state (bench/server.ts acts at once,
 * bench/paced-clients.ts after thinking): what their seat owes now, and orders to submit.
 */

/** What a seat owes: its orders for the round, or an answer to its first open decision. `key` tells one moment from another, so a player acts once for each. */
export type Owed =
  | { key: string; kind: "orders"; round: number }
  | { key: string; kind: "answer"; decision: number; answer: string };

export function owedBy(state: MatchState, seat: Seat): Owed | null {
  if (!state.started || state.phase === "ended" || state.phase === "lobby") return null;
  const secret = state.secrets?.get(seat);
  if (!secret) return null;
  if (state.phase === "orders") {
    return state.seats.get(seat)?.submitted ? null : { key: `o${state.round}`, kind: "orders", round: state.round };
  }
  const open = decisionsOf(secret).find((d) => d.seat === seat && d.answer === null);
  return open ? { key: `d${open.id}`, kind: "answer", decision: open.id, answer: open.defaultAnswer } : null;
}

/** The baseline bot's orders for the seat, from what the client decoded. */
export function planOrders(state: MatchState, seat: Seat, seed: number): Order[] {
  const game = partialGame(state, [], [], false);
  if (!game) return [];
  const input = baselineInput(viewFor(game, seat), seed);
  return input?.type === "orders" ? input.orders : [];
}
