import { AGENDA_BY_ID } from "../../shared/content/index.ts";
import { parFollowsBots, rupturePenalty, scoreBreakdown, type GameRecord, type GameView, type ScoreCategory, type Seat } from "../../shared/engine/index.ts";
import type { Connection } from "../../shared/protocol/connection.ts";
import { seriesFrom } from "../charts/series.ts";
import { h } from "../ui/dom.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { agendaTitle, eventText, signedNumber, t } from "../i18n/strings.ts";
import { duelText, parIn } from "./duel.ts";
import { categoryName, points } from "../panels/scoreText.ts";
import type { App } from "./types.ts";
import { keepFinished, openOnlineReplay, openReplayOf, type OnlineAccess } from "../review/finished.ts";
import { makePublic, publicReplayControl } from "../review/publicReplay.ts";

/** What a screen built on the end screen (a class's teams and projector) adds: who played each seat, and its own links. */
export interface EndExtras {
  /** The names of the people who played each seat (a class's teams), shown beside the seat. */
  teams?: Partial<Record<Seat, string[]>>;
  /** Shown under the winner (a class's link to its debrief). */
  links?: HTMLElement;
  /** The button back to the menu is left out (a class screen stays in its class). */
  noMenu?: boolean;
}

/** Why this table's par is its own: easy states and West let Russia score more; beside hard bots Russia (Great Powers) or some seats (Full) do. */
function parNoteKey(options: GameView["options"]): string {
  if (options.botLevel === "easy") return "end.parEasyTable";
  return options.mode === "full" ? "end.parHardTableFull" : "end.parHardTable";
}

/** End of game: winner, scores with the revealed agendas (met or not), what happened, and charts by round. */
export function endScreen(root: HTMLElement, app: App, connection: Connection, extras: EndExtras = {}): () => void {
  const view = connection.view()!;
  // Stopped because the rules changed: the debrief of the game as far as it replays, with why it cannot go on.
  const stopped = connection.match().rulesChanged ?? null;
  const winners = view.winners.map((s) => t(`seat.${s}`)).join(", ");
  const par = (seat: Seat) => parIn(view, seat);
  const scores = [...view.seats].sort((a, b) => b.score - par(b.seat) - (a.score - par(a.seat)));
  const duel = duelText(view);
  const canvases = { influence: h("canvas", {}), stability: h("canvas", {}), debt: h("canvas", {}), tension: h("canvas", {}) };
  const chartStatus = h("p", { class: "status-line", id: "charts-status" }, t("end.loadingCharts"));
  const statKeys = ["cstoInterventions", "chineseSecurityAnswers", "debtDistress", "leverage", "encroachments", "bargains"] as const;
  const events = connection.events();
  // The engine's end-of-game events say which agendas were met; they are public once the game is over.
  const agendaMet = new Set(events.filter((e) => e.kind === "agendaMet").map((e) => String(e.params.seat)));
  const team = (seat: Seat) => extras.teams?.[seat]?.join(", ") ?? "";
  // Each seat's score by category and agenda, from the log's score lines (the engine's scoreBreakdown).
  const breakdown = (seat: Seat) => Object.entries(scoreBreakdown(events, seat).byCategory)
    .filter(([, points]) => points !== 0)
    .map(([category, n]) => `${categoryName(category as ScoreCategory)} ${category === "rupture" ? signedNumber(n!) : n}`)
    .join(" · ");
  const back = h("button", { type: "button", class: "primary", id: "back-to-menu" }, t("end.newGame"));
  back.addEventListener("click", () => void connection.leave().finally(() => app.toMenu()));
  // A finished solo game is kept in the browser and can be replayed with the hard bot's review (a chunk loaded on demand).
  const record = !stopped && "gameRecord" in connection && typeof connection.gameRecord === "function" ? (connection.gameRecord as () => GameRecord)() : null;
  const seat = connection.match().you.seat;
  if (record && seat && view.phase === "ended") keepFinished({ seat, record, endedAt: Date.now() });
  // A finished online match: its record comes from the server, to this seat's ticket.
  const online = !record && !stopped && view.phase === "ended" && "replayAccess" in connection && typeof connection.replayAccess === "function"
    ? (connection.replayAccess as () => OnlineAccess | null)() : null;
  const replay = (record || online) && seat && view.phase === "ended" ? h("button", { type: "button", id: "open-replay" }, t("review.open")) : null;
  // The host of a finished online match may make its replay public (a link anyone can open).
  const makeReplayPublic = online && connection.match().you.host
    ? publicReplayControl(() => makePublic(online.base, { roomId: online.roomId, ticket: online.ticket })) : null;
  // The player's turning points, once the replay's analysis has run (kept with the record): printable with the page.
  const turning = h("div", { id: "end-turning", style: "margin-top:16px" });
  const showTurning = (game: { record: GameRecord; seat: Seat }) => void import("../review/endTurning.ts").then((m) => m.renderEndTurning(turning, game.record, game.seat));
  if (record && seat && view.phase === "ended") showTurning({ record, seat });
  replay?.addEventListener("click", () => {
    if (record) openReplayOf(root, app, { record, seat: seat! }, () => showTurning({ record, seat: seat! }));
    else if (online) void openOnlineReplay(root, app, online, showTurning).catch((e: unknown) => { replay.textContent = t("errors.generic", { message: e instanceof Error ? e.message : String(e) }); });
  });

  const el = h("div", { class: "end", id: "end-screen" },
    h("div", { class: "end-inner" },
      h("h1", {}, stopped ? t("rulesChanged.heading") : t("end.heading")),
      stopped ? h("p", { class: "winner", id: "rules-changed", role: "alert" }, t("rulesChanged.message", { round: stopped.round }))
        : h("p", { class: "winner", id: "winner" }, view.winners.length > 1 ? t("end.winners", { seats: winners }) : t("end.winner", { seats: winners })),
      duel && !stopped ? h("p", { class: "duel", id: "duel" }, duel) : null,
      extras.links ?? null,
      stopped ? null : h("p", {}, view.endReason === "rupture" ? t("end.rupture", { points: String(rupturePenalty(view.options.length)) }) : t("end.rounds")),
      h("div", { class: "end-grid" },
        h("section", { class: "card" },
          h("h2", {}, t("end.scores")),
          h("p", { class: "status-line" }, t("end.parExplained")),
          parFollowsBots(view.options) ? h("p", { class: "status-line", id: "par-at-table" }, t(parNoteKey(view.options))) : null,
          h("table", { id: "scores" },
            h("thead", {}, h("tr", {}, h("th", {}, t("lobby.seats")), h("th", {}, t("end.points")), h("th", {}, t("end.breakdown")), h("th", {}, t("end.par")), h("th", {}, t("end.standing")), h("th", {}, t("end.agenda")))),
            h("tbody", {}, ...scores.map((s) => h("tr", {},
              h("td", { "data-seat": s.seat }, h("span", { class: "swatch", style: `background:${SEAT_COLOURS[s.seat]}` }), t(`seat.${s.seat}`), view.winners.includes(s.seat) ? " ★" : "", s.seat === view.viewer ? ` ${t("lobby.you")}` : "",
                team(s.seat) ? h("div", { class: "status-line team-names" }, team(s.seat)) : null),
              h("td", {}, String(s.score)),
              h("td", { class: "breakdown", "data-breakdown": s.seat }, breakdown(s.seat) || "—"),
              h("td", {}, points(par(s.seat))),
              h("td", {}, h("strong", {}, signedNumber(s.score - par(s.seat)))),
              h("td", { class: "agenda-cell" }, s.agenda ? agendaTitle(s.agenda) : "—",
                s.agenda ? h("div", { class: "status-line" }, agendaMet.has(s.seat) ? `✔ ${t("end.agendaMet")}` : `✘ ${t("end.agendaMissed")}`) : null)))))),
        h("section", { class: "card" },
          h("h2", {}, t("end.stats")),
          h("div", { class: "stats" }, ...statKeys.flatMap((k) => [h("span", {}, t(`end.stat.${k}`)), h("strong", {}, String(view.stats[k]))])),
          extras.noMenu ? null : h("div", { class: "actions" }, back, replay),
          makeReplayPublic)),
      turning,
      h("h2", { style: "margin-top:16px" }, t("end.charts")),
      chartStatus,
      h("div", { class: "charts", id: "charts" }, ...Object.values(canvases).map((c) => h("div", { class: "chart-box" }, c))),
      h("section", { class: "card timeline", style: "margin-top:16px" },
        h("h2", {}, t("end.timeline")),
        h("ol", {}, ...events.filter((e) => e.kind !== "scored").map((e) => h("li", {}, `${t("log.roundHeading", { round: e.round })}: ${eventText(e)}`)))),
    ),
  );
  root.appendChild(el);
  if (!extras.noMenu) back.focus();
  let charts: { destroy(): void }[] = [];
  let gone = false;
  void import("../charts/endCharts.ts").then(({ drawEndCharts }) => {
    if (gone) return;
    charts = drawEndCharts(canvases, seriesFrom(view.history));
    chartStatus.textContent = "";
    el.dataset.chartsReady = "true";
  }).catch((e: unknown) => { chartStatus.textContent = t("errors.generic", { message: String(e) }); });
  return () => {
    gone = true;
    for (const c of charts) c.destroy();
    el.remove();
  };
}
