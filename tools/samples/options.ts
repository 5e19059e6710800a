/**
 * Options of the sample generator, their defaults, and their checks. Bad options come back as
 * a list of readable problems (one per option), never as a thrown raw error.
 */
import { parsePeriod, type Month } from "./calendar.ts";

export interface GenerateOptions {
  partners: number;
  seed: number;
  months: number;
  /** First generated month, `YYYY-MM`; default "2026-07". */
  firstMonth?: string;
  /** Average customers per partner (geometric distribution); default 1. */
  customersPerPartner?: number;
  /** Number of split agreements to write (fewer when the genealogy is too small); default 0. */
  splits?: number;
  /** Number of cancellations, before-run and after-run ones together; default 0. */
  cancellations?: number;
  /** Share of orders left pending (not paid or not delivered), 0–0.5; default 0.02. */
  pendingShare?: number;
  /**
   * Measure names for per-measure split shares, qualifying measure first (it gets the larger
   * share); default ["PV", "CV"]. [] writes only single shares, which suit every plan.
   */
  shareMeasures?: string[];
}

export const DEFAULT_FIRST_MONTH = "2026-07";
export const MAX_PARTNERS = 1_000_000;
export const MAX_MONTHS = 36;

export interface ResolvedOptions {
  partners: number;
  seed: number;
  months: number;
  firstMonth: Month;
  customersPerPartner: number;
  splits: number;
  cancellations: number;
  /** pendingShare in per mille, so all draws stay integer. */
  pendingPerMille: number;
  shareMeasures: [qualifying: string, money: string] | null;
}

export interface OptionProblem {
  option: keyof GenerateOptions;
  message: string;
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max;
}

function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;
}

export function resolveOptions(options: GenerateOptions): { options: ResolvedOptions } | { problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const need = (ok: boolean, option: keyof GenerateOptions, message: string): void => {
    if (!ok) problems.push({ option, message });
  };
  const firstMonthText = options.firstMonth ?? DEFAULT_FIRST_MONTH;
  const firstMonth = typeof firstMonthText === "string" ? parsePeriod(firstMonthText) : null;
  const customersPerPartner = options.customersPerPartner ?? 1;
  const splits = options.splits ?? 0;
  const cancellations = options.cancellations ?? 0;
  const pendingShare = options.pendingShare ?? 0.02;
  const shareMeasures = options.shareMeasures ?? ["PV", "CV"];
  const measuresOk =
    Array.isArray(shareMeasures) &&
    (shareMeasures.length === 0 ||
      (shareMeasures.length === 2 &&
        shareMeasures.every((m) => typeof m === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(m)) &&
        shareMeasures[0] !== shareMeasures[1]));

  need(isIntegerIn(options.partners, 1, MAX_PARTNERS), "partners", `partners must be a whole number from 1 to ${MAX_PARTNERS}`);
  need(isIntegerIn(options.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER), "seed", "seed must be a whole number");
  need(isIntegerIn(options.months, 1, MAX_MONTHS), "months", `months must be a whole number from 1 to ${MAX_MONTHS}`);
  need(firstMonth !== null, "firstMonth", `firstMonth must be a period YYYY-MM, got ${JSON.stringify(firstMonthText)}`);
  need(isNumberIn(customersPerPartner, 0, 20), "customersPerPartner", "customersPerPartner must be a number from 0 to 20");
  need(isIntegerIn(splits, 0, Number.MAX_SAFE_INTEGER), "splits", "splits must be a whole number of agreements, 0 or more");
  need(isIntegerIn(cancellations, 0, Number.MAX_SAFE_INTEGER), "cancellations", "cancellations must be a whole number, 0 or more");
  need(isNumberIn(pendingShare, 0, 0.5), "pendingShare", "pendingShare must be a fraction from 0 to 0.5");
  need(measuresOk, "shareMeasures", "shareMeasures must be [] or two different measure names");
  if (problems.length > 0 || firstMonth === null) return { problems };
  const [qualifying, money] = shareMeasures;
  return {
    options: {
      partners: options.partners,
      seed: options.seed,
      months: options.months,
      firstMonth,
      customersPerPartner,
      splits,
      cancellations,
      pendingPerMille: Math.round(pendingShare * 1000),
      shareMeasures: qualifying !== undefined && money !== undefined ? [qualifying, money] : null,
    },
  };
}
