import { playGame } from "../shared/bots/play.ts";
import { SEATS, type Seat } from "../shared/engine/index.ts";
import { PAR } from "../shared/engine/rules.ts";
import { parseArgs, intArg } from "./args.ts";

/**
 * Finds par values that give every seat an even chance with baseline bots in Full mode, separately for short
 * and standard games. Bots never look at scores, so games are played once and candidate pars are tried on the
 * recorded results. Prints the suggested PAR table for shared/engine/rules.ts.
 */
const args = parseArgs(process.argv.slice(2));
const games = intArg(args, "games", 1000);
const seed = intArg(args, "seed", 1);

type Result = { scores: Record<Seat, number>; rounds: number };
const lengths = ["short", "standard"] as const;
const results: Record<(typeof lengths)[number], Result[]> = { short: [], standard: [] };
for (const length of lengths) {
  for (let i = 0; i < games; i++) {
    const { state } = playGame({ mode: "full", length }, seed + i);
    const scores = {} as Record<Seat, number>;
    for (const s of SEATS) scores[s] = state.seats[s]!.score;
    results[length].push({ scores, rounds: state.stats.roundsScored });
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
    const rates = winRates(par, results[length]);
    for (const s of SEATS) par[s][length] = Math.round((par[s][length] + (rates[s] - 1 / SEATS.length) * 10) * 10) / 10;
  }
}
for (const s of SEATS) for (const l of lengths) par[s][l] = Math.round(par[s][l]);
console.log(JSON.stringify({ par, short: winRates(par, results.short), standard: winRates(par, results.standard) }, null, 1));
