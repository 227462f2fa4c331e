import { describe, expect, it } from "vitest";
import { agendaWeights } from "../../shared/bots/agendaGuess.ts";
import { determinise } from "../../shared/bots/determinise.ts";
import { createGame, viewFor, type GameState } from "../../shared/engine/index.ts";

/*
 * Reading China's agenda from the board: Chinese digital infrastructure points to Digital Silk Road, new pipelines to
 * Energy security, and a board where years went by with neither points away from both. The hard bot's guessed worlds
 * draw the rival's agenda by these odds.
 */

function board(round: number, digitalIn: number, newPipelines: number): GameState {
  const state = createGame({ mode: "powers", length: "short" }, 7);
  state.round = round;
  (["kazakhstan", "kyrgyzstan", "tajikistan"] as const).slice(0, digitalIn).forEach((id) => { state.countries[id].assets.digital = 1; });
  state.countries.turkmenistan.assets.pipelines += newPipelines;
  return state;
}

const weightOf = (state: GameState, agenda: string) => {
  const w = agendaWeights(viewFor(state, "russia"), "china");
  return w.find((x) => x.agenda === agenda)!.weight / w.reduce((n, x) => n + x.weight, 0);
};

describe("reading a rival's agenda from the board", () => {
  it("is even before anything could be built", () => {
    for (const agenda of ["xinjiang-first", "energy-security", "digital-silk-road"]) expect(weightOf(board(1, 0, 0), agenda)).toBeCloseTo(1 / 3, 5);
  });

  it("points to Digital Silk Road when China has built digital infrastructure, and away from it when two years passed without", () => {
    expect(weightOf(board(3, 2, 0), "digital-silk-road")).toBeGreaterThan(0.95);
    expect(weightOf(board(3, 0, 0), "digital-silk-road")).toBeLessThan(0.1);
  });

  it("points to Energy security when new pipelines run to China", () => {
    expect(weightOf(board(3, 0, 2), "energy-security")).toBeGreaterThan(0.8);
    expect(weightOf(board(3, 0, 0), "xinjiang-first")).toBeGreaterThan(0.5);
  });

  it("draws the agenda in the guessed worlds by those odds, and never the seat's own", () => {
    const state = board(3, 2, 0);
    const view = viewFor(state, "russia");
    const odds = { china: agendaWeights(view, "china") };
    const drawn = Array.from({ length: 200 }, (_, i) => determinise(view, 1000 + i, odds));
    expect(drawn.filter((d) => d.seats.china!.agenda === "digital-silk-road").length).toBeGreaterThan(180);
    for (const d of drawn) expect(d.seats.russia!.agenda).toBe(state.seats.russia!.agenda);
    // Without odds the draw stays even.
    const even = Array.from({ length: 300 }, (_, i) => determinise(view, 1000 + i));
    expect(even.filter((d) => d.seats.china!.agenda === "digital-silk-road").length).toBeLessThan(150);
  });
});
