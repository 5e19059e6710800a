/**
 * Share links: the plan text, the chosen data (a generated sample or a bundled scenario — never
 * the user's own file, which stays on their machine) and the through/policy choice, as JSON
 * compressed with deflate-raw and written base64url into the URL hash (`#s=...`).
 *
 * A link is untrusted input: decodeShare checks every field, caps the decompressed size and
 * answers with a message instead of throwing. The plan text only ever becomes editor text.
 */
import type { Policy } from "../../../runtime/surface.ts";
import { GENERATED_SIZES, SCENARIO_NAMES, type GeneratedSize, type ScenarioName } from "../worker/protocol.ts";

export type SharedSource = { kind: "generated"; size: GeneratedSize; seed: number } | { kind: "scenario"; name: ScenarioName };

/** What was being looked at: restored after the link's run. */
export interface SharedView {
  tab: string | null;
  partner: string | null;
  period: string | null;
}

export interface SharedState {
  plan: string;
  data: SharedSource | null;
  through: string | null;
  policy: Policy | null;
  /** null: the link was made before any run (nothing is run when it opens). */
  view?: SharedView | null;
}

const PREFIX = "s=";
const VERSION = 1;
/** Plans are a few kB; anything near this is not a plan link. */
const MAX_JSON_BYTES = 512 * 1024;
const POLICIES: readonly Policy[] = ["simple", "previous-rank", "exact"];

async function pipeThrough(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error("the link's content is too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("the link contains characters that are not base64url");
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The hash (without `#`) that restores `state`. */
export async function encodeShare(state: SharedState): Promise<string> {
  const json = JSON.stringify({ v: VERSION, plan: state.plan, data: state.data, through: state.through, policy: state.policy, ...(state.view ? { view: state.view } : {}) });
  const compressed = await pipeThrough(new TextEncoder().encode(json), new CompressionStream("deflate-raw"), Number.MAX_SAFE_INTEGER);
  return PREFIX + toBase64Url(compressed);
}

export function isShareHash(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(PREFIX);
}

export type DecodedShare = { ok: true; state: SharedState } | { ok: false; message: string };

export async function decodeShare(hash: string): Promise<DecodedShare> {
  const body = hash.replace(/^#/, "");
  if (!body.startsWith(PREFIX)) return { ok: false, message: "not a playground link" };
  let parsed: unknown;
  try {
    const bytes = await pipeThrough(fromBase64Url(body.slice(PREFIX.length)), new DecompressionStream("deflate-raw"), MAX_JSON_BYTES);
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    return { ok: false, message: `the shared link is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
  return checkState(parsed);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkSource(value: unknown): SharedSource | null | "bad" {
  if (value === null) return null;
  if (!isRecord(value)) return "bad";
  if (value.kind === "generated") {
    const size = GENERATED_SIZES.find((s) => s === value.size);
    const seed = value.seed;
    if (size === undefined || typeof seed !== "number" || !Number.isSafeInteger(seed)) return "bad";
    return { kind: "generated", size, seed };
  }
  if (value.kind === "scenario") {
    const name = SCENARIO_NAMES.find((s) => s === value.name);
    return name === undefined ? "bad" : { kind: "scenario", name };
  }
  return "bad";
}

function checkState(value: unknown): DecodedShare {
  if (!isRecord(value) || value.v !== VERSION) return { ok: false, message: "the shared link is from another version of the playground" };
  if (typeof value.plan !== "string") return { ok: false, message: "the shared link has no plan text" };
  const data = checkSource(value.data);
  if (data === "bad") return { ok: false, message: "the shared link names data the playground does not have" };
  const through = value.through;
  if (through !== null && (typeof through !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(through))) {
    return { ok: false, message: "the shared link's period is not YYYY-MM" };
  }
  const policy = POLICIES.find((p) => p === value.policy) ?? null;
  if (value.policy !== null && policy === null) return { ok: false, message: "the shared link's policy is unknown" };
  const view = checkView(value.view);
  if (view === "bad") return { ok: false, message: "the shared link's tab, partner or period is damaged" };
  return { ok: true, state: { plan: value.plan, data, through, policy, ...(view ? { view } : {}) } };
}

const TEXT_LIMIT = 200;

/** Links made before views were shared have none; otherwise every field is a short string or null. */
function checkView(value: unknown): SharedView | null | "bad" {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return "bad";
  const field = (v: unknown): string | null | "bad" => (v === null || v === undefined ? null : typeof v === "string" && v.length <= TEXT_LIMIT ? v : "bad");
  const tab = field(value.tab);
  const partner = field(value.partner);
  const period = field(value.period);
  if (tab === "bad" || partner === "bad" || period === "bad") return "bad";
  if (period !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return "bad";
  return { tab, partner, period };
}
