import { pendingSeats, viewFor, type CountryState, type Decision, type GameEvent, type GameState, type GameView, type Order, type Seat, type SeatState, type Viewer } from "../../shared/engine/index.ts";
import type { MatchInfo, SeatInfo } from "../../shared/protocol/connection.ts";
import { unflatten, type Primitive } from "../../shared/protocol/flat.ts";
import { playedByBot } from "../../shared/protocol/seatControl.ts";
import type { Doc, MatchState, PublicLogEntry, Secret, SecretLogEntry } from "../../shared/protocol/state.ts";

/*
 * Turns the decoded room state into what the screens read: the engine's GameView for this viewer,
 * the full event log this viewer may see, and the match's lobby facts. The view is built by the
 * engine's own `viewFor` over the parts of the game this client received, so legal actions and
 * redaction follow the same rules as in a solo game.
 */

export function readDoc(doc: Doc | undefined): Record<string, unknown> {
  if (!doc) return {};
  const entries: [string, Primitive][] = [];
  doc.n.forEach((v, k) => entries.push([k, v]));
  doc.s.forEach((v, k) => entries.push([k, v]));
  doc.b.forEach((v, k) => entries.push([k, v]));
  return unflatten(entries);
}

/** A secret's decisions, each with its answer (null while open). */
export function decisionsOf(secret: Secret): Decision[] {
  const out: Decision[] = [];
  secret.decisions.forEach((json, id) => {
    const d = JSON.parse(json) as Decision;
    d.answer = secret.answers.get(id) ?? null;
    out.push(d);
  });
  return out;
}

interface Placed { event: GameEvent; step: number; after: number }

/** The viewer's events in order: public ones by number, each private one placed after the public events it followed. */
export function eventsOf(state: MatchState): { events: GameEvent[]; steps: number[] } {
  const publics: Placed[] = [];
  state.log?.forEach((line) => {
    const [step, list] = JSON.parse(line) as PublicLogEntry;
    for (const [kind, round, params] of list) publics.push({ event: { kind, round, visibleTo: "all", params }, step, after: 0 });
  });
  const privates: Placed[] = [];
  const seen = new Set<string>();
  // The secrets map is absent altogether for a client that may see none of it.
  state.secrets?.forEach((secret) => {
    secret.log.forEach((line) => {
      const [step, list] = JSON.parse(line) as SecretLogEntry;
      for (const [kind, round, params, to, after] of list) {
        // A teacher sees several secrets; an event addressed to two seats arrives once in each.
        const key = `${step}|${after}|${kind}|${JSON.stringify(params)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        privates.push({ event: { kind, round, visibleTo: to as Seat[], params }, step, after });
      }
    });
  });
  privates.sort((a, b) => a.after - b.after || a.step - b.step);
  const out: Placed[] = [];
  let p = 0;
  publics.forEach((pub, i) => {
    while (p < privates.length && privates[p]!.after <= i) out.push(privates[p++]!);
    out.push(pub);
  });
  while (p < privates.length) out.push(privates[p++]!);
  return { events: out.map((x) => x.event), steps: out.map((x) => x.step) };
}

export function viewerOf(state: MatchState, sessionId: string): Viewer {
  const member = state.members.get(sessionId);
  return member && member.seat && !member.spectator ? (member.seat as Seat) : "spectator";
}

/** The events of the latest step this viewer saw (its own private events may come from a step after the public ones). */
function latestStep(events: GameEvent[], steps: number[]): GameEvent[] {
  let last = -1;
  for (const step of steps) if (step > last) last = step;
  return events.filter((_, i) => steps[i] === last);
}

/**
 * The parts of the game state this client received, shaped for the engine's `viewFor`. `withHistory: false`
 * leaves the per-round snapshots out (they only feed the charts), for callers that need the board alone.
 */
export function partialGame(state: MatchState, events: GameEvent[], steps: number[], withHistory = true): GameState | null {
  if (!state.started || state.phase === "lobby") return null;
  const seatOrder = [...state.seatOrder] as Seat[];
  const seats: GameState["seats"] = {};
  const decisions = new Map<number, Decision>();
  for (const seat of seatOrder) {
    const entry = state.seats.get(seat);
    const secret = state.secrets?.get(seat);
    const s: SeatState = {
      seat,
      controller: entry?.controller === "human" ? "human" : "bot",
      funds: entry?.funds ?? 0,
      income: entry?.income ?? 0,
      ap: entry?.ap ?? 0,
      score: entry?.score ?? 0,
      agenda: secret?.agenda || entry?.agenda || "",
      submitted: entry?.submitted ?? false,
      orders: secret ? (JSON.parse(secret.orders) as Order[]) : [],
    };
    seats[seat] = s;
    if (secret) for (const d of decisionsOf(secret)) decisions.set(d.id, d);
  }
  const countries = {} as GameState["countries"];
  state.countries.forEach((doc, id) => {
    const c = readDoc(doc) as unknown as CountryState;
    c.crisis ??= null;
    countries[id as keyof GameState["countries"]] = c;
  });
  const options = readDoc(state.options) as unknown as GameState["options"];
  options.seats ??= {};
  return {
    version: 1,
    seed: 0,
    options,
    round: state.round,
    maxRounds: state.maxRounds,
    phase: state.phase as GameState["phase"],
    rng: [0, 0, 0, 0] as unknown as GameState["rng"],
    global: readDoc(state.global) as unknown as GameState["global"],
    countries,
    seats,
    seatOrder,
    deck: { drawn: [], news: [...state.news] },
    decisions: [...decisions.values()].sort((a, b) => a.id - b.id),
    nextDecisionId: 0,
    stats: readDoc(state.stats) as unknown as GameState["stats"],
    history: (withHistory ? state.history.map((h) => JSON.parse(h)) : []) as GameState["history"],
    log: latestStep(events, steps),
    winners: [...state.winners] as Seat[],
    endReason: (state.endReason || null) as GameState["endReason"],
  };
}

export function gameViewOf(state: MatchState, sessionId: string, events: GameEvent[], steps: number[]): GameView | null {
  const game = partialGame(state, events, steps);
  return game ? viewFor(game, viewerOf(state, sessionId)) : null;
}

/** Whether this client's seat owes an input now (the same rule the server applies). */
export function owes(state: MatchState, sessionId: string): boolean {
  const viewer = viewerOf(state, sessionId);
  if (viewer === "spectator" || viewer === "teacher") return false;
  const { events, steps } = eventsOf(state);
  const game = partialGame(state, events, steps);
  return !!game && pendingSeats(game).includes(viewer);
}

export function matchInfoOf(state: MatchState, roomId: string, sessionId: string): MatchInfo {
  const seats: SeatInfo[] = [];
  state.seats.forEach((entry, seat) => {
    const seated: { id: string; name: string }[] = [];
    state.members.forEach((m, id) => { if (m.seat === seat) seated.push({ id, name: m.name }); });
    // Aligned with `players` by name, so a host's button removes the person it names; each member is matched
    // once, so two players of one seat with the same name get a button each.
    const used = new Set<string>();
    const playerIds = entry.players.map((name) => {
      const m = seated.find((x) => x.name === name && !used.has(x.id));
      if (m) used.add(m.id);
      return m?.id ?? "";
    });
    seats.push({ seat: seat as Seat, controller: playedByBot(entry) ? "bot" : "human", players: [...entry.players], playerIds, ready: entry.ready, connected: entry.connected });
  });
  const member = state.members.get(sessionId);
  return {
    roomId,
    code: state.code || null,
    name: state.name,
    public: state.isPublic,
    started: state.started,
    seats,
    you: {
      id: sessionId,
      name: member?.name ?? "",
      seat: member?.seat ? (member.seat as Seat) : null,
      spectator: member?.spectator ?? true,
      host: state.hostId === sessionId,
    },
    timerEndsAt: state.timerEndsAt > 0 ? state.timerEndsAt : null,
    timerSeconds: state.timerSeconds,
    paused: state.paused,
    broadcast: state.broadcast || null,
    rulesChanged: state.rulesChanged > 0 ? { round: state.rulesChanged } : null,
  };
}
