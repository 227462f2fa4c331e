import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";

/*
 * Colyseus starts PM2's monitoring agent when the package is installed (it is, as a dependency of the test tools).
 * The server leaves a stand-in where the agent looks for itself (server/quietAgent.ts), so the agent never starts:
 * no inspector session with the profilers on, no listing of every socket each second, no handlers of its own for
 * uncaught errors. Checked in a process of its own, as the server runs, since a test worker may have loaded the real
 * agent already.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "ngg-agent-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const probe = `
const before = process.listeners("uncaughtException").length + process.listeners("unhandledRejection").length;
const { startServer } = await import("./server/main.ts");
const running = await startServer({ port: 0, dbPath: ${JSON.stringify(join(dir, "games.sqlite"))}, clientDir: ${JSON.stringify(join(dir, "none"))}, log: () => {} });
await new Promise((r) => setTimeout(r, 200));
const agent = await import("@pm2/io").then((m) => m.default, () => ({}));
const after = process.listeners("uncaughtException").length + process.listeners("unhandledRejection").length;
console.log(JSON.stringify({ agentStarted: typeof agent.init === "function", handlersAdded: after - before }));
await running.close();
process.exit(0);
`;

it("a running server has not started PM2's agent", () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(line)).toEqual({ agentStarted: false, handlersAdded: 0 });
});
