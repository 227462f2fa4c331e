import { describe, expect, it } from "vitest";
import { shot, watchErrors } from "./support/browser.ts";
import { ordersOpenIn, playUntil, roundOf } from "./support/play.ts";
import { serverStage } from "./support/stage.ts";

const stage = serverStage();

describe("online match in two browsers", () => {
  it("creates a private match, joins it by code in another browser, and completes a round", async () => {
    const hostContext = await stage.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const guestContext = await stage.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const host = await hostContext.newPage();
    const guest = await guestContext.newPage();
    const hostErrors = watchErrors(host);
    const guestErrors = watchErrors(guest);

    await host.goto(`${stage.url}/?feedDelay=5`);
    await host.fill("#player-name", "Dana");
    await host.selectOption("#online-visibility", "private");
    await host.check("input[name=online-seat][value=russia]");
    await host.selectOption("#online-level", "easy");
    await host.click("#create-online");
    await host.waitForSelector("#match-code");
    const code = (await host.textContent("#match-code"))!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await host.inputValue("#join-link")).toContain(`?join=${code}`);
    await shot(host, "online-1-host-lobby");

    // The guest opens the join link, which fills in the code.
    await guest.goto(`${stage.url}/?join=${code}&feedDelay=5`);
    await guest.waitForSelector("#join-online");
    expect(await guest.inputValue("#join-code")).toBe(code);
    await guest.fill("#player-name", "Timur");
    await guest.click("#join-online");
    await guest.waitForSelector("#lobby");
    await guest.click("#claim-china");
    await expect.poll(() => host.textContent("tr[data-seat=china]")).toContain("Timur");
    await guest.click("#ready");
    await expect.poll(() => host.textContent("tr[data-seat=china]")).toContain("Ready");
    // Only the host may start: the guest's attempt is refused with a message in the lobby.
    expect(await guest.locator("#start-game").count()).toBe(0);
    await shot(guest, "online-2-guest-lobby");
    // The host sees a control to remove the guest from the seat; the guest sees none.
    await expect.poll(() => host.locator("#kick-china-0").count()).toBe(1);
    expect(await host.textContent("#kick-china-0")).toContain("Timur");
    expect(await guest.locator("[id^=kick-]").count()).toBe(0);
    await shot(host, "online-2b-host-lobby-with-guest");

    await host.click("#start-game");
    await host.waitForSelector("#game");
    await guest.waitForSelector("#game");
    expect(await host.textContent("#me")).toContain("Russia");
    expect(await guest.textContent("#me")).toContain("China");
    expect(await roundOf(host)).toContain("Round 1");
    await shot(host, "online-3-host-board");
    await shot(guest, "online-4-guest-board");

    await playUntil([host, guest], async () => (await roundOf(host)).includes("Round 2") && (await roundOf(guest)).includes("Round 2"), "online-stuck");
    // Both read the same resolution in their logs.
    await host.click("#tab-log");
    await guest.click("#tab-log");
    const hostLog = await host.textContent("#panel-log");
    expect(hostLog).toContain("Round 1");
    expect(await guest.textContent("#panel-log")).toContain("Round 1");
    await shot(host, "online-5-host-round2");
    await shot(guest, "online-6-guest-round2");
    expect(hostErrors).toEqual([]);
    expect(guestErrors).toEqual([]);
    await hostContext.close();
    await guestContext.close();
  }, 240_000);

  it("rejoins the same seat after a page refresh mid-game", async () => {
    const context = await stage.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${stage.url}/?feedDelay=5`);
    await page.fill("#player-name", "Saule");
    await page.check("input[name=online-seat][value=kazakhstan]");
    await page.selectOption("#online-level", "easy");
    await page.click("#create-online");
    await page.waitForSelector("#start-game");
    await page.click("#start-game");
    await page.waitForSelector("#game");
    await page.locator("#action-list button[data-action]").first().click();
    await page.click("#submit-orders");
    await playUntil([page], () => ordersOpenIn(page, "Round 2"), "refresh-stuck");
    const year = await page.textContent("#year");
    // The log tells the bots' reasons for the orders revealed in round 1.
    const whys = async () => ((await page.textContent("#panel-log")) ?? "").split("Why:").length - 1;
    await page.click("#tab-log");
    const whysBefore = await whys();
    expect(whysBefore).toBeGreaterThan(0);
    await shot(page, "refresh-1-before");

    await page.reload();
    await page.waitForSelector("#game");
    expect(await page.textContent("#me")).toContain("Kazakhstan");
    expect(await page.textContent("#year")).toBe(year);
    // The page did not see round 1 arrive this time; the server tells it the bots' reasons of the steps before.
    await page.click("#tab-log");
    await page.waitForFunction((n) => (document.querySelector("#panel-log")?.textContent ?? "").split("Why:").length - 1 >= n, whysBefore, { timeout: 15_000 });
    await shot(page, "refresh-3-log-after");
    await shot(page, "refresh-2-after");
    // The rejoined seat can still act: it plays on into the next round.
    await playUntil([page], async () => (await roundOf(page)).includes("Round 3"), "refresh-stuck-after");
    await context.close();
  }, 240_000);

  it("an address with nothing at it lands on the menu with the reason in the reader's language", async () => {
    const context = await stage.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${stage.url}/?lang=ru`);
    await page.waitForSelector("#start-solo");
    await page.goto(`${stage.url}/no/such/page`);
    await page.waitForSelector("#error-banner");
    expect(await page.textContent("#error-banner")).toMatch(/[А-Яа-яЁё]/);
    expect(new URL(page.url()).search).toBe("");
    await shot(page, "error-not-found-ru");
    await context.close();
  }, 120_000);
});
