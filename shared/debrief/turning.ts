import type { Input, Seat } from "../engine/index.ts";
import type { Review, ReviewedDecision } from "../review/analyse.ts";

/*
 * The debrief's turning points: for each reviewed seat (a class's teams), its decisions the hard bot's review
 * found costly, the costliest first (shared/review/analyse.ts). Ids and numbers only; the client words them.
 */

export interface TurningPointLine {
  /** The input's position in the record (the replay's step of the moment it was decided). */
  index: number;
  round: number;
  loss: number;
  played: Input;
  preferred: Input;
  decision?: ReviewedDecision["decision"];
  why: ReviewedDecision["why"];
}

export interface DebriefTurningPoints {
  /** "ready": reviewed; "pending": the review is running in the background (ask again later); "failed": it could not be done. */
  status: "ready" | "pending" | "failed";
  /** Seats reviewed, and each one's turning points (none: an empty list). */
  bySeat: Partial<Record<Seat, TurningPointLine[]>>;
  /** Decisions reviewed per seat. */
  decisions: Partial<Record<Seat, number>>;
}

/** At most this many per seat, so a printed debrief stays a page. */
export const TURNING_POINTS_PER_SEAT = 5;

export function turningPointLines(review: Review, limit = TURNING_POINTS_PER_SEAT): TurningPointLine[] {
  return review.decisions.filter((d) => d.turningPoint).sort((a, b) => b.loss - a.loss || a.index - b.index).slice(0, limit)
    .map((d) => ({ index: d.index, round: d.round, loss: d.loss, played: d.played, preferred: d.preferred, ...(d.decision ? { decision: d.decision } : {}), why: d.why }));
}

export function debriefTurningPoints(reviews: Review[] | "failed" | null): DebriefTurningPoints {
  if (!reviews || reviews === "failed") return { status: reviews ? "failed" : "pending", bySeat: {}, decisions: {} };
  return {
    status: "ready",
    bySeat: Object.fromEntries(reviews.map((r) => [r.seat, turningPointLines(r)])),
    decisions: Object.fromEntries(reviews.map((r) => [r.seat, r.decisions.length])),
  };
}
