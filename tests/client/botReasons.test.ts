import { afterAll, describe, expect, it } from "vitest";
import { reasonLine } from "../../client/review/botReasons.ts";
import { LANGUAGES, t, useLanguage } from "../../client/i18n/strings.ts";
import type { SeatReason } from "../../shared/protocol/classroom.ts";

/*
 * The teacher's map shows, beside each bot seat, the reason it gave for its last orders: the class room keeps it in
 * the seat's secret as ids and numbers, and the teacher's screen words it in the page's language.
 */

const kept = (reason: SeatReason) => JSON.stringify(reason);

afterAll(() => useLanguage("en"));

describe("a bot seat's kept reason, as the teacher reads it", () => {
  it.each(LANGUAGES)("is a sentence naming the seat and what it did, with its round (%s)", async (lang) => {
    await useLanguage(lang);
    const line = reasonLine(kept({ round: 2, params: { seat: "china", why: "orders.invest", action: "invest", target: "kyrgyzstan", capacity: 3 } }));
    expect(line!.round).toBe(2);
    expect(line!.text).toContain(t("seat.china"));
    expect(line!.text).not.toMatch(/orders\.|answer\.|why\.|\{\{/);
    const none = reasonLine(kept({ round: 3, params: { seat: "kazakhstan", why: "orders.none", funds: 2 } }));
    expect(none!.text).toContain(t("seat.kazakhstan"));
    expect(none!.text).not.toMatch(/orders\.|\{\{/);
  });

  it("is nothing for a seat without one, or for text that is not a kept reason", () => {
    expect(reasonLine("")).toBeNull();
    expect(reasonLine(undefined)).toBeNull();
    expect(reasonLine("{not json")).toBeNull();
    expect(reasonLine(JSON.stringify({ round: 1 }))).toBeNull();
    expect(reasonLine(JSON.stringify({ round: "1", params: { why: "orders.none", seat: "china" } }))).toBeNull();
    expect(reasonLine(JSON.stringify({ round: 1, params: { seat: "china" } }))).toBeNull();
  });
});
