import "./server-socket.ts";
import { Client, Protocol, Room } from "@colyseus/sdk";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { decisionsOf } from "../client/net/remoteView.ts";
import { SEATS, type Seat } from "../shared/engine/index.ts";
import type { Reply } from "../shared/protocol/messages.ts";
import type { MatchState } from "../shared/protocol/state.ts";
import { freePort } from "../server/cluster/services.ts";
import { intArg, parseArgs } from "./args.ts";
import { cpuTotalSeconds, rssMb } from "./processStats.ts";
import { owedBy, planOrders } from "./seatOwes.ts";
import { percentile } from "./stats.ts";

/*
 * Load generator for the game server, written with @colyseus/sdk. It starts the server as its own
 * process on loopback, opens R matches with one client per seat (8 humans, no bots), and has every
 * client act as soon as its seat owes an input: orders planned by the baseline bot from the client's
 * own view, decisions answered at once. It measures order acknowledgement latency (request to reply, for orders
 * and answers),
 * state bytes received, the server's memory, and rounds played per second.
 *
 *   npm run --silent bench:server -- --json [--rooms 250] [--rounds 10] [--timeout seconds]
 *   npm run --silent bench:server -- --json --paced [--think 2] [--step 250] [--hold 45]   (bench/server-paced.ts)
 */

const args = parseArgs(process.argv.slice(2));
const ROOMS = intArg(args, "rooms", 250);
// Default: a whole standard-length game (10 rounds); a game has at most 10.
const ROUNDS = Math.max(1, Math.min(10, intArg(args, "rounds", 10)));
const CLIENTS = SEATS.length;
const START_SPREAD_MS = intArg(args, "start-spread", 2000);
const log = (msg: string) => { if (!args.json) console.error(msg); };

// The first byte of each frame names its protocol message; the low bits carry the code.
const CODE_MASK = 31;
const bytes = { patch: 0, full: 0, patchFrames: 0 };
const rooms = new WeakMap<object, { patch: number; full: number }>();
const proto = Room.prototype as unknown as { onMessageCallback(event: { data: ArrayBuffer }): void };
const original = proto.onMessageCallback;
proto.onMessageCallback = function (this: object, event: { data: ArrayBuffer }) {
  const size = event.data.byteLength;
  const code = new Uint8Array(event.data)[0]! & CODE_MASK;
  let mine = rooms.get(this);
  if (!mine) rooms.set(this, (mine = { patch: 0, full: 0 }));
  if (code === Protocol.ROOM_STATE_PATCH) { bytes.patch += size; bytes.patchFrames++; mine.patch += size; }
  if (code === Protocol.ROOM_STATE) { bytes.full += size; mine.full += size; }
  original.call(this, event);
};

const latencies: number[] = [];
const startLatencies: number[] = [];
/** Every timed request as [sent at (ms since the games started), type, latency], for BENCH_LATENCY_LOG. */
const timeline: [number, string, number][] = [];
let playStart = 0;
let errors = 0;
const errorSamples = new Set<string>();
function error(what: string): void {
  errors++;
  if (errorSamples.size < 5) errorSamples.add(what);
}

/** Sends a request and times its reply; false when it never got one (the connection dropped). */
async function timedRequest(room: Room<unknown, MatchState>, type: string, payload: unknown): Promise<boolean> {
  const start = performance.now();
  try {
    const reply = (await room.request(type, payload)) as Reply;
    // The figure is for the game's inputs (orders and answers); the hosts' starts, which create games, are reported apart.
    if (type === "start") startLatencies.push(performance.now() - start);
    else latencies.push(performance.now() - start);
    timeline.push([start - playStart, type, performance.now() - start]);
    if (!reply.ok) error(`${type} refused: ${reply.code} ${JSON.stringify(reply.params ?? {})}`);
    return true;
  } catch (e) {
    error(`${type} failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/*
 * Planning orders takes the generator a moment per client, and two thousand clients plan at once when their
 * phases open. Plans are made one per turn of the event loop, so replies already on the wire are read in
 * between: otherwise a reply would wait for every other client's planning and the figure would measure the
 * generator rather than the server. (In a browser each player plans on their own machine.)
 */
const planQueue: (() => void)[] = [];
let planning = false;
function nextPlan(): void {
  const job = planQueue.shift();
  if (!job) {
    planning = false;
    return;
  }
  job();
  setImmediate(nextPlan);
}
function plan<T>(make: () => T): Promise<T> {
  return new Promise((resolve) => {
    planQueue.push(() => resolve(make()));
    if (!planning) {
      planning = true;
      setImmediate(nextPlan);
    }
  });
}

/**
 * The seat's orders, chosen by the baseline bot from the seat's own decoded state (the same choices, hence the
 * same games, as before). Only the board is rebuilt for it: no event log and no chart history, which the bot does
 * not read and which made planning the generator's largest cost.
 */
/** One seat's player: acts whenever its seat owes something, once per distinct moment. */
function play(room: Room<unknown, MatchState>, seat: Seat, done: () => boolean): void {
  let acted = "";
  let busy = false;
  const act = async (state: MatchState) => {
    if (busy || done()) return;
    const owed = owedBy(state, seat);
    if (!owed || acted === owed.key) return;
    acted = owed.key;
    busy = true;
    if (owed.kind === "orders") {
      const round = owed.round;
      const orders = await plan(() => planOrders(room.state, seat, round * 8 + SEATS.indexOf(seat)));
      const answered = await timedRequest(room, "submitOrders", { orders, round });
      busy = false;
      // Unanswered (the connection dropped): sent again once the client reconnects.
      if (!answered) { acted = ""; return; }
      // Changes that arrived while waiting for the reply were skipped: look again.
      return act(room.state);
    }
    const answered = await timedRequest(room, "answer", { decision: owed.decision, answer: owed.answer, round: state.round });
    busy = false;
    if (!answered) { acted = ""; return; }
    return act(room.state);
  };
  room.onStateChange((state) => void act(state));
  // A dropped client that reconnects picks up where it was: the unanswered request is sent again.
  room.onReconnect(() => void act(room.state));
}

interface Match { host: Room<unknown, MatchState>; clients: Room<unknown, MatchState>[]; roundsDone: number; finished: boolean }

async function openMatch(url: string, index: number): Promise<Match> {
  const length = ROUNDS <= 6 ? "short" : "standard";
  const sdk = new Client(url);
  const host = await sdk.create<MatchState>("match", { name: `Bench ${index}`, seat: SEATS[0], length });
  const clients = [host];
  for (const seat of SEATS.slice(1)) clients.push(await new Client(url).joinById<MatchState>(host.roomId, { name: `P${seat}`, seat }));
  const match: Match = { host, clients, roundsDone: 0, finished: false };
  host.onStateChange((state) => {
    if (!state.started || match.finished) return;
    match.roundsDone = state.phase === "ended" ? state.round : state.round - 1;
    // A rupture ends a game early: its rounds count as played.
    if (match.roundsDone >= ROUNDS || state.phase === "ended") match.finished = true;
  });
  clients.forEach((room, i) => play(room, SEATS[i]!, () => match.finished));
  return match;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

async function main(): Promise<void> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "ngg-bench-"));
  // BENCH_NODE_FLAGS passes flags to the server process, e.g. --cpu-prof to profile it under load;
  // BENCH_DB=:memory: keeps the records off the disk to tell database time from the rest.
  const flags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...flags, "--import", "tsx", "server/main.ts"], {
    // Every match comes from this one address: room creation gets a budget for hundreds (see docs/SERVER.md, LIMITS).
    env: { ...process.env, PORT: String(port), DB_PATH: process.env.BENCH_DB ?? join(dir, "bench.sqlite"), LIMITS: "roomCreations=100000/10000 roomCreationsPerConnection=100000/10000" },
    // BENCH_SERVER_OUTPUT=1 shows the server's standard output (e.g. --trace-gc) on this one's standard error.
    stdio: ["ignore", process.env.BENCH_SERVER_OUTPUT ? 2 : "ignore", "inherit"],
  });
  const url = `ws://127.0.0.1:${port}`;
  // The server is this run's child: it must not outlive an interrupted run.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => { server.kill("SIGKILL"); process.exit(130); });
  try {
    const up = await (async () => {
      for (let i = 0; i < 200; i++) {
        try {
          if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return true;
        } catch { /* not yet listening */ }
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    })();
    if (!up) throw new Error("the server did not start");
    const baseRss = rssMb(server.pid!);

    log(`opening ${ROOMS} matches x ${CLIENTS} clients...`);
    const matches: Match[] = [];
    const BATCH = 10;
    for (let i = 0; i < ROOMS; i += BATCH) {
      const batch = await Promise.allSettled(Array.from({ length: Math.min(BATCH, ROOMS - i) }, (_, j) => openMatch(url, i + j)));
      for (const r of batch) {
        if (r.status === "fulfilled") matches.push(r.value);
        else error(`join failed: ${String(r.reason)}`);
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    const lobbyPatchBytes = bytes.patch;
    const lobbyPatchFrames = bytes.patchFrames;

    log(`starting ${matches.length} games for ${ROUNDS} rounds...`);
    const health = async () => (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { eventLoopDelayMs: { p50: number; p99: number; max: number } };
    await health(); // starts the server's event-loop window afresh
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    playStart = started;
    const serverCpuStart = cpuTotalSeconds(server.pid!);
    const loadCpuStart = process.cpuUsage();
    // Hosts press start over the first START_SPREAD_MS, as matches on a real server start at different moments:
    // all of them in one instant would have two thousand clients plan their first orders at once, a burst no
    // server sees in play (and the figure is about playing).
    await Promise.all(matches.map((m, i) => new Promise((r) => setTimeout(r, (i * START_SPREAD_MS) / matches.length)).then(() => timedRequest(m.host, "start", {}))));
    const progress = setInterval(() => {
      const m = matches[0]!;
      log(`rounds done ${matches.reduce((n, x) => n + x.roundsDone, 0)}; first match: ${m.host.state.phase} round ${m.host.state.round}; errors ${errors} ${[...errorSamples].join(" | ")}`);
    }, 5000);
    const finished = await until(() => matches.every((m) => m.finished), Number(args.timeout ?? 600) * 1000);
    clearInterval(progress);
    const seconds = (performance.now() - started) / 1000;
    if (!finished) {
      error(`${matches.filter((m) => !m.finished).length} matches did not finish`);
      for (const m of matches.filter((x) => !x.finished).slice(0, 2)) {
        for (const c of m.clients) {
          const st = c.state;
          const seat = SEATS[m.clients.indexOf(c)]!;
          log(`${seat}: phase ${st.phase} round ${st.round} submitted ${st.seats.get(seat)?.submitted} decisions ${JSON.stringify(st.secrets?.get(seat) ? decisionsOf(st.secrets.get(seat)!) : [])}`);
        }
      }
    }
    loop.disable();
    const serverLoop = (await health()).eventLoopDelayMs;
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    // Time spent waiting for an event loop, on either side: a reply waits for the server's loop to run the request
    // and for the generator's loop to read it.
    console.error(`event-loop delay while playing (p50/p99/max ms): server ${serverLoop.p50}/${serverLoop.p99}/${serverLoop.max}, load generator ${ms(loop.percentile(50))}/${ms(loop.percentile(99))}/${ms(loop.max)}`);
    const rss = rssMb(server.pid!);
    if (process.env.BENCH_HEAP_SNAPSHOT) (await import("node:v8")).writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT);
    const serverCpu = (cpuTotalSeconds(server.pid!) - serverCpuStart) / seconds;
    const loadUsage = process.cpuUsage(loadCpuStart);
    const loadCpu = (loadUsage.user + loadUsage.system) / 1e6 / seconds;
    // Where the machine's time went while the games ran (on stderr, beside the figures).
    console.error(`cpu while playing: server ${Math.round(serverCpu * 100)}%, load generator ${Math.round(loadCpu * 100)}% of one core; ${seconds.toFixed(1)} s`);
    const rounds = matches.reduce((n, m) => n + Math.min(m.roundsDone, ROUNDS), 0);
    const seatClients = matches.length * CLIENTS;
    const patchBytes = bytes.patch - lobbyPatchBytes;
    console.error(`patch frames per client per round: ${((bytes.patchFrames - lobbyPatchFrames) / Math.max(1, seatClients) / Math.max(1, rounds / Math.max(1, matches.length))).toFixed(1)}; requests timed: ${latencies.length}`);

    // What a spectator joining now receives in full, in the match that played longest: the size the patches are compared with.
    const longest = matches.reduce((a, b) => (b.roundsDone > a.roundsDone ? b : a));
    const late = await new Client(url).joinById<MatchState>(longest.host.roomId, { name: "Late", spectator: true });
    await until(() => (rooms.get(late)?.full ?? 0) > 0, 10_000);
    const fullStateBytes = rooms.get(late)?.full ?? 0;

    if (process.env.BENCH_LATENCY_LOG) (await import("node:fs")).writeFileSync(process.env.BENCH_LATENCY_LOG, timeline.map((t) => t.join(" ")).join("\n"));
    latencies.sort((a, b) => a - b);
    startLatencies.sort((a, b) => a - b);
    console.error(`start requests (not in the figure): p50 ${percentile(startLatencies, 50).toFixed(1)} ms, max ${(startLatencies.at(-1) ?? 0).toFixed(1)} ms`);
    const result = {
      rooms: matches.length,
      clients: seatClients,
      roundsPerSecond: Math.round((rounds / seconds) * 10) / 10,
      ackLatencyMs: { p50: Math.round(percentile(latencies, 50) * 10) / 10, p99: Math.round(percentile(latencies, 99) * 10) / 10 },
      rssMbPerRoom: Math.round(((rss - baseRss) / Math.max(1, matches.length)) * 100) / 100,
      patchBytesPerClientPerRound: Math.round(patchBytes / Math.max(1, seatClients) / Math.max(1, rounds / Math.max(1, matches.length))),
      fullStateBytes,
      errors,
    };
    if (args.json) console.log(JSON.stringify(result));
    else {
      console.log(result);
      if (errorSamples.size) console.log("first errors:", [...errorSamples]);
    }
    for (const m of matches) for (const c of m.clients) void c.leave().catch(() => {});
    void late.leave().catch(() => {});
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

// --paced: capacity under human pacing, an open-loop load (bench/server-paced.ts).
(args.paced ? import("./server-paced.ts").then((m) => m.pacedMain(args)) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
