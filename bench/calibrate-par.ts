import { Worker } from "node:worker_threads";
import { GAME_LENGTHS, SEATS, type Mode, type Seat } from "../shared/engine/index.ts";
import { PAR, PAR_AT_HARD_TABLES, PAR_SHAPE } from "../shared/engine/rules.ts";
import { parAt } from "../shared/engine/scoring.ts";
import { parseArgs, intArg } from "./args.ts";
import { playCalibrationGame, type CalibrationJob, type Length, type Population, type Result } from "./calibrate-par-games.ts";
import { round2 } from "./stats.ts";

/**
 * Finds par values that give every seat an even chance in Full mode, separately for short and standard games.
 * Par is "the points an average player earns from each seat's starting position", and players come in more than
 * one strength: `--games N` plays N Full games per length with baseline bots, `--normal N` with normal bots in every
 * seat, `--hard-powers N` with hard Russia and China beside normal states and West, `--hard N` with hard bots in
 * every seat, and one par serves every population played (each weighs the same), save the seats a table of hard bots
 * has its own par for (PAR_AT_HARD_TABLES.full): the hard population is judged at those, and they are not fitted here
 * (a hard bot's play follows the others' par, so they were measured by playing at them). It also measures par's shape: the
 * share of its final score a seat holds after each round, counting the agenda points it would get if the game ended
 * then (a rupture judges agendas as they stand), averaged over the baseline and normal games still running.
 * Scores are recorded once and candidate pars are tried on the recorded results (bots weigh par in their
 * evaluation, so a large change is worth a second pass). Prints the suggested Full par and PAR_SHAPE tables for
 * shared/engine/rules.ts and the win rates they give in each population. `--workers N` plays on N threads.
 *
 * With `--fit normal` it also searches, from the Full par in rules.ts and with its shapes, for the nearest par that
 * keeps every seat's win rate in every population played but the baseline's inside GAME.md's range (6–20%, with a
 * margin against sampling error); and with `--powers N` (normal bots, N Great Powers games per length), from the
 * Great Powers par, for the nearest one that keeps Russia's rate against China inside 40–60%. The targets are set
 * for the populations the issues measure: normal bots, and the hard powers and hard bots that strong players are.
 */
const args = parseArgs(process.argv.slice(2));
const counts: Record<Population, number> = {
  baseline: intArg(args, "games", 1000), normal: intArg(args, "normal", 0), hardPowers: intArg(args, "hard-powers", 0), hard: intArg(args, "hard", 0),
};
const powersGames = intArg(args, "powers", 0);
const seed = intArg(args, "seed", 1);
const workers = Math.max(1, intArg(args, "workers", 1));
const fitNormal = args.fit === "normal";
const populations = (Object.keys(counts) as Population[]).filter((pop) => counts[pop] > 0);
if (populations.length === 0) throw new Error("play some games: --games N (baseline), --normal N, --hard-powers N or --hard N");
if (fitNormal && !populations.some((pop) => pop !== "baseline")) throw new Error("--fit normal needs --normal, --hard-powers or --hard games");

const lengths = ["short", "standard"] as const;
const jobs: CalibrationJob[] = [];
for (const population of populations) for (const length of lengths) for (let i = 0; i < counts[population]; i++) jobs.push({ population, mode: "full", length, seed: seed + i });
if (fitNormal) for (const length of lengths) for (let i = 0; i < powersGames; i++) jobs.push({ population: "normal", mode: "powers", length, seed: seed + i });

async function playAll(): Promise<Result[]> {
  if (workers === 1) return jobs.map(playCalibrationGame);
  const out: Result[] = new Array(jobs.length);
  const numbered = jobs.map((job, i) => [i, job] as [number, CalibrationJob]);
  await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL("./calibrate-par-worker.ts", import.meta.url), { workerData: numbered.filter((_, i) => i % workers === w) });
    worker.on("message", ([i, r]: [number, Result]) => { out[i] = r; });
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`calibration worker exited with ${code}`))));
  })));
  return out;
}

const played = await playAll();
const results = {} as Record<Population, Record<Length, Result[]>>;
for (const pop of populations) results[pop] = { short: [], standard: [] };
const powers: Record<Length, Result[]> = { short: [], standard: [] };
jobs.forEach((job, i) => (job.mode === "full" ? results[job.population][job.length] : powers[job.length]).push(played[i]!));

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** The average player's shape: the hard populations play a stronger game than the one par describes. */
const shapePopulations = populations.filter((pop) => pop === "baseline" || pop === "normal");

/** Each seat's share of its final score after each round, each population weighing the same. */
function measureShape(length: Length): Record<Seat, number[]> | null {
  if (shapePopulations.length === 0) return null;
  const rounds = GAME_LENGTHS[length];
  const out = {} as Record<Seat, number[]>;
  for (const s of SEATS) {
    const at = (r: number) => mean(shapePopulations.map((pop) => {
      const set = results[pop][length];
      return r < rounds
        ? mean(set.filter((g) => g.running.length >= r).map((g) => g.running[r - 1]![s]))
        : mean(set.filter((g) => g.rounds === rounds && !g.ruptured).map((g) => g.scores[s]));
    }));
    const full = at(rounds);
    out[s] = Array.from({ length: rounds }, (_, i) => (i + 1 === rounds ? 1 : round2(at(i + 1) / full)));
  }
  return out;
}

type Par = Record<Seat, { short: number; standard: number }>;
type Shapes = Record<Length, Record<Seat, readonly number[]>>;
/** The shapes the game uses (rules.ts), by length. */
const committedShape: Shapes = {
  short: Object.fromEntries(SEATS.map((s) => [s, PAR_SHAPE[s].short])) as Record<Seat, readonly number[]>,
  standard: Object.fromEntries(SEATS.map((s) => [s, PAR_SHAPE[s].standard])) as Record<Seat, readonly number[]>,
};
const measured = { short: measureShape("short"), standard: measureShape("standard") };
const shape: Shapes = { short: measured.short ?? committedShape.short, standard: measured.standard ?? committedShape.standard };

/** A seat's standing at the end of a recorded game under the given par and shapes. */
const standingIn = (r: Result, s: Seat, par: Par, length: Length, shapes: Shapes) => r.scores[s] - parAt(par[s][length], shapes[length][s], r.rounds);

/** The par a population's games are judged at: a table of hard bots keeps its own par where it has one. */
function tablePar(pop: Population, par: Par): Par {
  if (pop !== "hard") return par;
  const out = structuredClone(par);
  for (const s of SEATS) for (const length of lengths) out[s][length] = PAR_AT_HARD_TABLES.full[s]?.[length] ?? out[s][length];
  return out;
}

function winRates(par: Par, length: Length, set: Result[], shapes: Shapes = shape): Record<Seat, number> {
  const wins = Object.fromEntries(SEATS.map((s) => [s, 0])) as Record<Seat, number>;
  for (const r of set) {
    const standing = SEATS.map((s) => standingIn(r, s, par, length, shapes));
    const best = Math.max(...standing);
    const winners = SEATS.filter((_, i) => standing[i] === best);
    for (const w of winners) wins[w] += 1 / winners.length;
  }
  for (const s of SEATS) wins[s] = Math.round((wins[s] / set.length) * 1000) / 1000;
  return wins;
}

const par: Par = structuredClone(PAR.full);
for (let step = 0; step < 300; step++) {
  for (const length of lengths) {
    const rates = populations.map((pop) => winRates(tablePar(pop, par), length, results[pop][length]));
    for (const s of SEATS) {
      const mean = rates.reduce((sum, r) => sum + r[s], 0) / rates.length;
      par[s][length] = Math.round((par[s][length] + (mean - 1 / SEATS.length) * 10) * 10) / 10;
    }
  }
}
for (const s of SEATS) for (const l of lengths) par[s][l] = Math.round(par[s][l]);

/** Russia's share of Great Powers games in which it stands above China (ties count half). */
function russiaOverChina(par: Par, length: Length, set: Result[]): number {
  let over = 0;
  for (const r of set) {
    const [russia, china] = [standingIn(r, "russia", par, length, committedShape), standingIn(r, "china", par, length, committedShape)];
    over += russia > china ? 1 : russia === china ? 0.5 : 0;
  }
  return Math.round((over / set.length) * 1000) / 1000;
}

/** The populations a Full par is judged on: all played but the baseline, which no issue measures. */
const judged = populations.filter((pop) => pop !== "baseline");

/**
 * How far a mode's cells fall outside their ranges under its par, each range narrowed by a margin so that a par at
 * its edge on these games is not out of range on the next thousand: every seat's Full win rate in each judged
 * population, or Russia's rate over China in Great Powers games.
 */
function missOf(mode: Mode, par: Par): number {
  const MARGIN = 0.02;
  let miss = 0;
  for (const length of lengths) {
    if (mode === "full") for (const pop of judged) {
      const rates = winRates(tablePar(pop, par), length, results[pop][length], committedShape);
      for (const s of SEATS) miss += Math.max(0, 0.06 + MARGIN - rates[s]) + Math.max(0, rates[s] - (0.2 - MARGIN));
    }
    if (mode === "powers" && powers[length].length > 0) {
      const roc = russiaOverChina(par, length, powers[length]);
      miss += Math.max(0, 0.4 + MARGIN - roc) + Math.max(0, roc - (0.6 - MARGIN));
    }
  }
  return miss;
}

/** Moves one value of a mode's par in rules.ts at a time by up to two points while that brings its cells nearer their ranges. */
function searchInRange(mode: Mode): { par: Par; miss: number } {
  let best: Par = structuredClone(PAR[mode]);
  let bestMiss = missOf(mode, best);
  for (let improved = true; improved;) {
    improved = false;
    for (const s of SEATS) for (const length of lengths) for (const d of [-2, -1, 1, 2]) {
      const candidate = structuredClone(best);
      candidate[s][length] += d;
      const miss = missOf(mode, candidate);
      if (miss < bestMiss - 1e-9) [best, bestMiss, improved] = [candidate, miss, true];
    }
  }
  return { par: best, miss: Math.round(bestMiss * 1000) / 1000 };
}

const ratesOf = (p: Par, pops: readonly Population[], shapes?: Shapes) =>
  Object.fromEntries(pops.map((pop) => [pop, { short: winRates(tablePar(pop, p), "short", results[pop].short, shapes), standard: winRates(tablePar(pop, p), "standard", results[pop].standard, shapes) }]));
const out: Record<string, unknown> = { par, shape, ...ratesOf(par, populations) };
if (fitNormal) {
  const full = searchInRange("full");
  const inRange: Record<string, unknown> = { full: { ...full, ...ratesOf(full.par, judged, committedShape) } };
  if (powersGames > 0) {
    const gp = searchInRange("powers");
    inRange.powers = { ...gp, russiaOverChina: { short: russiaOverChina(gp.par, "short", powers.short), standard: russiaOverChina(gp.par, "standard", powers.standard) } };
  }
  out.inRange = inRange;
}
console.log(JSON.stringify(out, null, 1));
