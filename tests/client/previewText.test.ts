import { describe, expect, it } from "vitest";
import { SEATS, applyInput, createGame, previewDecision, previewInput, viewFor, type GameState, type Input, type Order, type Seat } from "../../shared/engine/index.ts";
import { addedTension, previewLines } from "../../client/panels/previewText.ts";
import { RULES } from "../../shared/engine/rules.ts";

/** Seat ids as words a person should never read ("russia", "kyrgyzstan"): the lines use names. */
const ID_WORD = new RegExp(`\\b(${SEATS.join("|")}|csto|eaeu|sco)\\b`);

const game = createGame({ length: "short", west: true }, 5);
const lines = (seat: Seat, order: Order) => previewLines(previewInput(viewFor(game, seat), { type: "order", seat, order }), seat);

describe("effect previews in words", () => {
  it.each([
    // [seat, order, a line that must appear]
    ["china", { action: "private-security", target: "kazakhstan" }, /Encroachment: China acts in Russia's security domain\. Sino-Russian tension (\d+) → (\d+)/],
    ["russia", { action: "deploy-advisers", target: "kazakhstan" }, /^Kazakhstan: .*Russia's security/],
    ["china", { action: "bri-loan", target: "kyrgyzstan" }, /^If Kyrgyzstan accepts:/],
    ["china", { action: "bri-loan", target: "kyrgyzstan" }, /Kyrgyzstan falls into debt distress/],
    ["kyrgyzstan", { action: "develop" }, /^You: funds \d+ → \d+/],
  ] as [Seat, Order, RegExp][])("%s %j reads %s", (seat, order, pattern) => {
    const text = lines(seat, order).map((l) => l.text);
    expect(text.some((l) => pattern.test(l)), text.join("\n")).toBe(true);
    for (const l of text) expect(l).not.toMatch(ID_WORD);
  });

  it("marks an encroachment and a distress risk as warnings, and an offer's default", () => {
    const china = lines("china", { action: "private-security", target: "kazakhstan" });
    expect(china.find((l) => l.text.includes("Encroachment"))?.tone).toBe("warn");
    const loan = lines("china", { action: "bri-loan", target: "kyrgyzstan" });
    expect(loan.find((l) => l.text.includes("debt distress"))?.tone).toBe("warn");
    expect(loan.filter((l) => l.tone === "head").map((l) => l.text)).toEqual(["If Kyrgyzstan accepts: (the default)", "If Kyrgyzstan declines:"]);
  });

  it("marks an order with the tension it adds: an encroachment's, an accepted offer's, none for a power's own domain", () => {
    const preview = (seat: Seat, order: Order) => previewInput(viewFor(game, seat), { type: "order", seat, order });
    const security = preview("china", { action: "private-security", target: "kazakhstan" });
    expect(addedTension(security)).toBe(security.outcomes[0]!.encroachments[0]!.tension);
    expect(addedTension(security)).toBeGreaterThanOrEqual(RULES.encroachTension);
    // An offer adds tension only if accepted: the mark counts that outcome, not the declined one.
    const outpost = preview("china", { action: "border-outpost", target: "tajikistan" });
    expect(outpost.outcomes.map((o) => o.encroachments.length)).toEqual([1, 0]);
    expect(addedTension(outpost)).toBe(outpost.outcomes[0]!.encroachments[0]!.tension);
    expect(addedTension(preview("russia", { action: "deploy-advisers", target: "kazakhstan" }))).toBe(0);
  });

  it("says why the engine refuses, in words", () => {
    const view = viewFor(game, "kyrgyzstan");
    const refused = previewLines(previewInput(view, { type: "orders", seat: "kyrgyzstan", orders: [{ action: "develop" }, { action: "develop" }] }), "kyrgyzstan");
    expect(refused).toEqual([{ text: "Already in your plan", tone: "warn" }]);
  });

  it("gives each answer of an offer its own lines, declining changing nothing", () => {
    // China offers Kyrgyzstan a loan; everyone else passes, so the offer waits in Kyrgyzstan's inbox.
    let state = game;
    for (const seat of state.seatOrder) {
      const orders = seat === "china" ? [{ action: "bri-loan", target: "kyrgyzstan" as const }] : [];
      state = applyStep(state, { type: "orders", seat, orders });
    }
    const view = viewFor(state, "kyrgyzstan");
    const offer = view.decisions.find((d) => d.kind === "offer" && d.seat === "kyrgyzstan")!;
    expect(offer).toBeTruthy();
    const previews = previewDecision(view, offer.id);
    const byAnswer = Object.fromEntries(offer.options.map((o, i) => [o, previewLines(previews[i]!, "kyrgyzstan").map((l) => l.text)]));
    expect(byAnswer.decline).toEqual(["Nothing changes."]);
    expect(byAnswer.accept!.some((l) => /^Kyrgyzstan: .*debt \d+ → \d+/.test(l))).toBe(true);
  });
});

function applyStep(state: GameState, input: Input): GameState {
  const r = applyInput(state, input);
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.params)}`);
  return r.state;
}
