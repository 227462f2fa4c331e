import { Encoder, StateView } from "@colyseus/schema";
import type { Seat } from "../shared/engine/index.ts";
import { ProjectedMatch } from "../server/room/projectedMatch.ts";
import { intArg, parseArgs } from "./args.ts";

/*
 * What one seat's client receives per round, part by part, without a server: a standard game played by the
 * baseline bot is projected into the room state and encoded for one seat's view after every input (so every
 * change is counted; the room coalesces the changes of a tenth of a second into one patch, which is a little smaller).
 *
 *   node --import tsx bench/server-patch.ts [--games 5]
 */

const args = parseArgs(process.argv.slice(2));
const GAMES = intArg(args, "games", 5);
const SEAT: Seat = "russia";

const parts = { patch: 0, full: 0, log: 0, secretLog: 0, history: 0, decisions: 0, orders: 0, steps: 0, rounds: 0, patches: 0 };
for (let g = 0; g < GAMES; g++) {
  const match = new ProjectedMatch({ length: "standard" }, 1000 + g);
  const state = match.state;
  const encoder = new Encoder(state);
  const view = new StateView();
  view.add(state.secrets.get(SEAT)!);
  const encodePatch = (): number => {
    const it = { offset: 1 };
    encoder.encode(it);
    const bytes = encoder.encodeView(view, it.offset, it).length;
    encoder.discardChanges();
    return bytes;
  };
  const strings = () => {
    const secret = state.secrets.get(SEAT)!;
    return {
      log: state.log.reduce((n, s) => n + s.length, 0),
      secretLog: secret.log.reduce((n, s) => n + s.length, 0),
      history: state.history.reduce((n, s) => n + s.length, 0),
    };
  };
  encodePatch();
  let before = strings();
  let seenDecisions = new Set<string>();
  let seenAnswers = new Map<string, string>();
  let orders = state.secrets.get(SEAT)!.orders;
  const startRound = match.game.round;
  while (!match.ended) {
    match.step();
    const secret = state.secrets.get(SEAT)!;
    // Bytes of decision text newly written this step (new decisions and changed answers).
    secret.decisions.forEach((v, k) => { if (!seenDecisions.has(k)) parts.decisions += v.length; });
    secret.answers.forEach((v, k) => { if (seenAnswers.get(k) !== v) parts.decisions += v.length; });
    seenDecisions = new Set(secret.decisions.keys());
    seenAnswers = new Map(secret.answers.entries());
    if (secret.orders !== orders) parts.orders += (orders = secret.orders).length;
    parts.patch += encodePatch();
    parts.patches++;
  }
  const after = strings();
  parts.log += after.log - before.log;
  parts.secretLog += after.secretLog - before.secretLog;
  parts.history += after.history - before.history;
  parts.steps += match.steps;
  parts.rounds += match.game.round - startRound + 1;
  const full = new Encoder(state);
  const it = { offset: 1 };
  full.encodeAll(it);
  parts.full += full.encodeAllView(view, it.offset, { ...it }).length;
  void before;
}
const per = (n: number) => Math.round(n / parts.rounds);
const report = {
  roundsPerGame: parts.rounds / GAMES, stepsPerRound: Math.round((parts.steps / parts.rounds) * 10) / 10,
  patchBytesPerRound: per(parts.patch), fullStateBytes: Math.round(parts.full / GAMES),
  perRound: { publicLog: per(parts.log), secretLog: per(parts.secretLog), history: per(parts.history), decisionsJson: per(parts.decisions), ordersJson: per(parts.orders) },
};
report.perRound = { ...report.perRound, rest: report.patchBytesPerRound - Object.values(report.perRound).reduce((a, b) => a + b, 0) } as typeof report.perRound;
console.log(JSON.stringify(report, null, 1));
