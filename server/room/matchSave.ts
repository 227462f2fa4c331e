import type { Seat } from "../../shared/engine/index.ts";
import type { HostSaved } from "../../shared/host/GameHost.ts";
import type { CreateMatchOptions } from "../../shared/protocol/messages.ts";
import type { MatchStatus } from "../../shared/protocol/status.ts";

export type { MatchStatus };
import type { SavedRoom } from "../records.ts";
import type { SeatControl } from "./seating.ts";

/** One seat as saved: who controls it, its ticket, and whether players held it (they come back with the ticket). */
type SavedSeat = Omit<SeatControl, "holders"> & { held: boolean };

/** What a match room keeps for a restart, beside its game record (whose inputs the host re-runs). */
export interface MatchSave {
  setup: CreateMatchOptions;
  code: string | null;
  /** The game's record, once started. */
  matchId: number | null;
  hostSeat: Seat | null;
  seats: SavedSeat[];
  /** The game host's deadline, pause and timer. */
  clock: HostSaved | null;
  /** Where the game stands, for a player's list of games while the room is not live. */
  status?: MatchStatus;
}


export function savedRoom(roomId: string, setup: CreateMatchOptions, code: string | null, matchId: number | null, hostSeat: Seat | null,
  controls: Map<Seat, SeatControl>, clock: HostSaved | null, open: boolean, status?: MatchStatus): SavedRoom {
  const seats = [...controls.values()].map(({ holders, ...rest }) => ({ ...rest, held: holders.size > 0 }));
  const data: MatchSave = { setup, code, matchId, hostSeat, seats, clock, ...(status ? { status } : {}) };
  return { roomId, kind: "match", open, code, data: data as unknown as Record<string, unknown> };
}

/**
 * Seats as they were, with nobody in them yet: a seat its players held is kept for them (only its ticket takes it
 * back) and, in a running game, played by its bot until one of them returns.
 */
export function restoredControls(save: MatchSave): Map<Seat, SeatControl> {
  const out = new Map<Seat, SeatControl>();
  for (const { held, ...seat } of save.seats) {
    const control = { ...seat, holders: new Set<string>() } as SeatControl;
    if (held && control.controller === "human" && save.matchId !== null) Object.assign(control, { away: true, kept: true });
    out.set(seat.seat, control);
  }
  return out;
}
