import { CLOCKED_BUDGET } from "../server/bots/clockedBudget.ts";
import { levelPlayer, playGame, type BotPlayer } from "../shared/bots/play.ts";
import { AGENDA_BY_ID } from "../shared/content/index.ts";
import { GAME_LENGTHS, SEATS, agendaMet, type GameState, type Seat } from "../shared/engine/index.ts";
import { PAR, PAR_SHAPE } from "../shared/engine/rules.ts";
import { parAt } from "../shared/engine/scoring.ts";
import { parseArgs, intArg } from "./args.ts";

/**
 * Finds par values that give every seat an even chance in Full mode, separately for short and standard games.
 * Par is "the points an average player earns from each seat's starting position", and players come in more than
 * one strength: by default the games are played with baseline bots, and `--normal N` adds N games per length with
 * normal bots in every seat, so one par serves both populations (each population weighs half). It also measures
 * par's shape: the share of its final score a seat holds after each round, counting the agenda points it would
 * get if the game ended then (a rupture judges agendas as they stand), averaged over the games still running.
 * Scores are recorded once and candidate pars are tried on the recorded results (the normal bot weighs par in its
 * evaluation, so a large change is worth a second pass). Prints the suggested PAR and PAR_SHAPE tables for
 * shared/engine/rules.ts and the win rates they give in each population.
 *
 * With `--fit normal` it also searches, from the par in rules.ts and with its shapes, for the nearest par that
 * keeps every seat's win rate with normal bots inside GAME.md's range (6–20%, with a margin against sampling
 * error), and with `--powers N` Russia's rate against China in N Great Powers games per length inside 40–60%:
 * the targets are set for bots of equal strength, and the issue measures them with normal bots.
 */
const args = parseArgs(process.argv.slice(2));
const games = intArg(args, "games", 1000);
const normalGames = intArg(args, "normal", 0);
const powersGames = intArg(args, "powers", 0);
const seed = intArg(args, "seed", 1);
const fitNormal = args.fit === "normal";
if (fitNormal && normalGames === 0) throw new Error("--fit normal needs --normal N games");

/** A game's final scores and rounds scored, and each seat's score-if-it-ended-now after every round it ran on. */
type Result = { scores: Record<Seat, number>; rounds: number; ruptured: boolean; running: Record<Seat, number>[] };
const lengths = ["short", "standard"] as const;
type Length = (typeof lengths)[number];
type Population = "baseline" | "normal";
const populations = ([["baseline", games], ["normal", normalGames]] as const).filter(([, n]) => n > 0).map(([pop]) => pop) as Population[];
if (populations.length === 0) throw new Error("play some games: --games N (baseline) or --normal N");

const endedNow = (state: GameState) => Object.fromEntries(SEATS.map((s) => {
  const seat = state.seats[s]!;
  return [s, seat.score + (agendaMet(state, s, seat.agenda) ? AGENDA_BY_ID.get(seat.agenda)?.points ?? 0 : 0)];
})) as Record<Seat, number>;

function play(length: Length, gameSeed: number, bot: BotPlayer, mode: "full" | "powers" = "full"): Result {
  const running: Record<Seat, number>[] = [];
  const { state } = playGame({ mode, length }, gameSeed, bot, (after, before) => {
    if (after.stats.roundsScored > before.stats.roundsScored && after.phase !== "ended") running.push(endedNow(after));
  });
  const scores = Object.fromEntries(SEATS.map((s) => [s, state.seats[s]!.score])) as Record<Seat, number>;
  return { scores, rounds: state.stats.roundsScored, ruptured: state.stats.rupture, running };
}

const results: Record<Population, Record<Length, Result[]>> = { baseline: { short: [], standard: [] }, normal: { short: [], standard: [] } };
for (const pop of populations) {
  const n = pop === "baseline" ? games : normalGames;
  const bot = levelPlayer(pop, CLOCKED_BUDGET);
  for (const length of lengths) for (let i = 0; i < n; i++) results[pop][length].push(play(length, seed + i, bot));
}
const powers: Record<Length, Result[]> = { short: [], standard: [] };
if (fitNormal) {
  const bot = levelPlayer("normal", CLOCKED_BUDGET);
  for (const length of lengths) for (let i = 0; i < powersGames; i++) powers[length].push(play(length, seed + i, bot, "powers"));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Each seat's share of its final score after each round, each population weighing the same. */
function measureShape(length: Length): Record<Seat, number[]> {
  const rounds = GAME_LENGTHS[length];
  const out = {} as Record<Seat, number[]>;
  for (const s of SEATS) {
    const at = (r: number) => mean(populations.map((pop) => {
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
const shape = { short: measureShape("short"), standard: measureShape("standard") };

type Par = Record<Seat, { short: number; standard: number }>;
type Shapes = Record<Length, Record<Seat, readonly number[]>>;

/** A seat's standing at the end of a recorded game under the given par and shapes. */
const standingIn = (r: Result, s: Seat, par: Par, length: Length, shapes: Shapes) => r.scores[s] - parAt(par[s][length], shapes[length][s], r.rounds);

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

const par = structuredClone(PAR);
for (let step = 0; step < 300; step++) {
  for (const length of lengths) {
    const rates = populations.map((pop) => winRates(par, length, results[pop][length]));
    for (const s of SEATS) {
      const mean = rates.reduce((sum, r) => sum + r[s], 0) / rates.length;
      par[s][length] = Math.round((par[s][length] + (mean - 1 / SEATS.length) * 10) * 10) / 10;
    }
  }
}
for (const s of SEATS) for (const l of lengths) par[s][l] = Math.round(par[s][l]);

/** The shapes the game uses (rules.ts), by length. */
const committedShape: Shapes = {
  short: Object.fromEntries(SEATS.map((s) => [s, PAR_SHAPE[s].short])) as Record<Seat, readonly number[]>,
  standard: Object.fromEntries(SEATS.map((s) => [s, PAR_SHAPE[s].standard])) as Record<Seat, readonly number[]>,
};

/** Russia's share of Great Powers games in which it stands above China (ties count half). */
function russiaOverChina(par: Par, length: Length, set: Result[]): number {
  let over = 0;
  for (const r of set) {
    const [russia, china] = [standingIn(r, "russia", par, length, committedShape), standingIn(r, "china", par, length, committedShape)];
    over += russia > china ? 1 : russia === china ? 0.5 : 0;
  }
  return Math.round((over / set.length) * 1000) / 1000;
}

/**
 * How far the normal games' cells fall outside their ranges, each range narrowed by a margin so that a par at
 * its edge on these games is not out of range on the next thousand.
 */
function missOf(par: Par): number {
  const MARGIN = 0.02;
  let miss = 0;
  for (const length of lengths) {
    const rates = winRates(par, length, results.normal[length], committedShape);
    for (const s of SEATS) miss += Math.max(0, 0.06 + MARGIN - rates[s]) + Math.max(0, rates[s] - (0.2 - MARGIN));
    if (powers[length].length > 0) {
      const roc = russiaOverChina(par, length, powers[length]);
      miss += Math.max(0, 0.4 + MARGIN - roc) + Math.max(0, roc - (0.6 - MARGIN));
    }
  }
  return miss;
}

/** Moves one value of the par in rules.ts at a time by up to two points while that brings the cells nearer their ranges. */
function searchInRange(): Record<string, unknown> {
  let best: Par = structuredClone(PAR);
  let bestMiss = missOf(best);
  for (let improved = true; improved;) {
    improved = false;
    for (const s of SEATS) for (const length of lengths) for (const d of [-2, -1, 1, 2]) {
      const candidate = structuredClone(best);
      candidate[s][length] += d;
      const miss = missOf(candidate);
      if (miss < bestMiss - 1e-9) [best, bestMiss, improved] = [candidate, miss, true];
    }
  }
  const rates = (length: Length) => winRates(best, length, results.normal[length], committedShape);
  const roc = (length: Length) => (powers[length].length > 0 ? russiaOverChina(best, length, powers[length]) : null);
  return { par: best, miss: Math.round(bestMiss * 1000) / 1000, normal: { short: rates("short"), standard: rates("standard") },
    russiaOverChina: { short: roc("short"), standard: roc("standard") } };
}

const out: Record<string, unknown> = { par, shape };
for (const pop of populations) out[pop] = { short: winRates(par, "short", results[pop].short), standard: winRates(par, "standard", results[pop].standard) };
if (fitNormal) out.inRange = searchInRange();
console.log(JSON.stringify(out, null, 1));
