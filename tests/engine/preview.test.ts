import { describe, expect, it } from "vitest";
import { ACTIONS, ACTION_BY_ID, AGENDAS, type Effect } from "../../shared/content/index.ts";
import {
  checkPlan, legalActions, previewDecision, previewInput, submitOrders, viewFor,
  type Change, type EffectPreview, type GameState, type Order, type Outcome, type Seat, type StateId,
} from "../../shared/engine/index.ts";
import { RULES } from "../../shared/engine/rules.ts";
import { Rng, seedRng } from "../../shared/engine/rng.ts";
import { BOTS, playGame } from "../../shared/bots/play.ts";
import { rupturePenalty } from "../../shared/engine/scoring.ts";
import { apply, calm, closeOrders, newGame, ok } from "./helpers.ts";

/*
 * Effect previews: every order of every seat, every offer from both sides, every decision kind, against games
 * built for the case. Expected values come from the content files and the state the test builds, never from the
 * preview itself.
 */

const find = (o: Outcome, pred: (c: Change) => boolean) => o.changes.find(pred);
/** A numeric change's values only. */
const fromTo = (c: Change | undefined) => (c ? { from: c.from as number, to: c.to as number } : undefined);
const track = (o: Outcome, state: StateId, name: string) => fromTo(find(o, (c) => c.kind === "track" && c.state === state && c.track === name));
const global = (o: Outcome, name: string) => fromTo(find(o, (c) => c.kind === "global" && c.track === name));
const fundsOf = (o: Outcome, seat: Seat) => fromTo(find(o, (c) => c.kind === "funds" && c.seat === seat));
const scoreOf = (o: Outcome, seat: Seat) => fromTo(find(o, (c) => c.kind === "score" && c.seat === seat));
const outcome = (p: EffectPreview, when: string) => {
  const o = p.outcomes.find((x) => x.when === when);
  expect(o, `an outcome "${when}" in ${JSON.stringify(p.outcomes.map((x) => x.when))}`).toBeDefined();
  return o!;
};

/** A calm game with money enough for anything, at round 1's orders. */
function rich(seed = 7): GameState {
  const s = calm(newGame({}, seed));
  for (const seat of s.seatOrder) s.seats[seat]!.funds = 20;
  return s;
}

/** The game after `seat` gave `orders` and everyone else passed: the offers phase when an offer was made. */
function offered(state: GameState, seat: Seat, orders: Order[]): GameState {
  return closeOrders(ok(submitOrders(state, seat, orders)));
}

/** The preview of one order from its seat's view. */
function previewOrder(state: GameState, seat: Seat, order: Order): EffectPreview {
  return previewInput(viewFor(state, seat), { type: "order", seat, order });
}

/** Whether a change moves the value an effect names in the effect's direction (or the track sits at its bound). */
function reflects(o: Outcome, e: Effect, seat: Seat, target: string | undefined, before: GameState): boolean {
  const where = (sel: string): StateId | null => (sel === "target" ? (target as StateId) : sel === "actor" ? (seat as StateId) : (sel as StateId));
  const moved = (from: number, to: number, delta: number) => Math.sign(to - from) === Math.sign(delta);
  switch (e.kind) {
    case "track": {
      if (e.states !== "target" && e.states !== "actor") return true;
      const id = where(e.states)!;
      const c = track(o, id, e.track);
      return c ? moved(c.from, c.to, e.delta) : before.countries[id][e.track] === (e.delta > 0 ? upper(e.track) : lower(e.track));
    }
    case "influence": {
      if (e.states === "all") return STATES_OF(before).every((id) => {
        const c = find(o, (x) => x.kind === "influence" && x.state === id && x.power === e.power && x.domain === e.domain) as { from: number; to: number } | undefined;
        return c ? moved(c.from, c.to, e.delta) : before.countries[id].influence[e.power][e.domain] === (e.delta > 0 ? 5 : 0);
      });
      const id = where(e.states)!;
      const c = find(o, (x) => x.kind === "influence" && x.state === id && x.power === e.power && x.domain === e.domain) as { from: number; to: number } | undefined;
      return c ? moved(c.from, c.to, e.delta) : before.countries[id].influence[e.power][e.domain] === (e.delta > 0 ? 5 : 0);
    }
    case "asset": {
      const id = where(e.states as string)!;
      return !!find(o, (x) => x.kind === "asset" && x.state === id && x.asset === e.asset && moved(x.from, x.to, e.delta));
    }
    case "member": {
      const id = where(e.states as string)!;
      return !!find(o, (x) => x.kind === "member" && x.state === id && x.org === e.org && x.to === e.value);
    }
    case "global": {
      const c = global(o, e.track);
      return c ? moved(c.from, c.to, e.delta) : true;
    }
    case "opinion": {
      const id = where(e.states as string)!;
      const c = find(o, (x) => x.kind === "opinion" && x.state === id && x.of === e.of) as { from: number; to: number } | undefined;
      return c ? moved(c.from, c.to, e.delta) : Math.abs(before.countries[id].opinion[e.of]) === 3;
    }
    default:
      return true;
  }
}
const upper = (t: string) => (t === "remittances" ? 5 : t === "debt" || t === "capacity" ? 60 : 10);
const lower = (t: string) => (t === "capacity" ? 1 : 0);
const STATES_OF = (s: GameState) => Object.keys(s.countries) as StateId[];

describe("effect preview of every order", () => {
  // Two boards: the calm start, and the same with every state owing China (for loans, refinancing and blocking)
  // and Uzbekistan out of the SCO (for an invitation).
  const indebted = rich();
  for (const id of STATES_OF(indebted)) indebted.countries[id].debt = 10;
  indebted.countries.uzbekistan.members.sco = false;
  const games = { calm: rich(), indebted };
  const cases = Object.entries(games).flatMap(([board, game]) => game.seatOrder.flatMap((seat) => legalActions(game, seat).flatMap((l) =>
    (l.targets.length ? l.targets : [undefined]).flatMap((target) => (l.options.length ? l.options : [undefined]).map((option) => {
      const order: Order = { action: l.action, ...(target ? { target } : {}), ...(option ? { option } : {}) };
      return { game, seat, order, name: `${board} board, ${seat}: ${l.action}${target ? ` ${target}` : ""}${option ? ` (${option})` : ""}` };
    })))));

  it("covers every action of the content", () => {
    const previewed = new Set(cases.map((c) => c.order.action));
    expect(ACTIONS.filter((a) => !previewed.has(a.id)).map((a) => a.id)).toEqual([]);
  });

  it.each(cases)("$name: spend, outcomes and every content effect", ({ game, seat, order }) => {
    const def = ACTION_BY_ID.get(order.action)!;
    const p = previewOrder(game, seat, order);
    expect(p.refused).toBeNull();
    expect(p.spend).toEqual({ ap: def.ap, funds: def.cost });
    if (def.offer) {
      expect(p.outcomes.map((o) => o.when)).toEqual(["accept", "decline"]);
      for (const o of p.outcomes) expect(o.decidedBy).toBe(order.target);
      expect(outcome(p, def.defaultAnswer ?? "decline").isDefault).toBe(true);
      expect(outcome(p, "decline").changes).toEqual([]);
    } else {
      expect(p.outcomes.map((o) => o.when)).toEqual(["resolve"]);
      expect(p.outcomes[0]!.decidedBy).toBeNull();
    }
    const done = def.offer ? outcome(p, "accept") : p.outcomes[0]!;
    expect(done.lapses).toBe(false);
    // The seat pays the order's cost and gains what the content gives the actor.
    const funds = game.seats[seat]!.funds;
    const gained = def.effects.reduce((n, e) => n + (e.kind === "funds" && e.seat === "actor" ? e.delta : 0), 0);
    if (gained - def.cost !== 0) expect(fundsOf(done, seat)).toEqual({ from: funds, to: funds - def.cost + gained });
    else expect(fundsOf(done, seat)).toBeUndefined();
    const byOption = order.option ? def.optionEffects?.[order.option]?.effects ?? [] : [];
    for (const e of [...def.effects, ...byOption]) expect(reflects(done, e, seat, order.target, game), `${JSON.stringify(e)} in ${JSON.stringify(done.changes)}`).toBe(true);
  });
});

describe("encroachment and tension", () => {
  it("a Chinese security order under 'gun and wallet' is an encroachment: tension +1", () => {
    const s = rich();
    s.global.tension = 4;
    s.global.asymmetry = RULES.juniorPartnerAsymmetry - 1;
    const o = previewOrder(s, "china", { action: "private-security", target: "kyrgyzstan" }).outcomes[0]!;
    expect(o.encroachments).toEqual([{ seat: "china", other: "russia", domain: "security", tension: 1, juniorPartner: 0, tensionAfter: 5, order: { seat: "china", action: "private-security", target: "kyrgyzstan" } }]);
    expect(global(o, "tension")).toEqual({ from: 4, to: 5 });
  });

  it("with the asymmetry high, the junior-partner extra shows: tension +2", () => {
    const s = rich();
    s.global.tension = 4;
    s.global.asymmetry = RULES.juniorPartnerAsymmetry;
    const o = previewOrder(s, "china", { action: "sco-training", target: "kazakhstan" }).outcomes[0]!;
    expect(o.encroachments).toEqual([{ seat: "china", other: "russia", domain: "security", tension: 1 + RULES.juniorPartnerExtra, juniorPartner: RULES.juniorPartnerExtra, tensionAfter: 4 + 1 + RULES.juniorPartnerExtra, order: { seat: "china", action: "sco-training", target: "kazakhstan" } }]);
  });

  it("the same order in a domain that is no one's home is not an encroachment", () => {
    const s = rich();
    s.global.division = "allInclusive";
    const o = previewOrder(s, "china", { action: "private-security", target: "kyrgyzstan" }).outcomes[0]!;
    expect(o.encroachments).toEqual([]);
    expect(global(o, "tension")).toBeUndefined();
  });

  it("accepting a state's plea for Russian refinancing counts as an encroachment: tension 7 -> 8", () => {
    const s = rich();
    s.global.tension = 7;
    s.countries.kyrgyzstan.debt = 22;
    const offers = offered(s, "kyrgyzstan", [{ action: "seek-refinancing", target: "russia" }]);
    expect(offers.phase).toBe("offers");
    const view = viewFor(offers, "russia");
    const d = view.decisions.find((x) => x.seat === "russia")!;
    const [accept, decline] = previewDecision(view, d.id);
    expect(accept!.outcomes[0]!.when).toBe("accept");
    const yes = accept!.outcomes[0]!;
    // Raised by the state's order; its target is a power, not a state.
    expect(yes.encroachments).toEqual([{ seat: "russia", other: "china", domain: "economy", tension: 1, juniorPartner: 0, tensionAfter: 8, order: { seat: "kyrgyzstan", action: "seek-refinancing", target: null } }]);
    expect(global(yes, "tension")).toEqual({ from: 7, to: 8 });
    expect(fundsOf(yes, "russia")).toEqual({ from: 20, to: 17 });
    expect(track(yes, "kyrgyzstan", "debt")).toEqual({ from: 22, to: 18 });
    expect(decline!.outcomes[0]!.changes).toEqual([]);
    expect(decline!.outcomes[0]!.encroachments).toEqual([]);
    // The state's own order shows the same consequence, decided by Russia.
    const asked = previewOrder(s, "kyrgyzstan", { action: "seek-refinancing", target: "russia" });
    expect(outcome(asked, "accept").decidedBy).toBe("russia");
    expect(outcome(asked, "accept").encroachments.map((e) => e.tensionAfter)).toEqual([8]);
  });

  it("Western refinancing is not an encroachment", () => {
    const s = rich();
    s.countries.kyrgyzstan.debt = 22;
    const o = outcome(previewOrder(s, "kyrgyzstan", { action: "seek-refinancing", target: "west" }), "accept");
    expect(o.encroachments).toEqual([]);
    expect(fundsOf(o, "west")).toEqual({ from: 20, to: 17 });
  });

  it("a competing loan accepted by the state shows Russia's encroachment from the state's side", () => {
    const s = rich();
    s.global.tension = 5;
    s.countries.tajikistan.debt = 12;
    const offers = offered(s, "russia", [{ action: "competing-loan", target: "tajikistan" }]);
    const view = viewFor(offers, "tajikistan");
    const d = view.decisions.find((x) => x.seat === "tajikistan")!;
    const yes = previewInput(view, { type: "answer", seat: "tajikistan", decision: d.id, answer: "accept" }).outcomes[0]!;
    expect(yes.encroachments[0]).toMatchObject({ seat: "russia", other: "china", domain: "economy", tension: 1, tensionAfter: 6 });
    expect(track(yes, "tajikistan", "debt")).toEqual({ from: 12, to: 7 });
  });

  it("an encroachment that brings tension to the rupture line ends the game, and the penalty shows in the score", () => {
    const s = rich();
    s.global.tension = RULES.ruptureAt - 1;
    const o = previewOrder(s, "china", { action: "private-security", target: "kyrgyzstan" }).outcomes[0]!;
    expect(o.rupture).toBe(true);
    const penalty = rupturePenalty(s.options.length);
    expect(scoreOf(o, "russia")).toEqual({ from: 0, to: -penalty });
    // China's own agenda is known to China: its score also counts the agenda if the game ending now fulfils it.
    expect(scoreOf(o, "china")!.to).toBeLessThanOrEqual(-penalty + 8);
    expect(o.risks).toEqual([]);
  });
});

describe("debt and distress", () => {
  it("a Belt and Road loan to a state at 21/25 shows the risk of distress (unless it pays its service) and China's leverage", () => {
    const s = rich();
    s.countries.kyrgyzstan.debt = 21;
    s.countries.kyrgyzstan.capacity = 25;
    s.seats.kyrgyzstan!.funds = 1;
    const p = previewOrder(s, "china", { action: "bri-loan", target: "kyrgyzstan" });
    const yes = outcome(p, "accept");
    expect(track(yes, "kyrgyzstan", "debt")).toEqual({ from: 21, to: 27 });
    const risk = yes.risks.find((r) => r.kind === "distress" && r.state === "kyrgyzstan");
    // 27 owed: 3 due; paid in full the debt falls to 25 (no distress), unpaid it grows to 30 (distress).
    expect(risk).toEqual({
      kind: "distress", state: "kyrgyzstan", capacity: 25, due: 3, debtIfPaid: 25, debtIfUnpaid: 30, canPay: false,
      from: "none", to: "ifUnpaid", leverage: ["assets", "alignment", "restructure", "none"],
    });
    expect(outcome(p, "decline").risks).toEqual([]);
  });

  it("the state sees the same risk when it answers the loan offer", () => {
    const s = rich();
    s.countries.kyrgyzstan.debt = 24;
    s.countries.kyrgyzstan.capacity = 25;
    const offers = offered(s, "china", [{ action: "bri-loan", target: "kyrgyzstan" }]);
    const view = viewFor(offers, "kyrgyzstan");
    const d = view.decisions.find((x) => x.seat === "kyrgyzstan")!;
    const yes = previewInput(view, { type: "answer", seat: "kyrgyzstan", decision: d.id, answer: "accept" }).outcomes[0]!;
    // Before: 24 owed, 3 due, distress only if unpaid (27). After: 30 owed; even paid the debt stays at 28 > 25.
    expect(yes.risks.find((r) => r.kind === "distress")).toMatchObject({ state: "kyrgyzstan", debtIfPaid: 28, to: "sure", from: "ifUnpaid" });
    expect(yes.isDefault).toBe(true);
  });

  it("Western refinancing out of distress shows the way out", () => {
    const s = rich();
    s.countries.tajikistan.debt = 30;
    s.countries.tajikistan.capacity = 20;
    s.countries.tajikistan.distress = true;
    const o = outcome(previewOrder(s, "west", { action: "refinance", target: "tajikistan" }), "accept");
    expect(o.risks.find((r) => r.kind === "distress")).toMatchObject({ from: "sure", to: "sure", debtIfPaid: 23 });
    const deeper = rich();
    deeper.countries.tajikistan.debt = 23;
    deeper.countries.tajikistan.capacity = 20;
    const out = outcome(previewOrder(deeper, "west", { action: "refinance", target: "tajikistan" }), "accept");
    expect(out.risks.find((r) => r.kind === "distress")).toMatchObject({ from: "sure", to: "none" });
  });
});

describe("what may follow", () => {
  it("an order that lifts a state out of crisis range says so, with whom it could have asked", () => {
    const s = rich();
    s.countries.tajikistan.stability = RULES.crisisAt;
    const o = previewOrder(s, "russia", { action: "deploy-advisers", target: "tajikistan" }).outcomes[0]!;
    expect(o.risks).toContainEqual({ kind: "crisis", state: "tajikistan", stability: RULES.crisisAt + 1, from: true, to: false, asks: ["csto", "west", "none"] });
  });

  it("poverty relieved lowers next year's chance of unrest", () => {
    const s = rich();
    s.countries.uzbekistan.prosperity = RULES.povertyAt;
    const o = previewOrder(s, "uzbekistan", { action: "develop" }).outcomes[0]!;
    const risk = o.risks.find((r) => r.kind === "unrest" && r.state === "uzbekistan") as { from: number; to: number };
    expect(risk.from).toBeCloseTo(RULES.baseUnrest + RULES.povertyUnrest, 9);
    expect(risk.to).toBeCloseTo(RULES.baseUnrest, 9);
  });

  it("a strike on Afghan camps lowers the chance of spillover on the Afghan border", () => {
    const s = rich();
    s.global.afghanThreat = 3;
    s.countries.tajikistan.assets.russianBases = 1;
    const o = previewOrder(s, "russia", { action: "afghan-strike", target: "tajikistan" }).outcomes[0]!;
    const spill = o.risks.filter((r) => r.kind === "spillover") as { state: StateId; from: number; to: number }[];
    expect(spill.map((r) => r.state).sort()).toEqual(["tajikistan", "turkmenistan", "uzbekistan"]);
    for (const r of spill) {
      expect(r.from).toBeCloseTo(3 * RULES.spilloverPerThreat, 9);
      expect(r.to).toBeCloseTo(2 * RULES.spilloverPerThreat, 9);
    }
  });
});

describe("offers from both sides", () => {
  const offers: { seat: Seat; order: Order; tweak?: (s: GameState) => void }[] = [
    { seat: "russia", order: { action: "lease-base", target: "uzbekistan" } },
    { seat: "russia", order: { action: "arms-deal", target: "kazakhstan" } },
    { seat: "russia", order: { action: "invite-csto", target: "uzbekistan" } },
    { seat: "russia", order: { action: "invite-eaeu", target: "tajikistan" } },
    { seat: "russia", order: { action: "competing-loan", target: "kyrgyzstan" } },
    { seat: "china", order: { action: "bri-loan", target: "kazakhstan" } },
    { seat: "china", order: { action: "invest", target: "turkmenistan" } },
    { seat: "china", order: { action: "build-pipeline", target: "turkmenistan" } },
    { seat: "china", order: { action: "digital-silk-road", target: "uzbekistan" } },
    { seat: "china", order: { action: "border-outpost", target: "tajikistan" } },
    { seat: "china", order: { action: "arms-sale", target: "kyrgyzstan" } },
    { seat: "china", order: { action: "invite-sco", target: "tajikistan" }, tweak: (s) => { s.countries.tajikistan.members.sco = false; } },
    { seat: "west", order: { action: "connectivity-project", target: "kazakhstan" } },
    { seat: "west", order: { action: "refinance", target: "kyrgyzstan" } },
    { seat: "russia", order: { action: "propose-bargain", target: "china", option: "sharedSecurity" } },
    { seat: "china", order: { action: "propose-bargain", target: "russia", option: "economicPartnership" } },
    { seat: "kazakhstan", order: { action: "seek-refinancing", target: "russia" } },
    { seat: "tajikistan", order: { action: "seek-refinancing", target: "west" } },
  ];

  it.each(offers)("$seat offers $order.action to $order.target: the offer's accept outcome is what accepting does", ({ seat, order, tweak }) => {
    const s = rich();
    for (const id of STATES_OF(s)) s.countries[id].debt = 10;
    tweak?.(s);
    const fromOfferer = previewOrder(s, seat, order);
    expect(fromOfferer.refused).toBeNull();
    const next = offered(s, seat, [order]);
    expect(next.phase).toBe("offers");
    const target = order.target as Seat;
    const view = viewFor(next, target);
    const d = view.decisions.find((x) => x.seat === target && x.kind === "offer")!;
    expect(d.from).toBe(seat);
    const answers = previewDecision(view, d.id);
    expect(answers.map((p) => p.outcomes[0]!.when)).toEqual(d.options);
    const accept = answers.find((p) => p.outcomes[0]!.when === "accept")!.outcomes[0]!;
    const decline = answers.find((p) => p.outcomes[0]!.when === "decline")!.outcomes[0]!;
    // The same resolution seen from either side (the offering seat's funds were not yet spent in either); only
    // whether one's own secret agenda moves differs, and each side sees its own.
    const public_ = (cs: Change[]) => cs.filter((c) => c.kind !== "agenda");
    expect(public_(accept.changes)).toEqual(public_(outcome(fromOfferer, "accept").changes));
    expect(accept.encroachments).toEqual(outcome(fromOfferer, "accept").encroachments);
    expect(accept.changes.length).toBeGreaterThan(0);
    expect(decline.changes).toEqual([]);
    expect(accept.isDefault).toBe(d.defaultAnswer === "accept");
    // While the offer waits, the offering seat sees the same two outcomes, decided by the target.
    const pending = previewDecision(viewFor(next, seat), d.id);
    expect(pending.map((p) => [p.seat, p.outcomes[0]!.when, p.outcomes[0]!.decidedBy])).toEqual(d.options.map((o) => [target, o, target]));
    expect(public_(pending.find((p) => p.outcomes[0]!.when === "accept")!.outcomes[0]!.changes)).toEqual(public_(accept.changes));
  });

  it("a Great Bargain accepted changes the division of labour and eases tension", () => {
    const s = rich();
    s.global.tension = 6;
    const o = outcome(previewOrder(s, "russia", { action: "propose-bargain", target: "china", option: "sharedSecurity" }), "accept");
    expect(find(o, (c) => c.kind === "division")).toEqual({ kind: "division", from: "classic", to: "sharedSecurity" });
    expect(global(o, "tension")).toEqual({ from: 6, to: 5 });
  });

  it("a lender that cannot pay has only 'decline': the accept outcome lapses", () => {
    const s = rich();
    s.countries.kyrgyzstan.debt = 20;
    s.seats.russia!.funds = 2;
    const p = previewOrder(s, "kyrgyzstan", { action: "seek-refinancing", target: "russia" });
    expect(outcome(p, "accept").lapses).toBe(true);
    expect(outcome(p, "accept").changes).toEqual([]);
    expect(outcome(p, "decline").isDefault).toBe(true);
  });
});

describe("decisions", () => {
  /** A calm game whose orders are closed with `id` in crisis: the crisis-request phase. */
  function inCrisis(id: StateId, tweak?: (s: GameState) => void): GameState {
    const s = rich();
    s.countries[id].stability = 2;
    tweak?.(s);
    const next = closeOrders(s);
    expect(next.phase).toBe("crisisRequest");
    return next;
  }

  it("a CSTO member's request to the CSTO: Russia then intervenes (its default, with the bonus point) or declines (escalation)", () => {
    const s = inCrisis("tajikistan");
    const view = viewFor(s, "tajikistan");
    const d = view.decisions.find((x) => x.kind === "crisisRequest")!;
    const previews = previewDecision(view, d.id);
    expect(previews.map((p) => p.outcomes[0]!.when)).toEqual(["csto", "west", "none"]);
    const csto = previews[0]!.outcomes[0]!;
    expect(csto.isDefault).toBe(true);
    expect(csto.changes).toEqual([]);
    expect(csto.then.map((o) => [o.when, o.decidedBy, o.isDefault])).toEqual([["intervene", "russia", true], ["decline", "russia", false]]);
    const intervene = csto.then[0]!;
    expect(track(intervene, "tajikistan", "stability")).toEqual({ from: 2, to: 6 });
    expect(scoreOf(intervene, "russia")).toEqual({ from: 0, to: 1 });
    expect(fundsOf(intervene, "russia")).toEqual({ from: 20, to: 18 });
    expect(find(intervene, (c) => c.kind === "crisis")).toMatchObject({ state: "tajikistan", to: null });
    const declined = csto.then[1]!;
    expect(track(declined, "tajikistan", "stability")).toEqual({ from: 2, to: 1 });
    const none = previews[2]!.outcomes[0]!;
    expect(none.then).toEqual([]);
    expect(track(none, "tajikistan", "stability")).toEqual({ from: 2, to: 1 });
    expect(track(none, "tajikistan", "prosperity")!.to).toBe(s.countries.tajikistan.prosperity - 1);
  });

  it("a non-member asks China: China's answer is an encroachment on Russia's security domain", () => {
    const s = inCrisis("uzbekistan", (g) => { g.global.tension = 5; });
    const view = viewFor(s, "uzbekistan");
    const d = view.decisions.find((x) => x.kind === "crisisRequest")!;
    const china = previewInput(view, { type: "answer", seat: "uzbekistan", decision: d.id, answer: "china" }).outcomes[0]!;
    const intervene = china.then.find((o) => o.when === "intervene")!;
    expect(intervene.decidedBy).toBe("china");
    expect(intervene.isDefault).toBe(false);
    expect(intervene.encroachments).toEqual([{ seat: "china", other: "russia", domain: "security", tension: 1, juniorPartner: 0, tensionAfter: 6 }]);
  });

  it("the power asked previews its own answer", () => {
    let s = inCrisis("kyrgyzstan");
    const req = s.decisions.find((x) => x.seat === "kyrgyzstan")!;
    s = apply(s, { type: "answer", seat: "kyrgyzstan", decision: req.id, answer: "csto" });
    expect(s.phase).toBe("crisisResponse");
    const view = viewFor(s, "russia");
    const d = view.decisions.find((x) => x.kind === "crisisResponse")!;
    const [intervene, decline] = previewDecision(view, d.id);
    expect(scoreOf(intervene!.outcomes[0]!, "russia")).toEqual({ from: 0, to: 1 });
    expect(find(intervene!.outcomes[0]!, (c) => c.kind === "influence" && c.state === "kyrgyzstan" && c.power === "russia" && c.domain === "security")).toBeDefined();
    expect(scoreOf(decline!.outcomes[0]!, "russia")).toBeUndefined();
    // The state that asked sees what Russia's answer will do, decided by Russia.
    const asked = previewDecision(viewFor(s, "kyrgyzstan"), d.id);
    expect(asked.map((p) => [p.outcomes[0]!.when, p.outcomes[0]!.decidedBy, p.outcomes[0]!.isDefault])).toEqual([["intervene", "russia", true], ["decline", "russia", false]]);
    expect(track(asked[0]!.outcomes[0]!, "kyrgyzstan", "stability")).toEqual(track(intervene!.outcomes[0]!, "kyrgyzstan", "stability"));
    // A seat with no part in a decision sees none of it.
    expect(viewFor(s, "tajikistan").decisions.some((x) => x.id === d.id)).toBe(false);
    expect(previewDecision(viewFor(s, "tajikistan"), d.id)).toEqual([]);
  });

  it("China's leverage choices over a state in distress: each shows its debt relief, and assets or alignment a point", () => {
    const s = rich();
    s.countries.tajikistan.debt = 30;
    s.countries.tajikistan.capacity = 20;
    const next = closeOrders(s);
    expect(next.phase).toBe("leverage");
    const view = viewFor(next, "china");
    const d = view.decisions.find((x) => x.kind === "leverage" && x.state === "tajikistan")!;
    const debtNow = next.countries.tajikistan.debt;
    const byAnswer = Object.fromEntries(previewDecision(view, d.id).map((p) => [p.outcomes[0]!.when, p.outcomes[0]!]));
    expect(Object.keys(byAnswer)).toEqual(d.options);
    expect(track(byAnswer.assets!, "tajikistan", "debt")).toEqual({ from: debtNow, to: debtNow - 6 });
    expect(scoreOf(byAnswer.assets!, "china")).toEqual({ from: 0, to: 1 });
    expect(track(byAnswer.alignment!, "tajikistan", "debt")).toEqual({ from: debtNow, to: debtNow - 2 });
    expect(scoreOf(byAnswer.alignment!, "china")).toEqual({ from: 0, to: 1 });
    expect(fundsOf(byAnswer.restructure!, "china")!.to).toBe(next.seats.china!.funds - 1);
    expect(scoreOf(byAnswer.restructure!, "china")).toBeUndefined();
    expect(byAnswer.none!.changes).toEqual([]);
    expect(byAnswer.none!.isDefault).toBe(true);
  });
});

describe("plans and refusals", () => {
  it("a plan resolves in the engine's order with each offer at its default answer", () => {
    const s = rich();
    s.global.tension = 4;
    const plan: Order[] = [{ action: "private-security", target: "kyrgyzstan" }, { action: "bri-loan", target: "kazakhstan" }, { action: "propose-bargain", target: "russia", option: "allInclusive" }];
    const p = previewInput(viewFor(s, "china"), { type: "orders", seat: "china", orders: plan });
    expect(p.refused).toBeNull();
    expect(p.spend).toEqual({ ap: 3, funds: 4 });
    const o = p.outcomes[0]!;
    // The bargain defaults to decline; the loan to accept; the security order encroaches.
    expect(find(o, (c) => c.kind === "division")).toBeUndefined();
    expect(track(o, "kazakhstan", "debt")).toEqual({ from: 0, to: 6 });
    expect(o.encroachments).toHaveLength(1);
    expect(fundsOf(o, "china")).toEqual({ from: 20, to: 16 });
  });

  it("a plan's encroachments each name the order that raised them, in the order they resolve", () => {
    const s = rich();
    s.global.tension = 4;
    s.global.asymmetry = RULES.juniorPartnerAsymmetry - 1;
    const plan: Order[] = [{ action: "public-diplomacy", target: "kazakhstan" }, { action: "sco-training", target: "tajikistan" }, { action: "private-security", target: "kyrgyzstan" }];
    const o = previewInput(viewFor(s, "china"), { type: "orders", seat: "china", orders: plan }).outcomes[0]!;
    expect(o.encroachments.map((e) => [e.order?.action, e.order?.target, e.tension, e.tensionAfter])).toEqual([
      ["sco-training", "tajikistan", 1, 5],
      ["private-security", "kyrgyzstan", 1, 6],
    ]);
  });

  it.each([
    { name: "an action of another seat", orders: [{ action: "bri-loan", target: "kazakhstan" }] as Order[], seat: "russia" as Seat },
    { name: "a bad target", orders: [{ action: "invite-csto", target: "kazakhstan" }] as Order[], seat: "russia" as Seat },
    { name: "over budget", orders: [{ action: "bri-loan", target: "kazakhstan" }, { action: "bri-loan", target: "kyrgyzstan" }, { action: "bri-loan", target: "tajikistan" }, { action: "bri-loan", target: "uzbekistan" }] as Order[], seat: "china" as Seat },
    { name: "a duplicate", orders: [{ action: "invest", target: "kazakhstan" }, { action: "invest", target: "kazakhstan" }] as Order[], seat: "china" as Seat },
  ])("a plan the engine would refuse ($name) is refused with the engine's code", ({ orders, seat }) => {
    const s = rich();
    const refused = submitOrders(s, seat, orders);
    expect(refused.ok).toBe(false);
    const p = previewInput(viewFor(s, seat), { type: "orders", seat, orders });
    expect(p.refused).toBe(refused.ok ? null : refused.code);
    expect(checkPlan(viewFor(s, seat), orders).code).toBe(refused.ok ? undefined : refused.code);
    expect(p.outcomes).toEqual([]);
  });

  it("a seat cannot preview another seat's input, nor answer out of phase", () => {
    const s = rich();
    expect(previewInput(viewFor(s, "russia"), { type: "order", seat: "china", order: { action: "invest", target: "kazakhstan" } }).refused).toBe("not-your-action");
    expect(previewInput(viewFor(s, "russia"), { type: "answer", seat: "russia", decision: 1, answer: "accept" }).refused).toBe("wrong-phase");
  });
});

describe("previews reveal no other seat's secrets", () => {
  /** Two games alike in everything a seat can see, unlike in others' agendas and submitted orders. */
  function twins(viewer: Seat, seed: number): [GameState, GameState] {
    const a = rich(seed);
    let b = structuredClone(a);
    for (const seat of b.seatOrder) {
      if (seat === viewer) continue;
      b.seats[seat]!.agenda = AGENDAS.find((x) => (x.seats.includes(seat) || (x.seats.includes("states") && seat !== "russia" && seat !== "china" && seat !== "west")) && x.id !== a.seats[seat]!.agenda)!.id;
    }
    for (const seat of b.seatOrder) {
      if (seat === viewer) continue;
      const legal = legalActions(b, seat).find((l) => l.cost <= 2 && l.options.length === 0);
      if (!legal) continue;
      b = ok(submitOrders(b, seat, [{ action: legal.action, ...(legal.targets[0] ? { target: legal.targets[0] } : {}) }]));
    }
    return [a, b];
  }

  it.each(["russia", "china", "kazakhstan", "west"] as Seat[])("%s's previews of every order and of its whole plan are the same whatever the others hold", (viewer) => {
    for (const seed of [3, 11]) {
      const [a, b] = twins(viewer, seed);
      const others = a.seatOrder.filter((x) => x !== viewer);
      expect(others.every((x) => a.seats[x]!.agenda !== b.seats[x]!.agenda)).toBe(true);
      expect(others.filter((x) => b.seats[x]!.orders.length > 0).length).toBeGreaterThan(3);
      const va = viewFor(a, viewer);
      const vb = viewFor(b, viewer);
      const orders: Order[] = va.legal.map((l) => ({ action: l.action, ...(l.targets[0] ? { target: l.targets[0] } : {}), ...(l.options[0] ? { option: l.options[0] } : {}) }));
      expect(orders.length).toBeGreaterThan(2);
      for (const order of orders) {
        expect(previewInput(vb, { type: "order", seat: viewer, order })).toEqual(previewInput(va, { type: "order", seat: viewer, order }));
      }
      const plan = orders.slice(0, 1);
      expect(previewInput(vb, { type: "orders", seat: viewer, orders: plan })).toEqual(previewInput(va, { type: "orders", seat: viewer, orders: plan }));
    }
  });

  it("a state's previews of an offer are the same whatever offers passed between other seats", () => {
    const s = rich();
    const a = offered(s, "china", [{ action: "invest", target: "kazakhstan" }]);
    const withOthers = ok(submitOrders(s, "russia", [{ action: "lease-base", target: "kyrgyzstan" }, { action: "propose-bargain", target: "china", option: "allInclusive" }]));
    const b = offered(withOthers, "china", [{ action: "invest", target: "kazakhstan" }]);
    expect(b.decisions.length).toBeGreaterThan(a.decisions.length);
    const da = a.decisions.find((d) => d.seat === "kazakhstan")!;
    const db = b.decisions.find((d) => d.seat === "kazakhstan")!;
    expect(previewDecision(viewFor(b, "kazakhstan"), db.id)).toEqual(previewDecision(viewFor(a, "kazakhstan"), da.id));
  });
});

describe("previews over random games", () => {
  it("every seat's orders and every open decision preview without refusal, one outcome per answer, leaving the view untouched", () => {
    const rng = new Rng(seedRng(5));
    let orders = 0;
    let answers = 0;
    for (let g = 0; g < 12; g++) {
      playGame({ mode: g % 2 ? "full" : "powers", length: "short" }, 9_000 + g, BOTS.random, (state) => {
        if (state.phase === "ended") return;
        for (const seat of state.seatOrder) {
          const view = viewFor(state, seat);
          const before = JSON.stringify(view);
          if (state.phase === "orders" && view.legal.length > 0) {
            const l = rng.pick(view.legal);
            const order: Order = { action: l.action, ...(l.targets.length ? { target: rng.pick(l.targets) } : {}), ...(l.options.length ? { option: rng.pick(l.options) } : {}) };
            const p = previewInput(view, { type: "order", seat, order });
            // A legal action the seat cannot afford is refused as the engine would refuse it.
            const verdict = checkPlan(view, [order]);
            expect(p.refused).toBe(verdict.ok ? null : verdict.code);
            expect(p.outcomes.length).toBe(!verdict.ok ? 0 : ACTION_BY_ID.get(order.action)!.offer ? 2 : 1);
            if (verdict.ok) orders++;
          }
          for (const d of view.decisions.filter((x) => x.answer === null)) {
            const previews = previewDecision(view, d.id);
            expect(previews.map((p) => p.outcomes[0]?.when)).toEqual(d.options);
            for (const p of previews) expect(p.refused).toBeNull();
            answers += previews.length;
          }
          expect(JSON.stringify(view)).toBe(before);
        }
      });
    }
    expect(orders).toBeGreaterThan(200);
    expect(answers).toBeGreaterThan(50);
  });
});
