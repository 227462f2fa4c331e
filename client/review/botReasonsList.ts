import type { GameEvent } from "../../shared/engine/index.ts";
import { BOT_REASON } from "../../shared/review/seen.ts";
import { seatName, t } from "../i18n/strings.ts";
import { whyText } from "../panels/whyText.ts";
import { h } from "../ui/dom.ts";

/** Beside the board on the teacher's dashboard: each bot seat's latest reason (bots say why), newest round first. */
export function botReasonsList(events: GameEvent[]): HTMLElement | null {
  const latest = new Map<string, GameEvent>();
  for (const e of events) if (e.kind === BOT_REASON) latest.set(String(e.params.seat), e);
  if (latest.size === 0) return null;
  return h("section", { class: "bot-reasons", id: "bot-reasons" },
    h("h3", {}, t("review.botReasons")),
    h("ul", {}, ...[...latest].map(([seat, e]) => h("li", { "data-seat": seat }, h("strong", {}, `${seatName(seat)} · ${t("log.roundHeading", { round: e.round })}: `), whyText(e.params)))));
}
