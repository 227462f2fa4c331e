import { checkPlan, type GameView, type Input, type Order } from "../engine/index.ts";
import { Rng, seedRng } from "../engine/rng.ts";

/** Uniformly random legal play: the fuzzer's and the benchmark's player. */
export function randomInput(view: GameView, seed: number): Input | null {
  const seat = view.viewer;
  if (seat === "spectator" || seat === "teacher" || !view.owes) return null;
  const rng = new Rng(seedRng(seed));
  if (view.phase === "orders") {
    const orders: Order[] = [];
    // What the plan so far leaves, by the engine's checkPlan: an action it cannot cover is passed over before a
    // target is drawn, and the plan with the drawn target and option must pass checkPlan whole.
    let left = checkPlan(view, orders).remaining;
    const wanted = rng.int(0, 3);
    for (let tries = 0; tries < 8 && orders.length < wanted; tries++) {
      if (view.legal.length === 0) break;
      const l = rng.pick(view.legal);
      if (l.ap > left.actionPoints || l.cost > left.funds || left.orders < 1) continue;
      const order: Order = { action: l.action };
      if (l.targets.length) order.target = rng.pick(l.targets);
      if (l.options.length) order.option = rng.pick(l.options);
      const check = checkPlan(view, [...orders, order]);
      if (!check.ok) continue;
      orders.push(order);
      left = check.remaining;
    }
    return { type: "orders", seat, orders };
  }
  const open = view.decisions.find((d) => d.seat === seat && d.answer === null);
  if (!open) return null;
  return { type: "answer", seat, decision: open.id, answer: rng.pick(open.options) };
}
