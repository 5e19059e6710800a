/**
 * One order's credit paths in one period, for the picture (ui/pathsView.ts): per portion
 * (recruiter, and supporter when the order was split) the partners from the start of the path up
 * to the top — each with its paid-as rank and what it received on this order and portion — and
 * the shares of level and differential bonuses that nobody on the path received (breakage).
 * Only the paths of the chosen order are built: a handful of partners whatever the genealogy's size.
 */
import { Decimal, formatAmount, fractionOfPercentText, type Money, moneyOf, percentText, roundMoney, type Dataset, type LedgerEntry, type PeriodResult, type PlanIR } from "../../../runtime/surface.ts";
import type { CreditPaths, PathNode } from "./protocol.ts";

/** Partners drawn above the last one paid on a path: enough to show where it ends without drawing the whole upline. */
const ABOVE_LAST_PAID = 3;

export function creditPaths(ir: PlanIR, data: Dataset, result: PeriodResult | null, period: string, orderId: string, sponsorOf: (id: string) => string | null): CreditPaths | null {
  const order = data.orders.find((o) => o.id === orderId) ?? data.orders.find((o) => o.id.toLowerCase() === orderId.toLowerCase());
  if (!order) return null;
  const customer = data.customers.find((c) => c.id === order.buyer);
  const start = customer ? customer.partner : order.buyer;
  const entries = (result?.ledger ?? []).filter((e) => e.order === order.id && e.cancellation === undefined);
  const agreement = data.splits.find((a) => a.member === order.buyer && (a.from === null || a.from <= period) && (a.to === null || period <= a.to));
  const money = moneyOf(ir.rounding.unit, ir.rounding.mode);
  const portions: CreditPaths["portions"] = [];
  const starts: ["recruiter" | "supporter", string][] = [["recruiter", start]];
  if (ir.split !== null && agreement && entries.some((e) => e.portion === "supporter")) starts.push(["supporter", agreement.supporter]);
  for (const [portion, first] of starts) {
    const own = entries.filter((e) => (e.portion ?? "recruiter") === portion);
    // A partner member keeps its own volume in both portions: its supporter path is m, then S and S's upline (semantics §3).
    const chain: string[] = portion === "supporter" && !customer ? [order.buyer] : [];
    for (let id: string | null = first; id !== null && chain.length < 10_000; id = sponsorOf(id)) chain.push(id);
    const paidAt = (id: string) => own.filter((e) => e.recipient === id);
    const lastPaid = chain.reduce((last, id, i) => (paidAt(id).length > 0 ? i : last), -1);
    const shown = chain.slice(0, Math.max(1, lastPaid + 1 + ABOVE_LAST_PAID));
    const nodes: PathNode[] = shown.map((id, step) => {
      const paid = paidAt(id);
      return {
        partner: id,
        step,
        rank: result?.ranks[id] ?? null,
        active: result?.active[id] ?? false,
        received: sum(paid.map((e) => e.amount), money),
        entries: paid.map((e) => `${e.bonus}${e.level ? ` level ${e.level}` : ""}${e.generation ? ` generation ${e.generation}` : ""}: ${e.amount}${e.rate ? ` (${e.rate} of ${e.base ?? "?"})` : ""}`),
      };
    });
    // No entry on this portion in the period: its shares were not "left unpaid" — the order most
    // likely does not count in this period (the view says so), so no breakage is claimed.
    portions.push({ portion, nodes, hidden: chain.length - shown.length, total: sum(own.map((e) => e.amount), money), breakage: own.length === 0 ? [] : breakageOf(ir, own, money) });
  }
  return { order: order.id, buyer: order.buyer, buyerIsCustomer: customer !== undefined, date: order.date, period, supporter: agreement?.supporter ?? null, portions };
}

/** The exact sum of ledger amounts, written as the result writes amounts (the plan's money decimals). */
function sum(amounts: string[], money: Money): string {
  return formatAmount(amounts.reduce((t, a) => t.plus(a), new Decimal(0)), money);
}

/** The shares a portion's level and differential bonuses left unpaid, from the entries it got. */
function breakageOf(ir: PlanIR, entries: readonly LedgerEntry[], money: Money): string[] {
  const base = entries.find((e) => e.base !== undefined)?.base ?? null;
  const out: string[] = [];
  for (const bonus of ir.bonuses) {
    const paid = entries.filter((e) => e.bonus === bonus.name);
    const bonusBase = paid.find((e) => e.base !== undefined)?.base ?? base;
    // The share an entry at this rate would have paid, rounded as that entry would have been.
    const unpaid = (rate: Decimal) => (bonusBase === null ? "" : ` = ${formatAmount(roundMoney(rate.times(bonusBase), money), money)}`);
    if (bonus.kind === "level") {
      bonus.levels.forEach((tier, i) => {
        if (new Decimal(tier.rate).isZero() || paid.some((e) => e.level === i + 1)) return;
        out.push(`${bonus.name} level ${i + 1}: ${percentText(tier.rate)}${unpaid(new Decimal(tier.rate))} unpaid — nobody on the path qualified for it`);
      });
    } else if (bonus.kind === "differential") {
      const top = bonus.rates.reduce((m, r) => Decimal.max(m, new Decimal(r)), new Decimal(0));
      const taken = paid.reduce((t, e) => t.plus(e.rate ? fractionOfPercentText(e.rate) : 0), new Decimal(0));
      const left = top.minus(taken);
      if (left.gt(0)) out.push(`${bonus.name}: ${percentText(left)} of the top rate ${percentText(top)}${unpaid(left)} unpaid — the path never reached the top rank`);
    }
  }
  return out;
}
