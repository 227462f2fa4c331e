import { defineConfig, type Plugin } from "vite";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const phaserSrc = resolve(here, "../node_modules/phaser/src");

/** Phaser's build-time feature flags (its own builds set them with webpack): WebGL only, no sound, no debug tools. */
const PHASER_FLAGS: Record<string, string> = {
  WEBGL_RENDERER: "true", CANVAS_RENDERER: "false", FEATURE_SOUND: "false",
  PLUGIN_CAMERA3D: "false", PLUGIN_FBINSTANT: "false", WEBGL_DEBUG: "false",
};

function phaserFlags(): Plugin {
  return {
    name: "phaser-flags",
    enforce: "pre",
    transform(code, id) {
      if (!id.startsWith(phaserSrc)) return null;
      let out = code.replace(/typeof (WEBGL_RENDERER|CANVAS_RENDERER|FEATURE_SOUND|PLUGIN_CAMERA3D|PLUGIN_FBINSTANT|WEBGL_DEBUG)\b/g, (_, flag: string) => PHASER_FLAGS[flag]!);
      out = out.replace(/require\('phaser3spectorjs'\)/g, "null").replace(/\bglobal\.Phaser\s*=/g, "globalThis.Phaser =");
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** The browser client: client/ is the page root, assets/ is copied as static files (the prepared map). */
export default defineConfig({
  root: here,
  publicDir: resolve(here, "../assets"),
  base: "./",
  plugins: [phaserFlags()],
  resolve: {
    alias: {
      "phaser-core": resolve(phaserSrc, "phaser-core.js"),
      "phaser-container-factory": resolve(phaserSrc, "gameobjects/container/ContainerFactory.js"),
    },
  },
  build: {
    outDir: resolve(here, "../dist/client"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  // The bots' worker is a module worker; ES output keeps it one module like the page's code.
  worker: { format: "es" },
  server: { port: 5173 },
});
