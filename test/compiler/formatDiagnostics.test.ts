import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../compiler/formatDiagnostics.ts";
import type { Diagnostic } from "../../grammar/diagnostic.ts";
import { LineIndex } from "../../grammar/source.ts";

const text = "ranks {\n  Senior: PV >= 50\n}\nbonus level \"L\" on PV {\n  level 3: 5% requires Senoir\n}\n";
const index = new LineIndex(text);

function at(start: number, end: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code: "E100", severity: "error", message: "unknown rank `Senoir`", span: index.span(start, end), ...extra };
}

describe("formatDiagnostic", () => {
  test("file:line:col, the source line, carets under the span and the suggestion", () => {
    const start = text.indexOf("Senoir");
    const d = at(start, start + 6, { suggestion: "did you mean `Senior`?" });
    expect(formatDiagnostic(d, text, "plans/x.plan")).toBe(
      [
        "plans/x.plan:5:24: error E100: unknown rank `Senoir`",
        "  5 |   level 3: 5% requires Senoir",
        "    |                        ^^^^^^",
        "  = did you mean `Senior`?",
      ].join("\n"),
    );
  });

  test("warnings, wide line numbers, and no suggestion line without a suggestion", () => {
    const long = "\n".repeat(11) + "currency euro\n";
    const start = long.indexOf("euro");
    const d: Diagnostic = {
      code: "W304",
      severity: "warning",
      message: "currency `euro` is not a three-letter code",
      span: new LineIndex(long).span(start, start + 4),
    };
    expect(formatDiagnostic(d, long, "p.plan")).toBe(
      ["p.plan:12:10: warning W304: currency `euro` is not a three-letter code", "  12 | currency euro", "     |          ^^^^"].join("\n"),
    );
  });

  test("an empty span still shows one caret; a span over several lines is cut at the line end", () => {
    expect(formatDiagnostic(at(0, 0), text, "f").split("\n")[2]).toBe("    | ^");
    expect(formatDiagnostic(at(2, 20), text, "f").split("\n")[2]).toBe("    |   ^^^^^");
  });

  test("tabs before the span are kept so the carets line up", () => {
    const tabbed = "\tlevel 1: 5%\n";
    const d: Diagnostic = { code: "E160", severity: "error", message: "m", span: new LineIndex(tabbed).span(10, 12) };
    expect(formatDiagnostic(d, tabbed, "f").split("\n")[2]).toBe("    | \t         ^^");
  });
});
