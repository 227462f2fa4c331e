import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launch } from "./browser.ts";
import { DIST, ensureBuilt } from "./build.ts";
import { serveStatic } from "./staticServer.ts";

/**
 * The built client served as plain files (solo games need no game server) and one browser, for the tests of one
 * file: set up before them, closed after. Read `browser` and `url` inside the tests, once the set-up has run.
 */
export function staticStage(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    await ensureBuilt();
    server = await serveStatic(DIST);
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() { return browser!; },
    get url() { return server!.url; },
  };
}
