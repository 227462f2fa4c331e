import { startCluster } from "../server/cluster/cluster.ts";
import { parseArgs } from "./args.ts";
import { pidsNamed } from "./processStats.ts";
import { runPaced, startOneServer, type PacedResult, type PacedTarget } from "./server-paced.ts";
import { round2 } from "./stats.ts";

/*
 * `npm run --silent bench:cluster -- --json`: the paced load of `bench:server -- --paced` (bench/server-paced.ts,
 * same options) against one server process as `npm start` runs it (SQLite), then one game process on Redis and
 * PostgreSQL, then two (started here, as `npm run start:cluster` does). The clients connect to each process directly
 * (each process's PUBLIC_ADDRESS is its own port), creating rooms on the processes in turn: a load balancer's work is
 * not what is measured. Prints { oneProcess, oneScaledProcess, twoProcesses: { roomsHeld, ... }, scaleRatio,
 * scaleRatioSameStore, perProcessLoad, cpuAtSameRooms }, and on stderr each run's steps and whole result.
 *
 * scaleRatio compares two processes with `npm start`'s one; scaleRatioSameStore with one process on the same Redis
 * and PostgreSQL, so that what a second process adds is apart from what the shared store costs.
 *
 * So that the runs find their limits within about eighteen minutes, the steps start near them: each single process from
 * 750 rooms (300 s), two processes from the rooms both single runs held (450 s), up to 2,300 rooms (the generator
 * holds 8 sockets a room and a process here may open 20,000 files). `--from`, `--max-rooms` and `--budget` given on
 * the command line apply to every run instead.
 *
 * On a machine with two cores the load generator shares them with the servers: where it limits the rooms held, the
 * servers' CPU per round is the figure to compare, and where a process with a core of its own would reach its limit.
 * A process is full when rooms x rounds a second per room x CPU per round fills its core, so two processes with a
 * core each hold `2 x c1 / c2` times the rooms of one, where c1 is a single process's CPU per round and c2 the pair's
 * with each process carrying as many rooms (perProcessLoad: the single runs at N rooms, the pair at 2N; the largest
 * N all three runs measured). cpuAtSameRooms compares them at the same rooms in all instead (each of the pair then
 * carries half), which charges the pair for being less busy: a process's CPU per round is higher at a lighter load
 * (docs/SERVER.md has the figures). The services'
 * CPU (Redis and PostgreSQL, found by their programs' names) is measured apart and, in scaleEstimateCountingServices,
 * added to the pair's: SQLite's work is inside the single process's own figure.
 */

const args = parseArgs(process.argv.slice(2));
const log = (line: string) => console.error(line);

async function measure(name: string, target: PacedTarget, defaults: Record<string, string>): Promise<PacedResult> {
  try {
    log(`--- ${name}`);
    const result = await runPaced(target, { ...defaults, ...args }, log);
    log(`${name}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await target.stop();
    // The listeners of a run's clients are gone with its servers; give sockets a moment to close.
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** N game processes on a Redis and a PostgreSQL started for them. */
async function scaled(processes: number): Promise<PacedTarget> {
  const cluster = await startCluster({
    processes, port: 0, quiet: true,
    publicAddress: (_index, port) => `127.0.0.1:${port}`,
    env: { LIMITS: "roomCreations=100000/10000 roomCreationsPerConnection=100000/10000" },
  });
  return {
    urls: cluster.processes.map((p) => `ws://127.0.0.1:${p.port}`),
    pids: cluster.processes.map((p) => p.child.pid!),
    health: cluster.processes.map((p) => `http://127.0.0.1:${p.port}/health`),
    services: () => pidsNamed(["postgres", "redis-server"]),
    stop: () => cluster.stop(),
  };
}

const summary = (r: PacedResult) => ({ roomsHeld: r.roomsHeld, serverCpuMsPerRound: r.serverCpuMsPerRound, ackLatencyMs: r.ackLatencyMs });
const ratio = (a: number, b: number) => (b > 0 ? round2(a / b) : null);

async function main(): Promise<void> {
  const step = Number(args.step ?? 250);
  const one = await measure("one process (SQLite)", await startOneServer(), { from: "750", budget: "300" });
  const oneScaled = await measure("one process (Redis + PostgreSQL)", await scaled(1), { from: "750", budget: "300" });
  const same = Math.max(step, Math.min(one.stepHeld, oneScaled.stepHeld));
  const two = await measure("two processes (Redis + PostgreSQL)", await scaled(2), { from: String(same), "max-rooms": "2300", budget: "450" });
  const cpu = (r: PacedResult, rooms: number) => r.cpuMsPerRoundByRooms[rooms] ?? null;
  const services = (r: PacedResult, rooms: number) => r.serviceCpuMsPerRoundByRooms?.[rooms] ?? null;
  const estimate = (c1: number | null, c2: number | null) => (c1 && c2 ? round2((2 * c1) / c2) : null);
  const [cpuOne, cpuOneScaled, cpuTwo] = [cpu(one, same), cpu(oneScaled, same), cpu(two, same)];
  // The largest N both single runs measured while the pair measured 2N.
  const perProcess = Math.max(0, ...Object.keys(two.cpuMsPerRoundByRooms).map(Number)
    .filter((rooms) => rooms % 2 === 0 && cpu(one, rooms / 2) !== null && cpu(oneScaled, rooms / 2) !== null).map((rooms) => rooms / 2));
  const [c1, c1s, c2, s2] = perProcess ? [cpu(one, perProcess), cpu(oneScaled, perProcess), cpu(two, 2 * perProcess), services(two, 2 * perProcess)] : [null, null, null, null];
  const result = {
    oneProcess: summary(one),
    oneScaledProcess: summary(oneScaled),
    twoProcesses: summary(two),
    scaleRatio: ratio(two.roomsHeld, one.roomsHeld),
    scaleRatioSameStore: ratio(two.roomsHeld, oneScaled.roomsHeld),
    perProcessLoad: perProcess ? {
      roomsPerProcess: perProcess, oneProcess: c1, oneScaledProcess: c1s, twoProcesses: c2,
      services: { oneScaledProcess: services(oneScaled, perProcess), twoProcesses: s2 },
      scaleEstimate: estimate(c1, c2), scaleEstimateSameStore: estimate(c1s, c2),
      scaleEstimateCountingServices: c2 !== null && s2 !== null ? estimate(c1, c2 + s2) : null,
    } : null,
    cpuAtSameRooms: {
      rooms: same, oneProcess: cpuOne, oneScaledProcess: cpuOneScaled, twoProcesses: cpuTwo,
      scaleEstimate: estimate(cpuOne, cpuTwo), scaleEstimateSameStore: estimate(cpuOneScaled, cpuTwo),
    },
    think: one.think,
  };
  console.log(args.json ? JSON.stringify(result) : result);
  process.exit(0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
