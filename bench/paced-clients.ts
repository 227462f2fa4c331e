import "./server-socket.ts";
import { Client, type Room } from "@colyseus/sdk";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { SEATS, type Seat } from "../shared/engine/index.ts";
import type { Reply } from "../shared/protocol/messages.ts";
import type { MatchState } from "../shared/protocol/state.ts";
import { owedBy, planOrders } from "./seatOwes.ts";

/*
 * One share of the paced load's clients (bench/server-paced.ts runs several, each on its own thread): its matches,
 * the people in them who think before they act, and what it measured in the current window. A thread holds its
 * own decoded states, so its collector marks only its share of them and a pause stalls only its own clients.
 */

export interface PacedClientsOptions {
  /** Where rooms are created, in turn from `firstUrl`. */
  urls: string[];
  firstUrl: number;
  think: number;
  planShare: number;
}

/** What one share measured in a window. */
export interface WindowReport {
  /** Every reply's latency (ms), and those that did not wait on a stall of this thread's own event loop. */
  latencies: number[];
  keptLatencies: number[];
  stalls: number;
  errors: number;
  samples: string[];
  rounds: number;
  patches: number;
  rooms: number;
  heapMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

/** A beat this late (its 5 ms and more than 20 ms besides) marks a stall of the generator's. */
const GENERATOR_STALL_MS = 25;

interface Match { clients: Room<unknown, MatchState>[]; over: boolean }

export class PacedClients {
  private window: [start: number, end: number][] = [];
  private stalls: [from: number, to: number][] = [];
  private lastBeat = performance.now();
  private readonly beat = setInterval(() => {
    const now = performance.now();
    if (now - this.lastBeat > GENERATOR_STALL_MS) this.stalls.push([this.lastBeat, now]);
    this.lastBeat = now;
  }, 5);
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private windowErrors = 0;
  private totalErrors = 0;
  private rounds = 0;
  private patches = 0;
  private samples = new Set<string>();
  private stopping = false;
  private matches: Match[] = [];
  private turn: number;
  private readonly options: PacedClientsOptions;

  constructor(options: PacedClientsOptions) {
    this.options = options;
    this.turn = options.firstUrl;
    this.loop.enable();
  }

  /** Opens matches, twenty-five at a time, until this share holds `rooms`. */
  async open(rooms: number): Promise<void> {
    while (this.matches.length < rooms) {
      const batch = Math.min(25, rooms - this.matches.length);
      const opened = await Promise.allSettled(Array.from({ length: batch }, () => this.openMatch()));
      for (const r of opened) if (r.status === "rejected") this.error(`open failed: ${String(r.reason)}`);
      if (opened.every((r) => r.status === "rejected")) break;
    }
  }

  startWindow(): void {
    this.window = [];
    this.stalls.length = 0;
    this.windowErrors = 0;
    this.rounds = 0;
    this.patches = 0;
    this.loop.reset();
  }

  endWindow(): WindowReport {
    const stalls = this.stalls;
    return {
      latencies: this.window.map(([a, b]) => b - a),
      keptLatencies: this.window.filter(([a, b]) => !stalls.some(([from, to]) => to > a && from < b)).map(([a, b]) => b - a),
      stalls: stalls.length, errors: this.windowErrors, samples: [...this.samples], rounds: this.rounds, patches: this.patches,
      rooms: this.matches.length, heapMb: getHeapStatistics().used_heap_size / 2 ** 20,
      loopP99Ms: this.loop.percentile(99) / 1e6, loopMaxMs: this.loop.max / 1e6,
    };
  }

  /** Leaves every room; returns the errors over the whole run. */
  stop(): number {
    this.stopping = true;
    clearInterval(this.beat);
    for (const m of this.matches) for (const c of m.clients) void c.leave().catch(() => {});
    return this.totalErrors;
  }

  private error(what: string): void {
    this.windowErrors++;
    this.totalErrors++;
    if (this.samples.size < 5) this.samples.add(what);
  }

  private delay(lo: number, hi: number): number {
    return ((lo + Math.random() * (hi - lo)) * 1000) / this.options.think;
  }

  private async timed(room: Room<unknown, MatchState>, type: string, payload: unknown): Promise<void> {
    const start = performance.now();
    try {
      const reply = (await room.request(type, payload)) as Reply;
      if (type !== "start") this.window.push([start, performance.now()]);
      if (!reply.ok && !this.stopping) this.error(`${type} refused: ${reply.code}`);
    } catch (e) {
      if (!this.stopping) this.error(`${type} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private seatPlayer(room: Room<unknown, MatchState>, seat: Seat, planner: boolean, match: Match): void {
    let scheduled = "";
    const look = (state: MatchState) => {
      if (this.stopping || match.over) return;
      const owed = owedBy(state, seat);
      if (!owed || scheduled === owed.key) return;
      scheduled = owed.key;
      if (owed.kind === "orders") {
        const round = owed.round;
        setTimeout(() => {
          if (this.stopping || match.over || room.state.round !== round || room.state.phase !== "orders") return;
          const orders = planner ? planOrders(room.state, seat, round * 8 + SEATS.indexOf(seat)) : [];
          void this.timed(room, "submitOrders", { orders, round });
        }, this.delay(5, 40));
        return;
      }
      setTimeout(() => {
        if (this.stopping || match.over) return;
        void this.timed(room, "answer", { decision: owed.decision, answer: owed.answer, round: room.state.round });
      }, this.delay(2, 10));
    };
    room.onStateChange((state) => {
      this.patches++;
      look(state);
    });
  }

  private async openMatch(): Promise<void> {
    const { urls, planShare } = this.options;
    const url = urls[this.turn++ % urls.length]!;
    const host = await new Client(url).create<MatchState>("match", { name: "Paced", seat: SEATS[0], length: "standard" });
    const clients = [host];
    for (const seat of SEATS.slice(1)) clients.push(await new Client(url).joinById<MatchState>(host.roomId, { name: `P${seat}`, seat }));
    const match: Match = { clients, over: false };
    let lastRound = 0;
    host.onStateChange((state) => {
      if (!state.started) return;
      if (state.round > lastRound && lastRound > 0) this.rounds += state.round - lastRound;
      lastRound = state.round;
      if (state.phase === "ended" && !match.over) {
        match.over = true;
        this.rounds++;
        // A finished match is replaced, so the rooms held stay as asked.
        for (const c of clients) void c.leave().catch(() => {});
        const at = this.matches.indexOf(match);
        if (at >= 0) this.matches.splice(at, 1);
        if (!this.stopping) void this.openMatch().then(() => {}, (e) => this.error(`open failed: ${e instanceof Error ? e.message : String(e)}`));
      }
    });
    const every = Math.max(1, Math.round(1 / Math.max(planShare, 1e-9)));
    clients.forEach((room, i) => this.seatPlayer(room, SEATS[i]!, planShare > 0 && i % every === 0, match));
    this.matches.push(match);
    // Players press start a moment after the room fills, as people do (not awaited: the next rooms open meanwhile).
    setTimeout(() => void this.timed(host, "start", {}), Math.random() * 2000);
  }
}
