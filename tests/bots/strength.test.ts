import { describe, expect, it } from "vitest";
import { playMatch } from "../../bench/bots-match.ts";

/*
 * The direction of the ladder on a handful of matches: the gap between normal and easy is wide (about nine
 * matches in ten over hundreds), so eight paired matches show it without flaking. The full ladder with its
 * targets is `npm run bots:ladder`.
 */
describe("bot strength", () => {
  it("normal beats easy head to head in Great Powers matches, each level playing both powers", () => {
    let normal = 0;
    for (let i = 0; i < 8; i++) normal += playMatch({ a: "normal", b: "easy", seatA: i % 2 === 0 ? "russia" : "china", seed: 900 + Math.floor(i / 2), length: "short", others: "baseline" });
    expect(normal / 8).toBeGreaterThan(0.5);
  });
});
