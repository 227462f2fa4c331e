import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../../server/main.ts";
import { testSeeds } from "../../server/seeds.ts";
import { DIST } from "./build.ts";

/** The game server in-process on a free port, serving the built client, with a throwaway database. */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "ngg-e2e-"));
  const server = await startServer({ port: 0, dbPath: join(dir, "games.sqlite"), clientDir: DIST, graceSeconds: 30, nextSeed: testSeeds() });
  return {
    url: `http://127.0.0.1:${server.port}`,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
