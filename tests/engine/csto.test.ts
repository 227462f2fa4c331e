import { describe, expect, it } from "vitest";
import type { GameState } from "../../shared/engine/index.ts";
import { apply, calm, closeOrders, findEvent, newGame } from "./helpers.ts";

/** A calm game in which one state has slid into crisis territory. */
function shaken(id: keyof GameState["countries"], stability = 2): GameState {
  const s = calm(newGame());
  s.countries[id].stability = stability;
  s.seats.russia!.funds = 10;
  s.seats.china!.funds = 10;
  s.seats.west!.funds = 10;
  return closeOrders(s);
}

function answer(s: GameState, kind: string, seat: string, value: string): GameState {
  const d = s.decisions.find((x) => x.kind === kind && x.seat === seat && x.answer === null)!;
  expect(d, `${seat} should have a ${kind} decision`).toBeDefined();
  return apply(s, { type: "answer", seat: d.seat, decision: d.id, answer: value });
}

describe("CSTO intervention", () => {
  it("a CSTO member in crisis may call the CSTO; Russian-led forces restore order at a cost to Russia and to sovereignty", () => {
    let s = shaken("tajikistan");
    expect(s.phase).toBe("crisisRequest");
    expect(s.countries.tajikistan.crisis).not.toBeNull();
    const request = s.decisions.find((d) => d.seat === "tajikistan")!;
    expect(request.options).toEqual(["csto", "west", "none"]);
    const sovereignty = s.countries.tajikistan.sovereignty;
    s = answer(s, "crisisRequest", "tajikistan", "csto");
    expect(s.phase).toBe("crisisResponse");
    const russiaFunds = s.seats.russia!.funds;
    const score = s.seats.russia!.score;
    s = answer(s, "crisisResponse", "russia", "intervene");
    expect(findEvent(s, "intervention", { power: "russia", state: "tajikistan", response: "csto" })).toBeDefined();
    expect(findEvent(s, "crisisEnded", { state: "tajikistan" })).toBeDefined();
    expect(s.stats.cstoInterventions).toBe(1);
    expect(s.countries.tajikistan.sovereignty).toBe(sovereignty - 1);
    expect(s.countries.tajikistan.influence.russia.security).toBe(3);
    expect(s.history.at(-1)!.states.tajikistan.stability).toBe(6);
    expect(s.history.at(-1)!.scores.russia).toBeGreaterThan(score);
    expect(findEvent(s, "scored", { seat: "russia" })).toBeDefined();
    expect(russiaFunds - 2).toBe(s.seats.russia!.funds - s.seats.russia!.income);
  });

  it("Russia may decline; the crisis then deepens", () => {
    let s = shaken("kyrgyzstan");
    s = answer(s, "crisisRequest", "kyrgyzstan", "csto");
    s = answer(s, "crisisResponse", "russia", "decline");
    expect(findEvent(s, "interventionDeclined", { power: "russia", state: "kyrgyzstan" })).toBeDefined();
    expect(findEvent(s, "escalation", { state: "kyrgyzstan", stability: 1 })).toBeDefined();
    expect(s.stats.cstoInterventions).toBe(0);
  });

  it("a state that asks no one sees its crisis deepen", () => {
    let s = shaken("kazakhstan");
    s = answer(s, "crisisRequest", "kazakhstan", "none");
    expect(findEvent(s, "escalation", { state: "kazakhstan" })).toBeDefined();
  });

  it("a non-member cannot call the CSTO, but may ask China, whose security answer is an encroachment", () => {
    let s = shaken("uzbekistan");
    const request = s.decisions.find((d) => d.seat === "uzbekistan")!;
    expect(request.options).toEqual(["china", "west", "none"]);
    const tension = s.global.tension;
    s = answer(s, "crisisRequest", "uzbekistan", "china");
    s = answer(s, "crisisResponse", "china", "intervene");
    expect(findEvent(s, "intervention", { power: "china", state: "uzbekistan", response: "china" })).toBeDefined();
    expect(s.stats.chineseSecurityAnswers).toBe(1);
    expect(findEvent(s, "encroachment", { seat: "china", domain: "security" })).toBeDefined();
    expect(s.history.at(-1)!.tension).toBe(tension + 1);
  });

  it("an absent human's state calls the CSTO by default, and an absent Russia answers the call", () => {
    let s = shaken("tajikistan");
    s = apply(s, { type: "close" }); // no answer: defaults
    s = apply(s, { type: "close" });
    expect(s.stats.cstoInterventions).toBe(1);
  });

  it("Russia without the money cannot intervene", () => {
    let s = shaken("tajikistan");
    s.seats.russia!.funds = 1;
    s = answer(s, "crisisRequest", "tajikistan", "csto");
    expect(s.decisions.find((d) => d.seat === "russia")!.options).toEqual(["decline"]);
  });
});
