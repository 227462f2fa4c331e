import { spawn, type ChildProcess } from "node:child_process";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { startProxy } from "./proxy.ts";
import { freePort, startPostgres, startRedis, type Service } from "./services.ts";

/*
 * A local cluster: Redis and PostgreSQL (started from the machine's packages on free ports in temporary folders,
 * unless REDIS_URL / DATABASE_URL point at running ones), N game processes (`server/main.ts`, each on its own port
 * with PUBLIC_ADDRESS=<entry>/p<N>), and one entry point for browsers (server/cluster/proxy.ts). Used by
 * `npm run start:cluster` and by the tests and benchmarks of the scaled mode.
 */

export interface ClusterOptions {
  processes: number;
  /** The entry point's port (0: a free one). */
  port: number;
  /** Host[:port] browsers use for the entry point (default localhost:<port>). */
  publicHost?: string;
  redisUrl?: string;
  databaseUrl?: string;
  /** More environment for the game processes (LIMITS, GRACE…). */
  env?: Record<string, string>;
  /** Where browsers reach process `index`'s rooms (default <publicHost>/p<index+1>, through the entry point). */
  publicAddress?: (index: number, port: number) => string;
  /** Show the game processes' output (default: only their errors, prefixed). */
  quiet?: boolean;
  log?: (line: string) => void;
}

export interface GameProcess {
  index: number;
  port: number;
  child: ChildProcess;
  /** Starts this process again (after it was killed), on the same port and address. */
  restart(): Promise<void>;
}

export interface Cluster {
  url: string;
  port: number;
  redisUrl: string;
  databaseUrl: string;
  processes: GameProcess[];
  stop(): Promise<void>;
}

const MAIN = resolve(import.meta.dirname, "..", "main.ts");

async function healthy(port: number, child: ChildProcess, ms: number, output: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`game process on port ${port} exited while starting: ${output().trim().split("\n").slice(-3).join(" | ")}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`game process on port ${port} did not answer /health within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? ((line: string) => console.error(line));
  const started: Service[] = [];
  const children: GameProcess[] = [];
  let proxy: Server | null = null;
  const stop = async () => {
    await Promise.all(children.map((p) => new Promise<void>((res) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return res();
      const kill = setTimeout(() => p.child.kill("SIGKILL"), 5000);
      p.child.once("exit", () => { clearTimeout(kill); res(); });
      p.child.kill("SIGTERM");
    })));
    await new Promise<void>((res) => (proxy ? proxy.close(() => res()) : res()));
    proxy?.closeAllConnections();
    for (const service of started.reverse()) await service.stop().catch(() => {});
  };
  try {
    let redisUrl = options.redisUrl;
    if (!redisUrl) {
      const redis = await startRedis();
      started.push(redis);
      redisUrl = redis.url;
    }
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const pg = await startPostgres();
      started.push(pg);
      databaseUrl = pg.url;
    }
    const port = options.port === 0 ? await freePort() : options.port;
    const publicHost = options.publicHost ?? `localhost:${port}`;
    const backends: { port: number }[] = [];
    for (let i = 0; i < options.processes; i++) backends.push({ port: await freePort() });
    const launch = async (index: number): Promise<ChildProcess> => {
      const env = {
        ...process.env, ...options.env,
        PORT: String(backends[index]!.port), REDIS_URL: redisUrl!, DATABASE_URL: databaseUrl!, TRUSTED_PROXIES: "127.0.0.1", PUBLIC_ADDRESS: options.publicAddress?.(index, backends[index]!.port) ?? `${publicHost}/p${index + 1}`,
      };
      const child = spawn(process.execPath, ["--import", "tsx", MAIN], { cwd: resolve(import.meta.dirname, "..", ".."), env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      const keep = (chunk: Buffer) => {
        output = (output + String(chunk)).slice(-4000);
        if (!options.quiet) for (const line of String(chunk).split("\n").filter(Boolean)) log(`[p${index + 1}] ${line}`);
      };
      child.stdout!.on("data", keep);
      child.stderr!.on("data", keep);
      await healthy(backends[index]!.port, child, 60_000, () => output);
      return child;
    };
    // One at a time: the first creates the tables; each announces itself to Colyseus's presence before the next.
    for (let i = 0; i < options.processes; i++) {
      const index = i;
      const entry: GameProcess = {
        index, port: backends[i]!.port, child: await launch(i),
        async restart() { entry.child = await launch(index); },
      };
      children.push(entry);
    }
    proxy = await startProxy(port, backends, log);
    return { url: `http://localhost:${port}`, port, redisUrl, databaseUrl, processes: children, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
