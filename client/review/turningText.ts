import type { Input } from "../../shared/engine/index.ts";
import type { ReviewedDecision } from "../../shared/review/analyse.ts";
import { formatNumber, seatName, t } from "../i18n/strings.ts";
import { actionName, answerLabel, optionLabel } from "../panels/labels.ts";
import { whyText } from "../panels/whyText.ts";

/** A choice at a decision in words: "declining China's offer (Belt and Road loan)", "the orders Develop, …". */
export function choiceText(input: Input, d: ReviewedDecision["decision"]): string {
  if (input.type === "orders") {
    if (input.orders.length === 0) return t("review.choice.noOrders");
    const list = input.orders.map((o) => {
      const detail = [o.target ? seatName(o.target) : "", o.option ? optionLabel(o.option) : ""].filter(Boolean).join(", ");
      return `${actionName(o.action)}${detail ? ` (${detail})` : ""}`;
    }).join("; ");
    return t("review.choice.orders", { orders: list });
  }
  if (input.type !== "answer" || !d) return "";
  const from = seatName(String(d.from ?? ""));
  const state = seatName(String(d.state ?? d.from ?? ""));
  switch (d.kind) {
    case "offer": return t(input.answer === "accept" ? "review.choice.accept" : "review.choice.decline", { from, action: actionName(d.action ?? "") });
    case "crisisRequest": return input.answer === "none" ? t("review.choice.crisisRequestNone")
      : t("review.choice.crisisRequest", { helper: input.answer === "csto" ? t("org.csto") : seatName(input.answer) });
    case "crisisResponse": return t(input.answer === "intervene" ? "review.choice.intervene" : "review.choice.declineHelp", { state });
    case "leverage": return t("review.choice.leverage", { option: answerLabel("leverage", input.answer), state });
  }
}

/** "Round 3: accepting China's offer (…) cost about 4 points against par; declining … was better." */
type Turning = Pick<ReviewedDecision, "round" | "loss" | "played" | "preferred" | "decision" | "why">;

export function turningText(d: Turning): string {
  return t("review.turning.line", { round: d.round, played: choiceText(d.played, d.decision), preferred: choiceText(d.preferred, d.decision), points: formatNumber(d.loss, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}

/** The bots' reason for the preferred choice, in words. */
export function turningWhy(d: Turning): string {
  return t("review.turning.why", { why: whyText({ ...d.why.params, why: d.why.id }) });
}
