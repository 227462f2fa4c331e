import { describe, expect, it } from "vitest";
import { POWERS_RIVAL_WEIGHT, utility } from "../../shared/bots/evaluate.ts";
import { createGame, type GameState } from "../../shared/engine/index.ts";

function chinaAhead(state: GameState, points: number): GameState {
  const next = structuredClone(state);
  next.seats.china!.score += points;
  return next;
}

describe("what a bot maximises", () => {
  it("in Full mode a power chases its rival when the rival leads the table, as it would any other leader", () => {
    const game = createGame({ mode: "full", length: "short" }, 4);
    const drop = utility(game, "russia") - utility(chinaAhead(game, 30), "russia");
    // China 30 points clear of the table is the leader Russia measures itself against (weight 0.8).
    expect(drop).toBeGreaterThan(10);
    expect(drop).toBeLessThanOrEqual(0.8 * 30 + 1e-9);
  });

  it("in Great Powers mode the rival counts once, at its own weight, not again as the table's leader", () => {
    const game = createGame({ mode: "powers", length: "short" }, 4);
    const drop = utility(game, "russia") - utility(chinaAhead(game, 30), "russia");
    expect(drop).toBeCloseTo(30 * POWERS_RIVAL_WEIGHT, 6);
    // Counted again as the leader, the same lead would cost Russia at least what it costs a Full-mode power (0.8 of it).
    const full = createGame({ mode: "full", length: "short" }, 4);
    const asLeader = utility(full, "russia") - utility(chinaAhead(full, 30), "russia");
    expect(drop).toBeLessThan(asLeader);
    expect(drop).toBeGreaterThan(0);
  });
});
