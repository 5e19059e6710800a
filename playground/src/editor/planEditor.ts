/**
 * The plan editor: Monaco with the plan language, checked by the real compiler 250 ms after the
 * last keystroke (a warm compile takes well under a millisecond, so it runs on the page; a run
 * never does). Diagnostics become markers and go to the listeners (the problems panel).
 */
import { compilePlan, type Diagnostic, type PlanAst, type PlanIR, type Policy } from "../../../runtime/surface.ts";
import { namesFromAst, type DeclaredNames } from "./completion.ts";
import { toMarkers } from "./markers.ts";
import { quickFixes, type QuickFix } from "./quickFix.ts";
import { PLAN_LANGUAGE_ID } from "./monarch.ts";
import { DARK_THEME, monaco, setupMonaco, THEME } from "./setupMonaco.ts";

export const CHECK_DELAY_MS = 250;
const MARKER_OWNER = "comp-check";

export interface CheckOutcome {
  diagnostics: Diagnostic[];
  /** The plan's name and cancellation policy when it compiled, else null. */
  planName: string | null;
  policy: Policy | null;
  /** The IR when the plan compiled (for the live payout bound), else null. */
  ir: PlanIR | null;
}

export interface PlanEditor {
  getText(): string;
  setText(text: string): void;
  onCheck(listener: (outcome: CheckOutcome) => void): void;
  onChange(listener: () => void): void;
  /** Ctrl/Cmd+Enter inside the editor (the page listens everywhere else). */
  onRunShortcut(listener: () => void): void;
  /** Tab moves focus out of the editor instead of indenting (Monaco's tab focus mode, Ctrl+M); returns the new mode. */
  toggleTabFocus(): boolean;
  tabFocus(): boolean;
  onTabFocusChange(listener: (on: boolean) => void): void;
  setDark(dark: boolean): void;
  focus(): void;
  /** The cursor's line (1-based). */
  cursorLine(): number;
  /** Offset of a bonus's declaration in the text (its level or generation clause when given), from the last check; null when absent. */
  ruleOffset(bonus: string, level: number | null, generation: number | null): number | null;
  reveal(offset: number): void;
  markers(): { message: string; severity: string; code: string; startLineNumber: number; startColumn: number }[];
  tokenize(text: string): { offset: number; type: string }[][];
}

export function createPlanEditor(container: HTMLElement, initialText: string): PlanEditor {
  let lastAst: PlanAst | null = null;
  let lastNames: DeclaredNames = { ranks: [], measures: [] };
  let lastFixes: QuickFix[] = [];
  setupMonaco({ names: () => lastNames, ast: () => lastAst, fixes: () => lastFixes });

  const model = monaco.editor.createModel(initialText, PLAN_LANGUAGE_ID, monaco.Uri.parse("inmemory://plan/plan.plan"));
  const editor = monaco.editor.create(container, {
    model,
    theme: THEME,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    wordBasedSuggestions: "off",
    quickSuggestions: { other: true, comments: false, strings: false },
    renderLineHighlight: "line",
    tabSize: 2,
    fixedOverflowWidgets: true,
    scrollbar: { horizontalScrollbarSize: 8, verticalScrollbarSize: 10 },
  });

  const checkListeners: ((outcome: CheckOutcome) => void)[] = [];
  const tabListeners: ((on: boolean) => void)[] = [];
  let tabFocus = false;
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, () => {
    tabFocus = !tabFocus;
    editor.updateOptions({ tabFocusMode: tabFocus });
    for (const listener of tabListeners) listener(tabFocus);
  });
  const changeListeners: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const check = (): void => {
    timer = null;
    const text = model.getValue();
    const compiled = compilePlan(text);
    lastAst = compiled.ast;
    lastFixes = quickFixes(compiled.diagnostics, text);
    const names = namesFromAst(compiled.ast);
    // Keep the names of the last text that declared any, so completion still offers them while
    // the ranks block is half typed.
    lastNames = {
      ranks: names.ranks.length > 0 ? names.ranks : lastNames.ranks,
      measures: names.measures.length > 0 ? names.measures : lastNames.measures,
    };
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      toMarkers(compiled.diagnostics, text.length).map((m) => {
        const start = model.getPositionAt(m.startOffset);
        const end = model.getPositionAt(m.endOffset);
        return {
          severity: m.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: m.message,
          code: m.code,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        };
      }),
    );
    const outcome = {
      diagnostics: compiled.diagnostics,
      planName: compiled.ir?.name ?? null,
      policy: compiled.ir?.cancellation.policy ?? null,
      ir: compiled.ir,
    };
    for (const listener of checkListeners) listener(outcome);
  };

  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY_MS);
  };
  model.onDidChangeContent(() => {
    schedule();
    for (const listener of changeListeners) listener();
  });
  schedule();

  return {
    getText: () => model.getValue(),
    setText(text) {
      if (text === model.getValue()) return;
      // An edit, not setValue: the text it replaces stays in the undo history (Ctrl+Z brings it back).
      editor.pushUndoStop();
      editor.executeEdits("replace-plan", [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
      editor.pushUndoStop();
      editor.setPosition({ lineNumber: 1, column: 1 });
      editor.revealLine(1);
    },
    onCheck: (listener) => void checkListeners.push(listener),
    onChange: (listener) => void changeListeners.push(listener),
    onRunShortcut(listener) {
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, listener);
    },
    toggleTabFocus() {
      tabFocus = !tabFocus;
      editor.updateOptions({ tabFocusMode: tabFocus });
      for (const listener of tabListeners) listener(tabFocus);
      return tabFocus;
    },
    tabFocus: () => tabFocus,
    onTabFocusChange: (listener) => void tabListeners.push(listener),
    setDark(dark) {
      monaco.editor.setTheme(dark ? DARK_THEME : THEME);
    },
    focus: () => editor.focus(),
    cursorLine: () => editor.getPosition()?.lineNumber ?? 1,
    ruleOffset(bonus, level, generation) {
      const item = lastAst?.items.find((i) => i.kind === "Bonus" && i.title.value === bonus);
      if (!item || item.kind !== "Bonus") return null;
      const clause = item.clauses.find(
        (c) => (c.kind === "Level" && level !== null && c.level.text === String(level)) || (c.kind === "Generation" && generation !== null && c.generation.text === String(generation)),
      );
      return (clause ?? item).span.start;
    },
    reveal(offset) {
      const position = model.getPositionAt(offset);
      editor.revealPositionInCenter(position);
      editor.setPosition(position);
      editor.focus();
    },
    markers: () =>
      monaco.editor.getModelMarkers({ owner: MARKER_OWNER }).map((m) => ({
        message: m.message,
        severity: m.severity === monaco.MarkerSeverity.Error ? "error" : "warning",
        code: typeof m.code === "string" ? m.code : (m.code?.value ?? ""),
        startLineNumber: m.startLineNumber,
        startColumn: m.startColumn,
      })),
    tokenize: (text) =>
      monaco.editor.tokenize(text, PLAN_LANGUAGE_ID).map((line) => line.map((t) => ({ offset: t.offset, type: t.type }))),
  };
}
