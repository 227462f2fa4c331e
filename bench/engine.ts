import { playGame, BOTS } from "../shared/bots/play.ts";
import { digestState, previewInput, viewFor, type GameState, type Seat } from "../shared/engine/index.ts";
import { parseArgs, intArg } from "./args.ts";

/**
 * Full random games (Full mode, standard length) on one core: every seat plays uniformly random legal
 * inputs through the engine's public API, so the figure covers validation, views, resolution and cloning.
 */
const args = parseArgs(process.argv.slice(2));
const seconds = intArg(args, "seconds", 5);
const options = { mode: "full" as const, length: "standard" as const };

for (let s = 0; s < 200; s++) playGame(options, 1_000_000 + s, BOTS.random); // warm-up

let games = 0;
let inputs = 0;
let rounds = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
  const { state, inputs: played } = playGame(options, games + 1, BOTS.random);
  games++;
  inputs += played.length;
  rounds += state.round;
}
const elapsed = (performance.now() - start) / 1000;

const baselineStart = performance.now();
let baselineGames = 0;
while (performance.now() - baselineStart < 1000) playGame(options, 500_000 + baselineGames++, BOTS.baseline);
const baselineElapsed = (performance.now() - baselineStart) / 1000;

// The digest a running game (GameHost) records after each step: measured apart, on the states of 50 random games,
// because playGame (the figure above) keeps no record.
const states: GameState[] = [];
for (let s = 0; s < 50; s++) playGame(options, 2_000_000 + s, BOTS.random, (state) => void states.push(state));
for (const state of states.slice(0, 2000)) digestState(state); // warm-up
const digestStart = performance.now();
for (const state of states) digestState(state);
const digestMicrosPerStep = Math.round(((performance.now() - digestStart) * 1000 / states.length) * 10) / 10;

// An effect preview (not on the engine's hot path: a panel asks for one per order it shows), measured apart on
// the orders phases of the same 50 games: one legal order per seat view.
const previewCases = states.filter((s) => s.phase === "orders").flatMap((s) => s.seatOrder.map((seat) => viewFor(s, seat)))
  .filter((v) => v.legal.length > 0)
  .map((v, i) => {
    const l = v.legal[i % v.legal.length]!;
    return { view: v, order: { action: l.action, ...(l.targets[0] ? { target: l.targets[0] } : {}), ...(l.options[0] ? { option: l.options[0] } : {}) } };
  });
for (const c of previewCases.slice(0, 200)) previewInput(c.view, { type: "order", seat: c.view.viewer as Seat, order: c.order }); // warm-up
const previewStart = performance.now();
for (const c of previewCases) previewInput(c.view, { type: "order", seat: c.view.viewer as Seat, order: c.order });
const previewMicros = Math.round(((performance.now() - previewStart) * 1000 / Math.max(1, previewCases.length)) * 10) / 10;

const result = {
  gamesPerSecond: Math.round(games / elapsed),
  inputsPerSecond: Math.round(inputs / elapsed),
  meanRounds: Math.round((rounds / games) * 100) / 100,
  msPerGame: Math.round((elapsed / games) * 1000 * 1000) / 1000,
  baselineBotGamesPerSecond: Math.round(baselineGames / baselineElapsed),
  digestMicrosPerStep,
  previewMicros,
  games,
  seconds: Math.round(elapsed * 100) / 100,
};
if (args.json) console.log(JSON.stringify(result));
else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(26)} ${v}`);
