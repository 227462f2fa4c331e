import { ArraySchema } from "@colyseus/schema";
import type { GameEvent, GameState, Seat } from "../../shared/engine/index.ts";
import { flatten } from "../../shared/protocol/flat.ts";
import { Doc, EventEntry, type MatchState } from "../../shared/protocol/state.ts";

/*
 * Copies the engine's state into the synchronised schema after each accepted input. Setters skip
 * unchanged values, and flat documents change only the entries that moved, so a patch carries what
 * changed and no more. Hidden parts (agendas, orders, decisions, private events) go only into the
 * seat's Secret, which the StateView shows to that seat alone.
 */

export function syncDoc(doc: Doc, value: unknown): void {
  const flat = flatten(value);
  for (const [key, v] of flat) {
    const map = typeof v === "number" ? doc.n : typeof v === "string" ? doc.s : doc.b;
    if (map.get(key) !== v) map.set(key, v as never);
  }
  for (const map of [doc.n, doc.s, doc.b]) {
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

function setIfChanged<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
  if (obj[key] !== value) obj[key] = value;
}

export class Projector {
  private publicCount = 0;
  private state: MatchState;

  constructor(state: MatchState) {
    this.state = state;
  }

  /** Everything but the events: call after every accepted input, and once at the start. */
  sync(game: GameState, step: number): void {
    const s = this.state;
    s.phase = game.phase;
    s.round = game.round;
    s.maxRounds = game.maxRounds;
    s.step = step;
    syncStrings(s.seatOrder, game.seatOrder);
    syncStrings(s.news, game.deck.news);
    syncStrings(s.winners, game.winners);
    s.endReason = game.endReason ?? "";
    syncDoc(s.options, game.options);
    syncDoc(s.global, game.global);
    syncDoc(s.stats, game.stats);
    for (const id of Object.keys(game.countries) as (keyof GameState["countries"])[]) {
      let doc = s.countries.get(id);
      if (!doc) {
        doc = new Doc();
        s.countries.set(id, doc);
      }
      syncDoc(doc, game.countries[id]);
    }
    while (s.history.length < game.history.length) s.history.push(JSON.stringify(game.history[s.history.length]));
    const ended = game.phase === "ended";
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
        setIfChanged(secret, "orders", JSON.stringify(g.orders));
        const decisions = game.decisions.filter((d) => d.seat === seat || d.from === seat);
        setIfChanged(secret, "decisions", JSON.stringify(decisions));
      }
    }
  }

  /** Appends one step's events: public ones to the public log, private ones to each addressed seat's secret log. */
  addEvents(events: readonly GameEvent[], step: number): void {
    for (const e of events) {
      const entry = new EventEntry();
      entry.step = step;
      entry.round = e.round;
      entry.kind = e.kind;
      entry.params = JSON.stringify(e.params);
      if (e.visibleTo === "all") {
        this.publicCount++;
        this.state.log.push(entry);
        continue;
      }
      entry.after = this.publicCount;
      entry.to = e.visibleTo.join(",");
      let first = true;
      for (const seat of e.visibleTo as Seat[]) {
        const secret = this.state.secrets.get(seat);
        if (!secret) continue;
        // A schema instance can have one parent: each secret log gets its own copy.
        const copy = first ? entry : entry.clone();
        first = false;
        secret.log.push(copy);
      }
    }
  }
}
