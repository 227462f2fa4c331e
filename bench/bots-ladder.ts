import { Worker } from "node:worker_threads";
import { parseArgs, intArg, choiceArg } from "./args.ts";
import { playMatch, type Match } from "./bots-match.ts";
import { BOT_LEVELS, type BotLevel } from "../shared/bots/decide.ts";

/*
 * Great Powers head-to-head matches between bot levels. Each pairing plays `--games` matches; the two levels
 * swap Russia and China on the same seed in turn, so neither profits from the seat or the deal of the cards.
 * Prints each pairing's win fraction for the first-named level (ties count half).
 *   npm run --silent bots:ladder -- --games 500 --seed 1 --json [--length short|standard] [--workers 2]
 *   [--pairs hardVsNormal,normalVsEasy,hardVsBaseline] [--others baseline] [--unclocked]
 * Each pairing's score with the first-named level as Russia and as China goes to stderr.
 * --unclocked: the hard bot's searches stop at their playout budget, never at the clock, so a run does not depend on the
 * machine's load and two versions of a bot meet the same matches (the default measures the bot the server runs).
 */
const PAIRS: Record<string, [BotLevel, BotLevel]> = {
  hardVsNormal: ["hard", "normal"],
  normalVsEasy: ["normal", "easy"],
  hardVsBaseline: ["hard", "baseline"],
  normalVsBaseline: ["normal", "baseline"],
  easyVsBaseline: ["easy", "baseline"],
};

const args = parseArgs(process.argv.slice(2));
const games = intArg(args, "games", 500);
const seed = intArg(args, "seed", 1);
const workers = Math.max(1, intArg(args, "workers", 1));
const length = choiceArg(args, "length", ["short", "standard"] as const, "short");
const others = choiceArg(args, "others", BOT_LEVELS, "baseline");
const unclocked = args.unclocked === true;
const pairs = typeof args.pairs === "string" ? args.pairs.split(",") : ["hardVsNormal", "normalVsEasy", "hardVsBaseline"];
for (const p of pairs) if (!PAIRS[p]) throw new Error(`unknown pair ${p}; one of ${Object.keys(PAIRS).join(", ")}`);

const matches: Match[] = [];
const results1: number[] = [];
for (const p of pairs) {
  const [a, b] = PAIRS[p];
  for (let i = 0; i < games; i++) matches.push({ a, b, seatA: i % 2 === 0 ? "russia" : "china", seed: seed + Math.floor(i / 2), length, others, unclocked });
}

/** A running tally on stderr every 50 matches, so a long ladder can be watched. */
let done = 0;
function progress(results: number[]): void {
  if (++done % 50 !== 0) return;
  const tally = pairs.map((p, k) => {
    const slice = results.slice(k * games, (k + 1) * games).filter((r) => r !== undefined);
    return `${p} ${slice.length ? (slice.reduce((a, b) => a + b, 0) / slice.length).toFixed(3) : "-"} (${slice.length})`;
  });
  process.stderr.write(`${tally.join("  ")}\n`);
}

async function run(): Promise<number[]> {
  if (workers === 1) return matches.map((m, i) => { const r = playMatch(m); results1[i] = r; progress(results1); return r; });
  const results: number[] = new Array(matches.length);
  const jobs = matches.map((m, i) => [i, m] as [number, Match]);
  await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL("./bots-ladder-worker.ts", import.meta.url), { workerData: jobs.filter((_, i) => i % workers === w) });
    worker.on("message", ([i, r]: [number, number]) => { results[i] = r; progress(results); });
    worker.on("error", reject);
    worker.on("exit", () => resolve());
  })));
  return results;
}

const start = performance.now();
const results = await run();
const out: Record<string, number> = {};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
pairs.forEach((p, k) => {
  const slice = results.slice(k * games, (k + 1) * games);
  out[p] = Math.round(mean(slice) * 1000) / 1000;
  // The first-named level plays Russia in the even matches and China in the odd ones: its score on each side apart.
  const side = (parity: number) => mean(slice.filter((_, i) => i % 2 === parity)).toFixed(3);
  process.stderr.write(`${p}: as russia ${side(0)}, as china ${side(1)}\n`);
});
if (args.json) console.log(JSON.stringify(out));
else {
  for (const [p, v] of Object.entries(out)) console.log(`${p.padEnd(16)} ${(v * 100).toFixed(1)}%`);
  console.log(`${games} games per pairing, seed ${seed}, ${length} games, other seats ${others}, ${((performance.now() - start) / 1000).toFixed(0)} s`);
}
