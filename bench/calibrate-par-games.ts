import { AGENDA_BY_ID } from "../shared/content/index.ts";
import { playGame } from "../shared/bots/play.ts";
import type { BotLevel } from "../shared/bots/decide.ts";
import { SEATS, agendaMet, type GameState, type Mode, type Seat } from "../shared/engine/index.ts";
import { populationPlayer } from "./population.ts";

export type Length = "short" | "standard";
/** The players par is measured over: bots of one level in every seat, or hard powers beside normal others. */
export type Population = "baseline" | "normal" | "hardPowers" | "hard";
export const POPULATION_BOTS: Record<Population, [BotLevel, BotLevel | null]> = {
  baseline: ["baseline", null], normal: ["normal", null], hardPowers: ["normal", "hard"], hard: ["hard", null],
};

/** A game's final scores and rounds scored, and each seat's score-if-it-ended-now after every round it ran on. */
export type Result = { scores: Record<Seat, number>; rounds: number; ruptured: boolean; running: Record<Seat, number>[] };
export interface CalibrationJob { population: Population; mode: Mode; length: Length; seed: number }

const endedNow = (state: GameState) => Object.fromEntries(SEATS.map((s) => {
  const seat = state.seats[s]!;
  return [s, seat.score + (agendaMet(state, s, seat.agenda) ? AGENDA_BY_ID.get(seat.agenda)?.points ?? 0 : 0)];
})) as Record<Seat, number>;

/** One player per population for all of a thread's games. */
const players = new Map<Population, ReturnType<typeof populationPlayer>>();
function playerFor(population: Population): ReturnType<typeof populationPlayer> {
  let player = players.get(population);
  if (!player) players.set(population, (player = populationPlayer(...POPULATION_BOTS[population])));
  return player;
}

export function playCalibrationGame(job: CalibrationJob): Result {
  const running: Record<Seat, number>[] = [];
  // A table of hard bots plays at its own par, as it does in a room (the bots weigh standings against par).
  const botLevel = job.population === "hard" ? "hard" as const : undefined;
  const { state } = playGame({ mode: job.mode, length: job.length, botLevel }, job.seed, playerFor(job.population), (after, before) => {
    if (after.stats.roundsScored > before.stats.roundsScored && after.phase !== "ended") running.push(endedNow(after));
  });
  const scores = Object.fromEntries(SEATS.map((s) => [s, state.seats[s]!.score])) as Record<Seat, number>;
  return { scores, rounds: state.stats.roundsScored, ruptured: state.stats.rupture, running };
}
