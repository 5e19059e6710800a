/** Plan KPIs from a result document: computeKpis, and formatKpiTable for the terminal. */
export { computeKpis, EARNINGS_PERCENTILES, KpiInputError } from "./compute.ts";
export { formatKpiTable } from "./format.ts";
export { nearestRank, nearestRankPercentiles } from "./percentile.ts";
export type { BonusKpi, EarningsPercentile, PlanKpis, RankCount } from "./types.ts";
