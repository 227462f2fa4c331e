import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * Redis and PostgreSQL from the machine (Debian's `redis-server` and `postgresql` 15), each started on a free port
 * in a temporary folder, for `npm run start:cluster` and the tests of the scaled mode. Nothing is installed here:
 * a missing binary is said in one sentence naming the package. Each service is stopped, and its folder removed, by
 * its `stop()`, which the callers run in `finally`/`afterAll` (and on SIGINT/SIGTERM for the cluster script).
 */

export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface Service {
  url: string;
  stop(): Promise<void>;
}

export class MissingService extends Error {
  override name = "MissingService";
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** Waits until something accepts TCP connections on the port, or says what it waited for. */
async function reachable(port: number, what: string, ms: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((res) => {
      const socket = createConnection({ port, host: "127.0.0.1" }, () => { socket.destroy(); res(true); });
      socket.once("error", () => res(false));
    });
    if (ok) return;
    const gone = exited();
    if (gone) throw new Error(`${what} stopped before it accepted connections: ${gone}`);
    if (Date.now() > deadline) throw new Error(`${what} did not accept connections on port ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => { clearTimeout(kill); res(); });
    child.kill("SIGTERM");
  });
}

/** `redis-server` on a free port, nothing saved to disk. */
export async function startRedis(): Promise<Service> {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  if (which.status !== 0) throw new MissingService("redis-server is not installed: apt-get install -y redis-server (the scaled mode and its tests need it).");
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d) => { err += String(d); });
  try {
    await reachable(port, "redis-server", 10_000, () => (child.exitCode !== null ? `exit ${child.exitCode} ${err.trim()}` : null));
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/**
 * A PostgreSQL 15 cluster in a temporary folder: `initdb` and `pg_ctl` run as the `postgres` user the package
 * creates when this runs as root (initdb refuses root), trust authentication on 127.0.0.1 only, user `ngg`.
 */
export async function startPostgres(): Promise<Service> {
  for (const bin of ["initdb", "pg_ctl"]) {
    if (!existsSync(join(PG_BIN, bin))) throw new MissingService(`${join(PG_BIN, bin)} is missing: apt-get install -y postgresql (the scaled mode and its tests need PostgreSQL 15), or set PG_BIN.`);
  }
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "ngg-pg-"));
  const asOwner = (cmd: string, args: string[]) => (root ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8" }) : spawnSync(cmd, args, { encoding: "utf8" }));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (root) chownSync(dir, Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim()), Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim()));
    const init = asOwner(join(PG_BIN, "initdb"), ["-D", join(dir, "pg"), "-A", "trust", "-U", "ngg", "--no-sync", "-E", "UTF8"]);
    if (init.status !== 0) throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().split("\n").slice(-2).join(" ")}`);
    const port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    const start = asOwner(join(PG_BIN, "pg_ctl"), ["-D", join(dir, "pg"), "-o", opts, "-l", join(dir, "log"), "-w", "-t", "30", "start"]);
    if (start.status !== 0) throw new Error(`pg_ctl start failed: ${(start.stderr || start.stdout).trim().split("\n").slice(-2).join(" ")}`);
    let stopped = false;
    return {
      url: `postgres://ngg@127.0.0.1:${port}/postgres`,
      async stop() {
        if (stopped) return;
        stopped = true;
        asOwner(join(PG_BIN, "pg_ctl"), ["-D", join(dir, "pg"), "-m", "immediate", "-w", "-t", "20", "stop"]);
        cleanup();
      },
    };
  } catch (error) {
    asOwner(join(PG_BIN, "pg_ctl"), ["-D", join(dir, "pg"), "-m", "immediate", "-w", "stop"]);
    cleanup();
    throw error;
  }
}
