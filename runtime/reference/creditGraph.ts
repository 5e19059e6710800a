/**
 * The evaluation order of a period (semantics §5 "bottom-up"). Volume reaches a partner from
 * its direct children and, with partner-member splits, from members it supports although they
 * are not in its downline; OV and ranks depend on the ranks of everyone volume arrives from. So
 * partners are ordered topologically over the credit graph: an edge child -> sponsor for every
 * partner and member -> supporter for every partner-member agreement in force. Agreements that
 * are valid one by one can still close a circle together; that is refused, naming them.
 */
import type { SplitAgreement } from "../../core/dataModel.ts";
import { refuse, success, type Outcome } from "../../core/runError.ts";
import type { Structure } from "./structure.ts";

export interface CreditGraph {
  /** Every partner after everyone its volume can arrive from. */
  order: number[];
  /** Per supporter: the partner members whose supporter portions arrive there. */
  supportedMembers: number[][];
  /** Per partner member: its supporter, or -1. */
  supporterOf: Int32Array;
}

export function creditGraph(structure: Structure, partnerAgreements: SplitAgreement[], period: string): Outcome<CreditGraph> {
  const n = structure.partners.length;
  const supportedMembers: number[][] = structure.partners.map(() => []);
  const supporterOf = new Int32Array(n).fill(-1);
  const agreementOf = new Map<number, SplitAgreement>();
  for (const a of partnerAgreements) {
    const member = structure.indexOf.get(a.member)!;
    const supporter = structure.indexOf.get(a.supporter)!;
    supportedMembers[supporter]!.push(member);
    supporterOf[member] = supporter;
    agreementOf.set(member, a);
  }
  // Kahn's algorithm: a partner is ready once everyone it receives volume from is done.
  const waiting = new Int32Array(n);
  for (let p = 0; p < n; p++) waiting[p] = structure.children[p]!.length + supportedMembers[p]!.length;
  const order: number[] = [];
  for (let p = 0; p < n; p++) if (waiting[p] === 0) order.push(p);
  for (let head = 0; head < order.length; head++) {
    const p = order[head]!;
    for (const next of [structure.sponsor[p]!, supporterOf[p]!]) {
      if (next >= 0 && --waiting[next]! === 0) order.push(next);
    }
  }
  if (order.length === n) return success({ order, supportedMembers, supporterOf });
  return refuse(...cycleError(structure, order, supportedMembers, supporterOf, agreementOf, period));
}

/** Names the agreements on the circle(s): the edges left once every partner off a circle is peeled away. */
function cycleError(
  structure: Structure,
  done: number[],
  supportedMembers: number[][],
  supporterOf: Int32Array,
  agreementOf: Map<number, SplitAgreement>,
  period: string,
): [string, string, string[]] {
  const n = structure.partners.length;
  const inCore = new Uint8Array(n).fill(1);
  for (const p of done) inCore[p] = 0;
  // Peel partners whose volume leaves only towards partners outside the core; what stays lies on
  // or between circles.
  const outgoing = new Int32Array(n);
  const successors = (p: number) => [structure.sponsor[p]!, supporterOf[p]!].filter((s) => s >= 0);
  const peel: number[] = [];
  for (let p = 0; p < n; p++) {
    if (!inCore[p]) continue;
    outgoing[p] = successors(p).filter((s) => inCore[s]).length;
    if (outgoing[p] === 0) peel.push(p);
  }
  while (peel.length > 0) {
    const p = peel.pop()!;
    inCore[p] = 0;
    for (const q of [...structure.children[p]!, ...supportedMembers[p]!]) {
      if (inCore[q] && --outgoing[q]! === 0) peel.push(q);
    }
  }
  const involved = [...agreementOf.entries()]
    .filter(([member]) => inCore[member] && inCore[supporterOf[member]!])
    .map(([, a]) => a)
    .sort((a, b) => a.index - b.index);
  if (involved.length === 0) {
    const partners = [];
    for (let p = 0; p < n; p++) if (inCore[p]) partners.push(structure.partners[p]!.id);
    return ["invalid-data", "the sponsor relation has a cycle (was the data validated?)", partners.sort()];
  }
  return [
    "credit-cycle",
    `the split agreements in force in ${period} make the credit paths circular: a supporter's volume would ` +
      `depend on its own rank. Change or end one of these agreements for ${period}.`,
    involved.map((a) => `splits[${a.index}]: member ${a.member}, supporter ${a.supporter}`),
  ];
}
