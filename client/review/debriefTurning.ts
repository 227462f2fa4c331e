import type { Seat } from "../../shared/engine/index.ts";
import type { DebriefTurningPoints } from "../../shared/debrief/turning.ts";
import { seatName, t } from "../i18n/strings.ts";
import { h } from "../ui/dom.ts";
import { SEAT_COLOURS } from "../ui/palette.ts";
import { turningText, turningWhy } from "./turningText.ts";

/** The debrief's "Turning points" section: per reviewed seat (a class's team), its costliest decisions. Printable. */
export function turningPointsSection(tp: DebriefTurningPoints | undefined): HTMLElement | null {
  if (!tp) return null;
  const body = tp.status === "pending" ? [h("p", { class: "muted", id: "turning-pending" }, t("review.turning.pending"))]
    : tp.status === "failed" ? [h("p", { class: "muted" }, t("review.turning.failed"))]
    : [h("p", { class: "muted" }, t("review.turning.explain")),
      ...Object.entries(tp.bySeat).map(([seat, lines]) => h("div", { class: "turning-seat", "data-seat": seat },
        h("h3", {}, h("span", { class: "swatch", style: `--swatch:${SEAT_COLOURS[seat as Seat]};background:${SEAT_COLOURS[seat as Seat]}` }), t("review.turning.seat", { seat: seatName(seat) })),
        lines!.length === 0 ? h("p", { class: "muted" }, t("review.turning.noneFor", { seat: seatName(seat), count: tp.decisions[seat as Seat] ?? 0 }))
          : h("ol", {}, ...lines!.map((line) => h("li", {}, turningText(line), h("br"), h("small", { class: "muted" }, turningWhy(line)))))))];
  return h("section", { class: "card", id: "debrief-turning" }, h("h2", {}, t("review.turning.heading")), ...body);
}
