import { playGame, BOTS, type BotPlayer } from "../bots/play.ts";
import { SEATS, agendaMet, standing, type GameOptions, type Seat, type StateId } from "../engine/index.ts";

export interface SimulationSummary {
  games: number;
  winRate: Partial<Record<Seat, number>>;
  mechanics: { cstoIntervention: number; debtDistress: number; encroachment: number; rupture: number };
  rounds: { mean: number; max: number };
  /** Share of games where Russia finished above China against par (ties count half). */
  russiaOverChina: number;
  /** Fidelity to the articles' story. */
  story: { chinaEconomyOvertakes: number; russiaLeadsCstoSecurity: number };
  /**
   * Each seat's secret agendas: how many games dealt it and the share of those where it was met at the end. An agenda
   * its holders almost never meet is a card that only costs them (docs/BALANCE.md, "Secret agendas").
   */
  agendas: Partial<Record<Seat, Record<string, { dealt: number; met: number }>>>;
}

export interface SimulationOptions {
  games: number; mode: GameOptions["mode"]; length: GameOptions["length"]; seed: number; bot?: BotPlayer;
  /** The level of the bots in the states' and the West's seats, which Great Powers par follows (absent: normal). */
  botLevel?: GameOptions["botLevel"];
}

/** What one game contributes to the summary (plain data, so a worker thread can send it back). */
export interface GameTally {
  winners: Seat[];
  csto: boolean; distress: boolean; encroachment: boolean; rupture: boolean;
  rounds: number;
  russia: number; china: number;
  overtakes: boolean; cstoLead: boolean;
  /** Each seat's agenda and whether it was met at the end. */
  agendas: [seat: Seat, agenda: string, met: boolean][];
  /** Each seat's final score and the rounds scored: enough to judge the game again under another par. */
  scores: Partial<Record<Seat, number>>;
  roundsScored: number;
  /** The table's bot level, which Great Powers par follows: with it a tally file is enough to judge its games again. */
  botLevel?: GameOptions["botLevel"];
}

/** Plays game number `i` of a simulation (seed `opts.seed + i`) and tallies it. */
export function tallyGame(opts: SimulationOptions, i: number): GameTally {
  const { state } = playGame({ mode: opts.mode, length: opts.length, ...(opts.botLevel ? { botLevel: opts.botLevel } : {}) }, opts.seed + i, opts.bot ?? BOTS.baseline);
  const econ = (p: "russia" | "china") => Object.values(state.countries).reduce((n, x) => n + x.influence[p].economy, 0);
  const members = (Object.keys(state.countries) as StateId[]).filter((id) => state.countries[id].members.csto);
  return {
    winners: state.winners,
    csto: state.stats.cstoInterventions > 0, distress: state.stats.debtDistress > 0, encroachment: state.stats.encroachments > 0, rupture: state.stats.rupture,
    rounds: state.round,
    russia: standing(state, "russia"), china: standing(state, "china"),
    overtakes: econ("china") > econ("russia"),
    cstoLead: members.every((id) => state.countries[id].influence.russia.security >= state.countries[id].influence.china.security),
    agendas: state.seatOrder.map((seat) => [seat, state.seats[seat]!.agenda, agendaMet(state, seat, state.seats[seat]!.agenda)]),
    scores: Object.fromEntries(state.seatOrder.map((seat) => [seat, state.seats[seat]!.score])),
    roundsScored: state.stats.roundsScored,
    ...(opts.botLevel ? { botLevel: opts.botLevel } : {}),
  };
}

/** Sums up the games' tallies, in game order. */
export function summarise(opts: Omit<SimulationOptions, "bot">, tallies: GameTally[]): SimulationSummary {
  const wins: Partial<Record<Seat, number>> = {};
  const m = { cstoIntervention: 0, debtDistress: 0, encroachment: 0, rupture: 0 };
  let rounds = 0, maxRounds = 0, russiaOverChina = 0, overtakes = 0, cstoLead = 0;
  /** Per seat and agenda: games that dealt it, and how many of those met it. */
  const dealt: Partial<Record<Seat, Record<string, { games: number; met: number }>>> = {};
  for (const t of tallies) {
    for (const w of t.winners) wins[w] = (wins[w] ?? 0) + 1 / t.winners.length;
    if (t.csto) m.cstoIntervention++;
    if (t.distress) m.debtDistress++;
    if (t.encroachment) m.encroachment++;
    if (t.rupture) m.rupture++;
    rounds += t.rounds;
    maxRounds = Math.max(maxRounds, t.rounds);
    russiaOverChina += t.russia > t.china ? 1 : t.russia === t.china ? 0.5 : 0;
    if (t.overtakes) overtakes++;
    if (t.cstoLead) cstoLead++;
    for (const [seat, agenda, met] of t.agendas) {
      const a = ((dealt[seat] ??= {})[agenda] ??= { games: 0, met: 0 });
      a.games++;
      if (met) a.met++;
    }
  }
  const share = (n: number, of: number) => Math.round((n / of) * 1000) / 1000;
  const frac = (n: number) => share(n, opts.games);
  const agendas: SimulationSummary["agendas"] = {};
  for (const [seat, bySeat] of Object.entries(dealt) as [Seat, Record<string, { games: number; met: number }>][]) {
    agendas[seat] = Object.fromEntries(Object.entries(bySeat).map(([agenda, a]) => [agenda, { dealt: a.games, met: share(a.met, a.games) }]));
  }
  const winRate: Partial<Record<Seat, number>> = {};
  for (const s of SEATS) if (opts.mode === "full" || s === "russia" || s === "china" || wins[s]) winRate[s] = frac(wins[s] ?? 0);
  return {
    games: opts.games,
    winRate,
    mechanics: { cstoIntervention: frac(m.cstoIntervention), debtDistress: frac(m.debtDistress), encroachment: frac(m.encroachment), rupture: frac(m.rupture) },
    rounds: { mean: Math.round((rounds / opts.games) * 100) / 100, max: maxRounds },
    russiaOverChina: frac(russiaOverChina),
    story: { chinaEconomyOvertakes: frac(overtakes), russiaLeadsCstoSecurity: frac(cstoLead) },
    agendas,
  };
}

/** Plays `games` bot games from consecutive seeds and sums up wins and how often each headline mechanic fired. */
export function simulate(opts: SimulationOptions, tallies: GameTally[] = []): SimulationSummary {
  for (let i = 0; i < opts.games; i++) tallies[i] = tallyGame(opts, i);
  return summarise(opts, tallies);
}
