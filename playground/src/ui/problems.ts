/**
 * Lists of what is wrong: the checker's diagnostics under the editor (click to jump), and the
 * data problems or run refusal that stopped a run — every data problem with its JSON path, id
 * and message, shown a thousand at a time so a badly broken 100k file cannot freeze the page.
 */
import type { Diagnostic, RunError } from "../../../runtime/surface.ts";
import { el, replaceChildren } from "../dom.ts";
import type { DataSource, ShownDataProblem } from "../worker/protocol.ts";
import { plural } from "./format.ts";
import { count } from "./widgets.ts";

export function renderDiagnostics(panel: HTMLElement, diagnostics: readonly Diagnostic[], reveal: (offset: number) => void): void {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const title =
    diagnostics.length === 0
      ? el("div", { className: "problems-title ok", text: "✓ No problems: the plan compiles." })
      : el("div", { className: "problems-title", text: `Problems: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}` });
  const items = diagnostics.map((d) =>
    el(
      "li",
      { className: `problem ${d.severity}`, dataset: { code: d.code }, on: { click: () => reveal(d.span.start) } },
      el("span", { className: "where", text: `${d.span.line}:${d.span.column}` }),
      el("span", { className: "code", text: d.code }),
      el("span", { className: "message", text: d.message }),
      d.suggestion ? el("span", { className: "suggestion", text: d.suggestion }) : "",
    ),
  );
  replaceChildren(panel, title, el("ul", { className: "problem-list" }, ...items));
}

const CHUNK = 1000;

/** A problem with its line and the record it is about, as JSON text (the worker adds them: the page never holds the whole data). */
export type ShownProblem = ShownDataProblem;

export function dataProblemsNotice(problems: readonly ShownProblem[], againstPlan: boolean, source?: DataSource): HTMLElement {
  const tbody = el("tbody");
  const more = el("button", { className: "link" });
  let shown = 0;
  const showMore = (): void => {
    const next = problems.slice(shown, shown + CHUNK);
    tbody.append(
      ...next.map((p) =>
        el(
          "tr",
          {},
          el("td", { className: "num line", text: p.line === undefined ? "" : String(p.line) }),
          el("td", { className: "id", text: p.path || "(document)" }),
          el("td", { className: "id", text: p.id ?? "" }),
          el("td", { className: "wrap message", text: p.message }),
          el("td", { className: "wrap" }, p.record ? el("pre", { className: "record", text: p.record }) : ""),
        ),
      ),
    );
    shown += next.length;
    more.textContent = `show ${count(Math.min(CHUNK, problems.length - shown))} more of ${count(problems.length - shown)}`;
    more.hidden = shown >= problems.length;
  };
  more.addEventListener("click", showMore);
  showMore();
  const n = problems.length;
  const where = source?.kind === "file" ? ` (${source.name})` : "";
  const headline = againstPlan
    ? `The data${where} does not fit the plan: ${plural(n, "problem")}. Nothing was computed.`
    : `The data${where} has ${plural(n, "problem")}, all listed below. Nothing was computed.`;
  return el(
    "div",
    { className: "notice notice-error data-problems" },
    el("div", { className: "notice-title", text: headline }),
    el(
      "div",
      { className: "table-wrap notice-table" },
      el("table", { className: "grid compact" }, el("thead", {}, el("tr", {}, el("th", { className: "num", text: "Line", title: "the line of the file the record starts on" }), el("th", { text: "Path" }), el("th", { text: "Id" }), el("th", { text: "Problem" }), el("th", { text: "Record at fault" }))), tbody),
    ),
    more,
  );
}

export function runErrorNotice(error: RunError): HTMLElement {
  return el(
    "div",
    { className: "notice notice-error run-error" },
    el("div", { className: "notice-title", text: `Run refused (${error.code})` }),
    el("div", { text: error.message }),
    error.details.length > 0 ? el("ul", {}, ...error.details.map((d) => el("li", { text: d }))) : "",
  );
}

export function planErrorsNotice(diagnostics: readonly Diagnostic[], reveal: (offset: number) => void): HTMLElement {
  const n = diagnostics.length;
  return el(
    "div",
    { className: "notice notice-error plan-errors" },
    el("div", { className: "notice-title", text: `The plan has ${n} error${n === 1 ? "" : "s"}; fix ${n === 1 ? "it" : "them"} in the editor (listed under it) and run again.` }),
    el("ul", {}, ...diagnostics.slice(0, 20).map((d) => el("li", {}, el("button", { className: "link", text: `${d.span.line}:${d.span.column}`, on: { click: () => reveal(d.span.start) } }), ` ${d.code}: ${d.message}`))),
  );
}

export function messageNotice(text: string, kind: "info" | "error" = "info"): HTMLElement {
  return el("div", { className: `notice notice-${kind}`, text });
}
