import { describe, expect, it } from "vitest";
import { decide, type BotLevel } from "../../shared/bots/decide.ts";
import { botSeed } from "../../shared/bots/play.ts";
import { applyInput, createGame, pendingSeats, viewFor, type GameOptions, type GameState } from "../../shared/engine/index.ts";
import type { Why } from "../../shared/bots/why.ts";
import { seatName } from "../../client/i18n/strings.ts";
import { whyText } from "../../client/panels/whyText.ts";

const budget = { playouts: 16, timeMs: Number.POSITIVE_INFINITY };

/** Plays a whole game with one level in every seat, checking each decision as it comes. */
function play(level: BotLevel, options: Partial<GameOptions>, seed: number, check: (reason: string, seat: string, why: Why) => void): GameState {
  let state = createGame(options, seed);
  for (let guard = 0; state.phase !== "ended"; guard++) {
    if (guard > 3000) throw new Error("game did not end");
    const seat = pendingSeats(state)[0];
    const d = decide(level, viewFor(state, seat), botSeed(state, seat, guard), budget);
    expect(d).not.toBeNull();
    // The bot gives an id and facts; the client words them (in English here).
    check(whyText({ ...d!.reason.params, why: d!.reason.id }), seat, d!.reason);
    const result = applyInput(state, d!.input);
    if (!result.ok) throw new Error(`${level} bot for ${seat}: ${result.code} ${JSON.stringify(result.params)}`);
    state = result.state;
  }
  return state;
}

describe("every level plays whole games legally and explains itself", () => {
  const cases: [BotLevel, Partial<GameOptions>][] = [
    ["easy", { mode: "full", length: "standard" }],
    ["normal", { mode: "full", length: "short" }],
    ["hard", { mode: "powers", length: "short", west: false }],
    ["baseline", { mode: "full", length: "short" }],
  ];
  for (const [level, options] of cases) {
    it(`${level} bots finish a game, each decision with one readable sentence`, () => {
      const reasons: string[] = [];
      const state = play(level, options, 21, (reason, seat, why) => {
        reasons.push(reason);
        expect(why.params.seat).toBe(seat);
        for (const v of Object.values(why.params)) expect(typeof v === "string" ? /\s/.test(v) : false, `a reason's parameter is a sentence: ${v}`).toBe(false);
        expect(reason).toMatch(/^[A-Z].*[.]$/);
        expect(reason).not.toMatch(/\n|undefined|NaN|null/);
        expect(reason).toContain(seatName(seat));
        expect(reason.split(/[.!?] /).length).toBe(1);
      });
      expect(state.phase).toBe("ended");
      expect(reasons.some((r) => r.includes(" because "))).toBe(true);
    });
  }

  it("a bot that owes nothing, or watches as a spectator, decides nothing", () => {
    const s = createGame({ mode: "full", length: "short" }, 4);
    for (const level of ["easy", "normal", "hard", "baseline"] as const) {
      expect(decide(level, viewFor(s, "spectator"), 1, budget)).toBeNull();
    }
  });

  it("Russia's reason for answering a CSTO call names the state and its stability", () => {
    for (let seed = 1; seed <= 10; seed++) {
      let state = createGame({ mode: "full", length: "standard" }, seed);
      for (let guard = 0; state.phase !== "ended" && guard < 3000; guard++) {
        const seat = pendingSeats(state)[0];
        const view = viewFor(state, seat);
        const d = decide("normal", view, botSeed(state, seat, guard))!;
        const open = view.decisions.find((x) => x.seat === seat && x.answer === null);
        if (seat === "russia" && open?.kind === "crisisResponse" && d.input.type === "answer" && d.input.answer === "intervene") {
          const c = state.countries[open.state!];
          expect(d.reason).toMatchObject({ id: "answer.crisisResponse.intervene", params: { seat: "russia", state: open.state, stability: c.stability } });
          return;
        }
        const result = applyInput(state, d.input);
        if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.params)}`);
        state = result.state;
      }
    }
    throw new Error("no CSTO intervention by Russia in ten games");
  });
});
