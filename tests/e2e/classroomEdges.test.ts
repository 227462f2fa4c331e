import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classStore } from "../../server/classroom/live.ts";
import { startServer, type RunningServer } from "../../server/main.ts";
import type { Order } from "../../shared/engine/index.ts";
import { testSeeds } from "../server/seeds.ts";
import { launch, shot, watchErrors } from "./support/browser.ts";
import { DIST, ensureBuilt } from "./support/build.ts";

/*
 * The lesson's edges in the browser: a team's draft is its orders at the timer's end and at Advance; a
 * student who joined from the menu refreshes back onto the seat; a second browser cannot take a nickname
 * until the teacher allows it; the key reopens the class from another browser; everyone sees the end.
 * Screens are photographed at 1366×768 and on a 1920×1080 projector.
 */

const dir = mkdtempSync(join(tmpdir(), "ngg-e2e-edges-"));
let browser: Browser;
let server: RunningServer;
let url = "";

beforeAll(async () => {
  await ensureBuilt();
  browser = await launch();
  server = await startServer({ port: 0, dbPath: join(dir, "games.sqlite"), clientDir: DIST, graceSeconds: 30, nextSeed: testSeeds() });
  url = `http://127.0.0.1:${server.port}`;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const SMALL = { width: 1366, height: 768 };

/** Polls with patience: patches reach five browsers on two busy cores, sometimes seconds late. */
function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 30_000 });
}
const PROJECTOR = { width: 1920, height: 1080 };

/** A screenshot at the laptop size and one at the projector's, for looking at by eye. */
async function shots(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of [SMALL, PROJECTOR]) {
    await page.setViewportSize(size);
    await shot(page, `edges-${name}-${size.width}`);
  }
  if (before) await page.setViewportSize(before);
}

/** Each seat's orders of a round as the server recorded them (a seat gives one set of orders a round). */
function ordersOf(code: string, round: number): Record<string, Order[]> {
  const matchId = classStore().load(code)!.matchId!;
  const seen: Record<string, number> = {};
  const out: Record<string, Order[]> = {};
  for (const input of server.records.gameRecord(matchId)!.inputs) {
    if (input.type !== "orders") continue;
    seen[input.seat] = (seen[input.seat] ?? 0) + 1;
    if (seen[input.seat] === round) out[input.seat] = input.orders;
  }
  return out;
}

/** The orders in a team's shared draft, as the teacher's screen holds it. */
async function draftOf(page: Page, seat: string): Promise<string> {
  return (await page.textContent(`#teams [data-seat=${seat}]`)) ?? "";
}

/** A page of its own with the test's patience and its errors watched. */
async function studentPage(context: BrowserContext, errors: string[][]): Promise<Page> {
  const page = await context.newPage();
  // Five browsers share two cores with a server: the game's first load can take a while.
  page.setDefaultTimeout(90_000);
  errors.push(watchErrors(page));
  return page;
}

describe("the lesson's edges", () => {
  it("drafts count at the deadline and at Advance; seats stay with their student; the teacher key reopens the class; everyone sees the end", async () => {
    const errors: string[][] = [];
    const teacherContext = await browser.newContext({ viewport: SMALL });
    const teacher = await studentPage(teacherContext, errors);
    await teacher.goto(`${url}/?teach`);
    await teacher.fill("#class-name", "Geography 10A");
    await teacher.selectOption("#class-mode", "powers");
    await teacher.selectOption("#class-timer", "0");
    await teacher.click("#create-class");
    await teacher.waitForSelector("#dash-code");
    const code = (await teacher.textContent("#dash-code"))!.trim();

    // The page is on 127.0.0.1: the join link names an address students can reach, never the loopback.
    const link = (await teacher.getAttribute("#dash-link", "href"))!;
    await poll(() => teacher.getAttribute("#dash-link", "href")).not.toContain("127.0.0.1");

    const projector = await studentPage(teacherContext, errors);
    await projector.setViewportSize(PROJECTOR);
    await projector.goto(`${url}/?projector=${code}`);
    await projector.waitForSelector("#projector-code");
    await poll(() => projector.textContent("#projector-link")).not.toContain("127.0.0.1");
    await shots(projector, "projector-lobby");

    // Ana and Bo join by the link; Cy and Dee from the menu's "Join a class" (no code in the address).
    const pages: Record<string, Page> = {};
    for (const name of ["Ana", "Bo", "Cy", "Dee"]) {
      const page = await studentPage(await browser.newContext({ viewport: SMALL }), errors);
      if (name === "Ana" || name === "Bo") await page.goto(`${url}/?class=${code}`);
      else {
        await page.goto(`${url}/`);
        await page.click("#join-class");
        await page.waitForSelector("#student-code");
        await page.fill("#student-code", code.toLowerCase());
      }
      await page.fill("#student-name", name);
      await page.click("#student-join");
      await page.waitForSelector("#student-heading");
      pages[name] = page;
    }
    const { Ana: ana, Bo: bo, Cy: cy, Dee: dee } = pages as Record<"Ana" | "Bo" | "Cy" | "Dee", Page>;
    await poll(() => teacher.locator("#roster tr[data-student]").count()).toBe(4);

    // Assigning teams keeps the roster's order (by name): the next select is still where the cursor is.
    const order = async () => teacher.locator("#roster tr[data-student]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-student")));
    const before = await order();
    for (const [name, seat] of [["Cy", "russia"], ["Ana", "china"], ["Dee", "russia"], ["Bo", "china"]] as const) {
      await teacher.selectOption(`select[data-student="${name}"]`, seat);
      await poll(() => teacher.textContent(`#teams [data-seat=${seat}]`)).toContain(name);
      expect(await order()).toEqual(before);
    }
    expect(before).toEqual(["Ana", "Bo", "Cy", "Dee"]);

    // A second browser typing Cy's nickname is refused: a nickname is not a key.
    const otherContext = await browser.newContext({ viewport: SMALL });
    const other = await studentPage(otherContext, errors);
    await other.goto(`${url}/?class=${code}`);
    await other.fill("#student-name", "cy");
    await other.click("#student-join");
    await poll(() => other.textContent("#student-error")).toContain("belongs to someone");
    await shots(other, "student-name-taken");

    await teacher.click("#class-start");
    // The dashboard opens on the map once the game runs; this lesson is run from the class view (roster, timer, every control).
    await teacher.click("#view-class");
    await teacher.waitForSelector("#timer-seconds");
    await ana.waitForSelector("#game #action-list button[data-action]");
    await cy.waitForSelector("#game #action-list button[data-action]");

    // Cy, who joined from the menu, reloads, and comes back to the menu's "Join a class": the seat is there both times.
    await cy.reload();
    await cy.waitForSelector("#game #action-list button[data-action]");
    expect(await cy.textContent("#student-heading")).toContain("Russia");
    await cy.goto(`${url}/?class=`);
    await cy.waitForSelector("#game #action-list button[data-action]");
    expect(await cy.textContent("#student-heading")).toContain("Russia");

    // Round 1: Ana and Bo draft for China together and never submit; Russia's team drafts nothing. The timer runs out.
    await ana.locator("#action-list button[data-action]").first().click();
    await bo.waitForSelector("#plan li");
    await bo.locator("#action-list button[data-action]").nth(1).click();
    await poll(() => ana.locator("#plan li").count()).toBe(2);
    await poll(() => draftOf(teacher, "china")).toContain("Draft by Bo");
    await shots(bo, "student-draft");
    await teacher.fill("#timer-seconds", "2");
    await teacher.click("#timer-set");
    await expect.poll(() => !!ordersOf(code, 1).china && !!ordersOf(code, 1).russia, { timeout: 20_000 }).toBe(true);
    // No more countdowns for this lesson: the rest is driven by the teacher.
    await teacher.fill("#timer-seconds", "0");
    await teacher.click("#timer-set");
    const round1 = ordersOf(code, 1);
    expect(round1.china!.length).toBe(2);
    expect(round1.russia).toEqual([]);
    await ana.click("#tab-log");
    await poll(() => ana.textContent("#panel-log")).toContain("China's team did not submit: its shared draft was played at the deadline (2 orders; none dropped)");
    expect(await ana.textContent("#panel-log")).toContain("Russia's team had no orders at the deadline");
    await shots(ana, "student-log-draft-played");

    // Round 2: the teacher closes each phase with Advance; Russia's team drafts and does not submit, and its draft is played.
    for (let i = 0; i < 20 && !/Round 2 of \d+ · Orders/.test((await teacher.textContent("#dash-status")) ?? ""); i++) {
      if (!/Round 2/.test((await teacher.textContent("#dash-status")) ?? "")) await teacher.click("#class-advance");
      await teacher.waitForTimeout(300);
    }
    await expect.poll(() => teacher.textContent("#dash-status"), { timeout: 20_000 }).toMatch(/Round 2 of \d+ · Orders/);
    await cy.click("#tab-orders");
    await cy.waitForSelector("#game #action-list button[data-action]");
    await cy.locator("#action-list button[data-action]").first().click();
    await poll(() => draftOf(teacher, "russia")).toContain("Draft by Cy");
    // Pause stops the clock and submissions, not thinking: Dee adds to the draft while paused.
    await teacher.click("#class-pause");
    await dee.waitForSelector("#class-paused");
    await dee.locator("#action-list button[data-action]").nth(1).click();
    await poll(() => draftOf(teacher, "russia")).toContain("Draft by Dee");
    await shots(dee, "student-paused-drafting");
    await teacher.click("#class-resume");
    await dee.waitForSelector("#class-paused", { state: "detached" });
    await shots(teacher, "teacher-round-2");
    await teacher.click("#class-advance");
    await expect.poll(() => ordersOf(code, 2).russia?.length ?? -1, { timeout: 20_000 }).toBe(2);
    await cy.click("#tab-log");
    await poll(() => cy.textContent("#panel-log")).toContain("Russia's team did not submit: its shared draft was played at the deadline (2 orders");

    // Cy's tablet is flat: the teacher lets Cy join from the other browser, which then gets the seat; the old screen is told.
    await teacher.click('button[data-device-for="Cy"]');
    await poll(() => teacher.textContent('#roster tr[data-student="Cy"]')).toContain("may join from a new device");
    await other.click("#student-join");
    await other.waitForSelector("#student-heading");
    await poll(() => other.textContent("#student-heading")).toContain("Russia");
    await poll(() => cy.textContent("#student-heading")).toContain("another device");
    await poll(() => teacher.textContent('#roster tr[data-student="Cy"]')).toContain("joined from a new device");
    await shots(teacher, "teacher-new-device");

    // The teacher key: hidden until asked for; with the code, it reopens the class from another browser.
    expect(await teacher.isVisible("#teacher-key")).toBe(false);
    await teacher.click("#show-key");
    expect(await teacher.isVisible("#teacher-key")).toBe(true);
    const key = (await teacher.textContent("#teacher-key"))!.trim();
    await shots(teacher, "teacher-key-shown");
    await teacher.click("#show-key");
    const colleague = await studentPage(await browser.newContext({ viewport: SMALL }), errors);
    await colleague.goto(`${url}/?teach`);
    await colleague.fill("#reopen-code", code);
    await colleague.fill("#reopen-key", key);
    await colleague.click("#reopen-class");
    // The game runs: the reopened dashboard opens on the map; the class view's code and teams are behind the switch.
    await colleague.waitForSelector("#game .map-area");
    expect((await colleague.textContent("#dash-code"))!.trim()).toBe(code);
    await poll(() => colleague.textContent("#teams [data-seat=china]")).toContain("Ana");

    // A source is cited as people cite it: authors, title, publisher, year; never the file's name.
    await ana.click("#news .news-card button.link");
    await ana.waitForSelector("#source-citation");
    const citation = (await ana.textContent("#source-citation"))!;
    expect(citation).toMatch(/“.+”, .*\d{4}$/);
    expect(citation).not.toMatch(/\.txt/);
    await shots(ana, "student-source");
    await ana.keyboard.press("Escape");

    // The teacher hands both teams to bots, which play the game out: teams and projector see the end screen.
    await teacher.click("#controller-russia");
    await teacher.click("#controller-china");
    for (const page of [ana, other, projector]) await page.waitForSelector("#end-screen", { timeout: 180_000 });
    for (const page of [ana, projector]) {
      expect(await page.textContent("#winner")).toMatch(/Winner/);
      expect(await page.textContent("#scores")).toMatch(/Ana, Bo/);
      expect(await page.textContent("#scores")).toMatch(/Cy, Dee/);
      expect(await page.locator("#scores .agenda-cell").count()).toBe(await page.locator("#scores tbody tr").count());
      expect(await page.textContent("#scores")).toMatch(/✔ met|✘ not met/);
      expect(await page.getAttribute("#end-debrief", "href")).toContain(`?debrief=${code}`);
    }
    await shots(ana, "student-end");
    await shots(projector, "projector-end");
    await projector.click("#end-debrief");
    await projector.waitForSelector("#debrief-mechanics blockquote");
    expect(await projector.textContent("#debrief-mechanics")).not.toMatch(/\.txt/);
    expect(await projector.textContent("#debrief-mechanics .citation")).toMatch(/\d{4}$/);
    await shots(projector, "debrief");
    expect(link).toContain(`?class=${code}`);

    const unexpected = errors.flat().filter((e) => !/Failed to load resource|WebSocket|name-taken|4003|replaced/i.test(e));
    expect(unexpected).toEqual([]);
  }, 900_000);

  it("the dashboard prints a note on how to reopen the class, with its code and key, and nothing else", async () => {
    const errors: string[][] = [];
    const teacher = await studentPage(await browser.newContext({ viewport: SMALL }), errors);
    await teacher.goto(`${url}/?teach`);
    await teacher.fill("#class-name", "History 9B");
    await teacher.click("#create-class");
    await teacher.waitForSelector("#dash-code");
    const code = (await teacher.textContent("#dash-code"))!.trim();
    // The browser's print dialog is not part of the test: printing is recorded, the note stays up to be photographed.
    await teacher.evaluate(() => { window.print = () => { document.body.dataset.printed = "yes"; }; });
    await teacher.click("#print-key");
    await poll(() => teacher.evaluate(() => document.body.dataset.printed)).toBe("yes");
    expect((await teacher.textContent("#note-code"))!.trim()).toBe(code);
    expect((await teacher.textContent("#note-key"))!.trim().length).toBeGreaterThan(20);
    expect(await teacher.textContent("#reopen-note")).toContain("Reopen a class");
    await teacher.emulateMedia({ media: "print" });
    expect(await teacher.isVisible("#reopen-note")).toBe(true);
    expect(await teacher.isVisible("#dash-code")).toBe(false);
    await shots(teacher, "teacher-reopen-note-print");
    expect(errors.flat()).toEqual([]);
  }, 300_000);
});
