import { POWERS, SEAT_NAMES, STATES } from "../engine/ids.ts";
import type { Debrief } from "./build.ts";

/** Exports of a debrief for spreadsheets (CSV, RFC 4180) and for archives (JSON). */

/**
 * A spreadsheet runs a cell that begins with = + - @ (or a tab or carriage return before one) as a formula. Every text
 * cell that begins so is written with a leading apostrophe, which spreadsheets show as text; numbers stay numbers
 * (−3 against par is the number -3), since they are written from numbers, never from text.
 */
export function csvCell(value: string | number | boolean): string {
  const text = typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const cell = csvCell;
const csv = (rows: (string | number | boolean)[][]): string => rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";

/** One row per round: the global tracks, each state's stability, debt and influence, each seat's score. */
export function roundsCsv(d: Debrief): string {
  const seats = d.scores.map((s) => s.seat).sort((a, b) => Object.keys(SEAT_NAMES).indexOf(a) - Object.keys(SEAT_NAMES).indexOf(b));
  const header = ["round", "year", "tension", "asymmetry",
    ...STATES.flatMap((id) => [`${id} stability`, `${id} debt`, ...POWERS.map((p) => `${id} ${p} influence`)]),
    ...seats.map((s) => `${s} score`)];
  const rows = d.series.round.map((round, i) => [round, d.series.year[i]!, d.series.tension[i]!, d.series.asymmetry[i]!,
    ...STATES.flatMap((id) => [d.series.stability[id][i]!, d.series.debt[id][i]!, ...POWERS.map((p) => d.series.influence[id][p][i]!)]),
    ...seats.map((s) => d.series.scores[s]?.[i] ?? 0)]);
  return csv([header, ...rows]);
}

/** The timeline as sentences, one event per row. */
export function timelineCsv(d: Debrief): string {
  return csv([["round", "year", "event", "text"], ...d.timeline.map((e) => [e.round, e.year, e.kind, e.text])]);
}

export function debriefJson(d: Debrief): string {
  return JSON.stringify(d, null, 2);
}
