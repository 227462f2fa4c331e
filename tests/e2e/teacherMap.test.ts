import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { secretsSeen, student } from "../classroom/helpers.ts";
import { shot, watchErrors } from "./support/browser.ts";
import { serverStage } from "./support/stage.ts";

/*
 * The teacher's dashboard while the class plays (issue 19): the map, as the projector shows it, with the round and
 * clock, pause/resume, advance and +30 s beside it, and a Seats tab where every seat shows its secret agenda and each
 * bot seat the reason it gave last. A Map / Class switch (keyboard too) goes to the roster and every control and
 * back, and a reload of the tab keeps the choice. Screenshots of both views at three sizes in en, ru and kk.
 */

const stage = serverStage(240_000);

const SIZES = [[1366, 768], [1920, 1080], [390, 844]] as const;

/** Patches reach the browser through a server on two busy cores: patience. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 60_000 });

const reasons = (page: Page) => page.locator("#teacher-seats .bot-reason[data-reason]").count();

describe("the teacher's map", () => {
  it("shows the board with the quick controls and each bot seat's reason beside it; switches to the class view and back", async () => {
    const ws = stage.url.replace(/^http/, "ws");
    const context = await stage.browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(90_000);
    const teacher = await context.newPage();
    const errors = watchErrors(teacher);
    await teacher.goto(`${stage.url}/?teach`);
    await teacher.fill("#class-name", "History 9B");
    await teacher.selectOption("#class-mode", "powers");
    await teacher.selectOption("#class-timer", "300");
    await teacher.click("#create-class");
    await teacher.waitForSelector("#dash-code");
    const code = (await teacher.textContent("#dash-code"))!.trim();
    // Before the start there is no map to switch to.
    expect(await teacher.isVisible("#view-switch")).toBe(false);

    // Ana's team plays Russia; China and the five states are played by bots.
    const ana = await student(ws, code, "Ana");
    await poll(() => teacher.locator("#roster tr[data-student]").count()).toBe(1);
    await teacher.selectOption('select[data-student="Ana"]', "russia");
    await poll(() => teacher.textContent("#teams [data-seat=russia]")).toContain("Ana");
    await teacher.click("#class-start");

    // The map: the game screen over the board's canvas, the class view hidden.
    await teacher.waitForSelector("#game .map-area");
    expect(await teacher.evaluate(() => document.body.dataset.screen)).toBe("game");
    expect(await teacher.isVisible("#board canvas")).toBe(true);
    expect(await teacher.isVisible("#dash-code")).toBe(false);
    expect(await teacher.getAttribute("#view-map", "aria-pressed")).toBe("true");
    // The top bar names the teacher, and offers no "Leave game": the dashboard's own switch leads to the class.
    expect(await teacher.textContent("#game .me")).toBe("Teacher");
    expect(await teacher.locator("#game .top-actions button").count()).toBe(0);
    await poll(() => teacher.textContent("#map-status")).toMatch(/Round 1 of \d+ · Orders · Time left: \d+:\d\d/);
    // Every seat's agenda for the teacher (and only the teacher: Ana's screen holds Russia's secrets alone).
    await teacher.waitForSelector("#teacher-seats [data-secret=china]");
    const seatCount = await teacher.locator("#teacher-seats li[data-seat]").count();
    expect(seatCount).toBeGreaterThan(2);
    expect(await teacher.locator("#teacher-seats [data-secret]").count()).toBe(seatCount);
    expect(secretsSeen(ana)).toEqual(["russia"]);
    // Bots have not shown their orders yet: each bot seat says its reason will come.
    expect(await teacher.textContent("#teacher-seats [data-seat=china]")).toContain("No reason yet");

    // Ana's team passes: round 1's orders are revealed, and each bot seat's reason shows beside it; Russia's team has none.
    expect(await ana.request("submitOrders", { orders: [], round: 1 })).toEqual({ ok: true });
    await poll(() => teacher.locator("#teacher-seats [data-reason=china]").count()).toBe(1);
    const china = (await teacher.textContent("#teacher-seats [data-reason=china]"))!;
    expect(china).toMatch(/^Round \d+ · Why: China /);
    expect(china).toMatch(/because|declines|accepts|answers|asks|takes|leaves|restructures|demands/);
    expect(await teacher.locator("#teacher-seats [data-seat=russia] .bot-reason").count()).toBe(0);
    expect(await teacher.textContent("#teacher-seats [data-seat=russia]")).toContain("Team: Ana");

    // Pause and resume from the map: the banner over the map's foot, the clock says so, the button turns.
    await teacher.click("#map-pause");
    await teacher.waitForSelector("#game #class-paused");
    await poll(() => teacher.isVisible("#map-resume")).toBe(true);
    expect(await teacher.isVisible("#map-pause")).toBe(false);
    await teacher.click("#map-resume");
    await teacher.waitForSelector("#class-paused", { state: "detached" });
    await poll(() => teacher.isVisible("#map-pause")).toBe(true);
    // +30 s lengthens the running countdown.
    await advanceUntilPhaseWithTimer(teacher);
    const left = async () => {
      const m = /(\d+):(\d\d)/.exec((await teacher.textContent("#map-status")) ?? "");
      return m ? Number(m[1]) * 60 + Number(m[2]) : -1;
    };
    const before = await left();
    await teacher.click("#map-extend");
    await poll(left).toBeGreaterThan(before + 20);

    // To the class view with the keyboard, and back: the roster and every control, then the map again.
    await teacher.focus("#view-class");
    await teacher.keyboard.press("Enter");
    await teacher.waitForSelector("#teams", { state: "visible" });
    await teacher.waitForSelector("#game", { state: "detached" });
    expect(await teacher.evaluate(() => document.body.dataset.screen)).toBe("class");
    expect(await teacher.getAttribute("#view-class", "aria-pressed")).toBe("true");
    expect(await teacher.evaluate(() => document.activeElement?.id)).toBe("view-class");
    expect(await teacher.isVisible("#class-controls #timer-set")).toBe(true);
    // The choice outlives a reload of the tab.
    await teacher.reload();
    await teacher.waitForSelector("#dash-code", { state: "visible" });
    await teacher.waitForSelector("#view-class[aria-pressed=true]", { state: "visible" });
    expect(await teacher.locator("#game").count()).toBe(0);
    await teacher.focus("#view-map");
    await teacher.keyboard.press("Space");
    await teacher.waitForSelector("#game .map-area");
    expect(await teacher.evaluate(() => document.activeElement?.id)).toBe("view-map");
    expect(await teacher.isVisible("#dash-code")).toBe(false);
    // The reload has the bots' reasons at once (the class room keeps them; the new page saw none of those steps arrive).
    expect(await teacher.textContent("#teacher-seats [data-reason=china]")).toBe(china);

    // Both views in each language at a laptop's, a projector's and a phone's size. The page reloads in each language,
    // and the reasons the room keeps are worded in it.
    for (const lang of ["en", "ru", "kk"]) {
      await teacher.setViewportSize({ width: 1366, height: 768 });
      await teacher.goto(`${stage.url}/?teach&lang=${lang}`);
      // The tab remembers the view each language ends on: the map.
      await teacher.waitForSelector("#game .map-area");
      await poll(() => reasons(teacher)).toBeGreaterThan(0);
      if (lang !== "en") {
        const words = `${await teacher.textContent("#teacher-aside")}\n${await teacher.textContent("#panel-seats")}`;
        // Ana's nickname is hers, in her letters.
        expect((words.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => w !== "Ana"), `${lang}: Latin-script words beside the map`).toEqual([]);
      }
      for (const [width, height] of SIZES) {
        await teacher.setViewportSize({ width, height });
        for (const view of ["class", "map"] as const) {
          await teacher.click(`#view-${view}`);
          await teacher.waitForSelector(view === "map" ? "#game .map-area" : "#teams");
          await teacher.waitForTimeout(400);
          await shot(teacher, `teacher-${view}-${lang}-${width}x${height}`);
          if (view === "map" && width < 700) {
            // On a phone the board and the panels take turns: the map opens on the board, the Seats tab shows the seats.
            expect(await teacher.getAttribute("#tab-map", "aria-selected")).toBe("true");
            await teacher.click("#tab-seats");
            await teacher.waitForTimeout(300);
            await shot(teacher, `teacher-map-seats-${lang}-${width}x${height}`);
          }
        }
      }
    }
    await ana.stop();
    expect(errors).toEqual([]);
  }, 400_000);
});

/** Advances until the phase has a countdown running (a phase the timer applies to), so +30 s has one to lengthen. */
async function advanceUntilPhaseWithTimer(page: Page): Promise<void> {
  for (let i = 0; i < 10 && !/\d+:\d\d/.test((await page.textContent("#map-status")) ?? ""); i++) {
    await page.click("#map-advance");
    await page.waitForTimeout(700);
  }
}
