/**
 * Screenshots of issue 14's screens at the three target sizes, for looking at by eye:
 *   node tests/e2e/support/capture-decisions.ts   (builds if needed; writes tests/e2e/screenshots/look14-*.png)
 * The guide, the orders panel with previews, an offer in the inbox, the round summary and the end screen.
 */
import { launch, shot, watchErrors } from "./browser.ts";
import { DIST, ensureBuilt } from "./build.ts";
import { serveStatic } from "./staticServer.ts";
import { ordersOpenIn, playUntil } from "./play.ts";

await ensureBuilt();
const srv = await serveStatic(DIST);
const browser = await launch();
for (const [w, hgt] of [[1366, 768], [1920, 1080], [390, 844]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: hgt } });
  const errors = watchErrors(page);
  const name = (what: string) => `look14-${what}-${w}x${hgt}`;
  await page.goto(`${srv.url}/?botDelay=0&feedDelay=5&seed=7`);
  await page.waitForSelector("#start-solo", { timeout: 20000 });
  // Kyrgyzstan is offered a Belt and Road loan in this game's first round.
  await page.check("input[name=solo-seat][value=kyrgyzstan]");
  await page.click("#start-solo");
  await page.waitForSelector("#guide-start");
  await page.click("#guide-start");
  await page.click("#guide-next");
  await shot(page, name("guide"));
  await page.click("#guide-skip");
  if (w < 700) await page.click("#tab-orders");
  await page.locator("#action-list button[data-action]:not([disabled])").first().click();
  await shot(page, name("orders"));
  await page.click("#submit-orders");
  const offer = page.locator("#panel-inbox article.decision", { hasText: /offers:/ });
  await playUntil([page], async () => (await offer.count()) > 0, "look14-offer-stuck");
  await page.click("#tab-inbox");
  await shot(page, name("offer"));
  await playUntil([page], () => ordersOpenIn(page, "Round 2"), "look14-round-stuck");
  await page.waitForSelector("#round-summary:not([hidden])");
  await shot(page, name("summary"));
  await playUntil([page], async () => (await page.locator("#end-screen").count()) > 0, "look14-end-stuck");
  await page.waitForSelector("#end-screen[data-charts-ready=true]");
  await page.evaluate(() => document.querySelector("#end-screen")?.scrollTo(0, 0));
  await shot(page, name("end"));
  console.log(`${w}x${hgt}`, errors.length ? errors : "no errors");
  await page.close();
}
await browser.close();
await srv.close();
