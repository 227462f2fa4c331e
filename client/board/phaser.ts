/**
 * Phaser built from its sources with only what the board uses: the core (WebGL renderer, scenes, loader,
 * graphics, text, tweens, input, scale) plus containers. No canvas renderer, sound, physics or plugins;
 * client/vite.config.ts resolves these paths and switches Phaser's feature flags.
 */
import Core from "phaser-core";
import "phaser-container-factory";

export const P = Core as typeof Phaser;
