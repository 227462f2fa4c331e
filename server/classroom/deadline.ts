import { checkOrders } from "../../shared/engine/legal.ts";
import type { GameEvent, GameState, Input, Order, Seat } from "../../shared/engine/index.ts";
import type { TeamDraft } from "../../shared/protocol/classroom.ts";
import { passInput } from "../room/passInput.ts";

/*
 * What a team plays when its phase closes without it (the timer ran out, or the teacher advanced):
 * in the orders phase its shared draft is its orders, as much of it as the rules still allow; with no
 * draft it passes. A team's work counts, a bot never replaces it. Decisions take their stated default.
 */

/**
 * The legal part of a draft: each order in turn is kept when the engine accepts it together with the
 * orders kept before it (so the first orders of the draft win a tight budget). The engine's own check
 * decides; nothing here knows a rule.
 */
export function legalPart(game: GameState, seat: Seat, orders: readonly Order[]): Order[] {
  const kept: Order[] = [];
  for (const order of orders) {
    if (checkOrders(game, seat, [...kept, order]) === null) kept.push(order);
  }
  return kept;
}

/** The draft that counts in this orders phase: one written this round, or none. */
export function currentDraft(game: GameState, raw: string): TeamDraft | null {
  if (!raw || game.phase !== "orders") return null;
  try {
    const draft = JSON.parse(raw) as TeamDraft;
    return draft.round === game.round && Array.isArray(draft.orders) ? draft : null;
  } catch {
    return null;
  }
}

/**
 * The seat's input at the deadline, and the log's note of it (orders phase only): `draftPlayed` with how
 * many of the draft's orders were played and how many the rules no longer allowed, or `deadlinePassed`.
 * Null when the seat owes nothing it could answer.
 */
export function deadlineInput(game: GameState, seat: Seat, rawDraft: string): { input: Input; note: GameEvent | null } | null {
  if (game.phase !== "orders") {
    const pass = passInput(game, seat);
    return pass ? { input: pass, note: null } : null;
  }
  const draft = currentDraft(game, rawDraft);
  if (!draft || draft.orders.length === 0) {
    return { input: { type: "orders", seat, orders: [] }, note: { kind: "deadlinePassed", round: game.round, visibleTo: "all", params: { seat } } };
  }
  const orders = legalPart(game, seat, draft.orders as Order[]);
  const dropped = draft.orders.length - orders.length;
  return {
    input: { type: "orders", seat, orders },
    note: { kind: "draftPlayed", round: game.round, visibleTo: "all", params: { seat, played: orders.length, dropped, by: draft.by } },
  };
}
