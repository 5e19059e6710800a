/**
 * The workspace layout: a draggable splitter between editor and results (mouse, touch, or the
 * arrow keys when it has focus; the position is remembered), and on a phone-sized screen one
 * pane at a time with a switch between Editor and Results.
 */
import { el } from "../dom.ts";

export const PHONE_QUERY = "(max-width: 760px)";
const MIN = 0.2;
const MAX = 0.8;
const STEP = 0.02;

export type Pane = "editor" | "results";

export interface Layout {
  splitter: HTMLElement;
  paneSwitch: HTMLElement;
  /** The editor's share of the width (0..1). */
  editorWidth(): number;
  setEditorWidth(fraction: number): void;
  show(pane: Pane): void;
  isPhone(): boolean;
}

export function buildLayout(workspace: HTMLElement, onResize: (fraction: number) => void): Layout {
  let fraction = 0.41;
  const splitter = el("div", {
    className: "splitter",
    attrs: { role: "separator", "aria-orientation": "vertical", "aria-label": "Resize editor and results", tabindex: "0", id: "splitter", "aria-valuemin": "20", "aria-valuemax": "80" },
  });
  const apply = (next: number, notify = true): void => {
    fraction = Math.min(MAX, Math.max(MIN, next));
    workspace.style.setProperty("--editor-width", `${(fraction * 100).toFixed(2)}%`);
    splitter.setAttribute("aria-valuenow", String(Math.round(fraction * 100)));
    if (notify) onResize(fraction);
  };
  splitter.addEventListener("pointerdown", (event) => {
    event.preventDefault();
    splitter.setPointerCapture(event.pointerId);
    workspace.classList.add("resizing");
    const box = workspace.getBoundingClientRect();
    const moveTo = (e: PointerEvent): void => apply((e.clientX - box.left) / box.width);
    const stop = (): void => {
      workspace.classList.remove("resizing");
      splitter.removeEventListener("pointermove", moveTo);
      splitter.removeEventListener("pointerup", stop);
      splitter.removeEventListener("pointercancel", stop);
    };
    splitter.addEventListener("pointermove", moveTo);
    splitter.addEventListener("pointerup", stop);
    splitter.addEventListener("pointercancel", stop);
  });
  splitter.addEventListener("keydown", (event) => {
    const delta = event.key === "ArrowLeft" ? -STEP : event.key === "ArrowRight" ? STEP : 0;
    if (delta === 0) return;
    event.preventDefault();
    apply(fraction + delta);
  });
  apply(fraction, false);

  const phone = window.matchMedia(PHONE_QUERY);
  const editorButton = el("button", { text: "Editor", attrs: { id: "show-editor", "aria-pressed": "true" } });
  const resultsButton = el("button", { text: "Results", attrs: { id: "show-results", "aria-pressed": "false" } });
  const paneSwitch = el("div", { className: "pane-switch", attrs: { role: "group", "aria-label": "Show" } }, editorButton, resultsButton);
  const show = (pane: Pane): void => {
    workspace.dataset.pane = pane;
    editorButton.setAttribute("aria-pressed", String(pane === "editor"));
    resultsButton.setAttribute("aria-pressed", String(pane === "results"));
  };
  editorButton.addEventListener("click", () => show("editor"));
  resultsButton.addEventListener("click", () => show("results"));
  show("editor");
  return { splitter, paneSwitch, editorWidth: () => fraction, setEditorWidth: (f) => apply(f, false), show, isPhone: () => phone.matches };
}
