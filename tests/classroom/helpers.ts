import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "../../server/main.ts";
import { testSeeds } from "../server/seeds.ts";
import { ClassLink, createClass, type ClassCredentials } from "../../client/classroom/net.ts";
import type { MatchState } from "../../shared/protocol/state.ts";

export { bootServer, until, tapFrames, bytesContain, type TestServer } from "../server/helpers.ts";

/**
 * A server that a test stops and starts again: each start has the same database (and the port it is given), as a
 * restarted server process would. `close` stops the running one and removes its folder.
 */
export function restartableServer(prefix: string): { start(port: number): Promise<RunningServer>; close(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dbPath = join(dir, "games.sqlite");
  let running: RunningServer | null = null;
  return {
    async start(port) {
      running = await startServer({ port, dbPath, clientDir: join(dir, "no-client"), graceSeconds: 30, nextSeed: testSeeds() });
      return running;
    },
    async close() {
      await running?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A started link for one screen of the class; retries quickly so restarts in tests resolve fast. */
export async function link(creds: ClassCredentials): Promise<ClassLink> {
  const l = new ClassLink(creds, { retryMs: 100 });
  await l.start();
  return l;
}

export async function newClass(url: string, options: Parameters<typeof createClass>[1] = {}): Promise<{ code: string; key: string; teacher: ClassLink }> {
  const { code, key } = await createClass(url, { name: "Class 9B", length: "short", ...options });
  const teacher = await link({ url, code, role: "teacher", key });
  return { code, key, teacher };
}

/** A student's screen in a browser of its own: each call is a new browser (its own rejoin secret) unless `device` is given. */
export function student(url: string, code: string, name: string, device = newDevice()): Promise<ClassLink> {
  return link({ url, code, role: "student", name, device });
}

/** A fresh browser's rejoin secret. */
export function newDevice(): string {
  return randomBytes(18).toString("base64url");
}

export function seatOf(state: MatchState | null, name: string): string | undefined {
  let seat: string | undefined;
  state?.members.forEach((m) => { if (m.name === name) seat = m.seat; });
  return seat;
}

/** The seats whose secrets this screen has received. */
export function secretsSeen(l: ClassLink): string[] {
  const out: string[] = [];
  l.state()?.secrets?.forEach((_s, seat) => out.push(seat));
  return out.sort();
}
