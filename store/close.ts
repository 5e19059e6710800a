/**
 * Closing a period (`comp close`): one final run of the next period on the stored history,
 * written in one transaction. Refused, with nothing written, when the period is already closed,
 * is not the next one, when the data contradicts what was stored (store/checks.ts), or when the
 * engine refuses the run (e.g. a withdrawal period has not ended yet).
 */
import type { PlanIR, Policy } from "../core/ir.ts";
import type { Dataset } from "../core/dataModel.ts";
import { nextPeriod } from "../core/dates.ts";
import { Decimal, ZERO } from "../core/decimal.ts";
import type { Engine } from "../core/engine.ts";
import { releaseOrders } from "../runtime/shared/release.ts";
import { earliestFinalAsOf } from "../runtime/reference/runPeriod.ts";
import { firstPeriod } from "../core/orderPeriods.ts";
import type { PeriodResult } from "../core/result.ts";
import { contradictions, coveredByHistory, type HistoryState } from "./checks.ts";
import { cancellationFingerprint, orderFingerprint, sha256 } from "./fingerprint.ts";
import { readHistory } from "./history.ts";
import { StoreError, type CloseRecord, type Fingerprinted, type HistoryStore, type StoredRun } from "./types.ts";
import { COMP_VERSION } from "./version.ts";

export interface CloseInput {
  store: HistoryStore;
  engine: Engine;
  ir: PlanIR;
  /** The plan's source text: stored with the period (its hash identifies the plan). */
  planText: string;
  data: Dataset;
  period: string;
  /** Date of the final run; default the earliest allowed one (semantics §2). */
  asOf?: string;
  /** Overrides the plan's cancellation policy for this period. */
  policy?: Policy;
  splitMode?: "volume" | "commission";
  /** The close's wall-clock time (audit only); default now. */
  closedAt?: string;
}

export interface CloseOutcome {
  run: StoredRun;
  result: PeriodResult;
  /** The period before, when it was closed under a different plan text. */
  planChangedFrom: StoredRun | null;
}

/** How to look at a closed period: part of every "already closed" refusal. */
export function howToLook(location: string, period: string): string[] {
  const store = location.startsWith("sqlite:") ? location.slice("sqlite:".length) : location;
  return [
    `comp history --store ${store}`,
    `comp explain --store ${store} --period ${period} --partner <id>   (or --order <id>)`,
    `comp export --store ${store} --period ${period} --out <dir>`,
  ];
}

export async function closePeriod(input: CloseInput): Promise<CloseOutcome> {
  const { store, engine, ir, data, period } = input;
  const runs = await store.runs();
  const last = runs[runs.length - 1];
  const closed = runs.find((r) => r.period === period);
  if (closed !== undefined) {
    throw new StoreError(`${period} is already closed (final run as of ${closed.asOf}, plan "${closed.planName}", closed ${closed.closedAt}); a closed period never changes. Look at it with:`, "already-closed", howToLook(store.location, period));
  }
  if (last !== undefined && period !== nextPeriod(last.period)) {
    throw new StoreError(`the store's last closed period is ${last.period}: the next one to close is ${nextPeriod(last.period)} (periods are closed one at a time, in order)`, "not-next");
  }
  if (last === undefined) {
    const first = firstPeriod(data);
    if (first === null) throw new StoreError("the data has no orders, so there is no period to close", "not-next");
    if (period !== first) {
      throw new StoreError(`the store is empty and the first order is dated in ${first}: close ${first} first (periods are closed one at a time, in order)`, "not-next");
    }
  }

  const orderIndex = new Map(data.orders.map((o, i) => [o.id, i] as const));
  const releases = releaseOrders(ir, data, orderIndex);
  const state: HistoryState = { runs, orders: await store.fingerprints("orders"), cancellations: await store.fingerprints("cancellations") };
  const problems = contradictions(data, releases, state);
  if (problems.length > 0) {
    throw new StoreError(`the data contradicts the closed history in ${store.location}; nothing was run`, "contradiction", problems);
  }

  const asOf = input.asOf ?? earliestFinalAsOf(ir, data, period).asOf;
  const history = await readHistory(store, runs, data, state.orders, period);
  const policy = input.policy ?? ir.cancellation.policy;
  const splitMode = input.splitMode ?? ir.split?.mode ?? "volume";
  const outcome = engine.runPeriod({ ir, data, history, period, asOf, final: true, policy, splitMode });
  if (!outcome.ok) {
    const { code, message, details } = outcome.error;
    const planNote = code === "invalid-history" && last !== undefined ? ["(the history was closed under the plans `comp history` lists; a later plan must keep the ranks and bonuses it reads back)"] : [];
    throw new StoreError(`run refused (${code}): ${message}`, "run-refused", [...details, ...planNote]);
  }
  const result = outcome.period;

  const commissioned: Fingerprinted[] = releases
    .filter((r) => r.countsIn === period)
    .map((r) => ({ id: r.order.id, period, fingerprint: orderFingerprint(r.order) }));
  const ordersAfter = new Map(state.orders);
  for (const o of commissioned) ordersAfter.set(o.id, o);
  const asOfOf = new Map([...runs.map((r) => [r.period, r.asOf] as const), [period, asOf] as const]);
  const cancellations: Fingerprinted[] = data.cancellations
    .filter((c) => !state.cancellations.has(c.id) && coveredByHistory(c, period, ordersAfter, asOfOf))
    .map((c) => ({ id: c.id, period, fingerprint: cancellationFingerprint(c) }));

  const planHash = sha256(input.planText);
  const meta = {
    period, asOf, planName: ir.name, planHash, policy, splitMode, engine: engine.name, engineVersion: COMP_VERSION,
    closedAt: input.closedAt ?? new Date().toISOString(),
  };
  // Every amount is a multiple of the plan's money unit, so the sums are exact at its decimals.
  const decimals = new Decimal(ir.rounding.unit).decimalPlaces();
  const record: CloseRecord = {
    meta, planText: input.planText, result,
    earnedTotal: result.ledger.reduce((sum, e) => sum.plus(e.amount), ZERO).toFixed(decimals),
    payoutTotal: Object.values(result.statements).reduce((sum, s) => sum.plus(s.payout), ZERO).toFixed(decimals),
    orders: commissioned, cancellations,
  };
  try {
    await store.write(record);
  } catch (e) {
    // Another close of the same period committed between our checks and our write.
    if (e instanceof StoreError && e.code === "already-closed") {
      throw new StoreError(`${period} was closed by another run meanwhile; a closed period never changes. Look at it with:`, "already-closed", howToLook(store.location, period));
    }
    throw e;
  }
  return {
    run: { ...meta, partnerCount: Object.keys(result.ranks).length, ledgerCount: result.ledger.length, earnedTotal: record.earnedTotal, payoutTotal: record.payoutTotal },
    result,
    planChangedFrom: last !== undefined && last.planHash !== planHash ? last : null,
  };
}
