import type { AgendaCondition, AgendaProgress, GameEvent, ObjectiveProgress, ScoreCategory, Seat } from "../../shared/engine/index.ts";
import { scoreParts } from "../../shared/engine/index.ts";
import { formatNumber, POINTS_FORMAT, t } from "../i18n/strings.ts";

/**
 * Scores and goals in words: the engine measures (objectives, agendaProgress, scoreParts), this says it.
 * Pure, so the round summary's arithmetic is tested without a page.
 */

export function categoryName(c: ScoreCategory): string {
  return t(`score.category.${c}`);
}

/** Points as the language writes them (POINTS_FORMAT). */
export function points(n: number): string {
  return formatNumber(n, POINTS_FORMAT);
}

const shown = (value: number, id: string) => (id === "balanced" || id === "dominantShare" ? `${Math.round(value * 100)}%` : String(value));

/** "CSTO members where you lead security: 2 of 3 → 2 points". */
export function objectiveText(o: ObjectiveProgress): string {
  const progress = o.of !== null
    ? t("score.ofStates", { value: o.value, of: o.of })
    : t(o.atMost ? "score.atMost" : "score.atLeast", { value: shown(o.value, o.category), target: shown(o.target, o.category) });
  return t("score.objective", { name: t(`score.objectiveName.${o.category}`), progress, count: o.points });
}

const FLAGS = new Set(["kazakhstanCsto", "kazakhstanEaeu", "csto", "eaeu", "allInclusiveDivision"]);

/** One condition of a secret agenda: "○ CSTO interventions: 1, needs at least 2". */
export function conditionText(c: AgendaCondition): string {
  const mark = c.met ? "✓" : "○";
  const name = t(`score.condition.${c.id}`, { defaultValue: c.id });
  if (FLAGS.has(c.id)) return `${mark} ${name}`;
  return `${mark} ${name}: ${t(c.atMost ? "score.atMost" : "score.atLeast", { value: shown(c.value, c.id), target: shown(c.target, c.id) })}`;
}

/** An agenda's conditions grouped by alternative (most have one; "all-inclusive" may be met two ways). */
export function agendaLines(p: AgendaProgress): string[] {
  const alts = [...new Set(p.conditions.map((c) => c.alt))];
  return alts.flatMap((alt, i) => [
    ...(i > 0 ? [t("score.or")] : []),
    ...p.conditions.filter((c) => c.alt === alt).map(conditionText),
  ]);
}

export interface RoundScore {
  round: number;
  /** Points by category this round, in the order they were first logged. */
  parts: { category: ScoreCategory; points: number }[];
  total: number;
}

/** What the seat scored in one round, by category, from the log's score lines (the same lines the log shows). */
export function roundScore(events: readonly GameEvent[], seat: Seat, round: number): RoundScore {
  const parts: RoundScore["parts"] = [];
  let total = 0;
  for (const p of scoreParts(events, seat)) {
    if (p.round !== round || p.points === 0) continue;
    const same = parts.find((x) => x.category === p.category);
    if (same) same.points += p.points;
    else parts.push({ category: p.category, points: p.points });
    total += p.points;
  }
  return { round, parts, total };
}

/** The events of a round that moved the global tracks or the division of labour: the "why" of the summary. */
export const TRACK_EVENTS = new Set(["encroachment", "commonFoe", "asymmetryGrows", "bargain", "rupture"]);
