import type { Connection } from "../../shared/protocol/connection.ts";

/** What a screen may ask of the app: enter a game (local or remote) or go back to the menu. */
export interface App {
  enter(connection: Connection): void;
  toMenu(): void;
  readonly options: { botDelayMs: number; feedDelayMs: number; join: string | null; seed: number | null };
}

/** A screen mounts into the root and returns its clean-up. */
export type Screen = (root: HTMLElement, app: App) => () => void;
