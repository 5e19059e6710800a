/**
 * The store's API functions with their arguments checked (store/index.ts exports these): a
 * program embedding the store gets an InvalidArgumentError naming the function and the argument,
 * like the core API (runtime/api/guarded.ts), never a TypeError from deep inside a close — and a
 * close never stores a plan text that is not the plan it ran.
 */
import { compilePlan } from "../compiler/compile.ts";
import type { Policy } from "../core/ir.ts";
import { describeValue } from "../runtime/api/argumentError.ts";
import { checkDataset, checkDate, checkIr, checkOneOf, checkOptions, checkPeriod, checkString, failFor, isRecord } from "../runtime/api/argumentChecks.ts";
import { closePeriod as closeUnchecked, type CloseInput, type CloseOutcome } from "./close.ts";
import { openStore as openUnchecked, type OpenOptions } from "./open.ts";
import type { HistoryStore } from "./types.ts";

const CLOSE_INPUT = ["store", "engine", "ir", "planText", "data", "period", "asOf", "policy", "splitMode", "closedAt"];
const POLICIES: readonly Policy[] = ["simple", "previous-rank", "exact"];
const STORE_METHODS: readonly (keyof HistoryStore)[] = ["runs", "readPeriod", "planText", "extras", "fingerprints", "partners", "ledger", "write", "close"];

export async function closePeriod(input: CloseInput): Promise<CloseOutcome> {
  const fail = failFor("closePeriod");
  const o = checkOptions(fail, "input", input, CLOSE_INPUT, false);
  const store = o["store"];
  if (!isRecord(store) || STORE_METHODS.some((m) => typeof store[m] !== "function")) {
    fail("input.store", `must be a store from openStore(…), got ${describeValue(store)}`);
  }
  const engine = o["engine"];
  if (!isRecord(engine) || typeof engine["runPeriod"] !== "function") fail("input.engine", `must be an Engine (e.g. referenceEngine), got ${describeValue(engine)}`);
  const ir = checkIr(fail, "input.ir", o["ir"]);
  const planText = checkString(fail, "input.planText", o["planText"]);
  if (JSON.stringify(compilePlan(planText).ir) !== JSON.stringify(ir)) {
    fail("input.planText", "does not compile to `input.ir`: pass the text the IR was compiled from (it is stored with the period)");
  }
  checkDataset(fail, "input.data", o["data"]);
  checkPeriod(fail, "input.period", o["period"]);
  if (o["asOf"] !== undefined) checkDate(fail, "input.asOf", o["asOf"]);
  if (o["policy"] !== undefined) checkOneOf(fail, "input.policy", o["policy"], POLICIES);
  if (o["splitMode"] !== undefined) checkOneOf(fail, "input.splitMode", o["splitMode"], ["volume", "commission"] as const);
  if (o["closedAt"] !== undefined) checkString(fail, "input.closedAt", o["closedAt"]);
  return closeUnchecked(input);
}

export async function openStore(where: string, options?: OpenOptions): Promise<HistoryStore> {
  const fail = failFor("openStore");
  checkString(fail, "where", where);
  if (where === "") fail("where", "must name a SQLite file or a postgres:// URL, got an empty text");
  const o = checkOptions(fail, "options", options, ["mustExist"], true);
  if (o["mustExist"] !== undefined && typeof o["mustExist"] !== "boolean") fail("options.mustExist", `must be true or false, got ${describeValue(o["mustExist"])}`);
  return openUnchecked(where, options);
}
