/**
 * A finished run as the worker keeps it, with the lookups the views need built lazily and
 * cached: statement rows per period (sorted on demand), ledger entries per recipient, the
 * genealogy's children. Answers the page's queries from these, a page or a node at a time.
 */
import { type Dataset, Decimal, type LedgerEntry, type Partner, type PeriodResult, type PeriodView, type PlanIR, type ResultDocument, type ResultView, type Statement, ZERO } from "../../../runtime/surface.ts";
import { compareDecimalParts, compareIds, naturalPlaces, parts } from "./ordering.ts";
import type {
  Explanation,
  GenealogyNode,
  GenealogyPage,
  StatementColumn,
  StatementRow,
  StatementsPage,
} from "./protocol.ts";
import { describeRule } from "../../../runtime/surface.ts";
import { buildExport } from "./exports.ts";
import { creditPaths } from "./creditPaths.ts";
import { partnerLookup, type PartnerLookup } from "./partnerLookup.ts";
import type { CreditPaths, PartnerOrders } from "./protocol.ts";
import type { EntryFilter, ExportFormat, ExportReply, ExportWhat, PartnerMatches, UplineReply } from "./protocol.ts";

interface PeriodIndex {
  rows: StatementRow[];
  sorted: { key: string; rows: StatementRow[] } | null;
  /** Built when Explain or a partner's orders first need it: it turns the whole ledger into objects. */
  entriesByRecipient: Map<string, number[]> | null;
}

function entriesByRecipientOf(ledger: readonly LedgerEntry[]): Map<string, number[]> {
  const entriesByRecipient = new Map<string, number[]>();
  ledger.forEach((entry, i) => {
    const list = entriesByRecipient.get(entry.recipient);
    if (list) list.push(i);
    else entriesByRecipient.set(entry.recipient, [i]);
  });
  return entriesByRecipient;
}

export class RunState {
  private readonly periods = new Map<string, PeriodIndex>();
  private childrenOf: Map<string | null, string[]> | null = null;
  private readonly partnersById = new Map<string, Partner>();
  private readonly customers = new Set<string>();
  private readonly buyerOf = new Map<string, string>();
  private readonly rankIndex = new Map<string, number>();
  private readonly zero: Statement;
  private lowerIds: Map<string, string> | null = null;

  constructor(
    readonly ir: PlanIR,
    readonly data: Dataset,
    readonly result: ResultDocument,
    /** The engine's view of the same run, when there is one: the Statements entry counts come from its columns. */
    private readonly view: ResultView | null = null,
  ) {
    for (const p of data.partners) this.partnersById.set(p.id, p);
    for (const c of data.customers) this.customers.add(c.id);
    for (const o of data.orders) this.buyerOf.set(o.id, o.buyer);
    ir.ranks.forEach((r, i) => this.rankIndex.set(r.name, i));
    // Statements list every partner, so this only fills gaps, in the plan's money decimals.
    const decimals = moneyDecimals(ir.rounding.unit);
    const zero = decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
    this.zero = { earned: zero, carriedIn: zero, payout: zero, carriedOut: zero };
  }

  periodResult(period: string): PeriodResult | null {
    return this.result.periods.find((p) => p.period === period) ?? null;
  }

  private index(period: PeriodResult): PeriodIndex {
    let index = this.periods.get(period.period);
    if (index) return index;
    // Entry counts per recipient: from the view's columns when it names a row's recipient without
    // building the entry (a 100k period has over a million), else from the ledger's objects.
    const periodView = this.view?.periods.find((v) => v.period === period.period);
    let entriesByRecipient: Map<string, number[]> | null = null;
    const counts = new Map<string, number>();
    if (periodView?.ledgerRecipient !== undefined) {
      for (let i = 0; i < periodView.ledgerLength; i++) {
        const recipient = periodView.ledgerRecipient(i);
        counts.set(recipient, (counts.get(recipient) ?? 0) + 1);
      }
    } else {
      entriesByRecipient = entriesByRecipientOf(period.ledger);
      for (const [recipient, list] of entriesByRecipient) counts.set(recipient, list.length);
    }
    const rows = periodView !== undefined ? this.rowsOfView(periodView, counts) : this.rowsOfDocument(period, counts);
    // Natural id order by each partner's place (ids cut once, ordering.ts), not a natural
    // comparison of two ids at each of the 1.7M steps of sorting 100k rows.
    const places = this.naturalPlaces();
    if (rows.every((r) => places.has(r.partner))) rows.sort((a, b) => places.get(a.partner)! - places.get(b.partner)!);
    else rows.sort((a, b) => compareIds(a.partner, b.partner));
    index = { rows, sorted: null, entriesByRecipient };
    this.periods.set(period.period, index);
    return index;
  }

  private places: Map<string, number> | null = null;

  /** Every partner's place in natural id order (built once: the same for every period). */
  private naturalPlaces(): Map<string, number> {
    return (this.places ??= naturalPlaces(this.data.partners.map((p) => p.id)));
  }

  /**
   * The statement rows straight from the engine's view: the figures the lazy document would give
   * (lazyResult.ts reads the same accessors), without building the period's four id-keyed
   * records of 100k partners that the first statements page does not need.
   */
  private rowsOfView(v: PeriodView, counts: Map<string, number>): StatementRow[] {
    const firstMeasure = this.ir.measures[0]?.name ?? "";
    const rows: StatementRow[] = new Array<StatementRow>(v.partnerCount);
    for (let i = 0; i < v.partnerCount; i++) {
      const partner = v.partnerId(i);
      const figures = v.volumes(i)[firstMeasure];
      rows[i] = {
        partner,
        rank: v.rank(i) ?? null,
        active: v.active(i),
        terminated: this.isTerminated(partner, v.period),
        personal: figures?.personal ?? "0",
        group: figures?.group ?? "0",
        entries: counts.get(partner) ?? 0,
        statement: v.statement(i),
      };
    }
    return rows;
  }

  private rowsOfDocument(period: PeriodResult, counts: Map<string, number>): StatementRow[] {
    const firstMeasure = this.ir.measures[0]?.name ?? "";
    const ids = new Set([...Object.keys(period.ranks), ...Object.keys(period.statements)]);
    const rows: StatementRow[] = [];
    for (const partner of ids) {
      const figures = period.volumes[partner]?.[firstMeasure];
      rows.push({
        partner,
        rank: period.ranks[partner] ?? null,
        active: period.active[partner] ?? false,
        terminated: this.isTerminated(partner, period.period),
        personal: figures?.personal ?? "0",
        group: figures?.group ?? "0",
        entries: counts.get(partner) ?? 0,
        statement: period.statements[partner] ?? this.zero,
      });
    }
    return rows;
  }

  /** Ledger entry indices per recipient of a period (built on first use, from the view's recipient column when there is one). */
  private entriesByRecipient(period: PeriodResult): Map<string, number[]> {
    const index = this.index(period);
    return (index.entriesByRecipient ??= this.lookup(period).entriesByRecipient());
  }

  private readonly lookups = new Map<string, PartnerLookup>();

  /** One partner's figures and entries in a period (partnerLookup.ts): from the view, without building the period's records or ledger. */
  private lookup(period: PeriodResult): PartnerLookup {
    let found = this.lookups.get(period.period);
    if (found === undefined) {
      found = partnerLookup(period, this.view?.periods.find((v) => v.period === period.period));
      this.lookups.set(period.period, found);
    }
    return found;
  }

  private isTerminated(partner: string, period: string): boolean {
    const p = this.partnersById.get(partner);
    if (!p || p.status !== "terminated") return false;
    // Terminated in every period that ends on or after the date (semantics §1).
    return p.terminated === null || p.terminated.slice(0, 7) <= period;
  }

  /**
   * The rows in the order of a column. Amounts are parsed once per row (ordering.ts `parts`),
   * not at both ends of each of the 1.7M comparisons of sorting 100k rows; ties keep the
   * partner order (Array.prototype.sort is stable).
   */
  private sortedBy(rows: readonly StatementRow[], column: StatementColumn, descending: boolean): StatementRow[] {
    const sign = descending ? -1 : 1;
    const byNumber = (value: (r: StatementRow) => number): StatementRow[] => {
      const keyed = rows.map((row) => ({ row, key: value(row) }));
      keyed.sort((a, b) => sign * (a.key - b.key));
      return keyed.map((k) => k.row);
    };
    const byDecimal = (text: (r: StatementRow) => string): StatementRow[] => {
      const keyed = rows.map((row) => ({ row, key: parts(text(row)) }));
      keyed.sort((a, b) => sign * compareDecimalParts(a.key, b.key));
      return keyed.map((k) => k.row);
    };
    switch (column) {
      case "partner":
        // The rows are in partner order already.
        return descending ? [...rows].reverse() : [...rows];
      case "rank":
        return byNumber((r) => this.rankOrder(r.rank));
      case "active":
        return byNumber((r) => Number(r.active));
      case "personal":
        return byDecimal((r) => r.personal);
      case "group":
        return byDecimal((r) => r.group);
      case "entries":
        return byNumber((r) => r.entries);
      case "earned":
      case "carriedIn":
      case "payout":
      case "carriedOut":
        return byDecimal((r) => r.statement[column]);
      default: {
        const unknown: never = column;
        return unknown;
      }
    }
  }

  private rankOrder(rank: string | null): number {
    return rank === null ? -1 : (this.rankIndex.get(rank) ?? -1);
  }

  statements(period: string, sort: StatementColumn, descending: boolean, search: string, offset: number, limit: number): StatementsPage {
    const result = this.periodResult(period);
    if (!result) return { period, rows: [], total: 0, all: 0, offset: 0 };
    const index = this.index(result);
    const key = `${sort}:${descending}`;
    if (index.sorted?.key !== key) index.sorted = { key, rows: this.sortedBy(index.rows, sort, descending) };
    const needle = search.trim().toLowerCase();
    const matching = needle === "" ? index.sorted.rows : index.sorted.rows.filter((r) => r.partner.toLowerCase().includes(needle));
    const start = Math.max(0, Math.min(offset, Math.max(0, matching.length - 1)));
    return { period, rows: matching.slice(start, start + limit), total: matching.length, all: index.rows.length, offset: start };
  }

  /** The id as the data spells it: exact, else the one id equal ignoring case (partners, then customers). */
  resolve(id: string): string {
    if (this.partnersById.has(id) || this.customers.has(id)) return id;
    const lower = id.toLowerCase();
    if (this.lowerIds === null) {
      this.lowerIds = new Map();
      for (const p of this.data.partners) if (!this.lowerIds.has(p.id.toLowerCase())) this.lowerIds.set(p.id.toLowerCase(), p.id);
      for (const c of this.data.customers) if (!this.lowerIds.has(c.id.toLowerCase())) this.lowerIds.set(c.id.toLowerCase(), c.id);
    }
    return this.lowerIds.get(lower) ?? id;
  }

  partners(search: string, limit: number): PartnerMatches {
    const needle = search.trim().toLowerCase();
    if (needle === "") return { ids: [], total: 0 };
    const exact: string[] = [];
    const starts: string[] = [];
    const contains: string[] = [];
    for (const p of this.data.partners) {
      const lower = p.id.toLowerCase();
      if (lower === needle) exact.push(p.id);
      else if (lower.startsWith(needle)) starts.push(p.id);
      else if (lower.includes(needle)) contains.push(p.id);
    }
    starts.sort(compareIds);
    contains.sort(compareIds);
    const all = [...exact, ...starts, ...contains];
    return { ids: all.slice(0, limit), total: all.length };
  }

  upline(partner: string): UplineReply {
    const id = this.resolve(partner);
    if (!this.partnersById.has(id)) return { partner: null, path: [] };
    const path: string[] = [];
    for (let s = this.partnersById.get(id)?.sponsor ?? null; s !== null && path.length <= this.partnersById.size; ) {
      path.push(s);
      s = this.partnersById.get(s)?.sponsor ?? null;
    }
    return { partner: id, path: path.reverse() };
  }

  creditPaths(period: string, order: string): CreditPaths | null {
    return creditPaths(this.ir, this.data, this.periodResult(period), period, order.trim(), (id) => this.partnersById.get(id)?.sponsor ?? null);
  }

  /** Orders a partner (or their customers) bought in the period, and orders they were paid on. */
  ordersOf(period: string, asked: string): PartnerOrders {
    const partner = this.resolve(asked.trim());
    if (!this.partnersById.has(partner)) return { partner: null, bought: [], paidOn: [] };
    const customers = new Set(this.data.customers.filter((c) => c.partner === partner).map((c) => c.id));
    const bought = this.data.orders.filter((o) => o.date.slice(0, 7) === period && (o.buyer === partner || customers.has(o.buyer))).map((o) => o.id).sort(compareIds).slice(0, 200);
    const result = this.periodResult(period);
    const entry = (i: number) => this.lookup(result!).ledgerEntry(i);
    const paidOn = result ? [...new Set((this.entriesByRecipient(result).get(partner) ?? []).flatMap((i) => (entry(i).order ? [entry(i).order!] : [])))].sort(compareIds).slice(0, 200) : [];
    return { partner, bought, paidOn };
  }

  /** One partner in one period; the ledger entries come a page at a time (a top earner of a 100k run has 100k+). */
  explain(period: string, asked: string, offset: number, limit: number, filter: EntryFilter = { bonus: null, order: null }): Explanation {
    const partner = this.resolve(asked.trim());
    const result = this.periodResult(period);
    const p = this.partnersById.get(partner);
    const found = p ? "partner" : this.customers.has(partner) ? "customer" : "unknown";
    const upline: string[] = [];
    for (let s = p?.sponsor ?? null; s !== null && upline.length <= this.partnersById.size; ) {
      upline.push(s);
      s = this.partnersById.get(s)?.sponsor ?? null;
    }
    const figures = result ? this.lookup(result) : null;
    const unfiltered = result && figures && p ? (this.entriesByRecipient(result).get(partner) ?? []).map((i) => figures.ledgerEntry(i)) : [];
    const order = filter.order?.trim().toLowerCase() ?? "";
    const all = unfiltered.filter((e) => (filter.bonus === null || e.bonus === filter.bonus) && (order === "" || (e.order ?? "").toLowerCase().includes(order)));
    const orders = [...new Set(unfiltered.flatMap((e) => (e.order ? [e.order] : [])))].sort(compareIds).slice(0, 500);
    const start = Math.max(0, Math.min(offset, Math.max(0, all.length - 1)));
    const entries = all.slice(start, start + limit);
    return {
      period,
      partner,
      found,
      sponsor: p?.sponsor ?? null,
      upline,
      recruits: this.childrenAt(partner, period).length,
      rank: figures?.rank(partner) ?? null,
      active: figures?.active(partner) ?? false,
      terminated: this.isTerminated(partner, period),
      volumes: this.ir.measures.flatMap((m) => {
        const measured = figures?.volumes(partner)?.[m.name];
        return measured ? [{ measure: m.name, figures: measured }] : [];
      }),
      statement: figures?.statement(partner) ?? null,
      byBonus: this.sumByBonus(unfiltered),
      entryCount: all.length,
      allEntries: unfiltered.length,
      orders,
      entryOffset: start,
      entries: entries.map((e) => ({
        id: e.id,
        bonus: e.bonus,
        kind: e.kind,
        order: e.order ?? null,
        buyer: e.order ? (this.buyerOf.get(e.order) ?? null) : null,
        portion: e.portion ?? null,
        step: e.step ?? null,
        base: e.base ?? null,
        rate: e.rate ?? null,
        amount: e.amount,
        rule: describeRule(e, this.ir),
        level: e.level ?? null,
        generation: e.generation ?? null,
      })),
      history: this.result.periods.map((r) => ({ period: r.period, earned: this.lookup(r).statement(partner)?.earned ?? this.zero.earned })),
    };
  }

  private sumByBonus(entries: readonly LedgerEntry[]): Explanation["byBonus"] {
    const sums = new Map<string, { kind: string; entries: number; amount: Decimal }>();
    for (const e of entries) {
      const sum = sums.get(e.bonus) ?? { kind: e.kind, entries: 0, amount: ZERO };
      sum.entries++;
      sum.amount = sum.amount.plus(new Decimal(e.amount));
      sums.set(e.bonus, sum);
    }
    const decimals = moneyDecimals(this.ir.rounding.unit);
    const planOrder = this.ir.bonuses.map((b) => b.name);
    return [...sums.entries()]
      .sort(([a], [b]) => planOrder.indexOf(a) - planOrder.indexOf(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([bonus, sum]) => ({ bonus, kind: sum.kind, entries: sum.entries, amount: sum.amount.toFixed(decimals) }));
  }

  private children(parent: string | null): string[] {
    if (this.childrenOf === null) {
      const map = new Map<string | null, string[]>();
      for (const p of this.data.partners) {
        const list = map.get(p.sponsor);
        if (list) list.push(p.id);
        else map.set(p.sponsor, [p.id]);
      }
      for (const list of map.values()) list.sort(compareIds);
      this.childrenOf = map;
    }
    return this.childrenOf.get(parent) ?? [];
  }

  /** Direct recruits (or top partners) who joined by the end of the period. */
  private childrenAt(parent: string | null, period: string): string[] {
    return this.children(parent).filter((id) => (this.partnersById.get(id)?.joined.slice(0, 7) ?? "") <= period);
  }

  /** The statements (in partner order) or the ledger of a period as a file. */
  export(what: ExportWhat, format: ExportFormat, period: string): ExportReply {
    const result = this.periodResult(period);
    if (!result) throw new Error(`the run has no period ${period}`);
    return buildExport({
      what,
      format,
      plan: this.ir.name,
      period,
      currency: this.ir.currency,
      measure: this.ir.measures[0]?.name ?? "",
      statements: this.index(result).rows,
      ledger: result.ledger,
      buyerOf: (order) => this.buyerOf.get(order) ?? null,
    });
  }

  genealogy(period: string, parent: string | null, offset: number, limit: number): GenealogyPage {
    const result = this.periodResult(period);
    const lookup = result ? this.lookup(result) : null;
    const firstMeasure = this.ir.measures[0]?.name ?? "";
    const ids = this.childrenAt(parent, period);
    const start = Math.max(0, Math.min(offset, ids.length));
    const nodes: GenealogyNode[] = ids.slice(start, start + limit).map((id) => {
      const figures = lookup?.volumes(id)?.[firstMeasure];
      return {
        id,
        rank: lookup?.rank(id) ?? null,
        active: lookup?.active(id) ?? false,
        terminated: this.isTerminated(id, period),
        personal: figures?.personal ?? "0",
        group: figures?.group ?? "0",
        earned: lookup?.statement(id)?.earned ?? this.zero.earned,
        children: this.childrenAt(id, period).length,
      };
    });
    return { parent, nodes, total: ids.length, offset: start };
  }
}

/** Decimals of the money unit: "0.01" -> 2, "1" -> 0. */
function moneyDecimals(unit: string): number {
  const dot = unit.indexOf(".");
  return dot < 0 ? 0 : unit.length - dot - 1;
}
