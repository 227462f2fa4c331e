import { describe, expect, it } from "vitest";
import { agendaChoices, determinise } from "../../shared/bots/determinise.ts";
import { playForward } from "../../shared/bots/playout.ts";
import { viewFor } from "../../shared/engine/index.ts";
import { sampleMoments } from "./helpers.ts";

describe("determinisation: a whole game state rebuilt from one seat's view", () => {
  const moments = sampleMoments({ mode: "full", length: "short" }, 31, 3);

  it("agrees with everything the seat can see", () => {
    for (const { state, seat } of moments) {
      const view = viewFor(state, seat);
      const det = determinise(view, 17);
      const again = viewFor(det, seat);
      expect(again.countries).toEqual(view.countries);
      expect(again.global).toEqual(view.global);
      expect(again.seats).toEqual(view.seats);
      expect(again.phase).toBe(view.phase);
      expect(again.legal).toEqual(view.legal);
      for (const d of view.decisions) expect(det.decisions).toContainEqual(d);
    }
  });

  it("keeps the seat's own agenda and draws every other from what that seat could hold", () => {
    for (const { state, seat } of moments) {
      const det = determinise(viewFor(state, seat), 5);
      expect(det.seats[seat]!.agenda).toBe(state.seats[seat]!.agenda);
      for (const other of det.seatOrder) expect(agendaChoices(other)).toContain(det.seats[other]!.agenda);
    }
  });

  it("can be played on to the end by the engine", () => {
    for (const { state, seat } of moments) {
      const end = playForward(determinise(viewFor(state, seat), 9), 99, 1);
      expect(end.phase).toBe("ended");
    }
  });
});
