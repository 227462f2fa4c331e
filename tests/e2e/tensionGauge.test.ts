import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { shot, watchErrors } from "./support/browser.ts";
import { staticStage } from "./support/stage.ts";

/**
 * Issue 20's last clarity item in the browser: Russia and China see, before ordering, how close the partnership is
 * to the rupture line and what each of their encroaching orders adds; the gauge follows the plan as orders come and go.
 */
const stage = staticStage();

/** A short solo game as `seat`, the bots waiting a minute so round one's orders stay open; the guide skipped. */
async function startSolo(page: Page, seat: string, lang = "en"): Promise<void> {
  await page.goto(`${stage.url}/?lang=${lang}&botDelay=60000&feedDelay=5&seed=20261205`);
  await page.waitForSelector("#start-solo");
  await page.check(`input[name=solo-seat][value=${seat}]`);
  await page.selectOption("#solo-length", "short");
  await page.click("#start-solo");
  await page.waitForSelector("#action-list");
  if (await page.locator("#guide-skip").count()) await page.click("#guide-skip");
}

const meter = "#tension-meter [role=meter]";
const valueNow = async (page: Page) => Number(await page.getAttribute(meter, "aria-valuenow"));

describe("the tension gauge in the orders panel", () => {
  it("shows an encroaching order's share as it is added, and drops it when the order is removed", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    await startSolo(page, "china");

    // Before any order: the meter reads the tension the top bar shows, out of the rupture line.
    const now = await valueNow(page);
    expect(await page.getAttribute(meter, "aria-valuemin")).toBe("0");
    const line = Number(await page.getAttribute(meter, "aria-valuemax"));
    expect(line).toBeGreaterThan(now);
    expect(await page.textContent("#track-tension")).toContain(`${now} / ${line}`);
    expect(await page.locator("#tension-meter .share").count()).toBe(0);
    expect(await page.getAttribute(meter, "aria-valuetext")).toMatch(new RegExp(`^${now} of ${line} now`));

    // The action's own row says what it adds, before it is added; an order in China's own domain says nothing.
    await page.selectOption("#target-private-security", "kyrgyzstan");
    const tag = (await page.textContent("#tension-private-security")) ?? "";
    const added = Number(/\+(\d+) tension/.exec(tag)?.[1]);
    expect(added).toBeGreaterThan(0);
    expect(await page.isVisible("#tension-public-diplomacy")).toBe(false);

    // Added to the plan: the meter grows by that much, with a share named after the order.
    await page.click("#add-private-security");
    await expect.poll(() => valueNow(page)).toBe(now + added);
    const share = page.locator("#tension-meter .share[data-action=private-security]");
    expect(await share.count()).toBe(1);
    expect(await share.locator("i.add").count()).toBe(added);
    expect(await share.getAttribute("title")).toBe(`Private security companies → Kyrgyzstan: tension +${added}`);
    expect(await page.textContent("#tension-meter .tension-shares")).toContain(`+${added} Private security companies → Kyrgyzstan`);
    expect(await page.textContent("#tension-meter .tension-hint")).toContain("Not counting Russia's orders this round.");
    expect(await page.getAttribute(meter, "aria-valuetext")).toContain(`${now + added} with your plan`);
    // An order in China's own domain adds no share.
    await page.click("#add-public-diplomacy");
    await expect.poll(() => page.locator("#plan li").count()).toBe(2);
    expect(await valueNow(page)).toBe(now + added);
    expect(await page.locator("#tension-meter .share").count()).toBe(1);
    await shot(page, "tension-china-plan");

    // Removed: the share goes and the meter falls back to the tension now.
    await page.locator("#plan li", { hasText: "Private security" }).locator("button").click();
    await expect.poll(() => valueNow(page)).toBe(now);
    expect(await page.locator("#tension-meter .share").count()).toBe(0);
    expect(await page.locator("#tension-meter .tension-danger").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is not shown to a seat that cannot encroach", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await startSolo(page, "kazakhstan");
    await page.locator("#action-list button[data-action]:not([disabled])").first().click();
    await page.waitForSelector("#plan li");
    expect(await page.locator("#tension-meter").count()).toBe(0);
    // A state's own orders raise no tension, except asking Russia to refinance its debt: Russia's loan encroaches.
    const tagged = await page.locator("#action-list li.action:has(.tension-tag:not([hidden]))").evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
    expect(tagged.filter((a) => a !== "seek-refinancing")).toEqual([]);
    await page.close();
  });

  // The gauge with two encroaching orders planned, in each language, at a phone, a laptop and a large screen.
  for (const lang of ["en", "ru", "kk"]) {
    it(`reads in ${lang} at 390×844, 1366×768 and 1920×1080`, async () => {
      for (const [width, height] of [[1366, 768], [1920, 1080], [390, 844]] as const) {
        const page = await stage.browser.newPage({ viewport: { width, height } });
        const errors = watchErrors(page);
        await startSolo(page, "china", lang);
        await page.click("#tab-orders");
        await page.selectOption("#target-private-security", "kyrgyzstan");
        await page.click("#add-private-security");
        await page.selectOption("#target-sco-training", "tajikistan");
        await page.click("#add-sco-training");
        await expect.poll(() => page.locator("#tension-meter .share").count()).toBe(2);
        // Nothing of the gauge spills out of the panel.
        const box = (await page.locator("#tension-meter").boundingBox())!;
        const panel = (await page.locator("#panel-orders").boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
        await page.locator("#tension-meter").scrollIntoViewIfNeeded();
        await shot(page, `tension-${lang}-${width}x${height}`);
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }
});
