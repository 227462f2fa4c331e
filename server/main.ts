import { defineRoom, defineServer, type Server } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { randomInt } from "node:crypto";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { JoinCodes } from "./codes.ts";
import { setContext } from "./context.ts";
import { errorRoutes, httpRoutes, parseOrigins, pinClientAddress, restrictCors } from "./http.ts";
import { colyseusLogger, oneLine, RefusalLog, type LogSink } from "./log.ts";
import { AddressLimits, parseLimits, type LimitSettings, type RateLimit } from "./rateLimit.ts";
import { Records } from "./records.ts";
import { MatchRoom } from "./room/MatchRoom.ts";
import { ClassRoom } from "./classroom/ClassRoom.ts";
import { classroomRoutes } from "./classroom/http.ts";
import { setClassStore } from "./classroom/live.ts";
import { ClassStore } from "./classroom/store.ts";
import { matchRoutes } from "./room/reopen.ts";
import { StartupError } from "./sqlite.ts";

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
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
  /** The Colyseus server, for tests that drive it with @colyseus/testing. */
  colyseus: Server;
  records: Records;
}

// A finished game's full state (its whole event log included) outgrows the encoder's default 8 KB buffer.
Encoder.BUFFER_SIZE = 256 * 1024;

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
  const records = new Records(options.dbPath);
  let classes: ClassStore;
  try {
    classes = new ClassStore(options.dbPath);
  } catch (error) {
    records.close();
    throw error;
  }
  const codes = new JoinCodes();
  // Matches saved open keep their join codes across a restart: the room comes back when someone asks for it.
  for (const { roomId, code } of records.openRoomCodes()) codes.restore(code, roomId);
  const refusals = new RefusalLog(options.log, options.now);
  const limits = new AddressLimits(refusals, options.limits, options.now);
  setClassStore(classes);
  setContext({ records, codes, graceSeconds: options.graceSeconds ?? 60, messageRate: options.messageRate ?? { perSecond: 20, burst: 40 },
    limits, refusals, now: options.now ?? Date.now, nextSeed: options.nextSeed ?? (() => randomInt(2 ** 31)) });
  restrictCors(options.allowedOrigins ?? []);
  const httpServer = createServer();
  const server = defineServer({
    rooms: { match: defineRoom(MatchRoom), class: defineRoom(ClassRoom) },
    // A closed tab closes its socket at once; the heartbeat only finds silent ones, so it can be patient (15 s)
    // rather than cut off a busy but live client.
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_FRAME_BYTES, pingInterval: 5000, pingMaxRetries: 3 }),
    express: (app) => {
      matchRoutes(app);
      app.disable("x-powered-by");
      classroomRoutes(app, { records, codes, limits, refusals });
      httpRoutes(app, { codes, clientDir: options.clientDir, startedAt: Date.now(), limits });
      errorRoutes(app, refusals);
    },
    // Colyseus prints whole stack traces for refused joins and the like: one line each, repeats counted.
    logger: colyseusLogger(refusals),
    greet: false,
    gracefullyShutdown: false,
  });
  try {
    await server.listen(port);
  } catch (error) {
    records.close();
    classes.close();
    setClassStore(null);
    setContext(null);
    const code = (error as { code?: unknown })?.code;
    if (code === "EADDRINUSE" || code === "EACCES") throw new StartupError(`Port ${port} cannot be used (${String(code)}): set PORT to a free port.`);
    throw error;
  }
  pinClientAddress(httpServer);
  return {
    port,
    colyseus: server,
    records,
    async close() {
      await server.gracefullyShutdown(false);
      records.close();
      classes.close();
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
  const running = await startServer({ port, dbPath, clientDir: resolve("dist/client"), allowedOrigins: parseOrigins(process.env.ALLOWED_ORIGINS), limits });
  console.log(`New Great Game: http://localhost:${running.port} (records in ${dbPath})`);
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
