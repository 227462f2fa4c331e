import { levelPlayer, playGame } from "../shared/bots/play.ts";
import { SEATS, type GameRecord, type Seat } from "../shared/engine/index.ts";
import { decisionPoints, reviewDecision, reviewSeed, REVIEW_DEFAULTS } from "../shared/review/analyse.ts";
import { choiceArg, intArg, parseArgs } from "./args.ts";

/*
 * The game review's benchmark: normal bots play N games, then one seat's every decision is reviewed (the hard
 * bot's search from that seat's view, and the choices weighed two years on), timed per decision.
 * msPerDecision is wall-clock time, cpuMsPerDecision the process's CPU time (the same on a quiet machine).
 * "agreement" is the share of decisions where the normal bot's choice (what was played) equals the hard bot's.
 *
 *   npm run --silent review -- --games N --seed S --seat SEAT [--mode full|powers] [--length short|standard] [--json]
 */
const args = parseArgs(process.argv.slice(2));
const games = intArg(args, "games", 3);
const seed = intArg(args, "seed", 1);
const mode = choiceArg(args, "mode", ["full", "powers"] as const, "full");
const length = choiceArg(args, "length", ["short", "standard"] as const, "short");
const seat = choiceArg(args, "seat", SEATS, mode === "powers" ? "russia" : "kazakhstan") as Seat;
if (mode === "powers" && seat !== "russia" && seat !== "china") throw new Error("--seat must be russia or china in Great Powers mode");

const times: number[] = [];
/** CPU time per decision too: on a shared machine the wall clock also counts other work's time. */
const cpu: number[] = [];
let decisions = 0;
let turningPoints = 0;
let agree = 0;
for (let g = 0; g < games; g++) {
  const options = { mode, length };
  const game = playGame(options, seed + g, levelPlayer("normal"));
  const record: GameRecord = { options, seed: seed + g, inputs: game.inputs };
  for (const point of decisionPoints(record, seat)) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const reviewed = reviewDecision(point, reviewSeed(record, point.index));
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    decisions += 1;
    if (reviewed.turningPoint) turningPoints += 1;
    if (reviewed.hardAgrees) agree += 1;
  }
  if (!args.json) console.error(`game ${g + 1}/${games}: ${decisions} decisions so far`);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const pct = (p: number, xs = times) => (xs.length ? Math.round(xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!) : 0);
const result = {
  games, decisions, turningPoints,
  msPerDecision: { p50: pct(50), p95: pct(95) },
  cpuMsPerDecision: { p50: pct(50, cpu), p95: pct(95, cpu) },
  agreement: decisions ? Math.round((agree / decisions) * 1000) / 1000 : 0,
};
if (args.json) console.log(JSON.stringify(result));
else console.log(`${games} games, ${seat}: ${decisions} decisions, ${turningPoints} turning points; ${result.msPerDecision.p50} ms per decision (p95 ${result.msPerDecision.p95}, goal ≤ 1000); the normal bot chose as the hard bot in ${Math.round(result.agreement * 100)}% (hard bot ${REVIEW_DEFAULTS.playouts[mode]} playouts, choices weighed in ${REVIEW_DEFAULTS.worlds} worlds over ${REVIEW_DEFAULTS.years} years)`);
