/**
 * The payout bound, live while typing: under the problems list, recomputed from the IR of every
 * check (compiler/analysis/payoutBound.ts is cheap and needs no data). Collapsible: the summary
 * line shows the bound per measure, the details the reasoning per bonus.
 */
import { payoutBound, type PlanIR } from "../../../runtime/surface.ts";
import { el, replaceChildren } from "../dom.ts";
import "./analysis.css";

export class BoundPanel {
  readonly element = el("details", { className: "bound-panel", attrs: { id: "payout-bound" } });
  private readonly summary = el("summary", { className: "bound-summary" });
  private readonly body = el("div", { className: "bound-body" });

  constructor() {
    this.element.append(this.summary, this.body);
    this.show(null);
  }

  /** The bound of a plan that compiled; null keeps the panel saying why there is none. */
  show(ir: PlanIR | null): void {
    if (ir === null) {
      this.summary.textContent = "Payout bound: fix the errors to see it";
      replaceChildren(this.body);
      return;
    }
    const bound = payoutBound(ir);
    const paid = bound.measures.filter((m) => m.bonuses.length > 0);
    const target = bound.target ? ` · target ${bound.target.percent}${bound.target.exceeded ? " (exceeded)" : ""}` : "";
    this.summary.textContent = `Payout bound: ${paid.map((m) => `at most ${m.percent} of ${m.measure}`).join(", ") || "no bonus"}${target}`;
    this.summary.classList.toggle("bound-exceeded", bound.target?.exceeded === true);
    const rows = bound.bonuses.map((b) =>
      el("tr", {}, el("td", { text: b.bonus }), el("td", { text: b.measure }), el("td", { className: "num", text: b.percent }), el("td", { className: "bound-why", text: b.reasoning })),
    );
    replaceChildren(
      this.body,
      el("table", { className: "grid compact bound-table" },
        el("thead", {}, el("tr", {}, el("th", { text: "Bonus" }), el("th", { text: "On" }), el("th", { className: "num", text: "At most" }), el("th", { text: "Why" }))),
        el("tbody", {}, ...rows)),
      bound.splits ? el("p", { className: "bound-note", text: bound.splits }) : null,
      el("p", { className: "bound-note", text: bound.rounding.sentence }),
    );
  }
}
