import type { Decision, GameView, Order, Seat } from "../engine/index.ts";
import { whyAnswer, whyOrders, whyRupture, type Facts, type Why } from "./why.ts";

/*
 * Why a bot chose what it did: an id and the public facts of the board that made the move attractive (why.ts), which
 * the client words in the player's language (client/panels/whyText.ts, `why.<id>` in the language files). No sentence
 * is built here.
 */

function facts(view: GameView, seat: Seat): Facts {
  return { countries: view.countries, global: view.global, funds: view.seats.find((s) => s.seat === seat)?.funds ?? 0 };
}

/** The reason for a round's orders, told through the order the bot valued most. */
export function ordersReason(view: GameView, seat: Seat, orders: Order[], main: Order | null): Why {
  return whyOrders(facts(view, seat), seat, orders, main);
}

/** The reason for orders chosen to bring tension to the rupture line: a rupture freezes the powers' standings. */
export function ruptureReason(view: GameView, seat: Seat, rival: Seat, orders: Order[]): Why {
  return whyRupture(facts(view, seat), seat, rival, orders);
}

/** The reason for an answer to an offer, a crisis call, a request for help, or a choice of leverage. */
export function answerReason(view: GameView, seat: Seat, d: Decision, answer: string): Why {
  return whyAnswer(facts(view, seat), seat, d, answer);
}
