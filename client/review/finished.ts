import type { GameRecord, Seat } from "../../shared/engine/index.ts";
import type { App } from "../screens/types.ts";

/**
 * Finished solo games the browser keeps, so they can be replayed and reviewed: the record (options, seed, rules
 * version, inputs with step digests) and the seat played, the newest first, a few at most. Part of the first
 * page (the end screen uses it); the viewer itself is a chunk loaded only when opened.
 */
export const FINISHED_KEY = "ngg.finished.v1";
const KEEP = 5;

export interface FinishedGame { seat: Seat; record: GameRecord; endedAt: number }

type Store = Pick<Storage, "getItem" | "setItem">;

export function finishedGames(storage: Store | null = globalThis.localStorage ?? null): FinishedGame[] {
  try {
    const raw = storage?.getItem(FINISHED_KEY);
    return raw ? (JSON.parse(raw) as FinishedGame[]) : [];
  } catch {
    return [];
  }
}

const sameGame = (a: GameRecord, b: GameRecord) => a.seed === b.seed && JSON.stringify(a.options) === JSON.stringify(b.options);

/** Keeps a finished game (once: the same game again replaces its entry). */
export function keepFinished(game: FinishedGame, storage: Store | null = globalThis.localStorage ?? null): void {
  const list = [game, ...finishedGames(storage).filter((g) => !sameGame(g.record, game.record))].slice(0, KEEP);
  try {
    storage?.setItem(FINISHED_KEY, JSON.stringify(list));
  } catch {
    // A full storage only loses the replay.
  }
}

/** Opens the replay viewer (its own chunk) over the current screen. */
export function openReplayOf(root: HTMLElement, app: App, game: Pick<FinishedGame, "record" | "seat">, onClose?: () => void): void {
  void import("./viewer.ts").then(({ openReplay }) => openReplay(root, app, game, onClose));
}

/** Access to a finished online match's record: its seat's ticket (RemoteConnection.replayAccess). */
export interface OnlineAccess { base: string; roomId: string; ticket: string }

/** Fetches a finished online match's record from the server (with the seat's ticket) and opens its replay. */
export async function openOnlineReplay(root: HTMLElement, app: App, access: OnlineAccess, onClose?: (game: { record: GameRecord; seat: Seat }) => void): Promise<void> {
  const response = await fetch(`${access.base}/api/match/${encodeURIComponent(access.roomId)}/record`, { headers: { "x-seat-ticket": access.ticket } });
  if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { code?: string }).code ?? "request-failed");
  const { record, seat } = (await response.json()) as { record: GameRecord; seat: Seat };
  openReplayOf(root, app, { record, seat }, () => onClose?.({ record, seat }));
}
