/**
 * The playground page: editor on the left, results on the right, pickers on top. Owns the
 * page's state (plan, data source, through, policy, the shown run) and wires the pieces: every
 * run, data load and comparison goes to the workers through the running state, so the page stays
 * responsive and every long job can be cancelled without losing what is on screen. The state is
 * autosaved (persistence.ts) and restored on the next visit; a share link restores it elsewhere.
 */
import { addPeriods, comparePeriods, type Policy } from "../../../runtime/surface.ts";
import { CancelledError, WorkerClient } from "../client/workerClient.ts";
import { el, replaceChildren, setOptions } from "../dom.ts";
import { createPlanEditor } from "../editor/planEditor.ts";
import { GENERATED_SIZES, type DataSource, type DataSummary, type RunReply, type RunSummary } from "../worker/protocol.ts";
import { sourceKey, sourceLabel } from "../worker/dataSources.ts";
import { slug } from "../worker/exports.ts";
import { BoundPanel } from "../analysis/boundPanel.ts";
import { DisclosureView } from "../analysis/disclosureView.ts";
import { PlanDiffView } from "../analysis/planDiffView.ts";
import { CompareView } from "./compareView.ts";
import type { ResultView, RunInputs, ViewContext } from "./context.ts";
import { download } from "./download.ts";
import { ExplainView } from "./explainView.ts";
import { installFileDrop } from "./fileDrop.ts";
import { plural } from "./format.ts";
import { GenealogyView } from "./genealogyView.ts";
import { DataView } from "./dataView.ts";
import { helpDialog } from "./help.ts";
import { KpiView } from "./kpiView.ts";
import { PathsView } from "./pathsView.ts";
import { buildLayout } from "./layout.ts";
import { loadSaved, MAX_SAVED_FILE_CHARS, save, type SavedState } from "./persistence.ts";
import { dataProblemsNotice, messageNotice, planErrorsNotice, renderDiagnostics, runErrorNotice } from "./problems.ts";
import { RunStatus } from "./runStatus.ts";
import { ShareControl, type ViewState } from "./shareControl.ts";
import { StatementsView } from "./statementsView.ts";
import { buildTabs } from "./tabs.ts";
import { buildTopBar, DEFAULT_SEEDS, OPEN_FILE, selectedSource, showSource } from "./topBar.ts";

export interface PlanFile {
  name: string;
  text: string;
}

export const TAB_IDS = ["statements", "explain", "genealogy", "data", "paths", "kpis", "compare", "diff", "disclosure"] as const;
export type TabId = (typeof TAB_IDS)[number];

const CUSTOM_PLAN = "(edited plan)";
const DEFAULT_PLAN = "vitalis-classic.plan";
/** Months offered after the last order month: held and late-paid orders count later. */
const EXTRA_MONTHS = 3;

export function startApp(root: HTMLElement, plans: PlanFile[]): void {
  const bar = buildTopBar(plans.map((p) => p.name));
  const client = new WorkerClient(() => forgetRun("The results were lost: the run worker stopped. Press Run to run again."));
  const status = new RunStatus(bar.run, bar.cancel);
  const explain = new ExplainView();
  const compare = new CompareView({ runJob: (label, job) => status.track(label, job) });
  const paths = new PathsView({ comparison: () => compare.latest(), compare: (context) => compare.compareNow(context) });
  // The data browser works without a run (it browses the chosen data): not a result view.
  const dataView = new DataView();
  const views: Record<Exclude<TabId, "data">, ResultView> = {
    statements: new StatementsView(),
    explain,
    genealogy: new GenealogyView(),
    paths,
    kpis: new KpiView(),
    compare,
    diff: new PlanDiffView({ plans, editorText: () => editor.getText(), runJob: (label, job) => status.track(label, job) }),
    disclosure: new DisclosureView(),
  };
  const labels: Record<TabId, string> = {
    statements: "Statements", explain: "Explain", genealogy: "Genealogy", data: "Data", paths: "Credit paths", kpis: "KPIs", compare: "Compare", diff: "Diff", disclosure: "Disclosure",
  };
  const tabs = buildTabs(
    TAB_IDS.map((id) => ({ id, label: labels[id], panel: id === "data" ? dataView.element : views[id].element })),
    () => {
      showCurrent();
      persist();
    },
  );
  const editorHost = el("div", { className: "editor-host", attrs: { id: "editor" } });
  const problems = el("div", { className: "problems", attrs: { id: "problems" } });
  const tabHint = el("div", { className: "editor-hint", attrs: { id: "tab-hint" } });
  const bound = new BoundPanel();
  const runInfo = el("div", { className: "run-info", attrs: { id: "run-info" }, text: "Press Run (Ctrl+Enter) to run the plan on the chosen data." });
  const period = el("select", { attrs: { "aria-label": "Period shown", id: "period-select" } });
  const periodField = el("label", { className: "field" }, el("span", { className: "field-label", text: "Period" }), period);
  periodField.hidden = true;
  const stale = el("div", { className: "stale-banner", attrs: { id: "stale-banner", role: "status" } });
  stale.hidden = true;
  const notices = el("div", { className: "notices", attrs: { id: "notices" } });
  const popoverHost = el("div", { className: "popover-host" });
  const editorPane = el("section", { className: "editor-pane", attrs: { "aria-label": "Plan editor" } }, editorHost, tabHint, problems, bound.element);
  const resultsPane = el(
    "section",
    { className: "results-pane", attrs: { "aria-label": "Results" } },
    el("div", { className: "results-head" }, runInfo, periodField),
    stale,
    status.element,
    notices,
    tabs.strip,
    tabs.panels,
  );
  const workspace = el("main", { className: "workspace" });
  const layout = buildLayout(workspace, () => persist());
  workspace.append(editorPane, layout.splitter, resultsPane);
  root.append(bar.element, layout.paneSwitch, workspace, popoverHost);

  const saved = loadSaved();
  let source: DataSource = { kind: "generated", size: "tiny", seed: DEFAULT_SEEDS.tiny };
  let fileSource: DataSource | null = null;
  let wantedThrough: string | null = null;
  let data: DataSummary | null = null;
  let run: RunSummary | null = null;
  let shownInputs: (RunInputs & { policy: Policy | null }) | null = null;
  let runNumber = 0;
  /** Tab, partner and period to show once the next run is done (a restored visit or link). */
  let pendingView: ViewState | null = null;
  let savedPlanText: string | null = null;

  const initialPlan = plans.find((p) => p.name === DEFAULT_PLAN)?.text ?? plans[0]?.text ?? "";
  // The autosaved plan is the editor's first text, not an edit on top of the bundled plan: Ctrl+Z
  // right after a reload must not turn a day's work back into vitalis-classic (it did, and the
  // autosave then kept the bundled plan).
  const editor = createPlanEditor(editorHost, saved ? saved.plan : initialPlan);
  editor.onCheck((outcome) => {
    renderDiagnostics(problems, outcome.diagnostics, (offset) => editor.reveal(offset));
    bound.show(outcome.ir);
    const planDefault = bar.policy.options[0];
    if (planDefault) planDefault.textContent = outcome.policy ? `${outcome.policy} (plan)` : "the plan's";
  });
  let persistTimer: ReturnType<typeof setTimeout> | null = null;
  editor.onChange(() => {
    syncPlanSelect();
    markStale();
    if (persistTimer !== null) clearTimeout(persistTimer);
    persistTimer = setTimeout(persist, 300);
  });
  editor.onRunShortcut(() => void runPlan());
  const showTabHint = (on: boolean): void => {
    tabHint.textContent = on
      ? "Tab moves focus out of the editor · Ctrl+M: Tab indents again"
      : "Tab indents · Ctrl+M: let Tab move focus out of the editor (keyboard users)";
  };
  editor.onTabFocusChange(showTabHint);
  showTabHint(false);

  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  editor.setDark(dark.matches);
  dark.addEventListener("change", () => editor.setDark(dark.matches));

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

  /** Edits a plan switch would replace: text that is neither a bundled plan nor what was last downloaded. */
  function hasUnsavedEdits(): boolean {
    const text = editor.getText();
    return !plans.some((p) => p.text === text) && text !== savedPlanText;
  }

  function viewState(): ViewState {
    return { tab: tabs.current(), partner: explain.current() || null, period: run ? period.value || null : null };
  }

  function persist(): void {
    const state: SavedState = {
      plan: editor.getText(),
      source,
      through: bar.through.value || null,
      policy: (bar.policy.value || null) as Policy | null,
      ...viewState(),
      ran: run !== null,
      editorWidth: layout.editorWidth(),
    };
    save(state);
  }
  window.addEventListener("pagehide", persist);

  function context(): ViewContext | null {
    if (!run || !shownInputs) return null;
    return { client, run, inputs: shownInputs, period: period.value || run.through, runNumber, openPartner, openOrder, revealRule, showPeriod };
  }

  function showCurrent(): void {
    const tab = tabs.current();
    if (tab === "data") {
      browseData();
      return;
    }
    const ctx = context();
    if (ctx) views[tab].show(ctx);
  }

  /** The Data tab shows the chosen data, loaded or loading; its ids open in Explain when the shown run used it. */
  function browseData(): void {
    const linked = run !== null && shownInputs !== null && sourceKey(shownInputs.source) === sourceKey(source);
    dataView.browse({ client, dataKey: sourceKey(source), label: sourceLabel(source), openPartner: linked ? openPartner : null });
  }

  function revealRule(bonus: string, level: number | null, generation: number | null): boolean {
    const offset = editor.ruleOffset(bonus, level, generation);
    if (offset === null) return false;
    if (layout.isPhone()) layout.show("editor");
    editor.reveal(offset);
    return true;
  }

  /** Show another period of the run (Explain's per-period line): as if picked in the Period picker. */
  function showPeriod(value: string): void {
    if (![...period.options].some((o) => o.value === value) || period.value === value) return;
    period.value = value;
    period.dispatchEvent(new Event("change"));
  }

  function openOrder(order: string): void {
    paths.open(order);
    tabs.select("paths");
  }

  function openPartner(partner: string): void {
    explain.open(partner);
    tabs.select("explain");
  }

  function forgetRun(message?: string): void {
    run = null;
    shownInputs = null;
    periodField.hidden = true;
    stale.hidden = true;
    for (const view of Object.values(views)) view.reset();
    dataView.reset();
    if (tabs.current() === "data") browseData();
    if (message) notify(messageNotice(message, "error"));
  }

  /** Says so when the shown results no longer match the plan, data, through or policy. */
  function markStale(): void {
    if (!shownInputs) {
      stale.hidden = true;
      resultsPane.classList.remove("stale");
      return;
    }
    const reasons: string[] = [];
    if (shownInputs.planText !== editor.getText()) reasons.push("the plan was edited");
    if (sourceKey(shownInputs.source) !== sourceKey(source)) reasons.push("other data was chosen");
    if ((bar.through.value || null) !== null && bar.through.value !== shownInputs.through) reasons.push("the through period changed");
    if ((bar.policy.value || null) !== shownInputs.policy) reasons.push("the policy changed");
    stale.hidden = reasons.length === 0;
    resultsPane.classList.toggle("stale", reasons.length > 0);
    stale.textContent = `Out of date: ${reasons.join(", ")} since these results were computed. Press Run (Ctrl+Enter) to update them.`;
  }

  function notify(...nodes: HTMLElement[]): void {
    replaceChildren(notices, ...nodes);
  }

  function failureText(error: unknown): string {
    if (error instanceof CancelledError) return run ? "Cancelled. The results shown are those of the last finished run." : "Cancelled.";
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
  async function loadData(): Promise<boolean> {
    const ticket = ++loadTicket;
    data = null;
    updateThroughOptions();
    notify();
    try {
      const reply = await status.track("loading data", (progress) => client.request({ type: "load", source }, progress), false);
      if (ticket !== loadTicket) return false; // the user picked other data meanwhile
      if (reply.kind === "loaded") {
        data = reply.data;
        updateThroughOptions();
        notify(messageNotice(describeData(reply.data)));
        return true;
      }
      notify(dataProblemsNotice(reply.problems, false, source));
    } catch (error) {
      if (ticket === loadTicket) notify(messageNotice(failureText(error), error instanceof CancelledError ? "info" : "error"));
    }
    return false;
  }

  function setSource(next: DataSource): Promise<boolean> {
    source = next;
    showSource(bar, next);
    markStale();
    persist();
    const loaded = loadData(); // the load request is on its way: a records request queues behind it
    if (tabs.current() === "data") browseData();
    return loaded;
  }

  async function runPlan(): Promise<void> {
    if (status.running) return;
    notify();
    const previousInfo = runInfo.textContent;
    if (!run) runInfo.textContent = "Running…";
    const through = bar.through.value || null;
    const policy = (bar.policy.value || null) as Policy | null;
    const planText = editor.getText();
    const runSource = source;
    let reply: RunReply;
    try {
      reply = await status.track("running", (progress) => client.request({ type: "run", planText, source: runSource, through, policy }, progress));
    } catch (error) {
      runInfo.textContent = run ? previousInfo : "No run.";
      notify(messageNotice(failureText(error), error instanceof CancelledError ? "info" : "error"));
      return;
    }
    if (reply.kind === "done") shownInputs = { planText, source: runSource, through: reply.run.through, policy };
    showReply(reply);
  }

  function showReply(reply: RunReply): void {
    switch (reply.kind) {
      case "done": {
        run = reply.run;
        runNumber++;
        data = reply.run.data;
        for (const view of Object.values(views)) view.reset();
        const wanted = pendingView?.period;
        setOptions(period, reply.run.periods.map((p) => ({ value: p.period, label: `${p.period} (as of ${p.asOf})` })), reply.run.through);
        if (wanted && reply.run.periods.some((p) => p.period === wanted)) period.value = wanted;
        periodField.hidden = false;
        runInfo.textContent = `${reply.run.plan} · policy ${reply.run.policy} · ${reply.run.data.label} · ${plural(reply.run.data.partners, "partner")} · through ${reply.run.through}`;
        markStale();
        if (layout.isPhone()) layout.show("results");
        const view = pendingView;
        pendingView = null;
        if (view?.partner) explain.open(view.partner);
        const tab = TAB_IDS.find((t) => t === view?.tab);
        if (tab && tab !== tabs.current()) tabs.select(tab);
        else showCurrent();
        persist();
        return;
      }
      case "plan-errors":
        if (!run) runInfo.textContent = "Not run: the plan has errors.";
        notify(planErrorsNotice(reply.diagnostics, (offset) => editor.reveal(offset)));
        return;
      case "data-problems":
        if (!run) runInfo.textContent = "Not run: the data has problems.";
        notify(dataProblemsNotice(reply.problems, reply.againstPlan, source));
        return;
      case "run-error":
        if (!run) runInfo.textContent = "Run refused.";
        notify(runErrorNotice(reply.error));
        return;
      default: {
        const unknown: never = reply;
        return unknown;
      }
    }
  }

  function downloadPlan(): void {
    const text = editor.getText();
    const name = /^\s*plan\s+"([^"]*)"/m.exec(text)?.[1] ?? "plan";
    download(`${slug(name)}.plan`, [text], "text/plain;charset=utf-8");
    savedPlanText = text;
  }

  const shareControl = new ShareControl(popoverHost, bar.share);
  async function restoreShared(hash: string): Promise<void> {
    const decoded = await shareControl.decode(hash);
    if (!decoded.ok) {
      notify(messageNotice(decoded.message, "error"));
      return;
    }
    const { state } = decoded;
    editor.setText(state.plan);
    wantedThrough = state.through;
    bar.policy.value = state.policy ?? "";
    const loaded = await setSource(state.data ?? source);
    if (state.view) {
      pendingView = state.view;
      if (loaded) await runPlan();
    }
  }

  bar.plan.addEventListener("change", () => {
    const plan = plans.find((p) => p.name === bar.plan.value);
    if (!plan) return;
    if (hasUnsavedEdits() && !window.confirm(`Replace your edited plan with ${plan.name}? Your edits are autosaved only as the current plan; Ctrl+Z in the editor brings them back.`)) {
      syncPlanSelect();
      return;
    }
    editor.setText(plan.text);
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
    if (next) void setSource(next);
  });
  bar.open.addEventListener("click", () => bar.fileInput.click());
  bar.seed.addEventListener("change", () => {
    const next = selectedSource(bar, fileSource);
    if (next) void setSource(next);
  });
  const useDataFile = (name: string, text: string): void => {
    fileSource = { kind: "file", name, text };
    void setSource(fileSource);
  };
  bar.fileInput.addEventListener("change", () => {
    const file = bar.fileInput.files?.[0];
    bar.fileInput.value = "";
    if (file) file.text().then((text) => useDataFile(file.name, text), (e: unknown) => notify(messageNotice(failureText(e), "error")));
  });
  bar.through.addEventListener("change", () => {
    wantedThrough = bar.through.value || null;
    markStale();
    persist();
  });
  bar.policy.addEventListener("change", () => {
    markStale();
    persist();
  });
  bar.run.addEventListener("click", () => void runPlan());
  bar.cancel.addEventListener("click", () => client.cancel());
  bar.savePlan.addEventListener("click", downloadPlan);
  bar.help.addEventListener("click", () => replaceChildren(popoverHost, helpDialog(() => closePopover(bar.help))));
  bar.share.addEventListener("click", () =>
    void shareControl
      .share({ plan: editor.getText(), data: source.kind === "file" ? null : source, through: bar.through.value || null, policy: (bar.policy.value || null) as Policy | null, view: run ? viewState() : null }, source.kind === "file")
      .catch((e: unknown) => notify(messageNotice(failureText(e), "error"))),
  );
  period.addEventListener("change", () => {
    showCurrent();
    persist();
  });
  window.addEventListener("hashchange", () => {
    if (ShareControl.isShareHash(location.hash)) void restoreShared(location.hash);
  });
  function closePopover(focusBack: HTMLElement): void {
    replaceChildren(popoverHost);
    focusBack.focus();
  }
  // Shortcuts that work wherever the focus is (the editor has its own Ctrl+Enter too).
  window.addEventListener(
    "keydown",
    (event) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key === "Enter") {
        event.preventDefault();
        void runPlan();
      } else if (mod && (event.key === "s" || event.key === "S")) {
        event.preventDefault();
        downloadPlan();
      } else if (event.key === "Escape" && popoverHost.firstChild) {
        event.preventDefault();
        closePopover(popoverHost.querySelector("[data-opener=help]") ? bar.help : bar.share);
      }
    },
    true,
  );
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
    cursorLine: () => editor.cursorLine(),
  };

  syncPlanSelect();
  for (const view of Object.values(views)) view.reset();
  if (ShareControl.isShareHash(location.hash)) void restoreShared(location.hash);
  else if (saved) {
    wantedThrough = saved.through;
    bar.policy.value = saved.policy ?? "";
    if (saved.editorWidth !== null) layout.setEditorWidth(saved.editorWidth);
    if (saved.source?.kind === "file") fileSource = saved.source;
    pendingView = { tab: saved.tab, partner: saved.partner, period: saved.period };
    void setSource(saved.source ?? source).then((loaded) => {
      // The day's data file was too large for the browser's storage: say so rather than show a
      // run of other data as if it were the one from last time.
      if (saved.fileNotKept !== null) {
        pendingView = null;
        notify(messageNotice(`Your data file ${saved.fileNotKept} was too large to keep in this browser between visits (over ${MAX_SAVED_FILE_CHARS.toLocaleString("en")} characters): open it again (Open…) to see its results. The plan is as you left it; ${sourceLabel(source)} is loaded meanwhile.`));
        return;
      }
      if (loaded && saved.ran) void runPlan();
      else pendingView = null;
    });
  } else void setSource(source);
}

function describeData(d: DataSummary): string {
  const periods = d.orderPeriods.length > 0 ? `orders ${d.orderPeriods[0]} – ${d.orderPeriods[d.orderPeriods.length - 1]}` : "no orders";
  return `Data: ${d.label} — ${plural(d.partners, "partner")}, ${plural(d.customers, "customer")}, ${plural(d.orders, "order")}, ${plural(d.splits, "split agreement")}, ${plural(d.cancellations, "cancellation")}; ${periods}.`;
}
