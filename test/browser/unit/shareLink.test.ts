/** Share links: round trips, and damaged or hostile links answered with a message. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare, isShareHash, type SharedState } from "../../../playground/src/share/shareLink.ts";

const state: SharedState = {
  plan: 'plan "Tést <b>bold</b>" version "1"\n# ünïcödé ✓\n',
  data: { kind: "scenario", name: "late-cancel" },
  through: "2026-11",
  policy: "previous-rank",
};

async function hashOf(json: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  const compressed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());
  return "#s=" + btoa(String.fromCharCode(...compressed)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

describe("share links", () => {
  it("round-trip the plan, data, through and policy", async () => {
    const hash = await encodeShare(state);
    expect(hash).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(isShareHash(`#${hash}`)).toBe(true);
    expect(await decodeShare(`#${hash}`)).toEqual({ ok: true, state });
  });

  it("round-trip any plan text and generated data", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.constantFrom("tiny", "1k", "10k", "100k" as const),
        fc.integer(),
        fc.option(fc.constantFrom("simple", "previous-rank", "exact" as const)),
        async (plan, size, seed, policy) => {
          const s: SharedState = { plan, data: { kind: "generated", size, seed }, through: null, policy };
          expect(await decodeShare(await encodeShare(s))).toEqual({ ok: true, state: s });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("compress a real plan to a link of reasonable length", async () => {
    const { readFileSync } = await import("node:fs");
    const plan = readFileSync(new URL("../../../plans/vitalis-classic.plan", import.meta.url), "utf8");
    const hash = await encodeShare({ ...state, plan });
    expect(hash.length).toBeLessThan(plan.length);
  });

  it("answer damaged links with a message", async () => {
    expect(await decodeShare("#other")).toEqual({ ok: false, message: "not a playground link" });
    const garbage = await decodeShare("#s=AAAA");
    expect(garbage.ok).toBe(false);
    const bad = await decodeShare("#s=<script>");
    expect(bad).toEqual({ ok: false, message: expect.stringContaining("not base64url") });
    const full = await encodeShare(state);
    expect((await decodeShare(`#${full.slice(0, -8)}`)).ok).toBe(false);
  });

  it("check every field of the decoded JSON", async () => {
    const base = { v: 1, plan: "x", data: null, through: null, policy: null };
    expect(await decodeShare(await hashOf(base))).toEqual({ ok: true, state: { plan: "x", data: null, through: null, policy: null } });
    const cases: [unknown, string][] = [
      [{ ...base, v: 2 }, "another version"],
      [{ ...base, plan: 42 }, "no plan text"],
      [{ ...base, data: { kind: "file", name: "x.json", text: "{}" } }, "data the playground does not have"],
      [{ ...base, data: { kind: "generated", size: "1m", seed: 1 } }, "data the playground does not have"],
      [{ ...base, data: { kind: "generated", size: "tiny", seed: 1.5 } }, "data the playground does not have"],
      [{ ...base, data: { kind: "scenario", name: "../../etc/passwd" } }, "data the playground does not have"],
      [{ ...base, through: "2026-13" }, "not YYYY-MM"],
      [{ ...base, policy: "generous" }, "policy is unknown"],
      [[1, 2], "another version"],
    ];
    for (const [json, message] of cases) {
      expect(await decodeShare(await hashOf(json))).toEqual({ ok: false, message: expect.stringContaining(message) });
    }
  });

  it("refuse a decompression bomb", async () => {
    const bomb = await hashOf({ v: 1, plan: "a".repeat(2_000_000), data: null, through: null, policy: null });
    expect(bomb.length).toBeLessThan(10_000);
    expect(await decodeShare(bomb)).toEqual({ ok: false, message: expect.stringContaining("too large") });
  });
});
