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
import { httpRoutes } from "./http.ts";
import type { RateLimit } from "./rateLimit.ts";
import { Records } from "./records.ts";
import { MatchRoom } from "./room/MatchRoom.ts";
import { ClassRoom } from "./classroom/ClassRoom.ts";
import { classroomRoutes } from "./classroom/http.ts";
import { setClassStore } from "./classroom/live.ts";
import { ClassStore } from "./classroom/store.ts";

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
  const codes = new JoinCodes();
  const classes = new ClassStore(options.dbPath);
  setClassStore(classes);
  setContext({ records, codes, graceSeconds: options.graceSeconds ?? 60, messageRate: options.messageRate ?? { perSecond: 20, burst: 40 },
    nextSeed: options.nextSeed ?? (() => randomInt(2 ** 31)) });
  const server = defineServer({
    rooms: { match: defineRoom(MatchRoom), class: defineRoom(ClassRoom) },
    // A closed tab closes its socket at once; the heartbeat only finds silent ones, so it can be patient (15 s)
    // rather than cut off a busy but live client.
    transport: new WebSocketTransport({ server: createServer(), maxPayload: MAX_FRAME_BYTES, pingInterval: 5000, pingMaxRetries: 3 }),
    express: (app) => {
      classroomRoutes(app, { records, codes });
      httpRoutes(app, { codes, clientDir: options.clientDir, startedAt: Date.now() });
    },
    greet: false,
    gracefullyShutdown: false,
  });
  await server.listen(port);
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
  const dbEnv = process.env.DB_PATH ?? "./data/games.sqlite";
  // ":memory:" is SQLite's in-memory database, not a file name.
  const dbPath = dbEnv === ":memory:" ? dbEnv : resolve(dbEnv);
  const running = await startServer({ port, dbPath, clientDir: resolve("dist/client") });
  console.log(`New Great Game: http://localhost:${running.port} (records in ${dbPath})`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
