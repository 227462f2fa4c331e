import type { Seat } from "./ids.ts";
import type { GameEvent, GameState } from "./types.ts";

type Params = GameEvent["params"];

export function emit(state: GameState, kind: string, params: Params, visibleTo: GameEvent["visibleTo"] = "all"): GameEvent {
  const event: GameEvent = { kind, round: state.round, visibleTo, params };
  state.log.push(event);
  return event;
}

export function canSee(event: GameEvent, viewer: Seat | "spectator" | "teacher"): boolean {
  if (event.visibleTo === "all" || viewer === "teacher") return true;
  return viewer !== "spectator" && event.visibleTo.includes(viewer);
}

/**
 * Every kind of event the engine emits. An event carries ids and numbers only ({ kind, params }); the sentences a
 * player reads are the client's (client/i18n/events-*.ts), in each language of the interface.
 */
export const EVENT_KINDS = [
  "roundStarted", "news", "unrest", "afghanSpillover", "offerMade", "offerAnswered", "actionResolved", "actionUnaffordable",
  "encroachment", "bargain", "leftOrg", "crisisStarted", "crisisEnded", "crisisRequest", "intervention", "interventionDeclined",
  "escalation", "debtService", "distress", "distressEnded", "leverage", "scored", "scoreBonus", "agendaMet", "agendaMissed",
  "asymmetryGrows", "commonFoe", "rupture", "gameEnded",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
