import { describe, expect, it } from "vitest";
import { progressOnStderr, silentProgress, terminalProgress } from "../../cli/progress.ts";

function fakeTerminal() {
  const written: string[] = [];
  let clock = 0;
  return {
    written,
    tick: (ms: number) => (clock += ms),
    progress: terminalProgress({ isTTY: true, write: (t: string) => written.push(t) }, () => clock),
  };
}

describe("progress on standard error", () => {
  it("says nothing during the first second", () => {
    const t = fakeTerminal();
    t.progress.reading("big.jsonl", 10, 100);
    t.tick(900);
    t.progress.checking("5 partners");
    t.progress.done();
    expect(t.written).toEqual([]);
  });

  it("then redraws one line in place (reading, checking, each period and its steps, writing) and clears it at the end", () => {
    const t = fakeTerminal();
    t.tick(1500);
    t.progress.reading("big.jsonl", 50 * 1024 * 1024, 200 * 1024 * 1024);
    t.progress.reading("big.jsonl", 51 * 1024 * 1024, 200 * 1024 * 1024); // within 100 ms: not redrawn
    t.tick(150);
    t.progress.checking("1,000,000 partners, 2,000,000 orders");
    t.progress.period("2026-07", 0, 2);
    t.progress.step("2026-07", "volumes");
    t.tick(50);
    t.progress.step("2026-07", "bonuses"); // a new step is redrawn at once
    t.progress.period("2026-08", 1, 2);
    t.progress.writing("ledger.csv", 3 * 1024 * 1024);
    t.progress.done();
    expect(t.written).toEqual([
      "\rreading big.jsonl 25% (50 MB of 200 MB)\x1b[K",
      "\rchecking 1,000,000 partners, 2,000,000 orders\x1b[K",
      "\rcomputing 2026-07 (period 1 of 2)\x1b[K",
      "\rcomputing 2026-07 (period 1 of 2) · volumes and ranks\x1b[K",
      "\rcomputing 2026-07 (period 1 of 2) · bonuses\x1b[K",
      "\rcomputing 2026-08 (period 2 of 2)\x1b[K",
      "\rwriting ledger.csv (3.0 MB)\x1b[K",
      "\r\x1b[K",
    ]);
  });

  it("is silent with --quiet, and when standard error is not a terminal (tests, pipes)", () => {
    expect(progressOnStderr(true)).toBe(silentProgress);
    expect(process.stderr.isTTY).not.toBe(true);
    expect(progressOnStderr(false)).toBe(silentProgress);
  });
});
