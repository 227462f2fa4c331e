import { P } from "./phaser.ts";
import type { GameView, StateId } from "../../shared/engine/index.ts";
import { BootScene } from "../boot/bootScene.ts";
import { BoardScene } from "./boardScene.ts";

/** The one Phaser game of the page and the calls the screens make on it. */
let scene: BoardScene | null = null;
let selectHandler: ((state: StateId) => void) | null = null;

export function startBoard(parent: HTMLElement, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const boardScene = new BoardScene();
    boardScene.onReady = () => {
      scene = boardScene;
      boardScene.onSelect = (s) => selectHandler?.(s);
      resolve();
    };
    const game = new P.Game({
      type: P.WEBGL,
      parent,
      backgroundColor: "#a9c8d8",
      scale: { mode: P.Scale.RESIZE, width: "100%", height: "100%" },
      banner: false,
      audio: { noAudio: true },
      scene: [new BootScene(onProgress, (m) => reject(new Error(m))), boardScene],
    });
    (window as unknown as { __nggGame?: Phaser.Game }).__nggGame = game;
  });
}

export const board = {
  setView(view: GameView | null): void { scene?.setView(view); },
  setSelected(state: StateId | null): void { scene?.setSelected(state); },
  setHighlighted(states: StateId[]): void { scene?.setHighlighted(states); },
  setCardsVisible(visible: boolean): void { scene?.setCardsVisible(visible); },
  onSelect(handler: ((state: StateId) => void) | null): void { selectHandler = handler; },
};
