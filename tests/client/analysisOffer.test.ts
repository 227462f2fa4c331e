import { afterAll, describe, expect, it } from "vitest";
import { analysisOffer } from "../../client/review/analysisOffer.ts";
import { LANGUAGES, t, useLanguage } from "../../client/i18n/strings.ts";

/*
 * A replay's analysis box: a public replay (opened by its link, seen by the public, no seat to choose) says why there is
 * nothing to analyse and where a player finds it, instead of asking for a seat to be chosen above.
 */

afterAll(() => useLanguage("en"));

describe("a replay's analysis box", () => {
  it.each(LANGUAGES)("analyses the seat it is seen by, asks for one when there are seats, and says why not when there are none (%s)", async (lang) => {
    await useLanguage(lang);
    expect(analysisOffer("china", ["china"])).toEqual({ button: t("review.analysis.run", { seat: t("seat.china") }), enabled: true });
    expect(analysisOffer(null, ["china", "russia"])).toEqual({ button: t("review.analysis.chooseSeat"), enabled: false });
    const offer = analysisOffer(null, []);
    expect(offer).toEqual({ note: t("review.analysis.noSeat") });
    // It points at where a player finds the analysis (the end screen's replay button, in the reader's language), not at a choice.
    const note = (offer as { note: string }).note;
    expect(note).toContain(t("review.open"));
    expect(note).not.toContain(t("review.analysis.chooseSeat"));
    expect(note).not.toMatch(/\$t\(|\{\{/);
  });
});
