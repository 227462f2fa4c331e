import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/play.ts";
import { agendaMet, parFor, type Seat } from "../../shared/engine/index.ts";
import { simulate, summarise, tallyGame, type GameTally } from "../../shared/sim/simulate.ts";

/*
 * The simulation's summary: what the balance tables in docs/BALANCE.md are read from. Its agenda tally says how often
 * each seat's secret agenda is met, per agenda dealt.
 */

const opts = { games: 3, mode: "full" as const, length: "short" as const, seed: 41 };

function tally(agendas: GameTally["agendas"], winners: GameTally["winners"] = ["west"]): GameTally {
  return { winners, csto: false, distress: false, encroachment: false, rupture: false, rounds: 6, russia: 0, china: 0, overtakes: false, cstoLead: false, agendas, scores: {}, roundsScored: 6 };
}

describe("the simulation's agenda tally", () => {
  it("counts the games that dealt each agenda and the share of them that met it, per seat", () => {
    const summary = summarise(opts, [
      tally([["russia", "kazakhstan-first", true], ["china", "energy-security", false]]),
      tally([["russia", "kazakhstan-first", false], ["china", "energy-security", true]]),
      tally([["russia", "keep-outsiders-out", false], ["china", "energy-security", true]]),
    ]);
    expect(summary.agendas).toEqual({
      russia: { "kazakhstan-first": { dealt: 2, met: 0.5 }, "keep-outsiders-out": { dealt: 1, met: 0 } },
      china: { "energy-security": { dealt: 3, met: 0.667 } },
    });
  });

  it("tallies a played game's agendas as the engine scored them at its end", () => {
    const t = tallyGame(opts, 0);
    const { state } = playGame({ mode: "full", length: "short" }, opts.seed);
    expect(t.agendas).toEqual(state.seatOrder.map((seat) => [seat, state.seats[seat]!.agenda, agendaMet(state, seat, state.seats[seat]!.agenda)]));
    // The engine adds an agenda's points at the end exactly when it is met: the tally agrees with the scored events.
    const scored = new Set(state.log.filter((e) => e.kind === "agendaMet").map((e) => e.params.seat));
    expect(scored.size).toBeGreaterThan(0);
    expect(scored.size).toBeLessThan(8);
    expect(t.agendas.filter(([, , met]) => met).map(([seat]) => seat).sort()).toEqual([...scored].sort());
  });

  it("keeps each seat's score and the rounds scored, from which the game's winners can be judged again under a par", () => {
    for (const i of [0, 1, 2]) {
      const t = tallyGame(opts, i);
      const standing = (seat: Seat) => t.scores[seat]! - parFor(seat, t.roundsScored, opts);
      const seats = Object.keys(t.scores) as Seat[];
      expect(seats).toHaveLength(8);
      const best = Math.max(...seats.map(standing));
      expect(seats.filter((s) => standing(s) === best).sort()).toEqual([...t.winners].sort());
      expect(t.roundsScored).toBeGreaterThan(0);
    }
  });

  it("records a hard table's level in its tallies, so a Great Powers game is judged again under that table's par", () => {
    // The baseline bot plays every seat; the level only sets the par (Russia's short par at a hard table is its own).
    const powers = { games: 4, mode: "powers" as const, length: "short" as const, seed: 7, botLevel: "hard" as const };
    for (const i of [0, 1, 2, 3]) {
      const t = tallyGame(powers, i);
      expect(t.botLevel).toBe("hard");
      const judged = (game: Parameters<typeof parFor>[2]) => {
        const seats = Object.keys(t.scores) as Seat[];
        const standing = (seat: Seat) => t.scores[seat]! - parFor(seat, t.roundsScored, game);
        const best = Math.max(...seats.map(standing));
        return seats.filter((s) => standing(s) === best).sort();
      };
      expect(judged({ mode: powers.mode, length: powers.length, botLevel: t.botLevel })).toEqual([...t.winners].sort());
    }
    expect(tallyGame(opts, 0).botLevel).toBeUndefined();
  });

  it("deals every seat one agenda a game", () => {
    const summary = simulate(opts);
    for (const [seat, bySeat] of Object.entries(summary.agendas)) {
      expect(Object.values(bySeat).reduce((n, a) => n + a.dealt, 0), seat).toBe(opts.games);
      for (const a of Object.values(bySeat)) {
        expect(a.met).toBeGreaterThanOrEqual(0);
        expect(a.met).toBeLessThanOrEqual(1);
      }
    }
    expect(Object.keys(summary.agendas)).toHaveLength(8);
  });
});
