import { describe, expect, it } from "vitest";
import { closePhase, submitOrders, viewFor, type GameState, type Seat } from "../../shared/engine/index.ts";
import { closeOrders, newGame, ok } from "./helpers.ts";

const seatsIn = (s: GameState): Seat[] => s.seatOrder;

/** Every string a view holds, so a test can look for a secret anywhere in it. */
const text = (value: unknown) => JSON.stringify(value);

describe("views", () => {
  it("a seat sees its own secret agenda and no other seat's", () => {
    const s = newGame();
    for (const viewer of seatsIn(s)) {
      const v = viewFor(s, viewer);
      for (const seat of v.seats) {
        if (seat.seat === viewer) expect(seat.agenda).toBe(s.seats[viewer]!.agenda);
        else expect(seat.agenda).toBeNull();
      }
    }
  });

  it("orders stay hidden from everyone but their seat and the teacher until resolution", () => {
    let s = newGame();
    s = ok(submitOrders(s, "china", [{ action: "bri-loan", target: "tajikistan" }]));
    for (const viewer of [...seatsIn(s).filter((x) => x !== "china"), "spectator" as const]) {
      const v = viewFor(s, viewer);
      expect(v.seats.find((x) => x.seat === "china")!.orders).toBeNull();
      expect(v.seats.find((x) => x.seat === "china")!.submitted).toBe(true);
      expect(text(v)).not.toContain("bri-loan\",\"target\":\"tajikistan");
    }
    expect(viewFor(s, "china").seats.find((x) => x.seat === "china")!.orders).toEqual([{ action: "bri-loan", target: "tajikistan" }]);
    expect(viewFor(s, "teacher").seats.find((x) => x.seat === "china")!.orders).toEqual([{ action: "bri-loan", target: "tajikistan" }]);
  });

  it("an offer is shown to its target and its maker only", () => {
    let s = ok(submitOrders(newGame(), "china", [{ action: "bri-loan", target: "kyrgyzstan" }]));
    s = closeOrders(s);
    expect(viewFor(s, "kyrgyzstan").decisions.map((d) => d.from)).toEqual(["china"]);
    expect(viewFor(s, "kyrgyzstan").owes).toBe(true);
    expect(viewFor(s, "china").decisions).toHaveLength(1);
    expect(viewFor(s, "china").owes).toBe(false);
    for (const viewer of ["russia", "kazakhstan", "west", "spectator"] as const) expect(viewFor(s, viewer).decisions).toEqual([]);
  });

  it("the teacher sees every agenda; a spectator sees none and has no legal actions", () => {
    const s = newGame();
    expect(viewFor(s, "teacher").seats.every((x) => x.agenda !== null)).toBe(true);
    const spectator = viewFor(s, "spectator");
    expect(spectator.seats.every((x) => x.agenda === null && x.orders === null)).toBe(true);
    expect(spectator.legal).toEqual([]);
    expect(spectator.owes).toBe(false);
  });

  it("legal actions in a view are the seat's own menu, each with its cost", () => {
    const s = newGame();
    const russia = viewFor(s, "russia").legal.map((l) => l.action);
    const china = viewFor(s, "china").legal.map((l) => l.action);
    expect(russia).toContain("deploy-advisers");
    expect(russia).not.toContain("bri-loan");
    expect(china).toContain("bri-loan");
    for (const l of viewFor(s, "kyrgyzstan").legal) {
      expect(l.ap).toBeGreaterThanOrEqual(0);
      expect(l.cost).toBeGreaterThanOrEqual(0);
    }
  });

  it("agendas become public once the game ends", () => {
    let s = newGame({ length: "short" });
    while (s.phase !== "ended") s = ok(closePhase(s));
    const v = viewFor(s, "russia");
    for (const seat of v.seats) expect(seat.agenda).toBe(s.seats[seat.seat]!.agenda);
    expect(v.seats.find((x) => x.seat === "china")!.orders).toBeNull();
  });
});
