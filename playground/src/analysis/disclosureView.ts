/**
 * Income disclosure of the last run (runtime/analysis/disclose.ts; figures defined in
 * docs/analysis.md): per highest paid-as rank, partners, mean/median/percentile earnings, the
 * share who earned nothing and time at rank, with a chart of mean and median earnings.
 */
import { el, replaceChildren } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import { barChart } from "../ui/charts.ts";
import type { ResultView, ViewContext } from "../ui/context.ts";
import { amount, count, emptyState, errorBox, loading } from "../ui/widgets.ts";
import { plural } from "../ui/format.ts";
import type { DisclosureReply } from "./protocol.ts";

export class DisclosureView implements ResultView {
  readonly element = el("section", { className: "view disclosure-view" });
  private readonly body = el("div", { className: "disclosure-body" });
  private disposers: (() => void)[] = [];
  private shownFor = -1;
  private request = 0;

  constructor() {
    this.element.append(this.body);
    this.reset();
  }

  show(context: ViewContext): void {
    if (this.shownFor === context.runNumber) return;
    this.shownFor = context.runNumber;
    const ticket = ++this.request;
    this.clearCharts();
    replaceChildren(this.body, loading());
    context.client
      .request({ type: "disclose" })
      .then((reply) => {
        if (ticket === this.request) this.render(reply as DisclosureReply);
      })
      .catch((error: unknown) => {
        if (ticket === this.request && !(error instanceof CancelledError)) replaceChildren(this.body, errorBox(error instanceof Error ? error.message : String(error)));
      });
  }

  reset(): void {
    this.shownFor = -1;
    this.request++;
    this.clearCharts();
    replaceChildren(this.body, emptyState("Run a plan to see its income disclosure."));
  }

  private clearCharts(): void {
    for (const dispose of this.disposers) dispose();
    this.disposers = [];
  }

  private render(reply: DisclosureReply): void {
    if (!reply.ok) {
      replaceChildren(this.body, errorBox(reply.message));
      return;
    }
    const d = reply.disclosure;
    const cur = d.currency;
    const label = (rank: string | null) => rank ?? "no rank";
    const chart = barChart({
      title: `Earnings per partner by highest paid-as rank (${cur}, ${d.periods[0] ?? ""} – ${d.periods[d.periods.length - 1] ?? ""})`,
      labels: d.rows.map((r) => label(r.rank)),
      series: [{ label: "mean", values: d.rows.map((r) => r.mean) }, { label: "median", values: d.rows.map((r) => r.median) }],
      unit: ` ${cur}`,
    });
    this.disposers.push(chart.dispose);
    const headers = ["Rank", "Partners", "Share", "Mean", "Median", "p10", "p90", "Lowest", "Highest", "Earned nothing", "Periods at rank (of listed)"];
    const table = el("table", { className: "grid compact disclosure-table", attrs: { id: "disclosure-table" } },
      el("thead", {}, el("tr", {}, ...headers.map((h, i) => el("th", { className: i === 0 ? "" : "num", text: h })))),
      el("tbody", {}, ...d.rows.map((r) => el("tr", {},
        el("td", { text: label(r.rank) }),
        el("td", { className: "num", text: count(r.partners) }),
        el("td", { className: "num", text: `${r.shareOfPartners}%` }),
        ...[r.mean, r.median, r.p10, r.p90, r.lowest, r.highest].map((v) => el("td", { className: "num" }, amount(v))),
        el("td", { className: "num", text: `${count(r.earnedNothing)} (${r.earnedNothingShare}%)` }),
        el("td", { className: "num", text: `${r.meanPeriodsAtRank} of ${r.meanPeriodsListed}` })))));
    replaceChildren(
      this.body,
      el("p", { className: "muted", text: `${plural(d.partners, "partner")}. A partner counts at the highest rank it was paid as; terminated partners and partners who joined part-way count; earnings are the sum over all periods of the run, clawbacks included.` }),
      chart.element,
      el("div", { className: "table-scroll" }, table),
    );
  }
}
