import { checkPlan, type GameView, type Input, type Order } from "../engine/index.ts";
import { Rng, seedRng } from "../engine/rng.ts";

/** Uniformly random legal play: the fuzzer's and the benchmark's player. */
export function randomInput(view: GameView, seed: number): Input | null {
  const seat = view.viewer;
  if (seat === "spectator" || seat === "teacher" || !view.owes) return null;
  const rng = new Rng(seedRng(seed));
  if (view.phase === "orders") {
    const orders: Order[] = [];
    const wanted = rng.int(0, 3);
    for (let tries = 0; tries < 8 && orders.length < wanted; tries++) {
      if (view.legal.length === 0) break;
      const l = rng.pick(view.legal);
      // The budget first (before drawing a target), then the whole plan with the drawn target and option.
      const { remaining } = checkPlan(view, [...orders, { action: l.action }]);
      if (remaining.actionPoints < 0 || remaining.funds < 0 || remaining.orders < 0) continue;
      const order: Order = { action: l.action };
      if (l.targets.length) order.target = rng.pick(l.targets);
      if (l.options.length) order.option = rng.pick(l.options);
      if (!checkPlan(view, [...orders, order]).ok) continue;
      orders.push(order);
    }
    return { type: "orders", seat, orders };
  }
  const open = view.decisions.find((d) => d.seat === seat && d.answer === null);
  if (!open) return null;
  return { type: "answer", seat, decision: open.id, answer: rng.pick(open.options) };
}
