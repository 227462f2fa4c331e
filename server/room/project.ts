import { ArraySchema } from "@colyseus/schema";
import type { Decision, GameEvent, GameState, Seat } from "../../shared/engine/index.ts";
import { flatten } from "../../shared/protocol/flat.ts";
import { Doc, type MatchState, type PublicLogEntry, type Secret, type SecretLogEntry } from "../../shared/protocol/state.ts";

/*
 * Copies the engine's state into the synchronised schema after each accepted input. Setters skip
 * unchanged values, and flat documents change only the entries that moved, so a patch carries what
 * changed and no more. Hidden parts (agendas, orders, decisions, private events) go only into the
 * seat's Secret, which the StateView shows to that seat alone.
 */

/** Dotted paths, built once per (prefix, key): projection runs after every input and should not allocate. */
const paths = new Map<string, Map<string, string>>();
function pathOf(prefix: string, key: string): string {
  let byKey = paths.get(prefix);
  if (!byKey) paths.set(prefix, (byKey = new Map()));
  let path = byKey.get(key);
  if (path === undefined) byKey.set(key, (path = prefix ? `${prefix}.${key}` : key));
  return path;
}

/** Writes each leaf whose value changed; returns how many leaves the value has. */
function writeLeaves(doc: Doc, value: Record<string, unknown>, prefix: string): number {
  let leaves = 0;
  for (const key in value) {
    const v = value[key];
    if (v === null || v === undefined) continue;
    const path = pathOf(prefix, key);
    if (typeof v === "object") leaves += writeLeaves(doc, v as Record<string, unknown>, path);
    else if (typeof v === "number") { leaves++; if (doc.n.get(path) !== v) doc.n.set(path, v); }
    else if (typeof v === "string") { leaves++; if (doc.s.get(path) !== v) doc.s.set(path, v); }
    else if (typeof v === "boolean") { leaves++; if (doc.b.get(path) !== v) doc.b.set(path, v); }
  }
  return leaves;
}

/** Brings a flat document in line with a plain object: changed leaves are set, vanished ones (nulls) deleted. */
export function syncDoc(doc: Doc, value: unknown): void {
  const leaves = writeLeaves(doc, value as Record<string, unknown>, "");
  if (leaves === doc.n.size + doc.s.size + doc.b.size) return;
  const flat = flatten(value);
  for (const map of [doc.n, doc.s, doc.b] as const) {
    for (const key of [...map.keys()]) {
      const v = flat.get(key);
      if (v === undefined || typeof v !== (map === doc.n ? "number" : map === doc.s ? "string" : "boolean")) map.delete(key);
    }
  }
}

function syncStrings(target: ArraySchema<string>, values: readonly string[]): void {
  if (target.length === values.length && values.every((v, i) => target[i] === v)) return;
  target.clear();
  for (const v of values) target.push(v);
}

/** A seat's decisions: each opened once as JSON without its answer; answers set apart; closed ones removed. */
function syncDecisions(secret: Secret, decisions: readonly Decision[]): void {
  const ids = new Set<string>();
  for (const d of decisions) {
    const id = String(d.id);
    ids.add(id);
    if (!secret.decisions.has(id)) {
      const { answer: _answer, ...open } = d;
      secret.decisions.set(id, JSON.stringify(open));
    }
    if (d.answer === null) {
      if (secret.answers.has(id)) secret.answers.delete(id);
    } else if (secret.answers.get(id) !== d.answer) secret.answers.set(id, d.answer);
  }
  if (secret.decisions.size === ids.size && secret.answers.size <= ids.size) return;
  for (const id of [...secret.decisions.keys()]) if (!ids.has(id)) secret.decisions.delete(id);
  for (const id of [...secret.answers.keys()]) if (!ids.has(id)) secret.answers.delete(id);
}

function setIfChanged<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
  if (obj[key] !== value) obj[key] = value;
}

export class Projector {
  private publicCount = 0;
  private state: MatchState;
  /**
   * The game state projected last. The engine never changes a state once a step has returned it and shares the
   * parts a step left alone (a seat's input shares everything but seats and decisions), so a part that is the
   * same object as last time needs no look at all.
   */
  private last: GameState | null = null;
  private lastDecisions = "";

  constructor(state: MatchState) {
    this.state = state;
  }

  /** Everything but the events: call after every accepted input, and once at the start. */
  sync(game: GameState): void {
    const s = this.state;
    const last = this.last;
    this.last = game;
    s.phase = game.phase;
    s.round = game.round;
    s.maxRounds = game.maxRounds;
    if (game.seatOrder !== last?.seatOrder) syncStrings(s.seatOrder, game.seatOrder);
    if (game.deck !== last?.deck) syncStrings(s.news, game.deck.news);
    if (game.winners !== last?.winners) syncStrings(s.winners, game.winners);
    s.endReason = game.endReason ?? "";
    if (game.options !== last?.options) syncDoc(s.options, game.options);
    if (game.global !== last?.global) syncDoc(s.global, game.global);
    if (game.stats !== last?.stats) syncDoc(s.stats, game.stats);
    if (game.countries !== last?.countries) {
      for (const id of Object.keys(game.countries) as (keyof GameState["countries"])[]) {
        let doc = s.countries.get(id);
        if (!doc) {
          doc = new Doc();
          s.countries.set(id, doc);
        }
        syncDoc(doc, game.countries[id]);
      }
    }
    while (s.history.length < game.history.length) s.history.push(JSON.stringify(game.history[s.history.length]));
    const ended = game.phase === "ended";
    // Decisions are copied at every step: compare their text once rather than each seat's share of it.
    const decisionsText = game.decisions === last?.decisions ? this.lastDecisions : JSON.stringify(game.decisions);
    const decisionsChanged = decisionsText !== this.lastDecisions || !last;
    this.lastDecisions = decisionsText;
    for (const seat of game.seatOrder) {
      const g = game.seats[seat]!;
      const entry = s.seats.get(seat);
      if (entry) {
        setIfChanged(entry, "funds", g.funds);
        setIfChanged(entry, "income", g.income);
        setIfChanged(entry, "ap", g.ap);
        setIfChanged(entry, "score", g.score);
        setIfChanged(entry, "submitted", g.submitted);
        setIfChanged(entry, "agenda", ended ? g.agenda : "");
      }
      const secret = s.secrets.get(seat);
      if (secret) {
        setIfChanged(secret, "agenda", g.agenda);
        if (g.orders !== last?.seats[seat]?.orders) setIfChanged(secret, "orders", JSON.stringify(g.orders));
        if (decisionsChanged) syncDecisions(secret, game.decisions.filter((d) => d.seat === seat || d.from === seat));
      }
    }
  }

  /** Appends one step's events: public ones to the public log, private ones to each addressed seat's secret log. */
  addEvents(events: readonly GameEvent[], step: number): void {
    const open: PublicLogEntry[1] = [];
    const hidden = new Map<Seat, SecretLogEntry[1]>();
    for (const e of events) {
      if (e.visibleTo === "all") {
        open.push([e.kind, e.round, e.params]);
        continue;
      }
      const after = this.publicCount + open.length;
      for (const seat of e.visibleTo) {
        if (!this.state.secrets.has(seat)) continue;
        let list = hidden.get(seat);
        if (!list) hidden.set(seat, (list = []));
        list.push([e.kind, e.round, e.params, e.visibleTo, after]);
      }
    }
    if (open.length > 0) {
      this.publicCount += open.length;
      this.state.step = step;
      this.state.log.push(JSON.stringify([step, open] satisfies PublicLogEntry));
    }
    for (const [seat, list] of hidden) this.state.secrets.get(seat)!.log.push(JSON.stringify([step, list] satisfies SecretLogEntry));
  }
}
