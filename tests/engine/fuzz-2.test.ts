import { describe, expect, it } from "vitest";
import { fuzz } from "./fuzz.ts";

// Two files of 5,000 seeded games each, so the 10,000 run on both cores.
describe("random playouts, part 2 of 2", () => {
  it("5,000 games end within their round limit with every invariant held after every step", { timeout: 300_000 }, () => {
    const summary = fuzz(2_000_000, 5_000);
    expect(summary.games).toBe(5_000);
    expect(summary.ended).toBe(5_000);
    expect(summary.refusals).toBeGreaterThan(1_000);
  });
});
