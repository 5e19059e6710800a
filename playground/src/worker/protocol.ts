/**
 * Messages between the page and the run worker. The worker keeps the data set and the last
 * result (a 100k run has millions of ledger entries — far too many to copy to the page), and
 * the page asks for what it shows: a page of statements, one partner's explanation, one level
 * of the genealogy, the KPIs, a comparison. Everything here is plain JSON.
 */
import type { DataProblem, Diagnostic, PlanKpis, Policy, PolicyBottomLines, PolicyComparison, RunError, SplitComparison, Statement, VolumeFigures } from "../../../runtime/surface.ts";
import type { AnalysisReplyOf, AnalysisRequest } from "../analysis/protocol.ts";

export const GENERATED_SIZES = ["tiny", "1k", "10k", "100k"] as const;
export type GeneratedSize = (typeof GENERATED_SIZES)[number];

export const SCENARIO_NAMES = ["stage-speaker", "late-cancel", "small", "team-1k"] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export type DataSource =
  | { kind: "generated"; size: GeneratedSize; seed: number }
  | { kind: "scenario"; name: ScenarioName }
  | { kind: "file"; name: string; text: string };

export interface DataSummary {
  label: string;
  partners: number;
  customers: number;
  orders: number;
  splits: number;
  cancellations: number;
  /** Every month from the first to the last order month. */
  orderPeriods: string[];
  /** The default `through`: the last month any order is dated in; null without orders. */
  lastOrderPeriod: string | null;
}

export interface PeriodSummary {
  period: string;
  asOf: string;
  final: boolean;
  ledgerEntries: number;
  /** Sum of every ledger amount of the period. */
  totalEarned: string;
  totalPayout: string;
}

export interface RunSummary {
  plan: string;
  currency: string;
  policy: Policy;
  planPolicy: Policy;
  through: string;
  periods: PeriodSummary[];
  measures: string[];
  /** Plan ranks, lowest first. */
  ranks: string[];
  /** The measure KPIs are a percentage of (the measure of the plan's first bonus). */
  cvMeasure: string;
  hasSplit: boolean;
  /** The plan's own split mode (null without a split block). */
  splitMode: "volume" | "commission" | null;
  data: DataSummary;
}

export type RunReply =
  | { kind: "done"; run: RunSummary }
  | { kind: "plan-errors"; diagnostics: Diagnostic[] }
  | { kind: "data-problems"; problems: ShownDataProblem[]; againstPlan: boolean; data: DataSummary | null }
  | { kind: "run-error"; error: RunError; data: DataSummary };

export type LoadReply =
  | { kind: "loaded"; data: DataSummary }
  | { kind: "data-problems"; problems: ShownDataProblem[]; againstPlan: false; data: DataSummary | null };

/** A data problem as the page lists it: with the line of the file its record starts on and the record's text, when known. */
export type ShownDataProblem = DataProblem & { line?: number; record?: string };

export const STATEMENT_COLUMNS = [
  "partner",
  "rank",
  "active",
  "personal",
  "group",
  "entries",
  "earned",
  "carriedIn",
  "payout",
  "carriedOut",
] as const;
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];

export interface StatementRow {
  partner: string;
  rank: string | null;
  active: boolean;
  terminated: boolean;
  /** Personal and group volume in the plan's first (qualifying) measure. */
  personal: string;
  group: string;
  entries: number;
  statement: Statement;
}

export interface StatementsPage {
  period: string;
  rows: StatementRow[];
  /** Rows matching the search. */
  total: number;
  /** Rows in the period (every partner joined by its end). */
  all: number;
  offset: number;
}

export interface ExplainEntry {
  id: string;
  bonus: string;
  kind: string;
  order: string | null;
  buyer: string | null;
  portion: string | null;
  step: number | null;
  base: string | null;
  rate: string | null;
  amount: string;
  /** The rule that paid it, in words: "Ebenenbonus level 2 (requires Senior), compressed". */
  rule: string;
  /** Level or generation of the rule, to find its line in the plan. */
  level: number | null;
  generation: number | null;
}

export interface Explanation {
  period: string;
  partner: string;
  /** "partner" | "customer" | "unknown": customers earn nothing, unknown ids are a typo. */
  found: "partner" | "customer" | "unknown";
  sponsor: string | null;
  /** Sponsor, sponsor's sponsor, ... to the top. */
  upline: string[];
  recruits: number;
  rank: string | null;
  active: boolean;
  terminated: boolean;
  volumes: { measure: string; figures: VolumeFigures }[];
  statement: Statement | null;
  /** All of the partner's ledger entries in the period, summed per bonus (in plan order). */
  byBonus: { bonus: string; kind: string; entries: number; amount: string }[];
  /** How many ledger entries the partner has in the period (after the filter); `entries` is one page of them. */
  entryCount: number;
  /** Entries before the filter. */
  allEntries: number;
  /** Orders the partner was paid on in the period (for the filter's suggestions), at most 500. */
  orders: string[];
  entryOffset: number;
  entries: ExplainEntry[];
  /** Earned per period of the run, for the small history line. */
  history: { period: string; earned: string }[];
}

export interface GenealogyNode {
  id: string;
  rank: string | null;
  active: boolean;
  terminated: boolean;
  personal: string;
  group: string;
  earned: string;
  children: number;
}

export interface GenealogyPage {
  parent: string | null;
  nodes: GenealogyNode[];
  total: number;
  offset: number;
}

export interface KpiReply {
  kpis: PlanKpis;
  cvMeasure: string;
}

export type ComparisonOutcome<T> = { ok: true; comparison: T } | { ok: false; error: RunError };

export interface CompareReply {
  through: string;
  policies: ComparisonOutcome<PolicyComparison>;
  /** Net cost, balances and clawbacks per partner; null when the policy comparison was refused. */
  bottom: PolicyBottomLines | null;
  /** Per cancelled order and policy: who pays back how much (for the credit-path picture). */
  clawbacksByOrder: OrderClawbacks[];
  /** null when the plan has no split block or the data no split agreements. */
  splits: ComparisonOutcome<SplitComparison> | null;
  splitsSkipped: string | null;
  /** Each split agreement's own effect (agreementEffects.ts); null when the split modes are not compared. */
  agreementEffects: AgreementEffects | null;
}

export type SplitModeName = "volume" | "commission";

/** What one agreement changes in one split mode: the run with every agreement minus the run without this one. */
export interface ModeEffect {
  /** Change of the earnings of the recruiter and its upline. */
  recruiterLine: string;
  /** Change of the earnings of the supporter and its upline. */
  supporterLine: string;
  /** Change of all partners' earnings together. */
  total: string;
  partnersChanged: number;
  /** The largest changes, largest first. */
  partners: { partner: string; change: string }[];
}

export interface AgreementEffect {
  /** Index in the data's `splits`. */
  agreement: number;
  member: string;
  recruiter: string | null;
  supporter: string;
  byMode: Record<SplitModeName, ModeEffect>;
}

export interface AgreementEffects {
  effects: AgreementEffect[];
  /** Agreements in force in the compared periods. */
  inForce: number;
  /** Agreements in force without an effect computed (beyond the cap). */
  leftOut: number;
}

export type WorkerRequest =
  | { type: "load"; source: DataSource }
  | { type: "run"; planText: string; source: DataSource; through: string | null; policy: Policy | null }
  | { type: "statements"; period: string; sort: StatementColumn; descending: boolean; search: string; offset: number; limit: number }
  | { type: "explain"; period: string; partner: string; offset: number; limit: number; filter?: EntryFilter }
  | { type: "partners"; search: string; limit: number }
  | { type: "upline"; partner: string }
  | { type: "creditPaths"; period: string; order: string }
  | { type: "ordersOf"; period: string; partner: string }
  | { type: "children"; period: string; parent: string | null; offset: number; limit: number }
  | { type: "kpis"; period: string | null }
  | { type: "compare"; planText: string; source: DataSource; through: string }
  | { type: "export"; what: ExportWhat; format: ExportFormat; period: string }
  /** The records of the loaded data whose sourceKey is `data` (before or after a run). */
  | { type: "records"; data: string; section: RecordSectionName; search: string; offset: number; limit: number }
  | AnalysisRequest;

export const RECORD_SECTIONS = ["partners", "customers", "orders", "splits", "cancellations"] as const;
export type RecordSectionName = (typeof RECORD_SECTIONS)[number];

/** One record of the data browser: its position in its section, the ids a search matches, the record as JSON. */
export interface RecordRow {
  index: number;
  keys: string[];
  text: string;
}

export interface RecordsPage {
  section: RecordSectionName;
  /** Records matching the search. */
  total: number;
  /** Records in the section. */
  all: number;
  offset: number;
  rows: RecordRow[];
}

/** The reply type of each request type. */
export interface ReplyOf {
  load: LoadReply;
  run: RunReply;
  statements: StatementsPage;
  explain: Explanation;
  children: GenealogyPage;
  kpis: KpiReply;
  compare: CompareReply;
  export: ExportReply;
  partners: PartnerMatches;
  upline: UplineReply;
  diffPlans: AnalysisReplyOf["diffPlans"];
  disclose: AnalysisReplyOf["disclose"];
  creditPaths: CreditPaths | null;
  ordersOf: PartnerOrders;
  records: RecordsPage;
}

export interface PathNode {
  partner: string;
  /** Index on the credit path (0 = where the portion starts). */
  step: number;
  rank: string | null;
  active: boolean;
  /** What the partner received on this order and portion in the period. */
  received: string;
  /** Each entry in words: "Ebenenbonus level 1: 3.49 (5% of 69.80)". */
  entries: string[];
}

export interface CreditPaths {
  order: string;
  buyer: string;
  buyerIsCustomer: boolean;
  date: string;
  period: string;
  supporter: string | null;
  portions: {
    portion: "recruiter" | "supporter";
    /** From the start of the path upwards, to a few partners above the last one paid. */
    nodes: PathNode[];
    /** Partners further up the path that are not drawn. */
    hidden: number;
    total: string;
    breakage: string[];
  }[];
}

/** Orders to pick for a partner: those they (or their customers) bought, and those they were paid on, in the period. */
export interface PartnerOrders {
  partner: string | null;
  bought: string[];
  paidOn: string[];
}

/** What each policy takes back for one cancelled order, and from whom. */
export interface OrderClawbacks {
  order: string;
  byPolicy: Record<Policy, { partner: string; amount: string }[]>;
}

/** Which ledger entries Explain lists: by bonus and by order (both optional). */
export interface EntryFilter {
  bonus: string | null;
  order: string | null;
}

/** Partner ids matching a search, case-insensitively: exact match first, then those starting with it, then containing it. */
export interface PartnerMatches {
  ids: string[];
  total: number;
}

/** A partner's id as the data spells it (found case-insensitively) and its upline, top first; null when unknown. */
export interface UplineReply {
  partner: string | null;
  path: string[];
}

export type ExportWhat = "statements" | "ledger";
export type ExportFormat = "csv" | "json";

/** A download built in the worker: the file's text in pieces (a 100k ledger is far larger than one string should be). */
export interface ExportReply {
  fileName: string;
  mime: string;
  parts: string[];
  rows: number;
}

/** How far a long job is: a line of text and, when known, the done fraction (0..1). */
export interface ProgressReport {
  stage: string;
  fraction: number | null;
}

/**
 * What the page posts to a worker: a request, or the cancel of a comparison still going in the
 * worker that holds the shown run (it stops between two of the engine's runs and keeps the run;
 * client/workerClient.ts). A cancel of anything else, or of a request already answered, is ignored.
 */
export type PageMessage = { id: number; request: WorkerRequest } | { cancel: number };

export type WorkerMessage =
  | { id: number; progress: ProgressReport }
  | { id: number; ok: true; reply: unknown }
  | { id: number; ok: false; message: string };
