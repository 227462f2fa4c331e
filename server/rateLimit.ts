import type { RefusalLog } from "./log.ts";

/** A token bucket: `perSecond` refill, `burst` capacity. One per client for messages, per address for the limits below. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private perSecond: number;
  private burst: number;
  private now: () => number;

  constructor(perSecond: number, burst: number, now: () => number = Date.now) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.now = now;
    this.tokens = burst;
    this.last = now();
  }

  /** Whether a token is there to take, without taking it. */
  available(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    return this.tokens >= 1;
  }

  take(): boolean {
    if (!this.available()) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface RateLimit { perSecond: number; burst: number }

/** Buckets keyed by a string (an address), forgotten when idle long enough to be full again. */
export class KeyedBuckets {
  private buckets = new Map<string, { bucket: TokenBucket; seen: number }>();
  private limit: RateLimit;
  private now: () => number;

  constructor(limit: RateLimit, now: () => number = Date.now) {
    this.limit = limit;
    this.now = now;
  }

  take(key: string): boolean {
    return this.entry(key).take();
  }

  available(key: string): boolean {
    return this.entry(key).available();
  }

  private entry(key: string): TokenBucket {
    const now = this.now();
    if (this.buckets.size > 10_000) {
      const idle = (this.limit.burst / this.limit.perSecond) * 1000;
      for (const [k, v] of this.buckets) if (now - v.seen > idle) this.buckets.delete(k);
    }
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.limit.perSecond, this.limit.burst, this.now), seen: now };
      this.buckets.set(key, entry);
    }
    entry.seen = now;
    return entry.bucket;
  }
}

/**
 * What one address may cost the server, each a token bucket per address (and room creation per connection too).
 * Every route and room takes from these same budgets, so asking through another door does not buy more tries:
 * - `codeMisses`: an unknown join code, for a match (`/api/code`) or a class (`/api/class`);
 * - `keyChecks`: every check of a teacher key, right or wrong (`/open`, `/debrief`, joining a class room as teacher);
 * - `roomCreations`: creating a match room (and `roomCreationsPerConnection`, so one connection cannot spend its address's whole budget);
 * - `classCreations`: creating a class session.
 * Hits of a code cost nothing, so a whole class behind one address can join at once.
 */
export const ADDRESS_LIMITS = {
  codeMisses: { perSecond: 0.5, burst: 10 },
  keyChecks: { perSecond: 0.5, burst: 10 },
  roomCreations: { perSecond: 0.2, burst: 20 },
  roomCreationsPerConnection: { perSecond: 0.2, burst: 10 },
  classCreations: { perSecond: 1 / 60, burst: 10 },
} satisfies Record<string, RateLimit>;

export type LimitName = keyof typeof ADDRESS_LIMITS;
export type LimitSettings = Partial<Record<LimitName, RateLimit>>;

/**
 * `LIMITS` in the environment: budgets to change, as `name=burst/perSecond` separated by commas or spaces
 * (`LIMITS="roomCreations=1000/100 roomCreationsPerConnection=1000/100"`, which the server benchmark uses to open
 * hundreds of matches from one address). Unknown names and malformed values are refused with a sentence.
 */
export function parseLimits(value: string | undefined): LimitSettings {
  const out: LimitSettings = {};
  for (const part of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const match = /^(\w+)=(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(part);
    if (!match || !(match[1]! in ADDRESS_LIMITS) || Number(match[2]) < 1 || Number(match[3]) <= 0) {
      throw new Error(`LIMITS: "${part}" is not name=burst/perSecond with a name among ${Object.keys(ADDRESS_LIMITS).join(", ")}.`);
    }
    out[match[1] as LimitName] = { burst: Number(match[2]), perSecond: Number(match[3]) };
  }
  return out;
}

/**
 * The per-address budgets, one interface: in this process (`AddressLimits`, answering at once) or shared by every
 * process of a scaled deployment (`RedisLimits`, server/redis.ts, answering with promises). Callers await.
 */
export interface Limits {
  available(name: LimitName, key: string): boolean | Promise<boolean>;
  take(name: LimitName, key: string): boolean | Promise<boolean>;
}

export class AddressLimits implements Limits {
  private buckets: Record<LimitName, KeyedBuckets>;
  private log: RefusalLog;

  constructor(log: RefusalLog, settings: LimitSettings = {}, now: () => number = Date.now) {
    this.log = log;
    this.buckets = Object.fromEntries((Object.keys(ADDRESS_LIMITS) as LimitName[])
      .map((name) => [name, new KeyedBuckets(settings[name] ?? ADDRESS_LIMITS[name], now)])) as Record<LimitName, KeyedBuckets>;
  }

  /** Whether the key has a token left in this budget; a key out of tokens is logged (one line, repeats counted). */
  available(name: LimitName, key: string): boolean {
    if (this.buckets[name].available(key)) return true;
    this.log.note(`rate-limited ${name}`, key);
    return false;
  }

  /** Takes a token; false, logged as above, when the key has none left. */
  take(name: LimitName, key: string): boolean {
    if (this.buckets[name].take(key)) return true;
    this.log.note(`rate-limited ${name}`, key);
    return false;
  }
}
