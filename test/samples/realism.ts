/**
 * Rules the generator promises beyond validity (data.md / semantics.md are checked by
 * validateData): the things that make a generated document look like a real company's.
 * Returns one message per broken rule instance, so a failing test shows what went wrong.
 */
import type { DataDocument } from "../../tools/samples/document.ts";

const MONEY = /^\d+\.\d\d$/;
const WHOLE = /^\d+$/;
const SHARE = /^(30|35|40|45|50)%$/;
const MEASURE_SHARE = /^(20|25|30|35|40|45|50)%$/;

function addDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function realismViolations(doc: DataDocument): string[] {
  const out: string[] = [];
  const partners = new Map(doc.partners.map((p) => [p.id, p]));
  const customers = new Map(doc.customers.map((c) => [c.id, c]));
  const lastRecruit = new Map<string, string>();
  for (const p of doc.partners) {
    if (p.sponsor === null) continue;
    const sponsor = partners.get(p.sponsor);
    if (sponsor && p.joined < sponsor.joined) out.push(`${p.id} joined before sponsor ${p.sponsor}`);
    const last = lastRecruit.get(p.sponsor);
    if (last === undefined || p.joined > last) lastRecruit.set(p.sponsor, p.joined);
  }
  for (const p of doc.partners) {
    if (p.terminated === undefined) continue;
    if (p.terminated < addDays(p.joined, 30)) out.push(`${p.id} terminated within 30 days of joining`);
    const last = lastRecruit.get(p.id);
    if (last !== undefined && p.terminated <= last) out.push(`${p.id} terminated before its last recruit joined`);
  }
  for (const c of doc.customers) {
    const partner = partners.get(c.partner);
    if (!partner) continue;
    if (c.joined < partner.joined) out.push(`${c.id} joined before its partner`);
    if (partner.status === "terminated" && (partner.terminated === undefined || c.joined >= partner.terminated)) {
      out.push(`${c.id} joined a terminated partner`);
    }
  }
  const ordersById = new Map(doc.orders.map((o) => [o.id, o]));
  for (const o of doc.orders) {
    const partner = partners.get(o.buyer);
    const joined = partner?.joined ?? customers.get(o.buyer)?.joined;
    if (joined === undefined || o.date < joined) out.push(`${o.id} dated before its buyer joined`);
    if (partner?.status === "terminated" && (partner.terminated === undefined || o.date >= partner.terminated)) {
      out.push(`${o.id} bought by terminated partner ${partner.id}`);
    }
    if ((o.paid !== null && o.paid < o.date) || (o.delivered !== null && o.delivered < o.date)) out.push(`${o.id} released before its date`);
    if (o.lines.length < 1 || o.lines.length > 3) out.push(`${o.id} has ${o.lines.length} lines`);
    if (new Set(o.lines.map((l) => l.sku)).size !== o.lines.length) out.push(`${o.id} repeats a product`);
    for (const l of o.lines) {
      if (!MONEY.test(l.net) || !WHOLE.test(l.points) || !Number.isInteger(l.qty) || l.qty < 1 || l.qty > 3) {
        out.push(`${o.id} has a malformed line ${JSON.stringify(l)}`);
      }
    }
  }
  for (const s of doc.splits) {
    const supporter = partners.get(s.supporter);
    if (supporter?.status === "terminated") out.push(`split of ${s.member}: terminated supporter`);
    const shares = typeof s.share === "string" ? [s.share] : Object.values(s.share);
    const pattern = typeof s.share === "string" ? SHARE : MEASURE_SHARE;
    if (!shares.every((x) => pattern.test(x))) out.push(`split of ${s.member}: unusual share ${JSON.stringify(s.share)}`);
  }
  const cancelledOrders = new Set<string>();
  for (const c of doc.cancellations) {
    const order = ordersById.get(c.order);
    if (!order || order.paid === null || order.delivered === null) {
      out.push(`${c.id} cancels an order that is not released`);
      continue;
    }
    if (cancelledOrders.has(c.order)) out.push(`${c.id}: ${c.order} cancelled twice`);
    cancelledOrders.add(c.order);
    if (c.date < order.delivered) out.push(`${c.id} dated before delivery`);
    for (const line of c.lines ?? []) {
      const ordered = order.lines[line.line];
      if (!ordered || line.qty < 1 || line.qty > ordered.qty) out.push(`${c.id} over-cancels line ${line.line}`);
    }
  }
  return out;
}
