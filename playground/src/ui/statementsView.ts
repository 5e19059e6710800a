/**
 * Statements of the chosen period: one row per partner, sortable by every column, searchable by
 * partner id, 100 rows a page. Sorting, searching and paging happen in the worker, so 100k rows
 * never reach the page at once. Clicking a row opens the partner's explanation.
 */
import { el, replaceChildren } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import type { StatementColumn, StatementsPage } from "../worker/protocol.ts";
import type { ResultView, ViewContext } from "./context.ts";
import { activeMark, amount, count, emptyState, errorBox, rankBadge } from "./widgets.ts";
import { download } from "./download.ts";
import { withScrollCue } from "./scrollCue.ts";
import type { ExportFormat, ExportWhat } from "../worker/protocol.ts";
import { groupDigits, plural, volumeText } from "./format.ts";

export const PAGE_SIZE = 100;

const COLUMNS: { column: StatementColumn; label: string; numeric: boolean; title?: string }[] = [
  { column: "partner", label: "Partner", numeric: false },
  { column: "rank", label: "Paid-as rank", numeric: false },
  { column: "active", label: "Active", numeric: false },
  { column: "personal", label: "PV", numeric: true, title: "personal volume (qualifying measure)" },
  { column: "group", label: "GV", numeric: true, title: "group volume (qualifying measure)" },
  { column: "entries", label: "Entries", numeric: true, title: "ledger entries in the period" },
  { column: "earned", label: "Earned", numeric: true },
  { column: "carriedIn", label: "Carried in", numeric: true },
  { column: "payout", label: "Payout", numeric: true },
  { column: "carriedOut", label: "Carried out", numeric: true },
];

export class StatementsView implements ResultView {
  readonly element = el("section", { className: "view statements-view" });
  private readonly search = el("input", { className: "search", attrs: { type: "search", placeholder: "Search partner id…", "aria-label": "Search partner id" } });
  private readonly summary = el("div", { className: "view-summary" });
  private readonly body = el("div", { className: "table-wrap" });
  private readonly pager = el("div", { className: "pager" });
  private sort: StatementColumn = "partner";
  private descending = false;
  private offset = 0;
  private context: ViewContext | null = null;
  private shownKey = "";
  private request = 0;

  constructor() {
    let searchTimer: ReturnType<typeof setTimeout> | null = null;
    this.search.addEventListener("input", () => {
      if (searchTimer !== null) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        this.offset = 0;
        this.fetch();
      }, 150);
    });
    const exportButton = (what: ExportWhat, format: ExportFormat) =>
      el("button", {
        text: `⬇ ${what === "statements" ? "Statements" : "Ledger"} ${format.toUpperCase()}`,
        attrs: { id: `export-${what}-${format}`, title: `Download the ${what} of the shown period as ${format.toUpperCase()}` },
        on: { click: () => this.export(what, format) },
      });
    this.element.append(
      el("div", { className: "toolbar" }, this.search, this.summary, el("span", { className: "spacer" }), exportButton("statements", "csv"), exportButton("statements", "json"), exportButton("ledger", "csv"), exportButton("ledger", "json")),
      withScrollCue(this.body),
      this.pager,
    );
  }

  show(context: ViewContext): void {
    this.context = context;
    const key = `${context.runNumber}:${context.period}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.offset = 0;
    const period = context.run.periods.find((p) => p.period === context.period);
    this.summary.textContent = period
      ? `${period.period}: final run as of ${period.asOf} · ${plural(period.ledgerEntries, "ledger entry", "ledger entries")} · earned ${groupDigits(period.totalEarned)} · paid out ${groupDigits(period.totalPayout)} ${context.run.currency}`
      : "";
    this.fetch();
  }

  reset(): void {
    this.context = null;
    this.shownKey = "";
    this.request++;
    replaceChildren(this.body, emptyState("Run a plan to see its statements."));
    replaceChildren(this.pager);
    this.summary.textContent = "";
  }

  private export(what: ExportWhat, format: ExportFormat): void {
    const context = this.context;
    if (!context) return;
    context.client.request({ type: "export", what, format, period: context.period }).then(
      (file) => download(file.fileName, file.parts, file.mime),
      (error: unknown) => {
        if (!(error instanceof CancelledError)) replaceChildren(this.pager, errorBox(`The download failed: ${error instanceof Error ? error.message : String(error)}`));
      },
    );
  }

  private fetch(): void {
    const context = this.context;
    if (!context) return;
    const ticket = ++this.request;
    context.client
      .request({
        type: "statements",
        period: context.period,
        sort: this.sort,
        descending: this.descending,
        search: this.search.value,
        offset: this.offset,
        limit: PAGE_SIZE,
      })
      .then((page) => {
        if (ticket === this.request) this.render(page, context);
      })
      .catch((error: unknown) => {
        if (ticket === this.request && !(error instanceof CancelledError)) {
          replaceChildren(this.body, errorBox(error instanceof Error ? error.message : String(error)));
        }
      });
  }

  private header(): HTMLElement {
    return el(
      "tr",
      {},
      ...COLUMNS.map(({ column, label, numeric, title }) => {
        const active = column === this.sort;
        const arrow = active ? (this.descending ? " ▼" : " ▲") : "";
        return el(
          "th",
          {
            className: `${numeric ? "num" : ""} sortable${active ? " sorted" : ""}`,
            attrs: { "aria-sort": active ? (this.descending ? "descending" : "ascending") : "none", ...(title ? { title } : {}) },
            dataset: { column },
            on: {
              click: () => {
                if (this.sort === column) this.descending = !this.descending;
                else {
                  this.sort = column;
                  this.descending = numeric; // amounts: largest first is what one looks for
                }
                this.offset = 0;
                this.fetch();
              },
            },
          },
          label + arrow,
        );
      }),
    );
  }

  private render(page: StatementsPage, context: ViewContext): void {
    if (page.total === 0) {
      replaceChildren(this.body, emptyState(page.all === 0 ? "No partners in this period." : "No partner id matches the search."));
    } else {
      const currency = context.run.currency;
      const rows = page.rows.map((r) => {
        const of = `${r.partner} in ${context.period}`;
        const money = (text: string, what: string) => amount(text, `${of}: ${what} ${groupDigits(text)} ${currency}`);
        return el(
          "tr",
          { className: "clickable", dataset: { partner: r.partner }, on: { click: () => context.openPartner(r.partner) } },
          el("td", { className: "id", text: r.partner }),
          el("td", {}, rankBadge(r.rank)),
          el("td", {}, activeMark(r.active, r.terminated)),
          el("td", { className: "num", text: volumeText(r.personal), title: `${of}: personal volume ${volumeText(r.personal)}` }),
          el("td", { className: "num", text: volumeText(r.group), title: `${of}: group volume ${volumeText(r.group)}` }),
          el("td", { className: "num", text: count(r.entries), title: `${of}: ${plural(r.entries, "ledger entry", "ledger entries")} (click the row to explain them)` }),
          el("td", { className: "num" }, money(r.statement.earned, "earned (the sum of the ledger entries)")),
          el("td", { className: "num" }, money(r.statement.carriedIn, "carried in from the period before")),
          el("td", { className: "num" }, money(r.statement.payout, "paid out")),
          el("td", { className: "num" }, money(r.statement.carriedOut, "carried out into the next period (below the minimum payout, or a negative balance)")),
        );
      });
      replaceChildren(this.body, el("table", { className: "grid statements" }, el("thead", {}, this.header()), el("tbody", {}, ...rows)));
    }
    const last = Math.min(page.offset + PAGE_SIZE, page.total);
    const go = (offset: number) => () => {
      this.offset = offset;
      this.fetch();
    };
    const prev = el("button", { text: "‹ Prev", on: { click: go(Math.max(0, page.offset - PAGE_SIZE)) } });
    const next = el("button", { text: "Next ›", on: { click: go(page.offset + PAGE_SIZE) } });
    prev.disabled = page.offset === 0;
    next.disabled = last >= page.total;
    const filtered = page.total === page.all ? "" : ` (of ${count(page.all)})`;
    replaceChildren(
      this.pager,
      prev,
      el("span", { text: page.total === 0 ? "0 rows" : `rows ${count(page.offset + 1)}–${count(last)} of ${count(page.total)}${filtered}` }),
      next,
    );
  }
}
