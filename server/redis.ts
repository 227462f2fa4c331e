import { matchMaker } from "@colyseus/core";
import { randomBytes, randomInt } from "node:crypto";
import { Redis } from "ioredis";
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode, type Codes } from "./codes.ts";
import type { RefusalLog } from "./log.ts";
import { ADDRESS_LIMITS, type Limits, type LimitName, type LimitSettings } from "./rateLimit.ts";
import type { ClassRooms } from "./classroom/live.ts";
import type { OpeningClaim } from "./openOnce.ts";

/*
 * What the processes of a scaled deployment share through Redis (REDIS_URL), beside Colyseus's own presence and
 * room listing (@colyseus/redis-presence, @colyseus/redis-driver): private matches' join codes, which room holds
 * each class session, and the per-address budgets. Each has an in-process twin used by `npm start`
 * (JoinCodes, the class-room map in classroom/live.ts, AddressLimits) behind the same interface.
 */

const CODE = (code: string) => `ngg:code:${code}`;
const CLASS = (code: string) => `ngg:class-room:${code}`;
const LIMIT = (name: string, key: string) => `ngg:limit:${name}:${key}`;

/** Join codes: code -> room id, claimed with SET NX so two processes never issue the same one. */
export class RedisCodes implements Codes {
  private redis: Redis;
  constructor(redis: Redis) { this.redis = redis; }

  async issue(roomId: string): Promise<string> {
    for (;;) {
      let code = "";
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (await this.redis.set(CODE(code), roomId, "NX")) return code;
    }
  }

  async restore(code: string, roomId: string): Promise<void> {
    await this.redis.set(CODE(normaliseCode(code)), roomId);
  }

  async lookup(code: string): Promise<string | null> {
    return this.redis.get(CODE(normaliseCode(code)));
  }

  async release(code: string): Promise<void> {
    await this.redis.del(CODE(normaliseCode(code)));
  }
}

/**
 * A claim on opening one room, for 15 s at most (a process that dies holding it does not block the room for longer).
 * Released only by its holder: a claim that ran out and was taken by another process is not the one let go.
 */
export function redisOpeningClaim(redis: Redis, key: string): OpeningClaim {
  const holder = randomBytes(8).toString("hex");
  return {
    take: async () => (await redis.set(`ngg:opening:${key}`, holder, "PX", 15_000, "NX")) === "OK",
    release: async () => { await redis.eval(DELETE_IF_HELD, 1, `ngg:opening:${key}`, holder); },
  };
}
const DELETE_IF_HELD = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/** Which room holds a class session: code -> room id; cleared only by the room that holds it. */
export class RedisClassRooms implements ClassRooms {
  private redis: Redis;
  constructor(redis: Redis) { this.redis = redis; }

  async get(code: string): Promise<string | null> { return this.redis.get(CLASS(code)); }
  async set(code: string, roomId: string): Promise<void> { await this.redis.set(CLASS(code), roomId); }
  async clear(code: string, roomId: string): Promise<void> {
    await this.redis.eval(DELETE_IF_HELD, 1, CLASS(code), roomId);
  }
}

/** A token bucket per key in a Redis hash, taken atomically (one script): every process spends the same budget. */
const BUCKET = `
local burst = tonumber(ARGV[1]); local rate = tonumber(ARGV[2]); local now = tonumber(ARGV[3]); local take = tonumber(ARGV[4])
local v = redis.call('HMGET', KEYS[1], 't', 'l')
local t = tonumber(v[1]) or burst
local l = tonumber(v[2]) or now
t = math.min(burst, t + math.max(0, now - l) / 1000 * rate)
local ok = 0
if t >= 1 then ok = 1; if take == 1 then t = t - 1 end end
redis.call('HSET', KEYS[1], 't', tostring(t), 'l', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return ok`;

export class RedisLimits implements Limits {
  private redis: Redis;
  private log: RefusalLog;
  private settings: LimitSettings;
  private now: () => number;

  constructor(redis: Redis, log: RefusalLog, settings: LimitSettings = {}, now: () => number = Date.now) {
    this.redis = redis;
    this.log = log;
    this.settings = settings;
    this.now = now;
  }

  private async bucket(name: LimitName, key: string, take: boolean): Promise<boolean> {
    const limit = this.settings[name] ?? ADDRESS_LIMITS[name];
    const ok = await this.redis.eval(BUCKET, 1, LIMIT(name, key), limit.burst, limit.perSecond, this.now(), take ? 1 : 0) === 1;
    if (!ok) this.log.note(`rate-limited ${name}`, key);
    return ok;
  }

  available(name: LimitName, key: string): Promise<boolean> { return this.bucket(name, key, false); }
  take(name: LimitName, key: string): Promise<boolean> { return this.bucket(name, key, true); }
}

/** A Redis connection that reports a lost connection in one line (ioredis reconnects by itself). */
export function redisClient(url: string, log: (line: string) => void): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
  let said = false;
  redis.on("error", (error: Error) => {
    if (said) return;
    said = true;
    log(`Redis: ${error.message.split("\n", 1)[0]}`);
  });
  redis.on("ready", () => { said = false; });
  return redis;
}

/**
 * Whether a listed room is really there: the room listing outlives a process that was killed, so a room listed on
 * another process counts only if that process answers Colyseus's health check (which, failing, removes its rooms).
 */
export async function roomIsLive(roomId: string): Promise<boolean> {
  const [listing] = await matchMaker.query({ roomId });
  if (!listing) return false;
  if (listing.processId === matchMaker.processId) return !!matchMaker.getLocalRoomById(roomId);
  return matchMaker.healthCheckProcessId(listing.processId);
}
