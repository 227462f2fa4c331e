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

/** How often a debrief waiting for its review asks again, and for how long at most (about ten minutes). */
const POLL_MS = 10_000;
const POLLS = 60;

/**
 * The section as above, which, while the review is pending, asks the server again now and then and shows the
 * turning points when they are ready (until the page leaves it).
 */
export function liveTurningPoints(tp: DebriefTurningPoints | undefined, again: () => Promise<DebriefTurningPoints | undefined>): HTMLElement | null {
  let el = turningPointsSection(tp);
  if (!el || tp?.status !== "pending") return el;
  let tries = 0;
  const poll = () => {
    if (!el!.isConnected) return;
    if (++tries > POLLS) return;
    void again().then((next) => {
      if (!el!.isConnected) return;
      const fresh = turningPointsSection(next);
      if (fresh) {
        el!.replaceWith(fresh);
        el = fresh;
      }
      if (next?.status === "pending") setTimeout(poll, POLL_MS);
    }).catch(() => setTimeout(poll, POLL_MS));
  };
  setTimeout(poll, POLL_MS);
  return el;
}
