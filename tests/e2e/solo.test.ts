import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { shot, watchErrors } from "./support/browser.ts";
import { staticStage } from "./support/stage.ts";
import { ordersOpenIn, playUntil } from "./support/play.ts";

const stage = staticStage();

/** How many decisions the page's bot worker has made (null when the page has no bot worker). */
async function workerDecisions(page: Page): Promise<number | null> {
  const worker = page.workers().find((w) => w.url().includes("botWorker"));
  return worker ? worker.evaluate(() => (self as unknown as { nggBotDecisions: number }).nggBotDecisions) : null;
}

describe("solo game in the browser", () => {
  it("plays a short game against bots to the end through the interface", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    const warnings: string[] = [];
    page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
    await page.goto(`${stage.url}/?botDelay=0&feedDelay=5&seed=20261123`);
    await page.waitForSelector("#start-solo");
    await shot(page, "solo-1-menu");
    await page.fill("#player-name", "Aigerim");
    await page.check("input[name=solo-seat][value=china]");
    await page.selectOption("#solo-length", "short");
    await page.click("#start-solo");
    await page.waitForSelector("#submit-orders");
    expect(await page.textContent("#me")).toContain("China");
    expect(await page.textContent("#round")).toContain("Round 1 of 6");
    await shot(page, "solo-2-board");

    // A state's details open from the keyboard.
    await page.keyboard.press("1");
    await expect.poll(() => page.textContent("#state-details")).toContain("Kazakhstan");
    await page.keyboard.press("Escape");

    // Orders up to the budget: then every Add waits, each with the engine's reason in words.
    const adds = page.locator("#action-list button[data-action]:not([disabled])");
    for (let i = 0; i < 6 && (await adds.count()) > 0; i++) await adds.first().click();
    expect(await page.locator("#plan li").count()).toBeGreaterThan(1);
    expect(await adds.count()).toBe(0);
    const reasons = await page.locator("#action-list .reason").allTextContents();
    expect(reasons.some((r) => /^Not enough (action points|funds): your plan would (need|cost) \d+, you have \d+\.$/.test(r)), reasons.join("\n")).toBe(true);
    await shot(page, "solo-3-plan");
    // Keep only the first order and send it.
    while ((await page.locator("#plan li").count()) > 1) await page.locator("#plan li button").last().click();
    await page.click("#submit-orders");

    // Refresh mid-game: the solo game resumes in the same round.
    await playUntil([page], () => ordersOpenIn(page, "Round 2"), "refresh-stuck");
    await shot(page, "solo-5-before-refresh");
    // The bots thought in their worker, not on the page: it made a decision for every bot input so far.
    const botInputs = await page.evaluate(() => {
      const save = JSON.parse(localStorage.getItem("ngg.solo.v1")!) as { setup: { seat: string }; record: { inputs: { type: string; seat?: string }[] } };
      return save.record.inputs.filter((i) => i.type !== "close" && i.seat !== save.setup.seat).length;
    });
    expect(botInputs).toBeGreaterThan(6);
    expect(await workerDecisions(page)).toBeGreaterThanOrEqual(botInputs);
    const yearBefore = await page.textContent("#year");
    await page.reload();
    await page.waitForSelector("#game");
    expect(await page.textContent("#year")).toBe(yearBefore);
    expect(await page.textContent("#me")).toContain("China");

    let steps = 0;
    await playUntil([page], async () => {
      if (++steps === 12) await shot(page, "solo-7-midgame");
      return (await page.locator("#end-screen").count()) > 0;
    });
    await page.waitForSelector("#end-screen");
    await page.waitForSelector("#end-screen[data-charts-ready=true]");
    expect(await page.textContent("#winner")).toMatch(/Winner/);
    expect(await page.locator("#scores tbody tr").count()).toBe(8);
    expect(await page.locator("#charts canvas").count()).toBe(4);
    // The map behind the end screen fills the window again, not just the board area it had in the game.
    await page.waitForFunction(() => {
      const canvas = document.querySelector("#board canvas")!.getBoundingClientRect();
      return canvas.width === window.innerWidth && canvas.height === window.innerHeight;
    }, undefined, { timeout: 3000 });
    await shot(page, "solo-6-end");
    expect(errors).toEqual([]);
    expect(await workerDecisions(page)).toBeGreaterThan(0); // the resumed game's bots thought in a worker too
    expect(warnings.filter((w) => /worker/i.test(w))).toEqual([]);
    // The finished game is no longer offered for resuming.
    await page.click("#back-to-menu");
    await page.waitForSelector("#start-solo");
    expect(await page.locator("#resume-solo").count()).toBe(0);
    await page.close();
  }, 240_000);
});
