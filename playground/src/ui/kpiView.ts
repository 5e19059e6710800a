/**
 * Plan KPIs (runtime/kpi): what the plan costs as a share of the commissionable value, per
 * bonus; how many partners reach each rank; what partners earn (percentiles, as in an income
 * disclosure). For the chosen period, or over all periods of the run.
 */
import { el, replaceChildren } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import type { KpiReply } from "../worker/protocol.ts";
import { barChart } from "./charts.ts";
import type { ResultView, ViewContext } from "./context.ts";
import { amount, count, emptyState, errorBox, loading } from "./widgets.ts";
import { csvText, download } from "./download.ts";
import { groupDigits, plural } from "./format.ts";
import { slug } from "../worker/exports.ts";

export class KpiView implements ResultView {
  readonly element = el("section", { className: "view kpi-view" });
  private readonly allPeriods = el("input", { attrs: { type: "checkbox" } });
  private readonly body = el("div", { className: "kpi-body" });
  private disposers: (() => void)[] = [];
  private context: ViewContext | null = null;
  private shownKey = "";
  private request = 0;
  private last: { reply: KpiReply; plan: string; period: string } | null = null;

  constructor() {
    this.allPeriods.addEventListener("change", () => {
      this.shownKey = "";
      if (this.context) this.show(this.context);
    });
    const exportAs = (format: "csv" | "json") =>
      el("button", { text: `⬇ KPIs ${format.toUpperCase()}`, attrs: { id: `export-kpis-${format}`, title: `Download the KPIs shown as ${format.toUpperCase()}` }, on: { click: () => this.export(format) } });
    this.element.append(
      el("div", { className: "toolbar" }, el("label", {}, this.allPeriods, " over all periods of the run"), el("span", { className: "spacer" }), exportAs("csv"), exportAs("json")),
      this.body,
    );
    this.reset();
  }

  show(context: ViewContext): void {
    this.context = context;
    const period = this.allPeriods.checked ? null : context.period;
    const key = `${context.runNumber}:${period ?? "all"}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    const ticket = ++this.request;
    this.clearCharts();
    replaceChildren(this.body, loading());
    context.client
      .request({ type: "kpis", period })
      .then((reply) => {
        if (ticket === this.request) this.render(reply, context);
      })
      .catch((error: unknown) => {
        if (ticket === this.request && !(error instanceof CancelledError)) {
          replaceChildren(this.body, errorBox(error instanceof Error ? error.message : String(error)));
        }
      });
  }

  reset(): void {
    this.context = null;
    this.shownKey = "";
    this.request++;
    this.clearCharts();
    replaceChildren(this.body, emptyState("Run a plan to see its KPIs."));
  }

  private export(format: "csv" | "json"): void {
    if (!this.last) return;
    const { reply, plan, period } = this.last;
    const name = `${slug(plan)}-${period}-kpis.${format}`;
    if (format === "json") {
      download(name, [JSON.stringify(reply.kpis, null, 2), "\n"], "application/json");
      return;
    }
    const k = reply.kpis;
    const rows: (string | number | null)[][] = [
      ["periods", k.periods.join(" ")],
      [`total ${reply.cvMeasure}`, k.totalCv],
      ["commission cost", k.totalPayout],
      [`commission cost % of ${reply.cvMeasure}`, k.payoutPercentOfCv],
      ["paid out", k.paidOut],
      ["earners", k.earnersCount],
      ["partners", k.partnersCount],
      [],
      ["bonus", "kind", "amount", `% of ${reply.cvMeasure}`],
      ...k.perBonus.map((b) => [b.bonus, b.kind, b.amount, b.percentOfCv]),
      [],
      ["rank", "partners"],
      ...k.rankDistribution.map((r) => [r.rank ?? "no rank", r.count]),
      [],
      ["percentile", "earned"],
      ...k.earnings.map((e) => [e.percentile === 100 ? "max" : `p${e.percentile}`, e.amount]),
    ];
    download(name, [csvText(rows)], "text/csv;charset=utf-8");
  }

  private clearCharts(): void {
    for (const dispose of this.disposers) dispose();
    this.disposers = [];
  }

  private chart(options: Parameters<typeof barChart>[0]): HTMLElement {
    const chart = barChart(options);
    this.disposers.push(chart.dispose);
    return chart.element;
  }

  private render(reply: KpiReply, context: ViewContext): void {
    const { kpis, cvMeasure } = reply;
    this.last = { reply, plan: context.run.plan, period: this.allPeriods.checked ? `${kpis.periods[0] ?? ""}-to-${kpis.periods[kpis.periods.length - 1] ?? ""}` : context.period };
    const currency = context.run.currency;
    const over = kpis.periods.length === 1 ? kpis.periods[0] : `${kpis.periods[0] ?? ""} – ${kpis.periods[kpis.periods.length - 1] ?? ""}`;
    const card = (label: string, value: HTMLElement | string, title: string, note?: string): HTMLElement =>
      el("div", { className: "card" }, el("div", { className: "card-label", text: label }), el("div", { className: "card-value", title }, value), note ? el("div", { className: "card-note", text: note }) : "");
    const cards = el(
      "div",
      { className: "cards" },
      card(`Total ${cvMeasure}`, `${groupDigits(kpis.totalCv)} ${currency}`, `total ${cvMeasure} of the orders counted in ${over}: ${groupDigits(kpis.totalCv)} ${currency}`, over),
      card("Commission cost", el("span", {}, amount(kpis.totalPayout), ` ${currency}`), `commission cost in ${over}: the sum of all ledger entries, ${groupDigits(kpis.totalPayout)} ${currency} = ${kpis.payoutPercentOfCv}% of ${cvMeasure}`, `${kpis.payoutPercentOfCv}% of ${cvMeasure} (all ledger entries)`),
      card("Paid out", el("span", {}, amount(kpis.paidOut), ` ${currency}`), `paid out in ${over}: ${groupDigits(kpis.paidOut)} ${currency}, after the minimum payout and carried balances`, "after minimum payout and carried balances"),
      card("Earners", `${count(kpis.earnersCount)} of ${count(kpis.partnersCount)}`, `${count(kpis.earnersCount)} of ${count(kpis.partnersCount)} partners earned more than zero in ${over}`, "partners who earned more than zero"),
    );
    const perBonus = this.chart({
      title: `Payout per bonus, % of ${cvMeasure}`,
      labels: kpis.perBonus.map((b) => b.bonus),
      series: [{ label: `% of ${cvMeasure}`, values: kpis.perBonus.map((b) => b.percentOfCv) }],
      unit: "%",
    });
    const ranks = this.chart({
      title: "Rank distribution (highest paid-as rank)",
      labels: kpis.rankDistribution.map((r) => r.rank ?? "no rank"),
      series: [{ label: "partners", values: kpis.rankDistribution.map((r) => String(r.count)) }],
    });
    const percentiles = this.chart({
      title: `Earnings percentiles (${currency})`,
      labels: kpis.earnings.map((e) => (e.percentile === 100 ? "max" : `p${e.percentile}`)),
      series: [{ label: "earned", values: kpis.earnings.map((e) => e.amount) }],
      unit: ` ${currency}`,
    });
    const bonusTable = el(
      "table",
      { className: "grid compact per-bonus" },
      el("thead", {}, el("tr", {}, el("th", { text: "Bonus" }), el("th", { text: "Kind" }), el("th", { className: "num", text: currency }), el("th", { className: "num", text: `% of ${cvMeasure}` }))),
      el("tbody", {}, ...kpis.perBonus.map((b) => el("tr", {}, el("td", { text: b.bonus }), el("td", { text: b.kind }), el("td", { className: "num" }, amount(b.amount, `${b.bonus} paid ${groupDigits(b.amount)} ${currency} in ${over}`)), el("td", { className: "num", text: b.percentOfCv, title: `${b.bonus} paid ${b.percentOfCv}% of the ${cvMeasure} in ${over}` })))),
    );
    const percentileTable = el(
      "table",
      { className: "grid compact percentiles" },
      el("thead", {}, el("tr", {}, el("th", { text: "Percentile" }), el("th", { className: "num", text: `Earned (${currency})` }))),
      el("tbody", {}, ...kpis.earnings.map((e) => el("tr", {}, el("td", { text: e.percentile === 100 ? "maximum" : `p${e.percentile}` }), el("td", { className: "num" }, amount(e.amount, e.percentile === 100 ? `the most a partner earned in ${over}: ${groupDigits(e.amount)} ${currency}` : `${e.percentile}% of the partners earned at most ${groupDigits(e.amount)} ${currency} in ${over}`))))),
    );
    const rankTable = el(
      "table",
      { className: "grid compact rank-distribution" },
      el("thead", {}, el("tr", {}, el("th", { text: "Rank" }), el("th", { className: "num", text: "Partners" }))),
      el("tbody", {}, ...kpis.rankDistribution.map((r) => el("tr", {}, el("td", { text: r.rank ?? "no rank" }), el("td", { className: "num", text: count(r.count), title: `${plural(r.count, "partner")} with ${r.rank ?? "no rank"} as their highest paid-as rank in ${over}` })))),
    );
    if (kpis.periods.length === 0) {
      replaceChildren(this.body, emptyState("The run has no such period."));
      return;
    }
    replaceChildren(
      this.body,
      cards,
      el("div", { className: "kpi-row" }, perBonus, bonusTable),
      el("div", { className: "kpi-row" }, ranks, rankTable),
      el("div", { className: "kpi-row" }, percentiles, percentileTable),
    );
  }
}
