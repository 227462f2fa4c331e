import { describe, expect, it } from "vitest";
import { GAME_LENGTHS, MODES, SEATS, createGame, parFollowsBots, parFor, standing } from "../../shared/engine/index.ts";
import { PAR, PAR_AT_EASY_TABLES, PAR_AT_HARD_TABLES, PAR_AT_TABLES, PAR_SHAPE } from "../../shared/engine/rules.ts";

describe("par", () => {
  it("reaches each seat's full par at the last round of either length in either mode and never falls from round to round", () => {
    for (const mode of MODES) for (const seat of SEATS) for (const length of ["short", "standard"] as const) {
      const rounds = GAME_LENGTHS[length];
      const game = { mode, length };
      expect(PAR_SHAPE[seat][length]).toHaveLength(rounds);
      expect(parFor(seat, rounds, game)).toBe(PAR[mode][seat][length]);
      expect(parFor(seat, 0, game)).toBe(0);
      for (let r = 1; r <= rounds; r++) {
        expect(parFor(seat, r, game)).toBeGreaterThanOrEqual(parFor(seat, r - 1, game));
        // To the half point: an average, finer than a whole point, never a stray fraction a person cannot read.
        expect(Number.isInteger(parFor(seat, r, game) * 2)).toBe(true);
      }
    }
  });

  it("keeps a half-point par to the end (a whole-point rounding would take 27.5 to 28)", () => {
    const halves = MODES.flatMap((mode) => SEATS.flatMap((seat) => (["short", "standard"] as const).map((length) => ({ mode, seat, length, par: PAR[mode][seat][length] }))))
      .filter((p) => !Number.isInteger(p.par));
    expect(halves.length).toBeGreaterThan(0);
    for (const p of halves) expect(parFor(p.seat, GAME_LENGTHS[p.length], { mode: p.mode, length: p.length })).toBe(p.par);
  });

  it("judges a game's standings by its own mode's par", () => {
    for (const mode of MODES) {
      const state = createGame({ mode, length: "standard" }, 5);
      state.stats.roundsScored = 10;
      for (const seat of SEATS) {
        state.seats[seat]!.score = 50;
        expect(standing(state, seat)).toBe(50 - PAR[mode][seat].standard);
      }
    }
    // The two modes' tables are fitted apart: a seat whose par differs stands differently on the same score.
    const differs = SEATS.flatMap((seat) => (["short", "standard"] as const).filter((l) => PAR.full[seat][l] !== PAR.powers[seat][l]));
    expect(differs.length).toBeGreaterThan(0);
  });

  it("follows when each seat scores: a standard game broken off in its fourth year asks more of Russia, whose bases pay at once, than of China, whose corridors and agenda pay late", () => {
    const share = (seat: "russia" | "china") => parFor(seat, 4, { mode: "full", length: "standard" }) / PAR.full[seat].standard;
    expect(share("russia")).toBeGreaterThan(0.4);
    expect(share("china")).toBeLessThan(0.3);
  });

  it("follows the level of the bots at the table, only for the seats each level's table lists", () => {
    expect(Object.keys(PAR_AT_HARD_TABLES.powers)).toContain("russia");
    expect(Object.keys(PAR_AT_HARD_TABLES.full)).toContain("uzbekistan");
    expect(Object.keys(PAR_AT_EASY_TABLES.powers)).toContain("russia");
    for (const mode of MODES) for (const seat of SEATS) for (const length of ["short", "standard"] as const) {
      const rounds = GAME_LENGTHS[length];
      for (const botLevel of ["easy", "hard"] as const) {
        expect(parFor(seat, rounds, { mode, length, botLevel })).toBe(PAR_AT_TABLES[botLevel]![mode][seat]?.[length] ?? PAR[mode][seat][length]);
      }
      // Normal tables, and a game recorded before the level was kept, use the mode's table itself.
      for (const botLevel of [undefined, "normal"] as const) expect(parFor(seat, rounds, { mode, length, botLevel })).toBe(PAR[mode][seat][length]);
    }
    // Easy states and West let Russia score more: the same score stands lower for it at an easy table.
    expect(parFor("russia", 6, { mode: "powers", length: "short", botLevel: "easy" })).toBeGreaterThan(PAR.powers.russia.short);
    expect(parFollowsBots({ mode: "powers", length: "standard", botLevel: "easy" })).toBe(true);
    // The same score stands lower for Russia at a hard table, where hard states take more of its deals.
    const standingAt = (botLevel: "normal" | "hard") => {
      const state = createGame({ mode: "powers", length: "short", botLevel }, 5);
      state.stats.roundsScored = 6;
      state.seats.russia!.score = 30;
      return standing(state, "russia");
    };
    expect(standingAt("hard")).toBeLessThan(standingAt("normal"));
    // What the end screen reads to say the par is set for hard bots.
    expect(parFollowsBots({ mode: "powers", length: "short", botLevel: "hard" })).toBe(true);
    expect(parFollowsBots({ mode: "powers", length: "short", botLevel: "normal" })).toBe(false);
    expect(parFollowsBots({ mode: "powers", length: "short" })).toBe(false);
    expect(parFollowsBots({ mode: "full", length: "short", botLevel: "hard" })).toBe(true);
    expect(parFollowsBots({ mode: "full", length: "standard", botLevel: "hard" })).toBe(true);
    expect(parFollowsBots({ mode: "full", length: "standard", botLevel: "normal" })).toBe(false);
  });
});
