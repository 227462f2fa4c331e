import { P } from "../board/phaser.ts";

/** Loads the board's assets and reports real progress (bytes of the map) to the loading screen. */
export class BootScene extends P.Scene {
  private onProgress: (fraction: number) => void;
  private onError: (message: string) => void;

  constructor(onProgress: (fraction: number) => void, onError: (message: string) => void) {
    super("boot");
    this.onProgress = onProgress;
    this.onError = onError;
  }

  preload(): void {
    this.load.on("progress", (value: number) => this.onProgress(value));
    this.load.on("loaderror", (file: Phaser.Loader.File) => this.onError(`${file.key} (${file.url})`));
    this.load.json("map", "map/central-asia.json");
  }

  create(): void {
    this.scene.start("board");
  }
}
