/**
 * Screenshots of the main screens at the three target sizes, for looking at by eye:
 *   npx tsx tests/e2e/support/capture.ts   (after npm run build; writes tests/e2e/screenshots/look-*.png)
 */
import { launch, shot, watchErrors } from "./browser.ts";
import { DIST, ensureBuilt } from "./build.ts";
import { serveStatic } from "./staticServer.ts";

await ensureBuilt();
const srv = await serveStatic(DIST);
const browser = await launch();
for (const [w, hgt] of [[1366, 768], [1024, 768], [1920, 1080]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: hgt } });
  const errors = watchErrors(page);
  await page.goto(`${srv.url}/?botDelay=50&feedDelay=50`);
  await page.waitForSelector("#start-solo", { timeout: 20000 });
  await shot(page, `look-menu-${w}`);
  await page.click("#start-solo");
  await page.waitForSelector("#game", { timeout: 10000 });
  await page.waitForTimeout(1500);
  await page.locator("#action-list button[data-action]").first().click();
  await page.locator("#action-list li").nth(1).hover();
  await page.waitForTimeout(300);
  await shot(page, `look-game-${w}`);
  await page.keyboard.press("2");
  await page.waitForTimeout(300);
  await shot(page, `look-details-${w}`);
  await page.click("#tab-log");
  await shot(page, `look-log-${w}`);
  console.log(w, errors.length ? errors : "no errors");
  await page.evaluate(() => localStorage.clear());
  await page.close();
}
await browser.close();
await srv.close();
