import { SEATS, type Seat } from "../../shared/engine/index.ts";
import type { CreateClassOptions } from "../../shared/protocol/classroom.ts";
import type { RosterEntry } from "./store.ts";

/** Seats in this session's game, and those a team may play (in "powers" mode the states are always bots). */
export function classSeats(setup: CreateClassOptions): { seats: Seat[]; playable: Seat[] } {
  const seats = SEATS.filter((s) => s !== "west" || setup.west);
  const playable = setup.mode === "powers" ? seats.filter((s) => s === "russia" || s === "china") : seats;
  return { seats, playable };
}

/**
 * Spreads the students over the playable seats in a random order, as evenly as possible: with few
 * students the great powers are filled first, since they carry the story.
 */
export function randomTeams(roster: RosterEntry[], playable: Seat[], random: (n: number) => number): RosterEntry[] {
  const order = [...roster];
  for (let i = order.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const seats = playable.slice(0, Math.max(1, Math.min(playable.length, order.length)));
  return order.map((entry, i) => ({ name: entry.name, seat: seats[i % seats.length] ?? null }));
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
