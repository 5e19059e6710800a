/**
 * Hand-built plans (IR) and data sets (Dataset) for the reference evaluator's tests. Both are
 * plain JSON, so a test states exactly the plan and the data it means, independent of the
 * parser and the validator.
 */
import type { BonusIR, CompareIR, ConditionIR, FigureIR, PlanIR, TierIR } from "../../core/ir.ts";
import type { Cancellation, Customer, Dataset, Order, Partner, SplitAgreement } from "../../core/dataModel.ts";

export function plan(overrides: Partial<PlanIR> = {}): PlanIR {
  return {
    irVersion: 1,
    name: "Test plan",
    version: null,
    currency: "EUR",
    rounding: { mode: "half-up", unit: "0.01" },
    period: "monthly",
    measures: [
      { name: "PV", figure: "points" },
      { name: "CV", figure: "net" },
    ],
    activity: null,
    ranks: [{ name: "Consultant", condition: null }],
    breakaway: null,
    bonuses: [],
    split: null,
    cancellation: { withdrawalDays: 0, policy: "exact", lateCanceller: null },
    payoutMinimum: "0",
    ...overrides,
  };
}

export const PV = 0;
export const CV = 1;

export function compare(figure: FigureIR, op: CompareIR["op"], value: string, maxleg?: string): CompareIR {
  return { kind: "compare", figure, op, value, ...(maxleg === undefined ? {} : { maxleg }) };
}
export const pvAtLeast = (value: string): ConditionIR => compare({ kind: "personal", measure: PV }, ">=", value);
export const gvAtLeast = (value: string, maxleg?: string): ConditionIR => compare({ kind: "group", measure: PV }, ">=", value, maxleg);
export const ovAtLeast = (value: string): ConditionIR => compare({ kind: "open", measure: PV }, ">=", value);
export const legsAtLeast = (rank: number, count: number): ConditionIR => compare({ kind: "legs", rank }, ">=", String(count));
export const and = (...operands: ConditionIR[]): ConditionIR => ({ kind: "and", operands });

export const tier = (rate: string, requires: number | null = null): TierIR => ({ rate, requires });

export function levelBonus(rates: string[], compression = true, measure = CV, name = "Level"): BonusIR {
  return { kind: "level", name, measure, levels: rates.map((r) => tier(r)), compression };
}
export function differentialBonus(rates: string[], measure = CV, name = "Differential"): BonusIR {
  return { kind: "differential", name, measure, rates };
}

export function partner(id: string, sponsor: string | null, extra: Partial<Partner> = {}): Partner {
  return { id, sponsor, joined: "2025-01-01", status: "active", terminated: null, ...extra };
}

/** A chain: the first id is the top, each next one sponsored by the one before. */
export function chain(...ids: string[]): Partner[] {
  return ids.map((id, i) => partner(id, i === 0 ? null : ids[i - 1]!));
}

export function customer(id: string, partnerId: string): Customer {
  return { id, partner: partnerId, joined: "2025-01-01" };
}

/** One-line order, paid and delivered on its date unless `extra` says otherwise. */
export function order(id: string, buyer: string, date: string, net: string, points: string, extra: Partial<Order> = {}): Order {
  return { id, buyer, date, paid: date, delivered: date, lines: [{ sku: "SKU", qty: "1", figures: { net, points } }], ...extra };
}

export function agreement(index: number, member: string, supporter: string, share: string | null, extra: Partial<SplitAgreement> = {}): SplitAgreement {
  return { index, member, supporter, share, shareByMeasure: {}, from: null, to: null, ...extra };
}

export function cancellation(id: string, orderId: string, date: string, extra: Partial<Cancellation> = {}): Cancellation {
  return { id, order: orderId, date, goods: "returned", lines: null, ...extra };
}

export function dataset(parts: Partial<Dataset>): Dataset {
  return { partners: [], customers: [], splits: [], orders: [], cancellations: [], ...parts };
}
