import { ACTION_BY_ID } from "../../shared/content/index.ts";
import { RULES, previewInput, rupturePenalty, type GameView, type Order, type StateId } from "../../shared/engine/index.ts";

/*
 * The Sino-Russian tension gauge of a power's plan: where tension stands, where the rupture line is, and what each
 * of the plan's encroaching orders adds. Every number is the engine's: the line from RULES, the penalty from
 * scoring, each order's share from the engine's preview of the whole plan (so orders that resolve after a rupture,
 * or an order that eases tension, count as they would in play). Pure data, so it is tested without a page.
 */

type Power = "russia" | "china";

/** One encroaching order's share: the tension it adds, from `from` to `to`, as the plan resolves. */
export interface TensionShare { action: string; target: StateId | null; tension: number; from: number; to: number }

export interface TensionGauge {
  seat: Power;
  /** The other power, whose simultaneous orders the gauge cannot know. */
  rival: Power;
  now: number;
  /** The rupture line: tension at which the partnership breaks and the game ends. */
  line: number;
  /** Tension after the plan, as the engine previews it. */
  after: number;
  shares: TensionShare[];
  /** The plan alone would bring tension to the line. */
  rupture: boolean;
  /** What a rupture costs each power in this game. */
  penalty: number;
  /** The plan holds an offer: it counts with its target's default answer. */
  hasOffer: boolean;
}

/**
 * The gauge for the viewer's plan, or null when the viewer cannot encroach (a state, the West, a spectator).
 * A plan the engine would refuse adds nothing: its reason is shown elsewhere in the panel.
 */
export function tensionGauge(view: GameView, plan: readonly Order[]): TensionGauge | null {
  const seat = view.viewer;
  if (seat !== "russia" && seat !== "china") return null;
  if (!view.seats.some((s) => s.seat === seat)) return null;
  const now = view.global.tension;
  const gauge: TensionGauge = {
    seat, rival: seat === "russia" ? "china" : "russia", now, line: RULES.ruptureAt, after: now, shares: [], rupture: false,
    penalty: rupturePenalty(view.options.length), hasOffer: plan.some((o) => ACTION_BY_ID.get(o.action)?.offer === true),
  };
  if (plan.length === 0 || view.phase !== "orders") return gauge;
  const outcome = previewInput(view, { type: "orders", seat, orders: [...plan] }).outcomes[0];
  if (!outcome) return gauge;
  const tension = outcome.changes.find((c) => c.kind === "global" && c.track === "tension");
  gauge.after = tension ? (tension.to as number) : now;
  gauge.rupture = outcome.rupture;
  gauge.shares = outcome.encroachments
    .filter((e) => e.order?.seat === seat)
    .map((e) => ({ action: e.order!.action, target: e.order!.target, tension: e.tension, from: e.tensionAfter - e.tension, to: e.tensionAfter }));
  return gauge;
}
