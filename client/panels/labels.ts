import { ACTION_BY_ID, ARRANGEMENT_BY_ID, CRISIS_RESPONSE_BY_ID, LEVERAGE_BY_ID } from "../../shared/content/index.ts";
import type { Arrangement } from "../../shared/engine/index.ts";
import { t } from "../i18n/strings.ts";

/** Names for the ids that appear in legal actions and decisions. */
export function actionName(id: string): string {
  return ACTION_BY_ID.get(id)?.name ?? id;
}

export function optionLabel(option: string): string {
  const arrangement = ARRANGEMENT_BY_ID.get(option as Arrangement);
  if (arrangement) return arrangement.name;
  if (option === "csto" || option === "eaeu" || option === "sco") return t(`org.${option}`);
  return t(`seat.${option}`, { defaultValue: option });
}

export function answerLabel(kind: string, answer: string): string {
  if (kind === "leverage") return LEVERAGE_BY_ID.get(answer)?.name ?? t(`inbox.answers.${answer}`, { defaultValue: answer });
  return t(`inbox.answers.${answer}`, { defaultValue: answer });
}

export function answerSummary(kind: string, answer: string): string | null {
  if (kind === "leverage") return LEVERAGE_BY_ID.get(answer)?.summary ?? null;
  if (kind === "crisisRequest") return CRISIS_RESPONSE_BY_ID.get(answer)?.summary ?? null;
  return null;
}

export function formatTime(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
