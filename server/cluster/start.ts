import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { startCluster } from "./cluster.ts";
import { MissingService } from "./services.ts";

/*
 * `npm run start:cluster -- --processes N [--port P]`: Redis, PostgreSQL, N game processes and one entry point
 * (server/cluster/cluster.ts). REDIS_URL / DATABASE_URL use running services instead of starting them; PORT is the
 * entry point's port (default 2567); PUBLIC_HOST the host[:port] browsers use for it (default localhost:PORT).
 * Ctrl-C stops everything it started and removes the temporary folders.
 */

function parse(argv: string[]): { processes: number; port: number } {
  let processes = 2;
  let port = Number(process.env.PORT ?? 2567);
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === "--processes") { processes = Number(value); i++; }
    else if (argv[i] === "--port") { port = Number(value); i++; }
    else throw new Error(`Unknown option ${argv[i]}: use --processes N and --port P.`);
  }
  if (!Number.isInteger(processes) || processes < 1 || processes > 64) throw new Error("--processes must be a whole number from 1 to 64.");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port (or PORT) must be a port number.");
  return { processes, port };
}

async function main(): Promise<void> {
  const { processes, port } = parse(process.argv.slice(2));
  const cluster = await startCluster({
    processes, port, publicHost: process.env.PUBLIC_HOST || undefined,
    redisUrl: process.env.REDIS_URL || undefined, databaseUrl: process.env.DATABASE_URL || undefined,
  });
  console.log(`New Great Game cluster: ${cluster.url} (${processes} game process${processes === 1 ? "" : "es"} on port${processes === 1 ? "" : "s"} ${cluster.processes.map((p) => p.port).join(", ")}; Redis and PostgreSQL ${process.env.REDIS_URL || process.env.DATABASE_URL ? "given" : "started here"})`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void cluster.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  for (const p of cluster.processes) {
    p.child.once("exit", (code, signal) => { if (!stopping) console.error(`game process ${p.index + 1} stopped (${signal ?? code}); the others go on and restore its games when players come back`); });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof MissingService || !(error instanceof Error) ? String(error instanceof Error ? error.message : error) : `The cluster could not start: ${error.message.split("\n", 1)[0]}`);
    process.exit(1);
  });
}
