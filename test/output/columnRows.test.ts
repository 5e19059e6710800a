/**
 * ledger.csv, statements.csv and ranks.csv from a compiled view's columns
 * (runtime/compiled/ledgerRows.ts, partnerRows.ts) must be the bytes of the object path (a
 * LedgerEntry, Statement and volumes object per row, formatted by runtime/output/) and of the
 * reference engine's document: every bundled plan on every bundled sample, the spec
 * examples, the three policies and both split modes, and data whose ids and names need CSV
 * quoting and the formula guard.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import type { Dataset } from "../../core/dataModel.ts";
import type { PlanIR, Policy } from "../../core/ir.ts";
import { firstPeriod } from "../../core/orderPeriods.ts";
import { viewOfDocument, type PeriodView } from "../../core/resultView.ts";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { ByteChunks } from "../../runtime/output/byteChunks.ts";
import { ledgerCsvChunks } from "../../runtime/output/ledgerCsv.ts";
import { ranksCsvChunks } from "../../runtime/output/ranksCsv.ts";
import { statementsCsvChunks } from "../../runtime/output/statementsCsv.ts";
import { joinChunks } from "../../runtime/output/sink.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { loadExample } from "../reference/harness.ts";

const POLICIES: Policy[] = ["simple", "previous-rank", "exact"];

function lastPeriod(data: Dataset): string {
  return data.orders.map((o) => o.date.slice(0, 7)).sort().at(-1) ?? firstPeriod(data) ?? "2026-01";
}

/** The same periods without the column writers: every row through the view's objects. */
function objectPath(periods: readonly PeriodView[]): PeriodView[] {
  return periods.map((p) => {
    const copy: PeriodView = Object.create(p) as PeriodView;
    for (const name of ["ledgerCsvBytes", "statementsCsvBytes", "ranksCsvBytes"]) Object.defineProperty(copy, name, { value: undefined });
    return copy;
  });
}

/** The three CSV files' text. */
function csvFiles(periods: readonly PeriodView[]): string[] {
  return [joinChunks(statementsCsvChunks(periods)), joinChunks(ledgerCsvChunks(periods)), joinChunks(ranksCsvChunks(periods))];
}

/** Returns how many ledger rows the column writer formatted itself, over all runs. */
function sameCsvFiles(ir: PlanIR, data: Dataset): number {
  let direct = 0;
  const through = lastPeriod(data);
  for (const policy of POLICIES) {
    for (const splitMode of ["volume", "commission"] as const) {
      const options = { through, policy, splitMode };
      const compiled = compiledEngine.runThroughView(ir, data, options);
      const reference = referenceEngine.runThrough(ir, data, options);
      expect(compiled.ok, `${policy} ${splitMode}`).toBe(reference.ok);
      if (!compiled.ok || !reference.ok) continue;
      const periods = compiled.view.periods;
      // Count the rows the column writer did not hand to the object path.
      for (const p of periods) {
        // A compiled period offers all three writers.
        expect(p.statementsCsvBytes).toBeDefined();
        expect(p.ranksCsvBytes?.(new ByteChunks(), ir.measures.map((m) => m.name))).not.toBeNull();
        if (p.ledgerCsvBytes === undefined) continue;
        let fallbacks = 0;
        const row = p.ledgerCsvBytes(new ByteChunks(), () => {
          fallbacks++;
          return "";
        });
        for (let i = 0; i < p.ledgerLength; i++) row(i);
        direct += p.ledgerLength - fallbacks;
      }
      const fromColumns = csvFiles(periods);
      expect(fromColumns, `${policy} ${splitMode}: columns vs objects`).toEqual(csvFiles(objectPath(periods)));
      expect(fromColumns, `${policy} ${splitMode}: columns vs reference`).toEqual(csvFiles(viewOfDocument(reference.result).periods));
    }
  }
  return direct;
}

function load(plan: string, data: unknown): { ir: PlanIR; data: Dataset } {
  const { ir } = compilePlan(plan);
  const checked = validateData(data);
  if (!ir || !checked.ok) throw new Error("fixture does not load");
  return { ir, data: checked.data };
}

const planText = (name: string) => readFileSync(new URL(`../../plans/${name}`, import.meta.url), "utf8");
const sampleJson = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../samples/${name}`, import.meta.url), "utf8"));

/**
 * samples/stage-speaker.data.json with every partner, order and cancellation id renamed, and
 * every reference to them (sponsor, customer's partner, split, buyer, cancelled order) renamed
 * alike, so the data stays valid while its ids need quoting or escaping.
 */
function stageSpeakerRenamed(rename: { partner: (id: string) => string; order: (id: string) => string; cancellation: (id: string) => string }): unknown {
  const { partner, order, cancellation } = rename;
  const raw = sampleJson("stage-speaker.data.json") as {
    partners: { id: string; sponsor: string | null }[];
    customers: { id: string; partner: string }[];
    splits: { member: string; supporter: string }[];
    orders: { id: string; buyer: string }[];
    cancellations: { id: string; order: string }[];
  };
  for (const p of raw.partners) {
    p.id = partner(p.id);
    if (p.sponsor !== null) p.sponsor = partner(p.sponsor);
  }
  for (const c of raw.customers) c.partner = partner(c.partner);
  for (const s of raw.splits) {
    s.member = partner(s.member);
    s.supporter = partner(s.supporter);
  }
  for (const o of raw.orders) {
    o.id = order(o.id);
    o.buyer = partner(o.buyer);
  }
  for (const c of raw.cancellations) {
    c.id = cancellation(c.id);
    c.order = order(c.order);
  }
  return raw;
}

describe("CSV files from the compiled columns", () => {
  const plans = readdirSync(new URL("../../plans/", import.meta.url)).filter((f) => f.endsWith(".plan"));
  const samples = readdirSync(new URL("../../samples/", import.meta.url)).filter((f) => f.endsWith(".data.json") && !f.startsWith("team-1k"));
  for (const plan of plans) {
    for (const sample of samples) {
      it(`${plan} on ${sample}`, () => {
        const { ir, data } = load(planText(plan), sampleJson(sample));
        expect(sameCsvFiles(ir, data)).toBeGreaterThan(0);
      });
    }
  }

  for (const name of ["a_seed_levels", "b_generation", "c_differential", "d_customer_split", "e_partner_split", "f_late_cancel", "g_pool", "h_balances", "i_release"]) {
    it(`spec example ${name}`, () => {
      const { ir, data } = loadExample(name);
      sameCsvFiles(ir, data);
    });
  }

  it("quotes and guards ids and bonus names as the object path does", () => {
    // Partner ids with a comma or a formula's first character, order ids with a quote, a
    // cancellation id with a line break, a bonus name with a comma and a leading minus (rank
    // names are identifiers: nothing to quote).
    const partner = (id: string) => (/^P\d+$/.test(id) ? (Number(id.slice(1)) % 2 === 0 ? `=${id}` : `${id},x`) : id);
    const raw = stageSpeakerRenamed({ partner, order: (id) => `${id} "q"`, cancellation: (id) => `${id}\nline` });
    const plan = planText("vitalis-classic.plan").replace('"Ebenenbonus"', '"-Ebenen, bonus"');
    expect(plan).toContain("-Ebenen, bonus");
    const { ir, data } = load(plan, raw);
    expect(sameCsvFiles(ir, data)).toBeGreaterThan(0);
  });

  it("writes ids beyond ASCII as UTF-8, as the object path does", () => {
    // Two-byte (ü), three-byte (€, 中) and four-byte (😀, a surrogate pair) characters, and a
    // lone surrogate (valid JSON text, no UTF-8 form: written as U+FFFD like Buffer.from writes it).
    const marks = ["ü", "€中", "😀", "\ud800"];
    const partner = (id: string) => (/^P\d+$/.test(id) ? `${id}${marks[Number(id.slice(1)) % marks.length]}` : id);
    const raw = stageSpeakerRenamed({ partner, order: (id) => `${id}→Ω`, cancellation: (id) => `${id}✓` });
    const { ir, data } = load(planText("vitalis-classic.plan"), raw);
    expect(sameCsvFiles(ir, data)).toBeGreaterThan(0);
  });
});
