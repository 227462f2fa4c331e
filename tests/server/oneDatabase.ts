import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "../../server/main.ts";
import { testSeeds } from "./seeds.ts";

/** In-process servers started one after another on the same database (and port), as a restarted server would be. */
export function oneDatabase(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dbPath = join(dir, "games.sqlite");
  let running: RunningServer | null = null;
  return {
    dbPath,
    /** Port 0 picks a free one; pass the first server's port to restart on it. */
    async start(port: number): Promise<RunningServer> {
      running = await startServer({ port, dbPath, clientDir: join(dir, "no-client"), nextSeed: testSeeds() });
      return running;
    },
    get running(): RunningServer | null {
      return running;
    },
    async cleanup(): Promise<void> {
      await running?.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
