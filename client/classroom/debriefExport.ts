import type { Debrief, TimelineEntry } from "../../shared/debrief/build.ts";
import { roundsCsv, timelineCsv, type CsvWords } from "../../shared/debrief/export.ts";
import { eventText, seatName, t } from "../i18n/strings.ts";

/** A debrief event as the log's sentence in the interface's language. */
export function timelineText(e: TimelineEntry): string {
  return eventText({ kind: e.kind, round: e.round, visibleTo: "all", params: e.params });
}

/** The CSV exports' headers and sentences in the interface's language. */
export function csvWords(): CsvWords {
  return {
    round: t("classroom.debrief.csv.round"), year: t("classroom.debrief.csv.year"), tension: t("game.tension"), asymmetry: t("game.asymmetry"),
    event: t("classroom.debrief.csv.event"), text: t("classroom.debrief.csv.text"),
    stability: (id) => t("classroom.debrief.csv.stability", { state: seatName(id) }),
    debt: (id) => t("classroom.debrief.csv.debt", { state: seatName(id) }),
    influence: (id, power) => t("classroom.debrief.csv.influence", { state: seatName(id), power: seatName(power) }),
    score: (seat) => t("classroom.debrief.csv.score", { seat: seatName(seat) }),
    eventKind: (e) => t(`classroom.debrief.csv.kind.${e.private ? "private" : "public"}`),
    eventText: timelineText,
  };
}

export const roundsCsvText = (d: Debrief): string => roundsCsv(d, csvWords());
export const timelineCsvText = (d: Debrief): string => timelineCsv(d, csvWords());
