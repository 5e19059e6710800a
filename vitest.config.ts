import { configDefaults, defineConfig } from "vitest/config";

/**
 * Property tests (fast-check) and large sizes: seconds to minutes each. A file belongs here when
 * it generates many cases or 100k-partner documents; everything else stays in the fast project.
 */
const SLOW = [
  "test/analysis/boundSoundness.test.ts",
  "test/compiled/equivalence.test.ts",
  "test/compiled/examples.test.ts",
  "test/compiler/robustness.test.ts",
  "test/compiler/roundTrip.test.ts",
  "test/grammar/robustness.test.ts",
  "test/reference/properties.test.ts",
  "test/reference/properties-afterrun.test.ts",
  "test/robustness/apiArguments.test.ts",
  "test/browser/unit/shareLink.test.ts",
  "test/browser/unit/ordering.test.ts",
  "test/data/large.test.ts",
  "test/samples/shape.test.ts",
  // npm pack, an install into a separate project, and the browser example in Chromium
  "test/package/pack.test.ts",
];

/** Whether Chromium is installed: a question for the browser project, not for the core tests. */
const CHROMIUM_CHECK = "test/browser/unit/chromium.test.ts";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        // The fast project: everything but the slow files and the browser. `npx vitest run
        // --project core <files>` is the quick check before a landing.
        extends: true,
        test: {
          name: "core",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/browser/*.test.ts", CHROMIUM_CHECK, ...SLOW],
        },
      },
      {
        // The slow project: fast-check properties and large sizes. Both run in `npm test`.
        extends: true,
        test: { name: "slow", include: SLOW },
      },
      {
        // The playground in Chromium: one vite build and preview server per run (globalSetup,
        // which vitest only starts when a browser test file is selected), one browser test file
        // at a time so that two Chromiums do not fight over the CPU.
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/*.test.ts", CHROMIUM_CHECK],
          globalSetup: ["test/browser/support/globalSetup.ts"],
          maxWorkers: 1,
        },
      },
    ],
  },
});
