/**
 * Downloads of a finished run, built in the worker: the statements or the ledger of one period,
 * as CSV (RFC 4180, one header line) or JSON. The file comes back in pieces of a few thousand
 * rows, never as one string: a 100k run's ledger is hundreds of megabytes. The page joins the
 * pieces into a Blob.
 */
import type { LedgerEntry } from "../../../runtime/surface.ts";
import type { ExportFormat, ExportReply, ExportWhat, StatementRow } from "./protocol.ts";

const ROWS_PER_PART = 5000;

/**
 * One CSV field. Quoted when it holds a comma, quote or line break; a text field starting with
 * = + @ or a tab (a partner id from a data file) gets a leading apostrophe so a spreadsheet
 * shows it instead of evaluating it as a formula. Amounts ("-5.00") are left as they are.
 */
export function csvField(value: string | number | boolean | null | undefined, text = true): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (text && /^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(fields: (string | number | boolean | null | undefined)[], numeric: ReadonlySet<number> = new Set()): string {
  return fields.map((f, i) => csvField(f, !numeric.has(i))).join(",") + "\r\n";
}

function inParts<T>(items: readonly T[], head: string, line: (item: T, first: boolean) => string, tail: string): string[] {
  const parts: string[] = [];
  let current = head;
  items.forEach((item, i) => {
    current += line(item, i === 0);
    if ((i + 1) % ROWS_PER_PART === 0) {
      parts.push(current);
      current = "";
    }
  });
  parts.push(current + tail);
  return parts;
}

export interface ExportInput {
  what: ExportWhat;
  format: ExportFormat;
  plan: string;
  period: string;
  currency: string;
  measure: string;
  statements: readonly StatementRow[];
  ledger: readonly LedgerEntry[];
  buyerOf(order: string): string | null;
}

const STATEMENT_NUMERIC = new Set([4, 5, 6, 7, 8, 9, 10]);
const LEDGER_NUMERIC = new Set([6, 7, 8, 9]);

export function buildExport(x: ExportInput): ExportReply {
  const base = `${slug(x.plan)}-${x.period}-${x.what}`;
  switch (x.format) {
    case "csv":
      return {
        fileName: `${base}.csv`,
        mime: "text/csv;charset=utf-8",
        rows: x.what === "statements" ? x.statements.length : x.ledger.length,
        parts: x.what === "statements" ? statementsCsv(x) : ledgerCsv(x),
      };
    case "json":
      return {
        fileName: `${base}.json`,
        mime: "application/json",
        rows: x.what === "statements" ? x.statements.length : x.ledger.length,
        parts: x.what === "statements" ? statementsJson(x) : ledgerJson(x),
      };
    default: {
      const unknown: never = x.format;
      return unknown;
    }
  }
}

function statementsCsv(x: ExportInput): string[] {
  const m = x.measure;
  const head = csvLine(["partner", "rank", "active", "terminated", `${m} personal`, `${m} group`, "entries", `earned ${x.currency}`, `carried in ${x.currency}`, `payout ${x.currency}`, `carried out ${x.currency}`]);
  return inParts(x.statements, head, (r) =>
    csvLine([r.partner, r.rank ?? "", r.active, r.terminated, r.personal, r.group, r.entries, r.statement.earned, r.statement.carriedIn, r.statement.payout, r.statement.carriedOut], STATEMENT_NUMERIC), "");
}

function ledgerCsv(x: ExportInput): string[] {
  const head = csvLine(["entry", "recipient", "bonus", "kind", "order", "buyer", "step", "base", "rate", `amount ${x.currency}`, "portion", "cancellation", "reverses", "transfer of", "note"]);
  return inParts(x.ledger, head, (e) =>
    csvLine([e.id, e.recipient, e.bonus, e.kind, e.order, e.order ? x.buyerOf(e.order) : null, e.step, e.base, e.rate, e.amount, e.portion, e.cancellation, e.reverses, e.transferOf, e.note], LEDGER_NUMERIC), "");
}

function statementsJson(x: ExportInput): string[] {
  const head = `{"plan":${JSON.stringify(x.plan)},"period":${JSON.stringify(x.period)},"currency":${JSON.stringify(x.currency)},"volumeMeasure":${JSON.stringify(x.measure)},"statements":[\n`;
  return inParts(x.statements, head, (r, first) =>
    `${first ? "" : ",\n"}${JSON.stringify({ partner: r.partner, rank: r.rank, active: r.active, terminated: r.terminated, personal: r.personal, group: r.group, entries: r.entries, ...r.statement })}`, "\n]}\n");
}

function ledgerJson(x: ExportInput): string[] {
  const head = `{"plan":${JSON.stringify(x.plan)},"period":${JSON.stringify(x.period)},"currency":${JSON.stringify(x.currency)},"ledger":[\n`;
  return inParts(x.ledger, head, (e, first) => `${first ? "" : ",\n"}${JSON.stringify(e)}`, "\n]}\n");
}

/** A file-name-safe version of the plan's name: "Vitalis Classic" -> "vitalis-classic". */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "plan";
}
