import "./server-socket.ts";
import { Client, type Room } from "@colyseus/sdk";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { join } from "node:path";
import { decisionsOf, partialGame } from "../client/net/remoteView.ts";
import { baselineInput } from "../shared/bots/baseline.ts";
import { SEATS, viewFor, type Order, type Seat } from "../shared/engine/index.ts";
import type { Reply } from "../shared/protocol/messages.ts";
import type { MatchState } from "../shared/protocol/state.ts";
import { freePort } from "../server/cluster/services.ts";
import { intArg } from "./args.ts";

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
 * Rooms are added in steps (`--step`, default 250, 8 clients each) up to `--max-rooms` (default 2000); each step is
 * held `--hold` seconds (default 30) after a settling time (`--settle`, 10), and measured over that window: acknowledgement latency
 * of orders and answers (request to reply), errors, the server's CPU per round played. Replies that waited on a stall
 * of the generator's own event loop (its collector: thousands of decoded states on cores it shares with the server)
 * are left out of p50 and p99 and counted apart; the p99 with them is printed too (`p99WithGeneratorStalls`), and
 * the server's own event-loop delay, from its /health. It stops at the first step whose p99 exceeds 50 ms, that has
 * errors, or where more than 2% of the replies waited on the generator (then the generator is what is measured) (or when the time budget `--budget` seconds, default 540, runs out);
 * `roomsHeld` is the last step that held. The generator's own CPU is printed on stderr.
 */

export interface PacedTarget {
  /** Where clients connect (create rooms on), in turn. */
  urls: string[];
  /** The server processes' pids, for CPU and memory. */
  pids: number[];
  /** Their /health (event-loop delay since the previous call). */
  health?: string[];
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
}

function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.replace(/\D+/g, "")) / 1024 : 0;
  } catch {
    return 0;
  }
}

function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** A beat this late (its 5 ms and more than 20 ms besides) marks a stall of the generator's. */
const GENERATOR_STALL_MS = 25;
/** The share of a step's replies that may be left out for the generator's stalls; a step with more does not hold. */
const GENERATOR_STALLED_SHARE = 0.02;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** BENCH_SERVER_FLAGS: Node flags for the server process alone (e.g. `--prof` or `--trace-gc`), to look into its time. */
export function serverFlags(): string[] {
  return (process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
}

/** One server process on SQLite in a temporary folder, as `npm start` runs it. */
export async function startOneServer(): Promise<PacedTarget> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "ngg-paced-"));
  const server: ChildProcess = spawn(process.execPath, [...serverFlags(), "--import", "tsx", "server/main.ts"], {
    // BENCH_DB=:memory: keeps the records off the disk (as for the closed loop), to tell the database's time from the rest.
    env: { ...process.env, PORT: String(port), DB_PATH: process.env.BENCH_DB ?? join(dir, "bench.sqlite"), LIMITS: "roomCreations=100000/10000 roomCreationsPerConnection=100000/10000" },
    // BENCH_SERVER_OUT: a file for the server's own output (what `--trace-gc` prints, with BENCH_SERVER_FLAGS).
    stdio: ["ignore", process.env.BENCH_SERVER_OUT ? openSync(process.env.BENCH_SERVER_OUT, "w") : "ignore", "inherit"],
  });
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

export async function runPaced(target: PacedTarget, args: Record<string, string | true>, log: (line: string) => void): Promise<PacedResult> {
  const think = Number(args.think ?? 2);
  if (!(think > 0)) throw new Error("--think must be a positive number");
  const step = Math.max(1, intArg(args, "step", 250));
  const maxRooms = intArg(args, "max-rooms", 2000);
  const holdMs = intArg(args, "hold", 30) * 1000;
  const settleMs = intArg(args, "settle", 10) * 1000;
  const budgetMs = intArg(args, "budget", 540) * 1000;
  const planShare = Number(args.plan ?? 0.25);
  const began = performance.now();
  log(`paced load: orders after 5-40 s, answers after 2-10 s, divided by --think ${think}; steps of ${step} rooms x ${SEATS.length} clients, each held ${holdMs / 1000} s`);

  /** Acknowledgements in the window: when each request left and when its reply was read. */
  let window: [start: number, end: number][] = [];
  /**
   * The generator's own stalls (its collector marking a heap of thousands of decoded states on a core the server
   * shares): a reply that waited on one is late by the generator's doing. Found by a beat every 5 ms that came late.
   */
  const stalls: [from: number, to: number][] = [];
  let lastBeat = performance.now();
  const beat = setInterval(() => {
    const now = performance.now();
    if (now - lastBeat > GENERATOR_STALL_MS) stalls.push([lastBeat, now]);
    lastBeat = now;
  }, 5);
  let windowErrors = 0;
  let totalErrors = 0;
  let roundsInWindow = 0;
  /** State patches the clients received in the window: with the replies, the frames the server sent. */
  let patchesInWindow = 0;
  const samples = new Set<string>();
  const error = (what: string) => {
    windowErrors++;
    totalErrors++;
    if (samples.size < 5) samples.add(what);
  };
  let stopping = false;
  const delay = (lo: number, hi: number) => ((lo + Math.random() * (hi - lo)) * 1000) / think;

  const timed = async (room: Room<unknown, MatchState>, type: string, payload: unknown) => {
    const start = performance.now();
    try {
      const reply = (await room.request(type, payload)) as Reply;
      if (type !== "start") window.push([start, performance.now()]);
      if (!reply.ok && !stopping) error(`${type} refused: ${reply.code}`);
    } catch (e) {
      if (!stopping) error(`${type} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const planOrders = (state: MatchState, seat: Seat, seed: number): Order[] => {
    const game = partialGame(state, [], [], false);
    if (!game) return [];
    const input = baselineInput(viewFor(game, seat), seed);
    return input?.type === "orders" ? input.orders : [];
  };

  interface Match { clients: Room<unknown, MatchState>[]; over: boolean }
  const matches: Match[] = [];
  let turn = 0;

  const seatPlayer = (room: Room<unknown, MatchState>, seat: Seat, planner: boolean, match: Match) => {
    let scheduled = "";
    const look = (state: MatchState) => {
      if (stopping || match.over || !state.started || state.phase === "ended" || state.phase === "lobby") return;
      const secret = state.secrets?.get(seat);
      if (!secret) return;
      if (state.phase === "orders") {
        const key = `o${state.round}`;
        if (scheduled === key || state.seats.get(seat)?.submitted) return;
        scheduled = key;
        const round = state.round;
        setTimeout(() => {
          if (stopping || match.over || room.state.round !== round || room.state.phase !== "orders") return;
          const orders = planner ? planOrders(room.state, seat, round * 8 + SEATS.indexOf(seat)) : [];
          void timed(room, "submitOrders", { orders, round });
        }, delay(5, 40));
        return;
      }
      const open = decisionsOf(secret).find((d) => d.seat === seat && d.answer === null);
      if (!open) return;
      const key = `d${open.id}`;
      if (scheduled === key) return;
      scheduled = key;
      setTimeout(() => {
        if (stopping || match.over) return;
        void timed(room, "answer", { decision: open.id, answer: open.defaultAnswer, round: room.state.round });
      }, delay(2, 10));
    };
    room.onStateChange((state) => {
      patchesInWindow++;
      look(state);
    });
  };

  const openMatch = async (): Promise<void> => {
    const url = target.urls[turn++ % target.urls.length]!;
    const host = await new Client(url).create<MatchState>("match", { name: "Paced", seat: SEATS[0], length: "standard" });
    const clients = [host];
    for (const seat of SEATS.slice(1)) clients.push(await new Client(url).joinById<MatchState>(host.roomId, { name: `P${seat}`, seat }));
    const match: Match = { clients, over: false };
    let lastRound = 0;
    host.onStateChange((state) => {
      if (!state.started) return;
      if (state.round > lastRound && lastRound > 0) roundsInWindow += state.round - lastRound;
      lastRound = state.round;
      if (state.phase === "ended" && !match.over) {
        match.over = true;
        roundsInWindow++;
        // A finished match is replaced, so the rooms held stay as asked.
        for (const c of clients) void c.leave().catch(() => {});
        const at = matches.indexOf(match);
        if (at >= 0) matches.splice(at, 1);
        if (!stopping) void openMatch().then(() => {}, (e) => error(`open failed: ${e instanceof Error ? e.message : String(e)}`));
      }
    });
    clients.forEach((room, i) => seatPlayer(room, SEATS[i]!, i % Math.max(1, Math.round(1 / Math.max(planShare, 1e-9))) === 0 && planShare > 0, match));
    matches.push(match);
    // Players press start a moment after the room fills, as people do (not awaited: the next rooms open meanwhile).
    setTimeout(() => void timed(host, "start", {}), Math.random() * 2000);
  };

  const genLoop = monitorEventLoopDelay({ resolution: 10 });
  genLoop.enable();
  const baseRss = target.pids.reduce((n, pid) => n + rssMb(pid), 0);
  const cpuTotal = () => target.pids.reduce((n, pid) => n + cpuSeconds(pid), 0);
  let held: { rooms: number; p50: number; p99: number; p99Raw: number; cpuMsPerRound: number; rssMbPerRoom: number } | null = null;
  let lastErrors = 0;
  let previous: { cpuPerSecond: number; roundsPerSecond: number } | null = null;
  for (let rooms = step; rooms <= maxRooms; rooms += step) {
    if (performance.now() - began + settleMs + holdMs > budgetMs) {
      log(`time budget reached before ${rooms} rooms`);
      break;
    }
    // Open the step's new rooms, twenty-five at a time.
    while (matches.length < rooms) {
      const batch = Math.min(25, rooms - matches.length);
      const opened = await Promise.allSettled(Array.from({ length: batch }, () => openMatch()));
      for (const r of opened) if (r.status === "rejected") error(`open failed: ${String(r.reason)}`);
      if (opened.every((r) => r.status === "rejected")) break;
    }
    await new Promise((r) => setTimeout(r, settleMs));
    window = [];
    stalls.length = 0;
    windowErrors = 0;
    roundsInWindow = 0;
    patchesInWindow = 0;
    const loops = async () => Promise.all((target.health ?? []).map((u) => fetch(u).then((r) => r.json() as Promise<{ eventLoopDelayMs?: { p50: number; p99: number; max: number } }>, () => ({}))));
    await loops();
    const cpu0 = cpuTotal();
    const gen0 = process.cpuUsage();
    // The generator's own stalls (its collector with thousands of decoded states) delay the replies it times too.
    genLoop.reset();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, holdMs));
    const seconds = (performance.now() - t0) / 1000;
    const serverCpu = cpuTotal() - cpu0;
    const gen = process.cpuUsage(gen0);
    const sortedRaw = window.map(([a, b]) => b - a).sort((a, b) => a - b);
    // The server's latency: replies that did not wait on a stall of the generator's (both are printed).
    const sorted = window.filter(([a, b]) => !stalls.some(([from, to]) => to > a && from < b)).map(([a, b]) => b - a).sort((a, b) => a - b);
    const p50 = round1(percentile(sorted, 50));
    const p99 = round1(percentile(sorted, 99));
    const p99Raw = round1(percentile(sortedRaw, 99));
    const rss = target.pids.reduce((n, pid) => n + rssMb(pid), 0);
    const delays = (await loops()).map((h) => (h as { eventLoopDelayMs?: { p50: number; p99: number; max: number } }).eventLoopDelayMs).filter(Boolean).map((d) => `${d!.p50}/${d!.p99}/${d!.max}`).join(", ");
    const cpuMsPerRound = roundsInWindow > 0 ? round1((serverCpu * 1000) / roundsInWindow) : 0;
    // What one more round costs, from this step and the one before: the process's fixed costs (its collector,
    // timers, idle sockets' pings) drop out.
    const now = { cpuPerSecond: serverCpu / seconds, roundsPerSecond: roundsInWindow / seconds };
    const marginal = previous && now.roundsPerSecond > previous.roundsPerSecond ? round1(((now.cpuPerSecond - previous.cpuPerSecond) * 1000) / (now.roundsPerSecond - previous.roundsPerSecond)) : null;
    previous = now;
    log(`${matches.length} rooms (${matches.length * SEATS.length} clients): ${sortedRaw.length} acks, p50 ${p50} ms, p99 ${p99} ms (${sortedRaw.length - sorted.length} acks that waited on the generator's own ${stalls.length} stalls left out; with them p99 ${p99Raw} ms), errors ${windowErrors}, ${roundsInWindow} rounds (${round1(roundsInWindow / seconds)}/s; a round: ${roundsInWindow ? round1(sortedRaw.length / roundsInWindow) : 0} replies and ${roundsInWindow ? round1(patchesInWindow / roundsInWindow) : 0} patch frames), server cpu ${Math.round((serverCpu / seconds) * 100)}% of a core (${cpuMsPerRound} ms/round${marginal !== null ? `, ${marginal} ms for each round more than the step before` : ""}), generator cpu ${Math.round(((gen.user + gen.system) / 1e6 / seconds) * 100)}% (event-loop delay p99/max ${round1(genLoop.percentile(99) / 1e6)}/${round1(genLoop.max / 1e6)} ms, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB)${delays ? `, server event-loop delay p50/p99/max ${delays} ms` : ""}, server rss ${Math.round(rss)} MB${samples.size ? `; first errors: ${[...samples].join(" | ")}` : ""}`);
    // Replies are left out only while few are: past that the generator, not the server, is what is measured.
    const generatorBound = sortedRaw.length - sorted.length > GENERATOR_STALLED_SHARE * sortedRaw.length;
    if (generatorBound) log(`more than ${GENERATOR_STALLED_SHARE * 100}% of the replies waited on the generator's own stalls: the generator is the limit here, and the step does not count as held`);
    if (p99 > 50 || windowErrors > 0 || generatorBound) {
      lastErrors = windowErrors;
      break;
    }
    held = { rooms: matches.length, p50, p99, p99Raw, cpuMsPerRound, rssMbPerRoom: Math.round(((rss - baseRss) / Math.max(1, matches.length)) * 100) / 100 };
  }
  stopping = true;
  clearInterval(beat);
  for (const m of matches) for (const c of m.clients) void c.leave().catch(() => {});
  log(`errors over the whole run: ${totalErrors}${lastErrors ? ` (${lastErrors} in the step that did not hold)` : ""}`);
  return {
    mode: "paced",
    roomsHeld: held?.rooms ?? 0,
    clients: (held?.rooms ?? 0) * SEATS.length,
    ackLatencyMs: { p50: held?.p50 ?? 0, p99: held?.p99 ?? 0, p99WithGeneratorStalls: held?.p99Raw ?? 0 },
    serverCpuMsPerRound: held?.cpuMsPerRound ?? 0,
    rssMbPerRoom: held?.rssMbPerRoom ?? 0,
    errors: held ? 0 : totalErrors,
    think,
  };
}

/**
 * The generator's young generation in a paced run. Its thousands of decoded states live long while each patch makes
 * garbage that dies young: with the npm scripts' 4 MB (right for the closed loop, see docs/SERVER.md) much of it is
 * promoted, and the old generation's marking then stalls the generator for up to a second; measured at 1,000 rooms,
 * 4 MB: 27 stalls and a p99 of 267 ms with the replies that waited on them, 64 MB: 22 stalls and 35 ms. V8 reads
 * the size only at start, so a paced run starts itself again with it.
 */
const PACED_SEMI_SPACE = "--max-semi-space-size=64";

/** null when this process already runs with the paced heap; else the exit code of the same run started with it. */
export function restartWithPacedHeap(): Promise<number> | null {
  if (process.execArgv.includes(PACED_SEMI_SPACE)) return null;
  const flags = process.execArgv.filter((a) => !a.startsWith("--max-semi-space-size"));
  const child = spawn(process.execPath, [...flags, PACED_SEMI_SPACE, ...process.argv.slice(1)], { stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

/** `bench:server -- --paced`: one server process as `npm start` runs it. */
export async function pacedMain(args: Record<string, string | true>): Promise<void> {
  const again = restartWithPacedHeap();
  if (again) process.exit(await again);
  const log = (line: string) => console.error(line);
  const target = await startOneServer();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => { void target.stop().then(() => process.exit(130)); });
  try {
    const result = await runPaced(target, args, log);
    console.log(args.json ? JSON.stringify(result) : result);
  } finally {
    await target.stop();
  }
  process.exit(0);
}
