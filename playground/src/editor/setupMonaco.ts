/**
 * Monaco, imported lean (toolchain.md): the editor core plus only the contributions a plan
 * editor needs — no TypeScript, CSS, HTML or JSON language services, which the full bundle
 * always ships. Registers the plan language (tokens generated from TOKEN_INFO), completion,
 * hover and a light theme.
 */
import * as monaco from "monaco-editor/editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
// Quick fixes (did-you-mean): the light bulb and Ctrl+. (Ctrl+M for Tab focus is planEditor's own command).
import "monaco-editor/features/codeAction/register";
// features/suggest/register only brings the inline-completion part; the suggest widget itself
// (the completion list) is this contribution.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import type { PlanAst } from "../../../runtime/surface.ts";
import { completionsAt, type CompletionKind, type DeclaredNames } from "./completion.ts";
import { hoverFor } from "./hover.ts";
import type { QuickFix } from "./quickFix.ts";
import { buildMonarchLanguage, PLAN_LANGUAGE_ID } from "./monarch.ts";

export { monaco };

/** What the providers need to know about the text being edited, kept fresh by the editor. */
export interface LanguageContext {
  names(): DeclaredNames;
  ast(): PlanAst | null;
  fixes(): QuickFix[];
}

export const THEME = "comp-light";
export const DARK_THEME = "comp-dark";

let registered = false;

export function setupMonaco(context: LanguageContext): void {
  if (registered) return;
  registered = true;
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    getWorker: () => new EditorWorker(),
  };
  monaco.languages.register({ id: PLAN_LANGUAGE_ID, extensions: [".plan"], aliases: ["Comp plan"] });
  monaco.languages.setMonarchTokensProvider(PLAN_LANGUAGE_ID, buildMonarchLanguage());
  monaco.languages.setLanguageConfiguration(PLAN_LANGUAGE_ID, {
    comments: { lineComment: "#" },
    brackets: [
      ["{", "}"],
      ["(", ")"],
    ],
    autoClosingPairs: [
      { open: "{", close: "}" },
      { open: "(", close: ")" },
      { open: '"', close: '"', notIn: ["string", "comment"] },
    ],
    // Words include hyphens, as in the lexer: `half-up`, `previous-rank`.
    wordPattern: /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*|\d+(?:\.\d+)?%?/,
  });
  monaco.languages.registerCompletionItemProvider(PLAN_LANGUAGE_ID, {
    triggerCharacters: [" ", "(", ","],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const items = completionsAt(model.getValue(), model.getOffsetAt(position), context.names());
      return {
        suggestions: items.map((c) => ({
          label: c.label,
          kind: completionKind(c.kind),
          detail: c.detail,
          insertText: c.label,
          sortText: c.sortText,
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(PLAN_LANGUAGE_ID, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const lines = hoverFor(word.word, context.ast());
      if (!lines) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        // Our own sentences from TOKEN_INFO; never rendered as HTML.
        contents: lines.map((value) => ({ value, supportHtml: false, isTrusted: false })),
      };
    },
  });
  monaco.languages.registerCodeActionProvider(PLAN_LANGUAGE_ID, {
    provideCodeActions(model, range, actionContext) {
      const from = model.getOffsetAt(range.getStartPosition());
      const to = model.getOffsetAt(range.getEndPosition());
      const actions = context
        .fixes()
        .filter((f) => f.start <= to && f.end >= from)
        .map((f): monaco.languages.CodeAction => {
          const start = model.getPositionAt(f.start);
          const end = model.getPositionAt(f.end);
          const editRange = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
          return {
            title: f.title,
            kind: "quickfix",
            isPreferred: true,
            diagnostics: actionContext.markers.filter((m) => monaco.Range.areIntersectingOrTouching(m, editRange)),
            edit: { edits: [{ resource: model.uri, textEdit: { range: editRange, text: f.replacement }, versionId: model.getVersionId() }] },
          };
        });
      return { actions, dispose: () => {} };
    },
  });
  monaco.editor.defineTheme(THEME, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "keyword", foreground: "0000c8", fontStyle: "bold" },
      { token: "identifier", foreground: "1f1f1f" },
      { token: "string", foreground: "a31515" },
      { token: "number", foreground: "098658" },
      { token: "number.percent", foreground: "098658" },
      { token: "comment", foreground: "6a737d", fontStyle: "italic" },
      { token: "operator", foreground: "795e26" },
      { token: "delimiter", foreground: "444444" },
      { token: "invalid", foreground: "cd3131", fontStyle: "underline" },
    ],
    colors: { "editor.lineHighlightBackground": "#f5f7fa" },
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "keyword", foreground: "7aa2f7", fontStyle: "bold" },
      { token: "identifier", foreground: "d4d4d4" },
      { token: "string", foreground: "ce9178" },
      { token: "number", foreground: "b5cea8" },
      { token: "number.percent", foreground: "b5cea8" },
      { token: "comment", foreground: "8b949e", fontStyle: "italic" },
      { token: "operator", foreground: "dcdcaa" },
      { token: "delimiter", foreground: "c0c0c0" },
      { token: "invalid", foreground: "f48771", fontStyle: "underline" },
    ],
    colors: { "editor.background": "#1b1f24", "editor.lineHighlightBackground": "#22272e" },
  });
}

function completionKind(kind: CompletionKind): monaco.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  switch (kind) {
    case "keyword":
      return K.Keyword;
    case "bonusKind":
      return K.Class;
    case "rank":
      return K.EnumMember;
    case "measure":
      return K.Variable;
    case "figure":
      return K.Field;
    case "value":
      return K.Value;
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}
