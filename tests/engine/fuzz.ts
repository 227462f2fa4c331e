import { expect } from "vitest";
import { applyInput, closePhase, createGame, pendingSeats, submitOrders, viewFor, type GameEvent, type GameOptions, type GameState, type Input, type Seat } from "../../shared/engine/index.ts";
import { BOTS, botSeed } from "../../shared/bots/play.ts";
import { Rng, seedRng } from "../../shared/engine/rng.ts";
import { BOUNDS } from "../../shared/engine/rules.ts";
import { STATES, POWERS } from "../../shared/engine/ids.ts";
import { ACTIONS, CARDS } from "../../shared/content/index.ts";

/**
 * Seeded random playouts through the engine's public API with its invariants checked after every step.
 * The options, the players' choices, early phase closes (timeouts) and malformed inputs all come from the seed.
 */

const inBounds = (what: string, value: number, [lo, hi]: readonly [number, number]) => {
  if (!(Number.isFinite(value) && value >= lo && value <= hi)) throw new Error(`${what} = ${value} is outside [${lo}, ${hi}]`);
};

export function checkInvariants(s: GameState): void {
  for (const id of STATES) {
    const c = s.countries[id];
    for (const power of POWERS) for (const [domain, v] of Object.entries(c.influence[power])) inBounds(`${id} ${power} ${domain}`, v, BOUNDS.influence);
    inBounds(`${id} stability`, c.stability, BOUNDS.stability);
    inBounds(`${id} prosperity`, c.prosperity, BOUNDS.prosperity);
    inBounds(`${id} sovereignty`, c.sovereignty, BOUNDS.sovereignty);
    inBounds(`${id} debt`, c.debt, BOUNDS.debt);
    inBounds(`${id} capacity`, c.capacity, BOUNDS.capacity);
    inBounds(`${id} remittances`, c.remittances, BOUNDS.remittances);
    inBounds(`${id} opinion of China`, c.opinion.china, BOUNDS.opinion);
    inBounds(`${id} opinion of Russia`, c.opinion.russia, BOUNDS.opinion);
    for (const [kind, n] of Object.entries(c.assets)) inBounds(`${id} ${kind}`, n, kind === "briCorridor" ? BOUNDS.briCorridor : BOUNDS.asset);
  }
  const g = s.global;
  inBounds("tension", g.tension, BOUNDS.tension);
  inBounds("asymmetry", g.asymmetry, BOUNDS.asymmetry);
  inBounds("western presence", g.westPresence, BOUNDS.westPresence);
  inBounds("Afghan threat", g.afghanThreat, BOUNDS.afghanThreat);
  inBounds("all-inclusive pressure", g.allInclusivePressure, BOUNDS.allInclusivePressure);
  for (const seat of s.seatOrder) {
    const st = s.seats[seat]!;
    inBounds(`${seat} funds`, st.funds, BOUNDS.funds);
    inBounds(`${seat} income`, st.income, BOUNDS.income);
    if (st.ap < 0) throw new Error(`${seat} has ${st.ap} action points`);
  }
  if (s.round < 1 || s.round > s.maxRounds) throw new Error(`round ${s.round} of ${s.maxRounds}`);
  if (s.phase === "ended") return;
  // No dead end: the phase waits for someone, and each of them has an input the engine accepts.
  const pending = pendingSeats(s);
  if (pending.length === 0) throw new Error(`phase ${s.phase} waits for no one`);
  for (const seat of pending) {
    if (s.phase === "orders") {
      if (!submitOrders(s, seat, []).ok) throw new Error(`${seat} cannot even pass`);
    } else {
      const open = s.decisions.filter((d) => d.seat === seat && d.answer === null);
      if (open.length === 0 || open.some((d) => d.options.length === 0 || !d.options.includes(d.defaultAnswer))) throw new Error(`${seat} owes a decision it cannot answer`);
    }
  }
}

const OTHER_IDS = new Set<string>([...ACTIONS.map((a) => a.id), ...CARDS.map((c) => c.id)]);

/** A seat's view holds nothing of another seat's secrets while the game runs. */
export function checkView(s: GameState, viewer: Seat | "spectator"): void {
  const v = viewFor(s, viewer);
  for (const seat of v.seats) {
    if (seat.seat === viewer) continue;
    if (seat.agenda !== null) throw new Error(`${viewer} sees ${seat.seat}'s agenda`);
    if (seat.orders !== null) throw new Error(`${viewer} sees ${seat.seat}'s orders`);
  }
  for (const d of v.decisions) if (d.seat !== viewer && d.from !== viewer) throw new Error(`${viewer} sees decision #${d.id} between others`);
  for (const e of v.log) if (e.visibleTo !== "all" && (viewer === "spectator" || !e.visibleTo.includes(viewer))) throw new Error(`${viewer} sees a private ${e.kind}`);
  const own = viewer === "spectator" ? null : s.seats[viewer]!.agenda;
  // An agenda named like an action (the Digital Silk Road is both) cannot be told apart by its id alone.
  const json = JSON.stringify(v);
  for (const seat of s.seatOrder) {
    const agenda = s.seats[seat]!.agenda;
    if (seat !== viewer && agenda !== own && !OTHER_IDS.has(agenda) && json.includes(`"${agenda}"`)) throw new Error(`${viewer}'s view names ${seat}'s agenda ${agenda}`);
  }
}

function randomOptions(rng: Rng): Partial<GameOptions> {
  return {
    mode: rng.int(0, 1) ? "full" : "powers",
    length: rng.int(0, 1) ? "short" : "standard",
    west: rng.int(0, 3) > 0,
    startYear: rng.pick([2016, 2019, 2022]),
  };
}

/** Inputs a careless or hostile client might send; the engine must refuse each without touching the state. */
function malformed(rng: Rng, s: GameState): Input {
  const seat = rng.pick(s.seatOrder);
  switch (rng.int(0, 4)) {
    case 0: return { type: "orders", seat, orders: [{ action: "no-such-action" }] };
    case 1: return { type: "answer", seat, decision: 999_999, answer: "accept" };
    case 2: return { type: "orders", seat, orders: [{ action: "bri-loan", target: "russia" }] };
    case 3: return { type: "orders", seat, orders: Array.from({ length: 9 }, () => ({ action: "deploy-advisers", target: "kazakhstan" as const })) };
    default: return { type: "answer", seat, decision: s.nextDecisionId - 1, answer: "never" };
  }
}

export interface FuzzSummary { games: number; steps: number; refusals: number; ended: number; maxRound: number }

/** `onGame` sees each finished game and every event it emitted, oldest first (the log a client keeps). */
export function fuzz(firstSeed: number, games: number, onGame?: (state: GameState, events: GameEvent[]) => void): FuzzSummary {
  const summary: FuzzSummary = { games: 0, steps: 0, refusals: 0, ended: 0, maxRound: 0 };
  for (let g = 0; g < games; g++) {
    const seed = firstSeed + g;
    const rng = new Rng(seedRng(seed ^ 0x5eed));
    let state = createGame(randomOptions(rng), seed);
    const events: GameEvent[] = [...state.log];
    const limit = state.maxRounds * 40;
    let steps = 0;
    try {
      checkInvariants(state);
      while (state.phase !== "ended") {
        if (++steps > limit) throw new Error(`no end after ${limit} steps`);
        if (rng.int(0, 29) === 0) {
          const before = JSON.stringify(state);
          const refused = applyInput(state, malformed(rng, state));
          if (refused.ok || refused.code.length === 0 || "message" in refused) throw new Error("a malformed input was accepted, refused without a reason code, or refused with a sentence");
          if (JSON.stringify(state) !== before) throw new Error("a refused input changed the state");
          summary.refusals++;
        }
        let result;
        if (rng.int(0, 19) === 0) {
          result = closePhase(state);
        } else {
          const seat = rng.pick(pendingSeats(state));
          const input = BOTS.random(viewFor(state, seat), botSeed(state, seat, steps));
          if (!input) throw new Error(`${seat} owes an input but has none to give`);
          result = applyInput(state, input);
        }
        if (!result.ok) throw new Error(`legal input refused: ${result.code} ${JSON.stringify(result.params)}`);
        state = result.state;
        events.push(...result.events);
        checkInvariants(state);
        if (state.phase !== "ended") checkView(state, steps % 9 === 8 ? "spectator" : state.seatOrder[steps % state.seatOrder.length]!);
      }
      onGame?.(state, events);
    } catch (error) {
      throw new Error(`fuzz game seed ${seed}, round ${state.round}, phase ${state.phase}: ${(error as Error).message}`);
    }
    summary.games++;
    summary.steps += steps;
    summary.ended += state.phase === "ended" ? 1 : 0;
    summary.maxRound = Math.max(summary.maxRound, state.round);
    expect(state.round).toBeLessThanOrEqual(state.maxRounds);
  }
  return summary;
}
