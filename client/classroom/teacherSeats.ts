import { AGENDA_BY_ID } from "../../shared/content/index.ts";
import type { GameView, Seat } from "../../shared/engine/index.ts";
import type { MatchState } from "../../shared/protocol/state.ts";
import { agendaTitle, t } from "../i18n/strings.ts";
import { reasonLine } from "../review/botReasons.ts";
import { h, replace } from "../ui/dom.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";

/**
 * The Seats tab of the teacher's map: every seat with who plays it, its score and whether it has given its orders,
 * its secret agenda (the teacher holds every seat's secrets; students and the projector never get them), and beside
 * each seat a bot plays the reason it gave for its last orders, which the class room keeps in the seat's secret (so
 * a reload or another device has it at once). A seat played by a team shows no reason.
 */
export class TeacherSeats {
  readonly el = h("div", { class: "panel teacher-seats", id: "panel-seats", role: "tabpanel", "aria-labelledby": "tab-seats" });
  private key = "";

  render(state: MatchState, view: GameView): void {
    const bots = new Set<string>();
    state.seats.forEach((entry, seat) => { if (entry.controller === "bot") bots.add(seat); });
    const rows = view.seats.filter((s) => state.seats.has(s.seat)).map((s) => {
      const entry = state.seats.get(s.seat)!;
      const agenda = state.secrets?.get(s.seat)?.agenda;
      const reason = bots.has(s.seat) ? reasonLine(state.secrets?.get(s.seat)?.reason) : null;
      return {
        seat: s.seat,
        who: bots.has(s.seat) ? t("classroom.dash.bot") : entry.players.length ? t("classroom.map.team", { names: [...entry.players].join(", ") }) : t("classroom.dash.none"),
        status: `${t("game.score", { score: s.score })}${view.phase === "orders" ? ` · ${s.submitted ? `✓ ${t("classroom.dash.submitted")}` : `… ${t("classroom.dash.notSubmitted")}`}` : ""}`,
        agenda: agenda && AGENDA_BY_ID.has(agenda) ? agendaTitle(agenda) : "",
        bot: bots.has(s.seat),
        reason: reason ? { round: t("log.roundHeading", { round: reason.round }), text: reason.text } : null,
      };
    });
    const key = JSON.stringify(rows);
    if (key === this.key) return;
    this.key = key;
    replace(this.el,
      h("h2", {}, t("classroom.map.seatsHeading")),
      // Said once for every bot seat, so a seat that has not spoken yet needs only a word.
      rows.some((r) => r.bot) ? h("p", { class: "status-line teacher-seats-hint" }, t("classroom.map.reasonsHint")) : null,
      h("ul", { class: "teacher-seat-list", id: "teacher-seats" }, ...rows.map((r) => h("li", { "data-seat": r.seat, style: `--swatch:${SEAT_COLOURS[r.seat as Seat]}` },
        h("div", { class: "seat-line" },
          h("strong", {}, t(`seat.${r.seat}`)), h("span", { class: "seat-who" }, r.who), h("span", { class: "seat-status" }, r.status)),
        r.agenda ? h("p", { class: "seat-agenda", "data-secret": r.seat }, h("span", { class: "label" }, `${t("classroom.dash.agenda")}: `), r.agenda) : null,
        r.reason ? h("p", { class: "bot-reason", "data-reason": r.seat }, h("span", { class: "label" }, `${r.reason.round} · ${t("why.label")}: `), r.reason.text)
        : r.bot ? h("p", { class: "bot-reason none" }, t("classroom.map.noReason")) : null))));
  }
}
