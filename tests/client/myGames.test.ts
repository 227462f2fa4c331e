import { describe, expect, it } from "vitest";
import { forgetGame, myGames, owesMove, rememberGame, type GameStatus } from "../../client/net/myGames.ts";
import { watchTurns } from "../../client/net/turnNotice.ts";
import type { StoredSession } from "../../client/net/remoteConnection.ts";
import type { Connection } from "../../shared/protocol/connection.ts";

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

const session = (roomId: string, seat: string | null = "russia"): StoredSession => ({ url: "ws://x", roomId, token: "t", name: "Ana", seat, ticket: "k" });
const status = (over: Partial<GameStatus>): GameStatus => ({
  name: "M", started: true, ended: false, round: 2, maxRounds: 6, phase: "orders", waitingFor: [], deadline: null, timerSeconds: 86400, rulesChanged: 0, ...over,
});

describe("My games", () => {
  it("keeps every match this browser holds a seat in, newest first, once each; forgets a left one", () => {
    const store = memoryStorage();
    rememberGame(session("a"), store);
    rememberGame(session("b"), store);
    rememberGame(session("c", null), store); // a spectator holds no seat: not a game of theirs
    rememberGame({ ...session("a"), ticket: "new" }, store);
    expect(myGames(store).map((g) => [g.roomId, g.ticket])).toEqual([["a", "new"], ["b", "k"]]);
    forgetGame("a", store);
    expect(myGames(store).map((g) => g.roomId)).toEqual(["b"]);
    store.setItem("ngg.games", "{broken");
    expect(myGames(store)).toEqual([]);
  });

  it("marks a game that waits for this browser's seat", () => {
    const game = { ...session("a"), savedAt: 0 };
    expect(owesMove(game, status({ waitingFor: ["russia", "china"] }))).toBe(true);
    expect(owesMove(game, status({ waitingFor: ["china"] }))).toBe(false);
    expect(owesMove(game, status({ waitingFor: ["russia"], ended: true }))).toBe(false);
    expect(owesMove(game, status({ waitingFor: ["russia"], rulesChanged: 3 }))).toBe(false);
    expect(owesMove(game, null)).toBe(false);
  });

  it("notifies, once allowed and while the page is hidden, when a new phase needs the player", () => {
    const shown: string[] = [];
    const g = globalThis as Record<string, unknown>;
    const saved = { Notification: g.Notification, document: g.document };
    class FakeNotice {
      static permission = "granted";
      static async requestPermission() { return "granted"; }
      constructor(title: string) { shown.push(title); }
    }
    g.Notification = FakeNotice;
    g.document = { visibilityState: "hidden" };
    try {
      let owes = false;
      const listeners: (() => void)[] = [];
      const conn = {
        view: () => ({ owes, phase: "orders" }),
        match: () => ({ roomId: "r", name: "M" }),
        subscribe: (l: () => void) => { listeners.push(l); return () => listeners.splice(listeners.indexOf(l), 1); },
      } as unknown as Connection;
      const stop = watchTurns(conn, () => ({ title: "Your move", body: "" }));
      const tick = () => listeners.forEach((l) => l());
      tick();
      expect(shown).toEqual([]);
      owes = true;
      tick();
      tick(); // still owing: no second notice
      expect(shown).toEqual(["Your move"]);
      owes = false;
      tick();
      (g.document as { visibilityState: string }).visibilityState = "visible";
      owes = true;
      tick(); // the page is in front: no notice
      expect(shown).toEqual(["Your move"]);
      stop();
    } finally {
      g.Notification = saved.Notification;
      g.document = saved.document;
    }
  });
});
