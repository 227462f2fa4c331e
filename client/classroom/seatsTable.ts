import type { GameView } from "../../shared/engine/index.ts";
import type { MatchState } from "../../shared/protocol/state.ts";
import { h } from "../ui/dom.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { t } from "../i18n/strings.ts";

/** Seats with their teams and whether each has played this phase; public facts only. */
export function seatsTable(state: MatchState, view: GameView | null): HTMLElement {
  const rows: HTMLElement[] = [];
  state.seats.forEach((entry, seat) => {
    const pub = view?.seats.find((s) => s.seat === seat);
    rows.push(h("tr", {},
      h("th", { scope: "row" }, h("span", { class: "swatch", style: `--swatch:${SEAT_COLOURS[seat as keyof typeof SEAT_COLOURS]}` }), t(`seat.${seat}`)),
      h("td", {}, entry.controller === "bot" ? t("classroom.dash.bot") : [...entry.players].join(", ")),
      h("td", {}, view?.phase === "orders" ? (entry.submitted ? `✔ ${t("classroom.dash.submitted")}` : `… ${t("classroom.dash.notSubmitted")}`) : ""),
      h("td", {}, pub ? String(pub.score) : "")));
  });
  return h("table", { id: "seats-table" },
    h("thead", {}, h("tr", {}, h("th", {}, t("classroom.debrief.seat")), h("th", {}, t("classroom.projector.teams")), h("th", {}, t("classroom.dash.orders")), h("th", {}, t("classroom.debrief.score")))),
    h("tbody", {}, ...rows));
}

/** "Round 2 of 6 · Orders", or "Not started": the class's place in the game, on every class screen. */
export function roundLine(state: MatchState): string {
  if (!state.started) return t("classroom.dash.lobby");
  return `${t("classroom.dash.round", { round: state.round, max: state.maxRounds })} · ${t(`phase.${state.phase}`)}`;
}
