import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { startServer } from "../server/main.ts";
import { launch } from "../tests/e2e/support/browser.ts";
import { intArg, parseArgs } from "./args.ts";

/*
 * The client's benchmark: the production bundle's size and the time from navigation to the board being
 * ready (the map drawn by Phaser) in headless Chromium against the local server, median of several cold loads.
 * jsGzipBytes is the JavaScript the page loads by the time its board is ready (what a player first downloads);
 * jsGzipBytesAll adds every chunk loaded only on demand (other languages, the bots' worker once a solo game starts,
 * the replay viewer and its analysis worker).
 *
 *   npm run --silent bench:client -- --json [--runs 5] [--no-build]
 */

const args = parseArgs(process.argv.slice(2));
const RUNS = Math.max(1, intArg(args, "runs", 5));
const root = resolve(import.meta.dirname, "..");
const dist = resolve(root, "dist/client");
const log = (msg: string) => { if (!args.json) console.error(msg); };

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

if (!args["no-build"]) {
  log("building the client…");
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "pipe" });
}

const all = files(dist);
const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
/** Every chunk, including those loaded only on demand (languages, the bots' worker, the replay viewer and its analysis). */
const jsGzipBytesAll = all.filter((f) => extname(f) === ".js").reduce((n, f) => n + gz(f), 0);
/** The JavaScript files the page itself loaded by the time its board was ready (names of files in dist). */
const firstPage = new Set<string>();
const assetBytes = all.filter((f) => extname(f) !== ".js").reduce((n, f) => n + statSync(f).size, 0);

const tmp = mkdtempSync(join(tmpdir(), "ngg-bench-client-"));
const server = await startServer({ port: 0, dbPath: join(tmp, "bench.sqlite"), clientDir: dist });
const browser = await launch();
const times: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.waitForFunction(() => performance.getEntriesByName("ngg-board-ready").length > 0, undefined, { timeout: 30_000 });
    const ms = await page.evaluate(() => performance.getEntriesByName("ngg-board-ready")[0]!.startTime);
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.endsWith(".js")));
    for (const path of loaded) firstPage.add(path.split("/").pop()!);
    times.push(ms);
    log(`run ${i + 1}: board ready after ${Math.round(ms)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
const boardReadyMs = Math.round(times[Math.floor(times.length / 2)]!);
const jsFirst = all.filter((f) => extname(f) === ".js" && firstPage.has(f.split("/").pop()!));
if (jsFirst.length === 0) throw new Error("no JavaScript seen loading: cannot size the first page");
const jsGzipBytes = jsFirst.reduce((n, f) => n + gz(f), 0);
const result = { jsGzipBytes, jsGzipBytesAll, assetBytes, boardReadyMs };
if (args.json) console.log(JSON.stringify(result));
else console.log(`JavaScript ${Math.round(jsGzipBytes / 1024)} KB gzip on the first page (target ≤ 500 KB; ${Math.round(jsGzipBytesAll / 1024)} KB with every chunk), other assets ${Math.round(assetBytes / 1024)} KB, board ready ${boardReadyMs} ms (target ≤ 1500 ms)`);
process.exit(0);
