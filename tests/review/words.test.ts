import { describe, expect, it } from "vitest";
import { viewFor, type Input } from "../../shared/engine/index.ts";
import { reviewDecision } from "../../shared/review/analyse.ts";
import { choiceText, turningText, turningWhy } from "../../client/review/turningText.ts";
import { loanRecord } from "./positions.ts";

/** A turning point in words, from the language file: what was played, what was better, and the bots' reason. */
describe("turning points in words", () => {
  it("tells the loan's turning point as a sentence with its cost and the better answer, and why", () => {
    const { record, state } = loanRecord("accept");
    const played = record.inputs.at(-1)! as Input & { type: "answer" };
    const d = reviewDecision({ index: record.inputs.length - 1, round: state.round, phase: state.phase, view: viewFor(state, "kyrgyzstan"), played }, 1);
    expect(turningText(d)).toBe(`Round 1: accepting China's offer (Belt and Road loan) cost about ${d.loss.toFixed(1)} points against par; declining China's offer (Belt and Road loan) was better.`);
    const k = state.countries.kyrgyzstan;
    expect(turningWhy(d)).toBe(`Why: Kyrgyzstan declines China's offer (Belt and Road loan) because it would not serve its interests: its debt is ${k.debt} of a capacity of ${k.capacity}, its sovereignty ${k.sovereignty} and its stability ${k.stability}.`);
  });

  it("names orders with their targets and options", () => {
    expect(choiceText({ type: "orders", seat: "kyrgyzstan", orders: [] }, undefined)).toBe("giving no orders");
    expect(choiceText({ type: "orders", seat: "kyrgyzstan", orders: [{ action: "leave-org", option: "csto" }, { action: "regional-cooperation", target: "tajikistan" }] }, undefined))
      .toBe("the orders Leave an organisation (CSTO); Regional cooperation (Tajikistan)");
  });
});
