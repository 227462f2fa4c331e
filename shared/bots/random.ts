import type { GameView, Input, Order } from "../engine/index.ts";
import { Rng, seedRng } from "../engine/rng.ts";

/** Uniformly random legal play: the fuzzer's and the benchmark's player. */
export function randomInput(view: GameView, seed: number): Input | null {
  const seat = view.viewer;
  if (seat === "spectator" || seat === "teacher" || !view.owes) return null;
  const rng = new Rng(seedRng(seed));
  if (view.phase === "orders") {
    const me = view.seats.find((s) => s.seat === seat)!;
    let ap = me.ap;
    let funds = me.funds;
    const orders: Order[] = [];
    const used = new Set<string>();
    const wanted = rng.int(0, 3);
    for (let tries = 0; tries < 8 && orders.length < wanted; tries++) {
      if (view.legal.length === 0) break;
      const l = rng.pick(view.legal);
      if (l.ap > ap || l.cost > funds) continue;
      const order: Order = { action: l.action };
      if (l.targets.length) order.target = rng.pick(l.targets);
      if (l.options.length) order.option = rng.pick(l.options);
      const key = `${order.action}|${order.target ?? ""}`;
      if (used.has(key)) continue;
      used.add(key);
      orders.push(order);
      ap -= l.ap;
      funds -= l.cost;
    }
    return { type: "orders", seat, orders };
  }
  const open = view.decisions.find((d) => d.seat === seat && d.answer === null);
  if (!open) return null;
  return { type: "answer", seat, decision: open.id, answer: rng.pick(open.options) };
}
