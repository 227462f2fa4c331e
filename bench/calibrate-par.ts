import { CLOCKED_BUDGET } from "../server/bots/clockedBudget.ts";
import { levelPlayer, playGame } from "../shared/bots/play.ts";
import { SEATS, type Seat } from "../shared/engine/index.ts";
import { PAR } from "../shared/engine/rules.ts";
import { parseArgs, intArg } from "./args.ts";

/**
 * Finds par values that give every seat an even chance in Full mode, separately for short and standard games.
 * Par is "the points an average player earns from each seat's starting position", and players come in more than
 * one strength: by default the games are played with baseline bots, and `--normal N` adds N games per length with
 * normal bots in every seat, so one par serves both populations (each population weighs half). Scores are recorded
 * once and candidate pars are tried on the recorded results (the normal bot weighs par in its evaluation, so a
 * large change is worth a second pass). Prints the suggested PAR table for shared/engine/rules.ts and the win
 * rates it gives in each population.
 */
const args = parseArgs(process.argv.slice(2));
const games = intArg(args, "games", 1000);
const normalGames = intArg(args, "normal", 0);
const seed = intArg(args, "seed", 1);

type Result = { scores: Record<Seat, number>; rounds: number };
const lengths = ["short", "standard"] as const;
type Length = (typeof lengths)[number];
const populations = normalGames > 0 ? (["baseline", "normal"] as const) : (["baseline"] as const);
type Population = (typeof populations)[number];
const results = {} as Record<Population, Record<Length, Result[]>>;
for (const pop of populations) {
  results[pop] = { short: [], standard: [] };
  const n = pop === "baseline" ? games : normalGames;
  const bot = levelPlayer(pop, CLOCKED_BUDGET);
  for (const length of lengths) {
    for (let i = 0; i < n; i++) {
      const { state } = playGame({ mode: "full", length }, seed + i, bot);
      const scores = {} as Record<Seat, number>;
      for (const s of SEATS) scores[s] = state.seats[s]!.score;
      results[pop][length].push({ scores, rounds: state.stats.roundsScored });
    }
  }
}

const parAt = (p: { short: number; standard: number }, rounds: number) =>
  Math.round(rounds <= 6 ? (p.short * rounds) / 6 : p.short + ((p.standard - p.short) * (rounds - 6)) / 4);

function winRates(par: Record<Seat, { short: number; standard: number }>, set: Result[]): Record<Seat, number> {
  const wins = Object.fromEntries(SEATS.map((s) => [s, 0])) as Record<Seat, number>;
  for (const r of set) {
    const standing = SEATS.map((s) => r.scores[s] - parAt(par[s], r.rounds));
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
    const rates = populations.map((pop) => winRates(par, results[pop][length]));
    for (const s of SEATS) {
      const mean = rates.reduce((sum, r) => sum + r[s], 0) / rates.length;
      par[s][length] = Math.round((par[s][length] + (mean - 1 / SEATS.length) * 10) * 10) / 10;
    }
  }
}
for (const s of SEATS) for (const l of lengths) par[s][l] = Math.round(par[s][l]);
const out: Record<string, unknown> = { par };
for (const pop of populations) out[pop] = { short: winRates(par, results[pop].short), standard: winRates(par, results[pop].standard) };
console.log(JSON.stringify(out, null, 1));
