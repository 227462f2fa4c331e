import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const DIST = resolve(ROOT, "dist/client");

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function stale(): boolean {
  const index = resolve(DIST, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return ["client", "shared", "assets"].some((d) => newest(resolve(ROOT, d)) > built);
}

/** Builds the client once if dist/client is missing or older than its sources; test files share a lock. */
export async function ensureBuilt(): Promise<void> {
  const lock = resolve(ROOT, "dist/.build-lock");
  mkdirSync(resolve(ROOT, "dist"), { recursive: true });
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 600) throw new Error("timed out waiting for another build");
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (stale()) execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "pipe" });
  } finally {
    rmdirSync(lock);
  }
}
