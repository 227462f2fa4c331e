import { afterAll, describe, expect, it } from "vitest";
import type { GameEvent } from "../../shared/engine/index.ts";
import { BOT_REASON } from "../../shared/review/seen.ts";
import { latestBotReasons, reasonText, withRemembered } from "../../client/review/botReasons.ts";
import { LANGUAGES, t, useLanguage } from "../../client/i18n/strings.ts";

/*
 * The teacher's map shows, beside each bot seat, the reason that seat gave last; a seat its team plays shows none.
 */

const reason = (round: number, seat: string, why: string, params: Record<string, string | number> = {}): GameEvent =>
  ({ kind: BOT_REASON, round, visibleTo: "all", params: { ...params, seat, why } });
const resolved = (round: number, seat: string): GameEvent => ({ kind: "actionResolved", round, visibleTo: "all", params: { seat, action: "invest" } });

const events: GameEvent[] = [
  resolved(1, "china"), reason(1, "china", "orders.invest", { target: "kyrgyzstan", capacity: 3 }),
  reason(1, "kazakhstan", "orders.none", { funds: 2 }),
  // Russia's team played round 2; in round 1 a bot had played the seat (the team handed back).
  reason(1, "russia", "orders.none", { funds: 4 }),
  resolved(2, "china"), reason(2, "china", "orders.none", { funds: 1 }),
  reason(2, "kazakhstan", "answer.crisisResponse.declineCost", { state: "tajikistan" }),
  resolved(2, "russia"),
];

afterAll(() => useLanguage("en"));

describe("bots' reasons beside each bot seat", () => {
  const bots = new Set(["china", "kazakhstan", "uzbekistan"]);

  it("keeps each bot seat's last reason, the newest round's, and none for a seat its team plays", () => {
    const latest = latestBotReasons(events, bots);
    expect([...latest.keys()].sort()).toEqual(["china", "kazakhstan"]);
    expect(latest.get("china")).toMatchObject({ round: 2, params: { why: "orders.none", funds: 1 } });
    expect(latest.get("kazakhstan")).toMatchObject({ round: 2, params: { why: "answer.crisisResponse.declineCost" } });
    // Russia gave a reason while a bot played it, but its team plays it now.
    expect(latest.has("russia")).toBe(false);
    // A bot seat that has said nothing yet has no entry (the panel says it will explain later).
    expect(latest.has("uzbekistan")).toBe(false);
  });

  it("ignores every other event, and a seat is a bot's only while the class says so", () => {
    expect(latestBotReasons([resolved(1, "china")], bots).size).toBe(0);
    expect(latestBotReasons(events, new Set(["russia"])).get("russia")).toMatchObject({ round: 1 });
    expect(latestBotReasons(events, new Set()).size).toBe(0);
  });

  it.each(LANGUAGES)("words each reason as a sentence naming the seat (%s)", async (lang) => {
    await useLanguage(lang);
    const texts = new Map([...latestBotReasons(events, bots)].map(([seat, e]) => [seat, reasonText(seat, e)]));
    const china = texts.get("china")!;
    expect(china.round).toBe(2);
    expect(china.text).toContain(t("seat.china"));
    expect(china.text).toContain("1");
    expect(texts.get("kazakhstan")!.text).toContain(t("seat.tajikistan"));
    for (const { text } of texts.values()) expect(text).not.toMatch(/orders\.|answer\.|why\.|\{\{/);
  });

  it("after a reload, what the tab remembered fills in for bot seats that have not spoken since; a fresh reason wins", () => {
    const remembered = latestBotReasons(events, new Set(["china", "kazakhstan", "russia"]));
    // After the reload: only Uzbekistan has spoken (round 3); China's and Kazakhstan's round-2 reasons come from memory.
    const fresh = latestBotReasons([reason(3, "uzbekistan", "orders.none", { funds: 0 }), reason(3, "china", "orders.none", { funds: 5 })], bots);
    const merged = withRemembered(fresh, remembered, bots, 3);
    expect([...merged.keys()].sort()).toEqual(["china", "kazakhstan", "uzbekistan"]);
    expect(merged.get("china")).toMatchObject({ round: 3, params: { funds: 5 } });
    expect(merged.get("kazakhstan")).toMatchObject({ round: 2 });
    // Russia's team plays it now: its remembered reason is not shown.
    expect(merged.has("russia")).toBe(false);
    // Remembered reasons from a later round than the game's belong to another game.
    expect(withRemembered(new Map(), remembered, bots, 1).size).toBe(0);
  });
});
