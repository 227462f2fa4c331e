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

/** The same, in words: what the teacher reads beside each bot seat. */
export function botReasonTexts(events: readonly GameEvent[], bots: ReadonlySet<string>): Map<Seat, SeatReason> {
  const out = new Map<Seat, SeatReason>();
  for (const [seat, e] of latestBotReasons(events, bots)) out.set(seat, { seat, round: e.round, text: whyText(e.params) });
  return out;
}

