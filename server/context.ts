import type { Codes } from "./codes.ts";
import type { RefusalLog } from "./log.ts";
import type { Limits, RateLimit } from "./rateLimit.ts";
import type { Store } from "./store.ts";
import type { OpeningClaim } from "./openOnce.ts";

/**
 * What every match room of this process shares. Colyseus builds rooms itself, so the server sets
 * this once at start rather than passing it through room options (which clients could override).
 */
export interface ServerContext {
  /** Everything kept: SQLite in the process, or PostgreSQL shared by several (DATABASE_URL). */
  records: Store;
  /** Join codes: in the process, or shared through Redis (REDIS_URL). */
  codes: Codes;
  /** Seconds a dropped player keeps the seat before a bot takes over. */
  graceSeconds: number;
  messageRate: RateLimit;
  /** Per-address budgets shared by every route and room (room creation, teacher keys, code misses). */
  limits: Limits;
  /** Refused attempts, one line each, repeats counted. */
  refusals: RefusalLog;
  /** The clock of the rate limits (tests pass one they move by hand). */
  now: () => number;
  /** The seed of each new game: random in play; a test deals fixed ones so a failure replays exactly. */
  nextSeed(): number;
  /** Several processes: the shared claim on opening a saved room again (Redis); absent in one process. */
  openingClaim?: (key: string) => OpeningClaim;
}

let current: ServerContext | null = null;

export function setContext(ctx: ServerContext | null): void {
  current = ctx;
}

export function context(): ServerContext {
  if (!current) throw new Error("The game server is not started.");
  return current;
}
