import { describe, expect, it } from "vitest";
import { submitOrders, type GameState } from "../../shared/engine/index.ts";
import { stateIncome } from "../../shared/engine/flow.ts";
import { apply, calm, closeOrders, findEvent, newGame, ok } from "./helpers.ts";

function answerOffer(s: GameState, seat: string, answer: "accept" | "decline"): GameState {
  const d = s.decisions.find((x) => x.seat === seat && x.kind === "offer" && x.answer === null)!;
  return apply(s, { type: "answer", seat: d.seat, decision: d.id, answer });
}

describe("debt leverage", () => {
  it("a Belt and Road loan, once accepted, adds debt, growth, a corridor section and costs China its price", () => {
    let s = calm(newGame());
    const chinaFunds = s.seats.china!.funds;
    const corridor = s.countries.kazakhstan.assets.briCorridor;
    s = closeOrders(ok(submitOrders(s, "china", [{ action: "bri-loan", target: "kazakhstan" }])));
    expect(s.phase).toBe("offers");
    s = answerOffer(s, "kazakhstan", "accept");
    expect(findEvent(s, "actionResolved", { seat: "china", action: "bri-loan", target: "kazakhstan" })).toBeDefined();
    // 6 borrowed, then the first year's service (due 1) retires 1.
    expect(findEvent(s, "debtService", { state: "kazakhstan" })!.params).toMatchObject({ due: 1, paid: 1, debt: 5 });
    expect(s.countries.kazakhstan.assets.briCorridor).toBe(corridor + 1);
    expect(s.seats.china!.funds).toBe(chinaFunds - 3 + stateIncome(s, "china"));
  });

  it("a declined loan costs the lender nothing and adds no debt", () => {
    let s = calm(newGame());
    const chinaFunds = s.seats.china!.funds;
    s = closeOrders(ok(submitOrders(s, "china", [{ action: "bri-loan", target: "kazakhstan" }])));
    s = answerOffer(s, "kazakhstan", "decline");
    expect(findEvent(s, "offerAnswered", { from: "china", to: "kazakhstan", answer: "decline" })).toBeDefined();
    expect(findEvent(s, "actionResolved", { action: "bri-loan" })).toBeUndefined();
    expect(findEvent(s, "debtService", { state: "kazakhstan" })).toBeUndefined();
    expect(s.countries.kazakhstan.debt).toBe(0);
    expect(s.seats.china!.funds).toBe(chinaFunds + stateIncome(s, "china"));
  });

  it("debt service takes a tenth of the debt; what cannot be paid is added to it", () => {
    let s = calm(newGame());
    s.countries.tajikistan.debt = 20;
    s.countries.tajikistan.capacity = 40;
    s.seats.tajikistan!.funds = 1;
    s = closeOrders(s);
    expect(findEvent(s, "debtService", { state: "tajikistan" })!.params).toMatchObject({ due: 2, paid: 1, debt: 21 });
    s = calm(newGame());
    s.countries.tajikistan.debt = 20;
    s.countries.tajikistan.capacity = 40;
    s.seats.tajikistan!.funds = 5;
    s = closeOrders(s);
    expect(findEvent(s, "debtService", { state: "tajikistan" })!.params).toMatchObject({ due: 2, paid: 2, debt: 19 });
  });

  it("debt beyond capacity is distress: China chooses its leverage, and an asset grab breeds Sinophobia", () => {
    let s = calm(newGame());
    const kg = s.countries.kyrgyzstan;
    kg.debt = 30;
    kg.capacity = 20;
    s.seats.kyrgyzstan!.funds = 10;
    kg.opinion.china = 0;
    const opinion = kg.opinion.china;
    const sovereignty = kg.sovereignty;
    s = closeOrders(s);
    expect(s.phase).toBe("leverage");
    expect(s.countries.kyrgyzstan.distress).toBe(true);
    expect(s.stats.debtDistress).toBe(1);
    expect(findEvent(s, "distress", { state: "kyrgyzstan" })).toBeDefined();
    const d = s.decisions.find((x) => x.kind === "leverage" && x.state === "kyrgyzstan")!;
    expect(d.seat).toBe("china");
    expect(d.options).toEqual(["assets", "alignment", "restructure", "none"]);
    const debt = s.countries.kyrgyzstan.debt;
    expect(debt).toBe(28); // due 3, paid in full, retiring 2
    s = apply(s, { type: "answer", seat: "china", decision: d.id, answer: "assets" });
    expect(s.stats.leverage).toBe(1);
    expect(findEvent(s, "leverage", { state: "kyrgyzstan", option: "assets" })).toBeDefined();
    expect(s.countries.kyrgyzstan.debt).toBe(debt - 6);
    expect(s.countries.kyrgyzstan.opinion.china).toBe(opinion - 2);
    expect(s.countries.kyrgyzstan.sovereignty).toBeLessThan(sovereignty);
  });

  it("restructuring lowers the debt and buys goodwill instead", () => {
    let s = calm(newGame());
    const kg = s.countries.kyrgyzstan;
    kg.debt = 30;
    kg.capacity = 20;
    s.seats.kyrgyzstan!.funds = 10;
    const opinion = kg.opinion.china;
    s = closeOrders(s);
    const d = s.decisions.find((x) => x.kind === "leverage")!;
    const debt = s.countries.kyrgyzstan.debt;
    s = apply(s, { type: "answer", seat: "china", decision: d.id, answer: "restructure" });
    expect(s.stats.leverage).toBe(0);
    expect(s.countries.kyrgyzstan.debt).toBe(debt - 4);
    expect(s.countries.kyrgyzstan.opinion.china).toBe(opinion + 1);
  });

  it("a state can seek refinancing from the West, which pays down its Chinese debt at the West's cost", () => {
    let s = calm(newGame());
    s.countries.kyrgyzstan.debt = 15;
    s.countries.kyrgyzstan.capacity = 40;
    s.seats.west!.funds = 10;
    s = closeOrders(ok(submitOrders(s, "kyrgyzstan", [{ action: "seek-refinancing", target: "west" }])));
    const d = s.decisions.find((x) => x.seat === "west")!;
    expect(d.options).toEqual(["accept", "decline"]);
    s = apply(s, { type: "answer", seat: "west", decision: d.id, answer: "accept" });
    expect(findEvent(s, "actionResolved", { seat: "kyrgyzstan", action: "seek-refinancing" })).toBeDefined();
    expect(findEvent(s, "debtService", { state: "kyrgyzstan" })!.params).toMatchObject({ due: 2 }); // 15 - 4 = 11
    expect(s.seats.west!.funds).toBe(10 - 3 + stateIncome(s, "west"));
  });

  it("a lender without the money cannot accept a refinancing request", () => {
    let s = calm(newGame());
    s.countries.kyrgyzstan.debt = 15;
    s.seats.west!.funds = 2;
    s = closeOrders(ok(submitOrders(s, "kyrgyzstan", [{ action: "seek-refinancing", target: "west" }])));
    expect(s.decisions.find((x) => x.seat === "west")!.options).toEqual(["decline"]);
  });
});
