/**
 * The playground's build (`npm run playground`, `npm run build`, `npm run preview`): a static
 * site from playground/ into dist/. The plan core (grammar/, compiler/, runtime/) is bundled as
 * is; the reference evaluator runs in a module Web Worker.
 */
import { defineConfig } from "vite";

export default defineConfig({
  root: "playground",
  // Relative asset paths, so dist/ works from any folder of any static host.
  base: "./",
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    // Monaco's editor core alone is ~3 MB; it is one lazy-free chunk on purpose (the editor is
    // the page), so the default 500 kB warning would only be noise.
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: "es" },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
