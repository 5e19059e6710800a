/**
 * The generated bundled data sets (samples/*.data.json): name, file and exact options.
 * samples/build.ts writes them; the tests regenerate them and compare byte for byte.
 * The hand-written sets (stage-speaker, late-cancel) are listed for documentation and tests.
 *
 * Why the generated sets carry no split agreements: a plan without a `split` block rejects
 * data that has them (runtime/data/planChecks.ts), and these sets must run under every bundled
 * plan. Splits are in stage-speaker (for split plans) and in `comp generate --splits N`.
 */
import type { GenerateOptions } from "./options.ts";

export interface GeneratedScenario {
  name: string;
  file: string;
  description: string;
  options: GenerateOptions;
}

export const GENERATED_SCENARIOS: readonly GeneratedScenario[] = [
  {
    name: "tiny",
    file: "tiny.data.json",
    description: "a dozen partners, a few customers, October and November 2026; no splits, no cancellations",
    options: { partners: 12, seed: 192, months: 2, firstMonth: "2026-10", customersPerPartner: 0.4, splits: 0, cancellations: 0, pendingShare: 0 },
  },
  {
    name: "small",
    file: "small.data.json",
    description: "about 200 partners over October–December 2026, with a few cancellations",
    options: { partners: 200, seed: 7, months: 3, firstMonth: "2026-10", splits: 0, cancellations: 8 },
  },
  {
    name: "team-1k",
    file: "team-1k.data.json",
    description: "1,000 partners over October–December 2026, with cancellations",
    options: { partners: 1000, seed: 1000, months: 3, firstMonth: "2026-10", splits: 0, cancellations: 30 },
  },
];

export interface HandWrittenScenario {
  name: string;
  file: string;
  description: string;
}

export const HAND_WRITTEN_SCENARIOS: readonly HandWrittenScenario[] = [
  {
    name: "stage-speaker",
    file: "stage-speaker.data.json",
    description: "a stage speaker's event recruits split to supporters in two other teams, late cancellations in November",
  },
  {
    name: "late-cancel",
    file: "late-cancel.data.json",
    description: "late cancellations only: a rank bought with a returned order, a closed fast-start window, a terminated upline",
  },
];
