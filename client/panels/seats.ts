import type { GameView } from "../../shared/engine/index.ts";
import type { MatchInfo } from "../../shared/protocol/connection.ts";
import { h, replace } from "../ui/dom.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { t } from "../i18n/strings.ts";

/** Every seat: who plays it, its score, whether it has moved this phase. */
export class SeatsPanel {
  readonly el = h("div", { class: "panel", id: "panel-seats", role: "tabpanel", "aria-labelledby": "tab-seats" });
  private key = "";

  render(view: GameView, match: MatchInfo, pending: Set<string>): void {
    const key = JSON.stringify([view.seats, match.seats, [...pending]]);
    if (key === this.key) return;
    this.key = key;
    // The player's own agenda and objectives are on the game screen itself (GoalsPanel), not only here.
    replace(this.el,
      h("h2", {}, t("lobby.seats")),
      h("ul", { class: "seat-list" }, ...view.seats.map((s) => {
        const info = match.seats.find((m) => m.seat === s.seat);
        const who = info?.controller === "bot" ? t("controller.bot") : (info?.players.join(", ") || t("controller.human"));
        return h("li", { style: `--swatch:${SEAT_COLOURS[s.seat]}` },
          h("span", {}, h("strong", {}, t(`seat.${s.seat}`)), ` · ${who}`, info && !info.connected ? ` (${t("lobby.disconnected")})` : ""),
          h("span", {}, `${t("game.score", { score: s.score })}${pending.has(s.seat) ? " · …" : view.phase === "orders" && s.submitted ? ` · ✓ ${t("game.submitted")}` : ""}`));
      })),
    );
  }
}
