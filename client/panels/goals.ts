import { AGENDA_BY_ID } from "../../shared/content/index.ts";
import { agendaMet, roundPoints, stateFromView, type GameView, type Seat } from "../../shared/engine/index.ts";
import { h, replace } from "../ui/dom.ts";
import { sourceButton } from "../ui/sourceDialog.ts";
import { t } from "../i18n/strings.ts";

/**
 * What the player scores for, on the game screen: the seat's public objectives with the points they would give
 * if the year were scored now, and its secret agenda with whether it is met now. The engine says both, from the
 * player's own view (stateFromView holds nothing of other seats' secrets).
 */
export class GoalsPanel {
  readonly el = h("details", { class: "goals", id: "goals" });
  private key = "";

  constructor(open: boolean) {
    (this.el as HTMLDetailsElement).open = open;
  }

  render(view: GameView): void {
    const me = view.seats.find((s) => s.seat === view.viewer);
    if (!me) {
      this.el.hidden = true;
      return;
    }
    const key = JSON.stringify([view.round, view.phase, view.global, view.countries, me.score, me.agenda, view.stats]);
    if (key === this.key) return;
    this.key = key;
    this.el.hidden = false;
    const seat: Seat = me.seat;
    const state = stateFromView(view);
    const now = roundPoints(state, seat);
    const agenda = me.agenda ? AGENDA_BY_ID.get(me.agenda) : undefined;
    const met = agenda ? agendaMet(state, seat, agenda.id) : false;
    const role = seat === "russia" || seat === "china" || seat === "west" ? seat : "state";
    replace(this.el,
      h("summary", {}, h("strong", {}, t("goals.heading")), " ", h("span", { class: "goals-now", id: "goals-now" }, t("goals.now", { count: now }))),
      h("p", { class: "goals-objectives" }, t(`goals.objectives.${role}`)),
      agenda ? h("div", { class: `goals-agenda${met ? " met" : ""}`, id: "agenda" },
        h("strong", {}, t("game.agenda", { title: agenda.title })), " ",
        h("span", { class: "goals-state", id: "agenda-state" }, met ? t("goals.agendaMet", { points: agenda.points }) : t("goals.agendaNotYet", { points: agenda.points })),
        h("p", {}, agenda.description, " ", sourceButton(agenda.title, agenda.source))) : null,
    );
  }
}
