import { describe, expect, it } from "vitest";
import { GAME_LENGTHS, SEATS, parFor } from "../../shared/engine/index.ts";
import { PAR, PAR_SHAPE } from "../../shared/engine/rules.ts";

describe("par", () => {
  it("reaches each seat's full par at the last round of either length and never falls from round to round", () => {
    for (const seat of SEATS) for (const length of ["short", "standard"] as const) {
      const rounds = GAME_LENGTHS[length];
      expect(PAR_SHAPE[seat][length]).toHaveLength(rounds);
      expect(parFor(seat, rounds, length)).toBe(PAR[seat][length]);
      expect(parFor(seat, 0, length)).toBe(0);
      for (let r = 1; r <= rounds; r++) expect(parFor(seat, r, length)).toBeGreaterThanOrEqual(parFor(seat, r - 1, length));
    }
  });

  it("follows when each seat scores: a standard game broken off in its fourth year asks more of Russia, whose bases pay at once, than of China, whose corridors and agenda pay late", () => {
    const share = (seat: "russia" | "china") => parFor(seat, 4, "standard") / PAR[seat].standard;
    expect(share("russia")).toBeGreaterThan(0.4);
    expect(share("china")).toBeLessThan(0.3);
  });
});
