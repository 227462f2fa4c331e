import type { Chart } from "chart.js";
import { POWERS, STATES, type Power } from "../../shared/engine/index.ts";
import type { Debrief } from "../../shared/debrief/build.ts";
import { drawEndCharts } from "../charts/endCharts.ts";
import type { ChartSeries } from "../charts/series.ts";
import { h, replace } from "../ui/dom.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { agendaTitle, contentText, errorText, language, seatName, signedNumber, t } from "../i18n/strings.ts";
import { roundsCsvText, timelineCsvText, timelineText } from "./debriefExport.ts";
import { formatCitation } from "../ui/citation.ts";
import { page, saved, serverUrl } from "./common.ts";
import { points } from "../panels/scoreText.ts";
import { fetchDebrief } from "./net.ts";
import { liveTurningPoints } from "../review/debriefTurning.ts";
import { makePublic, publicReplayControl } from "../review/publicReplay.ts";

/** The debrief's per-round figures in the shape the game's end charts draw. */
export function chartSeries(d: Debrief): ChartSeries {
  const s = d.series;
  return {
    labels: s.round.map((r, i) => `${r} (${s.year[i]})`),
    influence: Object.fromEntries(POWERS.map((p) => [p, s.round.map((_, i) => STATES.reduce((n, st) => n + (s.influence[st][p as Power][i] ?? 0), 0))])) as ChartSeries["influence"],
    stability: s.stability,
    debt: s.debt,
    tension: s.tension,
  };
}

/**
 * Saves a download: the JSON as the server answers it (the teacher's key travels in a header, not in a link), the CSV
 * files made here from the debrief in the interface's language.
 */
async function download(code: string, key: string | undefined, format: "json" | "rounds.csv" | "timeline.csv", d: Debrief): Promise<void> {
  const body = format === "json" ? await fetchDebrief<Debrief>(serverUrl(), code, key, format) : format === "rounds.csv" ? roundsCsvText(d) : timelineCsvText(d);
  const text = typeof body === "string" ? body : JSON.stringify(body, null, 2);
  const a = h("a", { href: URL.createObjectURL(new Blob([text], { type: format === "json" ? "application/json" : "text/csv" })), download: `class-${code}-${format === "json" ? "debrief.json" : format}` });
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** The class debrief: scores, charts by round, the articles' arguments the game illustrated (with quotes), the timeline. Printable. */
export function debriefScreen(root: HTMLElement, code: string): () => void {
  const teacher = saved.teacher();
  const key = teacher && teacher.code === code ? teacher.key : undefined;
  const body = h("div", { id: "debrief-body" }, h("p", { class: "muted" }, t("common.loadingDots")));
  const el = page("debrief", body);
  root.appendChild(el);
  let charts: Chart[] = [];

  void fetchDebrief<Debrief>(serverUrl(), code, key).then((result) => {
    const d = result as Debrief;
    const canvases = { influence: h("canvas", {}), stability: h("canvas", {}), debt: h("canvas", {}), tension: h("canvas", {}) };
    const tools = h("div", { class: "actions no-print" },
      h("button", { type: "button", class: "primary", id: "debrief-print", onclick: () => print() }, t("classroom.debrief.print")),
      h("button", { type: "button", id: "debrief-csv-rounds", onclick: () => void download(code, key, "rounds.csv", d) }, t("classroom.debrief.csvRounds")),
      h("button", { type: "button", id: "debrief-csv-timeline", onclick: () => void download(code, key, "timeline.csv", d) }, t("classroom.debrief.csvTimeline")),
      h("button", { type: "button", id: "debrief-json", onclick: () => void download(code, key, "json", d) }, t("classroom.debrief.json")),
      // The replay viewer and its analysis are loaded only when asked for.
      h("button", { type: "button", id: "debrief-replay", onclick: () => void import("../review/classReplay.ts").then((m) => m.openClassReplay(root, serverUrl(), code, key, () => undefined)) }, t("review.openClass")),
      // The teacher may make the finished game's replay public (a link anyone can open).
      key && d.endReason !== null ? publicReplayControl(() => makePublic(serverUrl(), { code, key })) : null);
    const byRound = new Map<number, typeof d.timeline>();
    for (const e of d.timeline) byRound.set(e.round, [...(byRound.get(e.round) ?? []), e]);
    replace(body,
      h("h1", { id: "debrief-title" }, t("classroom.debrief.heading", { name: code })),
      tools,
      h("section", { class: "card", id: "debrief-scores" }, h("h2", {}, t("classroom.debrief.scores")),
        h("table", {},
          h("thead", {}, h("tr", {}, ...["seat", "score", "par", "standing", "agenda"].map((k) => h("th", { scope: "col" }, t(`classroom.debrief.${k}`))))),
          h("tbody", {}, ...d.scores.map((s) => h("tr", {},
            h("th", { scope: "row" }, h("span", { class: "swatch", style: `--swatch:${SEAT_COLOURS[s.seat]}` }), seatName(s.seat), s.winner ? ` · ${t("classroom.debrief.winner")}` : ""),
            h("td", {}, String(s.score)), h("td", {}, points(s.par)), h("td", {}, signedNumber(s.standing)),
            h("td", {}, agendaTitle(s.agenda.id), s.agendaMet ? ` ✔ ${t("classroom.debrief.met")}` : "")))))),
      liveTurningPoints(d.turningPoints, async () => ((await fetchDebrief<Debrief>(serverUrl(), code, key)) as Debrief).turningPoints),
      h("section", { class: "card", id: "debrief-charts" }, h("h2", {}, t("classroom.debrief.charts")),
        h("div", { class: "grid" }, ...Object.values(canvases).map((c) => h("div", { class: "chart" }, c)))),
      h("section", { class: "card", id: "debrief-mechanics" }, h("h2", {}, t("classroom.debrief.mechanics")),
        ...[...d.mechanics].sort((a, b) => Number(b.happened) - Number(a.happened)).map((m) => h("article", { class: `mechanic ${m.happened ? "yes" : "no"}` },
          h("h3", {}, m.happened ? "✔ " : "○ ", contentText("argument", m.id, "title")),
          h("p", { class: "muted" }, m.happened ? t("classroom.debrief.happened", { rounds: m.rounds.join(", "), count: m.rounds.length }) : t("classroom.debrief.notHappened")),
          h("p", {}, contentText("argument", m.id, "argument")),
          // The articles' words stay verbatim in English, marked as the original.
          ...m.sources.map((s) => h("blockquote", { lang: "en", class: "original-quote" }, h("small", { class: "original-mark", lang: language() }, t("source.original")), " ", `“${s.quote}”`, h("br"), h("small", { class: "citation", lang: "en" }, formatCitation(s.citation))))))),
      h("section", { class: "card", id: "debrief-timeline" }, h("h2", {}, t("classroom.debrief.timeline")),
        ...[...byRound].map(([round, entries]) => h("div", {},
          h("h3", {}, t("classroom.debrief.round", { round, year: entries[0]?.year ?? "" })),
          h("ul", {}, ...entries.map((e) => h("li", { class: e.private ? "muted" : "" }, timelineText(e))))))));
    charts = drawEndCharts(canvases, chartSeries(d));
  }).catch((error: unknown) => {
    replace(body, h("p", { class: "error", role: "alert", id: "debrief-error" }, errorText(error)));
  });
  return () => { for (const c of charts) c.destroy(); el.remove(); };
}
