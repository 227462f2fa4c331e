/// <reference types="vite/client" />
/// <reference types="phaser" />

declare module "phaser-core" {
  const core: unknown;
  export default core;
}
declare module "phaser-container-factory";
