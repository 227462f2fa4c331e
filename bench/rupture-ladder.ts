import { CLOCKED_BUDGET } from "../server/bots/clockedBudget.ts";
import { levelPlayer, playGame } from "../shared/bots/play.ts";
import { BOT_LEVELS } from "../shared/bots/decide.ts";
import { standing } from "../shared/engine/index.ts";
import { parseArgs, intArg, choiceArg } from "./args.ts";

/*
 * The ladder's head-to-head matches (bench/bots-match.ts: `--a` against `--b` in short Great Powers games, seats
 * swapped on the same seed in turn, other seats baseline), split by whether the partnership ruptured: how often `a`
 * finishes above `b` against par (the ladder's measure) in each part, who crossed the line, and how often either
 * power wins the table (the game's own winner). Shows how much of a level's ladder edge comes from ruptures.
 *   node bench/rupture-ladder.ts --games 100 --seed 9001 --a hard --b normal --json
 */
const args = parseArgs(process.argv.slice(2));
const games = intArg(args, "games", 100);
const seed = intArg(args, "seed", 9001);
const a = choiceArg(args, "a", BOT_LEVELS, "hard");
const b = choiceArg(args, "b", BOT_LEVELS, "normal");
const others = levelPlayer("baseline");
const t = { matches: 0, aScore: 0, ruptures: 0, aScoreRupture: 0, aBroke: 0, bBroke: 0, aTable: 0, bTable: 0 };
for (let i = 0; i < games; i++) {
  const seatA = i % 2 === 0 ? "russia" : "china";
  const seatB = seatA === "russia" ? "china" : "russia";
  let breaker: string | null = null;
  const { state } = playGame({ mode: "powers", length: "short" }, seed + Math.floor(i / 2), (view, s) => {
    const level = view.viewer === seatA ? a : view.viewer === seatB ? b : null;
    return level ? levelPlayer(level, CLOCKED_BUDGET)(view, s) : others(view, s);
  }, (after) => { if (after.endReason === "rupture" && !breaker) breaker = String([...after.log].reverse().find((e) => e.kind === "encroachment")?.params.seat ?? ""); });
  const sa = standing(state, seatA), sb = standing(state, seatB);
  const score = sa > sb ? 1 : sa === sb ? 0.5 : 0;
  t.matches++; t.aScore += score;
  if (state.endReason === "rupture") { t.ruptures++; t.aScoreRupture += score; if (breaker === seatA) t.aBroke++; else if (breaker === seatB) t.bBroke++; }
  t.aTable += state.winners.includes(seatA) ? 1 / state.winners.length : 0;
  t.bTable += state.winners.includes(seatB) ? 1 / state.winners.length : 0;
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const played = t.matches - t.ruptures;
const out = {
  matches: t.matches, a, b, seed,
  aOverB: r3(t.aScore / t.matches), ruptures: r3(t.ruptures / t.matches),
  aOverBInRuptures: t.ruptures ? r3(t.aScoreRupture / t.ruptures) : null,
  aOverBPlayedOut: played ? r3((t.aScore - t.aScoreRupture) / played) : null,
  brokenBy: { [a + "(a)"]: t.aBroke, [b + "(b)"]: t.bBroke },
  tableWins: { a: r3(t.aTable / t.matches), b: r3(t.bTable / t.matches) },
};
console.log(JSON.stringify(out));
