/** A token bucket: `perSecond` refill, `burst` capacity. One per client for messages, one per address for code look-ups. */
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

  constructor(limit: RateLimit) {
    this.limit = limit;
  }

  take(key: string): boolean {
    return this.entry(key).take();
  }

  available(key: string): boolean {
    return this.entry(key).available();
  }

  private entry(key: string): TokenBucket {
    const now = Date.now();
    if (this.buckets.size > 10_000) {
      const idle = (this.limit.burst / this.limit.perSecond) * 1000;
      for (const [k, v] of this.buckets) if (now - v.seen > idle) this.buckets.delete(k);
    }
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.limit.perSecond, this.limit.burst), seen: now };
      this.buckets.set(key, entry);
    }
    entry.seen = now;
    return entry.bucket;
  }
}
