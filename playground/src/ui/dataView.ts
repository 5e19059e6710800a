/**
 * The data browser (issue 14 item 5): the records of the shown run's data — partners, customers,
 * orders, split agreements, cancellations — searchable by their ids, in a virtualised list: only
 * the rows in view (and a few around them) exist in the page, fetched from the worker a window at
 * a time, so 100k partners scroll like 12. A partner, sponsor or buyer opens in Explain.
 */
import { el, option, replaceChildren } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import { RECORD_SECTIONS, type RecordSectionName, type RecordsPage } from "../worker/protocol.ts";
import type { ResultView, ViewContext } from "./context.ts";
import { count, emptyState, errorBox } from "./widgets.ts";

/** Row height in px (fixed, so the list knows where each row goes without measuring). */
export const ROW_HEIGHT = 24;
/** Rows fetched beyond the visible ones on each side. */
const OVERSCAN = 30;

const LABELS: Record<RecordSectionName, string> = { partners: "Partners", customers: "Customers", orders: "Orders", splits: "Split agreements", cancellations: "Cancellations" };

export class DataView implements ResultView {
  readonly element = el("section", { className: "view data-view" });
  private readonly section = el("select", { attrs: { "aria-label": "Records", id: "data-section" } }, ...RECORD_SECTIONS.map((s) => option(s, LABELS[s])));
  private readonly search = el("input", { className: "search", attrs: { type: "search", placeholder: "Search ids…", "aria-label": "Search record ids", id: "data-search" } });
  private readonly summary = el("span", { className: "view-summary", attrs: { id: "data-summary" } });
  private readonly viewport = el("div", { className: "record-list", attrs: { id: "record-list", tabindex: "0", role: "list" } });
  private readonly spacer = el("div", { className: "record-spacer" });
  private context: ViewContext | null = null;
  private shownKey = "";
  private request = 0;
  private pending = false;
  private window: { from: number; to: number } = { from: 0, to: 0 };

  constructor() {
    this.viewport.append(this.spacer);
    let timer: ReturnType<typeof setTimeout> | null = null;
    this.search.addEventListener("input", () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => this.restart(), 150);
    });
    this.section.addEventListener("change", () => this.restart());
    this.viewport.addEventListener("scroll", () => {
      if (this.pending) return;
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.fetchVisible();
      });
    });
    this.element.append(el("div", { className: "toolbar" }, this.section, this.search, this.summary), this.viewport);
  }

  show(context: ViewContext): void {
    this.context = context;
    const key = `${context.runNumber}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.restart();
  }

  reset(): void {
    this.context = null;
    this.shownKey = "";
    this.spacer.style.height = "0px";
    replaceChildren(this.spacer);
    this.summary.textContent = "";
  }

  private restart(): void {
    this.viewport.scrollTop = 0;
    this.window = { from: 0, to: 0 };
    this.fetch(0, this.visibleRows() + OVERSCAN);
  }

  private visibleRows(): number {
    return Math.ceil((this.viewport.clientHeight || 480) / ROW_HEIGHT) + 1;
  }

  private fetchVisible(): void {
    const first = Math.floor(this.viewport.scrollTop / ROW_HEIGHT);
    const last = first + this.visibleRows();
    if (first >= this.window.from && last <= this.window.to) return;
    const from = Math.max(0, first - OVERSCAN);
    this.fetch(from, last + OVERSCAN - from);
  }

  private fetch(offset: number, limit: number): void {
    const context = this.context;
    if (!context) return;
    const id = ++this.request;
    const section = this.section.value as RecordSectionName;
    context.client
      .request({ type: "records", section, search: this.search.value, offset, limit })
      .then((page) => {
        if (id === this.request && this.context === context) this.render(page, context);
      })
      .catch((error: unknown) => {
        if (error instanceof CancelledError || id !== this.request) return;
        replaceChildren(this.spacer, errorBox(error instanceof Error ? error.message : String(error)));
      });
  }

  private render(page: RecordsPage, context: ViewContext): void {
    this.window = { from: page.offset, to: page.offset + page.rows.length };
    this.spacer.style.height = `${page.total * ROW_HEIGHT}px`;
    const searching = this.search.value.trim() !== "";
    this.summary.textContent = searching ? `${count(page.total)} of ${count(page.all)} ${LABELS[page.section].toLowerCase()} match` : `${count(page.all)} ${LABELS[page.section].toLowerCase()}`;
    if (page.total === 0) {
      replaceChildren(this.spacer, emptyState(searching ? "No record matches the search." : "This section of the data is empty."));
      return;
    }
    const partnerSection = page.section === "partners" || page.section === "customers" || page.section === "orders" || page.section === "splits";
    replaceChildren(
      this.spacer,
      ...page.rows.map((r) =>
        el(
          "div",
          { className: "record-row", attrs: { role: "listitem" }, dataset: { index: String(r.index) } },
          el("span", { className: "record-index num", text: `${r.index + 1}` }),
          ...r.keys.map((key, i) =>
            partnerSection && (i > 0 || page.section === "partners" || page.section === "splits")
              ? el("button", { className: "link record-key", text: key, title: `explain ${key}`, on: { click: () => context.openPartner(key) } })
              : el("span", { className: "record-key", text: key }),
          ),
          // Two id columns in every section: a top partner's missing sponsor keeps its place.
          r.keys.length < 2 ? el("span", { className: "record-key-gap", attrs: { "aria-hidden": "true" } }) : "",
          el("code", { className: "record-text", text: r.text, title: r.text }),
        ),
      ).map((node, k) => {
        node.style.top = `${(page.offset + k) * ROW_HEIGHT}px`;
        return node;
      }),
    );
  }
}
