import { describe, expect, it } from "vitest";
import { Encoder, StateView } from "@colyseus/schema";
import { ENCODER_BUFFER_BYTES } from "../../server/room/encoderBuffer.ts";
import { decisionsOf, readDoc } from "../../client/net/remoteView.ts";
import { createGame } from "../../shared/engine/index.ts";
import { Doc } from "../../shared/protocol/state.ts";
import { syncDoc } from "../../server/room/project.ts";
import { ProjectedMatch } from "../../server/room/projectedMatch.ts";

describe("flat documents", () => {
  it("carry a country's state there and back, including changes, removed values and changed types", () => {
    const game = createGame({ length: "short" }, 5);
    const doc = new Doc();
    const country = structuredClone(game.countries.tajikistan);
    syncDoc(doc, country);
    expect(readDoc(doc)).toEqual({ ...country, crisis: undefined });
    const changed = { ...country, stability: country.stability - 2, crisis: "unrest" as const, influence: { ...country.influence, china: { ...country.influence.china, economy: 9 } } };
    syncDoc(doc, changed);
    expect(readDoc(doc)).toEqual(changed);
    syncDoc(doc, { ...changed, crisis: null });
    expect(readDoc(doc).crisis).toBeUndefined();
    syncDoc(doc, { a: { b: 1 }, c: "x" });
    expect(readDoc(doc)).toEqual({ a: { b: 1 }, c: "x" });
    syncDoc(doc, { a: { b: "one" }, c: "x" });
    expect(readDoc(doc)).toEqual({ a: { b: "one" }, c: "x" });
  });
});

describe("projection", () => {
  it("keeps every seat's decisions, documents and seat fields equal to the game's after each step, though it skips unchanged parts", () => {
    const match = new ProjectedMatch({ length: "short" }, 11);
    const state = match.state;
    let answered = 0;
    while (!match.ended) {
      match.step();
      const game = match.game;
      for (const s of game.seatOrder) {
        const mine = game.decisions.filter((d) => d.seat === s || d.from === s);
        expect(decisionsOf(state.secrets.get(s)!).sort((a, b) => a.id - b.id)).toEqual(mine);
        answered += mine.filter((d) => d.answer !== null).length;
        expect(JSON.parse(state.secrets.get(s)!.orders)).toEqual(game.seats[s]!.orders);
        expect(state.seats.get(s)!.submitted).toBe(game.seats[s]!.submitted);
        expect(state.seats.get(s)!.funds).toBe(game.seats[s]!.funds);
      }
      for (const id of Object.keys(game.countries) as (keyof typeof game.countries)[]) {
        expect(readDoc(state.countries.get(id))).toEqual({ ...game.countries[id], crisis: game.countries[id].crisis ?? undefined });
      }
      expect(readDoc(state.global)).toEqual(JSON.parse(JSON.stringify(game.global)));
      expect(state.history.length).toBe(game.history.length);
    }
    expect(answered).toBeGreaterThan(0);
  });
});

describe("the encoder's buffer", () => {
  it("holds a finished game's full state with a seat's view, with a third to spare, in both modes and lengths", () => {
    const previous = Encoder.BUFFER_SIZE;
    // Measured in a buffer large enough for anything, so an overflow shows as a size rather than a resize.
    Encoder.BUFFER_SIZE = 1024 * 1024;
    try {
      let largest = 0;
      for (const mode of ["full", "powers"] as const) {
        for (const length of ["short", "standard"] as const) {
          for (const seed of [31, 32, 33]) {
            const match = new ProjectedMatch({ mode, length }, seed);
            while (!match.ended) match.step();
            const encoder = new Encoder(match.state);
            const it = { offset: 1 };
            encoder.encodeAll(it);
            for (const seat of match.game.seatOrder) {
              const view = new StateView();
              view.add(match.state.secrets.get(seat)!);
              largest = Math.max(largest, encoder.encodeAllView(view, it.offset, { ...it }).length);
            }
          }
        }
      }
      expect(largest).toBeGreaterThan(10_000);
      expect(largest).toBeLessThan(ENCODER_BUFFER_BYTES * (2 / 3));
    } finally {
      Encoder.BUFFER_SIZE = previous;
    }
  });
});

describe("what a step shows the other seats", () => {
  it("an answer that leaves its phase open changes nothing another seat sees: their patch is empty; every other step reaches everyone", () => {
    const match = new ProjectedMatch({ length: "short" }, 12);
    const encoder = new Encoder(match.state);
    const views = new Map(match.game.seatOrder.map((seat) => {
      const view = new StateView();
      view.add(match.state.secrets.get(seat)!);
      return [seat, view] as const;
    }));
    const frames = () => {
      const it = { offset: 1 };
      encoder.encode(it);
      const shared = it.offset;
      const sizes = new Map([...views].map(([seat, view]) => [seat, encoder.encodeView(view, shared, { ...it }).length - 1]));
      encoder.discardChanges();
      return sizes;
    };
    frames();
    let lightAnswers = 0;
    while (!match.ended) {
      const before = match.game;
      match.step();
      const after = match.game;
      const sizes = frames();
      const answered = after.decisions.find((d) => d.answer !== null && before.decisions.find((b) => b.id === d.id)?.answer === null);
      const light = !!answered && after.phase === before.phase && after.round === before.round;
      if (!light) {
        for (const [seat, size] of sizes) expect(size, `seat ${seat} after a step that moved the game`).toBeGreaterThan(0);
        continue;
      }
      lightAnswers++;
      for (const [seat, size] of sizes) {
        const party = seat === answered.seat || seat === answered.from;
        if (party) expect(size, `${seat} answered or asked`).toBeGreaterThan(0);
        else expect(size, `${seat} has no part in decision ${answered.id}`).toBe(0);
      }
    }
    expect(lightAnswers).toBeGreaterThan(3);
  });
});
