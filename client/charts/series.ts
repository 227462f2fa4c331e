import { POWERS, STATES, type GameView, type Power, type StateId } from "../../shared/engine/index.ts";

/** The per-round figures the end-of-game charts draw, from the view's history. */
export interface ChartSeries {
  labels: string[];
  influence: Record<Power, number[]>;
  stability: Record<StateId, number[]>;
  debt: Record<StateId, number[]>;
  tension: number[];
}

export function seriesFrom(history: GameView["history"]): ChartSeries {
  const byPower = (p: Power) => history.map((h) => STATES.reduce((n, s) => n + (h.states[s]?.influence[p] ?? 0), 0));
  const byState = (f: (s: StateId, i: number) => number) =>
    Object.fromEntries(STATES.map((s) => [s, history.map((_, i) => f(s, i))])) as Record<StateId, number[]>;
  return {
    labels: history.map((h) => `${h.round} (${h.year})`),
    influence: Object.fromEntries(POWERS.map((p) => [p, byPower(p)])) as Record<Power, number[]>,
    stability: byState((s, i) => history[i]!.states[s]?.stability ?? 0),
    debt: byState((s, i) => history[i]!.states[s]?.debt ?? 0),
    tension: history.map((h) => h.tension),
  };
}
