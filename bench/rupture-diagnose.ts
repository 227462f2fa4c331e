import { CLOCKED_BUDGET } from "../server/bots/clockedBudget.ts";
import { levelPlayer, playGame } from "../shared/bots/play.ts";
import { BOT_LEVELS } from "../shared/bots/decide.ts";
import { determinisations, normalPlan, plansFor } from "../shared/bots/normal.ts";
import { playForward, type Fixed } from "../shared/bots/playout.ts";
import { previewInput } from "../shared/engine/preview.ts";
import { rupturePenalty, standing, viewFor, type GameEvent, type GameState, type Input, type Order, type Seat } from "../shared/engine/index.ts";
import { parseArgs, intArg, choiceArg } from "./args.ts";

/*
 * Why do Great Powers games rupture? Plays `--games` games with one bot level in every seat (hard by default) and,
 * for every game, records who raised Sino-Russian tension, when, and by which input. For each power's orders in the
 * round the partnership broke, it weighs the plan played against non-encroaching alternatives in the same worlds:
 * the plan without its encroaching orders, and the best plan without encroachment among the candidates the bots
 * build (plansFor, the normal bot's plan). Each is played to the game's end (every other seat's actual orders of
 * that round fixed, later years by the fast policy) from `--worlds` guessed worlds of the seat's own view, and
 * judged by the power's standing against par (what decides the table's winner), its margin over its rival (what
 * the hard bot maximises in Great Powers mode) and whether it would win the table. Whether its own orders alone
 * would reach the rupture line is the engine's effect preview (previewInput: other seats' orders count as none).
 *   node bench/rupture-diagnose.ts --games 20 --seed 21 --length short --bots hard --worlds 12 --json
 */

const args = parseArgs(process.argv.slice(2));
const games = intArg(args, "games", 20);
const seed0 = intArg(args, "seed", 21);
const worlds = intArg(args, "worlds", 12);
const length = choiceArg(args, "length", ["short", "standard"] as const, "short");
const level = choiceArg(args, "bots", BOT_LEVELS, "hard");
const bot = levelPlayer(level, CLOCKED_BUDGET);
const POWERS_ = ["russia", "china"] as const;
type P = (typeof POWERS_)[number];
const other = (p: P): P => (p === "russia" ? "china" : "russia");
const r1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

interface Step { input: Input; before: GameState; events: GameEvent[] }

const encroaches = (view: ReturnType<typeof viewFor>, seat: P, orders: Order[]) => {
  const pv = previewInput(view, { type: "orders", seat, orders });
  const o = pv.outcomes[0];
  return { count: o ? o.encroachments.length : 0, tension: o ? o.encroachments.reduce((n, e) => n + e.tension, 0) : 0, rupture: o?.rupture ?? false };
};
const nonEncroaching = (view: ReturnType<typeof viewFor>, seat: P, orders: Order[]) =>
  orders.filter((o) => (previewInput(view, { type: "order", seat, order: o }).outcomes.every((x) => x.encroachments.length === 0)));

/** Mean outcome of a plan for `seat`, played to the end in guessed worlds, with the round's other orders fixed. */
function judge(worldsOf: GameState[], seat: P, plan: Order[], othersFixed: Fixed, seed: number) {
  const out = worldsOf.map((w, i) => {
    const end = playForward(w, Infinity, (seed + i * 7_919) >>> 0, { ...othersFixed, [seat]: { type: "orders", seat, orders: plan } });
    const own = standing(end, seat), riv = standing(end, other(seat));
    const best = Math.max(...end.seatOrder.map((s) => standing(end, s)));
    return { own, h2h: own - riv, win: own >= best ? 1 : 0, rupture: end.endReason === "rupture" ? 1 : 0, west: standing(end, "west") };
  });
  return { own: r1(mean(out.map((x) => x.own))), h2h: r1(mean(out.map((x) => x.h2h))), win: r1(mean(out.map((x) => x.win))), rupture: r1(mean(out.map((x) => x.rupture))), west: r1(mean(out.map((x) => x.west))) };
}

const perGame: unknown[] = [];
const agg = {
  games: 0, ruptures: 0, cause: { ownOrdersAlone: 0, bothOrders: 0, oneSideOrders: 0, crisisOrLeverage: 0 } as Record<string, number>,
  encroachTension: { russia: 0, china: 0 } as Record<P, number>, encroachTensionRuptureRound: { russia: 0, china: 0 } as Record<P, number>,
  breaker: { russia: 0, china: 0 } as Record<string, number>,
  decisions: [] as { seat: P; played: ReturnType<typeof judge>; withoutEncroaching: ReturnType<typeof judge>; bestCalm: ReturnType<typeof judge>; deliberate: boolean; expectedRival: number; actualRival: number }[],
  endStanding: { rupture: { russia: [] as number[], china: [] as number[], west: [] as number[] }, noRupture: { russia: [] as number[], china: [] as number[], west: [] as number[] } },
  wins: { rupture: {} as Record<string, number>, noRupture: {} as Record<string, number> },
};
const started = performance.now();
for (let g = 0; g < games; g++) {
  const seed = seed0 + g;
  const steps: Step[] = [];
  const { state, inputs } = playGame({ mode: "powers", length }, seed, bot, (after, before) => steps.push({ input: null as unknown as Input, before, events: after.log }));
  // onStep is called once per accepted input, in order.
  steps.forEach((s, i) => { s.input = inputs[i]!; });
  agg.games++;
  const rupture = state.endReason === "rupture";
  const encroach = steps.flatMap((s) => s.events.filter((e) => e.kind === "encroachment").map((e) => ({
    round: e.round, phase: s.before.phase, seat: e.params.seat as P, delta: Number(e.params.delta), tension: Number(e.params.tension),
  })));
  for (const e of encroach) agg.encroachTension[e.seat] += e.delta;
  const key = rupture ? "rupture" : "noRupture";
  for (const s of ["russia", "china", "west"] as const) agg.endStanding[key][s].push(standing(state, s));
  for (const w of state.winners) agg.wins[key][w] = (agg.wins[key][w] ?? 0) + 1 / state.winners.length;
  const tensionAtRound = state.history.map((h) => h.tension);
  const game: Record<string, unknown> = { seed, rupture, rounds: state.round, winners: state.winners, tensionByRound: tensionAtRound,
    standing: { russia: r1(standing(state, "russia")), china: r1(standing(state, "china")), west: r1(standing(state, "west")) } };
  if (rupture) {
    agg.ruptures++;
    const breakIdx = steps.findIndex((s) => s.events.some((e) => e.kind === "rupture"));
    const brk = steps[breakIdx]!;
    const R = brk.before.round;
    game.ruptureRound = R;
    game.rupturePhase = brk.before.phase;
    game.penalty = rupturePenalty(length);
    const inRound = encroach.filter((e) => e.round === R);
    for (const e of inRound) agg.encroachTensionRuptureRound[e.seat] += e.delta;
    game.encroachmentsRuptureRound = { russia: inRound.filter((e) => e.seat === "russia").reduce((n, e) => n + e.delta, 0), china: inRound.filter((e) => e.seat === "china").reduce((n, e) => n + e.delta, 0) };
    game.encroachmentsRoundBefore = Object.fromEntries(POWERS_.map((p) => [p, encroach.filter((e) => e.round === R - 1 && e.seat === p).reduce((n, e) => n + e.delta, 0)]));
    // Each power's orders in the rupture round, found as the step where its orders were submitted.
    const orderSteps = steps.filter((s) => s.before.round === R && s.before.phase === "orders" && s.input.type === "orders");
    const ordersOf = new Map<Seat, Order[]>();
    for (const s of orderSteps) if (s.input.type === "orders") ordersOf.set(s.input.seat, s.input.orders);
    const decisions: Record<string, unknown> = {};
    let alone = false;
    for (const p of POWERS_) {
      const step = orderSteps.find((s) => s.input.type === "orders" && s.input.seat === p);
      const orders = ordersOf.get(p);
      if (!step || !orders) continue;
      const view = viewFor(step.before, p);
      const mine = encroaches(view, p, orders);
      if (mine.rupture) alone = true;
      if (mine.count === 0) { decisions[p] = { encroachments: 0 }; continue; }
      const fixed: Fixed = {};
      for (const [s, o] of ordersOf) if (s !== p && !step.before.seats[s]!.submitted) fixed[s] = { type: "orders", seat: s, orders: o };
      const dets = determinisations(view, seed * 97 + R, worlds);
      const played = judge(dets, p, orders, fixed, seed);
      const without = judge(dets, p, nonEncroaching(view, p, orders), fixed, seed);
      const { plans } = plansFor(view, p, determinisations(view, seed * 13 + R, 2), seed, 6);
      plans.push(normalPlan(view, p, seed).plan);
      const calm = plans.filter((pl) => encroaches(view, p, pl).count === 0);
      let bestCalm = without;
      for (const pl of calm) { const j = judge(dets, p, pl, fixed, seed); if (j.own > bestCalm.own) bestCalm = j; }
      // What the rival was expected to do: the normal plan in four guessed worlds of this seat's view (as the hard bot guesses it).
      const rv = other(p);
      const guesses = determinisations(view, seed ^ 0x5bd1e995, 4).map((det) => encroaches(viewFor(det, rv), rv, normalPlan(viewFor(det, rv), rv, seed).plan).tension);
      const actualRival = ordersOf.get(rv) ? encroaches(viewFor(step.before, rv), rv, ordersOf.get(rv)!).tension : 0;
      const d = { seat: p, played, withoutEncroaching: without, bestCalm, deliberate: mine.rupture, expectedRival: mean(guesses), actualRival };
      agg.decisions.push(d);
      decisions[p] = { tensionAtOrders: step.before.global.tension, ownTension: mine.tension, ownAloneRuptures: mine.rupture, rivalTensionExpected: r1(d.expectedRival), rivalTensionActual: actualRival, played, withoutEncroaching: without, bestCalm };
    }
    game.decisions = decisions;
    // The encroachment that crossed the line, and whose it was; orders resolve when the offers phase closes.
    const last = [...brk.events].reverse().find((e) => e.kind === "encroachment");
    game.breaker = last?.params.seat ?? null;
    const both = POWERS_.every((p) => inRound.some((e) => e.seat === p && (e.phase === "orders" || e.phase === "offers")));
    const cause = brk.before.phase === "crisisResponse" || brk.before.phase === "crisisRequest" || brk.before.phase === "leverage" ? "crisisOrLeverage"
      : alone ? "ownOrdersAlone" : both ? "bothOrders" : "oneSideOrders";
    game.cause = cause;
    agg.cause[cause]++;
    if (last) agg.breaker[String(last.params.seat)]++;
  }
  perGame.push(game);
  process.stderr.write(`game ${seed}: ${rupture ? `rupture r${game.ruptureRound} ${game.cause}` : "no rupture"} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

const D = agg.decisions;
const avg = (f: (d: (typeof D)[number]) => number) => r1(mean(D.map(f)));
const sd = (xs: number[]) => { const m = mean(xs); return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)) / Math.max(1, xs.length - 1)); };
const summary = {
  games: agg.games, level, length, seed: seed0, worlds,
  rupture: r1((agg.ruptures / agg.games) * 100) / 100, ruptureSE: Math.round(Math.sqrt((agg.ruptures / agg.games) * (1 - agg.ruptures / agg.games) / agg.games) * 1000) / 1000,
  cause: agg.cause, breaker: agg.breaker,
  encroachmentTensionPerGame: { russia: r1(agg.encroachTension.russia / agg.games), china: r1(agg.encroachTension.china / agg.games) },
  encroachmentTensionInRuptureRound: { russia: agg.encroachTensionRuptureRound.russia, china: agg.encroachTensionRuptureRound.china },
  endStanding: Object.fromEntries((["rupture", "noRupture"] as const).map((k) => [k, { n: agg.endStanding[k].russia.length, ...Object.fromEntries((["russia", "china", "west"] as const).map((s) => [s, r1(mean(agg.endStanding[k][s]))])) }])),
  wins: agg.wins,
  ruptureRoundDecisions: {
    n: D.length,
    deliberate: D.filter((d) => d.deliberate).length,
    rivalTensionExpected: avg((d) => d.expectedRival), rivalTensionActual: avg((d) => d.actualRival),
    played: { own: avg((d) => d.played.own), h2h: avg((d) => d.played.h2h), win: avg((d) => d.played.win), rupture: avg((d) => d.played.rupture), west: avg((d) => d.played.west) },
    withoutEncroaching: { own: avg((d) => d.withoutEncroaching.own), h2h: avg((d) => d.withoutEncroaching.h2h), win: avg((d) => d.withoutEncroaching.win), rupture: avg((d) => d.withoutEncroaching.rupture), west: avg((d) => d.withoutEncroaching.west) },
    bestCalm: { own: avg((d) => d.bestCalm.own), h2h: avg((d) => d.bestCalm.h2h), win: avg((d) => d.bestCalm.win), rupture: avg((d) => d.bestCalm.rupture), west: avg((d) => d.bestCalm.west) },
    ownGainVsBestCalm: { mean: avg((d) => d.played.own - d.bestCalm.own), se: r1(sd(D.map((d) => d.played.own - d.bestCalm.own))), lostOwn: D.filter((d) => d.played.own < d.bestCalm.own).length },
    h2hGainVsBestCalm: { mean: avg((d) => d.played.h2h - d.bestCalm.h2h), se: r1(sd(D.map((d) => d.played.h2h - d.bestCalm.h2h))), gainedH2h: D.filter((d) => d.played.h2h > d.bestCalm.h2h).length },
  },
  seconds: Math.round((performance.now() - started) / 1000),
};
console.log(JSON.stringify(args.json && args.perGame ? { summary, perGame } : args.json ? summary : { summary, perGame }, null, args.json ? 0 : 2));
