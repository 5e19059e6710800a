/**
 * The playground as the browser tests see it: built once with vite's JS API into
 * test-output/playground-dist, served by vite's preview server inside the test process (so
 * nothing is left running and no process has to be found and killed afterwards).
 */
import { fileURLToPath } from "node:url";
import { build, preview, type PreviewServer } from "vite";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const DIST = `${REPO}test-output/playground-dist`;

export async function buildPlayground(): Promise<void> {
  await build({
    configFile: `${REPO}vite.config.ts`,
    logLevel: "warn",
    build: { outDir: DIST, emptyOutDir: true },
  });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function servePlayground(): Promise<Served> {
  const server: PreviewServer = await preview({
    configFile: `${REPO}vite.config.ts`,
    logLevel: "warn",
    build: { outDir: DIST },
    preview: { port: 0, host: "127.0.0.1", strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error("the preview server did not report its address");
  }
  return { url, close: () => server.close() };
}
