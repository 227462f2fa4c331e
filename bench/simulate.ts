import { writeFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { simulate, summarise, type GameTally, type SimulationSummary } from "../shared/sim/simulate.ts";
import { parseArgs, intArg, choiceArg } from "./args.ts";
import { populationPlayer } from "./population.ts";
import { BOT_LEVELS } from "../shared/bots/decide.ts";

/*
 * --workers N plays the games on N worker threads (game i still has seed + i, and the tallies are summed in game
 * order, so the summary is the one a single thread prints; the hard bot's clock makes its own choices depend on
 * the machine's load either way). --timing prints games per minute on stderr. --powers LEVEL: Russia and China play
 * LEVEL beside --bots in the other seats. --tallies FILE writes each game's tally (winners, scores, rounds scored, the
 * table's level, mechanics) as a line of JSON, so a par can be tried on the games already played (the bots barely
 * look at par).
 */
const args = parseArgs(process.argv.slice(2));
const level = choiceArg(args, "bots", BOT_LEVELS, "baseline");
const opts = {
  games: intArg(args, "games", 1000),
  mode: choiceArg(args, "mode", ["full", "powers"] as const, "full"),
  length: choiceArg(args, "length", ["short", "standard"] as const, "standard"),
  seed: intArg(args, "seed", 1),
  // The table's level is that of the states and the West (--bots): what Great Powers par follows, as in a room.
  botLevel: level === "baseline" ? undefined : level,
};
/** --powers LEVEL: Russia and China play LEVEL, every other seat --bots (e.g. hard powers beside normal states and West). */
const powers = typeof args.powers === "string" ? choiceArg(args, "powers", BOT_LEVELS, level) : null;
const workers = Math.max(1, Math.min(intArg(args, "workers", 1), opts.games));
const start = performance.now();

const tallies: GameTally[] = new Array(opts.games);

async function inWorkers(): Promise<SimulationSummary> {
  const all = Array.from({ length: opts.games }, (_, i) => i);
  await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL("./simulate-worker.ts", import.meta.url), { workerData: { opts, level, powers, games: all.filter((i) => i % workers === w) } });
    worker.on("message", ([i, t]: [number, GameTally]) => { tallies[i] = t; });
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`simulate worker exited with ${code}`))));
  })));
  return summarise(opts, tallies);
}

const summary = workers > 1 ? await inWorkers() : simulate({ ...opts, bot: populationPlayer(level, powers) }, tallies);
if (typeof args.tallies === "string") writeFileSync(args.tallies, tallies.map((t) => JSON.stringify(t)).join("\n") + "\n");
if (args.timing) {
  const minutes = (performance.now() - start) / 60_000;
  process.stderr.write(`simulate: ${opts.games} games (${powers ? `${powers} powers, ${level} others` : level}, ${opts.mode}, ${opts.length}) in ${(minutes * 60).toFixed(1)} s on ${workers} thread(s): ${(opts.games / minutes).toFixed(1)} games/min\n`);
}

if (args.json) {
  console.log(JSON.stringify(summary));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${summary.games} games`);
  console.log("\nWin rate");
  for (const [seat, rate] of Object.entries(summary.winRate)) console.log(`  ${seat.padEnd(14)} ${pct(rate)}`);
  console.log("\nMechanics (share of games where each happened)");
  for (const [k, v] of Object.entries(summary.mechanics)) console.log(`  ${k.padEnd(18)} ${pct(v)}`);
  console.log(`\nRounds: mean ${summary.rounds.mean}, max ${summary.rounds.max}`);
  console.log(`Russia outscores China: ${pct(summary.russiaOverChina)}`);
  console.log(`China's economic influence overtakes Russia's: ${pct(summary.story.chinaEconomyOvertakes)}`);
  console.log(`Russia leads security in every CSTO member: ${pct(summary.story.russiaLeadsCstoSecurity)}`);
  console.log("\nSecret agendas met (games dealt)");
  for (const [seat, bySeat] of Object.entries(summary.agendas)) for (const [agenda, a] of Object.entries(bySeat)) console.log(`  ${`${seat} ${agenda}`.padEnd(36)} ${pct(a.met)} (${a.dealt})`);
}
