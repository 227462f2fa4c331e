import type { Page } from "playwright-core";
import { shot } from "./browser.ts";

/** Plays whatever the screen asks of the player: answers a decision, or orders the first legal action. */
export async function playStep(page: Page, stop: () => Promise<boolean> = async () => false): Promise<"end" | "acted" | "waiting"> {
  if (await page.locator("#end-screen").count()) return "end";
  const answer = page.locator("#panel-inbox button[data-answer]:not([disabled])").first();
  if (await answer.count()) {
    if (await stop()) return "waiting";
    await page.click("#tab-inbox");
    await answer.click();
    return "acted";
  }
  // Add is disabled for an order the plan cannot afford, so the first one it can.
  const add = page.locator("#action-list button[data-action]:not([disabled])").first();
  if ((await page.locator("#pass-orders:not([disabled])").count()) && (await add.count())) {
    // The game waits for these orders, so checking the goal here cannot race with the bots.
    if (await stop()) return "waiting";
    await page.click("#tab-orders");
    await add.click();
    await page.click("#submit-orders");
    return "acted";
  }
  return "waiting";
}

/** Plays on the given pages in turn until the condition holds (bounded by a number of steps, not by time). */
export async function playUntil(pages: Page[], done: () => Promise<boolean>, name = "stuck"): Promise<void> {
  for (let i = 0; i < 800; i++) {
    if (await done()) return;
    let acted = false;
    for (const page of pages) {
      const state = await playStep(page, done);
      if (state === "end" && pages.length === 1) return;
      acted ||= state === "acted";
    }
    await pages[0]!.waitForTimeout(acted ? 50 : 120);
  }
  for (const [i, page] of pages.entries()) await shot(page, `${name}-${i}`);
  throw new Error("the game did not move on");
}

export async function roundOf(page: Page): Promise<string> {
  const round = page.locator("#round");
  return (await round.count()) ? ((await round.textContent()) ?? "") : "";
}

/** True when the page waits for this seat's orders in the given round: nothing moves until it sends them. */
export async function ordersOpenIn(page: Page, round: string): Promise<boolean> {
  return (await roundOf(page)).includes(round) && (await page.locator("#pass-orders:not([disabled])").count()) > 0;
}
