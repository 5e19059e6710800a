/** Plans and data for the store tests, and one way to open a store per backend. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compilePlan } from "../../compiler/compile.ts";
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { openStore } from "../../store/open.ts";
import type { HistoryStore } from "../../store/types.ts";
import type { PgServer } from "./pgServer.ts";

export const examples = fileURLToPath(new URL("../../docs/spec/examples/", import.meta.url));
export const root = fileURLToPath(new URL("../../", import.meta.url));

export function plan(text: string): { ir: PlanIR; planText: string } {
  const { ir, diagnostics } = compilePlan(text);
  if (ir === null) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return { ir, planText: text };
}

export function planFile(file: string): { ir: PlanIR; planText: string } {
  return plan(readFileSync(file, "utf8"));
}

export function dataDoc(doc: unknown): Dataset {
  const v = validateData(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.data;
}

export function dataFile(file: string): Dataset {
  return dataDoc(JSON.parse(readFileSync(file, "utf8")));
}

export type Backend = "sqlite" | "postgres";

let counter = 0;
/** A fresh, empty store of the backend. */
export async function freshStore(backend: Backend, pg: PgServer | null): Promise<{ store: HistoryStore; where: string }> {
  counter++;
  if (backend === "sqlite") {
    const where = join(mkdtempSync(join(tmpdir(), "comp-store-")), "comp.db");
    return { store: await openStore(where), where };
  }
  const where = await pg!.createDatabase(`comp_test_${process.pid}_${counter}`);
  return { store: await openStore(where), where };
}
