import { cloneInputs, cloneState } from "./clone.ts";
import { afterCrisisRequests, afterCrisisResponses, afterLeverage, afterOffers, afterOrders, beginRound } from "./flow.ts";
import type { Seat } from "./ids.ts";
import { checkOrders, reject, type Rejection } from "./legal.ts";
import { pendingSeats } from "./pending.ts";
import { Rng } from "./rng.ts";
import { DEFAULT_OPTIONS, initialState } from "./setup.ts";
import type { GameEvent, GameOptions, GameState, Order } from "./types.ts";

/** One input to the game: a seat's orders, a seat's answer to a decision, or closing the phase with defaults. */
export type Input =
  | { type: "orders"; seat: Seat; orders: Order[] }
  | { type: "answer"; seat: Seat; decision: number; answer: string }
  | { type: "close" };

export type StepResult = { ok: true; state: GameState; events: GameEvent[] } | Rejection;

/** Runs a mutation on a copy of the state with the RNG drawn from and written back to it. */
function step(state: GameState, mutate: (draft: GameState, rng: Rng) => void): StepResult {
  const draft = cloneState(state);
  const rng = new Rng(draft.rng);
  mutate(draft, rng);
  draft.rng = rng.state();
  return { ok: true, state: draft, events: draft.log };
}

/**
 * A step that only records a seat's input while the phase stays open: it touches seats and decisions alone,
 * so the rest of the state is shared with the previous one (which is never changed once returned).
 */
function lightStep(state: GameState, mutate: (draft: GameState) => void): StepResult {
  const draft = cloneInputs(state);
  mutate(draft);
  return { ok: true, state: draft, events: draft.log };
}

export function createGame(options: Partial<GameOptions> = {}, seed = 1): GameState {
  const full: GameOptions = { ...DEFAULT_OPTIONS, ...options, seats: { ...DEFAULT_OPTIONS.seats, ...options.seats } };
  const state = initialState(full, seed >>> 0);
  const rng = new Rng(state.rng);
  beginRound(state, rng);
  state.rng = rng.state();
  return state;
}

/** Closes the current phase once every owed input is in (or has been defaulted). */
function advance(state: GameState, rng: Rng): void {
  switch (state.phase) {
    case "orders": return afterOrders(state, rng);
    case "offers": return afterOffers(state, rng);
    case "crisisRequest": return afterCrisisRequests(state, rng);
    case "crisisResponse": return afterCrisisResponses(state, rng);
    case "leverage": return afterLeverage(state, rng);
    case "ended": return;
  }
}

export function submitOrders(state: GameState, seat: Seat, orders: Order[]): StepResult {
  if (state.phase === "ended") return reject("already-ended");
  if (!state.seats[seat]) return reject("not-in-game", { seat });
  if (state.phase !== "orders") return reject("wrong-phase", { phase: state.phase });
  const problem = checkOrders(state, seat, orders);
  if (problem) return problem;
  const record = (draft: GameState) => {
    const s = draft.seats[seat]!;
    s.orders = orders.map((o) => ({ action: o.action, ...(o.target !== undefined ? { target: o.target } : {}), ...(o.option !== undefined ? { option: o.option } : {}) }));
    s.submitted = true;
  };
  if (pendingSeats(state).some((other) => other !== seat)) return lightStep(state, record);
  return step(state, (draft, rng) => {
    record(draft);
    advance(draft, rng);
  });
}

export function answerDecision(state: GameState, seat: Seat, decisionId: number, answer: string): StepResult {
  if (state.phase === "ended") return reject("already-ended");
  if (!state.seats[seat]) return reject("not-in-game", { seat });
  if (state.phase === "orders") return reject("wrong-phase", { phase: state.phase });
  const decision = state.decisions.find((d) => d.id === decisionId);
  if (!decision) return reject("unknown-decision", { decision: decisionId });
  if (decision.seat !== seat) return reject("not-your-decision", { decision: decisionId, seat });
  if (decision.answer !== null) return reject("already-answered", { decision: decisionId });
  if (!decision.options.includes(answer)) return reject("bad-answer", { options: decision.options.join(",") });
  const record = (draft: GameState) => { draft.decisions.find((d) => d.id === decisionId)!.answer = answer; };
  if (state.decisions.some((d) => d.answer === null && d.id !== decisionId)) return lightStep(state, record);
  return step(state, (draft, rng) => {
    record(draft);
    advance(draft, rng);
  });
}

/** Ends the current phase now: seats without orders pass, open decisions take their stated default. */
export function closePhase(state: GameState): StepResult {
  if (state.phase === "ended") return reject("already-ended");
  return step(state, (draft, rng) => {
    if (draft.phase === "orders") {
      for (const seat of draft.seatOrder) draft.seats[seat]!.submitted = true;
    } else {
      for (const d of draft.decisions) if (d.answer === null) d.answer = d.defaultAnswer;
    }
    advance(draft, rng);
  });
}

export function applyInput(state: GameState, input: Input): StepResult {
  switch (input.type) {
    case "orders": return submitOrders(state, input.seat, input.orders);
    case "answer": return answerDecision(state, input.seat, input.decision, input.answer);
    case "close": return closePhase(state);
  }
}
