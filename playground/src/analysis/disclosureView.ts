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
import { groupDigits, plural } from "../ui/format.ts";
import type { DisclosureReply } from "./protocol.ts";
import { withScrollCue } from "../ui/scrollCue.ts";

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
    const over = `${d.periods[0] ?? ""} – ${d.periods[d.periods.length - 1] ?? ""}`;
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
      el("tbody", {}, ...d.rows.map((r) => {
        const at = `highest paid-as rank ${label(r.rank)}`;
        const earnings: [string, string][] = [
          [r.mean, "mean earnings"], [r.median, "median earnings"], [r.p10, "10% earned at most"], [r.p90, "90% earned at most"], [r.lowest, "the lowest earnings"], [r.highest, "the highest earnings"],
        ];
        return el("tr", {},
          el("td", { text: label(r.rank) }),
          el("td", { className: "num", text: count(r.partners), title: `${plural(r.partners, "partner")} with ${at}` }),
          el("td", { className: "num", text: `${r.shareOfPartners}%`, title: `${r.shareOfPartners}% of all ${plural(d.partners, "partner")} have ${at}` }),
          ...earnings.map(([v, what]) => el("td", { className: "num" }, amount(v, `${at}: ${what}, ${groupDigits(v)} ${cur} over ${over}`))),
          el("td", { className: "num", text: `${count(r.earnedNothing)} (${r.earnedNothingShare}%)`, title: `${plural(r.earnedNothing, "partner")} with ${at} earned nothing over ${over} (${r.earnedNothingShare}% of them)` }),
          el("td", { className: "num", text: `${r.meanPeriodsAtRank} of ${r.meanPeriodsListed}`, title: `${at}: on average ${r.meanPeriodsAtRank} periods at that rank of the ${r.meanPeriodsListed} periods they were listed in` }));
      })));
    replaceChildren(
      this.body,
      el("p", { className: "muted", text: `${plural(d.partners, "partner")}. A partner counts at the highest rank it was paid as; terminated partners and partners who joined part-way count; earnings are the sum over all periods of the run, clawbacks included.` }),
      chart.element,
      withScrollCue(el("div", { className: "table-scroll" }, table)),
    );
  }
}
