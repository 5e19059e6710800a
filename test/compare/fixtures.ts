/** Data sets shared by the comparison tests. */
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { splitScenarioData, splitScenarioPlan } from "../reference/splitScenario.ts";

// The split scenario of the reference goldens (test/reference/splitScenario.ts), volume mode.
export const splitPlan: PlanIR = splitScenarioPlan("volume");
export const splitData: Dataset = splitScenarioData;

