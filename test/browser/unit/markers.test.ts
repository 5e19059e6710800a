/** Checker diagnostics as editor markers. */
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../../compiler/compile.ts";
import type { Diagnostic } from "../../../grammar/diagnostic.ts";
import { markerMessage, toMarkers } from "../../../playground/src/editor/markers.ts";

const diagnostic = (start: number, end: number, suggestion?: string): Diagnostic => ({
  code: "E100",
  severity: "error",
  message: "unknown rank `Senoir`",
  span: { start, end, line: 1, column: start + 1 },
  ...(suggestion ? { suggestion } : {}),
});

describe("markers", () => {
  it("carry the checker's message and, on the next line, its suggestion", () => {
    expect(markerMessage(diagnostic(0, 6))).toBe("unknown rank `Senoir`");
    expect(markerMessage(diagnostic(0, 6, "did you mean `Senior`?"))).toBe("unknown rank `Senoir`\ndid you mean `Senior`?");
  });

  it("keep the span as offsets", () => {
    expect(toMarkers([diagnostic(3, 9)], 20)).toEqual([{ startOffset: 3, endOffset: 9, severity: "error", code: "E100", message: "unknown rank `Senoir`" }]);
  });

  it("underline at least one character, also at the very end of the text", () => {
    expect(toMarkers([diagnostic(4, 4)], 10)[0]).toMatchObject({ startOffset: 4, endOffset: 5 });
    expect(toMarkers([diagnostic(10, 10)], 10)[0]).toMatchObject({ startOffset: 9, endOffset: 10 });
    expect(toMarkers([diagnostic(50, 60)], 10)[0]).toMatchObject({ startOffset: 9, endOffset: 10 });
  });

  it("come straight from compilePlan for a misspelt rank", () => {
    const text = 'plan "T"\nranks {\n  Junior\n  Senior: PV >= 50\n}\nbonus level "L" on PV {\n  level 1: 5% requires Senoir\n}\n';
    const volume = text.replace('bonus level', 'volume PV = points\nbonus level');
    const { diagnostics } = compilePlan(volume);
    const unknown = diagnostics.find((d) => d.message.includes("Senoir"));
    expect(unknown).toBeDefined();
    const [marker] = toMarkers([unknown!], volume.length);
    expect(volume.slice(marker!.startOffset, marker!.endOffset)).toBe("Senoir");
    expect(marker!.message).toBe(markerMessage(unknown!));
  });
});
