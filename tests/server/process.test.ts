import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { until } from "./helpers.ts";

/*
 * The server's process as it runs (`server/main.ts` in a process of its own): what it starts beside the game, and
 * what it does with an error nothing caught.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "ngg-process-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/*
 * Colyseus starts PM2's monitoring agent when the package is installed (it is, as a dependency of the test tools).
 * The server leaves a stand-in where the agent looks for itself (server/quietAgent.ts), so the agent never starts:
 * no inspector session with the profilers on, no listing of every socket each second, no handlers of its own for
 * uncaught errors. Checked in a process of its own, since a test worker may have loaded the real agent already.
 */
const probe = `
const before = process.listeners("uncaughtException").length + process.listeners("unhandledRejection").length;
const { startServer } = await import("./server/main.ts");
const running = await startServer({ port: 0, dbPath: ${JSON.stringify(join(dir, "agent.sqlite"))}, clientDir: ${JSON.stringify(join(dir, "none"))}, log: () => {} });
await new Promise((r) => setTimeout(r, 200));
const agent = await import("@pm2/io").then((m) => m.default, () => ({}));
const after = process.listeners("uncaughtException").length + process.listeners("unhandledRejection").length;
console.log(JSON.stringify({ agentStarted: typeof agent.init === "function", handlersAdded: after - before }));
await running.close();
process.exit(0);
`;

/** `server/main.ts` with an error raised once it runs: its address once it listens, its stderr, and how it ended. */
function serverThatFails(fail: "reject" | "throw") {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./tests/server/failLater.mjs", "server/main.ts"], {
    cwd: ROOT, env: { ...process.env, PORT: "0", DB_PATH: join(dir, `${fail}.sqlite`), FAIL: fail }, stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "", exit: undefined as number | null | undefined };
  child.stdout.on("data", (chunk) => { out.stdout += String(chunk); });
  child.stderr.on("data", (chunk) => { out.stderr += String(chunk); });
  child.once("exit", (code) => { out.exit = code; });
  return { out, kill: () => child.kill("SIGKILL") };
}

describe("the server's process", () => {
  it("has not started PM2's agent", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    const line = run.stdout.trim().split("\n").pop() ?? "";
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(line)).toEqual({ agentStarted: false, handlersAdded: 0 });
  });

  it("logs a rejection nothing awaited in one line, without its stack, and goes on serving", async () => {
    const server = serverThatFails("reject");
    try {
      await until("the rejection is logged", () => server.out.stderr.includes("\n") && /localhost:\d+/.test(server.out.stdout), 15_000, () => server.out);
      expect(server.out.stderr.trim().split("\n")).toEqual(["unhandled rejection: Error: nobody waited for this"]);
      const address = server.out.stdout.match(/http:\/\/localhost:\d+/)![0];
      expect((await fetch(`${address}/health`)).status).toBe(200);
      expect(server.out.exit).toBeUndefined();
    } finally {
      server.kill();
    }
  }, 20_000);

  it("stops on an error thrown out of the event loop, saying so in one line without its stack", async () => {
    const server = serverThatFails("throw");
    try {
      await until("the server stops", () => server.out.exit !== undefined, 15_000, () => server.out);
      expect(server.out.exit).toBe(1);
      expect(server.out.stderr.trim().split("\n")).toEqual(["The server stopped on an error: Error: nobody waited for this"]);
    } finally {
      server.kill();
    }
  }, 20_000);
});
