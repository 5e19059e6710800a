/** Data sets shared by the comparison tests. */
import fc from "fast-check";
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { datasetArb, MONTHS, planArb } from "../reference/arbitraries.ts";
import { splitScenarioData, splitScenarioPlan } from "../reference/splitScenario.ts";

// The split scenario of the reference goldens (test/reference/splitScenario.ts), volume mode.
export const splitPlan: PlanIR = splitScenarioPlan("volume");
export const splitData: Dataset = splitScenarioData;


/** The last month the random data sets have orders in: the comparisons run through it. */
export const LAST_MONTH = MONTHS[MONTHS.length - 1]!;

/**
 * What the random comparisons run on: plans with a split (either mode) and late-canceller holds,
 * and data with splits and after-run cancellations, so that the three policies can differ.
 */
export const comparedPlanArb = fc.constantFrom<"volume" | "commission">("volume", "commission").chain((mode) => planArb({ split: true, mode, holds: true }));
export const comparedDataArb = datasetArb({ splits: true, cancellations: true });
