/**
 * The surface of the project's own front ends: cli/ and playground/ import this module and
 * nothing else of the core (test/layering.test.ts enforces it). Everything they need — compile a
 * plan, read and validate data, run on an engine, compare, KPIs, write results, the contracts of
 * core/ — is re-exported here unchanged, so a front end never reaches into an evaluator.
 *
 * Embedders use runtime/api.ts instead: the same pipeline with every argument checked
 * (runtime/api/guarded.ts). The front ends validate their inputs before calling in (a data file
 * through validateData, a result straight from an engine), so they call the unchecked functions
 * and do not pay for a second check of a large dataset or result.
 *
 * Every run goes through an `Engine` (core/engine.ts): `defaultEngine` when a command names
 * none, `referenceEngine` the decimal.js oracle.
 */
// Plans: text -> checked IR, and back.
export { compilePlan, type CompileResult } from "../compiler/compile.ts";
export { formatDiagnostic } from "../compiler/formatDiagnostics.ts";
export { capDiagnostics, MAX_PLAN_CHARACTERS, omittedLines, planTooLarge } from "../compiler/planSize.ts";
export { hasErrors, type Diagnostic, type Severity } from "../grammar/diagnostic.ts";
export type { PlanAst } from "../grammar/ast.ts";
export { payoutBound, type PayoutBound } from "../compiler/analysis/payoutBound.ts";
export { formatPayoutBound } from "../compiler/analysis/formatBound.ts";
export { BONUS_KINDS, KEYWORDS, TOKEN_INFO, type TokenInfo } from "../grammar/tokenInfo.ts";

// The contracts (core/).
export { validateIr } from "../core/validateIr.ts";
export { printIr } from "../core/printIr.ts";
export type { PlanIR, Policy, BonusIR, BonusKind, RoundingMode } from "../core/ir.ts";
export type { Dataset, DataProblem, Partner } from "../core/dataModel.ts";
export { validateResult } from "../core/validateResult.ts";
export type { ResultDocument, PeriodResult, LedgerEntry, Statement, Breakage, Deferred, Flag, StockMovement, Unrecovered, VolumeFigures } from "../core/result.ts";
export { viewOfDocument, type ResultView, type PeriodView } from "../core/resultView.ts";
export { Decimal, ZERO } from "../core/decimal.ts";
export { addPeriods, comparePeriods, isValidDate, isValidPeriod, periodOf, periodsFromTo } from "../core/dates.ts";
export { sortProblems } from "../core/problemPath.ts";
export type { Engine, EngineName, ViewOutcome } from "../core/engine.ts";
export type { RunOptions, RunOutcome, RunError, PeriodRunInput, PeriodOutcome, RunStep } from "../core/run.ts";
export { RUN_STEPS, RUN_STEP_WORDS } from "../core/run.ts";

// Data documents.
export { validateData, type DataValidation } from "./data/validate.ts";
export { checkDataAgainstPlan, dataWarningsAgainstPlan } from "./data/planChecks.ts";
// Streamed reading (a data file record by record: JSON documents and JSON Lines).
export { problemKind, type RecordSection } from "./data/stream/datasetBuilder.ts";
export { DataFileFault, DataFileReader, dataFileFormat, isJsonLinesName, readerProblemKind, RECORD_TYPES, type LocatedProblem as LocatedReadProblem } from "./data/stream/dataFileReader.ts";

// Plan analysis: what changes between two plans, and the disclosure of a plan's payouts.
export { diffPlans } from "./analysis/diffPlans.ts";
export { formatPlanDiff } from "./analysis/formatDiff.ts";
export { disclose, disclosureCsvLines, disclosureOf, formatDisclosure, type Disclosure } from "./analysis/disclose.ts";
export { diffSummaries, type PlanDiff } from "./analysis/diffPlans.ts";
export { moneyDecimals, summariseRun } from "./analysis/runSummary.ts";
export { checkWitness } from "./analysis/witnessCheck.ts";

// Engines and runs.
export { defaultEngine } from "./defaultEngine.ts";
export { referenceEngine } from "./reference/engine.ts";
export { compiledEngine } from "./compiled/engine.ts";
export { firstPeriod, lastOrderPeriod } from "../core/orderPeriods.ts";
export { earliestFinalAsOf } from "./reference/runPeriod.ts";

// Results: writers, comparisons, KPIs.
export { resultJsonChunks, writeResultJson } from "./output/resultJson.ts";
export { ledgerCsvChunks } from "./output/ledgerCsv.ts";
export { ranksCsvChunks } from "./output/ranksCsv.ts";
export { statementsCsvChunks } from "./output/statementsCsv.ts";
export { type Chunk, joinChunks, pipeChunks, type TextSink } from "./output/sink.ts";
export { comparePolicies, comparePoliciesInFull, comparePoliciesInFullAsync, compareSplitModes, formatPolicyComparison, formatSplitComparison } from "./compare/index.ts";
export type { PolicyComparison, SplitComparison } from "./compare/types.ts";
export { replayPolicies, comparisonOf, bottomLinesOf, type ComparisonProgress, type PolicyRuns, type PolicyBottomLine, type PolicyBottomLines, type PartnerClawback } from "./compare/index.ts";
export { computeKpis, formatKpiTable, type PlanKpis } from "./kpi/index.ts";
// Explain and summary wording shared by the CLI and the playground (one sentence per rule).
export { describeRule } from "./explain/ruleText.ts";
export { commissionMeasure } from "./explain/measure.ts";
export { compareIdsNaturally, compareNaturalKeys, naturalKey, naturalPlaces, type NaturalKey } from "./explain/naturalOrder.ts";
export { visible, visibleLines } from "./explain/visibleText.ts";
export { textTable, type Align } from "./explain/textTable.ts";
export { fractionOfPercentText, percentText } from "../core/numbers.ts";
export { formatAmount, moneyOf, roundMoney, type Money } from "../core/money.ts";

// The seeded sample generator (tools/samples: a tool, browser-safe, used by `comp generate` and
// the playground's generated scenarios).
export { generateData, tryGenerateData, type GenerateOptions } from "../tools/samples/generate.ts";
export { dataDocumentChunks, dataJsonLinesChunks, formatDataDocument } from "../tools/samples/format.ts";
export { GENERATED_SCENARIOS } from "../tools/samples/scenarios.ts";

// The comparison's replays one by one: `comp compare` can run some of them on a second thread
// (cli/compareInParallel.ts, cli/compareWorker.ts) and put the figures together itself.
export { internalError } from "../core/runError.ts";
export { comparisonFrom, type PolicyComparisonOutcome } from "./compare/comparePolicies.ts";
export { POLICIES } from "./compare/policies.ts";
export { rankListingOf, rankTablesOf, replayInput, replayPolicy, replayPolicyRun, runWithout, type RankTable, type ReplayOutcome } from "./compare/policyReplays.ts";
export { policyFiguresOf, type PolicyReplay } from "./compare/policyFigures.ts";
