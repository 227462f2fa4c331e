import { AGENDAS, COUNTRIES } from "../content/index.ts";
import { GAME_LENGTHS, SEATS, STATES, isState, type Seat, type StateId } from "./ids.ts";
import { Rng, seedRng } from "./rng.ts";
import { ACTION_POINTS, START_INCOME } from "./rules.ts";
import type { CountryState, GameOptions, GameState, SeatState } from "./types.ts";

export const DEFAULT_OPTIONS: GameOptions = { mode: "full", length: "standard", startYear: 2016, west: true, seats: {} };

function countryFromContent(id: StateId): CountryState {
  const def = COUNTRIES.find((c) => c.id === id);
  if (!def) throw new Error(`no starting values for ${id}`);
  return {
    id,
    influence: structuredClone(def.influence),
    stability: def.stability,
    prosperity: def.prosperity,
    sovereignty: def.sovereignty,
    debt: def.debt,
    capacity: def.capacity,
    distress: def.debt > def.capacity,
    opinion: { ...def.opinion },
    members: { ...def.members },
    assets: { ...def.assets },
    remittances: def.remittances,
    crisis: null,
  };
}

export function seatsInGame(options: GameOptions): Seat[] {
  return SEATS.filter((s) => s !== "west" || options.west);
}

function agendasFor(seat: Seat) {
  return AGENDAS.filter((a) => a.seats.includes(seat) || (isState(seat) && a.seats.includes("states")));
}

/** A new game at the start of round 1's orders, with the year's news already drawn. */
export function initialState(options: GameOptions, seed: number): GameState {
  const rng = new Rng(seedRng(seed));
  const seatOrder = seatsInGame(options);
  const seats: GameState["seats"] = {};
  for (const seat of seatOrder) {
    const forcedBot = options.mode === "powers" && seat !== "russia" && seat !== "china";
    const candidates = agendasFor(seat);
    const s: SeatState = {
      seat,
      controller: forcedBot ? "bot" : (options.seats[seat] ?? "bot"),
      funds: 0,
      income: START_INCOME[seat],
      ap: ACTION_POINTS[seat],
      score: 0,
      agenda: rng.pick(candidates).id,
      submitted: false,
      orders: [],
    };
    seats[seat] = s;
  }
  const countries = Object.fromEntries(STATES.map((id) => [id, countryFromContent(id)])) as Record<StateId, CountryState>;
  return {
    version: 1,
    seed,
    options,
    round: 0,
    maxRounds: GAME_LENGTHS[options.length],
    phase: "orders",
    rng: rng.state(),
    global: {
      tension: 3,
      division: "classic",
      asymmetry: options.startYear >= 2022 ? 7 : options.startYear >= 2019 ? 6 : 5,
      westPresence: 2,
      afghanThreat: options.startYear >= 2022 ? 3 : 2,
      allInclusivePressure: 0,
      year: options.startYear - 1,
    },
    countries,
    seats,
    seatOrder,
    deck: { drawn: [], news: [] },
    decisions: [],
    nextDecisionId: 1,
    stats: { cstoInterventions: 0, chineseSecurityAnswers: 0, debtDistress: 0, leverage: 0, encroachments: 0, bargains: 0, rupture: false, roundsScored: 0 },
    history: [],
    log: [],
    winners: [],
    endReason: null,
  };
}
