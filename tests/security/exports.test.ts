import { describe, expect, it } from "vitest";
import { BOTS, playGame } from "../../shared/bots/play.ts";
import { buildDebrief } from "../../shared/debrief/build.ts";
import { ID_WORDS, csvCell, roundsCsv, timelineCsv } from "../../shared/debrief/export.ts";

/* CSV exports open in spreadsheets: a text cell must never run there as a formula, while numbers stay numbers. */

describe("CSV exports", () => {
  it("prefix every text cell that a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2 points")).toBe("'-2 points");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    // Ordinary text, and numbers (negative ones too), are written as they are.
    expect(csvCell("Russia lends")).toBe("Russia lends");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(true)).toBe("true");
  });

  it("in a whole debrief: a hostile event kind is defused, scores below zero stay numbers", () => {
    const { state, inputs } = playGame({ length: "short" }, 7, BOTS.baseline);
    const d = buildDebrief({ options: { length: "short" }, seed: 7, inputs });
    expect(d.rounds).toBe(state.round);
    const seat = d.scores[0]!.seat;
    const hostile = {
      ...d,
      timeline: [{ ...d.timeline[0]!, kind: "=cmd|' /C calc'!A0" }],
      series: { ...d.series, scores: { ...d.series.scores, [seat]: d.series.scores[seat]!.map(() => -3) } },
    };
    expect(timelineCsv(hostile).split("\r\n")[1]).toMatch(/^\d+,\d+,'=cmd\|' \/C calc'!A0,/);
    const rows = roundsCsv(hostile).trimEnd().split("\r\n");
    const column = rows[0]!.split(",").indexOf(`${seat} score`);
    expect(column).toBeGreaterThan(0);
    for (const row of rows.slice(1)) expect(row.split(",")[column]).toBe("-3");
  });
});
