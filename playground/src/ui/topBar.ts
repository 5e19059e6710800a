/**
 * The top bar: plan and data pickers, seed, through period, policy, Run / Cancel and Share.
 * It only builds the controls and translates between them and a DataSource; the app wires the
 * behaviour.
 */
import type { Policy } from "../../../runtime/surface.ts";
import { el, option } from "../dom.ts";
import { GENERATED_SIZES, SCENARIO_NAMES, type DataSource, type GeneratedSize, type ScenarioName } from "../worker/protocol.ts";

export const DEFAULT_SEEDS: Record<GeneratedSize, number> = { tiny: 192, "1k": 1000, "10k": 7, "100k": 7 };

const SIZE_LABELS: Record<GeneratedSize, string> = {
  tiny: "tiny (12 partners)",
  "1k": "1k partners",
  "10k": "10k partners",
  "100k": "100k partners (slow)",
};

const SCENARIO_LABELS: Record<ScenarioName, string> = {
  "stage-speaker": "stage-speaker (splits)",
  "late-cancel": "late-cancel (clawbacks)",
  small: "small (200)",
  "team-1k": "team-1k (1,000)",
};

export const OPEN_FILE = "open-file";
const FILE_VALUE = "file";

export interface TopBar {
  element: HTMLElement;
  plan: HTMLSelectElement;
  data: HTMLSelectElement;
  seed: HTMLInputElement;
  fileInput: HTMLInputElement;
  open: HTMLButtonElement;
  through: HTMLSelectElement;
  policy: HTMLSelectElement;
  run: HTMLButtonElement;
  cancel: HTMLButtonElement;
  share: HTMLButtonElement;
  savePlan: HTMLButtonElement;
  help: HTMLButtonElement;
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  return el("label", { className: "field" }, el("span", { className: "field-label", text }), control);
}

export function buildTopBar(planNames: string[]): TopBar {
  const plan = el("select", { attrs: { "aria-label": "Plan", id: "plan-select" } }, ...planNames.map((name) => option(name, name)));
  const data = el(
    "select",
    { attrs: { "aria-label": "Data", id: "data-select" } },
    el("optgroup", { attrs: { label: "Generated from a seed" } }, ...GENERATED_SIZES.map((size) => option(`gen:${size}`, SIZE_LABELS[size]))),
    el("optgroup", { attrs: { label: "Bundled scenarios" } }, ...SCENARIO_NAMES.map((name) => option(`scn:${name}`, SCENARIO_LABELS[name]))),
    el("optgroup", { attrs: { label: "Your data" } }, option(OPEN_FILE, "Open a data file…")),
  );
  const seed = el("input", { className: "seed", attrs: { type: "number", step: "1", "aria-label": "Seed", id: "seed-input", title: "seed of the generator: same seed, same company" } });
  const fileInput = el("input", { attrs: { type: "file", accept: ".json,application/json", hidden: "" } });
  const open = el("button", { text: "Open…", attrs: { id: "open-file-button", title: "Open your own data file (JSON or JSON Lines, as the README describes), or drop it on the page" } });
  const through = el("select", { attrs: { "aria-label": "Through", id: "through-select", title: "run every period from the first order through this one" } }, option("", "auto"));
  const policy = el(
    "select",
    { attrs: { "aria-label": "Policy", id: "policy-select", title: "cancellation policy for after-run cancellations" } },
    option("", "the plan's"),
    ...(["simple", "previous-rank", "exact"] satisfies Policy[]).map((p) => option(p, p)),
  );
  const run = el("button", { className: "primary", text: "▶ Run", attrs: { id: "run-button", title: "Run (Ctrl+Enter)" } });
  const cancel = el("button", { text: "Cancel", attrs: { id: "cancel-button" } });
  cancel.disabled = true;
  const share = el("button", { text: "Share", attrs: { id: "share-button", title: "a link with the plan, data choice, through, policy, tab, partner and period" } });
  const savePlan = el("button", { text: "⬇ Plan", attrs: { id: "save-plan-button", title: "Download the plan text as a .plan file (Ctrl+S)" } });
  const help = el("button", { text: "? Help", attrs: { id: "help-button", title: "Language reference, data format and keyboard shortcuts (F1 outside the editor)" } });
  const element = el(
    "header",
    { className: "topbar" },
    el("div", { className: "brand" }, el("span", { className: "logo", text: "comp" }), el("span", { className: "brand-sub", text: "playground" })),
    labelled("Plan", plan),
    savePlan,
    labelled("Data", data),
    open,
    labelled("Seed", seed),
    fileInput,
    labelled("Through", through),
    labelled("Policy", policy),
    el("div", { className: "actions" }, run, cancel, share, help),
  );
  return { element, plan, data, seed, fileInput, open, through, policy, run, cancel, share, savePlan, help };
}

/** The data select's value for a source (adding the file entry when needed). */
export function showSource(bar: TopBar, source: DataSource): void {
  switch (source.kind) {
    case "generated":
      bar.data.value = `gen:${source.size}`;
      bar.seed.value = String(source.seed);
      break;
    case "scenario":
      bar.data.value = `scn:${source.name}`;
      break;
    case "file": {
      const group = bar.data.querySelector('optgroup[label="Your data"]');
      let entry = bar.data.querySelector<HTMLOptionElement>(`option[value="${FILE_VALUE}"]`);
      if (!entry) {
        entry = option(FILE_VALUE, "");
        group?.prepend(entry);
      }
      entry.textContent = `file: ${source.name}`;
      bar.data.value = FILE_VALUE;
      break;
    }
    default: {
      const unknown: never = source;
      return unknown;
    }
  }
  bar.seed.closest(".field")?.toggleAttribute("hidden", source.kind !== "generated");
}

/** The source the data select names; `file` is the last opened file (null when none). */
export function selectedSource(bar: TopBar, file: DataSource | null): DataSource | null {
  const value = bar.data.value;
  if (value.startsWith("gen:")) {
    const size = GENERATED_SIZES.find((s) => `gen:${s}` === value) ?? "tiny";
    const seed = Number(bar.seed.value);
    return { kind: "generated", size, seed: Number.isSafeInteger(seed) ? seed : DEFAULT_SEEDS[size] };
  }
  if (value.startsWith("scn:")) {
    const name = SCENARIO_NAMES.find((s) => `scn:${s}` === value);
    return name ? { kind: "scenario", name } : null;
  }
  if (value === FILE_VALUE) return file;
  return null;
}
