import { describe, expect, it } from "vitest";
import { createGame, replaySteps, viewFor, type GameRecord, type Input, type Seat } from "../../shared/engine/index.ts";
import { playGame, levelPlayer } from "../../shared/bots/play.ts";
import { decisionPoints, reviewDecision, reviewRecord, sameChoice, turningPoints } from "../../shared/review/analyse.ts";
import { loanRecord } from "./positions.ts";

describe("game review", () => {
  it("marks accepting a loan into distress with no refinancing left as a turning point, and prefers declining", () => {
    const { record, state } = loanRecord("accept");
    const played = record.inputs.at(-1)!;
    const view = viewFor(state, "kyrgyzstan");
    const reviewed = reviewDecision({ index: record.inputs.length - 1, round: state.round, phase: state.phase, view, played: played as Input & { type: "answer" } }, 1);
    expect(reviewed.preferred).toMatchObject({ type: "answer", answer: "decline" });
    expect(reviewed.same).toBe(false);
    expect(reviewed.turningPoint).toBe(true);
    expect(reviewed.loss).toBeGreaterThanOrEqual(1.5);
    expect(reviewed.preferredValue - reviewed.playedValue).toBeCloseTo(reviewed.loss, 0);
    expect(reviewed.decision).toMatchObject({ kind: "offer", from: "china", action: "bri-loan" });
    expect(reviewed.why.id).toBe("answer.offer.decline");
    expect(reviewed.why.params).toMatchObject({ debt: state.countries.kyrgyzstan.debt, capacity: state.countries.kyrgyzstan.capacity });
  });

  it("finds nothing to regret when the loan was declined", () => {
    const { record, state } = loanRecord("decline");
    const view = viewFor(state, "kyrgyzstan");
    const reviewed = reviewDecision({ index: record.inputs.length - 1, round: state.round, phase: state.phase, view, played: record.inputs.at(-1)! as Input & { type: "answer" } }, 1);
    expect(reviewed.preferred).toMatchObject({ answer: "decline" });
    expect(reviewed.same).toBe(true);
    expect(reviewed.loss).toBe(0);
    expect(reviewed.turningPoint).toBe(false);
  });

  it("reviews from the seat's view only: a position differing in another seat's secrets gets the same review", () => {
    const { record, state } = loanRecord("accept");
    const played = record.inputs.at(-1)! as Input & { type: "answer" };
    const other = structuredClone(state);
    other.seats.china!.agenda = state.seats.china!.agenda === "xinjiang-first" ? "energy-security" : "xinjiang-first";
    other.rng = createGame(record.options, 999).rng;
    other.seats.russia!.agenda = "controlled-instability";
    const a = reviewDecision({ index: 0, round: 1, phase: state.phase, view: viewFor(state, "kyrgyzstan"), played }, 9, { playouts: 60, worlds: 4 });
    const b = reviewDecision({ index: 0, round: 1, phase: other.phase, view: viewFor(other, "kyrgyzstan"), played }, 9, { playouts: 60, worlds: 4 });
    expect(b).toEqual(a);
  });

  it("reviews every decision of a seat in a bot game, deterministically, with the engine's replay as the source of views", () => {
    const options = { mode: "powers" as const, length: "short" as const };
    const game = playGame(options, 21, levelPlayer("normal"));
    const record: GameRecord = { options, seed: 21, inputs: game.inputs };
    const seat: Seat = "russia";
    const points = decisionPoints(record, seat);
    const own = record.inputs.filter((i) => i.type !== "close" && i.seat === seat);
    expect(points.length).toBe(own.length);
    expect(points.some((p) => p.played.type === "answer") || points.every((p) => p.played.type === "orders")).toBe(true);
    // Each point's view is the seat's view of the replayed state just before its input.
    const states = [...replaySteps(record)].map((s) => s.state);
    for (const p of points) {
      expect(p.view).toEqual(viewFor(states[p.index]!, seat));
      expect(p.view.seats.find((s) => s.seat === "china")!.agenda).toBeNull();
    }
    const opts = { playouts: 40, worlds: 3 };
    const progress: number[] = [];
    const review = reviewRecord({ ...record, inputs: record.inputs.slice(0, points[3]!.index + 1) }, seat, opts, (done) => progress.push(done));
    expect(review.decisions.length).toBe(4);
    expect(progress).toEqual([1, 2, 3, 4]);
    for (const d of review.decisions) {
      expect(d.loss).toBeGreaterThanOrEqual(0);
      expect(d.same).toBe(sameChoice(d.preferred, d.played));
      expect(d.turningPoint).toBe(d.loss >= review.threshold);
    }
    expect(reviewRecord({ ...record, inputs: record.inputs.slice(0, points[3]!.index + 1) }, seat, opts)).toEqual(review);
    expect(turningPoints(review).every((d) => d.turningPoint)).toBe(true);
  });
});
