/**
 * Source of the rank kernel: the plan's rank and activity conditions as one JavaScript function
 * with every threshold inlined as a scaled integer, tried from the highest rank down. The source
 * holds only numbers, operators and names made here — never a rank name or other plan text — so
 * no plan can inject code (test/compiled/codegen.test.ts scans it).
 *
 * Signature of the function the source defines: (s, p, joined) => active, setting s.rank[p];
 * `H` holds the runtime helpers (groupWithLegCap, legsAtLeast, frontlineAtLeast).
 */
import type { ScaledConditionShape } from "./shapes.ts";

const OPS = new Set([">=", ">", "<=", "<", "=", "!="]);

function opText(op: string): string {
  if (!OPS.has(op)) throw new Error("unknown comparison");
  return op === "=" ? "===" : op === "!=" ? "!==" : op;
}

function num(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error("a generated constant must be a safe integer");
  return String(n);
}

export function conditionSource(c: ScaledConditionShape): string {
  switch (c.kind) {
    case "and":
      return c.operands.length === 0 ? "true" : `(${c.operands.map(conditionSource).join(" && ")})`;
    case "or":
      return c.operands.length === 0 ? "false" : `(${c.operands.map(conditionSource).join(" || ")})`;
    case "not":
      return `!${conditionSource(c.operand)}`;
    case "figure": {
      const k = num(c.measure);
      const actual =
        c.figure === "personal" ? `s.personal[${k}][p]`
        : c.figure === "open" ? `s.open[${k}][p]`
        : c.cap === null ? `s.group[${k}][p]`
        : `H.groupWithLegCap(s, ${k}, p, ${num(c.cap)})`;
      return `(${actual} ${opText(c.op)} ${num(c.value)})`;
    }
    case "count": {
      const fn = c.figure === "legs" ? "H.legsAtLeast" : "H.frontlineAtLeast";
      return `(${fn}(s, p, ${num(c.rank)}) * ${num(10 ** c.scale)} ${opText(c.op)} ${num(c.value)})`;
    }
    default: {
      const never: never = c;
      throw new Error(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

export function rankKernelSource(rankConditions: (ScaledConditionShape | null)[], activity: ScaledConditionShape | null): string {
  const lines: string[] = ["return function rankKernel(s, p, joined) {", "  if (joined) {"];
  let open = true;
  for (let r = rankConditions.length - 1; r >= 0 && open; r--) {
    const c = rankConditions[r]!;
    if (c === null) {
      lines.push(`    s.rank[p] = ${num(r)};`);
      open = false;
    } else {
      lines.push(`    if (${conditionSource(c)}) s.rank[p] = ${num(r)}; else`);
    }
  }
  if (open) lines.push("    {}");
  lines.push("  }", `  return ${activity === null ? "true" : conditionSource(activity)};`, "};");
  return lines.join("\n");
}
