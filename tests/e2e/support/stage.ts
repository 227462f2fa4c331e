import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launch } from "./browser.ts";
import { DIST, ensureBuilt } from "./build.ts";
import { startTestServer } from "./server.ts";
import { serveStatic } from "./staticServer.ts";

interface Served { url: string; close(): Promise<void> }

/**
 * The built client, served by `serve`, and one browser, for the tests of one file: set up before them, closed after.
 * Read `browser` and `url` inside the tests, once the set-up has run.
 */
function browserStage(serve: () => Promise<Served>, setupMs: number): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: Served | undefined;
  beforeAll(async () => {
    await ensureBuilt();
    server = await serve();
    browser = await launch();
  }, setupMs);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() { return browser!; },
    get url() { return server!.url; },
  };
}

/** The client served as plain files: solo games need no game server. */
export const staticStage = () => browserStage(() => serveStatic(DIST), 180_000);

/** The whole game server (SQLite in a temporary folder) serving the client: online matches and classes. */
export const serverStage = (setupMs = 180_000) => browserStage(startTestServer, setupMs);
