import { CLOCKED_BUDGET } from "../server/bots/clockedBudget.ts";
import { decide, type BotLevel } from "../shared/bots/decide.ts";
import { searchStats } from "../shared/bots/hard.ts";
import { BOTS, botSeed } from "../shared/bots/play.ts";
import { applyInput, createGame, pendingSeats, viewFor, type GameOptions, type GameView } from "../shared/engine/index.ts";
import { parseArgs, intArg } from "./args.ts";

/*
 * Decision time of each bot level at its default budget, over positions met in baseline games (Full mode,
 * standard length: every seat, every phase, early and late rounds). The hard bot also reports its playout rate
 * and is timed again on Great Powers positions ("hardPowers": short games, every seat), where its leaf rolls
 * each playout on to the game's end and so costs most; "clockStops" is the share of its searches there that the
 * time limit cut short before the playout budget was spent (0 means the ladder, which plays by playouts alone,
 * measures the bot the server runs).
 *   npm run --silent bench:bots -- --json [--positions 120] [--seed 1]
 */
const args = parseArgs(process.argv.slice(2));
const count = intArg(args, "positions", 120);
const seed = intArg(args, "seed", 1);

function positions(options: Partial<GameOptions>): { view: GameView; seed: number }[] {
  const all: { view: GameView; seed: number }[] = [];
  for (let g = 0; all.length < count * 4; g++) {
    let state = createGame(options, seed + g);
    for (let i = 0; state.phase !== "ended"; i++) {
      const seat = pendingSeats(state)[0];
      const view = viewFor(state, seat);
      all.push({ view, seed: botSeed(state, seat, i) });
      const result = applyInput(state, BOTS.baseline(view, botSeed(state, seat, i))!);
      if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.params)}`);
      state = result.state;
    }
  }
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]);
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x: number) => Math.round(x * 10) / 10;

const full = positions({ mode: "full", length: "standard" });
const powers = positions({ mode: "powers", length: "short" });
const out: Record<string, Record<string, number>> = {};
const runs: [string, BotLevel, typeof full][] = [["hard", "hard", full], ["hardPowers", "hard", powers], ["normal", "normal", full], ["easy", "easy", full], ["baseline", "baseline", full]];
for (const [name, level, sample] of runs) {
  for (const p of sample.slice(0, 10)) decide(level, p.view, p.seed, CLOCKED_BUDGET); // warm-up
  const times: number[] = [];
  const before = { ...searchStats };
  const start = performance.now();
  for (const p of sample) {
    const t = performance.now();
    decide(level, p.view, p.seed, CLOCKED_BUDGET);
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  out[name] = { p50Ms: round(pct(times, 50)), p95Ms: round(pct(times, 95)), maxMs: round(times[times.length - 1]) };
  if (level === "hard") {
    out[name].playoutsPerSecond = Math.round((searchStats.playouts - before.playouts) / seconds);
    out[name].clockStops = Math.round(((searchStats.clockStops - before.clockStops) / Math.max(1, searchStats.searches - before.searches)) * 1000) / 1000;
  }
}
if (args.json) console.log(JSON.stringify(out));
else for (const [level, r] of Object.entries(out)) console.log(level.padEnd(9), Object.entries(r).map(([k, v]) => `${k} ${v}`).join("  "));
