import { describe, expect, it } from "vitest";
import { ActionDef } from "../../shared/content/schema.ts";
import { ACTION_BY_ID } from "../../shared/content/index.ts";
import { agendaProgress, createGame, type GameState } from "../../shared/engine/index.ts";
import { apply, calm, closeOrders, findEvent, newGame } from "./helpers.ts";

/** Kazakhstan's tracks and Russia's and China's influence there, as a test compares them before and after. */
function kazakhstan(state: GameState) {
  const c = state.countries.kazakhstan;
  return {
    members: { ...c.members }, stability: c.stability, prosperity: c.prosperity, sovereignty: c.sovereignty, remittances: c.remittances,
    russia: { ...c.influence.russia }, china: { ...c.influence.china },
  };
}

/**
 * Kazakhstan, played by a person, leaves `org` in round 1 with nothing else going on; `before` is the same round with
 * Kazakhstan passing instead, so the year's news and yearly wear cancel out.
 */
function leave(org: "csto" | "eaeu" | "sco") {
  const start = calm(newGame({ seats: { kazakhstan: "human" } }, 11));
  start.countries.kazakhstan.prosperity = 5;
  start.countries.kazakhstan.remittances = 2;
  const passed = closeOrders(apply(start, { type: "orders", seat: "kazakhstan", orders: [] }));
  const left = closeOrders(apply(start, { type: "orders", seat: "kazakhstan", orders: [{ action: "leave-org", option: org }] }));
  expect(findEvent(left, "leftOrg", { state: "kazakhstan", org })).toBeTruthy();
  return { before: kazakhstan(passed), after: kazakhstan(left) };
}

describe("leaving an organisation costs what membership gave", () => {
  it("leaving the EAEU costs two points of prosperity, a point of remittances and Russia's economic influence", () => {
    const { before, after } = leave("eaeu");
    expect(after.members.eaeu).toBe(false);
    expect(after.prosperity).toBe(before.prosperity - 2);
    expect(after.remittances).toBe(before.remittances - 1);
    expect(after.russia.economy).toBe(before.russia.economy - 1);
    expect(after.sovereignty).toBe(before.sovereignty + 1);
    expect(after.members.csto).toBe(true);
  });

  it("leaving the CSTO costs a point of stability and of Russia's security influence, and nothing the EAEU gave", () => {
    const { before, after } = leave("csto");
    expect(after.members.csto).toBe(false);
    expect(after.russia.security).toBe(before.russia.security - 1);
    expect(after.stability).toBe(before.stability - 1);
    expect(after.prosperity).toBe(before.prosperity);
    expect(after.remittances).toBe(before.remittances);
    expect(after.sovereignty).toBe(before.sovereignty + 1);
  });

  it("leaving the SCO costs a point of China's political influence", () => {
    const { before, after } = leave("sco");
    expect(after.members.sco).toBe(false);
    expect(after.china.politics).toBe(before.china.politics - 1);
    expect(after.russia).toEqual(before.russia);
    expect(after.prosperity).toBe(before.prosperity);
  });

  it("content may only key option effects by an option the action offers", () => {
    const def = ACTION_BY_ID.get("leave-org")!;
    expect(ActionDef.safeParse(def).success).toBe(true);
    const bad = { ...def, optionEffects: { ...def.optionEffects, nato: def.optionEffects!.sco } };
    expect(ActionDef.safeParse(bad).success).toBe(false);
  });
});

describe("every agenda can be met by the seat it is dealt to", () => {
  it("Kazakhstan, host of seven Russian bases, is never dealt Neutrality; Turkmenistan and Uzbekistan may be", () => {
    const dealt = { kazakhstan: new Set<string>(), turkmenistan: new Set<string>(), uzbekistan: new Set<string>() };
    for (let seed = 1; seed <= 300; seed++) {
      const state = createGame({ mode: "full", length: "short" }, seed);
      for (const seat of ["kazakhstan", "turkmenistan", "uzbekistan"] as const) dealt[seat].add(state.seats[seat]!.agenda);
    }
    expect(dealt.kazakhstan.has("neutrality")).toBe(false);
    expect(dealt.kazakhstan.size).toBe(3);
    expect(dealt.turkmenistan.has("neutrality")).toBe(true);
    expect(dealt.uzbekistan.has("neutrality")).toBe(true);
  });

  it("Keep Outsiders Out asks for a CSTO of two or more with Russia ahead in total influence in each member", () => {
    const state = calm(newGame({}, 3));
    const csto = (["kazakhstan", "kyrgyzstan", "tajikistan"] as const).map((id) => state.countries[id]);
    for (const c of csto) { c.members.csto = true; c.influence.russia.economy = 2; }
    for (const id of ["turkmenistan", "uzbekistan"] as const) state.countries[id].members.csto = false;
    expect(agendaProgress(state, "russia", "keep-outsiders-out")!.met).toBe(true);

    // The West matching Russia's total in one member is an outsider let in, whichever domain it is in.
    csto[1]!.influence.west.politics = 2;
    const tied = agendaProgress(state, "russia", "keep-outsiders-out")!;
    expect(tied.met).toBe(false);
    expect(tied.conditions.find((c) => c.id === "cstoNotLedByRussia")).toMatchObject({ value: 1, target: 0, met: false });

    // A CSTO of one is not an alliance, however firmly Russia leads it.
    csto[1]!.influence.west.politics = 1;
    csto[1]!.members.csto = false;
    expect(agendaProgress(state, "russia", "keep-outsiders-out")!.met).toBe(true);
    csto[2]!.members.csto = false;
    const small = agendaProgress(state, "russia", "keep-outsiders-out")!;
    expect(small.met).toBe(false);
    expect(small.conditions.find((c) => c.id === "cstoMembers")).toMatchObject({ value: 1, target: 2, met: false });
  });
});
