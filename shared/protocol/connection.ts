import type { GameView } from "../engine/view.ts";
import type { GameEvent } from "../engine/types.ts";
import type { Seat } from "../engine/ids.ts";
import type { Messages, Reply } from "./messages.ts";
import type { z } from "zod";

/**
 * What the client's screens read and call, whether the game runs in the browser (solo)
 * or on the server (online). The screens never decide what is legal: they show `view.legal`
 * and send intents; a refusal comes back as a Reply with a code and a sentence.
 */

export interface SeatInfo {
  seat: Seat;
  controller: "human" | "bot";
  /** Display names of the people in this seat (several in a classroom team). */
  players: string[];
  /** Connection ids of those players, in the same order, where the host may act on them (remove from the match). */
  playerIds?: string[];
  ready: boolean;
  /** False while the seat's player has dropped and the grace period runs. */
  connected: boolean;
}

export interface MatchInfo {
  roomId: string;
  /** Short join code for private matches (unambiguous characters); null for solo games. */
  code: string | null;
  name: string;
  public: boolean;
  started: boolean;
  seats: SeatInfo[];
  you: { id: string; name: string; seat: Seat | null; spectator: boolean; host: boolean };
  /** Epoch milliseconds when the current phase's timer runs out, or null without a timer. */
  timerEndsAt: number | null;
  timerSeconds: number;
  paused: boolean;
  /** A teacher's or host's message to every screen, if any. */
  broadcast: string | null;
  /**
   * Set when the game's record no longer replays under the current rules: it is shown read-only as it stood after
   * its last matching step (in this round), and can no longer be continued. Its debrief still works.
   */
  rulesChanged?: { round: number } | null;
}

export type MessagePayload<K extends keyof typeof Messages> = z.input<(typeof Messages)[K]>;

export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "closed";

export interface Connection {
  readonly kind: "local" | "remote";
  /** The seat's (or spectator's) view of the game; null before the game starts. */
  view(): GameView | null;
  /** Every event this viewer may see since the game began, oldest first (a view's own `log` holds only the last step's). */
  events(): GameEvent[];
  match(): MatchInfo;
  status(): ConnectionStatus;
  /** Calls back after every change of view, match or status; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  send<K extends keyof typeof Messages>(type: K, payload: MessagePayload<K>): Promise<Reply>;
  leave(): Promise<void>;
}
