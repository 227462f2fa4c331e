import { POWERS, SEATS, STATES, type Power, type Seat, type StateId } from "../engine/ids.ts";
import type { Debrief, TimelineEntry } from "./build.ts";

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

/**
 * The words of a CSV export: its column headers and how a timeline event reads. The client passes its language's
 * words (client/classroom/debriefExport.ts); without them an export is machine-readable: ids for headers, and an
 * event's parameters as JSON (the server's download; shared/ and server/ build no sentence a person reads).
 */
export interface CsvWords {
  round: string; year: string; tension: string; asymmetry: string; event: string; text: string;
  stability(state: StateId): string; debt(state: StateId): string; influence(state: StateId, power: Power): string; score(seat: Seat): string;
  eventKind(entry: TimelineEntry): string;
  eventText(entry: TimelineEntry): string;
}

export const ID_WORDS: CsvWords = {
  round: "round", year: "year", tension: "tension", asymmetry: "asymmetry", event: "event", text: "params",
  stability: (id) => `${id} stability`, debt: (id) => `${id} debt`, influence: (id, p) => `${id} ${p} influence`, score: (s) => `${s} score`,
  eventKind: (e) => e.kind,
  eventText: (e) => JSON.stringify(e.params),
};

/** One row per round: the global tracks, each state's stability, debt and influence, each seat's score. */
export function roundsCsv(d: Debrief, w: CsvWords = ID_WORDS): string {
  const seats = d.scores.map((s) => s.seat).sort((a, b) => SEATS.indexOf(a) - SEATS.indexOf(b));
  const header = [w.round, w.year, w.tension, w.asymmetry,
    ...STATES.flatMap((id) => [w.stability(id), w.debt(id), ...POWERS.map((p) => w.influence(id, p))]),
    ...seats.map((s) => w.score(s))];
  const rows = d.series.round.map((round, i) => [round, d.series.year[i]!, d.series.tension[i]!, d.series.asymmetry[i]!,
    ...STATES.flatMap((id) => [d.series.stability[id][i]!, d.series.debt[id][i]!, ...POWERS.map((p) => d.series.influence[id][p][i]!)]),
    ...seats.map((s) => d.series.scores[s]?.[i] ?? 0)]);
  return csv([header, ...rows]);
}

/** The timeline, one event per row: in words with a language's CsvWords, else its kind and parameters. */
export function timelineCsv(d: Debrief, w: CsvWords = ID_WORDS): string {
  return csv([[w.round, w.year, w.event, w.text], ...d.timeline.map((e) => [e.round, e.year, w.eventKind(e), w.eventText(e)])]);
}

export function debriefJson(d: Debrief): string {
  return JSON.stringify(d, null, 2);
}
