import { afterAll, describe, expect, it } from "vitest";
import { AGENDAS } from "../../shared/content/index.ts";
import { agendaProgress, applyInput, createGame, isState, objectives, type GameEvent, type GameState } from "../../shared/engine/index.ts";
import { conditionText, objectiveText, points, roundScore } from "../../client/panels/scoreText.ts";
import { eventText, signedNumber, useLanguage } from "../../client/i18n/strings.ts";

/** A short game closed phase by phase (every seat takes its default), with its whole log. */
function play(seed: number): { state: GameState; events: GameEvent[] } {
  let state = createGame({ length: "short" }, seed);
  const events = [...state.log];
  for (let i = 0; i < 300 && state.phase !== "ended"; i++) {
    const r = applyInput(state, { type: "close" });
    if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.params)}`);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

describe("scores in words", () => {
  it("round by round, the summary's parts add up to each seat's score, and to the numbers the log's lines show", () => {
    for (const seed of [1, 2, 3]) {
      const { state, events } = play(seed);
      for (const seat of state.seatOrder) {
        let sum = 0;
        for (let round = 1; round <= state.round; round++) {
          const r = roundScore(events, seat, round);
          expect(r.parts.reduce((n, p) => n + p.points, 0)).toBe(r.total);
          sum += r.total;
          // The log's lines for this seat and round carry the same points (yearly line with its parts, bonus lines).
          const lines = events.filter((e) => e.round === round && (e.kind === "scored" || e.kind === "scoreBonus") && e.params.seat === seat).map(eventText);
          const shown = lines.reduce((n, l) => n + Number((/scores (\d+) points? this year/.exec(l) ?? / \+(\d+) in /.exec(l))?.[1] ?? 0), 0);
          const rupture = events.some((e) => e.round === round && e.kind === "rupture") && (seat === "russia" || seat === "china");
          const agenda = r.parts.find((p) => p.category === "agenda")?.points ?? 0;
          if (!rupture) expect(shown + agenda).toBe(r.total);
        }
        expect(sum).toBe(state.seats[seat]!.score);
      }
    }
  });

  it("says each objective's progress with numbers and names", () => {
    const state = createGame({ length: "short" }, 4);
    const russia = objectives(state, "russia").map(objectiveText);
    expect(russia[0]).toMatch(/^CSTO members where you lead security: \d+ of \d+ → \d+ points?$/);
    const state2 = objectives(state, "kyrgyzstan").map(objectiveText);
    expect(state2[0]).toMatch(/^Strongest power's share of the foreign influence in you: \d+%, needs at most 50% → [01] points?$/);
  });

  it("names every condition of every agenda, for every seat that may hold it", () => {
    const state = createGame({ length: "short" }, 4);
    for (const agenda of AGENDAS) for (const seat of state.seatOrder) {
      if (!agenda.seats.includes(seat) && !(isState(seat) && agenda.seats.includes("states"))) continue;
      const conditions = agendaProgress(state, seat, agenda.id)!.conditions;
      expect(conditions.length, `${agenda.id} for ${seat}`).toBeGreaterThan(0);
      for (const c of conditions) expect(conditionText(c), `${agenda.id}: ${c.id}`).not.toContain(c.id);
    }
  });
});

describe("points as each language writes them", () => {
  afterAll(() => useLanguage("en"));
  it("a half-point par and standing: a point in English, a comma in Russian and Kazakh, the sign a true minus", async () => {
    const seen: Record<string, string[]> = {};
    for (const lang of ["en", "ru", "kk"] as const) {
      await useLanguage(lang);
      seen[lang] = [points(27.5), points(49), signedNumber(-0.5), signedNumber(3), signedNumber(0)];
    }
    expect(seen).toEqual({
      en: ["27.5", "49", "−0.5", "+3", "0"],
      ru: ["27,5", "49", "−0,5", "+3", "0"],
      kk: ["27,5", "49", "−0,5", "+3", "0"],
    });
  });
});
