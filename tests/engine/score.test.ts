import { describe, expect, it } from "vitest";
import {
  agendaMet, agendaProgress, objectives, roundPoints, scoreBreakdown, scoreParts, viewFor,
  type GameEvent, type GameState, type Seat,
} from "../../shared/engine/index.ts";
import { AGENDAS } from "../../shared/content/index.ts";
import { SCORING } from "../../shared/engine/rules.ts";
import { fuzz } from "./fuzz.ts";
import { apply, calm, closeOrders, newGame } from "./helpers.ts";

/*
 * Score lines add up: every move of a seat's score is in the log with its category (the year's points by
 * objective, bonuses at once, a rupture's penalty, the agenda), and the parts sum to the score.
 */

describe("the log's score parts add up to every seat's score", () => {
  it("in 400 random games (random inputs, early closes, malformed inputs), for every seat", () => {
    const seen = { interventionBonus: 0, leverageBonus: 0, rupture: 0, agenda: 0, games: 0 };
    fuzz(3_000_000, 400, (state: GameState, events: GameEvent[]) => {
      seen.games++;
      for (const seat of state.seatOrder) {
        const parts = scoreParts(events, seat);
        const total = parts.reduce((n, p) => n + p.points, 0);
        expect(total, `${seat}'s parts in game ${state.seed}`).toBe(state.seats[seat]!.score);
        expect(scoreBreakdown(events, seat).total).toBe(state.seats[seat]!.score);
        for (const p of parts) if (p.category in seen) seen[p.category as keyof typeof seen]++;
      }
      // Each year's line: its parts sum to its points, and its total is the running sum of everything logged so far.
      const running: Partial<Record<Seat, number>> = {};
      for (const e of events) {
        if (e.kind === "scored") {
          const seat = e.params.seat as Seat;
          const parts = scoreParts([e], seat).reduce((n, p) => n + p.points, 0);
          expect(parts).toBe(e.params.points);
          running[seat] = (running[seat] ?? 0) + parts;
          expect(e.params.total).toBe(running[seat]);
        } else {
          for (const seat of state.seatOrder) running[seat] = (running[seat] ?? 0) + scoreParts([e], seat).reduce((n, p) => n + p.points, 0);
          if (e.kind === "scoreBonus" || e.kind === "agendaMet") expect(e.params.total).toBe(running[e.params.seat as Seat]);
        }
      }
    });
    expect(seen.games).toBe(400);
    // The moves the old log left out or folded away all happened, so the sums above were tested on them.
    expect(seen.interventionBonus).toBeGreaterThan(0);
    expect(seen.leverageBonus).toBeGreaterThan(0);
    expect(seen.rupture).toBeGreaterThan(0);
    expect(seen.agenda).toBeGreaterThan(0);
  });

  it("a CSTO intervention logs Russia's bonus point, in the year's breakdown", () => {
    let s = calm(newGame());
    s.countries.tajikistan.stability = 2;
    s.seats.russia!.funds = 10;
    s = closeOrders(s);
    const req = s.decisions.find((d) => d.seat === "tajikistan")!;
    s = apply(s, { type: "answer", seat: "tajikistan", decision: req.id, answer: "csto" });
    const events: GameEvent[] = [];
    const resp = s.decisions.find((d) => d.seat === "russia")!;
    const before = s.seats.russia!.score;
    const after = apply(s, { type: "answer", seat: "russia", decision: resp.id, answer: "intervene" });
    events.push(...after.log);
    const bonus = events.find((e) => e.kind === "scoreBonus");
    expect(bonus?.params).toMatchObject({ seat: "russia", category: "interventionBonus", points: SCORING.russia.interventionBonus, state: "tajikistan" });
    const year = events.find((e) => e.kind === "scored" && e.params.seat === "russia")!;
    expect(after.seats.russia!.score - before).toBe(Number(year.params.points) + SCORING.russia.interventionBonus);
    expect(scoreBreakdown(events, "russia").byCategory.interventionBonus).toBe(SCORING.russia.interventionBonus);
  });
});

describe("objectives and agenda progress", () => {
  it("each seat's objectives say how far they are met and sum to its year's points", () => {
    const s = calm(newGame());
    // Russia leads security in Kazakhstan and Kyrgyzstan of the three CSTO members, has a base in Uzbekistan, leads politics in two states.
    s.countries.kazakhstan.influence.russia.security = 3;
    s.countries.kyrgyzstan.influence.russia.security = 3;
    s.countries.uzbekistan.assets.russianBases = 1;
    s.countries.turkmenistan.assets.russianBases = 0;
    s.countries.kazakhstan.influence.russia.politics = 2;
    s.countries.tajikistan.influence.russia.politics = 2;
    const russia = objectives(s, "russia");
    expect(russia.map((o) => [o.category, o.value, o.target, o.of, o.met, o.points])).toEqual([
      ["cstoLead", 2, 1, 3, true, 2 * SCORING.russia.cstoLead],
      ["baseAbroad", 1, 1, 2, true, SCORING.russia.baseAbroad],
      ["politicalLead", 2, 3, null, false, 0],
    ]);
    expect(roundPoints(s, "russia")).toBe(3);
    s.countries.kyrgyzstan.stability = 3;
    const china = objectives(s, "china");
    expect(china.find((o) => o.category === "stableBorder")).toMatchObject({ value: 2, target: 3, met: false, points: 0 });
    const kz = objectives(s, "kazakhstan");
    expect(kz.find((o) => o.category === "balanced")).toMatchObject({ atMost: true, target: 0.5, met: true });
    expect(kz.find((o) => o.category === "stability")).toMatchObject({ value: 6, target: 5, met: true, points: SCORING.state.stability });
    // The same from a view: public objectives read only what every seat sees.
    const game = newGame();
    for (const seat of game.seatOrder) expect(objectives(viewFor(game, "west"), seat)).toEqual(objectives(game, seat));
  });

  it("every agenda's progress agrees with whether it is met, over the states of random games", () => {
    let checked = 0;
    const metSeen = new Set<string>();
    fuzz(4_000_000, 60, (state) => {
      for (const seat of state.seatOrder) for (const agenda of AGENDAS.filter((a) => a.seats.includes(seat) || (a.seats.includes("states") && !["russia", "china", "west"].includes(seat)))) {
        const p = agendaProgress(state, seat, agenda.id)!;
        expect(p.met).toBe(agendaMet(state, seat, agenda.id));
        expect(p.points).toBe(agenda.points);
        expect(p.conditions.length).toBeGreaterThan(0);
        // Met exactly when one alternative's conditions all hold.
        const alts = new Set(p.conditions.map((c) => c.alt));
        expect(p.met).toBe([...alts].some((alt) => p.conditions.filter((c) => c.alt === alt).every((c) => (c.atMost ? c.value <= c.target : c.value >= c.target))));
        if (p.met) metSeen.add(agenda.id);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(500);
    expect(metSeen.size).toBeGreaterThan(5);
  });

  it("'all-inclusive' is met by either of its two alternatives: the division, or the states' calls at their loudest (5)", () => {
    const s = newGame();
    s.global.division = "classic";
    s.global.allInclusivePressure = 4;
    expect(agendaProgress(s, "kazakhstan", "all-inclusive")!.met).toBe(false);
    s.global.division = "allInclusive";
    expect(agendaProgress(s, "kazakhstan", "all-inclusive")!.met).toBe(true);
    s.global.division = "classic";
    s.global.allInclusivePressure = 5;
    s.global.tension = 9;
    const p = agendaProgress(s, "kazakhstan", "all-inclusive")!;
    expect(p.met).toBe(true);
    expect(p.conditions.filter((c) => c.alt === 1).map((c) => [c.id, c.value, c.target, c.met])).toEqual([["allInclusiveCalls", 5, 5, true]]);
  });

  it("an agenda the content does not hold has no progress", () => {
    expect(agendaProgress(newGame(), "russia", "no-such-agenda")).toBeNull();
    expect(agendaMet(newGame(), "russia", "no-such-agenda")).toBe(false);
  });
});
