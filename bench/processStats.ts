import { readdirSync, readFileSync } from "node:fs";

/*
 * What the benches read of the server's processes from /proc: their resident memory and CPU time. A process that
 * has just exited reads as zero rather than failing a measurement.
 */

export function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.replace(/\D+/g, "")) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** A process's CPU time so far, in seconds: in its own code (user) and in the kernel on its behalf (system: sockets, files). */
export function cpuSeconds(pid: number): { user: number; system: number } {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
  } catch {
    return { user: 0, system: 0 };
  }
}

/** A process's CPU time so far, user and system together, in seconds. */
export function cpuTotalSeconds(pid: number): number {
  const { user, system } = cpuSeconds(pid);
  return user + system;
}

/** The pids of the processes running one of these programs (by /proc's command name: "postgres", "redis-server"). */
export function pidsNamed(names: readonly string[]): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (names.includes(stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")))) out.push(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return out;
}
