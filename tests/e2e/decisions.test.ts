import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { shot, watchErrors } from "./support/browser.ts";
import { staticStage } from "./support/stage.ts";
import { ordersOpenIn, playUntil } from "./support/play.ts";

/**
 * Issue 14 in the browser: every order and offer shows what it will do before the player commits, Add says why
 * it is disabled, orders can be changed after sending and the changed ones resolve, the round's summary adds up
 * to the log, and the first-game guide is offered once.
 */
const stage = staticStage();

async function startSolo(page: Page, seat: string, query: string): Promise<void> {
  await page.goto(`${stage.url}/?${query}`);
  await page.waitForSelector("#start-solo");
  await page.check(`input[name=solo-seat][value=${seat}]`);
  await page.selectOption("#solo-length", "short");
  await page.click("#start-solo");
  await page.waitForSelector("#action-list");
}

/** The log's lines of one round, as the player reads them. */
async function logRound(page: Page, round: number): Promise<string[]> {
  await page.click("#tab-log");
  const section = page.locator(".log-round", { has: page.locator("h3", { hasText: new RegExp(`^Round ${round}$`) }) });
  return section.locator("li").allTextContents();
}

describe("decisions are legible before they are made", () => {
  it("previews every order, marks an encroachment, and disables what the plan cannot afford with the reason", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    // The bots wait a minute before moving: this test only reads the orders panel of round one.
    await startSolo(page, "china", "botDelay=60000&feedDelay=5&seed=20261204");

    // The guide is offered to a new player and can be skipped; it is not offered again.
    await page.waitForSelector("#guide-start");
    await page.click("#guide-skip");
    expect(await page.locator("#guide").count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem("ngg.guide.v1"))).toBe("skipped");

    // Every action shows its preview; China's private security companies are an encroachment on Russia's domain.
    await page.selectOption("#target-private-security", "kazakhstan");
    const security = await page.textContent("#preview-private-security");
    expect(security).toMatch(/Encroachment: China acts in Russia's security domain\. Sino-Russian tension \d+ → \d+/);
    expect(await page.locator("li.action[data-action=private-security]").getAttribute("class")).toContain("alarm");
    expect(await page.textContent("#preview-public-diplomacy")).toMatch(/You: funds \d+ → \d+/);
    // An offer's preview says what accepting and declining would do.
    expect(await page.textContent("#preview-bri-loan")).toMatch(/If \w+ accepts:.*If \w+ declines:/s);
    // Goals: objectives with their progress and the secret agenda's conditions, on the game screen.
    expect(await page.locator("#objectives li").count()).toBe(3);
    expect(await page.textContent("#agenda")).toMatch(/Secret agenda: /);
    await shot(page, "decisions-1-orders");

    // Over budget: once the plan has spent its action points, Add is disabled and says why, in words.
    const open = page.locator("#action-list button[data-action]:not([disabled])");
    for (let i = 0; i < 6 && (await open.count()) > 0; i++) await open.first().click();
    expect(await page.locator("#plan li").count()).toBeGreaterThan(1);
    expect(await open.count()).toBe(0);
    const reasons = await page.locator("#action-list .reason").allTextContents();
    expect(reasons.some((r) => /^Not enough (action points|funds): your plan would (need|cost) \d+, you have \d+\.$/.test(r)), reasons.join("\n")).toBe(true);
    for (const r of reasons) expect(r).not.toMatch(/\b(russia|china|kazakhstan|kyrgyzstan|tajikistan|turkmenistan|uzbekistan|west)\b/);
    await shot(page, "decisions-2-over-budget");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("resolves orders changed after sending, and sums the round as the log does", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    // Bots wait 3 s before each move, so the orders can be changed before the last bot closes the phase.
    await startSolo(page, "china", "botDelay=3000&feedDelay=5&seed=20261204");
    await page.click("#guide-skip");

    // Send public diplomacy, then change it to private security companies while the phase is open.
    await page.selectOption("#target-public-diplomacy", "kazakhstan");
    await page.click("#add-public-diplomacy");
    expect(await page.textContent("#submit-orders")).toBe("Submit 1 order");
    await page.click("#submit-orders");
    await page.waitForSelector("#orders-sent");
    await page.click("#edit-orders");
    expect(await page.textContent("#submit-orders")).toBe("Update orders");
    await page.locator("#plan li button").first().click();
    await page.selectOption("#target-private-security", "kazakhstan");
    await page.click("#add-private-security");
    await page.click("#submit-orders");
    // Still round one's orders: the update was taken, not a new phase's.
    await page.waitForSelector("#orders-sent");
    expect(await page.textContent("#round")).toContain("Round 1 of 6 · Orders");
    expect(await page.textContent("#panel-orders .plan")).toBe("Private security companies → Kazakhstan");

    await playUntil([page], () => ordersOpenIn(page, "Round 2"), "decisions-stuck");
    const round1 = await logRound(page, 1);
    expect(round1).toContain("China: Private security companies in Kazakhstan.");
    expect(round1.filter((l) => l.startsWith("China: Public diplomacy"))).toEqual([]);

    // The round's summary: its points by category add up to its total, to China's score lines in the log, and to the score.
    await page.waitForSelector("#round-summary:not([hidden])");
    await shot(page, "decisions-3-summary");
    const total = Number(await page.getAttribute("#summary-score", "data-total"));
    const parts = await page.locator("#summary-parts li").evaluateAll((lis) => lis.map((li) => Number(li.getAttribute("data-points"))));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    const logged = round1.map((line) => {
      const yearly = /^China scores (\d+) points? this year/.exec(line);
      const bonus = /^China scores .* \+(\d+) in /.exec(line);
      return yearly ? Number(yearly[1]) : bonus ? Number(bonus[1]) : 0;
    }).reduce((a, b) => a + b, 0);
    expect(total).toBe(logged);
    const score = Number((await page.textContent("#me"))!.match(/Score (\d+)/)![1]);
    expect(await page.textContent("#summary-score")).toContain(`Score 0 → ${score}`);
    expect(score).toBe(total);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("shows an offer with the offering power's action and what each answer does", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    await startSolo(page, "kyrgyzstan", "botDelay=0&feedDelay=5&seed=7");
    // A walkthrough started is remembered once done.
    await page.click("#guide-start");
    while ((await page.textContent("#guide-next")) !== "Done") await page.click("#guide-next");
    await shot(page, "decisions-4-guide-last");
    await page.click("#guide-next");
    expect(await page.evaluate(() => localStorage.getItem("ngg.guide.v1"))).toBe("done");

    const offer = page.locator("#panel-inbox article.decision", { hasText: /offers:/ });
    await playUntil([page], async () => (await offer.count()) > 0, "offer-stuck");
    await page.click("#tab-inbox");
    const id = await offer.first().getAttribute("data-decision");
    expect(await offer.first().locator(".offer-text").textContent()).toMatch(/\w+.*Source/);
    const accept = await page.textContent(`#preview-${id}-accept`);
    const decline = await page.textContent(`#preview-${id}-decline`);
    expect(accept).toMatch(/Kyrgyzstan: /);
    expect(decline).toBeTruthy();
    expect(accept).not.toBe(decline);
    await shot(page, "decisions-5-offer");
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
