import { describe, expect, it } from "vitest";
import { contentEn } from "../../client/i18n/content-en.ts";
import { replay, type GameRecord } from "../../shared/engine/index.ts";
import { newClass, student, until } from "../classroom/helpers.ts";
import { shot, watchErrors } from "./support/browser.ts";
import { serverStage } from "./support/stage.ts";

/*
 * A public replay link in the browser: the teacher's debrief of a finished class game makes its replay public and
 * shows the link; the link opens the replay viewer for a browser with no key, in the public view, with no agenda
 * shown before the game's end. Screenshots at 1366×768 and 1920×1080.
 */

const stage = serverStage(240_000);

// An agenda shows as its sentence, its title in quotes (the end's log line) or after "Secret agenda:" (goals). A bare title
// is no sign: some ("Connectivity", "Neutrality") are also words of actions' log lines.
const agendaForms = Object.values(contentEn.agenda).flatMap((a) => [a.description, `"${a.title}"`, `“${a.title}”`, `Secret agenda: ${a.title}`]);

describe("public replay link", () => {
  it("the teacher makes a finished class game's replay public; the link shows it to anyone, agendas only at the end", async () => {
    const ws = stage.url.replace(/^http/, "ws");
    const { code, key, teacher } = await newClass(ws, { mode: "powers" });
    const ana = await student(ws, code, "Ana");
    expect(await teacher.request("assign", { name: "Ana", seat: "china" })).toEqual({ ok: true });
    expect(await teacher.request("startClass", {})).toEqual({ ok: true });
    expect(await teacher.request("setSeatController", { seat: "china", controller: "bot" })).toEqual({ ok: true });
    await until("game over", () => teacher.state()?.phase === "ended", 90_000);
    for (const l of [ana, teacher]) await l.stop();

    const before = await fetch(`${stage.url}/api/replay/${"A".repeat(32)}`);
    expect(before.status).toBe(404);

    for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
      const context = await stage.browser.newContext({ viewport: { width, height } });
      context.setDefaultTimeout(90_000);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${stage.url}/`);
      await page.evaluate((t) => localStorage.setItem("ngg.class.teacher", JSON.stringify(t)), { code, key });
      await page.goto(`${stage.url}/?debrief=${code}`);
      await page.click("#make-replay-public");
      await page.waitForSelector("#public-replay-link");
      const link = await page.inputValue("#public-replay-link");
      expect(link).toMatch(new RegExp(`\\?replay=[A-Za-z0-9_-]{32}$`));
      await page.locator("#public-replay").scrollIntoViewIfNeeded();
      await shot(page, `public-replay-debrief-${width}`);

      // Anyone: a fresh browser context with no key.
      const visitor = await stage.browser.newContext({ viewport: { width, height } });
      visitor.setDefaultTimeout(90_000);
      const view = await visitor.newPage();
      const visitorErrors = watchErrors(view);
      await view.goto(link);
      await view.waitForSelector("#replay-controls");
      const record = (await (await fetch(`${stage.url}/api/replay/${link.split("=")[1]}`)).json()) as { record: GameRecord };
      expect(replay(record.record).phase).toBe("ended");
      // Seen by the public with no seat to choose: the analysis box says why it has nothing to analyse, with no dead button.
      expect(await view.isVisible("#review-run")).toBe(false);
      expect(await view.textContent("#review-no-seat")).toContain("needs their seat");
      expect(await view.textContent("#replay-analysis")).not.toContain("Choose a seat");
      // A mid-game moment: no agenda on the screen, in any of the forms it takes, nor a secret cell.
      await view.click("#replay-next");
      for (let i = 0; i < 12; i++) await view.keyboard.press("ArrowRight");
      const mid = await view.evaluate(() => document.querySelector("#game")!.textContent ?? "");
      for (const form of agendaForms) expect(mid).not.toContain(form);
      expect(await view.locator("#game [data-secret], #game .agenda-cell").count()).toBe(0);
      await shot(view, `public-replay-viewer-${width}`);
      // At the end every agenda is public, and the same forms find them.
      await view.click("#replay-last");
      const end = await view.evaluate(() => document.querySelector("#game")!.textContent ?? "");
      const ended = replay(record.record);
      for (const seat of ended.seatOrder) {
        const a = contentEn.agenda[ended.seats[seat]!.agenda as keyof typeof contentEn.agenda];
        expect([`"${a.title}"`, `“${a.title}”`].some((form) => end.includes(form)), `${seat}'s agenda at the end`).toBe(true);
      }
      expect(visitorErrors).toEqual([]);
      expect(errors).toEqual([]);
      await visitor.close();
      await context.close();
    }
  }, 400_000);
});
