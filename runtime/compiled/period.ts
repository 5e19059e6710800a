/**
 * One period in the compiled runtime: release, portions, the bottom-up pass, the bonus walks and
 * pools, after-run cancellations and commission transfers (cancellations/), statements — or,
 * when a value does not fit the scaled integers or the input is one the reference refuses, the
 * reason it must run in the reference evaluator (the engine then delegates, so answers are
 * always the reference's). The covered and delegated cases are listed in docs/PERFORMANCE.md.
 */
import type { PlanIR, Policy } from "../../core/ir.ts";
import type { Dataset, SplitAgreement } from "../../core/dataModel.ts";
import { isValidDate, isValidPeriod, lastDayOf, toDayNumber } from "../../core/dates.ts";
import type { PeriodResult } from "../../core/result.ts";
import type { RunStep } from "../../core/run.ts";
import { cancellationTakes, type TakesByOrder } from "../reference/cancellations/takes.ts";
import { preparePlan, type PreparedPlan } from "../reference/plan.ts";
import { agreementsInForce } from "../reference/portions.ts";
import type { Structure } from "../reference/structure.ts";
import { afterRunPart, type AfterRunPlan } from "./cancellations/period.ts";
import type { AfterRunColumns } from "./cancellations/extras.ts";
import { giveBack, markPeriodEnd, markPeriodStart, take, takeUnfilled } from "./arrayPool.ts";
import { columnarOf, type ColumnarData } from "./columnar.ts";
import { kernelsFor } from "./kernels.ts";
import { LedgerColumns } from "./ledgerColumns.ts";
import { planTables, type PlanTables } from "./planTables.ts";
import { payPools } from "./pools.ts";
import { MISSING_FIGURE, reducedValuesOf, TOO_MANY_DECIMALS } from "./reducedValues.ts";
import { buildPortions, type PortionColumns } from "./portions.ts";
import { creditOrder, qualify, type QualifyState } from "./qualify.ts";
import { earliestAsOfDay, monthOfPeriod, releaseOf, type ColumnarRelease } from "./release.ts";
import { scaledInt } from "./scaled.ts";
import { packNodes, type WalkContext } from "./walkContext.ts";
import { keptIn } from "./keptIn.ts";

export interface CompiledPeriodInput {
  ir: PlanIR;
  data: Dataset;
  period: string;
  asOf: string;
  final: boolean;
  policy: Policy;
  splitMode: "volume" | "commission";
  ignoreAfterRunCancellations: boolean;
  /** The as-of date of an earlier period's final run in the history; undefined when it is not there. */
  historyAsOf(period: string): string | undefined;
  /** Carried out of the previous final period, minor units, per partner index; NaN = cannot be read exactly. */
  carriedIn: ((partner: number) => number) | null;
  /** An earlier period's final run in the history (`previous-rank` and `exact` read it); undefined when it is not there. */
  historyRun(period: string): ColumnarPeriod | PeriodResult | undefined;
  /** Told as each step starts (progress only, core/run.ts RunStep). */
  onStep?: ((step: RunStep) => void) | undefined;
}

/** A computed period, in columns. */
export interface ColumnarPeriod {
  period: string;
  asOf: string;
  final: boolean;
  ir: PlanIR;
  columnar: ColumnarData;
  tables: PlanTables;
  prepared: PreparedPlan;
  /** Partners listed (joined by the end of the period), in string order of id. */
  listed: Int32Array;
  state: QualifyState;
  portions: PortionColumns;
  ledger: LedgerColumns;
  carriedIn: Float64Array;
  payout: Float64Array;
  carriedOut: Float64Array;
  release: ColumnarRelease;
  /** After-run cancellations and commission transfers: clawback portions, extra rows, unrecovered. */
  afterRun: AfterRunColumns;
  month: number;
  asOfDay: number;
  /** Generated code or the interpreter. */
  kernel: "generated" | "interpreted";
  /** Set when the caller released the period (runtime/compiled/periodRelease.ts): its arrays went back to the pool and its views refuse to read. */
  released: boolean;
}

export type CompiledOutcome = { ok: true; period: ColumnarPeriod } | { ok: false; delegate: string };

const delegate = (reason: string): CompiledOutcome => ({ ok: false, delegate: reason });

const preparedCache = new WeakMap<PlanIR, PreparedPlan | null>();
const tablesCache = new WeakMap<PlanIR, WeakMap<ColumnarData, PlanTables | string>>();
const takesCache = new WeakMap<ColumnarData, TakesByOrder>();
const ledgerHints = new WeakMap<PlanTables, number>();

/**
 * The ledger capacity a period of this plan on this data starts with: the last run's length
 * plus 5%, or a guess from the portions. Exported so that the bench's hand-written run asks the
 * array pool for columns of the same size and so shares them with the compiled runs.
 */
export function ledgerCapacity(tables: PlanTables, portions: number): number {
  return Math.ceil((ledgerHints.get(tables) ?? portions * 8) * 1.05);
}

function preparedOf(ir: PlanIR): PreparedPlan | null {
  if (!preparedCache.has(ir)) {
    const outcome = preparePlan(ir);
    preparedCache.set(ir, outcome.ok ? outcome.value : null);
  }
  return preparedCache.get(ir)!;
}

/** The plan's tables for this data set, kept per (plan, data set); the ledger's size hint is kept per tables object. */
export function tablesOf(ir: PlanIR, c: ColumnarData): PlanTables | string {
  const byData = keptIn(tablesCache, ir, () => new WeakMap<ColumnarData, PlanTables | string>());
  return keptIn(byData, c, () => planTables(ir, c));
}

export function takesOf(c: ColumnarData): TakesByOrder {
  let takes = takesCache.get(c);
  if (takes === undefined) {
    // cancellationTakes reads only the order index of the structure.
    takes = cancellationTakes(c.data, { orderIndex: c.orderIndex } as Structure);
    takesCache.set(c, takes);
  }
  return takes;
}

const firstTakeCache = new WeakMap<ColumnarData, Int32Array>();

/**
 * Per order: the day of its earliest cancellation take (NO_DAY_AFTER when it has none), so the
 * counted-orders loop tests one typed array instead of a Map lookup per order. A take applies
 * before a run as of d when its cancellation date <= d (ISO dates compare as their day numbers).
 */
export function firstTakeDayOf(c: ColumnarData, takes: TakesByOrder): Int32Array {
  let first = firstTakeCache.get(c);
  if (first === undefined) {
    first = new Int32Array(c.orderCount).fill(NO_DAY_AFTER);
    for (const [o, list] of takes) {
      for (const t of list) {
        const day = toDayNumber(t.cancellation.date);
        if (day < first[o]!) first[o] = day;
      }
    }
    firstTakeCache.set(c, first);
  }
  return first;
}

const NO_DAY_AFTER = 2147483647;

const inForceCache = new WeakMap<Dataset, Map<string, Map<string, SplitAgreement>>>();

/**
 * The split agreements in force in a period, kept per data set and period (about 60 ms a run at
 * 1M partners with 100k agreements). Nothing changes the map: every reader only looks up.
 */
function inForceOf(data: Dataset, period: string): Map<string, SplitAgreement> {
  const byPeriod = keptIn(inForceCache, data, () => new Map<string, Map<string, SplitAgreement>>());
  return keptIn(byPeriod, period, () => agreementsInForce(data.splits, period));
}

const memberPairsCache = new WeakMap<Map<string, SplitAgreement>, [number, number][]>();

/**
 * The partner members of the agreements and their supporters as indices, in document order:
 * kept per (kept) map of agreements, as resolving two ids per agreement took about 0.1 s a run
 * at 1M partners. A map belongs to one data set (inForceOf), so to one columnar model.
 */
function memberPairsOf(c: ColumnarData, splits: Map<string, SplitAgreement>): [number, number][] {
  return keptIn(memberPairsCache, splits, () => {
    const pairs: [number, number][] = [];
    for (const a of splits.values()) {
      const m = c.indexOf.get(a.member);
      if (m === undefined) continue;
      pairs.push([m, c.indexOf.get(a.supporter)!]);
    }
    return pairs;
  });
}

export function computeCompiledPeriod(input: CompiledPeriodInput, forceInterpreter = false): CompiledOutcome {
  const { ir, data, period, asOf, final } = input;
  if (!isValidPeriod(period) || !isValidDate(asOf)) return delegate("invalid period or as-of date");
  const prepared = preparedOf(ir);
  if (prepared === null) return delegate("the plan's IR is inconsistent");
  const c = columnarOf(data);
  if (c.inconsistent) return delegate("the data is inconsistent");
  const tables = tablesOf(ir, c);
  if (typeof tables === "string") return delegate(tables);
  if (ir.bonuses.length > 255) return delegate("more than 255 bonuses");
  const release = releaseOf(ir, c);
  const month = monthOfPeriod(period);
  const asOfDay = toDayNumber(asOf);
  const lastDay = toDayNumber(lastDayOf(period));
  if (final && (asOfDay <= lastDay || asOfDay < earliestAsOfDay(release, month))) return delegate("a final run before the earliest as-of date (refused)");

  input.onStep?.("volumes");
  markPeriodStart();
  const inForce: Map<string, SplitAgreement> = ir.split === null ? new Map() : inForceOf(data, period);
  // After-run cancellations of this period (semantics §7) and commission transfers: cancellations/.
  const after: AfterRunPlan | string = afterRunPart(input, c, tables, release, inForce);
  if (typeof after === "string") return delegate(after);
  const volumeSplits = input.splitMode === "volume" ? inForce : new Map<string, SplitAgreement>();

  // Counted orders and their measure values (after before-run cancellations).
  const candidates = release.byMonth.get(month) ?? new Int32Array(0);
  // Temporaries (counted orders and values, credit graph, packed nodes) come from the array pool
  // and go back at the end; the period's own columns go back when its caller releases it.
  const countedAll = takeUnfilled(Int32Array, candidates.length);
  let countedLength = 0;
  for (let j = 0; j < candidates.length; j++) {
    const o = candidates[j]!;
    if (release.releaseDay[o]! <= asOfDay) countedAll[countedLength++] = o;
  }
  const counted = countedAll.subarray(0, countedLength);
  const K = tables.measureCount;
  const values = Array.from({ length: K }, () => take(Float64Array, counted.length));
  const takes = data.cancellations.length > 0 ? takesOf(c) : null;
  const firstTake = takes === null ? null : firstTakeDayOf(c, takes);
  const totals = new Float64Array(K);
  for (let i = 0; i < counted.length; i++) {
    const o = counted[i]!;
    if (firstTake !== null && firstTake[o]! <= asOfDay) {
      const reduced = reducedValuesOf(ir, c, tables, o, takes!.get(o)!, asOf);
      if (reduced === MISSING_FIGURE) return delegate("an order lacks a figure (refused)");
      if (reduced === TOO_MANY_DECIMALS) return delegate("a partly cancelled order needs more decimals");
      for (let k = 0; k < K; k++) values[k]![i] = reduced[k]!;
    } else {
      for (let k = 0; k < K; k++) {
        const f = tables.figures[k]!;
        if (f.missing[o]) return delegate("an order lacks a figure (refused)");
        values[k]![i] = f.values[o]!;
      }
    }
    for (let k = 0; k < K; k++) totals[k] = totals[k]! + values[k]![i]!;
  }
  const own = buildPortions(ir, c, tables, counted, values, volumeSplits);
  if (typeof own === "string") return delegate(own);
  const withClawbacks = after.portions(own, totals);
  if (typeof withClawbacks === "string") return delegate(withClawbacks);
  const { portions, qualifying } = withClawbacks;

  // The credit graph: sponsor edges plus member -> supporter for partner members.
  const n = c.partnerCount;
  const supporterOf = take(Int32Array, n, -1);
  const memberCount = take(Int32Array, n + 1);
  const pairs = memberPairsOf(c, volumeSplits);
  for (const [m, s] of pairs) {
    supporterOf[m] = s;
    memberCount[s]!++;
  }
  const memberStart = take(Int32Array, n + 1);
  for (let p = 0; p < n; p++) memberStart[p + 1] = memberStart[p]! + memberCount[p]!;
  const memberList = new Int32Array(pairs.length);
  const fill = takeUnfilled(Int32Array, n);
  fill.set(memberStart.subarray(0, n));
  // Document order of agreements within a supporter, as the reference lists them.
  for (const [m, s] of pairs) memberList[fill[s]!++] = m;
  const order = creditOrder(c, memberStart, memberList);
  if (order === null) return delegate("the credit graph has a circle (refused)");

  const kernels = kernelsFor(tables, forceInterpreter);
  const state = qualify(c, tables, qualifying, supporterOf, memberStart, memberList, order, lastDay, kernels.rank);
  giveBack(order, memberCount, fill);
  input.onStep?.("bonuses");
  // Sized from the last run of this plan on this data (or a generous guess): growing a column
  // means copying it and, for big runs, a full garbage collection for the freed memory.
  let ledger = new LedgerColumns(n, ir.bonuses.length, ledgerCapacity(tables, portions.count), true);
  const walked = ledger;
  const node = packNodes(c.sponsor, state.rank, state.eligible, state.manager, true);
  const ctx: WalkContext = {
    sponsor: c.sponsor, node, rank: state.rank, eligible: state.eligible, manager: state.manager, portions, ledger,
    buyerPartner: c.buyerPartner, orderDay: c.dateDay, joinedDay: c.joinedDay, ruleDay: NaN,
    mode: tables.mode, unitMinor: tables.unitMinor, unsafe: false,
  };
  kernels.bonusRange(ctx, 0, own.count);
  const walk = kernels.bonuses;
  if (ctx.unsafe) return delegate("an amount does not fit a safe integer");
  if (ledger.overflow) return delegate("a ledger value does not fit its column (step, level, rate or amount)");
  const pooled = payPools(prepared, tables, c, state, totals, ledger);
  if (pooled !== null) return delegate(pooled);
  const finished = after.finish({ ctx, walk, state, prepared, lastDay });
  if (typeof finished === "string") return delegate(finished);
  ledger = finished.ledger;
  // Commission transfers copy the ledger: the walked one is nobody's now.
  if (ledger !== walked) giveBack(...walked.arrays());
  ledgerHints.set(tables, ledger.length);
  if (ctx.unsafe) return delegate("an amount does not fit a safe integer");
  if (ledger.overflow) return delegate("a ledger value does not fit its column (step, level, rate or amount)");

  input.onStep?.("statements");
  // Per partner in engine order (neighbouring memory), then the listed ones in string order of id.
  let listedCount = 0;
  const carriedIn = take(Float64Array, n);
  const payout = take(Float64Array, n);
  const carriedOut = take(Float64Array, n);
  const minimumScale = Math.max(tables.moneyScale, decimalsOfText(ir.payoutMinimum));
  const minimum = scaledInt(ir.payoutMinimum, minimumScale);
  const up = 10 ** (minimumScale - tables.moneyScale);
  if (Number.isNaN(minimum)) return delegate("the payout minimum does not fit a safe integer");
  const carriedOf = input.carriedIn;
  for (let p = 0; p < n; p++) {
    if (!state.joined[p]) continue;
    listedCount++;
    const carried = carriedOf === null ? 0 : carriedOf(p);
    if (Number.isNaN(carried)) return delegate("a carried balance of the history cannot be read exactly");
    const balance = carried + ledger.earned[p]!;
    if (!Number.isSafeInteger(balance) || !Number.isSafeInteger(balance * up)) return delegate("a balance does not fit a safe integer");
    const paid = balance > 0 && balance * up >= minimum ? balance : 0;
    carriedIn[p] = carried;
    payout[p] = paid;
    carriedOut[p] = balance - paid;
  }
  const listed = takeUnfilled(Int32Array, listedCount);
  for (let j = 0, at = 0; at < listedCount; j++) {
    const p = c.idOrder[j]!;
    if (state.joined[p]) listed[at++] = p;
  }
  giveBack(countedAll, ...values, node);
  markPeriodEnd();
  return {
    ok: true,
    period: {
      period, asOf, final, ir, columnar: c, tables, prepared, listed, state, portions, ledger, carriedIn, payout, carriedOut,
      release, afterRun: finished.afterRun, month, asOfDay, kernel: kernels.kind, released: false,
    },
  };
}

function decimalsOfText(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}
