/**
 * The comparison's bottom line: per policy what the company pays net and how that differs from
 * the plan's own policy, the unrecovered loss kept apart from the carried negative balances (with
 * a sentence saying whether they are the same money), and who pays back how much.
 */
import type { Policy, PolicyBottomLine, PolicyBottomLines } from "../../../runtime/surface.ts";
import { el } from "../dom.ts";
import { FIGURE_NOTES, POLICY_TITLES } from "./compareText.ts";
import { groupDigits, plural } from "./format.ts";
import { amount, partnerLink } from "./widgets.ts";

type Figure = Exclude<keyof PolicyBottomLine, "policy">;

const COST_ROWS: [Figure, string, string][] = [
  ["totalPayout", "Paid out", "Auszahlung"],
  ["carriedPositive", "+ still owed to partners (below the minimum payout)", "Guthaben"],
  ["owedByActive", "− owed back by active partners (netted from future earnings)", "Sollsaldo aktiver Partner"],
  ["netCost", "= Net cost to the company", "Nettokosten"],
  ["differenceFromPlan", "Difference from the plan's policy", "Differenz"],
];

const LOSS_ROWS: [Figure, string, string][] = [
  ["unrecovered", "Unrecovered clawbacks (company loss)", "nicht einbringlich"],
  ["owedByTerminated", "Owed by terminated partners (carried negative)", "Sollsaldo ausgeschiedener Partner"],
  ["terminatedOtherBalance", "… beyond their unrecovered clawbacks", "Rest"],
];

function table(id: string, b: PolicyBottomLines, rows: [Figure, string, string][], currency: string): HTMLElement {
  return el(
    "table",
    { className: `grid compact bottom-line ${id}`, attrs: { id } },
    el(
      "thead",
      {},
      el("tr", {}, el("th", { text: currency }), ...b.bottomLines.map((l) => el("th", { className: `num${l.policy === b.planPolicy ? " plan-policy" : ""}`, text: l.policy === b.planPolicy ? `${POLICY_TITLES[l.policy]} (plan)` : POLICY_TITLES[l.policy] }))),
    ),
    el(
      "tbody",
      {},
      ...rows.map(([figure, label, german]) =>
        el(
          "tr",
          { className: figure === "netCost" ? "total" : "", dataset: { figure } },
          el("th", { attrs: { scope: "row" }, title: FIGURE_NOTES[figure] }, `${label} `, el("span", { className: "german", text: `(${german})` })),
          ...b.bottomLines.map((l) => el("td", { className: "num" }, amount(signed(figure, l[figure]), `${POLICY_TITLES[l.policy]}: ${FIGURE_NOTES[figure]}`))),
        ),
      ),
    ),
  );
}

/** The difference is shown with its sign: "+12.00" costs more than the plan's policy. */
function signed(figure: Figure, value: string): string {
  return figure === "differenceFromPlan" && !value.startsWith("-") && /[1-9]/.test(value) ? `+${value}` : value;
}

/** One sentence per policy: do the unrecovered clawbacks and the terminated partners' debts add up? */
function reconcile(l: PolicyBottomLine): string {
  const title = POLICY_TITLES[l.policy];
  const u = groupDigits(l.unrecovered);
  const t = groupDigits(l.owedByTerminated);
  if (!/[1-9]/.test(l.unrecovered) && !/[1-9]/.test(l.owedByTerminated)) return `${title}: no terminated partner owes anything and nothing is unrecovered.`;
  if (!/[1-9]/.test(l.terminatedOtherBalance)) {
    return `${title}: the ${u} unrecovered is exactly the ${t} terminated partners carry as negative balance — the same money, counted once in the net cost.`;
  }
  return l.terminatedOtherBalance.startsWith("-")
    ? `${title}: terminated partners owe ${t}, ${groupDigits(l.terminatedOtherBalance.slice(1))} less than the ${u} unrecovered — earlier earnings covered that part of their clawbacks.`
    : `${title}: terminated partners owe ${t}, ${groupDigits(l.terminatedOtherBalance)} more than the ${u} unrecovered — older negative balances; all of it is lost.`;
}

export function bottomLineSection(b: PolicyBottomLines, currency: string): HTMLElement {
  const first = b.periods[0] ?? "";
  const last = b.periods[b.periods.length - 1] ?? "";
  return el(
    "div",
    { className: "bottom-line-section" },
    el("p", { className: "covers", attrs: { id: "compare-covers" }, text: `Covers ${plural(b.periods.length, "period")}: ${first === last ? first : `${first} – ${last}`}, every period replayed under each policy over the same data.` }),
    table("net-cost", b, COST_ROWS, currency),
    el("div", { className: "section-title", text: "Losses kept apart from balances" }),
    table("losses", b, LOSS_ROWS, currency),
    el("ul", { className: "reconcile", attrs: { id: "reconcile" } }, ...b.bottomLines.map((l) => el("li", { text: reconcile(l) }))),
  );
}

const ORDER: readonly Policy[] = ["simple", "previous-rank", "exact"];

export function clawbackTable(b: PolicyBottomLines, open: (partner: string) => void): HTMLElement {
  if (b.clawbacks.length === 0) return el("p", { className: "muted", text: "Nobody pays anything back under any policy: the data has no after-run cancellations." });
  return el(
    "div",
    {},
    el("div", { className: "section-title", text: `Who pays back how much (Rückbelastung): ${plural(b.clawbacks.length, "partner")}` }),
    el(
      "table",
      { className: "grid compact clawbacks", attrs: { id: "clawbacks" } },
      el("thead", {}, el("tr", {}, el("th", { text: "Partner" }), ...ORDER.map((p) => el("th", { className: "num", text: POLICY_TITLES[p] })))),
      el(
        "tbody",
        {},
        ...b.clawbacks.map((c) =>
          el(
            "tr",
            { dataset: { partner: c.partner } },
            el("td", {}, partnerLink(c.partner, open), c.terminated ? el("span", { className: "state state-terminated", text: " terminated: lost", title: "terminated: what this partner owes is never recovered" }) : ""),
            ...ORDER.map((p) => el("td", { className: "num" }, amount(c.paidBack[p], `${c.partner} pays back ${c.paidBack[p]} under ${POLICY_TITLES[p]}`))),
          ),
        ),
      ),
    ),
  );
}
