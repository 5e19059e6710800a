/**
 * Once per test run, for the browser test files only (vitest.config.ts gives this setup to the
 * `browser` project, and vitest runs a project's global setup only when it has files to run):
 * build the playground with vite's JS API and serve it with vite's preview server in this
 * process. The files get the address through `inject("playgroundUrl")`.
 */
import type { TestProject } from "vitest/node";
import { requireChromium } from "./browser.ts";
import { buildPlayground, servePlayground } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    playgroundUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireChromium();
  await buildPlayground();
  const served = await servePlayground();
  project.provide("playgroundUrl", served.url);
  return () => served.close();
}
