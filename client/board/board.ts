import type { GameView, StateId } from "../../shared/engine/index.ts";
import { BootScene } from "../boot/bootScene.ts";
import { BoardScene } from "./boardScene.ts";
import { P } from "./phaser.ts";

/**
 * The one Phaser game of the page and the calls the screens make on it. The board only moves when something
 * changes, so the game loop sleeps when idle and wakes for changes, input and animations (saves battery on
 * Chromebooks and tablets).
 */
let scene: BoardScene | null = null;
let game: Phaser.Game | null = null;
let selectHandler: ((state: StateId) => void) | null = null;
let sleepTimer: ReturnType<typeof setTimeout> | null = null;

/** Keeps the loop running for at least `ms` (long enough for tweens to finish), then lets it sleep. */
function wake(ms = 800): void {
  if (!game) return;
  if (!game.loop.running) game.loop.wake();
  if (sleepTimer) clearTimeout(sleepTimer);
  sleepTimer = setTimeout(() => {
    sleepTimer = null;
    if (game && scene && scene.tweens.getTweens().length === 0) game.loop.sleep();
    else wake(500);
  }, ms);
}

export function startBoard(parent: HTMLElement, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const boardScene = new BoardScene();
    boardScene.onReady = () => {
      scene = boardScene;
      boardScene.onSelect = (s) => selectHandler?.(s);
      for (const type of ["pointerdown", "pointermove", "pointerup"]) parent.addEventListener(type, () => wake(), { passive: true });
      window.addEventListener("resize", () => wake(1200));
      wake(1500);
      resolve();
    };
    game = new P.Game({
      type: P.WEBGL,
      parent,
      backgroundColor: "#9cc0d3",
      scale: { mode: P.Scale.RESIZE, width: "100%", height: "100%" },
      banner: false,
      audio: { noAudio: true },
      scene: [new BootScene(onProgress, (m) => reject(new Error(m))), boardScene],
    });
  });
}

export const board = {
  setView(view: GameView | null): void { wake(3500); scene?.setView(view); },
  setSelected(state: StateId | null): void { wake(); scene?.setSelected(state); },
  setHighlighted(states: StateId[]): void { wake(); scene?.setHighlighted(states); },
  setCardsVisible(visible: boolean): void { wake(); scene?.setCardsVisible(visible); },
  /** Pixels at the top of the board covered by HTML (news cards), which the map and its cards keep clear of. */
  setInsetTop(px: number): void { wake(); scene?.setInsetTop(px); },
  /**
   * The board's element changed size: resize the canvas now. Phaser only measures its parent on a window resize or
   * every half second of running loop, and a loop woken briefly (the end screen) could go back to sleep first.
   */
  resized(): void {
    if (game?.scale.getParentBounds()) game.scale.refresh();
    wake(1200);
  },
  onSelect(handler: ((state: StateId) => void) | null): void { selectHandler = handler; },
};
