import { startCluster } from "../server/cluster/cluster.ts";
import { parseArgs } from "./args.ts";
import { runPaced, startOneServer, type PacedResult, type PacedTarget } from "./server-paced.ts";

/*
 * `npm run --silent bench:cluster -- --json`: the paced load of `bench:server -- --paced` (bench/server-paced.ts,
 * same options) against one server process as `npm start` runs it (SQLite), then against two game processes on
 * Redis and PostgreSQL (started here, as `npm run start:cluster` does). The clients connect to each process
 * directly (each process's PUBLIC_ADDRESS is its own port), creating rooms on the two in turn: a load balancer's
 * work is not what is measured. Prints { oneProcess: { roomsHeld }, twoProcesses: { roomsHeld }, scaleRatio },
 * and on stderr each run's steps and whole result.
 *
 * So that both runs find their limit in about twelve minutes, the steps start near it: one process from 750 rooms
 * (300 s), two from a step below what one held (450 s), up to 2,300 rooms (the generator holds 8 sockets a room and
 * a process here may open 20,000 files). `--from`, `--max-rooms` and `--budget` given on the command line apply to
 * both runs instead.
 *
 * On a machine with two cores the load generator shares them with the servers: where it limits the result, the
 * servers' CPU per round (on stderr) is the figure to compare.
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
  }
}

async function main(): Promise<void> {
  const step = Number(args.step ?? 250);
  const one = await measure("one process (SQLite)", await startOneServer(), { from: "750", budget: "300" });
  // The listeners of the first run's clients are gone with its server; give sockets a moment to close.
  await new Promise((r) => setTimeout(r, 2000));
  const cluster = await startCluster({
    processes: 2, port: 0, quiet: true,
    publicAddress: (_index, port) => `127.0.0.1:${port}`,
    env: { LIMITS: "roomCreations=100000/10000 roomCreationsPerConnection=100000/10000" },
  });
  const pids = cluster.processes.map((p) => p.child.pid!);
  const two = await measure("two processes (Redis + PostgreSQL)", {
    urls: cluster.processes.map((p) => `ws://127.0.0.1:${p.port}`), pids, stop: () => cluster.stop(),
    health: cluster.processes.map((p) => `http://127.0.0.1:${p.port}/health`),
  }, { from: String(Math.max(step, one.roomsHeld - step)), "max-rooms": "2300", budget: "450" });
  const result = {
    oneProcess: { roomsHeld: one.roomsHeld, serverCpuMsPerRound: one.serverCpuMsPerRound, ackLatencyMs: one.ackLatencyMs },
    twoProcesses: { roomsHeld: two.roomsHeld, serverCpuMsPerRound: two.serverCpuMsPerRound, ackLatencyMs: two.ackLatencyMs },
    scaleRatio: one.roomsHeld > 0 ? Math.round((two.roomsHeld / one.roomsHeld) * 100) / 100 : null,
    think: one.think,
  };
  console.log(args.json ? JSON.stringify(result) : result);
  process.exit(0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
