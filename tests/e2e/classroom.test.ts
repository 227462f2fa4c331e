import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../server/main.ts";
import { testSeeds } from "../server/seeds.ts";
import { launch, shot, watchErrors } from "./support/browser.ts";
import { DIST, ensureBuilt } from "./support/build.ts";

const dir = mkdtempSync(join(tmpdir(), "ngg-e2e-class-"));
const dbPath = join(dir, "games.sqlite");
let browser: Browser;
let server: RunningServer | null = null;

/** The same port and database every time, as a restarted server process would have. */
async function start(port = 0): Promise<string> {
  server = await startServer({ port, dbPath, clientDir: DIST, graceSeconds: 30, nextSeed: testSeeds() });
  return `http://127.0.0.1:${server.port}`;
}

beforeAll(async () => {
  await ensureBuilt();
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const STUDENTS = [["Ana", "russia"], ["Bo", "russia"], ["Cy", "china"], ["Dee", "china"]] as const;

describe("a class in the browser", () => {
  it("teacher, projector and four students: teams, a round of orders, pause, a server restart, the end and the debrief", async () => {
    const url = await start();
    const teacherContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    // Six pages and a server on a shared two-core machine: a page's first load can take longer than 30 s.
    teacherContext.setDefaultTimeout(90_000);
    const teacher = await teacherContext.newPage();
    const projector = await teacherContext.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    const errors = [watchErrors(teacher)];

    await teacher.goto(`${url}/`);
    await teacher.click("#teach-class");
    await teacher.waitForSelector("#create-class");
    await teacher.fill("#class-name", "History 9B");
    await teacher.click("#create-class");
    await teacher.waitForSelector("#dash-code");
    const code = (await teacher.textContent("#dash-code"))!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    await projector.goto(`${url}/?projector=${code}`);
    await projector.waitForSelector("#projector-code");
    expect((await projector.textContent("#projector-code"))!.trim()).toBe(code);
    expect(await projector.locator("#join-qr").count()).toBe(1);

    const students: Page[] = [];
    for (const [name] of STUDENTS) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      context.setDefaultTimeout(90_000);
      const page = await context.newPage();
      errors.push(watchErrors(page));
      await page.goto(`${url}/?class=${code}`);
      await page.fill("#student-name", name);
      await page.click("#student-join");
      await page.waitForSelector("#student-heading");
      students.push(page);
    }
    await expect.poll(() => teacher.locator("#roster tr[data-student]").count()).toBe(4);
    await shot(projector, "class-1-projector-lobby");

    for (const [name, seat] of STUDENTS) {
      await teacher.selectOption(`select[data-student="${name}"]`, seat);
      await expect.poll(() => teacher.textContent(`#teams [data-seat=${seat}]`)).toContain(name);
    }
    // Rename in place (no browser dialog): the teacher fixes a nickname in the roster; the student's page follows.
    await teacher.click('button[data-rename="Dee"]');
    await expect.poll(() => teacher.evaluate(() => document.activeElement?.id)).toBe("rename-input");
    await teacher.fill("#rename-input", "Dina");
    await shot(teacher, "class-2b-teacher-rename");
    await teacher.press("#rename-input", "Enter");
    await expect.poll(() => teacher.textContent("#teams [data-seat=china]")).toContain("Dina");
    expect(await teacher.textContent("#dash-done")).toContain("Dina");
    await expect.poll(() => students[3]!.textContent("#student-status")).toContain("Dina");
    // Removing asks in place too; Escape keeps the student.
    await teacher.click('button[data-remove="Ana"]');
    await teacher.waitForSelector("#remove-yes");
    await teacher.keyboard.press("Escape");
    await teacher.waitForSelector("#remove-yes", { state: "detached" });
    expect(await teacher.locator('#roster tr[data-student="Ana"]').count()).toBe(1);
    await shot(teacher, "class-2-teacher-teams");
    await teacher.click("#class-start");

    // Ana drafts for Russia; Bo sees the draft live and submits it for the team. Dee passes for China.
    const [ana, bo, cy, dee] = students as [Page, Page, Page, Page];
    // Teams play on the game screen itself: the map, the orders panel with the team's shared plan, inbox and log.
    await ana.waitForSelector("#game #action-list button[data-action]");
    expect(await ana.textContent("#student-heading")).toContain("Russia");
    await ana.locator("#action-list button[data-action]").first().click();
    await bo.waitForSelector("#plan li");
    expect(await bo.textContent("#shared-plan")).toContain("Ana");
    await shot(bo, "class-3-student-draft");
    await bo.click("#submit-orders");
    await ana.waitForSelector("#orders-sent");
    await expect.poll(() => teacher.textContent("#teams [data-seat=russia]")).toContain("submitted");
    // Once the game runs, the teacher's dashboard opens on the map, as the projector shows it, with the quick controls beside it.
    await teacher.waitForSelector("#game .map-area");
    expect(await teacher.isVisible("#dash-code")).toBe(false);
    await shot(teacher, "class-4-teacher-round");
    // The projector shows the board itself (map, tracks, news, feed) and still the join code while joining is open.
    await projector.waitForSelector("#game .map-area");
    expect(await projector.evaluate(() => document.body.dataset.screen)).toBe("game");
    expect(await projector.locator("#track-tension").count()).toBe(1);
    expect((await projector.textContent("#projector-code"))!.trim()).toBe(code);
    expect(await projector.locator("#panel-orders").count()).toBe(0);
    expect(await projector.textContent("#game .me")).toBe("Projector");
    expect(await projector.locator("#game .top-actions button").count()).toBe(0);
    await shot(projector, "class-5-projector-game");
    await dee.click("#pass-orders");
    // Both teams are in, so round 1's orders close (the bots never keep a phase open for long).
    await expect.poll(() => teacher.textContent("#dash-status"), { timeout: 30_000 }).not.toMatch(/Round 1 of \d+ · Orders/);

    // The teacher pauses from the map, then goes to the class view for the message and the rest of the lesson.
    await teacher.click("#map-pause");
    for (const page of [cy, projector, teacher]) await page.waitForSelector("#class-paused");
    await teacher.click("#view-class");
    await teacher.waitForSelector("#broadcast-text");
    await teacher.fill("#broadcast-text", "Discuss with your team: who holds the wallet?");
    await teacher.click("#broadcast-send");
    await cy.waitForSelector("#class-broadcast");
    await expect.poll(() => cy.textContent("#timer")).toContain("Paused");
    await projector.waitForSelector("#class-broadcast");
    await shot(cy, "class-6-student-paused");
    await shot(projector, "class-6b-projector-paused");
    await teacher.click("#class-resume");
    await cy.waitForSelector("#class-paused", { state: "detached" });
    const roundBefore = (await teacher.textContent("#dash-status"))!.split(" · ").slice(0, 2).join(" · ");

    // The server restarts on the same port and database; every screen finds its way back on its own.
    const port = server!.port;
    await server!.close();
    server = null;
    await ana.waitForSelector("#class-status");
    await start(port);
    for (const page of [teacher, projector, ana, bo, cy, dee]) await page.waitForSelector("#class-status", { state: "detached", timeout: 30_000 });
    expect((await teacher.textContent("#dash-status"))!).toContain(roundBefore);
    expect(await cy.textContent("#student-heading")).toContain("China");
    expect(await teacher.textContent("#teams [data-seat=russia]")).toContain("Bo");
    expect(await cy.textContent("#class-broadcast")).toContain("who holds the wallet");
    await shot(teacher, "class-7-teacher-after-restart");

    // To finish within the lesson, the teacher hands both teams to bots, which play the game out.
    await teacher.click("#controller-russia");
    await teacher.click("#controller-china");
    await teacher.waitForSelector("#debrief-link", { timeout: 120_000 });
    // Teams get the end screen with the debrief's link, not a frozen board.
    await ana.waitForSelector("#end-screen #end-debrief");
    await shot(ana, "class-8-student-end");

    const debrief = await teacherContext.newPage();
    errors.push(watchErrors(debrief));
    await debrief.goto(`${url}/?debrief=${code}`);
    await debrief.waitForSelector("#debrief-scores tbody tr");
    expect(await debrief.locator("#debrief-charts canvas").count()).toBe(4);
    expect(await debrief.locator("#debrief-mechanics blockquote").count()).toBeGreaterThan(0);
    expect(await debrief.locator("#debrief-timeline li").count()).toBeGreaterThan(10);
    await shot(debrief, "class-9-debrief");
    await debrief.emulateMedia({ media: "print" });
    await shot(debrief, "class-10-debrief-print");
    // Errors from the server's deliberate absence during the restart are expected (failed requests); nothing else.
    const unexpected = errors.flat().filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|WebSocket|409|not-open|has not opened/i.test(e));
    expect(unexpected).toEqual([]);
  }, 300_000);
});
