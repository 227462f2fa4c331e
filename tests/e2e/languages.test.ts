import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../server/main.ts";
import { testSeeds } from "../server/seeds.ts";
import type { Page } from "playwright-core";
import { shot, watchErrors } from "./support/browser.ts";
import { DIST } from "./support/build.ts";
import { staticStage } from "./support/stage.ts";
import { playUntil } from "./support/play.ts";

/*
 * The game in Russian and Kazakh: chosen by ?lang=, remembered, switched with the picker; a short solo game played
 * through the interface, and every visible text of each screen in the language. Quotations from the articles are
 * marked lang="en" (the original) and are left out; so are the few proper nouns written in Latin letters.
 */

const stage = staticStage();

/** Latin-script words a Russian or Kazakh screen may show: proper nouns and file formats, and the keys named by their letter. */
const ALLOWED = new Set(["Huawei", "HQ-9", "CSV", "JSON", "QR", "Esc", "O", "I", "L", "R", "C", "W", "PUBLIC_URL", "localhost", "README"]);

/** The visible text of the page, leaving out what is marked as English (the articles' quotations, the picker's "English"). */
async function visibleText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      if (el.closest("script,style,[hidden]") || el.closest("[lang]")?.getAttribute("lang") === "en") continue;
      // Match and class codes are letters and digits by design.
      if (el.closest("#projector-code, #dash-code, #match-code, .code")) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      out.push(n.textContent.trim());
    }
    // Buttons' and fields' own words: placeholders and values shown.
    for (const i of document.querySelectorAll<HTMLInputElement>("input[placeholder]")) if (i.checkVisibility()) out.push(i.placeholder);
    return out.join("\n");
  });
  // Addresses (join links) are not words.
  return text.replace(/https?:\/\/\S+/g, " ").replace(/\S*\/\?\S+/g, " ");
}

function latinWords(text: string): string[] {
  // Match and class codes are letters and digits by design (ABCD12, or 4DTXAC: a code may begin with a digit, so words
  // are taken whole, digits included, and only those with a Latin letter count).
  return [...new Set((text.match(/[A-Za-z0-9][A-Za-z0-9+-]*/g) ?? []).filter((w) => /[A-Za-z]/.test(w) && !ALLOWED.has(w) && !/^[A-Z0-9]{6}$/.test(w)))];
}

async function expectInLanguage(page: Page, what: string): Promise<string> {
  const text = await visibleText(page);
  expect(text.length, what).toBeGreaterThan(20);
  expect(latinWords(text), `${what}: Latin-script words on the screen`).toEqual([]);
  expect(/[А-Яа-яЁё]/.test(text), `${what}: Cyrillic text`).toBe(true);
  return text;
}

/** Text that overflows its box: buttons, tabs, cards and the orders panel's lines. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>("button, .tabs a, .tabs button, .news-card h3, .action h3, .action .cost, .topbar .track .name, .topbar .val, .me span, .me strong, label, select, summary, th")]
    .filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "visible" || (el.checkVisibility() && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow === "ellipsis"))
    .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}: ${el.textContent?.trim().slice(0, 40)}`));
}

const ROUND2: Record<string, string> = { ru: "Раунд 2 ", kk: "2-і" };
const KAZAKHSTAN: Record<string, string> = { ru: "Казахстан", kk: "Қазақстан" };
const CHINA: Record<string, string> = { ru: "Китай", kk: "Қытай" };
const WINNER: Record<string, RegExp> = { ru: /Победител/, kk: /Жеңімпаз/ };

describe.each(["ru", "kk"])("the game in %s", (lang) => {
  it("plays a short solo game with every screen in the language", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    // Only the chosen language's file is fetched.
    const fetched: string[] = [];
    page.on("request", (r) => { if (r.url().endsWith(".js")) fetched.push(r.url()); });
    await page.goto(`${stage.url}/?lang=${lang}&botDelay=0&feedDelay=5&seed=20261204`);
    await page.waitForSelector("#start-solo");
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    expect(await page.title()).not.toMatch(/[A-Za-z]/);
    expect(await page.inputValue("#lang-picker")).toBe(lang);
    const other = lang === "ru" ? "kk" : "ru";
    expect(fetched.some((u) => new RegExp(`/${lang}-[\\w-]+\\.js$`).test(u)), fetched.join(" ")).toBe(true);
    expect(fetched.some((u) => new RegExp(`/${other}-[\\w-]+\\.js$`).test(u)), fetched.join(" ")).toBe(false);
    await expectInLanguage(page, "menu");
    await shot(page, `lang-${lang}-1-menu`);

    await page.check("input[name=solo-seat][value=china]");
    await page.selectOption("#solo-length", "short");
    await page.click("#start-solo");
    await page.waitForSelector("#submit-orders");
    // The guided tour may offer itself: skip it.
    const skip = page.locator("#guide-skip, [data-guide=skip]");
    if (await skip.count()) await skip.first().click();
    expect(await page.textContent("#me")).toContain(CHINA[lang]);
    await page.keyboard.press("1");
    await expect.poll(() => page.textContent("#state-details")).toContain(KAZAKHSTAN[lang]);
    await expectInLanguage(page, "board with a state's details");
    await shot(page, `lang-${lang}-2-board`);
    await page.keyboard.press("Escape");

    // Orders up to the budget: each Add that waits says why, in the language.
    const adds = page.locator("#action-list button[data-action]:not([disabled])");
    for (let i = 0; i < 6 && (await adds.count()) > 0; i++) await adds.first().click();
    expect(await page.locator("#plan li").count()).toBeGreaterThan(1);
    const reasons = await page.locator("#action-list .reason").allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.flatMap(latinWords)).toEqual([]);
    await expectInLanguage(page, "orders panel");
    expect(await overflowing(page)).toEqual([]);
    await shot(page, `lang-${lang}-3-orders`);
    while ((await page.locator("#plan li").count()) > 1) await page.locator("#plan li button").last().click();
    await page.click("#submit-orders");

    // Round 2: the log and the inbox of round 1 read in the language.
    await playUntil([page], async () => (await page.textContent("#round") ?? "").includes(ROUND2[lang]!) && (await page.locator("#pass-orders:not([disabled])").count()) > 0, `lang-${lang}-stuck`);
    // The feed's lines are longer in these languages (a bot's reason is a whole sentence): the board beside the side
    // panel keeps its width, and the panel stays on the screen.
    expect(await page.evaluate(() => Math.round(document.querySelector(".side")!.getBoundingClientRect().right))).toBeLessThanOrEqual(1366);
    await page.click("#tab-log");
    const log = await expectInLanguage(page, "log");
    expect(log).toContain(KAZAKHSTAN[lang]);
    await shot(page, `lang-${lang}-4-log`);
    await page.click("#tab-inbox");
    await expectInLanguage(page, "inbox");
    await page.click("#tab-orders");

    // A source: the quotation is the original English, marked as such.
    await page.locator(".news-card button").first().click();
    await page.waitForSelector("dialog[open] .original-quote");
    expect(await page.getAttribute("dialog[open] .original-quote", "lang")).toBe("en");
    await expectInLanguage(page, "source dialog");
    await shot(page, `lang-${lang}-5-source`);
    await page.keyboard.press("Escape");

    await playUntil([page], async () => (await page.locator("#end-screen").count()) > 0, `lang-${lang}-end-stuck`);
    await page.waitForSelector("#end-screen[data-charts-ready=true]");
    expect(await page.textContent("#winner")).toMatch(WINNER[lang]!);
    await expectInLanguage(page, "end screen");
    // China's short par is a half point, written with the language's decimal comma (a browser without Kazakh
    // number data would write 27.5, as English does).
    expect(await page.textContent("#scores")).toContain("27,5");
    await shot(page, `lang-${lang}-6-end`);

    // On a phone the scores table folds each seat into a block; its headers ("Относительно нормы", "Нормаға
    // қарағанда") wrap between words inside their own columns instead of running into each other or off the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => innerWidth)).toBe(390);
    const fit = await page.evaluate(() => {
      const end = document.querySelector<HTMLElement>("#end-screen")!;
      const heads = [...document.querySelectorAll<HTMLElement>("#scores thead th")].filter((th) => th.checkVisibility());
      const boxes = heads.map((th) => th.getBoundingClientRect());
      return {
        pageScroll: document.documentElement.scrollWidth, endScroll: end.scrollWidth - end.clientWidth,
        heads: heads.length,
        overflowing: heads.filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent),
        overlapping: boxes.slice(1).filter((b, i) => b.left < boxes[i]!.right - 1).length,
        beyond: boxes.filter((b) => b.right > innerWidth).length,
      };
    });
    expect(fit).toEqual({ pageScroll: 390, endScroll: 0, heads: 4, overflowing: [], overlapping: 0, beyond: 0 });
    await shot(page, `lang-${lang}-6b-end-phone`);

    // Scrolled so the scores' headers reach the top of the screen, nothing covers them (the corner's language
    // picker floated over the last one); back at the top, the picker is there again.
    const covered = async () => page.evaluate(() => {
      const heads = [...document.querySelectorAll<HTMLElement>("#scores thead th")].filter((th) => th.checkVisibility());
      return heads.filter((th) => {
        const b = th.getBoundingClientRect();
        const y = b.top + b.height / 2;
        return [b.left + 4, (b.left + b.right) / 2, Math.min(b.right, innerWidth) - 4].some((x) => {
          const hit = document.elementFromPoint(x, y);
          return !hit || !th.contains(hit);
        });
      }).map((th) => th.textContent);
    });
    await page.evaluate(() => {
      const end = document.querySelector<HTMLElement>("#end-screen")!;
      // The first header, not the row: on a phone the table's rows are laid out by a grid and have no box of their own.
      const head = document.querySelector<HTMLElement>("#scores thead th")!;
      end.scrollTop += head.getBoundingClientRect().top - end.getBoundingClientRect().top - 2;
    });
    await expect.poll(covered).toEqual([]);
    await shot(page, `lang-${lang}-6c-end-phone-scrolled`);
    await page.evaluate(() => { document.querySelector<HTMLElement>("#end-screen")!.scrollTop = 0; });
    await expect.poll(() => page.locator("#lang-picker").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});

describe("choosing the language", () => {
  it("the picker switches it, the browser remembers it, and ?lang= wins over the memory", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${stage.url}/`);
    await page.waitForSelector("#start-solo");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await Promise.all([page.waitForURL(/lang=kk/), page.selectOption("#lang-picker", "kk")]);
    await page.waitForSelector("#start-solo");
    expect(await page.getAttribute("html", "lang")).toBe("kk");
    expect(await page.textContent("#start-solo")).toMatch(/[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі]/);
    // Remembered: the plain address opens in Kazakh.
    await page.goto(`${stage.url}/`);
    await page.waitForSelector("#start-solo");
    expect(await page.getAttribute("html", "lang")).toBe("kk");
    // The address wins.
    await page.goto(`${stage.url}/?lang=en`);
    await page.waitForSelector("#start-solo");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("#start-solo")).toBe("Start solo game");
    await page.close();
  }, 60_000);
});

describe("a class in two languages", () => {
  const dir = mkdtempSync(join(tmpdir(), "ngg-e2e-lang-class-"));
  let classServer: RunningServer | null = null;
  afterAll(async () => {
    await classServer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the teacher in Russian: the join link, projector and debrief carry it; one student keeps it, another chooses Kazakh", async () => {
    classServer = await startServer({ port: 0, dbPath: join(dir, "games.sqlite"), clientDir: DIST, graceSeconds: 30, nextSeed: testSeeds() });
    const url = `http://127.0.0.1:${classServer.port}`;
    const teacherContext = await stage.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const teacher = await teacherContext.newPage();
    const errors = [watchErrors(teacher)];
    await teacher.goto(`${url}/?lang=ru`);
    await teacher.click("#teach-class");
    await teacher.waitForSelector("#create-class");
    await expectInLanguage(teacher, "teacher: create a class");
    await teacher.fill("#class-name", "9Б");
    await teacher.click("#create-class");
    await teacher.waitForSelector("#dash-code");
    const code = (await teacher.textContent("#dash-code"))!.trim();
    const joinLink = (await teacher.getAttribute("#dash-link", "href"))!;
    expect(joinLink).toContain("lang=ru");
    expect(await teacher.getAttribute("#open-projector", "href")).toContain("lang=ru");
    expect(await teacher.getAttribute("#open-debrief", "href")).toContain("lang=ru");

    // The projector opens in the teacher's language.
    const projector = await teacherContext.newPage();
    await projector.goto(new URL((await teacher.getAttribute("#open-projector", "href"))!, teacher.url()).toString());
    await projector.waitForSelector("#projector-code");
    expect(await projector.getAttribute("html", "lang")).toBe("ru");
    await expectInLanguage(projector, "projector");
    await shot(projector, "lang-class-1-projector-ru");

    // Айгерим (nicknames are the students' own words) opens the teacher's link (Russian) and chooses Kazakh; Борис stays in Russian.
    const pages: Page[] = [];
    for (const [name, lang] of [["Айгерим", "kk"], ["Борис", "ru"]] as const) {
      const context = await stage.browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      errors.push(watchErrors(page));
      await page.goto(joinLink.replace(/^https?:\/\/[^/]+/, url));
      await page.waitForSelector("#student-join");
      expect(await page.getAttribute("html", "lang")).toBe("ru");
      if (lang === "kk") {
        await Promise.all([page.waitForURL(/lang=kk/), page.selectOption("#lang-picker", "kk")]);
        await page.waitForSelector("#student-join");
        expect(await page.getAttribute("html", "lang")).toBe("kk");
      }
      await expectInLanguage(page, `student ${name}: join`);
      await page.fill("#student-name", name);
      await page.click("#student-join");
      await page.waitForSelector("#student-heading");
      pages.push(page);
    }
    const [aigerim, boris] = pages as [Page, Page];
    await expect.poll(() => teacher.locator("#roster tr[data-student]").count()).toBe(2);
    for (const name of ["Айгерим", "Борис"]) await teacher.selectOption(`select[data-student="${name}"]`, "russia");
    await expect.poll(() => teacher.textContent("#teams [data-seat=russia]")).toContain("Борис");
    await expectInLanguage(teacher, "teacher dashboard");
    await shot(teacher, "lang-class-2-teacher-ru");
    await teacher.click("#class-start");

    // The team drafts in two languages: Aigerim adds an order in Kazakh, Boris sees it in Russian and submits.
    await aigerim.waitForSelector("#game #action-list button[data-action]");
    expect(await aigerim.textContent("#student-heading")).toContain("Ресей");
    expect(await boris.textContent("#student-heading")).toContain("Россия");
    await aigerim.locator("#action-list button[data-action]:not([disabled])").first().click();
    await boris.waitForSelector("#plan li");
    expect(await boris.textContent("#shared-plan")).toContain("Айгерим");
    await expectInLanguage(aigerim, "student in Kazakh: the team's draft");
    await expectInLanguage(boris, "student in Russian: the team's draft");
    expect(await overflowing(aigerim)).toEqual([]);
    await shot(aigerim, "lang-class-3-student-kk");
    await shot(boris, "lang-class-4-student-ru");
    const ordersOfRound1 = (await teacher.textContent("#dash-status")) ?? "";
    await boris.click("#submit-orders");
    // The only team is in: the round's orders close at once (bots play every other seat), or the team is marked as sent.
    await expect.poll(async () => ((await teacher.textContent("#teams [data-seat=russia]")) ?? "").includes("отправлено") || (await teacher.textContent("#dash-status")) !== ordersOfRound1, { timeout: 30_000 }).toBe(true);
    await projector.waitForSelector("#game .map-area");
    await expectInLanguage(projector, "projector: the game");
    // The teacher's dashboard shows the map once the game runs (quick controls, agendas and bots' reasons beside it), then the class view.
    await teacher.waitForSelector("#game .map-area");
    await expectInLanguage(teacher, "teacher: the map");
    await teacher.click("#view-class");
    await teacher.waitForSelector("#dash-code");
    await expectInLanguage(teacher, "teacher: the round");

    // The teacher's debrief (the key is in this browser) in the teacher's language.
    const debrief = await teacherContext.newPage();
    errors.push(watchErrors(debrief));
    await debrief.goto(new URL((await teacher.getAttribute("#open-debrief", "href"))!, teacher.url()).toString());
    await debrief.waitForSelector("#debrief-scores tbody tr, #debrief-error");
    if (await debrief.locator("#debrief-scores tbody tr").count()) {
      expect(await debrief.getAttribute("html", "lang")).toBe("ru");
      await expectInLanguage(debrief, "debrief");
      await shot(debrief, "lang-class-5-debrief-ru");
    } else {
      // Before the end the debrief is refused: in words, not a code.
      expect(await debrief.textContent("#debrief-error")).toMatch(/[А-Яа-я]/);
    }
    // The teacher switches to Kazakh on the dashboard: the page reloads in it, straight back to the dashboard.
    await Promise.all([teacher.waitForURL(/lang=kk/), teacher.selectOption("#lang-picker", "kk")]);
    await teacher.waitForSelector("#dash-code");
    expect(await teacher.getAttribute("html", "lang")).toBe("kk");
    expect((await teacher.textContent("#dash-code"))!.trim()).toBe(code);
    await expectInLanguage(teacher, "teacher dashboard after switching to Kazakh");
    await shot(teacher, "lang-class-6-teacher-kk");

    // An online match's lobby, in Kazakh.
    const hostContext = await stage.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const host = await hostContext.newPage();
    errors.push(watchErrors(host));
    await host.goto(`${url}/?lang=kk`);
    await host.waitForSelector("#create-online");
    await host.fill("#player-name", "Ерлан");
    await host.click("#create-online");
    await host.waitForSelector("#match-code");
    await expectInLanguage(host, "online lobby");
    await shot(host, "lang-kk-7-lobby");
    expect(errors.flat()).toEqual([]);
  }, 240_000);
});
