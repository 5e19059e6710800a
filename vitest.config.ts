import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "core",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/browser/*.test.ts"],
        },
      },
      {
        // The playground in Chromium: one vite build and preview server per run (globalSetup,
        // which vitest only starts when a browser test file is selected), one browser test file
        // at a time so that two Chromiums do not fight over the CPU.
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/*.test.ts"],
          globalSetup: ["test/browser/support/globalSetup.ts"],
          maxWorkers: 1,
        },
      },
    ],
  },
});
