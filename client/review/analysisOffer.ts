import type { Seat } from "../../shared/engine/index.ts";
import { seatName, t } from "../i18n/strings.ts";

/** What the replay's analysis box offers: a button (ready, or waiting for a seat to be chosen), or a note why there is none. */
export type AnalysisOffer = { button: string; enabled: boolean } | { note: string };

/**
 * The analysis reviews one seat's decisions. Seen by a seat: analyse it. Seen by the public with seats to choose
 * from above: choose one. A public replay has no seat to choose (`choices` is empty), so it says so and where a
 * player finds the analysis of their own decisions, instead of pointing at a choice that is not there.
 */
export function analysisOffer(seat: Seat | null, choices: readonly Seat[]): AnalysisOffer {
  if (seat) return { button: t("review.analysis.run", { seat: seatName(seat) }), enabled: true };
  if (choices.length > 0) return { button: t("review.analysis.chooseSeat"), enabled: false };
  return { note: t("review.analysis.noSeat") };
}
