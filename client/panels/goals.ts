import { AGENDA_BY_ID } from "../../shared/content/index.ts";
import { agendaProgress, objectives, type GameView } from "../../shared/engine/index.ts";
import { h, replace } from "../ui/dom.ts";
import { sourceButton } from "../ui/sourceDialog.ts";
import { agendaDescription, agendaTitle, t } from "../i18n/strings.ts";
import { agendaLines, objectiveText } from "./scoreText.ts";

/**
 * What the player scores for, on the game screen: each public objective, how far it is met and the points it would
 * give if the year were scored now, and the secret agenda's conditions and whether it is met now. The engine
 * measures both (objectives, agendaProgress) on the player's own view.
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
      // Nothing of a seat's goals stays behind for a viewer with no seat (a replay switched to the public view).
      this.el.hidden = true;
      replace(this.el);
      this.key = "";
      return;
    }
    const key = JSON.stringify([view.round, view.phase, view.global, view.countries, me.score, me.agenda, view.stats]);
    if (key === this.key) return;
    this.key = key;
    this.el.hidden = false;
    const list = objectives(view, me.seat);
    const now = list.reduce((n, o) => n + o.points, 0);
    const agenda = me.agenda ? AGENDA_BY_ID.get(me.agenda) : undefined;
    const progress = agenda ? agendaProgress(view, me.seat, agenda.id) : null;
    const met = progress?.met ?? false;
    replace(this.el,
      h("summary", {}, h("strong", {}, t("goals.heading")), " ", h("span", { class: "goals-now", id: "goals-now" }, t("goals.now", { count: now }))),
      h("ul", { class: "goals-list", id: "objectives" }, ...list.map((o) => h("li", { class: o.met ? "met" : "" }, `${o.met ? "✓" : "○"} ${objectiveText(o)}`))),
      agenda ? h("div", { class: `goals-agenda${met ? " met" : ""}`, id: "agenda" },
        h("strong", {}, t("game.agenda", { title: agendaTitle(agenda.id) })), " ",
        h("span", { class: "goals-state", id: "agenda-state" }, met ? t("goals.agendaMet", { points: agenda.points }) : t("goals.agendaNotYet", { points: agenda.points })),
        h("p", {}, agendaDescription(agenda.id), " ", sourceButton(agendaTitle(agenda.id), agenda.source)),
        progress ? h("ul", { class: "goals-list" }, ...agendaLines(progress).map((line) => h("li", {}, line))) : null) : null,
    );
  }
}
