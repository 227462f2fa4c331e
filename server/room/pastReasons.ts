import { replaySteps, type GameEvent, type GameState, type Seat } from "../../shared/engine/index.ts";
import type { GameHost } from "../../shared/host/GameHost.ts";
import type { PastReason } from "../../shared/protocol/messages.ts";
import { reasonsOfSteps } from "../../shared/review/seen.ts";
import { TokenBucket } from "../rateLimit.ts";

/**
 * The bots' reasons for the steps a page did not see arrive (its player came in, or back after a refresh,
 * mid-game): the reasons the page works out for each step it sees (shared/review/seen.ts), found the same way from
 * the engine's replay of the host's record and the log the room shows (`notes`: the room's own lines of a step,
 * such as a takeover, placed before the engine's). Bots are the seats bots play now and, for a step, any seat the log
 * says a bot took over in it, as the page counts them.
 */
export function pastReasons(host: GameHost, viewer: Seat | "spectator", notes: (step: number) => GameEvent[], botsNow: ReadonlySet<Seat>): PastReason[] {
  const events = host.eventsByStep().map((list, step) => [...notes(step), ...list]);
  const found = reasonsOfSteps(statesOf(host), events, viewer, (step) => {
    const bots = new Set(botsNow);
    for (const e of events[step] ?? []) if (e.kind === "botTookOver") bots.add(e.params.seat as Seat);
    return bots;
  });
  return found.map(({ step, event, reasons }) => ({ step, kind: event.kind, params: event.params, reasons }));
}

/** The game after each input of the record; a game whose record stopped replaying under new rules stops there. */
function statesOf(host: GameHost): GameState[] {
  const states: GameState[] = [];
  try {
    for (const replayed of replaySteps(host.gameRecord(), { digests: false })) states.push(replayed.state);
  } catch {
    // The rest of the record does not replay: the game is shown as far as it did (GameHost.rulesChanged).
  }
  return states;
}

/** What one connection may ask: a page asks once each time it arrives, a few times if it is refreshed in a row. */
export const PAST_REASONS_LIMIT = { burst: 3, perSecond: 0.2 };

/**
 * A room's answers, kept until the game moves on or who plays changes: each answer replays the record (a few
 * milliseconds late in a long game) and can run to tens of kilobytes, so a client repeating the request is answered
 * from here, and within PAST_REASONS_LIMIT (`null`: over it).
 */
export class PastReasonsCache {
  private key = "";
  private readonly answers = new Map<string, PastReason[]>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** The answer for a connection, or null when it has asked more than PAST_REASONS_LIMIT allows. */
  forClient(client: string, host: GameHost, viewer: Seat | "spectator", notes: (step: number) => GameEvent[], botsNow: ReadonlySet<Seat>): PastReason[] | null {
    let bucket = this.buckets.get(client);
    if (!bucket) this.buckets.set(client, (bucket = new TokenBucket(PAST_REASONS_LIMIT.perSecond, PAST_REASONS_LIMIT.burst, this.now)));
    return bucket.take() ? this.get(host, viewer, notes, botsNow) : null;
  }

  /** A connection that left: its budget is forgotten. */
  forget(client: string): void {
    this.buckets.delete(client);
  }

  get(host: GameHost, viewer: Seat | "spectator", notes: (step: number) => GameEvent[], botsNow: ReadonlySet<Seat>): PastReason[] {
    const key = `${host.steps}|${[...botsNow].sort().join()}`;
    if (key !== this.key) {
      this.key = key;
      this.answers.clear();
    }
    let answer = this.answers.get(viewer);
    if (!answer) this.answers.set(viewer, (answer = pastReasons(host, viewer, notes, botsNow)));
    return answer;
  }
}
