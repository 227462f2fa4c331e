import { randomBytes } from "node:crypto";
import { SEATS, type Seat } from "../../shared/engine/index.ts";
import type { CreateMatchOptions } from "../../shared/protocol/messages.ts";

/**
 * Who controls each seat, apart from the engine: humans or a bot, the people holding it, and whether
 * a bot stands in for absent players. The engine's record needs none of this; the room does.
 */
export interface SeatControl {
  seat: Seat;
  controller: "human" | "bot";
  /** Session ids of the people playing this seat (several in a classroom team). */
  holders: Set<string>;
  /** Human seat whose players are all gone past the grace period: a bot plays it until one returns. */
  away: boolean;
  /** An away seat kept for the players who left it: only its ticket takes it back (one the host opened is kept for nobody). */
  kept: boolean;
  /** Handed to the seat's players; lets them take the seat back after a long absence. */
  ticket: string;
  ready: boolean;
}

export function newTicket(): string {
  return randomBytes(12).toString("base64url");
}

/** Seats in play for these options, and which of them only a bot may play. */
export function seatsFor(setup: CreateMatchOptions): { seats: Seat[]; botOnly: Set<Seat> } {
  const seats = SEATS.filter((s) => s !== "west" || setup.west);
  const botOnly = new Set<Seat>(setup.mode === "powers" ? seats.filter((s) => s !== "russia" && s !== "china") : []);
  return { seats, botOnly };
}

export function initialControls(setup: CreateMatchOptions): Map<Seat, SeatControl> {
  const { seats, botOnly } = seatsFor(setup);
  const out = new Map<Seat, SeatControl>();
  for (const seat of seats) {
    const bot = botOnly.has(seat) || setup.bots.includes(seat);
    out.set(seat, { seat, controller: bot ? "bot" : "human", holders: new Set(), away: false, kept: false, ticket: newTicket(), ready: false });
  }
  return out;
}
