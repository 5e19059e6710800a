/**
 * The worker's state: the data set last loaded (reused while the source stays the same, so a
 * second run on 100k partners does not generate them again) and the last finished run.
 * Each step reports progress; nothing here throws at the page — problems come back as replies.
 */
import { checkDataAgainstPlan, commissionMeasure, compilePlan, computeKpis, firstPeriod, lastOrderPeriod, type Dataset, defaultEngine, type Engine, hasErrors, type PeriodView, periodsFromTo, type PlanIR, type Policy, RUN_STEP_WORDS, RUN_STEPS, type RunStep, validateData } from "../../../runtime/surface.ts";
import { compareAll, type Progress } from "./compareJob.ts";
import { rawData, sourceKey, sourceLabel } from "./dataSources.ts";
import type { ShownDataProblem, CompareReply, DataSource, DataSummary, KpiReply, LoadReply, PeriodSummary, RecordSectionName, RecordsPage, RunReply, RunSummary } from "./protocol.ts";
import { RecordBrowser } from "./records.ts";
import { RunState } from "./runState.ts";
import { withRecords } from "./problemRecords.ts";
import { sumStatementField } from "./moneySum.ts";
import { readDataFile } from "./readDataFile.ts";
import { lazyResult } from "./lazyResult.ts";
import { progressWithSteps, steppedEngine } from "./steppedEngine.ts";
import { type KnownRun, withKnownRun } from "./knownRun.ts";

export type { Progress };

type Loaded =
  | { key: string; text: string | null; ok: true; data: Dataset; summary: DataSummary }
  | { key: string; text: string | null; ok: false; problems: ShownDataProblem[] };

function summarize(label: string, data: Dataset): DataSummary {
  const first = firstPeriod(data);
  const last = lastOrderPeriod(data);
  return {
    label,
    partners: data.partners.length,
    customers: data.customers.length,
    orders: data.orders.length,
    splits: data.splits.length,
    cancellations: data.cancellations.length,
    orderPeriods: first !== null && last !== null ? periodsFromTo(first, last) : [],
    lastOrderPeriod: last,
  };
}

/**
 * A period's line in the run summary. Total earned is the sum of the statements' `earned` (each
 * partner's earned is the sum of their ledger entries), so the summary needs no ledger entry as
 * an object: a 100k period's million entries are built only when a view asks for them. Read from
 * the engine's view (its integer columns where it has them, moneySum.ts): the summary builds
 * no period's partner figures (ranks, volumes) or statements, which only the shown pages need.
 */
function periodSummary(v: PeriodView, decimals: number): PeriodSummary {
  return {
    period: v.period,
    asOf: v.asOf,
    final: v.final,
    ledgerEntries: v.ledgerLength,
    totalEarned: sumStatementField(v, "earned", decimals),
    totalPayout: sumStatementField(v, "payout", decimals),
  };
}

export class Session {
  /** The engine every run and comparison of this session uses (core/engine.ts). */
  constructor(private readonly engine: Engine = defaultEngine) {}

  private loaded: Loaded | null = null;
  private browser: { data: Dataset; records: RecordBrowser } | null = null;
  private state: { run: RunState; summary: RunSummary; planText: string; known: KnownRun } | null = null;

  private async ensureData(source: DataSource, progress: Progress): Promise<Loaded> {
    const key = sourceKey(source);
    const text = source.kind === "file" ? source.text : null;
    if (this.loaded && this.loaded.key === key && this.loaded.text === text) return this.loaded;
    this.loaded = null;
    progress(source.kind === "generated" ? `generating ${source.size} partners (seed ${source.seed})…` : `reading ${sourceLabel(source)}…`);
    if (source.kind === "file") {
      // Record by record, as `comp run` reads a file: every problem with its line and record.
      const reading = readDataFile(source.name, source.text);
      this.loaded = reading.ok
        ? { key, text, ok: true, data: reading.data, summary: summarize(sourceLabel(source), reading.data) }
        : { key, text, ok: false, problems: reading.problems };
      return this.loaded;
    }
    const raw = await rawData(source);
    if (!raw.ok) {
      this.loaded = { key, text, ok: false, problems: raw.problems };
      return this.loaded;
    }
    progress("validating the data…");
    const validation = validateData(raw.document);
    this.loaded = validation.ok
      ? { key, text, ok: true, data: validation.data, summary: summarize(sourceLabel(source), validation.data) }
      : { key, text, ok: false, problems: withRecords(validation.problems, raw.document) };
    return this.loaded;
  }

  async load(source: DataSource, progress: Progress): Promise<LoadReply> {
    const loaded = await this.ensureData(source, progress);
    if (!loaded.ok) return { kind: "data-problems", problems: loaded.problems, againstPlan: false, data: null };
    return { kind: "loaded", data: loaded.summary };
  }

  /** The plan compiled and the data loaded and checked against it, or the reply saying why not. */
  private async prepare(planText: string, source: DataSource, progress: Progress): Promise<{ ok: true; ir: PlanIR; data: Dataset; summary: DataSummary } | { ok: false; reply: RunReply }> {
    progress("checking the plan…");
    const compiled = compilePlan(planText);
    if (compiled.ir === null || hasErrors(compiled.diagnostics)) {
      return { ok: false, reply: { kind: "plan-errors", diagnostics: compiled.diagnostics.filter((d) => d.severity === "error") } };
    }
    const ir = compiled.ir;
    const loaded = await this.ensureData(source, progress);
    if (!loaded.ok) return { ok: false, reply: { kind: "data-problems", problems: loaded.problems, againstPlan: false, data: null } };
    const againstPlan = checkDataAgainstPlan(ir, loaded.data);
    if (againstPlan.length > 0) return { ok: false, reply: { kind: "data-problems", problems: againstPlan, againstPlan: true, data: loaded.summary } };
    return { ok: true, ir, data: loaded.data, summary: loaded.summary };
  }

  async run(planText: string, source: DataSource, through: string | null, policy: Policy | null, progress: Progress): Promise<RunReply> {
    this.dropShownRun();
    const prepared = await this.prepare(planText, source, progress);
    if (!prepared.ok) return prepared.reply;
    const { ir, data, summary: dataSummary } = prepared;
    const until = through ?? dataSummary.lastOrderPeriod;
    if (until === null) {
      return { kind: "run-error", error: { code: "no-orders", message: "the data has no orders, so there is no period to run", details: [] }, data: dataSummary };
    }
    const usedPolicy = policy ?? ir.cancellation.policy;
    const partners = dataSummary.partners.toLocaleString("en");
    // The view, not runThrough: the periods stay in the engine's columns until a view asks (lazyResult.ts).
    // Period, step and policy (issue 14 item 4); the bar moves by step within the period.
    let at = { period: "", index: 0, count: 1 };
    const line = (step: RunStep | null) =>
      progress(
        `running ${partners} partners · period ${at.period} (${at.index + 1} of ${at.count})${step === null ? "" : ` · ${RUN_STEP_WORDS[step]}`} · policy ${usedPolicy}`,
        (at.index + (step === null ? 0 : RUN_STEPS.indexOf(step) / RUN_STEPS.length)) / at.count,
      );
    const outcome = this.engine.runThroughView(ir, data, {
      through: until,
      policy: usedPolicy,
      onPeriod: (period, index, count) => {
        at = { period, index, count };
        line(null);
      },
      onStep: (_period, step) => line(step),
    });
    if (!outcome.ok) return { kind: "run-error", error: outcome.error, data: dataSummary };
    progress("summing up…", 1);
    const result = lazyResult(outcome.view);
    const decimals = ir.rounding.unit.includes(".") ? ir.rounding.unit.length - ir.rounding.unit.indexOf(".") - 1 : 0;
    const summary: RunSummary = {
      plan: ir.name,
      currency: ir.currency,
      policy: usedPolicy,
      planPolicy: ir.cancellation.policy,
      through: until,
      periods: outcome.view.periods.map((p) => periodSummary(p, decimals)),
      measures: ir.measures.map((m) => m.name),
      ranks: ir.ranks.map((r) => r.name),
      cvMeasure: commissionMeasure(ir),
      hasSplit: ir.split !== null,
      splitMode: ir.split?.mode ?? null,
      data: dataSummary,
    };
    this.state = { run: new RunState(ir, data, result, outcome.view), summary, planText, known: { ir, data, through: until, policy: usedPolicy, view: outcome.view } };
    return { kind: "done", run: summary };
  }

  /**
   * The comparison of a plan on a data source: compiled and loaded here, so it can run beside the
   * shown results. When it is the shown run's plan on the shown run's data (the usual Compare
   * after Run, which the page sends to the worker holding that run), the run's compiled plan and
   * checked data are taken as they are — the engine then shares the run's leading periods — and
   * the replay of the run's own policy is the run itself (knownRun.ts). `between` is awaited
   * between the engine's runs (compareJob.ts): what it throws stops the comparison.
   */
  async compare(planText: string, source: DataSource, through: string, progress: Progress, between?: () => Promise<void>): Promise<CompareReply> {
    const shown = this.state;
    const loaded = shown !== null && shown.planText === planText ? await this.ensureData(source, progress) : null;
    const reuse = shown !== null && loaded !== null && loaded.ok && loaded.data === shown.known.data;
    const prepared = reuse ? { ok: true as const, ir: shown.known.ir, data: shown.known.data } : await this.prepare(planText, source, progress);
    if (!prepared.ok) {
      throw new Error(prepared.reply.kind === "plan-errors" ? "the plan has errors: fix them and run again" : "the data has problems: see the notice above");
    }
    const stepped = progressWithSteps(progress);
    const engine = steppedEngine(reuse ? withKnownRun(this.engine, shown.known) : this.engine, stepped.onStep);
    return compareAll(prepared.ir, prepared.data, through, stepped.progress, engine, between);
  }

  /**
   * Forget the shown run and give its view back to the engine (core/engine.ts `release`: the
   * compiled engine's arrays go to its pool for the next run). Nothing can read it any more: the
   * worker answers one request at a time (runWorker.ts), so no query or comparison of it is
   * under way, and a comparison reads it only through `withKnownRun`, which passes no `release`
   * on — a comparison never frees the shown run's view itself. In the page a worker that
   * finished a run becomes the resident and runs no other (client/workerClient.ts): the old
   * resident is terminated with its whole heap, so this counts for a Session that runs again.
   */
  private dropShownRun(): void {
    const shown = this.state;
    this.state = null;
    if (shown !== null) this.engine.release?.(shown.known.view);
  }

  private current(): { run: RunState; summary: RunSummary } {
    if (!this.state) throw new Error("there is no finished run: press Run first");
    return this.state;
  }

  /** The last finished run, for the page's queries. */
  finished(): RunState {
    return this.current().run;
  }

  /**
   * The data browser: a window of the loaded data's records, with or without a run (the page
   * sends this to the worker that loaded the data, client/workerClient.ts).
   */
  records(dataKey: string, section: RecordSectionName, search: string, offset: number, limit: number): RecordsPage {
    const loaded = this.loaded;
    if (loaded === null || loaded.key !== dataKey) throw new Error("This data is not loaded (its loading was cancelled or failed): choose it again in the Data picker.");
    if (!loaded.ok) {
      throw new Error(`This data has ${loaded.problems.length === 1 ? "a problem" : "problems"}, listed above with the record at fault: fix ${loaded.problems.length === 1 ? "it" : "them"} to browse the records.`);
    }
    if (this.browser?.data !== loaded.data) this.browser = { data: loaded.data, records: new RecordBrowser(loaded.data) };
    return this.browser.records.page(section, search, offset, limit);
  }

  kpis(period: string | null): KpiReply {
    const { run, summary } = this.current();
    const kpis = computeKpis(run.result, summary.cvMeasure, period ?? undefined, summary.ranks, run.ir.bonuses);
    return { kpis, cvMeasure: summary.cvMeasure };
  }

}
