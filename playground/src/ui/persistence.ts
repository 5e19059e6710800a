/**
 * Autosave: the page's state in localStorage, written as it changes and read when the page opens
 * without a share link — the plan text (a plan designer's day of edits survives a reload or a
 * closed tab), the data choice, through, policy, the tab, partner and period looked at, whether a
 * run was shown (then it runs again on reload) and the splitter position. A data file the user
 * opened is kept too when it is small enough; a larger one has to be opened again.
 *
 * Stored text is untrusted like a link: every field is checked on the way in.
 */
import type { Policy } from "../../../runtime/surface.ts";
import { GENERATED_SIZES, SCENARIO_NAMES, type DataSource } from "../worker/protocol.ts";

export const STORAGE_KEY = "comp-playground:v1";
const FILE_KEY = "comp-playground:v1:file";
/** Characters of a data file kept between visits (localStorage holds about 5 MB of UTF-16). */
export const MAX_SAVED_FILE_CHARS = 1_500_000;

export interface SavedState {
  plan: string;
  source: DataSource | null;
  through: string | null;
  policy: Policy | null;
  tab: string | null;
  partner: string | null;
  period: string | null;
  ran: boolean;
  editorWidth: number | null;
}

const POLICIES: readonly Policy[] = ["simple", "previous-rank", "exact"];

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (private mode, a sandboxed frame): the page works without autosave
  }
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

function checkSource(value: unknown, file: string | null): DataSource | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind === "generated") {
    const size = GENERATED_SIZES.find((s) => s === v.size);
    return size && typeof v.seed === "number" && Number.isSafeInteger(v.seed) ? { kind: "generated", size, seed: v.seed } : null;
  }
  if (v.kind === "scenario") {
    const name = SCENARIO_NAMES.find((s) => s === v.name);
    return name ? { kind: "scenario", name } : null;
  }
  if (v.kind === "file" && typeof v.name === "string" && file !== null) return { kind: "file", name: v.name, text: file };
  return null;
}

/** The saved state, and the name of a data file that was in use but too large to keep (null when none). */
export function loadSaved(): (SavedState & { fileNotKept: string | null }) | null {
  const store = storage();
  const raw = store?.getItem(STORAGE_KEY);
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const v = parsed as Record<string, unknown>;
  const plan = text(v.plan);
  if (plan === null) return null;
  const through = text(v.through);
  const width = typeof v.editorWidth === "number" && v.editorWidth > 0 && v.editorWidth < 1 ? v.editorWidth : null;
  const file = store?.getItem(FILE_KEY) ?? null;
  const savedSource = typeof v.source === "object" && v.source !== null ? (v.source as Record<string, unknown>) : null;
  return {
    plan,
    source: checkSource(v.source, file),
    fileNotKept: savedSource?.kind === "file" && typeof savedSource.name === "string" && file === null ? savedSource.name : null,
    through: through !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(through) ? through : null,
    policy: POLICIES.find((p) => p === v.policy) ?? null,
    tab: text(v.tab),
    partner: text(v.partner),
    period: text(v.period),
    ran: v.ran === true,
    editorWidth: width,
  };
}

/** Writes the state; false when the browser refused (storage full or disabled). */
export function save(state: SavedState): boolean {
  const store = storage();
  if (!store) return false;
  try {
    const source = state.source?.kind === "file" ? { kind: "file", name: state.source.name } : state.source;
    if (state.source?.kind === "file") {
      if (state.source.text.length <= MAX_SAVED_FILE_CHARS) store.setItem(FILE_KEY, state.source.text);
      else store.removeItem(FILE_KEY);
    }
    store.setItem(STORAGE_KEY, JSON.stringify({ ...state, source }));
    return true;
  } catch {
    return false;
  }
}
