import type { GameEvent, Seat } from "../../shared/engine/index.ts";
import { BOT_REASON } from "../../shared/review/seen.ts";
import { whyText } from "../panels/whyText.ts";

/** A bot seat's reason as it is shown beside the seat: the round it was given in and its sentence. */
export interface SeatReason {
  seat: Seat;
  round: number;
  text: string;
}

/**
 * Bots say why, seat by seat: for each seat a bot plays now, the last reason it gave (events are in the order they
 * happened, so the last is the newest round's). A seat its team plays has none, even if a bot played it before:
 * what a bot thought then is not what the team is doing.
 */
export function latestBotReasons(events: readonly GameEvent[], bots: ReadonlySet<string>): Map<Seat, GameEvent> {
  const latest = new Map<Seat, GameEvent>();
  for (const e of events) {
    const seat = String(e.params.seat ?? "") as Seat;
    if (e.kind === BOT_REASON && bots.has(seat)) latest.set(seat, e);
  }
  return latest;
}

/**
 * A screen works reasons out only for the steps it saw arrive (the facts a bot decided on are those of the view
 * before the step), so after a reload (a refresh, a new language) it has none until the next round. What it knew
 * before, kept by the tab, fills in: a reason seen since wins; a remembered one stands for a bot seat that has not
 * spoken since; one from a later round than the game's is another game's and is dropped.
 */
export function withRemembered(fresh: ReadonlyMap<Seat, GameEvent>, remembered: ReadonlyMap<Seat, GameEvent>, bots: ReadonlySet<string>, round: number): Map<Seat, GameEvent> {
  const out = new Map<Seat, GameEvent>();
  for (const [seat, e] of remembered) if (bots.has(seat) && e.round <= round) out.set(seat, e);
  for (const [seat, e] of fresh) out.set(seat, e);
  return out;
}

/** A reason in words: what the teacher reads beside a bot seat (in the language of the page now, whenever it was given). */
export function reasonText(seat: Seat, e: GameEvent): SeatReason {
  return { seat, round: e.round, text: whyText(e.params) };
}
