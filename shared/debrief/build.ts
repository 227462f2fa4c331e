import { ARGUMENTS, type ArgumentDef } from "../content/index.ts";
import { citationOf, type Citation } from "../content/sources.ts";
import { replaySteps, parFor, standing, type GameEvent, type GameRecord, type GameState, type Power, type Seat, type StateId } from "../engine/index.ts";
import { POWERS, STATES } from "../engine/ids.ts";
import { RULES } from "../engine/rules.ts";
import type { DebriefTurningPoints } from "./turning.ts";

/**
 * The end-of-game debrief for a class: what happened (a timeline of events, ids and parameters the client words), how the board moved
 * (series for charts), who won against par, and which of the articles' arguments the game illustrated.
 * Built from a game's record alone, so a teacher can rebuild it from storage at any time.
 */

export interface TimelineEntry { round: number; year: number; kind: string; params: GameEvent["params"]; private: boolean }

export interface ScoreLine {
  seat: Seat; score: number; par: number; standing: number;
  agenda: { id: string }; agendaMet: boolean; winner: boolean;
}

/** A quote with its citation data (authors, title, publisher, year): exports cite the article as people do, not by its file. */
export interface CitedSource { quote: string; citation: Citation | null }

export interface MechanicLine extends Omit<ArgumentDef, "sources"> { sources: CitedSource[]; happened: boolean; count: number; rounds: number[] }

export interface Series {
  round: number[];
  year: number[];
  tension: number[];
  asymmetry: number[];
  stability: Record<StateId, number[]>;
  debt: Record<StateId, number[]>;
  influence: Record<StateId, Record<Power, number[]>>;
  scores: Partial<Record<Seat, number[]>>;
}

export interface Debrief {
  options: GameState["options"];
  seed: number;
  rounds: number;
  endReason: GameState["endReason"];
  winners: Seat[];
  scores: ScoreLine[];
  timeline: TimelineEntry[];
  series: Series;
  mechanics: MechanicLine[];
  /** The hard bot's review of the teams' decisions, when asked for (turning.ts); absent before the game is over. */
  turningPoints?: DebriefTurningPoints;
}

/** A room's own log note (a class team's draft played at the deadline), placed before the events of its step. */
export interface StepNote { step: number; event: GameEvent }

/** Every event of a game in order, by replaying its record, with the room's notes where the room logged them. */
export function allEvents(record: GameRecord, notes: readonly StepNote[] = []): { state: GameState; events: GameEvent[] } {
  let state: GameState | null = null;
  const events: GameEvent[] = [];
  for (const step of replaySteps(record, { digests: false })) {
    state = step.state;
    for (const note of notes) if (note.step === step.index) events.push(note.event);
    events.push(...step.events);
  }
  return { state: state!, events };
}

/** The rounds in which each argument of the articles played out, read from the events. */
function mechanicRounds(events: GameEvent[]): Map<string, number[]> {
  const found = new Map<string, number[]>(ARGUMENTS.map((a) => [a.id, []]));
  const add = (id: string, round: number) => found.get(id)!.push(round);
  let cstoSoFar = 0;
  for (const e of events) {
    const p = e.params;
    switch (e.kind) {
      case "encroachment":
        add("encroachment", e.round);
        if (p.seat === "china" && p.domain === "security") add("chineseSecurity", e.round);
        break;
      case "asymmetryGrows":
        if (Number(p.asymmetry) >= RULES.juniorPartnerAsymmetry) add("juniorPartner", e.round);
        break;
      case "bargain": add("bargain", e.round); break;
      case "rupture": add("rupture", e.round); break;
      case "distress": add("debtDistress", e.round); break;
      case "leverage": if (p.option === "assets" || p.option === "alignment") add("leverage", e.round); break;
      case "unrest": if (p.cause === "sinophobia") add("sinophobia", e.round); break;
      case "intervention":
        if (p.power === "russia") {
          add("cstoIntervention", e.round);
          if (++cstoSoFar >= 2) add("controlledInstability", e.round);
        }
        if (p.power === "china") add("chineseSecurity", e.round);
        break;
    }
  }
  return found;
}

function seriesOf(state: GameState): Series {
  const h = state.history;
  const perState = <T>(f: (id: StateId) => T) => Object.fromEntries(STATES.map((id) => [id, f(id)])) as Record<StateId, T>;
  const scores: Series["scores"] = {};
  for (const seat of state.seatOrder) scores[seat] = h.map((r) => r.scores[seat] ?? 0);
  return {
    round: h.map((r) => r.round),
    year: h.map((r) => r.year),
    tension: h.map((r) => r.tension),
    asymmetry: h.map((r) => r.asymmetry),
    stability: perState((id) => h.map((r) => r.states[id].stability)),
    debt: perState((id) => h.map((r) => r.states[id].debt)),
    influence: perState((id) => Object.fromEntries(POWERS.map((p) => [p, h.map((r) => r.states[id].influence[p])])) as Record<Power, number[]>),
    scores,
  };
}

export function buildDebrief(record: GameRecord, notes: readonly StepNote[] = []): Debrief {
  const { state, events } = allEvents(record, notes);
  const years = new Map<number, number>();
  for (const e of events) if (e.kind === "roundStarted") years.set(e.round, Number(e.params.year));
  const met = new Set(events.filter((e) => e.kind === "agendaMet").map((e) => String(e.params.seat)));
  const rounds = mechanicRounds(events);
  const scores = state.seatOrder.map((seat): ScoreLine => {
    const s = state.seats[seat]!;
    return {
      seat, score: s.score, par: parFor(seat, state.stats.roundsScored, state.options), standing: standing(state, seat),
      agenda: { id: s.agenda }, agendaMet: met.has(seat), winner: state.winners.includes(seat),
    };
  }).sort((a, b) => b.standing - a.standing);
  return {
    options: state.options,
    seed: state.seed,
    rounds: state.round,
    endReason: state.endReason,
    winners: state.winners,
    scores,
    timeline: events.map((e) => ({ round: e.round, year: years.get(e.round) ?? 0, kind: e.kind, params: e.params, private: e.visibleTo !== "all" })),
    series: seriesOf(state),
    mechanics: ARGUMENTS.map((a) => {
      const r = rounds.get(a.id)!;
      return { ...a, sources: a.sources.map((s) => ({ quote: s.quote, citation: citationOf(s.file) })), happened: r.length > 0, count: r.length, rounds: [...new Set(r)] };
    }),
  };
}
