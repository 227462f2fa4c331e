import "./quietAgent.ts";
import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Encoder } from "@colyseus/schema";
import { randomInt } from "node:crypto";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { JoinCodes, type Codes } from "./codes.ts";
import { SpreadPingTransport } from "./heartbeat.ts";
import { setContext } from "./context.ts";
import { errorRoutes, httpRoutes, parseOrigins, parseProxies, pinClientAddress, restrictCors } from "./http.ts";
import { colyseusLogger, oneLine, RefusalLog, type LogSink } from "./log.ts";
import { AddressLimits, parseLimits, type LimitSettings, type Limits, type RateLimit } from "./rateLimit.ts";
import { PostgresStore } from "./postgres.ts";
import { RedisClassRooms, redisClient, RedisCodes, RedisLimits, redisOpeningClaim, roomIsLive } from "./redis.ts";
import { SqliteStore, type Store } from "./store.ts";
import { Records } from "./records.ts";
import { MatchRoom } from "./room/MatchRoom.ts";
import { ClassRoom } from "./classroom/ClassRoom.ts";
import { classroomRoutes } from "./classroom/http.ts";
import { publicUrl } from "./classroom/network.ts";
import { setClassStore } from "./classroom/live.ts";
import { ClassStore } from "./classroom/store.ts";
import { matchRoutes } from "./room/reopen.ts";
import { replayRoutes } from "./review/routes.ts";
import { StartupError } from "./sqlite.ts";
import { ENCODER_BUFFER_BYTES } from "./room/encoderBuffer.ts";

export interface ServerOptions {
  port: number;
  dbPath: string;
  clientDir: string;
  /** Seconds a dropped player keeps the seat (default 60). */
  graceSeconds?: number;
  /** Messages per client: sustained rate and burst (default 20/s, burst 40). */
  messageRate?: RateLimit;
  /** Where each new game's seed comes from (default: a random one per game). */
  nextSeed?: () => number;
  /** Per-address budgets (`ADDRESS_LIMITS` in server/rateLimit.ts by default). */
  limits?: LimitSettings;
  /** Origins besides the server's own that may call it from a browser (`ALLOWED_ORIGINS`). */
  allowedOrigins?: string[];
  /** Where log lines go (default: stderr). */
  log?: LogSink;
  /** The clock of the rate limits and the log (tests pass one they move by hand). */
  now?: () => number;
  /** PostgreSQL shared by several processes (`DATABASE_URL`); without it, SQLite at `dbPath`. */
  databaseUrl?: string;
  /** Redis shared by several processes (`REDIS_URL`): presence, room listing, join codes, class rooms, limits. */
  redisUrl?: string;
  /** How browsers reach this process's rooms (`PUBLIC_ADDRESS`, host[:port][/path]); needed with Redis. */
  publicAddress?: string;
  /** Load balancers whose X-Forwarded-For names the client (`TRUSTED_PROXIES`); default none. */
  trustedProxies?: string[];
  /** How often each socket is pinged (default 15 s); two unanswered pings end it. Tests shorten it. */
  pingIntervalMs?: number;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
  /** The Colyseus server, for tests that drive it with @colyseus/testing. */
  colyseus: Server;
  /** The SQLite records (tests read them); a server on PostgreSQL has none (use `store`). */
  records: Records;
  /** Everything kept, SQLite or PostgreSQL. */
  store: Store;
}

Encoder.BUFFER_SIZE = ENCODER_BUFFER_BYTES;

/** Largest websocket frame read at all; game messages are far smaller and are checked again per message. */
const MAX_FRAME_BYTES = 64 * 1024;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** One process serving the built client, the HTTP routes and the game on one port. Port 0 picks a free one. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = options.port === 0 ? await freePort() : options.port;
  const refusals = new RefusalLog(options.log, options.now);
  let records: Records | null = null;
  let classes: ClassStore | null = null;
  let store: Store;
  if (options.databaseUrl) {
    store = await PostgresStore.open(options.databaseUrl, (line) => refusals.line(line));
  } else {
    records = new Records(options.dbPath);
    try {
      classes = new ClassStore(options.dbPath);
    } catch (error) {
      records.close();
      throw error;
    }
    store = new SqliteStore(records, classes);
  }
  // Several processes share Redis: Colyseus's presence and room listing, and what the rooms and routes share.
  const redis = options.redisUrl ? redisClient(options.redisUrl, (line) => refusals.line(line)) : null;
  const codes: Codes = redis ? new RedisCodes(redis) : new JoinCodes();
  const limits: Limits = redis ? new RedisLimits(redis, refusals, options.limits, options.now) : new AddressLimits(refusals, options.limits, options.now);
  const closeStores = async () => {
    await store.close();
    redis?.disconnect();
  };
  try {
    if (redis) {
      const reached = await Promise.race([redis.ping().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      if (!reached) throw new StartupError("Redis at REDIS_URL cannot be reached: start it, or set REDIS_URL to a running one.");
    }
    // Matches saved open keep their join codes across a restart: the room comes back when someone asks for it.
    for (const { roomId, code } of await store.openRoomCodes()) await codes.restore(code, roomId);
  } catch (error) {
    await closeStores();
    throw error;
  }
  setClassStore(classes, redis ? new RedisClassRooms(redis) : null, roomIsLive);
  // Several processes: one claim on opening a saved room (a class's or a crashed match's), wherever it is asked for.
  const openingClaim = redis ? (key: string) => redisOpeningClaim(redis, key) : undefined;
  setContext({ records: store, codes, graceSeconds: options.graceSeconds ?? 60, messageRate: options.messageRate ?? { perSecond: 20, burst: 40 },
    limits, refusals, now: options.now ?? Date.now, nextSeed: options.nextSeed ?? (() => randomInt(2 ** 31)),
    openingClaim });
  restrictCors(options.allowedOrigins ?? []);
  const httpServer = createServer();
  const server = defineServer({
    rooms: { match: defineRoom(MatchRoom), class: defineRoom(ClassRoom) },
    // A closed tab closes its socket at once; the heartbeat only finds silent ones (a lost network), so it can be
    // patient: two missed pings 15 s apart end a silent socket within 30–45 s, and its seat's grace starts then, as
    // for a closed tab. Each ping is a frame out and a pong in for every socket, so they go out a slice at a time.
    transport: new SpreadPingTransport({ server: httpServer, maxPayload: MAX_FRAME_BYTES, pingInterval: options.pingIntervalMs ?? 15000, pingMaxRetries: 2 }),
    express: (app) => {
      matchRoutes(app);
      replayRoutes(app);
      app.disable("x-powered-by");
      classroomRoutes(app, { records: store, codes, limits, refusals, openingClaim });
      httpRoutes(app, { codes, clientDir: options.clientDir, startedAt: Date.now(), limits });
      errorRoutes(app, refusals);
    },
    // Colyseus prints whole stack traces for refused joins and the like: one line each, repeats counted.
    logger: colyseusLogger(refusals),
    greet: false,
    gracefullyShutdown: false,
    ...(options.redisUrl ? {
      presence: new RedisPresence(options.redisUrl),
      driver: new RedisDriver(options.redisUrl),
      publicAddress: options.publicAddress,
      // A room is made by the process asked to make it (the load balancer spreads those requests), never handed to
      // another: the passes that let the server open saved matches and class rooms live in the process that issued them.
      selectProcessIdToCreateRoom: async () => matchMaker.processId,
    } : {}),
  });
  try {
    await server.listen(port);
  } catch (error) {
    await closeStores();
    setClassStore(null);
    setContext(null);
    const code = (error as { code?: unknown })?.code;
    if (code === "EADDRINUSE" || code === "EACCES") throw new StartupError(`Port ${port} cannot be used (${String(code)}): set PORT to a free port.`);
    throw error;
  }
  pinClientAddress(httpServer, options.trustedProxies ?? []);
  return {
    port,
    colyseus: server,
    get records(): Records {
      if (!records) throw new Error("This server keeps its records in PostgreSQL: read them through `store`.");
      return records;
    },
    store,
    async close() {
      await server.gracefullyShutdown(false);
      await closeStores();
      setClassStore(null);
      setContext(null);
    },
  };
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 2567);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StartupError(`PORT must be a port number (0-65535), not "${process.env.PORT}".`);
  const dbEnv = process.env.DB_PATH ?? "./data/games.sqlite";
  // ":memory:" is SQLite's in-memory database, not a file name.
  const dbPath = dbEnv === ":memory:" ? dbEnv : resolve(dbEnv);
  let limits: LimitSettings;
  try {
    limits = parseLimits(process.env.LIMITS);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  if (process.env.PUBLIC_URL?.trim() && !publicUrl()) throw new StartupError(`PUBLIC_URL must be an http(s) address students can open (e.g. http://192.168.1.20:2567), not "${process.env.PUBLIC_URL}".`);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const redisUrl = process.env.REDIS_URL || undefined;
  const publicAddress = process.env.PUBLIC_ADDRESS || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) throw new StartupError("DATABASE_URL must be a PostgreSQL address (postgres://user@host:port/database).");
  if (redisUrl && !/^rediss?:\/\/\S+$/.test(redisUrl)) throw new StartupError("REDIS_URL must be a Redis address (redis://host:port).");
  if (publicAddress && !/^[\w.\-]+(:\d{1,5})?(\/[\w.\-/]*)?$/.test(publicAddress)) throw new StartupError("PUBLIC_ADDRESS must be host[:port][/path] as browsers reach this process, without http:// (e.g. game.example.org/p1).");
  if (redisUrl && !publicAddress) throw new StartupError("REDIS_URL is set but PUBLIC_ADDRESS is not: give each process the address browsers reach its rooms at (host:port, or host/path behind a proxy).");
  if (redisUrl && !databaseUrl) throw new StartupError("REDIS_URL is set but DATABASE_URL is not: processes sharing Redis must share their records in PostgreSQL too.");
  const running = await startServer({ port, dbPath, clientDir: resolve("dist/client"), allowedOrigins: parseOrigins(process.env.ALLOWED_ORIGINS), limits, databaseUrl, redisUrl, publicAddress, trustedProxies: parseProxies(process.env.TRUSTED_PROXIES) });
  console.log(`New Great Game: http://localhost:${running.port} (records in ${databaseUrl ? "PostgreSQL" : dbPath}${redisUrl ? `, Redis, rooms at ${publicAddress}` : ""})`);
  // An error nothing awaited is a bug to hear of, in one line, not a reason to drop every game on the server; one
  // thrown out of the event loop may have left anything half done: the process ends, and its games come back from
  // their records when it is started again.
  const processLog = new RefusalLog((line) => console.error(line));
  process.on("unhandledRejection", (reason) => processLog.line(`unhandled rejection: ${oneLine(reason)}`));
  process.on("uncaughtException", (error) => {
    console.error(`The server stopped on an error: ${oneLine(error)}`);
    process.exit(1);
  });
  const stop = () => void running.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    // One sentence: a setting to fix says which; anything else is named in one line, without a stack trace.
    console.error(error instanceof StartupError ? error.message : `The server could not start: ${oneLine(error)}`);
    process.exit(1);
  });
}
