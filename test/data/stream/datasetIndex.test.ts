/**
 * The data checks' id maps are handed to the compiled runtime's columnar model for the Dataset
 * they approved (runtime/data/datasetIndex.ts): the model is the same as one built from scratch.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { columnarOf } from "../../../runtime/compiled/columnar.ts";
import { knownIndex } from "../../../runtime/data/datasetIndex.ts";
import { validateData } from "../../../runtime/data/validate.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function approved(sample: string) {
  const v = validateData(JSON.parse(readFileSync(root + "samples/" + sample, "utf8")));
  if (!v.ok) throw new Error(`${sample} does not validate`);
  return v.data;
}

describe("the checks' id maps reused by the columnar model", () => {
  it("gives the same model as one built from the Dataset alone", () => {
    const data = approved("stage-speaker.data.json");
    expect(knownIndex(data)).toBeDefined();
    const reused = columnarOf(data);
    const copy = { ...data };
    expect(knownIndex(copy)).toBeUndefined();
    const rebuilt = columnarOf(copy);
    expect(reused.inconsistent).toBe(false);
    expect(reused.partnerPositions).toBe(knownIndex(data)!.partners);
    expect([...reused.partnerPositions]).toEqual([...rebuilt.partnerPositions]);
    for (const p of data.partners) expect(reused.indexOf.get(p.id)).toBe(rebuilt.indexOf.get(p.id));
    expect([...reused.orderIndex]).toEqual([...rebuilt.orderIndex]);
    expect({ ...reused, data: null, indexOf: null, partnerPositions: null, orderIndex: null }).toEqual({ ...rebuilt, data: null, indexOf: null, partnerPositions: null, orderIndex: null });
  });

  it("is not used once the Dataset's lists changed length", () => {
    const data = approved("stage-speaker.data.json");
    data.orders.push({ ...data.orders[0]! });
    expect(knownIndex(data)).toBeUndefined();
    expect(columnarOf(data).inconsistent).toBe(true);
  });
});
