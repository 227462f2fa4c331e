import { CLOCKED_BUDGET } from "../server/bots/clockedBudget.ts";
import { simulate } from "../shared/sim/simulate.ts";
import { parseArgs, intArg, choiceArg } from "./args.ts";
import { levelPlayer } from "../shared/bots/play.ts";
import { BOT_LEVELS } from "../shared/bots/decide.ts";

const args = parseArgs(process.argv.slice(2));
const summary = simulate({
  games: intArg(args, "games", 1000),
  mode: choiceArg(args, "mode", ["full", "powers"] as const, "full"),
  length: choiceArg(args, "length", ["short", "standard"] as const, "standard"),
  seed: intArg(args, "seed", 1),
  bot: levelPlayer(choiceArg(args, "bots", BOT_LEVELS, "baseline"), CLOCKED_BUDGET),
});

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
}
