/**
 * Portions of a compiled period as columns (semantics §3): per counted order one portion of
 * weight 1, or a recruiter portion (1 − s) and a supporter portion (s) for a member with a volume
 * split agreement. A credit path is p0, then p1, then the sponsor chain above p1, so a portion
 * stores only its first two steps.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { SplitAgreement } from "../../core/dataModel.ts";
import type { ColumnarData } from "./columnar.ts";
import type { PlanTables } from "./planTables.ts";
import { giveBack, take, type PoolArray } from "./arrayPool.ts";
import { pow10, scaledInt } from "./scaled.ts";

export interface PortionColumns {
  count: number;
  order: Int32Array;
  /** 0 recruiter, 1 supporter. */
  kind: Uint8Array;
  p0: Int32Array;
  /** Step 1 of the path (-1 when the path ends at p0). */
  p1: Int32Array;
  /** A partner member's supporter portion: the member; -1 otherwise. */
  diverted: Int32Array;
  /** x per measure: x[k][portion], at the measure's volume scale. */
  x: Float64Array[];
}

interface BuyerSlots {
  /** Per order: its buyer's slot (partner index, or partner count + customer position); -1 unknown. */
  ofOrder: Int32Array;
  /** Partners and customers. */
  count: number;
}

const buyerSlotsCache = new WeakMap<ColumnarData, BuyerSlots>();

/** The slot of a member id (partner or customer), or undefined. */
function slotOf(c: ColumnarData, id: string): number | undefined {
  const customer = c.customerPositions.get(id);
  return c.indexOf.get(id) ?? (customer === undefined ? undefined : c.partnerCount + customer);
}

/** Buyer slots of every order, built once per data set (like the columnar model itself). */
export function buyerSlotsOf(c: ColumnarData): BuyerSlots {
  let slots = buyerSlotsCache.get(c);
  if (slots === undefined) {
    const ofOrder = new Int32Array(c.orderCount);
    for (let o = 0; o < c.orderCount; o++) {
      const own = c.buyerPartner[o]!;
      const customer = own >= 0 ? undefined : c.customerPositions.get(c.data.orders[o]!.buyer);
      ofOrder[o] = own >= 0 ? own : customer === undefined ? -1 : c.partnerCount + customer;
    }
    slots = { ofOrder, count: c.partnerCount + c.data.customers.length };
    buyerSlotsCache.set(c, slots);
  }
  return slots;
}

const slotAgreementCache = new WeakMap<Map<string, SplitAgreement>, { c: ColumnarData; bySlot: Map<number, SplitAgreement> }>();

/**
 * The agreements by their member's slot, kept per map of agreements (the compiled period keeps
 * one map per data set and period): resolving 100k member ids took about 0.1 s a run at 1M.
 */
function slotAgreementsOf(c: ColumnarData, volumeSplits: Map<string, SplitAgreement>): Map<number, SplitAgreement> {
  const kept = slotAgreementCache.get(volumeSplits);
  if (kept !== undefined && kept.c === c) return kept.bySlot;
  const bySlot = new Map<number, SplitAgreement>();
  for (const [member, a] of volumeSplits) {
    const slot = slotOf(c, member);
    if (slot !== undefined) bySlot.set(slot, a);
  }
  slotAgreementCache.set(volumeSplits, { c, bySlot });
  return bySlot;
}

/** Shares of an agreement per measure at the share scale (0 for a measure the plan does not split). */
export function scaledShares(ir: PlanIR, tables: PlanTables, agreement: SplitAgreement): number[] {
  const split = ir.split!;
  return ir.measures.map((m, k) => {
    if (!split.measures.includes(k)) return 0;
    return scaledInt(agreement.shareByMeasure[m.name] ?? agreement.share ?? split.defaultShare, tables.shareScale);
  });
}

/**
 * The portions of the counted orders, in ledger order. `values[k][i]` is the measure value of
 * counted order i at the figure scale. Returns a reason when a volume leaves the safe range.
 */
export function buildPortions(
  ir: PlanIR,
  c: ColumnarData,
  tables: PlanTables,
  counted: Int32Array,
  values: Float64Array[],
  volumeSplits: Map<string, SplitAgreement>,
): PortionColumns | string {
  const K = tables.measureCount;
  const agreements = take(Int32Array, counted.length, -1);
  const agreementList: SplitAgreement[] = [];
  const sharesOf: number[][] = [];
  let count = counted.length;
  if (volumeSplits.size > 0) {
    // The agreement of each buyer by its slot (a typed lookup per order instead of reading the
    // order object and hashing its buyer id); index = first use in ledger order, as before.
    const slots = buyerSlotsOf(c);
    const slotAgreement = slotAgreementsOf(c, volumeSplits);
    // Per slot (partners and customers: 4.5M at 1M partners), from the array pool: fresh, these
    // 22 MB a run counted towards the next full collection (arrayPool.ts).
    const slotIndex = take(Int32Array, slots.count, -1);
    const wanted = take(Uint8Array, slots.count);
    for (const slot of slotAgreement.keys()) wanted[slot] = 1;
    for (let i = 0; i < counted.length; i++) {
      const slot = slots.ofOrder[counted[i]!]!;
      if (slot < 0 || wanted[slot] === 0) continue;
      let ai = slotIndex[slot]!;
      if (ai < 0) {
        const a = slotAgreement.get(slot)!;
        ai = agreementList.length;
        slotIndex[slot] = ai;
        agreementList.push(a);
        const shares = scaledShares(ir, tables, a);
        if (shares.some(Number.isNaN)) {
          giveBack(slotIndex, wanted, agreements);
          return "a split share does not fit the share scale";
        }
        sharesOf.push(shares);
      }
      agreements[i] = ai;
      count++;
    }
    giveBack(slotIndex, wanted);
  }
  // The columns come from the array pool: the period gives them back when it is released.
  const order = take(Int32Array, count);
  const kind = take(Uint8Array, count);
  const p0 = take(Int32Array, count);
  const p1 = take(Int32Array, count);
  const diverted = take(Int32Array, count, -1);
  const x = Array.from({ length: K }, () => take(Float64Array, count));
  const whole = pow10(tables.shareScale);
  const absTotal = new Float64Array(K);
  let j = 0;
  for (let i = 0; i < counted.length; i++) {
    const o = counted[i]!;
    const credited = c.credited[o]!;
    const ai = agreements[i]!;
    order[j] = o;
    p0[j] = credited;
    p1[j] = c.sponsor[credited]!;
    if (ai < 0) {
      for (let k = 0; k < K; k++) {
        const v = values[k]![i]! * whole * tables.volumeFactor[k]!;
        x[k]![j] = v;
        absTotal[k] = absTotal[k]! + Math.abs(v);
      }
      j++;
      continue;
    }
    const shares = sharesOf[ai]!;
    const agreement = agreementList[ai]!;
    const supporter = c.indexOf.get(agreement.supporter)!;
    const buyer = c.buyerPartner[o]!;
    for (let k = 0; k < K; k++) {
      const v = values[k]![i]! * (whole - shares[k]!) * tables.volumeFactor[k]!;
      x[k]![j] = v;
      absTotal[k] = absTotal[k]! + Math.abs(v);
    }
    j++;
    order[j] = o;
    kind[j] = 1;
    if (buyer >= 0) {
      p0[j] = buyer;
      p1[j] = supporter;
      diverted[j] = buyer;
    } else {
      p0[j] = supporter;
      p1[j] = c.sponsor[supporter]!;
    }
    for (let k = 0; k < K; k++) {
      const v = values[k]![i]! * shares[k]! * tables.volumeFactor[k]!;
      x[k]![j] = v;
      absTotal[k] = absTotal[k]! + Math.abs(v);
    }
    j++;
  }
  // Every volume (PV, GV, OV, leg sums) is a sum of portion volumes: if the sum of their
  // magnitudes is safe, so is every partial sum.
  giveBack(agreements);
  for (let k = 0; k < K; k++) if (!(absTotal[k]! <= Number.MAX_SAFE_INTEGER / 4)) return "the period's volume does not fit a safe integer";
  return { count, order, kind, p0, p1, diverted, x };
}

/** The typed arrays of a set of portions (given back to the pool when their period is released). */
export function portionArrays(p: PortionColumns): PoolArray[] {
  return [p.order, p.kind, p.p0, p.p1, p.diverted, ...p.x];
}
