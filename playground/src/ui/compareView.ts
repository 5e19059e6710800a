/**
 * The view consultants come for: the three cancellation policies side by side over the same data
 * (what each reclaims, from whom, what the company loses, who ends up owing), and the two split
 * modes (whose line earns what). A comparison replays the run several times, so it starts on
 * demand — automatically for small data — and can be cancelled like a run.
 */
import { Decimal, type Policy, type PolicyComparison, type SplitComparison } from "../../../runtime/surface.ts";
import { el, replaceChildren } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import type { CompareReply } from "../worker/protocol.ts";
import { compareIds } from "../worker/ordering.ts";
import { barChart } from "./charts.ts";
import type { ResultView, ViewContext } from "./context.ts";
import { bottomLineSection, clawbackTable } from "./compareBottom.ts";
import { agreementEffectsTable } from "./agreementEffectsTable.ts";
import { downloadComparison } from "./compareExport.ts";
import { FIGURE_NOTES, POLICY_CAPTIONS, POLICY_TITLES, SPLIT_CAPTIONS } from "./compareText.ts";
import { plural } from "./format.ts";
import { amount, emptyState, errorBox, partnerLink } from "./widgets.ts";

const decimalsOf = (text: string): number => (text.includes(".") ? text.length - text.indexOf(".") - 1 : 0);

const POLICY_ORDER: readonly Policy[] = ["simple", "previous-rank", "exact"];

/** Up to this many partners the comparison starts by itself when the tab is opened. */
export const AUTO_COMPARE_PARTNERS = 2000;

export interface CompareHooks {
  /** Long jobs go through the page's running state (progress line, cancel button). */
  runJob<T>(label: string, job: (progress: (stage: string, fraction: number | null) => void) => Promise<T>): Promise<T>;
}

export class CompareView implements ResultView {
  readonly element = el("section", { className: "view compare-view" });
  private readonly intro = el("div", { className: "toolbar" });
  private readonly body = el("div", { className: "compare-body" });
  private disposers: (() => void)[] = [];
  private context: ViewContext | null = null;
  private shownKey = "";
  private computedFor = -1;
  private last: CompareReply | null = null;

  constructor(private readonly hooks: CompareHooks) {
    this.element.append(this.intro, this.body);
    this.reset();
  }

  show(context: ViewContext): void {
    // A new context object each time the tab is shown (same run): the button compares for the
    // latest, which is the one a reply is rendered for.
    this.context = context;
    const key = `${context.runNumber}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    const button = el("button", { className: "primary", text: "Compare policies", attrs: { id: "compare-button" }, on: { click: () => void this.compare(this.context ?? context) } });
    const exportAs = (format: "csv" | "json") =>
      el("button", {
        text: `⬇ ${format.toUpperCase()}`,
        attrs: { id: `export-compare-${format}`, title: `Download the comparison as ${format.toUpperCase()}` },
        on: { click: () => this.last && downloadComparison(this.last, context.run.plan, format) },
      });
    replaceChildren(
      this.intro,
      button,
      el("span", { className: "muted", text: ` ${context.run.data.label} through ${context.run.through}: every policy replayed over the same periods.` }),
      el("span", { className: "spacer" }),
      exportAs("csv"),
      exportAs("json"),
    );
    if (this.computedFor !== context.runNumber) {
      this.clearCharts();
      this.setState("waiting");
      replaceChildren(this.body, emptyState("Press “Compare policies” to replay the run under simple, previous-rank and exact."));
      if (context.run.data.partners <= AUTO_COMPARE_PARTNERS) void this.compare(context);
    }
  }

  reset(): void {
    this.context = null;
    this.shownKey = "";
    this.computedFor = -1;
    this.last = null;
    this.clearCharts();
    this.setState("waiting");
    replaceChildren(this.intro);
    replaceChildren(this.body, emptyState("Run a plan, then compare the cancellation policies and split modes here."));
  }

  private clearCharts(): void {
    for (const dispose of this.disposers) dispose();
    this.disposers = [];
  }

  /** The last comparison shown (null before one is made for the current run). */
  latest(): CompareReply | null {
    return this.last;
  }

  /** Compares the current run's policies (again), resolving with the reply (null when cancelled or failed). */
  compareNow(context: ViewContext): Promise<CompareReply | null> {
    // The compare tab may never have been opened: it shows this comparison when it is.
    this.show(context);
    return this.computedFor === context.runNumber && this.pending ? this.pending : this.compare(context);
  }

  private pending: Promise<CompareReply | null> | null = null;

  private compare(context: ViewContext): Promise<CompareReply | null> {
    this.computedFor = context.runNumber;
    this.setState("comparing");
    replaceChildren(this.body, emptyState("Comparing…"));
    this.pending = this.hooks
      .runJob("comparing", (progress) => context.client.request({ type: "compare", ...context.inputs }, progress))
      .then((reply) => {
        // Drawn for the latest showing of the same run: leaving the tab and opening it again
        // gives the view a new context object, and a reply kept for the old one was dropped
        // ("Comparing…" for good).
        const shown = this.context;
        if (shown !== null && shown.runNumber === context.runNumber) this.render(reply, shown);
        return reply;
      })
      .catch((error: unknown) => {
        this.computedFor = -1;
        if (this.context?.runNumber !== context.runNumber) return null;
        const message = error instanceof CancelledError ? "Comparison cancelled." : error instanceof Error ? error.message : String(error);
        this.setState(error instanceof CancelledError ? "cancelled" : "failed");
        replaceChildren(this.body, errorBox(message));
        return null;
      });
    return this.pending;
  }

  private render(reply: CompareReply, context: ViewContext): void {
    this.clearCharts();
    this.last = reply;
    const policies = reply.policies.ok
      ? this.policies(reply, reply.policies.comparison, context)
      : errorBox(`The policy comparison was refused (${reply.policies.error.code}): ${reply.policies.error.message}`);
    let splits: HTMLElement;
    if (reply.splits === null) splits = emptyState(`Split modes: nothing to compare — ${reply.splitsSkipped ?? "no split agreements"}.`);
    else if (!reply.splits.ok) splits = errorBox(`The split comparison was refused (${reply.splits.error.code}): ${reply.splits.error.message}`);
    else splits = this.splits(reply, reply.splits.comparison, context);
    replaceChildren(this.body, el("h2", { text: "Cancellation policies" }), policies, el("h2", { text: "Split modes" }), splits);
    this.setState("shown");
  }

  /**
   * Where the view stands, as `data-state` on its element: what tests (and styles) wait on
   * instead of guessing from its contents — "shown" once a reply is drawn in full.
   */
  private setState(state: "waiting" | "comparing" | "shown" | "cancelled" | "failed"): void {
    this.element.dataset.state = state;
  }

  private chart(options: Parameters<typeof barChart>[0]): HTMLElement {
    const chart = barChart(options);
    this.disposers.push(chart.dispose);
    return chart.element;
  }

  private policies(reply: CompareReply, c: PolicyComparison, context: ViewContext): HTMLElement {
    const currency = context.run.currency;
    const planPolicy = context.run.planPolicy;
    const figure = (label: string, value: HTMLElement | string, note?: string): HTMLElement =>
      el("div", { className: "figure", title: note ?? "" }, el("span", { className: "figure-label", text: label }), el("span", { className: "figure-value" }, value));
    const columns = c.policies.map((p) =>
      el(
        "div",
        { className: `policy-column${p.policy === planPolicy ? " plan-policy" : ""}`, dataset: { policy: p.policy } },
        el("h3", {}, POLICY_TITLES[p.policy], p.policy === planPolicy ? el("span", { className: "tag", text: "the plan's policy" }) : ""),
        el("p", { className: "caption", text: POLICY_CAPTIONS[p.policy] }),
        el(
          "div",
          { className: "figures" },
          figure("Total clawback", amount(p.totalClawback), FIGURE_NOTES.totalClawback),
          figure("… from partners originally paid", amount(p.reclaimedFromOriginal), FIGURE_NOTES.reclaimedFromOriginal),
          figure("… from others", amount(p.reclaimedFromOthers), FIGURE_NOTES.reclaimedFromOthers),
          figure("Unrecovered (company loss)", amount(p.unrecovered), FIGURE_NOTES.unrecovered),
          figure(`Carried negative (${plural(p.negativeBalances.length, "partner")})`, amount(p.carriedNegative), FIGURE_NOTES.carriedNegative),
          figure("Rank changes", String(p.rankChanges.length), FIGURE_NOTES.rankChanges),
          figure("Total paid out", amount(p.totalPayout), FIGURE_NOTES.totalPayout),
        ),
      ),
    );
    const chart = this.chart({
      title: `Clawbacks by policy (${currency})`,
      labels: ["total clawback", "from originally paid", "from others", "unrecovered", "carried negative"],
      series: c.policies.map((p) => ({
        label: p.policy,
        values: [p.totalClawback, p.reclaimedFromOriginal, p.reclaimedFromOthers, p.unrecovered, p.carriedNegative],
      })),
      unit: ` ${currency}`,
      height: 240,
    });
    return el(
      "div",
      {},
      reply.bottom ? el("div", { className: "section-title", text: "Bottom line" }) : "",
      reply.bottom ? bottomLineSection(reply.bottom, currency) : "",
      el("div", { className: "policy-columns" }, ...columns),
      reply.bottom ? clawbackTable(reply.bottom, context.openPartner) : "",
      chart,
      this.negativeBalances(c, context),
      this.rankChanges(c, context),
      this.differences(c, context),
    );
  }

  /** Who ends the last period owing money, under each policy. */
  private negativeBalances(c: PolicyComparison, context: ViewContext): HTMLElement {
    const owed = new Map<string, Partial<Record<Policy, string>>>();
    for (const p of c.policies) {
      for (const b of p.negativeBalances) owed.set(b.partner, { ...owed.get(b.partner), [p.policy]: b.amount });
    }
    if (owed.size === 0) return el("p", { className: "muted", text: "No partner carries a negative balance out of the last period under any policy." });
    const partners = [...owed.keys()].sort(compareIds);
    return el(
      "div",
      {},
      el("div", { className: "section-title", text: `Negative balances carried out of ${c.through}` }),
      el(
        "table",
        { className: "grid compact negative-balances" },
        el("thead", {}, el("tr", {}, el("th", { text: "Partner" }), ...POLICY_ORDER.map((p) => policyHeader(p, context)))),
        el(
          "tbody",
          {},
          ...partners.map((partner) =>
            el(
              "tr",
              {},
              el("td", {}, partnerLink(partner, context.openPartner)),
              ...POLICY_ORDER.map((p) => {
                const owes = owed.get(partner)?.[p];
                const note = owes === undefined ? `${partner} carries no negative balance out of ${c.through} under ${p}` : `${partner} carries ${owes} ${context.run.currency} out of ${c.through} under ${p}`;
                return el("td", { className: "num" }, amount(owes ?? "—", note));
              }),
            ),
          ),
        ),
      ),
    );
  }

  private rankChanges(c: PolicyComparison, context: ViewContext): HTMLElement {
    const rows = c.policies.flatMap((p) =>
      p.rankChanges.map((r) =>
        el("tr", {}, el("td", { text: POLICY_TITLES[p.policy] }), el("td", {}, partnerLink(r.partner, context.openPartner)), el("td", { text: r.period }), el("td", { text: r.without ?? "no rank" }), el("td", { text: r.with ?? "no rank" })),
      ),
    );
    if (rows.length === 0) return el("p", { className: "muted", text: "No policy changes a rank compared with a run without the after-run cancellations." });
    return el(
      "div",
      {},
      el("div", { className: "section-title", text: "Rank changes against a run without the after-run cancellations" }),
      el(
        "table",
        { className: "grid compact rank-changes" },
        el("thead", {}, el("tr", {}, ...["Policy", "Partner", "Period", "Without", "With"].map((h) => el("th", { text: h })))),
        el("tbody", {}, ...rows),
      ),
    );
  }

  private differences(c: PolicyComparison, context: ViewContext): HTMLElement {
    if (c.differences.length === 0) return el("p", { className: "muted", text: "Every partner earns the same under all three policies." });
    const order = POLICY_ORDER;
    return el(
      "div",
      {},
      el("div", { className: "section-title", text: "Partners whose earnings differ most between the policies" }),
      el(
        "table",
        { className: "grid compact differences" },
        el("thead", {}, el("tr", {}, el("th", { text: "Partner" }), ...order.map((p) => policyHeader(p, context)), el("th", { className: "num", text: "Spread" }))),
        el(
          "tbody",
          {},
          ...c.differences.map((d) =>
            el(
              "tr",
              {},
              el("td", {}, partnerLink(d.partner, context.openPartner)),
              ...order.map((p) => el("td", { className: "num" }, amount(d.earned[p], `${d.partner} earns ${d.earned[p]} ${context.run.currency} over the compared periods under ${p}`))),
              el("td", { className: "num" }, amount(d.spread, `spread: ${d.partner}'s highest earnings of the three policies minus the lowest`)),
            ),
          ),
        ),
      ),
    );
  }

  private splits(reply: CompareReply, c: SplitComparison, context: ViewContext): HTMLElement {
    const currency = context.run.currency;
    const planMode = context.run.splitMode;
    const columns = c.modes.map((m) =>
      el(
        "div",
        { className: `policy-column${m.mode === planMode ? " plan-policy" : ""}`, dataset: { mode: m.mode } },
        el("h3", {}, m.mode === "volume" ? "Volume split" : "Commission transfer", m.mode === planMode ? el("span", { className: "tag", text: "the plan's mode" }) : ""),
        el("p", { className: "caption", text: SPLIT_CAPTIONS[m.mode] }),
        el(
          "div",
          { className: "figures" },
          splitFigure("Recruiter lines earned", m.recruiterLinesEarned, SPLIT_NOTES.recruiter),
          splitFigure("Supporter lines earned", m.supporterLinesEarned, SPLIT_NOTES.supporter),
          splitFigure("Total paid out", m.totalPayout, SPLIT_NOTES.payout),
        ),
      ),
    );
    const chart = this.chart({
      title: `Recruiter lines vs supporter lines (${currency})`,
      labels: c.modes.map((m) => (m.mode === "volume" ? "volume split" : "commission transfer")),
      series: [
        { label: "recruiter lines", values: c.modes.map((m) => m.recruiterLinesEarned) },
        { label: "supporter lines", values: c.modes.map((m) => m.supporterLinesEarned) },
      ],
      unit: ` ${currency}`,
    });
    const [volume, commission] = c.modes;
    const table = reply.agreementEffects
      ? agreementEffectsTable(reply.agreementEffects, planMode, context.openPartner)
      : emptyState("No agreement effects were computed.");
    const difference = (pick: (m: (typeof c.modes)[number]) => string): string =>
      volume && commission ? new Decimal(pick(commission)).minus(pick(volume)).toFixed(decimalsOf(pick(volume))) : "—";
    const differences = el(
      "table",
      { className: "grid compact mode-difference", attrs: { id: "mode-difference" } },
      el("thead", {}, el("tr", {}, el("th", { text: currency }), el("th", { className: "num", text: "Volume split" }), el("th", { className: "num", text: "Commission transfer" }), el("th", { className: "num", text: "Difference (commission − volume)" }))),
      el(
        "tbody",
        {},
        ...([["Recruiter lines earned", (m) => m.recruiterLinesEarned, SPLIT_NOTES.recruiter], ["Supporter lines earned", (m) => m.supporterLinesEarned, SPLIT_NOTES.supporter], ["Total paid out", (m) => m.totalPayout, SPLIT_NOTES.payout]] as [string, (m: (typeof c.modes)[number]) => string, string][]).map(([label, pick, note]) =>
          el(
            "tr",
            {},
            el("th", { attrs: { scope: "row" }, text: label }),
            el("td", { className: "num" }, amount(volume ? pick(volume) : "—", `Volume split: ${note}`)),
            el("td", { className: "num" }, amount(commission ? pick(commission) : "—", `Commission transfer: ${note}`)),
            el("td", { className: "num" }, amount(difference(pick), "what the commission transfer changes against the volume split")),
          ),
        ),
      ),
    );
    return el("div", {}, el("div", { className: "policy-columns two" }, ...columns), differences, chart, el("div", { className: "section-title", text: "What each agreement changes" }), table);
  }
}

const SPLIT_NOTES = {
  recruiter: "earned over the compared periods by the recruiters of the split orders (the member's sponsor, or the customer's partner) and their uplines",
  supporter: "earned over the compared periods by the supporters of the split agreements and their uplines",
  payout: "paid out to all partners over the compared periods",
} as const;

/** A policy's column header in the tables below the cards: its title as on the cards, the plan's own marked as in the bottom line. */
function policyHeader(policy: Policy, context: ViewContext): HTMLElement {
  const plan = policy === context.run.planPolicy;
  return el("th", { className: `num${plan ? " plan-policy" : ""}`, text: `${POLICY_TITLES[policy]}${plan ? " (plan)" : ""}` });
}

function splitFigure(label: string, value: string, note: string): HTMLElement {
  return el("div", { className: "figure", title: note }, el("span", { className: "figure-label", text: label }), el("span", { className: "figure-value" }, amount(value)));
}
