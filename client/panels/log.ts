import type { GameEvent } from "../../shared/engine/index.ts";
import { h, replace } from "../ui/dom.ts";
import { eventText, t } from "../i18n/strings.ts";

/** The whole game so far as readable sentences, grouped by round, newest round first. */
export class LogPanel {
  readonly el = h("div", { class: "panel", id: "panel-log", role: "tabpanel", "aria-labelledby": "tab-log" });
  private count = -1;

  render(events: GameEvent[]): void {
    if (events.length === this.count) return;
    this.count = events.length;
    if (events.length === 0) return void replace(this.el, h("h2", {}, t("log.heading")), h("p", {}, t("log.empty")));
    const rounds = new Map<number, GameEvent[]>();
    for (const e of events) {
      const list = rounds.get(e.round) ?? [];
      list.push(e);
      rounds.set(e.round, list);
    }
    replace(this.el, h("h2", {}, t("log.heading")),
      ...[...rounds.entries()].reverse().map(([round, list]) => h("section", { class: "log-round" },
        h("h3", {}, t("log.roundHeading", { round })),
        h("ol", {}, ...list.map((e) => h("li", {}, eventText(e)))))));
  }
}
