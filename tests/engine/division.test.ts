import { describe, expect, it } from "vitest";
import { legalActions, submitOrders } from "../../shared/engine/index.ts";
import { apply, closeOrders, newGame, ok } from "./helpers.ts";

describe("the division of labour", () => {
  it("China acting in Russia's security home raises tension and counts as an encroachment", () => {
    let s = newGame();
    s.global.asymmetry = 5;
    const before = s.global.tension;
    s = ok(submitOrders(s, "china", [{ action: "private-security", target: "kyrgyzstan" }]));
    s = closeOrders(s);
    const events = s.log.filter((e) => e.kind === "encroachment");
    expect(events).toHaveLength(1);
    expect(events[0].params).toMatchObject({ seat: "china", other: "russia", domain: "security" });
    expect(s.stats.encroachments).toBe(1);
    expect(events[0].params.tension).toBe(before + 1);
  });

  it("a junior partner resents China more: with high asymmetry an encroachment costs two", () => {
    let s = newGame();
    s.global.asymmetry = 8;
    const before = s.global.tension;
    s = closeOrders(ok(submitOrders(s, "china", [{ action: "private-security", target: "kyrgyzstan" }])));
    expect(s.log.find((e) => e.kind === "encroachment")!.params.tension).toBe(before + 2);
  });

  it("Russia lending in China's economic home is an encroachment too", () => {
    let s = newGame();
    s = closeOrders(ok(submitOrders(s, "russia", [{ action: "competing-loan", target: "kyrgyzstan" }])));
    const offer = s.decisions.find((d) => d.seat === "kyrgyzstan" && d.kind === "offer")!;
    s = apply(s, { type: "answer", seat: "kyrgyzstan", decision: offer.id, answer: "accept" });
    while (s.phase === "offers") s = apply(s, { type: "close" });
    const e = s.log.find((x) => x.kind === "encroachment");
    expect(e?.params).toMatchObject({ seat: "russia", other: "china", domain: "economy" });
  });

  it("acting in one's own home domain is no encroachment", () => {
    let s = newGame();
    s = closeOrders(ok(submitOrders(s, "russia", [{ action: "deploy-advisers", target: "tajikistan" }])));
    expect(s.log.some((e) => e.kind === "encroachment")).toBe(false);
  });

  it("a Great Bargain accepted by the other power changes the arrangement, eases tension, and ends that encroachment", () => {
    let s = newGame();
    s.global.tension = 6;
    s = ok(submitOrders(s, "china", [{ action: "propose-bargain", target: "russia", option: "sharedSecurity" }]));
    s = closeOrders(s);
    expect(s.phase).toBe("offers");
    const offer = s.decisions.find((d) => d.seat === "russia")!;
    expect(offer.order).toEqual({ action: "propose-bargain", target: "russia", option: "sharedSecurity" });
    s = apply(s, { type: "answer", seat: "russia", decision: offer.id, answer: "accept" });
    while (s.phase === "offers") s = apply(s, { type: "close" });
    expect(s.global.division).toBe("sharedSecurity");
    expect(s.stats.bargains).toBe(1);
    expect(s.log.some((e) => e.kind === "bargain")).toBe(true);
    // Next year China's security work is no longer an encroachment.
    while (s.phase !== "orders") s = apply(s, { type: "close" });
    const encroachments = s.stats.encroachments;
    s = closeOrders(ok(submitOrders(s, "china", [{ action: "private-security", target: "kyrgyzstan" }])));
    expect(s.stats.encroachments).toBe(encroachments);
  });

  it("a declined bargain changes nothing", () => {
    let s = newGame();
    s = closeOrders(ok(submitOrders(s, "russia", [{ action: "propose-bargain", target: "china", option: "allInclusive" }])));
    const offer = s.decisions.find((d) => d.seat === "china")!;
    s = apply(s, { type: "answer", seat: "china", decision: offer.id, answer: "decline" });
    while (s.phase === "offers") s = apply(s, { type: "close" });
    expect(s.global.division).toBe("classic");
    expect(s.log.some((e) => e.kind === "offerAnswered" && e.params.answer === "decline" && e.params.action === "propose-bargain")).toBe(true);
  });

  it("all-inclusive responsibility removes encroachment altogether", () => {
    let s = newGame();
    s.global.division = "allInclusive";
    s = closeOrders(ok(submitOrders(s, "china", [{ action: "private-security", target: "kyrgyzstan" }])));
    expect(s.log.some((e) => e.kind === "encroachment")).toBe(false);
  });

  it.each([["short", 12], ["standard", 20]] as const)("tension at its maximum ruptures a %s game: it ends and both powers lose %i points", (length, penalty) => {
    let s = newGame({ length });
    s.global.tension = 9;
    s.global.asymmetry = 5;
    const before = structuredClone(s);
    s = closeOrders(ok(submitOrders(s, "china", [{ action: "private-security", target: "kyrgyzstan" }])));
    expect(s.phase).toBe("ended");
    expect(s.endReason).toBe("rupture");
    expect(s.stats.rupture).toBe(true);
    const rupture = s.log.find((e) => e.kind === "rupture")!;
    expect(rupture.params.penalty).toBe(penalty);
    // The year's points and agendas still count; the penalty is what sets the powers apart from the rest.
    for (const p of ["russia", "china"] as const) {
      const earned = s.log.filter((e) => (e.kind === "scored" || e.kind === "agendaMet") && e.params.seat === p && e.round === s.round)
        .reduce((sum, e) => sum + Number(e.params.points), 0);
      expect(s.seats[p]!.score).toBe(before.seats[p]!.score + earned - penalty);
    }
    expect(s.winners).not.toContain("russia");
    expect(s.winners).not.toContain("china");
  });

  it("Russia can block only an unfinished corridor, and only where migrant workers depend on Russia", () => {
    const s = newGame();
    const blockable = () => legalActions(s, "russia").find((l) => l.action === "block-project")?.targets ?? [];
    for (const c of Object.values(s.countries)) c.assets.briCorridor = 0;
    s.countries.kyrgyzstan.assets.briCorridor = 2;
    s.countries.kyrgyzstan.remittances = 3;
    s.countries.kazakhstan.assets.briCorridor = 2;
    s.countries.kazakhstan.remittances = 2;
    s.countries.tajikistan.assets.briCorridor = 3;
    s.countries.tajikistan.remittances = 5;
    expect(blockable()).toEqual(["kyrgyzstan"]);
    const refused = submitOrders(s, "russia", [{ action: "block-project", target: "tajikistan" }]);
    expect(refused.ok).toBe(false);
  });
});
