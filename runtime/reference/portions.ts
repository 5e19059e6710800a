/**
 * Portions (semantics §3): each counted order becomes one portion (weight 1, the normal path) or,
 * for a member with a split agreement in force in the commissioning period, a recruiter portion
 * (weight 1 − s) and a supporter portion (weight s), per measure. A measure the plan does not
 * split has s = 0. Measure values use the line quantities left after before-run cancellations.
 */
import type { PlanIR } from "../../compiler/ir.ts";
import type { Order, SplitAgreement } from "../data/model.ts";
import { Decimal, ZERO } from "../decimal.ts";
import { quantitiesBeforeRun, type TakesByOrder } from "./cancellations.ts";
import { CreditPath } from "./creditPath.ts";
import { refuse, success, type Outcome } from "./errors.ts";
import type { Release } from "./release.ts";
import { creditedPartner, type Structure } from "./structure.ts";

export type PortionKind = "recruiter" | "supporter";

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
    const qty = quantitiesBeforeRun(order, takes.get(orderIndex), asOf);
    const values = ir.measures.map((m, k) => {
      let v = ZERO;
      order.lines.forEach((line, i) => {
        const figure = line.figures[m.figure];
        if (figure === undefined) missing.push(`order ${order.id} line ${i} (${line.sku}) has no "${m.figure}" figure for measure ${m.name}`);
        else v = v.plus(qty[i]!.times(figure));
      });
      measureTotals[k] = measureTotals[k]!.plus(v);
      return v;
    });
    const credited = creditedPartner(structure, order);
    const buyer = structure.indexOf.get(order.buyer) ?? -1;
    const agreement = ir.split === null ? undefined : inForce.get(order.buyer);
    if (agreement === undefined) {
      portions.push({ order, orderIndex, kind: "recruiter", path: new CreditPath([credited], structure.sponsor), x: values, divertedFrom: -1, buyerPartner: buyer });
      continue;
    }
    const shares = supporterShares(ir, agreement);
    const supporter = structure.indexOf.get(agreement.supporter)!;
    // A partner member keeps full personal volume: both portions start at the member, and only
    // the supporter portion then continues with the supporter instead of the sponsor.
    const supporterHead = buyer >= 0 ? [buyer, supporter] : [supporter];
    portions.push({
      order, orderIndex, kind: "recruiter",
      path: new CreditPath([credited], structure.sponsor),
      x: values.map((v, k) => v.times(new Decimal(1).minus(shares[k]!))),
      divertedFrom: -1, buyerPartner: buyer,
    });
    portions.push({
      order, orderIndex, kind: "supporter",
      path: new CreditPath(supporterHead, structure.sponsor),
      x: values.map((v, k) => v.times(shares[k]!)),
      divertedFrom: buyer, buyerPartner: buyer,
    });
  }
  if (missing.length > 0) return refuse("missing-figure", "order lines lack figures the plan's volume measures sum", missing);
  return success({ portions, measureTotals });
}
