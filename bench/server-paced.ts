import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import { coreSplit, pinProcess } from "./cores.ts";
import { cpuSeconds, cpuTotalSeconds, rssMb } from "./processStats.ts";
import { percentile } from "./stats.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { SEATS } from "../shared/engine/index.ts";
import { freePort } from "../server/cluster/services.ts";
import { intArg } from "./args.ts";
import type { PacedClientsOptions, WindowReport } from "./paced-clients.ts";

/*
 * Capacity under human pacing (open loop): `npm run --silent bench:server -- --json --paced`.
 *
 * Clients think like people. When its seat owes orders, a client waits a delay drawn uniformly from 5–40 s, then
 * submits (orders planned by the baseline bot from its own decoded state, for a share `--plan` of the seats, default
 * 1 in 4; the others submit no orders, as a player who passes: planning is the generator's dearest work, not the
 * server's). A decision is answered after 2–10 s (uniform). `--think F` divides every delay by F (default 2, so
 * orders come after 2.5–20 s and answers after 1–5 s) so that one run fits in minutes; the factor is printed.
 * A match plays standard length; one that ends is replaced, so the number of rooms held stays what was asked.
 *
 * Rooms are added in steps (`--step`, default 250, 8 clients each; the first step `--from`, default one step) up to
 * `--max-rooms` (default 2000); each step is
 * held `--hold` seconds (default 30) after a settling time (`--settle`, 10), and measured over that window: acknowledgement latency
 * of orders and answers (request to reply), errors, the server's CPU per round played. Replies that waited on a stall
 * of the generator's own event loop (its collector: thousands of decoded states on cores it shares with the server)
 * are left out of p50 and p99 and counted apart; the p99 with them is printed too (`p99WithGeneratorStalls`), and
 * the server's own event-loop delay, from its /health. It stops at the first step whose p99 exceeds 50 ms, that has
 * errors, or where more than 2% of the replies waited on the generator (then the generator is what is measured) (or when the time budget `--budget` seconds, default 540, runs out);
 * `roomsHeld` is the last step that held. The generator's own CPU is printed on stderr.
 *
 * The clients run in `--generators` threads (default 3, bench/paced-clients.ts), the rooms shared evenly: each
 * thread's collector then marks only its share of the decoded states, and a pause stalls only its share of the
 * clients (one thread holding 1,000 rooms' 8,000 states stalled for 0.2–1.1 s at a time; with two threads more than
 * 2% of the replies waited on a stall at 1,250–1,500 rooms, with three 0.5% at 1,500).
 */

export interface PacedTarget {
  /** Where clients connect (create rooms on), in turn. */
  urls: string[];
  /** The server processes' pids, for CPU and memory. */
  pids: number[];
  /** Their /health (event-loop delay since the previous call). */
  health?: string[];
  /**
   * The pids of the services the servers share (Redis, PostgreSQL and its backends), read at each window's start and
   * end: their CPU is measured apart from the servers'. A backend that ends within a window takes its share with it.
   */
  services?: () => number[];
  stop(): Promise<void>;
}

export interface PacedResult {
  mode: "paced";
  roomsHeld: number;
  clients: number;
  ackLatencyMs: { p50: number; p99: number; p99WithGeneratorStalls: number };
  serverCpuMsPerRound: number;
  rssMbPerRoom: number;
  errors: number;
  think: number;
  /** The rooms the last step that held asked for (roomsHeld counts those open at its end: ended matches are replaced). */
  stepHeld: number;
  /** Server CPU per round of every step measured, held or not, by the rooms it asked for: runs compare at shared steps. */
  cpuMsPerRoundByRooms: Record<number, number>;
  /** The shared services' CPU per round (Redis and PostgreSQL, when the target has them), by rooms likewise. */
  serviceCpuMsPerRoundByRooms?: Record<number, number>;
}

/** The share of a step's replies that may be left out for the generator's stalls; a step with more does not hold. */
const GENERATOR_STALLED_SHARE = 0.02;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** BENCH_SERVER_FLAGS: Node flags for the server process alone (e.g. `--prof` or `--trace-gc`), to look into its time. */
export function serverFlags(): string[] {
  return (process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
}

/** One server process on SQLite in a temporary folder, as `npm start` runs it; on the cores `cpus` if given. */
export async function startOneServer(cpus?: string): Promise<PacedTarget> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "ngg-paced-"));
  const server: ChildProcess = spawn(process.execPath, [...serverFlags(), "--import", "tsx", "server/main.ts"], {
    // BENCH_DB=:memory: keeps the records off the disk (as for the closed loop), to tell the database's time from the rest.
    env: { ...process.env, PORT: String(port), DB_PATH: process.env.BENCH_DB ?? join(dir, "bench.sqlite"), LIMITS: "roomCreations=100000/10000 roomCreationsPerConnection=100000/10000" },
    // BENCH_SERVER_OUT: a file for the server's own output (what `--trace-gc` prints, with BENCH_SERVER_FLAGS).
    stdio: ["ignore", process.env.BENCH_SERVER_OUT ? openSync(process.env.BENCH_SERVER_OUT, "w") : "ignore", "inherit"],
  });
  if (cpus !== undefined) pinProcess(server.pid!, cpus);
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the server did not start within 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    urls: [`ws://127.0.0.1:${port}`], pids: [server.pid!], health: [`http://127.0.0.1:${port}/health`],
    async stop() {
      try {
        if (server.exitCode === null && server.signalCode === null) {
          const exited = new Promise((r) => server.once("exit", r));
          const began = performance.now();
          server.kill("SIGTERM");
          // A server closing thousands of sockets gracefully may take a while: not forever.
          let killed = false;
          const killer = setTimeout(() => { killed = true; server.kill("SIGKILL"); }, 10_000);
          await exited;
          clearTimeout(killer);
          console.error(killed ? "the server had not closed 10 s after SIGTERM: killed" : `the server closed ${round1((performance.now() - began) / 1000)} s after SIGTERM`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** One generator thread and the requests it has not answered yet. */
class GeneratorThread {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  /** The error the thread ended with: later requests fail with it instead of waiting forever. */
  private failed: Error | null = null;

  constructor(options: PacedClientsOptions) {
    this.worker = new Worker(new URL("./paced-clients-worker.ts", import.meta.url), {
      workerData: options,
      // See PACED_YOUNG_GENERATION_MB; the old generation as the npm script gives the main thread.
      resourceLimits: { maxYoungGenerationSizeMb: PACED_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: 8192 },
    });
    this.worker.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const w = this.waiting.get(id);
      this.waiting.delete(id);
      if (error !== undefined) w?.reject(new Error(error));
      else w?.resolve(result);
    });
    this.worker.on("error", (e) => {
      this.failed = e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    });
  }

  private ask<T>(op: string, rooms?: number): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, rooms });
    });
  }

  open(rooms: number): Promise<void> { return this.ask("open", rooms); }
  startWindow(): Promise<void> { return this.ask("startWindow"); }
  endWindow(): Promise<WindowReport> { return this.ask("endWindow"); }
  async stop(): Promise<number> {
    const errors = await this.ask<number>("stop");
    // Let the leave frames go out before the thread ends.
    await new Promise((r) => setTimeout(r, 500));
    await this.worker.terminate();
    return errors;
  }
}

export async function runPaced(target: PacedTarget, args: Record<string, string | true>, log: (line: string) => void): Promise<PacedResult> {
  const think = Number(args.think ?? 2);
  if (!(think > 0)) throw new Error("--think must be a positive number");
  const step = Math.max(1, intArg(args, "step", 250));
  const maxRooms = intArg(args, "max-rooms", 2000);
  const from = Math.max(1, intArg(args, "from", step));
  const holdMs = intArg(args, "hold", 30) * 1000;
  const settleMs = intArg(args, "settle", 10) * 1000;
  const budgetMs = intArg(args, "budget", 540) * 1000;
  const planShare = Number(args.plan ?? 0.25);
  const threads = Math.max(1, intArg(args, "generators", 3));
  const began = performance.now();
  log(`paced load: orders after 5-40 s, answers after 2-10 s, divided by --think ${think}; steps of ${step} rooms x ${SEATS.length} clients from ${from}, each held ${holdMs / 1000} s; ${threads} generator threads`);

  const generators = Array.from({ length: threads }, (_, i) => new GeneratorThread({ urls: target.urls, firstUrl: i, think, planShare }));
  /** The rooms each thread holds for a total: as even as it goes. */
  const share = (rooms: number, i: number) => Math.floor(rooms / threads) + (i < rooms % threads ? 1 : 0);

  const baseRss = target.pids.reduce((n, pid) => n + rssMb(pid), 0);
  const cpuTotal = () => target.pids.reduce((n, pid) => { const c = cpuSeconds(pid); return { user: n.user + c.user, system: n.system + c.system }; }, { user: 0, system: 0 });
  let held: { rooms: number; step: number; p50: number; p99: number; p99Raw: number; cpuMsPerRound: number; rssMbPerRoom: number } | null = null;
  let lastErrors = 0;
  let totalErrors = 0;
  let previous: { cpuPerSecond: number; roundsPerSecond: number } | null = null;
  const cpuByRooms: Record<number, number> = {};
  const serviceCpuByRooms: Record<number, number> = {};
  const servicesCpu = () => {
    const pids = target.services?.() ?? [];
    return new Map(pids.map((pid) => [pid, cpuTotalSeconds(pid)]));
  };
  try {
    for (let rooms = from; rooms <= maxRooms; rooms += step) {
      if (performance.now() - began + settleMs + holdMs > budgetMs) {
        log(`time budget reached before ${rooms} rooms`);
        break;
      }
      await Promise.all(generators.map((g, i) => g.open(share(rooms, i))));
      await new Promise((r) => setTimeout(r, settleMs));
      await Promise.all(generators.map((g) => g.startWindow()));
      const loops = async () => Promise.all((target.health ?? []).map((u) => fetch(u).then((r) => r.json() as Promise<{ eventLoopDelayMs?: { p50: number; p99: number; max: number } }>, () => ({}))));
      await loops();
      const cpu0 = cpuTotal();
      const services0 = servicesCpu();
      // The generator's CPU: this process's, its threads included.
      const gen0 = process.cpuUsage();
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, holdMs));
      const seconds = (performance.now() - t0) / 1000;
      const cpu1 = cpuTotal();
      // Only processes there at both ends: one started within the window would count its whole life.
      const services1 = servicesCpu();
      const serviceCpu = [...services1].reduce((n, [pid, c]) => n + (services0.has(pid) ? c - services0.get(pid)! : 0), 0);
      const serverSystem = cpu1.system - cpu0.system;
      const serverCpu = cpu1.user - cpu0.user + serverSystem;
      const gen = process.cpuUsage(gen0);
      const reports = await Promise.all(generators.map((g) => g.endWindow()));
      const sortedRaw = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
      // The server's latency: replies that did not wait on a stall of their thread's own event loop (both are printed).
      const sorted = reports.flatMap((r) => r.keptLatencies).sort((a, b) => a - b);
      const sum = (pick: (r: WindowReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
      const roundsInWindow = sum((r) => r.rounds);
      const patchesInWindow = sum((r) => r.patches);
      const windowErrors = sum((r) => r.errors);
      const roomsNow = sum((r) => r.rooms);
      const samples = [...new Set(reports.flatMap((r) => r.samples))].slice(0, 5);
      const p50 = round1(percentile(sorted, 50));
      const p99 = round1(percentile(sorted, 99));
      const p99Raw = round1(percentile(sortedRaw, 99));
      const rss = target.pids.reduce((n, pid) => n + rssMb(pid), 0);
      const delays = (await loops()).map((h) => (h as { eventLoopDelayMs?: { p50: number; p99: number; max: number } }).eventLoopDelayMs).filter(Boolean).map((d) => `${d!.p50}/${d!.p99}/${d!.max}`).join(", ");
      const cpuMsPerRound = roundsInWindow > 0 ? round1((serverCpu * 1000) / roundsInWindow) : 0;
      cpuByRooms[rooms] = cpuMsPerRound;
      const serviceMsPerRound = roundsInWindow > 0 ? round1((serviceCpu * 1000) / roundsInWindow) : 0;
      if (target.services) serviceCpuByRooms[rooms] = serviceMsPerRound;
      // What one more round costs, from this step and the one before: the process's fixed costs (its collector,
      // timers, idle sockets' pings) drop out.
      const now = { cpuPerSecond: serverCpu / seconds, roundsPerSecond: roundsInWindow / seconds };
      const marginal = previous && now.roundsPerSecond > previous.roundsPerSecond ? round1(((now.cpuPerSecond - previous.cpuPerSecond) * 1000) / (now.roundsPerSecond - previous.roundsPerSecond)) : null;
      previous = now;
      const loopP99 = Math.max(...reports.map((r) => r.loopP99Ms));
      const loopMax = Math.max(...reports.map((r) => r.loopMaxMs));
      log(`${roomsNow} rooms (${roomsNow * SEATS.length} clients): ${sortedRaw.length} acks, p50 ${p50} ms, p99 ${p99} ms (${sortedRaw.length - sorted.length} acks that waited on the generator threads' own ${sum((r) => r.stalls)} stalls left out; with them p99 ${p99Raw} ms), errors ${windowErrors}, ${roundsInWindow} rounds (${round1(roundsInWindow / seconds)}/s; a round: ${roundsInWindow ? round1(sortedRaw.length / roundsInWindow) : 0} replies and ${roundsInWindow ? round1(patchesInWindow / roundsInWindow) : 0} patch frames), server cpu ${Math.round((serverCpu / seconds) * 100)}% of a core (${cpuMsPerRound} ms/round, ${roundsInWindow > 0 ? round1((serverSystem * 1000) / roundsInWindow) : 0} of it in the kernel${marginal !== null ? `, ${marginal} ms for each round more than the step before` : ""}), generator cpu ${Math.round(((gen.user + gen.system) / 1e6 / seconds) * 100)}% (threads' event-loop delay p99/max ${round1(loopP99)}/${round1(loopMax)} ms, heaps ${reports.map((r) => Math.round(r.heapMb)).join(" + ")} MB)${target.services ? `, Redis and PostgreSQL cpu ${Math.round((serviceCpu / seconds) * 100)}% (${serviceMsPerRound} ms/round)` : ""}${delays ? `, server event-loop delay p50/p99/max ${delays} ms` : ""}, server rss ${Math.round(rss)} MB${samples.length ? `; first errors: ${samples.join(" | ")}` : ""}`);
      // Replies are left out only while few are: past that the generator, not the server, is what is measured.
      const generatorBound = sortedRaw.length - sorted.length > GENERATOR_STALLED_SHARE * sortedRaw.length;
      if (generatorBound) log(`more than ${GENERATOR_STALLED_SHARE * 100}% of the replies waited on the generator's own stalls: the generator is the limit here, and the step does not count as held`);
      if (p99 > 50 || windowErrors > 0 || generatorBound) {
        lastErrors = windowErrors;
        break;
      }
      held = { rooms: roomsNow, step: rooms, p50, p99, p99Raw, cpuMsPerRound, rssMbPerRoom: Math.round(((rss - baseRss) / Math.max(1, roomsNow)) * 100) / 100 };
    }
  } finally {
    totalErrors = (await Promise.all(generators.map((g) => g.stop().catch(() => 0)))).reduce((a, b) => a + b, 0);
    log(`errors over the whole run: ${totalErrors}${lastErrors ? ` (${lastErrors} in the step that did not hold)` : ""}`);
  }
  return {
    mode: "paced",
    roomsHeld: held?.rooms ?? 0,
    clients: (held?.rooms ?? 0) * SEATS.length,
    ackLatencyMs: { p50: held?.p50 ?? 0, p99: held?.p99 ?? 0, p99WithGeneratorStalls: held?.p99Raw ?? 0 },
    serverCpuMsPerRound: held?.cpuMsPerRound ?? 0,
    rssMbPerRoom: held?.rssMbPerRoom ?? 0,
    errors: held ? 0 : totalErrors,
    think,
    stepHeld: held?.step ?? 0,
    cpuMsPerRoundByRooms: cpuByRooms,
    ...(target.services ? { serviceCpuMsPerRoundByRooms: serviceCpuByRooms } : {}),
  };
}

/**
 * Each generator thread's young generation. Its decoded states live long while each patch makes garbage that dies
 * young: with the npm scripts' 4 MB semi-spaces (right for the closed loop, see docs/SERVER.md) much of it is
 * promoted, and the old generation's marking then stalls the thread for up to a second; measured at 1,000 rooms in
 * one thread, 4 MB semi-spaces: 27 stalls and a p99 of 267 ms with the replies that waited on them, 64 MB: 22 stalls
 * and 35 ms. A young generation is three semi-spaces.
 */
const PACED_YOUNG_GENERATION_MB = 3 * 64;

/**
 * `bench:server -- --paced`: one server process as `npm start` runs it, on a core of its own and the generator on
 * the others (bench/cores.ts); `--share-cores` lets both run anywhere, as before 2026-12-06 19:30.
 */
export async function pacedMain(args: Record<string, string | true>): Promise<void> {
  const log = (line: string) => console.error(line);
  const split = args["share-cores"] ? null : coreSplit();
  const target = await startOneServer(split?.server);
  // Before the generator's threads start: they take the main thread's cores.
  if (split) pinProcess(process.pid, split.generator);
  log(split ? `the server on core ${split.server}, the load generator on ${split.generator}` : "the server and the load generator share every core");
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => { void target.stop().then(() => process.exit(130)); });
  try {
    const result = { ...(await runPaced(target, args, log)), cores: split ?? "shared" };
    console.log(args.json ? JSON.stringify(result) : result);
  } finally {
    await target.stop();
  }
  process.exit(0);
}
