/**
 * Resolving names: ranks and measures against the plan's declarations, fixed vocabularies
 * (rounding modes, policies, ...) against their lists. Every unknown name gets a suggestion when
 * a candidate is close enough.
 */
import type { Name } from "../../grammar/ast.ts";
import type { Code } from "../codes.ts";
import { closestName, didYouMean } from "../suggest.ts";
import { type CheckContext, quoted } from "./context.ts";

/** The rank's index, or undefined (reported as E100 unless there are no ranks at all). */
export function resolveRank(ctx: CheckContext, name: Name): number | undefined {
  const index = ctx.rankIndex.get(name.text);
  if (index !== undefined) return index;
  // Without any ranks block E142 says what is wrong; an E100 per use would only repeat it.
  if (ctx.hasRanksBlock) {
    const close = closestName(name.text, ctx.rankNames);
    ctx.report("E100", name.span, `unknown rank ${quoted(name.text)}`, {
      suggestion: close === undefined ? undefined : didYouMean(close),
      dependency: { kind: "name", name: name.text, declaredIn: "ranks", group: `rank:${name.text}` },
    });
  }
  return undefined;
}

/** The measure's index, or undefined (reported as E101 unless there are no measures at all). */
export function resolveMeasure(ctx: CheckContext, name: Name): number | undefined {
  const index = ctx.measureIndex.get(name.text);
  if (index !== undefined) return index;
  if (ctx.hasVolumes) {
    const close = closestName(name.text, ctx.measureNames);
    ctx.report("E101", name.span, `unknown measure ${quoted(name.text)}`, {
      suggestion: close === undefined ? undefined : didYouMean(close),
      dependency: { kind: "name", name: name.text, declaredIn: "volumes", group: `measure:${name.text}` },
    });
  }
  return undefined;
}

/**
 * A name that must be one of a fixed list (`half-up`, `monthly`, `exact`...). Returns the name
 * when allowed; otherwise reports `code` with "unknown <what> `x`: use a, b or c".
 */
export function checkOneOf<T extends string>(
  ctx: CheckContext,
  name: Name,
  allowed: readonly T[],
  code: Code,
  what: string,
): T | undefined {
  const found = allowed.find((a) => a === name.text);
  if (found !== undefined) return found;
  const close = closestName(name.text, allowed);
  ctx.report(code, name.span, `unknown ${what} ${quoted(name.text)}: use ${listOfChoices(allowed)}`, {
    suggestion: close === undefined ? undefined : didYouMean(close),
  });
  return undefined;
}

/** "`a`, `b` or `c`" */
export function listOfChoices(choices: readonly string[]): string {
  const q = choices.map(quoted);
  if (q.length <= 1) return q.join("");
  return `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}`;
}
