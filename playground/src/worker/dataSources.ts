/**
 * Where a run's data comes from: generated in the worker from a seed (tools/samples), one of
 * the bundled scenarios (samples/*.data.json, fetched only when picked), or the user's file.
 * Whatever it is, it comes back as an untrusted document for validateData, or as a problem.
 */
import { type DataProblem, GENERATED_SCENARIOS, type GenerateOptions, tryGenerateData } from "../../../runtime/surface.ts";
import type { DataSource, GeneratedSize, ScenarioName } from "./protocol.ts";

const tinyScenario = GENERATED_SCENARIOS.find((s) => s.name === "tiny");

/** The generator options of each size; `seed` is the user's. tiny with seed 192 is samples/tiny.data.json. */
export function generatedOptions(size: GeneratedSize, seed: number): GenerateOptions {
  const large = (partners: number): GenerateOptions => ({
    partners,
    seed,
    months: 3,
    firstMonth: "2026-10",
    // No split agreements: generated data must run under every plan, and a plan without a
    // `split` block rejects agreements (as the bundled generated sets do).
    splits: 0,
    // The share of team-1k: 30 cancellations per 1,000 partners.
    cancellations: Math.round(partners * 0.03),
  });
  switch (size) {
    case "tiny":
      return { ...(tinyScenario?.options ?? { partners: 12, months: 2, firstMonth: "2026-10" }), seed };
    case "1k":
      return large(1_000);
    case "10k":
      return large(10_000);
    case "100k":
      return large(100_000);
    default: {
      const unknown: never = size;
      return unknown;
    }
  }
}

async function scenarioText(name: ScenarioName): Promise<string> {
  switch (name) {
    case "stage-speaker":
      return (await import("../../../samples/stage-speaker.data.json?raw")).default;
    case "late-cancel":
      return (await import("../../../samples/late-cancel.data.json?raw")).default;
    case "small":
      return (await import("../../../samples/small.data.json?raw")).default;
    case "team-1k":
      return (await import("../../../samples/team-1k.data.json?raw")).default;
    default: {
      const unknown: never = name;
      return unknown;
    }
  }
}

export function sourceLabel(source: DataSource): string {
  switch (source.kind) {
    case "generated":
      return `generated ${source.size} (seed ${source.seed})`;
    case "scenario":
      return `scenario ${source.name}`;
    case "file":
      return `file ${source.name}`;
    default: {
      const unknown: never = source;
      return unknown;
    }
  }
}

export type RawData = { ok: true; document: unknown } | { ok: false; problems: DataProblem[] };

function parseJson(text: string, what: string): RawData {
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "", message: `${what} is not JSON: ${detail}` }] };
  }
}

export async function rawData(source: DataSource): Promise<RawData> {
  switch (source.kind) {
    case "generated": {
      const outcome = tryGenerateData(generatedOptions(source.size, source.seed));
      if (!outcome.ok) {
        return { ok: false, problems: outcome.problems.map((p) => ({ path: p.option, message: p.message })) };
      }
      return { ok: true, document: outcome.document };
    }
    case "scenario":
      return parseJson(await scenarioText(source.name), `the scenario ${source.name}`);
    case "file":
      return parseJson(source.text, `the file ${source.name}`);
    default: {
      const unknown: never = source;
      return unknown;
    }
  }
}

/** Equal keys mean the same data, so a loaded data set can be reused. */
export function sourceKey(source: DataSource): string {
  switch (source.kind) {
    case "generated":
      return `generated:${source.size}:${source.seed}`;
    case "scenario":
      return `scenario:${source.name}`;
    case "file":
      return `file:${source.name}:${source.text.length}`;
    default: {
      const unknown: never = source;
      return unknown;
    }
  }
}
