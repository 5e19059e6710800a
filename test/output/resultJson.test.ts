import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { resultJsonChunks, writeResultJson } from "../../runtime/output/resultJson.ts";
import { viewOfDocument } from "../../core/resultView.ts";
import { type Chunk, CHUNK_SIZE, joinChunks } from "../../runtime/output/sink.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import type { ResultDocument } from "../../core/result.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

function run(planFile: string, dataText: string, through?: string): ResultDocument {
  const { ir } = compilePlan(readFileSync(root + planFile, "utf8"));
  if (!ir) throw new Error(`${planFile} does not compile`);
  const v = validateData(JSON.parse(dataText));
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const last = through ?? v.data.orders.map((o) => o.date.slice(0, 7)).sort().at(-1)!;
  const outcome = referenceEngine.runThrough(ir, v.data, { through: last });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
}

const SAMPLES: [string, string][] = [
  ["plans/vitalis-classic.plan", "samples/tiny.data.json"],
  ["plans/vitalis-classic.plan", "samples/stage-speaker.data.json"],
  ["plans/vitalis-classic.plan", "samples/late-cancel.data.json"],
  ["plans/unilevel-essentials.plan", "samples/small.data.json"],
  ["plans/stairstep-breakaway.plan", "samples/team-1k.data.json"],
];

describe("streamed result JSON", () => {
  for (const [plan, data] of SAMPLES) {
    it(`is JSON.stringify(result, null, 2) + "\\n" byte for byte: ${plan} on ${data}`, () => {
      const result = run(plan, readFileSync(root + data, "utf8"));
      const chunks = [...resultJsonChunks(viewOfDocument(result))];
      expect(chunks.join("")).toBe(JSON.stringify(result, null, 2) + "\n");
      // Streamed, not one string: every chunk but the last is about CHUNK_SIZE long.
      for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(CHUNK_SIZE);
      expect(chunks.at(-1)!.length).toBeLessThan(CHUNK_SIZE * 2);
    });
  }

  it("lists partner ids in string order: 10, 9, P1 (not JavaScript's 9, 10, P1)", () => {
    const data = {
      partners: [
        { id: "P1", sponsor: null, joined: "2026-01-01" },
        { id: "9", sponsor: "P1", joined: "2026-01-01" },
        { id: "10", sponsor: "9", joined: "2026-01-01" },
      ],
      orders: [{ id: "O1", buyer: "10", date: "2026-10-05", lines: [{ sku: "A", qty: 1, net: "100.00", points: "100" }] }],
    };
    const result = run("plans/vitalis-classic.plan", JSON.stringify(data));
    const text = joinChunks(resultJsonChunks(viewOfDocument(result)));
    const period = text.slice(text.indexOf('"ranks"'));
    for (const key of ["ranks", "active", "volumes", "statements"]) {
      const section = period.slice(period.indexOf(`"${key}": {`));
      const ids = [...section.matchAll(/^ {8}"([^"]+)": /gm)].slice(0, 3).map((m) => m[1]);
      expect(ids, key).toEqual(["10", "9", "P1"]);
    }
    // The same document otherwise: parsing gives back the result.
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it("waits for the sink (backpressure) and writes the same bytes", async () => {
    const result = run("plans/vitalis-classic.plan", readFileSync(root + "samples/tiny.data.json", "utf8"));
    const got: Chunk[] = [];
    let pending = 0;
    await writeResultJson(viewOfDocument(result), {
      write(chunk) {
        expect(pending).toBe(0);
        pending++;
        got.push(chunk);
        return new Promise((resolve) => setTimeout(() => { pending--; resolve(); }, 1));
      },
    });
    expect(joinChunks(got)).toBe(JSON.stringify(result, null, 2) + "\n");
  });
});
