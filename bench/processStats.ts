import { readFileSync } from "node:fs";

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
