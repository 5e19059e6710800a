/**
 * The data browser (issue 14 item 5): the records of the chosen data — partners, customers,
 * orders, split agreements, cancellations — as soon as it is loaded, before any run; searchable by
 * their ids, in a virtualised list: only the rows in view (and a few around them) exist in the
 * page, fetched from the worker a window at a time, so 100k partners scroll like 12. When the
 * shown run was computed from this data, a partner, sponsor or buyer opens in Explain.
 */
import { el, option, replaceChildren } from "../dom.ts";
import { CancelledError, type WorkerClient } from "../client/workerClient.ts";
import { RECORD_SECTIONS, type RecordSectionName, type RecordsPage } from "../worker/protocol.ts";
import { count, emptyState, errorBox, loading } from "./widgets.ts";

/** The data to browse. */
export interface DataTarget {
  client: WorkerClient;
  /** The data's sourceKey (worker/dataSources.ts). */
  dataKey: string;
  /** How the page names the data ("generated 1k (seed 1000)"). */
  label: string;
  /** Opens a partner in Explain; null when the shown run was not computed from this data. */
  openPartner: ((partner: string) => void) | null;
}

/** Row height in px (fixed, so the list knows where each row goes without measuring). */
export const ROW_HEIGHT = 24;
/** Rows fetched beyond the visible ones on each side. */
const OVERSCAN = 30;

const LABELS: Record<RecordSectionName, string> = { partners: "Partners", customers: "Customers", orders: "Orders", splits: "Split agreements", cancellations: "Cancellations" };
const ONE: Record<RecordSectionName, string> = { partners: "Partner", customers: "Customer", orders: "Order", splits: "Split agreement", cancellations: "Cancellation" };

export class DataView {
  readonly element = el("section", { className: "view data-view" });
  private readonly section = el("select", { attrs: { "aria-label": "Records", id: "data-section" } }, ...RECORD_SECTIONS.map((s) => option(s, LABELS[s])));
  private readonly search = el("input", { className: "search", attrs: { type: "search", placeholder: "Search ids…", "aria-label": "Search record ids", id: "data-search" } });
  private readonly summary = el("span", { className: "view-summary", attrs: { id: "data-summary" } });
  private readonly caption = el("p", { className: "view-caption", attrs: { id: "data-caption" } });
  private readonly viewport = el("div", { className: "record-list", attrs: { id: "record-list", tabindex: "0", role: "list" } });
  private readonly spacer = el("div", { className: "record-spacer" });
  /** One record shown whole: a row's text is cut at the list's edge, and a phone has no tooltip to read the rest. */
  private readonly whole = el("div", { className: "record-whole", attrs: { id: "record-whole" } });
  private target: DataTarget | null = null;
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
    this.section.addEventListener("change", () => {
      // A search typed just before counts now; its pending restart would scroll back to the top later.
      if (timer !== null) clearTimeout(timer);
      timer = null;
      this.restart();
    });
    this.viewport.addEventListener("scroll", () => {
      if (this.pending) return;
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.fetchVisible();
      });
    });
    this.element.append(el("div", { className: "toolbar" }, this.section, this.search, this.summary), this.caption, this.whole, this.viewport);
    this.reset();
  }

  /** Browse this data (the list starts again when the data, or whether ids open in Explain, changed). */
  browse(target: DataTarget): void {
    this.target = target;
    const key = `${target.dataKey} ${target.openPartner === null ? "" : "linked"}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.caption.textContent =
      target.openPartner === null
        ? `Records of ${target.label}, as loaded. Run the plan to open a partner in Explain.`
        : `Records of ${target.label}, the data of the shown run. Click an id to explain that partner.`;
    this.restart();
  }

  reset(): void {
    this.closeRecord();
    this.target = null;
    this.shownKey = "";
    this.request++;
    this.spacer.style.height = "0px";
    replaceChildren(this.spacer, emptyState("Choose data to browse its records."));
    this.summary.textContent = "";
    this.caption.textContent = "";
  }

  private restart(): void {
    this.closeRecord();
    this.viewport.scrollTop = 0;
    this.window = { from: 0, to: 0 };
    this.spacer.style.height = "0px";
    this.summary.textContent = "";
    replaceChildren(this.spacer, loading("Loading the records…"));
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
    const target = this.target;
    if (!target) return;
    const id = ++this.request;
    const section = this.section.value as RecordSectionName;
    target.client
      .request({ type: "records", data: target.dataKey, section, search: this.search.value, offset, limit })
      .then((page) => {
        if (id === this.request && this.target === target) this.render(page, target.openPartner);
      })
      .catch((error: unknown) => {
        if (id !== this.request) return;
        this.spacer.style.height = "0px";
        this.summary.textContent = "";
        replaceChildren(
          this.spacer,
          error instanceof CancelledError
            ? emptyState("Loading the data was cancelled: choose the data again to browse it.")
            : errorBox(error instanceof Error ? error.message : String(error)),
        );
      });
  }

  private render(page: RecordsPage, openPartner: ((partner: string) => void) | null): void {
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
          el("span", { className: "record-index num", text: `${r.index + 1}`, title: `${ONE[page.section].toLowerCase()} ${count(r.index + 1)} of the data (its place in the file)` }),
          ...r.keys.map((key, i) =>
            openPartner !== null && partnerSection && (i > 0 || page.section === "partners" || page.section === "splits")
              ? el("button", { className: "link record-key", text: key, title: `explain ${key}`, on: { click: () => openPartner(key) } })
              : el("span", { className: "record-key", text: key }),
          ),
          // Two id columns in every section: a top partner's missing sponsor keeps its place.
          r.keys.length < 2 ? el("span", { className: "record-key-gap", attrs: { "aria-hidden": "true" } }) : "",
          el("button", {
            className: "record-text",
            text: r.text,
            title: `${r.text}\n(click to show the whole record above the list)`,
            attrs: { type: "button" },
            on: { click: () => this.openRecord(page.section, r.index, r.text) },
          }),
        ),
      ).map((node, k) => {
        node.style.top = `${(page.offset + k) * ROW_HEIGHT}px`;
        return node;
      }),
    );
  }

  private openRecord(section: RecordSectionName, index: number, text: string): void {
    let pretty = text;
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // A record kept as the file has it (not JSON): shown as it is.
    }
    replaceChildren(
      this.whole,
      el(
        "div",
        { className: "record-whole-head" },
        el("strong", { text: `${ONE[section]} ${count(index + 1)} of the data` }),
        el("button", { text: "Close", attrs: { type: "button", id: "record-whole-close" }, on: { click: () => this.closeRecord() } }),
      ),
      el("pre", { className: "record-whole-text", text: pretty }),
    );
    this.whole.hidden = false;
  }

  private closeRecord(): void {
    this.whole.hidden = true;
    replaceChildren(this.whole);
  }
}
