import { ACTION_BY_ID, ARRANGEMENT_BY_ID, CRISIS_RESPONSE_BY_ID, LEVERAGE_BY_ID } from "../../shared/content/index.ts";
import type { Arrangement } from "../../shared/engine/index.ts";
import { actionName as contentActionName, contentText, optionName, t } from "../i18n/strings.ts";

/** Names for the ids that appear in legal actions and decisions, in the interface's language. */
export function actionName(id: string): string {
  return ACTION_BY_ID.has(id) ? contentActionName(id) : id;
}

export function optionLabel(option: string): string {
  return optionName(option);
}

/** An order in a line: its action, the state it targets and its option, where it has them. */
export function orderLabel(o: { action: string; target?: string | null; option?: string | null }): string {
  return [actionName(o.action), o.target ? t(`seat.${o.target}`) : null, o.option ? optionLabel(o.option) : null].filter(Boolean).join(" → ");
}

export function answerLabel(kind: string, answer: string): string {
  if (kind === "leverage" && LEVERAGE_BY_ID.has(answer as never)) return contentText("leverage", answer, "name");
  return t(`inbox.answers.${answer}`, { defaultValue: answer });
}

export function answerSummary(kind: string, answer: string): string | null {
  if (kind === "leverage") return LEVERAGE_BY_ID.has(answer as never) ? contentText("leverage", answer, "summary") : null;
  if (kind === "crisisRequest") return CRISIS_RESPONSE_BY_ID.has(answer as never) ? contentText("crisisResponse", answer, "summary") : null;
  return null;
}

export function formatTime(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  // Long (asynchronous) phases: hours, minutes and seconds.
  if (s >= 3600) return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
