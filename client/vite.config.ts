import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));

/** The browser client: client/ is the page root, assets/ is copied as static files (the prepared map). */
export default defineConfig({
  root: here,
  publicDir: resolve(here, "../assets"),
  base: "./",
  build: {
    outDir: resolve(here, "../dist/client"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  server: { port: 5173 },
});
