import { ARRANGEMENT_BY_ID } from "../../shared/content/index.ts";
import { RULES, type GameView } from "../../shared/engine/index.ts";
import type { MatchInfo } from "../../shared/protocol/connection.ts";
import { h, replace } from "../ui/dom.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { arrangementName, t } from "../i18n/strings.ts";
import { formatTime } from "./labels.ts";
import { languagePicker } from "../ui/languagePicker.ts";

function meter(value: number, max: number, danger = false): HTMLElement {
  return h("span", { class: `meter${danger ? " danger" : ""}`, "aria-hidden": "true" },
    ...Array.from({ length: max }, (_, i) => h("i", { class: i < value ? "on" : "" })));
}

function track(name: string, value: number, max: number, danger = false, id = ""): HTMLElement {
  return h("div", { class: "track", id, role: "group", "aria-label": `${name}: ${t("game.trackValue", { value, max })}` },
    h("span", { class: "name" }, name),
    h("span", { class: "val" }, t("game.trackValue", { value, max })),
    meter(value, max, danger));
}

/** The top bar: year, round and phase, the global tracks, the timer and the player's own seat. */
export class TopBar {
  readonly el = h("header", { class: "topbar" });
  private timerEl = h("span", { class: "timer", role: "timer", "aria-live": "off", id: "timer" });
  private tick: ReturnType<typeof setInterval>;
  private match: MatchInfo | null = null;
  /** Made once, so a re-render does not close it while open. */
  private picker = languagePicker("lang-picker-game");

  private onLeave: (() => void) | null;
  private viewerLabel: string | null;

  /** No `onLeave`: no leave button (a class's teacher and projector leave by their own page). */
  constructor(onLeave: (() => void) | null, viewerLabel: string | null = null) {
    this.onLeave = onLeave;
    this.viewerLabel = viewerLabel;
    this.tick = setInterval(() => this.renderTimer(), 500);
  }

  destroy(): void {
    clearInterval(this.tick);
  }

  render(view: GameView, match: MatchInfo): void {
    this.match = match;
    const g = view.global;
    const me = view.seats.find((s) => s.seat === view.viewer);
    const division = arrangementName(g.division);
    replace(this.el,
      h("div", { class: "when" },
        h("strong", { id: "year" }, t("game.year", { year: g.year })),
        h("span", { id: "round" }, `${t("game.round", { round: view.round, max: view.maxRounds })} · ${t(`phase.${view.phase}`)}`)),
      h("div", { class: "tracks" },
        // Out of the rupture line, the same scale as the orders panel's tension gauge.
        // Marked as a danger three points or less from the line.
        track(t("game.tension"), g.tension, RULES.ruptureAt, g.tension >= RULES.ruptureAt - 3, "track-tension"),
        h("div", { class: "track", id: "track-division" }, h("span", { class: "name" }, t("game.division")), h("span", { class: "val" }, division)),
        track(t("game.asymmetry"), g.asymmetry, 10),
        track(t("game.afghan"), g.afghanThreat, 5, g.afghanThreat >= 4),
        track(t("game.westPresence"), g.westPresence, 10)),
      this.timerEl,
      me ? h("div", { class: "me", style: `--swatch:${SEAT_COLOURS[me.seat]}`, id: "me" },
        h("strong", {}, t("game.you", { seat: t(`seat.${me.seat}`) })),
        h("span", {}, `${t("game.funds", { funds: me.funds, income: me.income })} · ${t("game.ap", { ap: me.ap })}`),
        h("span", {}, t("game.score", { score: me.score })))
        : h("div", { class: "me" }, h("strong", {}, this.viewerLabel ?? t("game.spectating"))),
      h("div", { class: "top-actions" }, this.picker, this.onLeave ? h("button", { type: "button", class: "small", onclick: this.onLeave }, t("game.leave")) : null),
    );
    this.renderTimer();
  }

  private renderTimer(): void {
    const m = this.match;
    if (!m) return;
    if (m.paused) this.timerEl.textContent = t("game.paused");
    else if (m.timerEndsAt === null) this.timerEl.textContent = t("game.noTimer");
    else {
      const left = m.timerEndsAt - Date.now();
      this.timerEl.textContent = t("game.timer", { time: formatTime(left) });
      this.timerEl.classList.toggle("low", left < 20_000);
    }
  }
}
