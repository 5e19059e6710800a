/**
 * The playground page: editor on the left, results on the right, pickers on top. Owns the
 * page's state (plan, data source, through, policy, the finished run) and wires the pieces:
 * every run, data load and comparison goes to the worker through the running state, so the page
 * stays responsive and every long job can be cancelled.
 */
import type { Policy } from "../../../core/ir.ts";
import { CancelledError, WorkerClient } from "../client/workerClient.ts";
import { el, replaceChildren, setOptions } from "../dom.ts";
import { createPlanEditor } from "../editor/planEditor.ts";
import { decodeShare, encodeShare, isShareHash, type SharedState } from "../share/shareLink.ts";
import { sharePopover } from "../share/sharePopover.ts";
import { addPeriods, comparePeriods } from "../../../core/dates.ts";
import { GENERATED_SIZES, type DataSource, type DataSummary, type RunReply, type RunSummary } from "../worker/protocol.ts";
import { CompareView } from "./compareView.ts";
import type { ResultView, ViewContext } from "./context.ts";
import { ExplainView } from "./explainView.ts";
import { installFileDrop } from "./fileDrop.ts";
import { GenealogyView } from "./genealogyView.ts";
import { KpiView } from "./kpiView.ts";
import { dataProblemsNotice, messageNotice, planErrorsNotice, renderDiagnostics, runErrorNotice } from "./problems.ts";
import { RunStatus } from "./runStatus.ts";
import { StatementsView } from "./statementsView.ts";
import { buildTabs } from "./tabs.ts";
import { buildTopBar, DEFAULT_SEEDS, OPEN_FILE, selectedSource, showSource } from "./topBar.ts";
import { count } from "./widgets.ts";

export interface PlanFile {
  name: string;
  text: string;
}

type TabId = "statements" | "explain" | "genealogy" | "kpis" | "compare";

const CUSTOM_PLAN = "(edited plan)";
const DEFAULT_PLAN = "vitalis-classic.plan";
/** Months offered after the last order month: held and late-paid orders count later. */
const EXTRA_MONTHS = 3;

export function startApp(root: HTMLElement, plans: PlanFile[]): void {
  const bar = buildTopBar(plans.map((p) => p.name));
  const client = new WorkerClient(() => forgetRun());
  const status = new RunStatus(bar.run, bar.cancel);
  const explain = new ExplainView();
  const views: Record<TabId, ResultView> = {
    statements: new StatementsView(),
    explain,
    genealogy: new GenealogyView(),
    kpis: new KpiView(),
    compare: new CompareView({ runJob: (label, job) => status.track(label, job) }),
  };
  const labels: Record<TabId, string> = { statements: "Statements", explain: "Explain", genealogy: "Genealogy", kpis: "KPIs", compare: "Compare" };
  const tabs = buildTabs(
    (Object.keys(views) as TabId[]).map((id) => ({ id, label: labels[id], panel: views[id].element })),
    () => showCurrent(),
  );
  const editorHost = el("div", { className: "editor-host", attrs: { id: "editor" } });
  const problems = el("div", { className: "problems", attrs: { id: "problems" } });
  const runInfo = el("div", { className: "run-info", attrs: { id: "run-info" }, text: "Press Run (Ctrl+Enter) to run the plan on the chosen data." });
  const period = el("select", { attrs: { "aria-label": "Period shown", id: "period-select" } });
  const periodField = el("label", { className: "field" }, el("span", { className: "field-label", text: "Period" }), period);
  periodField.hidden = true;
  const notices = el("div", { className: "notices", attrs: { id: "notices" } });
  const popoverHost = el("div", { className: "popover-host" });
  root.append(
    bar.element,
    el(
      "main",
      { className: "workspace" },
      el("section", { className: "editor-pane" }, editorHost, problems),
      el("section", { className: "results-pane" }, el("div", { className: "results-head" }, runInfo, periodField), status.element, notices, tabs.strip, tabs.panels),
    ),
    popoverHost,
  );

  let source: DataSource = { kind: "generated", size: "tiny", seed: DEFAULT_SEEDS.tiny };
  let fileSource: DataSource | null = null;
  let wantedThrough: string | null = null;
  let data: DataSummary | null = null;
  let run: RunSummary | null = null;
  let runNumber = 0;

  const editor = createPlanEditor(editorHost, plans.find((p) => p.name === DEFAULT_PLAN)?.text ?? plans[0]?.text ?? "");
  editor.onCheck((outcome) => {
    renderDiagnostics(problems, outcome.diagnostics, (offset) => editor.reveal(offset));
    const planDefault = bar.policy.options[0];
    if (planDefault) planDefault.textContent = outcome.policy ? `${outcome.policy} (plan)` : "the plan's";
  });
  editor.onChange(() => syncPlanSelect());
  editor.onRunShortcut(() => void runPlan());

  function syncPlanSelect(): void {
    const text = editor.getText();
    const match = plans.find((p) => p.text === text);
    if (match) {
      bar.plan.querySelector(`option[value="${CSS.escape(CUSTOM_PLAN)}"]`)?.remove();
      bar.plan.value = match.name;
    } else {
      setOptions(bar.plan, [...plans.map((p) => ({ value: p.name, label: p.name })), { value: CUSTOM_PLAN, label: CUSTOM_PLAN }], CUSTOM_PLAN);
    }
  }

  function context(): ViewContext | null {
    if (!run) return null;
    return { client, run, period: period.value || run.through, runNumber, openPartner };
  }

  function showCurrent(): void {
    const ctx = context();
    if (ctx) views[tabs.current()].show(ctx);
  }

  function openPartner(partner: string): void {
    explain.open(partner);
    tabs.select("explain");
  }

  function forgetRun(): void {
    run = null;
    periodField.hidden = true;
    for (const view of Object.values(views)) view.reset();
  }

  function notify(...nodes: HTMLElement[]): void {
    replaceChildren(notices, ...nodes);
  }

  function failureText(error: unknown): string {
    if (error instanceof CancelledError) return "Cancelled. The worker was restarted; press Run to start again.";
    return error instanceof Error ? error.message : String(error);
  }

  function updateThroughOptions(): void {
    const periods = data?.orderPeriods ?? [];
    const last = data?.lastOrderPeriod ?? null;
    const extra = last ? Array.from({ length: EXTRA_MONTHS }, (_, i) => addPeriods(last, i + 1)) : [];
    const all = [...periods, ...extra];
    if (wantedThrough && !all.includes(wantedThrough)) all.push(wantedThrough);
    all.sort(comparePeriods);
    setOptions(bar.through, [{ value: "", label: last ? `auto: ${last}` : "auto" }, ...all.map((p) => ({ value: p, label: p }))], wantedThrough ?? "");
  }

  let loadTicket = 0;
  async function loadData(): Promise<void> {
    const ticket = ++loadTicket;
    data = null;
    updateThroughOptions();
    notify();
    try {
      const reply = await status.track("loading data", (progress) => client.request({ type: "load", source }, progress), false);
      if (ticket !== loadTicket) return; // the user picked other data meanwhile
      if (reply.kind === "loaded") {
        data = reply.data;
        updateThroughOptions();
        notify(messageNotice(describeData(reply.data)));
      } else {
        notify(dataProblemsNotice(reply.problems, false));
      }
    } catch (error) {
      if (ticket === loadTicket) notify(messageNotice(failureText(error), error instanceof CancelledError ? "info" : "error"));
    }
  }

  function setSource(next: DataSource): void {
    source = next;
    showSource(bar, next);
    void loadData();
  }

  async function runPlan(): Promise<void> {
    if (status.running) return;
    forgetRun();
    notify();
    runInfo.textContent = "Running…";
    const through = bar.through.value || null;
    const policy = (bar.policy.value || null) as Policy | null;
    let reply: RunReply;
    try {
      reply = await status.track("running", (progress) =>
        client.request({ type: "run", planText: editor.getText(), source, through, policy }, progress),
      );
    } catch (error) {
      runInfo.textContent = "No run.";
      notify(messageNotice(failureText(error), error instanceof CancelledError ? "info" : "error"));
      return;
    }
    showReply(reply);
  }

  function showReply(reply: RunReply): void {
    switch (reply.kind) {
      case "done": {
        run = reply.run;
        runNumber++;
        data = reply.run.data;
        setOptions(period, reply.run.periods.map((p) => ({ value: p.period, label: `${p.period} (as of ${p.asOf})` })), reply.run.through);
        periodField.hidden = false;
        runInfo.textContent = `${reply.run.plan} · policy ${reply.run.policy} · ${reply.run.data.label} · ${count(reply.run.data.partners)} partners · through ${reply.run.through}`;
        showCurrent();
        return;
      }
      case "plan-errors":
        runInfo.textContent = "Not run: the plan has errors.";
        notify(planErrorsNotice(reply.diagnostics));
        return;
      case "data-problems":
        runInfo.textContent = "Not run: the data has problems.";
        notify(dataProblemsNotice(reply.problems, reply.againstPlan));
        return;
      case "run-error":
        runInfo.textContent = "Run refused.";
        notify(runErrorNotice(reply.error));
        return;
      default: {
        const unknown: never = reply;
        return unknown;
      }
    }
  }

  async function share(): Promise<void> {
    const state: SharedState = {
      plan: editor.getText(),
      data: source.kind === "file" ? null : source,
      through: bar.through.value || null,
      policy: (bar.policy.value || null) as Policy | null,
    };
    const hash = await encodeShare(state);
    history.replaceState(null, "", `#${hash}`);
    let copied = false;
    try {
      await navigator.clipboard.writeText(location.href);
      copied = true;
    } catch {
      copied = false; // no clipboard permission (e.g. an insecure origin): the field is selected instead
    }
    const note = source.kind === "file" ? "Your own data file is not part of the link: whoever opens it gets the tiny sample." : null;
    replaceChildren(popoverHost, sharePopover(location.href, copied, note, () => replaceChildren(popoverHost)));
  }

  async function restore(hash: string): Promise<void> {
    const decoded = await decodeShare(hash);
    if (!decoded.ok) {
      notify(messageNotice(decoded.message, "error"));
      return;
    }
    const { state } = decoded;
    editor.setText(state.plan);
    wantedThrough = state.through;
    bar.policy.value = state.policy ?? "";
    setSource(state.data ?? source);
  }

  bar.plan.addEventListener("change", () => {
    const plan = plans.find((p) => p.name === bar.plan.value);
    if (plan) editor.setText(plan.text);
  });
  bar.data.addEventListener("change", () => {
    if (bar.data.value === OPEN_FILE) {
      showSource(bar, source); // until a file is picked, the select keeps naming the current data
      bar.fileInput.click();
      return;
    }
    // A different sample size starts from its own default seed.
    const size = GENERATED_SIZES.find((s) => `gen:${s}` === bar.data.value);
    if (size && !(source.kind === "generated" && source.size === size)) bar.seed.value = String(DEFAULT_SEEDS[size]);
    const next = selectedSource(bar, fileSource);
    if (next) setSource(next);
  });
  bar.open.addEventListener("click", () => bar.fileInput.click());
  bar.seed.addEventListener("change", () => {
    const next = selectedSource(bar, fileSource);
    if (next) setSource(next);
  });
  const useDataFile = (name: string, text: string): void => {
    fileSource = { kind: "file", name, text };
    setSource(fileSource);
  };
  bar.fileInput.addEventListener("change", () => {
    const file = bar.fileInput.files?.[0];
    bar.fileInput.value = "";
    if (file) file.text().then((text) => useDataFile(file.name, text), (e: unknown) => notify(messageNotice(failureText(e), "error")));
  });
  bar.through.addEventListener("change", () => {
    wantedThrough = bar.through.value || null;
  });
  bar.run.addEventListener("click", () => void runPlan());
  bar.cancel.addEventListener("click", () => client.cancel());
  bar.share.addEventListener("click", () => void share().catch((e: unknown) => notify(messageNotice(failureText(e), "error"))));
  period.addEventListener("change", () => showCurrent());
  window.addEventListener("hashchange", () => {
    if (isShareHash(location.hash)) void restore(location.hash);
  });
  installFileDrop(document.body, {
    plan: (_name, text) => editor.setText(text),
    data: useDataFile,
    error: (message) => notify(messageNotice(message, "error")),
  });

  // A hook for the browser tests and for curious users in the console; read-only views plus setText.
  (window as unknown as { compPlayground: unknown }).compPlayground = {
    getText: () => editor.getText(),
    setText: (text: string) => editor.setText(text),
    markers: () => editor.markers(),
    tokenize: (text: string) => editor.tokenize(text),
  };

  syncPlanSelect();
  for (const view of Object.values(views)) view.reset();
  if (isShareHash(location.hash)) void restore(location.hash);
  else setSource(source);
}

function describeData(d: DataSummary): string {
  const periods = d.orderPeriods.length > 0 ? `orders ${d.orderPeriods[0]} – ${d.orderPeriods[d.orderPeriods.length - 1]}` : "no orders";
  return `Data: ${d.label} — ${count(d.partners)} partners, ${count(d.customers)} customers, ${count(d.orders)} orders, ${count(d.splits)} split agreements, ${count(d.cancellations)} cancellations; ${periods}.`;
}
