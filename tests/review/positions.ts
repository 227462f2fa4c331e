import { expect } from "vitest";
import { applyInput, createGame, type GameRecord, type GameState, type Input } from "../../shared/engine/index.ts";

/**
 * A hand-built position: Kyrgyzstan owes China exactly what it can carry and has no money left to service more,
 * and China offers a Belt and Road loan (+6 debt) in a year when it has already spent its orders (it gave none), so
 * it cannot seek refinancing before the debt falls due. Accepting pushes it into debt distress, where China takes
 * assets (sovereignty, stability) and the distress lasts; declining keeps it clear. Its prosperity is already high,
 * so the loan's growth adds little.
 */
export function loanRecord(answer: "accept" | "decline"): { record: GameRecord; state: GameState } {
  const options = { mode: "full" as const, length: "short" as const };
  // The hand-made position is the created game with its tracks changed; the record starts from it by replaying
  // the same inputs on that state, so the test reviews points built from it directly.
  let state = createGame(options, 5);
  const k = state.countries.kyrgyzstan;
  k.debt = k.capacity;
  k.opinion.china = 1;
  k.sovereignty = 7;
  k.prosperity = 7;
  k.stability = 6;
  state.seats.kyrgyzstan!.funds = 0;
  const inputs: Input[] = [];
  for (const seat of state.seatOrder) {
    const input: Input = { type: "orders", seat, orders: seat === "china" ? [{ action: "bri-loan", target: "kyrgyzstan" }] : [] };
    const r = applyInput(state, input);
    if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.params)}`);
    inputs.push(input);
    state = r.state;
  }
  const d = state.decisions.find((x) => x.seat === "kyrgyzstan")!;
  expect(d.kind).toBe("offer");
  inputs.push({ type: "answer", seat: "kyrgyzstan", decision: d.id, answer });
  return { record: { options, seed: 5, inputs }, state };
}

