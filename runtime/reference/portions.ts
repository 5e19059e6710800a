/**
 * Portions (semantics §3): each counted order becomes one portion (weight 1, the normal path) or,
 * for a member with a split agreement in force in the commissioning period, a recruiter portion
 * (weight 1 − s) and a supporter portion (weight s), per measure. A measure the plan does not
 * split has s = 0. Measure values use the line quantities left after before-run cancellations.
 *
 * The clawback of an after-run cancellation under `simple` and `previous-rank` is a portion set
 * of the same shape (volume −c on today's paths), so it is built here too.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Order, SplitAgreement } from "../../core/dataModel.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import { measureValues } from "../shared/measureValues.ts";
import { quantitiesBeforeRun, type TakesByOrder } from "./cancellations/takes.ts";
import { CreditPath } from "./creditPath.ts";
import { refuse, success, type Outcome } from "../../core/runError.ts";
import type { Release } from "../shared/release.ts";
import { creditedPartner, type Structure } from "./structure.ts";

export type PortionKind = "recruiter" | "supporter";

/** The after-run cancellation a clawback portion reclaims for. */
export interface ClawbackOf {
  cancellation: string;
  /** Processing order of the period's after-run cancellations (date, then document order). */
  sequence: number;
}

export interface Portion {
  order: Order;
  orderIndex: number;
  kind: PortionKind;
  path: CreditPath;
  /** Portion volume x = weight × order measure value, per measure index. */
  x: Decimal[];
  /**
   * For a partner member's supporter portion: the member, whose own volume here leaves the
   * sponsor line towards the supporter. -1 for every other portion.
   */
  divertedFrom: number;
  /** The buyer as a partner index; -1 when the buyer is a customer. */
  buyerPartner: number;
  /** The date that date-dependent rules (fast start) use: the order's date, or the cancellation's. */
  ruleDate: string;
  /** Set on a clawback portion (negative volume of an after-run cancellation); null otherwise. */
  clawback: ClawbackOf | null;
}

export interface PortionSet {
  /** In ledger order: counted orders in document order, recruiter before supporter. */
  portions: Portion[];
  /** Sum of every measure over the counted orders (after before-run cancellations). */
  measureTotals: Decimal[];
}

/** Split agreements in force in a period, by member id (the validator allows one per period). */
export function agreementsInForce(agreements: SplitAgreement[], period: string): Map<string, SplitAgreement> {
  const inForce = new Map<string, SplitAgreement>();
  for (const a of agreements) {
    if ((a.from === null || a.from <= period) && (a.to === null || period <= a.to)) inForce.set(a.member, a);
  }
  return inForce;
}

/** The supporter's share of each measure: the agreement's own, its general share, the plan default. */
export function supporterShares(ir: PlanIR, agreement: SplitAgreement): Decimal[] {
  const split = ir.split!;
  return ir.measures.map((m, k) => {
    if (!split.measures.includes(k)) return ZERO;
    return new Decimal(agreement.shareByMeasure[m.name] ?? agreement.share ?? split.defaultShare);
  });
}

/** What an order's portions are made of, besides the order and its measure values. */
export interface PortionSource {
  order: Order;
  orderIndex: number;
  values: Decimal[];
  /** The agreement that splits the order; undefined = one portion of weight 1. */
  agreement: SplitAgreement | undefined;
  ruleDate: string;
  clawback: ClawbackOf | null;
}

/** The portions of one order (or of one clawback): recruiter first, then supporter. */
export function portionsOf(ir: PlanIR, structure: Structure, source: PortionSource): Portion[] {
  const { order, orderIndex, values, agreement, ruleDate, clawback } = source;
  const credited = creditedPartner(structure, order);
  const buyer = structure.indexOf.get(order.buyer) ?? -1;
  const common = { order, orderIndex, buyerPartner: buyer, ruleDate, clawback };
  if (agreement === undefined || ir.split === null) {
    return [{ ...common, kind: "recruiter", path: new CreditPath([credited], structure.sponsor), x: values, divertedFrom: -1 }];
  }
  const shares = supporterShares(ir, agreement);
  const supporter = structure.indexOf.get(agreement.supporter)!;
  // A partner member keeps full personal volume: both portions start at the member, and only
  // the supporter portion then continues with the supporter instead of the sponsor.
  const supporterHead = buyer >= 0 ? [buyer, supporter] : [supporter];
  return [
    {
      ...common, kind: "recruiter",
      path: new CreditPath([credited], structure.sponsor),
      x: values.map((v, k) => v.times(new Decimal(1).minus(shares[k]!))),
      divertedFrom: -1,
    },
    {
      ...common, kind: "supporter",
      path: new CreditPath(supporterHead, structure.sponsor),
      x: values.map((v, k) => v.times(shares[k]!)),
      divertedFrom: buyer,
    },
  ];
}

export function buildPortions(
  ir: PlanIR,
  structure: Structure,
  counted: Release[],
  takes: TakesByOrder,
  asOf: string,
  inForce: Map<string, SplitAgreement>,
): Outcome<PortionSet> {
  const missing: string[] = [];
  const portions: Portion[] = [];
  const measureTotals = ir.measures.map(() => ZERO);
  for (const release of counted) {
    const { order, orderIndex } = release;
    const values = measureValues(ir, order, quantitiesBeforeRun(order, takes.get(orderIndex), asOf), missing);
    values.forEach((v, k) => (measureTotals[k] = measureTotals[k]!.plus(v)));
    const agreement = ir.split === null ? undefined : inForce.get(order.buyer);
    portions.push(...portionsOf(ir, structure, { order, orderIndex, values, agreement, ruleDate: order.date, clawback: null }));
  }
  if (missing.length > 0) return refuse("missing-figure", "order lines lack figures the plan's volume measures sum", missing);
  return success({ portions, measureTotals });
}
