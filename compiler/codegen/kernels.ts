/**
 * The generated kernels of the compiled runtime: the rank kernel and the bonus kernel of a plan
 * as JavaScript source (rankSource.ts, bonusSource.ts), turned into functions with
 * `new Function`. Functions are cached by their source, which is a function of the plan's
 * numbers alone, so every run of the same plan (on data of the same scales) reuses them.
 *
 * Where `new Function` is refused (a page with a strict Content-Security-Policy) this returns
 * null and the runtime uses its interpreter over the same columnar model.
 */
import { bonusKernelSource, type BonusKernelPlan } from "./bonusSource.ts";
import { rankKernelSource } from "./rankSource.ts";
import type { ScaledConditionShape } from "./shapes.ts";

export interface KernelSources {
  rank: string;
  bonuses: string;
}

/** The bonus kernel's plan plus what the qualify kernel needs. */
export interface KernelInput extends BonusKernelPlan {
  rankConditions: (ScaledConditionShape | null)[];
  activity: ScaledConditionShape | null;
}

export function kernelSources(plan: KernelInput): KernelSources {
  return {
    rank: rankKernelSource(plan.rankConditions, plan.activity),
    bonuses: bonusKernelSource(plan),
  };
}

let allowed: boolean | null = null;

/** Whether this environment runs generated code (a strict CSP refuses `new Function`). */
export function codegenAllowed(): boolean {
  if (allowed === null) {
    try {
      allowed = new Function("return 1")() === 1;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/** Tests: pretend the environment refuses `new Function` (null = detect again). */
export function setCodegenAllowed(value: boolean | null): void {
  allowed = value;
}

const compiled = new Map<string, unknown>();
const CACHE_LIMIT = 64;

/** The function a kernel source defines, bound to the runtime helpers; null when code generation is refused. */
export function instantiate<T>(source: string, helpers: object): T | null {
  if (!codegenAllowed()) return null;
  let fn = compiled.get(source);
  if (fn === undefined) {
    try {
      fn = new Function("H", `"use strict";\n${source}`)(helpers);
    } catch {
      return null;
    }
    if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value as string);
    compiled.set(source, fn);
  }
  return fn as T;
}
