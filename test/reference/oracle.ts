/**
 * A deliberately naive re-statement of parts of semantics.md, used as an oracle by the property
 * tests: it walks every credit path in full (quadratic, fine for 60 partners) and reads ranks and
 * activity from the result under test, so it checks the bonus walks and the volume flows of the
 * evaluator independently of its aggregation and indexing.
 */
import type { ConditionIR, PlanIR } from "../../core/ir.ts";
import type { Dataset, Order } from "../../core/dataModel.ts";
import { periodOf } from "../../core/dates.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import type { PeriodResult } from "../../core/result.ts";

export interface NaivePortion {
  order: Order;
  kind: "recruiter" | "supporter";
  path: string[];
  /** Per measure index. */
  x: Decimal[];
}

function upline(data: Dataset, start: string): string[] {
  const sponsor = new Map(data.partners.map((p) => [p.id, p.sponsor]));
  const path = [start];
  for (let s = sponsor.get(start) ?? null; s !== null; s = sponsor.get(s) ?? null) path.push(s);
  return path;
}

/** Orders counted in the period, by commissionable date (ignores late-canceller holds: use with plans without them). */
export function countedOrders(data: Dataset, period: string): Order[] {
  return data.orders.filter((o) => {
    if (o.paid === null || o.delivered === null) return false;
    const cd = [o.date, o.paid, o.delivered].sort()[2]!;
    return periodOf(cd) === period;
  });
}

export function orderValues(ir: PlanIR, o: Order): Decimal[] {
  return ir.measures.map((m) => o.lines.reduce((sum, l) => sum.plus(new Decimal(l.qty).times(l.figures[m.figure]!)), ZERO));
}

export function naivePortions(ir: PlanIR, data: Dataset, period: string): NaivePortion[] {
  const customerPartner = new Map(data.customers.map((c) => [c.id, c.partner]));
  const isPartner = new Set(data.partners.map((p) => p.id));
  const portions: NaivePortion[] = [];
  for (const order of countedOrders(data, period)) {
    const v = orderValues(ir, order);
    const credited = isPartner.has(order.buyer) ? order.buyer : customerPartner.get(order.buyer)!;
    const a = ir.split === null ? undefined : data.splits.find((s) => s.member === order.buyer);
    if (a === undefined) {
      portions.push({ order, kind: "recruiter", path: upline(data, credited), x: v });
      continue;
    }
    const share = ir.measures.map((m, k) =>
      ir.split!.measures.includes(k) ? new Decimal(a.shareByMeasure[m.name] ?? a.share ?? ir.split!.defaultShare) : ZERO,
    );
    portions.push({ order, kind: "recruiter", path: upline(data, credited), x: v.map((x, k) => x.times(new Decimal(1).minus(share[k]!))) });
    const supporterPath = upline(data, a.supporter);
    portions.push({ order, kind: "supporter", path: isPartner.has(order.buyer) ? [order.buyer, ...supporterPath] : supporterPath, x: v.map((x, k) => x.times(share[k]!)) });
  }
  return portions;
}

export function rankIndex(ir: PlanIR, result: PeriodResult, id: string): number {
  const name = result.ranks[id];
  return name === undefined || name === null ? -1 : ir.ranks.findIndex((r) => r.name === name);
}

export function isActive(result: PeriodResult, id: string): boolean {
  return result.active[id] === true;
}

/** PV, GV, OV per partner and measure, by walking every path (OV up to the first manager). */
export function naiveVolumes(ir: PlanIR, portions: NaivePortion[], result: PeriodResult): Map<string, { pv: Decimal; gv: Decimal; ov: Decimal }[]> {
  const volumes = new Map<string, { pv: Decimal; gv: Decimal; ov: Decimal }[]>();
  const of = (id: string) => {
    let v = volumes.get(id);
    if (v === undefined) volumes.set(id, (v = ir.measures.map(() => ({ pv: ZERO, gv: ZERO, ov: ZERO }))));
    return v;
  };
  for (const portion of portions) {
    ir.measures.forEach((_, k) => {
      const x = portion.x[k]!;
      of(portion.path[0]!)[k]!.pv = of(portion.path[0]!)[k]!.pv.plus(x);
      let open = true;
      for (const p of portion.path) {
        const v = of(p)[k]!;
        v.gv = v.gv.plus(x);
        if (open) v.ov = v.ov.plus(x);
        if (ir.breakaway !== null && rankIndex(ir, result, p) >= ir.breakaway) open = false;
      }
    });
  }
  return volumes;
}

/** The condition on the result's own figures (no splits: a leg is a child's group volume). */
export function holdsOnResult(ir: PlanIR, data: Dataset, result: PeriodResult, id: string, c: ConditionIR): boolean {
  const children = data.partners.filter((p) => p.sponsor === id).map((p) => p.id);
  const figure = (measure: number, kind: "personal" | "group" | "open", who = id) => new Decimal(result.volumes[who]?.[ir.measures[measure]!.name]?.[kind] ?? "0");
  const subtreeHas = (root: string, rank: number): boolean =>
    rankIndex(ir, result, root) >= rank || data.partners.some((p) => p.sponsor === root && subtreeHas(p.id, rank));
  switch (c.kind) {
    case "and":
      return c.operands.every((o) => holdsOnResult(ir, data, result, id, o));
    case "or":
      return c.operands.some((o) => holdsOnResult(ir, data, result, id, o));
    case "not":
      return !holdsOnResult(ir, data, result, id, c.operand);
    case "compare": {
      const f = c.figure;
      let actual: Decimal;
      if (f.kind === "legs") actual = new Decimal(children.filter((ch) => subtreeHas(ch, f.rank)).length);
      else if (f.kind === "frontline") actual = new Decimal(children.filter((ch) => rankIndex(ir, result, ch) >= f.rank).length);
      else if (f.kind === "group" && c.maxleg !== undefined) {
        const cap = new Decimal(c.maxleg).times(c.value);
        actual = children.reduce((sum, ch) => sum.plus(Decimal.min(cap, figure(f.measure, "group", ch))), figure(f.measure, "personal"));
      } else actual = figure(f.measure, f.kind);
      const cmp = actual.cmp(c.value);
      return { ">=": cmp >= 0, ">": cmp > 0, "<=": cmp <= 0, "<": cmp < 0, "=": cmp === 0, "!=": cmp !== 0 }[c.op];
    }
  }
}

/** From a "5%" rate string back to the fraction 0.05. */
export function fractionOf(rate: string): Decimal {
  return new Decimal(rate.slice(0, -1)).div(100);
}
