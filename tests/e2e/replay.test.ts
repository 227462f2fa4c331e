import { describe, expect, it } from "vitest";
import { contentEn } from "../../client/i18n/content-en.ts";
import type { Page } from "playwright-core";
import { AGENDA_BY_ID } from "../../shared/content/index.ts";
import { levelPlayer, playGame } from "../../shared/bots/play.ts";
import { RULES_VERSION, fullPar, parFor, replaySteps, viewFor, type GameRecord, type Seat } from "../../shared/engine/index.ts";
import { PAR } from "../../shared/engine/rules.ts";
import { ReplayConnection } from "../../client/review/replayConnection.ts";
import { shot, watchErrors } from "./support/browser.ts";
import { staticStage } from "./support/stage.ts";

/*
 * The replay viewer on a finished solo game: the browser holds the game's record (a save of a game played to its
 * end by bots, as a finished solo game leaves it), the end screen opens the replay, and the test steps through it
 * by keyboard and buttons, checking a mid-game moment against the engine's own replay of the same record and that
 * nothing of another seat's secrets shows before the end (while at the end it does).
 */

const stage = staticStage();

const seat: Seat = "kyrgyzstan";
const setup = { playerName: "Dana", seat, botLevel: "normal", length: "short", mode: "full", startYear: 2016, west: true } as const;
const options = { mode: setup.mode, length: setup.length, startYear: setup.startYear, west: setup.west, seats: { [seat]: "human" as const } };
const game = playGame(options, 20261204, levelPlayer("normal"));
const steps = [...replaySteps({ options, seed: 20261204, inputs: game.inputs }, { digests: true })];
const record: GameRecord = { options, seed: 20261204, inputs: game.inputs, rulesVersion: RULES_VERSION, digests: steps.slice(1).map((s) => s.digest) };

/** Opens the page on the end screen of a finished solo game held in the browser's storage. */
async function openEnd(page: Page, save: { setup: object; record: GameRecord } = { setup, record }): Promise<void> {
  await page.goto(`${stage.url}/?botDelay=0&feedDelay=5`);
  await page.waitForSelector("#start-solo");
  await page.evaluate((s) => localStorage.setItem("ngg.solo.v1", JSON.stringify(s)), save);
  await page.reload();
  await page.waitForSelector("#end-screen");
}

/** Opens the page with the finished game in the browser's storage, and the replay from its end screen. */
async function openReplay(page: Page): Promise<void> {
  await openEnd(page);
  await page.click("#open-replay");
  await page.waitForSelector("#replay-controls");
}

const stepOf = (page: Page) => page.evaluate(() => Number(document.body.dataset.replayStep));
/** Text of the replay's screen only (the end screen it covers is still in the page, hidden). */
const screenText = (page: Page) => page.evaluate(() => document.querySelector("#game")!.textContent ?? "");

/** An agenda's title as the English page shows it. */
const agendaTitle = (id: string): string => contentEn.agenda[id as keyof typeof contentEn.agenda].title;

describe("replay viewer", () => {
  it("steps through a finished game, showing each moment as the engine's replay has it, with no other seat's secret before the end", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    await openReplay(page);
    expect(await stepOf(page)).toBe(0);
    expect(await page.textContent("#round")).toContain("Round 1 of 6");

    // Keys: ↓ goes a round on, → a step, ← a step back, ↑ back to the round's first step.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const roundStart = await stepOf(page);
    expect(steps[roundStart]!.state.round).toBe(3);
    expect(steps[roundStart - 1]!.state.round).toBe(2);
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    const k = await stepOf(page);
    expect(k).toBe(roundStart + 3);
    await page.keyboard.press("ArrowUp");
    expect(await stepOf(page)).toBe(roundStart);
    await page.click("#replay-next");
    await page.click("#replay-next");
    await page.click("#replay-next");
    expect(await stepOf(page)).toBe(k);

    // The moment on screen is the engine's replay at step k, seen by the player's seat.
    const view = viewFor(steps[k]!.state, seat);
    expect(await page.textContent("#round")).toContain(`Round ${view.round} of 6`);
    expect(await page.textContent("#year")).toContain(String(view.global.year));
    expect(await page.textContent("#track-tension")).toContain(String(view.global.tension));
    const me = view.seats.find((s) => s.seat === seat)!;
    expect(await page.textContent("#me")).toContain(`${me.funds}`);
    expect(await page.textContent("#me")).toContain(`${me.score}`);
    await page.keyboard.press("2");
    await expect.poll(() => page.textContent("#detail-stability")).toBe(`${view.countries[seat].stability} / 10`);
    await page.keyboard.press("Escape");
    const expected = new ReplayConnection(record, seat, seat, () => undefined);
    expected.go(k);
    expect(await page.locator("#panel-log li").count()).toBe(expected.events().length);
    expect(await page.textContent("#replay-position")).toContain(`step ${k} of ${steps.length - 1}`);
    // One language picker on the screen (the top bar's), not the page's corner one over it.
    expect(await page.locator("select[aria-label]").filter({ has: page.locator("option[value=ru]") }).evaluateAll((els) => els.filter((e) => (e as HTMLElement).checkVisibility()).length)).toBe(1);
    await shot(page, "replay-1366x768");

    // No other seat's secret agenda anywhere on the screen before the end; the player's own is there.
    // An agenda shows after "secret agenda" (the log's "fulfilled its secret agenda “…”" at the end) or "Secret agenda:"
    // (goals). Its title alone is not enough: an action may share it (China plays “Digital Silk Road”).
    const shows = (text: string, title: string) => [`secret agenda "${title}"`, `secret agenda “${title}”`, `Secret agenda: ${title}`].some((form) => text.includes(form));
    const others = game.state.seatOrder.filter((s) => s !== seat).map((s) => agendaTitle(game.state.seats[s]!.agenda));
    const own = agendaTitle(game.state.seats[seat]!.agenda);
    const secrets = [...new Set(others.filter((title) => title !== own))];
    expect(secrets.length).toBeGreaterThan(0);
    for (let s = 0; s < steps.length - 1; s += 7) {
      while ((await stepOf(page)) < s) await page.keyboard.press("ArrowRight");
      while ((await stepOf(page)) > s) await page.keyboard.press("ArrowLeft");
      const text = await screenText(page);
      for (const title of secrets) expect(shows(text, title), `step ${s}: ${title}`).toBe(false);
      expect(shows(text, own), `step ${s}: own agenda`).toBe(true);
    }
    // The public view shows not even the player's own.
    await page.selectOption("#replay-viewer", "spectator");
    expect(shows(await screenText(page), own)).toBe(false);
    await page.selectOption("#replay-viewer", seat);
    expect(shows(await screenText(page), own)).toBe(true);
    // At the end every agenda is public: the same check finds them.
    await page.click("#replay-last");
    expect(await stepOf(page)).toBe(steps.length - 1);
    const end = await screenText(page);
    for (const title of secrets) expect(shows(end, title), title).toBe(true);

    // Closing goes back to the end screen.
    await page.click("#replay-close");
    await page.waitForSelector("#replay-controls", { state: "detached" });
    expect(await page.isVisible("#end-screen")).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it("analyses the player's decisions in a worker and lists the turning points; screenshots at three sizes", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = watchErrors(page);
    await openReplay(page);
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.click("#review-run");
    await page.waitForFunction(() => document.body.dataset.reviewReady === "true", undefined, { timeout: 220_000 });
    expect(workers.some((url) => url.includes("reviewWorker"))).toBe(true);
    const status = await page.textContent("#review-status");
    const decisions = record.inputs.filter((i) => i.type !== "close" && i.seat === seat).length;
    expect(status).toContain(`${decisions} decisions analysed`);
    const turning = await page.locator("#turning-points li").count();
    expect(status).toContain(`${turning} turning point`);
    if (turning > 0) {
      const first = page.locator("#turning-points li button").first();
      const to = Number(await first.getAttribute("data-step"));
      await first.click();
      expect(await stepOf(page)).toBe(to);
      expect(await page.textContent("#review-here")).toMatch(/cost about [\d.]+ points against par/);
      expect(await page.textContent("#turning-points")).toMatch(/^Round \d+: /);
    }
    await shot(page, "replay-1920x1080");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => window.innerWidth === 390 && document.querySelector("#replay-controls")!.getBoundingClientRect().width <= 390);
    await shot(page, "replay-390x844");
    // Back on the end screen, the player's turning points are there (printable with the page).
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.click("#replay-close");
    await page.waitForSelector("#end-turning #debrief-turning");
    expect(await page.locator("#end-turning #debrief-turning li").count()).toBe(turning);
    await page.locator("#end-turning").scrollIntoViewIfNeeded();
    await shot(page, "replay-end-turning");
    // The analysis is kept with the record: opened again, it is there at once.
    await page.click("#open-replay");
    await page.waitForFunction(() => document.body.dataset.reviewReady === "true", undefined, { timeout: 5_000 });
    expect(await page.textContent("#review-status")).toContain(`${decisions} decisions analysed`);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it("a game against easy or hard bots ends with its own par where its table has one (Russia in Great Powers at easy and hard tables, Uzbekistan in a Full standard game at a hard one), and says why; a normal table's end says nothing of it", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    const hardSetup = { ...setup, seat: "russia", botLevel: "hard", mode: "powers" } as const;
    const hardOptions = { mode: "powers", length: "short", startYear: 2016, west: true, seats: { russia: "human" }, botLevel: "hard" } as const;
    // Played by the quick baseline bots: the par shown depends on the table's level, not on who played.
    const hardGame = playGame(hardOptions, 8, levelPlayer("baseline"));
    expect(hardGame.state.stats.roundsScored).toBe(6);
    await openEnd(page, { setup: hardSetup, record: { options: hardOptions, seed: 8, inputs: hardGame.inputs } });
    const parOf = (s: Seat) => page.textContent(`#scores tr:has(td[data-seat=${s}]) td:nth-child(4)`);
    expect(fullPar("russia", hardOptions)).not.toBe(PAR.powers.russia.short);
    expect(await parOf("russia")).toBe(String(fullPar("russia", hardOptions)));
    expect(await parOf("china")).toBe(String(fullPar("china", hardOptions)));
    expect(await page.textContent("#par-at-table")).toContain("Hard");
    await shot(page, "end-hard-table");
    await openEnd(page);
    expect(await page.locator("#par-at-table").count()).toBe(0);
    // A Full standard game at a hard table: Uzbekistan's par is the hard table's, and the note says why in Full terms.
    const fullOptions = { mode: "full", length: "standard", startYear: 2016, west: true, seats: { russia: "human" }, botLevel: "hard" } as const;
    const fullGame = playGame(fullOptions, 8, levelPlayer("baseline"));
    const rounds = fullGame.state.stats.roundsScored;
    await openEnd(page, { setup: { ...setup, seat: "russia", botLevel: "hard", length: "standard" }, record: { options: fullOptions, seed: 8, inputs: fullGame.inputs } });
    expect(parFor("uzbekistan", rounds, fullOptions)).toBeGreaterThan(parFor("uzbekistan", rounds, { ...fullOptions, botLevel: "normal" }));
    expect(await parOf("uzbekistan")).toBe(String(parFor("uzbekistan", rounds, fullOptions)));
    expect(await parOf("china")).toBe(String(parFor("china", rounds, { ...fullOptions, botLevel: "normal" })));
    expect(await page.textContent("#par-at-table")).toContain("some seats score more on average");
    await shot(page, "end-hard-table-full");
    // A Great Powers game at an easy table: Russia's par is the easy table's, and the note names the easy bots.
    const easyOptions = { ...hardOptions, botLevel: "easy" } as const;
    const easyGame = playGame(easyOptions, 8, levelPlayer("baseline"));
    await openEnd(page, { setup: { ...hardSetup, botLevel: "easy" }, record: { options: easyOptions, seed: 8, inputs: easyGame.inputs } });
    const easyRounds = easyGame.state.stats.roundsScored;
    expect(parFor("russia", easyRounds, easyOptions)).toBeGreaterThan(parFor("russia", easyRounds, { ...easyOptions, botLevel: "normal" }));
    expect(await parOf("russia")).toBe(String(parFor("russia", easyRounds, easyOptions)));
    expect(await page.textContent("#par-at-table")).toContain("Easy");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
