import { describe, expect, it } from "vitest";
import { duelText } from "../../client/screens/duel.ts";
import { createGame, parFor, viewFor, type GameOptions } from "../../shared/engine/index.ts";

/** A finished six-year game with Russia and China this far from their par. */
function endedView(mode: GameOptions["mode"], russia: number, china: number) {
  const state = createGame({ mode, length: "short" }, 3);
  state.stats.roundsScored = 6;
  state.seats.russia!.score = parFor("russia", 6, { mode, length: "short" }) + russia;
  state.seats.china!.score = parFor("china", 6, { mode, length: "short" }) + china;
  return viewFor(state, "china");
}

describe("the end screen's word on the great powers", () => {
  it("in Great Powers mode says which power finished ahead of the other against par", () => {
    expect(duelText(endedView("powers", 3, -5))).toBe("Between the great powers, Russia finished ahead of China: +3 against par to −5.");
    expect(duelText(endedView("powers", -7, -2))).toBe("Between the great powers, China finished ahead of Russia: −2 against par to −7.");
  });

  it("says so when they finish level", () => {
    expect(duelText(endedView("powers", 0, 0))).toBe("Between the great powers, Russia and China finished level against par (0).");
  });

  it("says nothing in Full mode, where every seat plays for the table", () => {
    expect(duelText(endedView("full", 3, -5))).toBeNull();
  });
});
