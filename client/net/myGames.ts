import type { MatchStatus } from "../../shared/protocol/status.ts";
import type { StoredSession } from "./remoteConnection.ts";

/*
 * "My games": every online match this browser holds a seat in, kept in localStorage (`ngg.games`) beside the one
 * session the page rejoins on load (`ngg.session`). Each entry holds what rejoining needs (the room, the seat and its
 * ticket); where the game stands (whose move, the deadline) comes from the server (GET /api/match/:roomId/status).
 */

export interface MyGame extends StoredSession {
  /** When this browser last saw the match (epoch ms). */
  savedAt: number;
}

/** Public facts about a match (GET /api/match/:roomId/status). */
export type GameStatus = MatchStatus;

const KEY = "ngg.games";
/** Kept at most, newest first. */
const MAX_GAMES = 20;

type Store = Pick<Storage, "getItem" | "setItem">;

function storage(): Store | null {
  return (globalThis as { localStorage?: Storage }).localStorage ?? null;
}

export function myGames(store: Store | null = storage()): MyGame[] {
  try {
    const raw = store?.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as MyGame[]) : [];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/** Adds or refreshes a match this browser holds a seat in (a spectator's or seatless visit is not a game of theirs). */
export function rememberGame(session: StoredSession, store: Store | null = storage()): void {
  if (!store || !session.seat) return;
  const first = myGames(store)[0];
  // Called at every change of state: the list is written again only when the entry changes, or once a minute.
  if (first && first.roomId === session.roomId && first.url === session.url && first.seat === session.seat && first.ticket === session.ticket
    && first.token === session.token && Date.now() - first.savedAt < 60_000) return;
  const list = myGames(store).filter((g) => !(g.roomId === session.roomId && g.url === session.url));
  list.unshift({ ...session, savedAt: Date.now() });
  try {
    store.setItem(KEY, JSON.stringify(list.slice(0, MAX_GAMES)));
  } catch {
    // A full storage only shortens the list.
  }
}

export function forgetGame(roomId: string, store: Store | null = storage()): void {
  if (!store) return;
  const list = myGames(store);
  const kept = list.filter((g) => g.roomId !== roomId);
  if (kept.length !== list.length) store.setItem(KEY, JSON.stringify(kept));
}

export async function gameStatus(game: MyGame): Promise<GameStatus | null> {
  const base = game.url.replace(/^ws/, "http").replace(/\/$/, "");
  try {
    const res = await fetch(`${base}/api/match/${encodeURIComponent(game.roomId)}/status`);
    return res.ok ? ((await res.json()) as GameStatus) : null;
  } catch {
    return null;
  }
}

/** Whether the match waits for this browser's seat now. */
export function owesMove(game: MyGame, status: GameStatus | null): boolean {
  return !!status && !status.ended && !status.rulesChanged && !!game.seat && (status.waitingFor as string[]).includes(game.seat);
}
