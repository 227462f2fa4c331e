import { describe, expect, it } from "vitest";
import { Rng, seedRng } from "../../shared/engine/rng.ts";

describe("seeded RNG", () => {
  it("gives the same draws for the same seed and resumes from saved state", () => {
    const a = new Rng(seedRng(42));
    const first = [a.int(0, 100), a.int(0, 100), a.int(0, 100)];
    const saved = a.state();
    const next = [a.int(0, 100), a.int(0, 100)];
    const b = new Rng(seedRng(42));
    expect([b.int(0, 100), b.int(0, 100), b.int(0, 100)]).toEqual(first);
    const resumed = new Rng(saved);
    expect([resumed.int(0, 100), resumed.int(0, 100)]).toEqual(next);
  });
  it("differs between seeds", () => {
    const a = new Rng(seedRng(1));
    const b = new Rng(seedRng(2));
    const da = Array.from({ length: 10 }, () => a.int(0, 1_000_000));
    const db = Array.from({ length: 10 }, () => b.int(0, 1_000_000));
    expect(da).not.toEqual(db);
  });
});
