import { describe, expect, it } from "vitest";
import { answerDecision, applyInput, closePhase, submitOrders, type GameState, type Order, type RejectCode, type Seat } from "../../shared/engine/index.ts";
import { RULES } from "../../shared/engine/rules.ts";
import { closeOrders, newGame, ok, snapshot } from "./helpers.ts";

/** A game in the offers phase: China has offered Kazakhstan a loan. */
function offersPhase(): GameState {
  const s = ok(submitOrders(newGame(), "china", [{ action: "bri-loan", target: "kazakhstan" }]));
  const next = closeOrders(s);
  expect(next.phase).toBe("offers");
  return next;
}

function endedGame(): GameState {
  let s = newGame({ length: "short" });
  for (let guard = 0; s.phase !== "ended" && guard < 500; guard++) s = ok(closePhase(s));
  expect(s.phase).toBe("ended");
  return s;
}

interface Case { name: string; state: () => GameState; seat: Seat; orders?: Order[]; answer?: { decision: (s: GameState) => number; value: string }; code: RejectCode }

const cases: Case[] = [
  { name: "an action that does not exist", state: newGame, seat: "russia", orders: [{ action: "nuke-everything" }], code: "unknown-action" },
  { name: "another seat's action (Russia lending for the Belt and Road)", state: newGame, seat: "russia", orders: [{ action: "bri-loan", target: "kazakhstan" }], code: "not-your-action" },
  { name: "a target outside the action's reach (CSTO invitation to a member)", state: newGame, seat: "russia", orders: [{ action: "invite-csto", target: "kazakhstan" }], code: "bad-target" },
  { name: "a missing target", state: newGame, seat: "china", orders: [{ action: "bri-loan" }], code: "bad-target" },
  { name: "a power as target of a state-targeted action", state: newGame, seat: "china", orders: [{ action: "bri-loan", target: "russia" }], code: "bad-target" },
  { name: "an option the action does not offer", state: newGame, seat: "russia", orders: [{ action: "propose-bargain", target: "china", option: "everything" }], code: "bad-option" },
  { name: "an option on an action that takes none", state: newGame, seat: "china", orders: [{ action: "bri-loan", target: "kazakhstan", option: "cheap" }], code: "bad-option" },
  { name: "the same action twice on one target", state: newGame, seat: "china", orders: [{ action: "bri-loan", target: "kazakhstan" }, { action: "bri-loan", target: "kazakhstan" }], code: "duplicate-order" },
  { name: "more orders than a round allows", state: newGame, seat: "china", orders: Array.from({ length: RULES.maxOrders + 1 }, () => ({ action: "bri-loan", target: "kazakhstan" as const })), code: "too-many-orders" },
  { name: "orders beyond the seat's action points", state: newGame, seat: "china", orders: [{ action: "bri-loan", target: "kazakhstan" }, { action: "bri-loan", target: "kyrgyzstan" }, { action: "bri-loan", target: "tajikistan" }, { action: "bri-loan", target: "uzbekistan" }], code: "over-budget" },
  { name: "orders when the phase is offers", state: offersPhase, seat: "russia", orders: [], code: "wrong-phase" },
  { name: "orders after the game has ended", state: endedGame, seat: "russia", orders: [], code: "already-ended" },
  { name: "orders from the West in a game without it", state: () => newGame({ west: false }), seat: "west", orders: [], code: "not-in-game" },
  { name: "an answer while orders are open", state: newGame, seat: "kazakhstan", answer: { decision: () => 1, value: "accept" }, code: "wrong-phase" },
  { name: "an answer to a decision that does not exist", state: offersPhase, seat: "kazakhstan", answer: { decision: () => 9999, value: "accept" }, code: "unknown-decision" },
  { name: "an answer to another seat's decision", state: offersPhase, seat: "kyrgyzstan", answer: { decision: (s) => s.decisions[0]!.id, value: "accept" }, code: "not-your-decision" },
  { name: "an answer that is not among the options", state: offersPhase, seat: "kazakhstan", answer: { decision: (s) => s.decisions[0]!.id, value: "maybe" }, code: "bad-answer" },
];

describe("refused inputs", () => {
  it.each(cases)("refuses $name with code $code, its parameters and no sentence, and no change", (c) => {
    const state = c.state();
    const before = snapshot(state);
    const result = c.answer
      ? answerDecision(state, c.seat, c.answer.decision(state), c.answer.value)
      : submitOrders(state, c.seat, c.orders!);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(c.code);
    expect(result).not.toHaveProperty("message");
    expect(Object.keys(result)).toEqual(["ok", "code", "params"]);
    expect(snapshot(state)).toBe(before);
  });

  it("refuses a second answer to the same decision", () => {
    // A second open decision keeps the phase open after the first answer.
    const withTwo = ok(submitOrders(newGame(), "china", [{ action: "bri-loan", target: "kazakhstan" }, { action: "bri-loan", target: "kyrgyzstan" }]));
    const offers = closeOrders(withTwo);
    const first = offers.decisions.find((d) => d.seat === "kazakhstan")!;
    const answered = ok(answerDecision(offers, "kazakhstan", first.id, "accept"));
    expect(answered.phase).toBe("offers");
    const again = answerDecision(answered, "kazakhstan", first.id, "decline");
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.code).toBe("already-answered");
  });

  it("refuses to close a phase once the game has ended", () => {
    const s = endedGame();
    const result = applyInput(s, { type: "close" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe("already-ended");
  });

  it("a seat may replace its orders while the phase is open; the last set counts", () => {
    let s = newGame();
    s = ok(submitOrders(s, "china", [{ action: "bri-loan", target: "kazakhstan" }]));
    s = ok(submitOrders(s, "china", [{ action: "bri-loan", target: "kyrgyzstan" }]));
    expect(s.seats.china!.orders).toEqual([{ action: "bri-loan", target: "kyrgyzstan" }]);
  });
});
