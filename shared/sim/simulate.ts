import { playGame, BOTS, type BotPlayer } from "../bots/play.ts";
import { SEATS, standing, type GameOptions, type Seat, type StateId } from "../engine/index.ts";

export interface SimulationSummary {
  games: number;
  winRate: Partial<Record<Seat, number>>;
  mechanics: { cstoIntervention: number; debtDistress: number; encroachment: number; rupture: number };
  rounds: { mean: number; max: number };
  /** Share of games where Russia finished above China against par (ties count half). */
  russiaOverChina: number;
  /** Fidelity to the articles' story. */
  story: { chinaEconomyOvertakes: number; russiaLeadsCstoSecurity: number };
}

/** Plays `games` bot games from consecutive seeds and sums up wins and how often each headline mechanic fired. */
export function simulate(opts: { games: number; mode: GameOptions["mode"]; length: GameOptions["length"]; seed: number; bot?: BotPlayer }): SimulationSummary {
  const wins: Partial<Record<Seat, number>> = {};
  const m = { cstoIntervention: 0, debtDistress: 0, encroachment: 0, rupture: 0 };
  let rounds = 0, maxRounds = 0, russiaOverChina = 0, overtakes = 0, cstoLead = 0;
  for (let i = 0; i < opts.games; i++) {
    const { state } = playGame({ mode: opts.mode, length: opts.length }, opts.seed + i, opts.bot ?? BOTS.baseline);
    for (const w of state.winners) wins[w] = (wins[w] ?? 0) + 1 / state.winners.length;
    if (state.stats.cstoInterventions > 0) m.cstoIntervention++;
    if (state.stats.debtDistress > 0) m.debtDistress++;
    if (state.stats.encroachments > 0) m.encroachment++;
    if (state.stats.rupture) m.rupture++;
    rounds += state.round;
    maxRounds = Math.max(maxRounds, state.round);
    const r = standing(state, "russia"), c = standing(state, "china");
    russiaOverChina += r > c ? 1 : r === c ? 0.5 : 0;
    const econ = (p: "russia" | "china") => Object.values(state.countries).reduce((n, x) => n + x.influence[p].economy, 0);
    if (econ("china") > econ("russia")) overtakes++;
    const members = (Object.keys(state.countries) as StateId[]).filter((id) => state.countries[id].members.csto);
    if (members.every((id) => state.countries[id].influence.russia.security >= state.countries[id].influence.china.security)) cstoLead++;
  }
  const frac = (n: number) => Math.round((n / opts.games) * 1000) / 1000;
  const winRate: Partial<Record<Seat, number>> = {};
  for (const s of SEATS) if (opts.mode === "full" || s === "russia" || s === "china" || wins[s]) winRate[s] = frac(wins[s] ?? 0);
  return {
    games: opts.games,
    winRate,
    mechanics: { cstoIntervention: frac(m.cstoIntervention), debtDistress: frac(m.debtDistress), encroachment: frac(m.encroachment), rupture: frac(m.rupture) },
    rounds: { mean: Math.round((rounds / opts.games) * 100) / 100, max: maxRounds },
    russiaOverChina: frac(russiaOverChina),
    story: { chinaEconomyOvertakes: frac(overtakes), russiaLeadsCstoSecurity: frac(cstoLead) },
  };
}
