/**
 * "Compare with…": the last run's plan (A) against another plan of plans/ or the editor's text
 * as it is now (B), on the same data: totals and % of volume, the change per bonus (with a
 * chart), rank moves, who gains and loses most, and the distribution of per-partner changes.
 */
import { el, replaceChildren, setOptions } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import { barChart } from "../ui/charts.ts";
import type { ResultView, ViewContext } from "../ui/context.ts";
import { amount, count, emptyState, errorBox, partnerLink } from "../ui/widgets.ts";
import { plural } from "../ui/format.ts";
import { titleFigures } from "../ui/figureTitles.ts";
import type { PlanDiff } from "../../../runtime/surface.ts";
import type { DiffReply } from "./protocol.ts";

const EDITOR = "(the editor's text now)";

export interface PlanDiffHooks {
  plans: { name: string; text: string }[];
  editorText(): string;
  runJob<T>(label: string, job: (progress: (stage: string, fraction: number | null) => void) => Promise<T>): Promise<T>;
}

export class PlanDiffView implements ResultView {
  readonly element = el("section", { className: "view plan-diff-view" });
  private readonly pick = el("select", { attrs: { "aria-label": "Plan to compare with", id: "diff-plan" } });
  private readonly button = el("button", { className: "primary", text: "Compare", attrs: { id: "diff-run" } });
  private readonly body = el("div", { className: "plan-diff-body" });
  private disposers: (() => void)[] = [];
  private context: ViewContext | null = null;

  constructor(private readonly hooks: PlanDiffHooks) {
    setOptions(this.pick, [...hooks.plans.map((p) => ({ value: p.name, label: p.name })), { value: EDITOR, label: EDITOR }]);
    this.button.addEventListener("click", () => {
      if (this.context) this.compare(this.context);
    });
    this.element.append(el("div", { className: "toolbar" }, el("span", { text: "Compare the last run's plan with " }), this.pick, this.button), this.body);
    this.reset();
  }

  show(context: ViewContext): void {
    if (this.context?.runNumber === context.runNumber) return;
    this.context = context;
    this.clearCharts();
    replaceChildren(this.body, emptyState(`Pick a plan and press Compare: it runs on ${context.run.data.label} through ${context.run.through} under policy ${context.run.policy}, like the last run.`));
  }

  reset(): void {
    this.context = null;
    this.clearCharts();
    replaceChildren(this.body, emptyState("Run a plan, then compare it with another plan here."));
  }

  private clearCharts(): void {
    for (const dispose of this.disposers) dispose();
    this.disposers = [];
  }

  private compare(context: ViewContext): void {
    const name = this.pick.value;
    const planText = name === EDITOR ? this.hooks.editorText() : (this.hooks.plans.find((p) => p.name === name)?.text ?? "");
    this.clearCharts();
    replaceChildren(this.body, emptyState("Comparing…"));
    this.hooks
      .runJob("comparing plans", (progress) => context.client.request({ type: "diffPlans", planText, label: name }, progress))
      .then((reply) => {
        if (this.context === context) this.render(reply as DiffReply, context);
      })
      .catch((error: unknown) => {
        if (this.context === context && !(error instanceof CancelledError)) replaceChildren(this.body, errorBox(error instanceof Error ? error.message : String(error)));
      });
  }

  private render(reply: DiffReply, context: ViewContext): void {
    if (!reply.ok) {
      replaceChildren(this.body, errorBox(reply.message));
      return;
    }
    const d: PlanDiff = reply.diff;
    const cur = reply.currency;
    const chart = barChart({
      title: `Payout per bonus (${cur})`,
      labels: d.bonuses.map((b) => b.bonus),
      series: [{ label: `A: ${d.a.plan}`, values: d.bonuses.map((b) => b.a) }, { label: `B: ${d.b.plan}`, values: d.bonuses.map((b) => b.b) }],
      unit: ` ${cur}`,
    });
    const bands = barChart({
      title: "Partners by change in earnings (B − A)",
      labels: d.distribution.bands.map((b) => b.band),
      series: [{ label: "partners", values: d.distribution.bands.map((b) => String(b.partners)) }],
    });
    this.disposers.push(chart.dispose, bands.dispose);
    const row = (...cells: (HTMLElement | string)[]) => el("tr", {}, ...cells.map((c) => (typeof c === "string" ? el("td", { text: c }) : el("td", { className: "num" }, c))));
    const head = (...labels: string[]) => el("thead", {}, el("tr", {}, ...labels.map((l, i) => el("th", { className: i === 0 ? "" : "num", text: l }))));
    const where = `${cur} (A: ${d.a.plan}, B: ${d.b.plan})`;
    const totals = el("table", { className: "grid compact diff-totals" }, head("", "A", "B", "B − A"),
      el("tbody", {},
        row("Total payout", amount(d.a.totalPayout), amount(d.b.totalPayout), amount(d.change.totalPayout)),
        row("% of volume", el("span", { text: `${d.a.percentOfVolume}% of ${d.a.measure}` }), el("span", { text: `${d.b.percentOfVolume}% of ${d.b.measure}` }), el("span", { text: `${d.change.percentPoints} points` })),
        row("Paid out", amount(d.a.paidOut), amount(d.b.paidOut), el("span"))));
    titleFigures(totals, where);
    const perBonus = el("table", { className: "grid compact diff-bonuses" }, head("Bonus", "A", "B", "B − A"),
      el("tbody", {}, ...d.bonuses.map((b) => row(b.bonus, amount(b.a), amount(b.b), amount(b.change)))));
    titleFigures(perBonus, where);
    const people = (title: string, list: PlanDiff["gainers"]) =>
      el("div", {}, el("h4", { text: title }), list.length === 0 ? emptyState("none") :
        titleFigures(el("table", { className: "grid compact" }, head("Partner", "A", "B", "B − A"),
          el("tbody", {}, ...list.map((p) => el("tr", {}, el("td", {}, partnerLink(p.partner, context.openPartner)), el("td", { className: "num" }, amount(p.a)), el("td", { className: "num" }, amount(p.b)), el("td", { className: "num" }, amount(p.change)))))), where));
    const r = d.ranks;
    const moves = [...r.movedUp.map((m) => `${m.partner} ↑ ${m.a ?? "no rank"} → ${m.b ?? "no rank"}`), ...r.movedDown.map((m) => `${m.partner} ↓ ${m.a ?? "no rank"} → ${m.b ?? "no rank"}`)];
    const x = d.distribution;
    replaceChildren(
      this.body,
      el("p", { className: "diff-headline", text: `A: ${d.a.plan} · B: ${d.b.plan} (${reply.label}) · ${d.periods[0] ?? ""} – ${d.periods[d.periods.length - 1] ?? ""}` }),
      totals,
      el("div", { className: "kpi-row" }, perBonus, chart.element),
      bands.element,
      el("p", { className: "diff-ranks", text: `Paid-as ranks in ${r.period}: ${count(r.up)} up, ${count(r.down)} down, ${count(r.same)} unchanged (place on each plan's ladder)${moves.length ? ": " + moves.join(", ") : ""}` }),
      el("p", { text: `Per-partner change over ${plural(x.partners, "partner")}: ${count(x.gained)} gain, ${count(x.lost)} lose, ${count(x.unchanged)} unchanged; lowest ${x.percentiles.lowest}, p10 ${x.percentiles.p10}, median ${x.percentiles.median}, p90 ${x.percentiles.p90}, highest ${x.percentiles.highest} ${cur}` }),
      el("div", { className: "kpi-row" }, people("Gain most", d.gainers), people("Lose most", d.losers)),
    );
  }
}
