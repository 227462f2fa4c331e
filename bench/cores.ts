import { execFileSync, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";

/*
 * The paced bench's server and its load generator on cores of their own. The generator stands in for thousands of
 * people's browsers, which in a deployment run elsewhere: sharing the server's core, its three busy threads delay
 * the server's event loop and the acknowledgements measured are the scheduler's as much as the server's. A server
 * with a core of its own is also how a deployment is sized (a process a core).
 */

export interface CoreSplit {
  /** CPU lists as taskset reads them. */
  server: string;
  generator: string;
}

/** The first core for the server, the others for the generator; null where that cannot be done (one core, no taskset). */
export function coreSplit(): CoreSplit | null {
  const cores = availableParallelism();
  if (cores < 2 || spawnSync("taskset", ["--version"], { stdio: "ignore" }).status !== 0) return null;
  return { server: "0", generator: cores === 2 ? "1" : `1-${cores - 1}` };
}

/** Keeps a process and every thread it has (and, through them, every thread it starts later) on these cores. */
export function pinProcess(pid: number, cpus: string): void {
  execFileSync("taskset", ["--all-tasks", "--pid", "--cpu-list", cpus, String(pid)], { stdio: "ignore" });
}
