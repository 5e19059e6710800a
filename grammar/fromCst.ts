/**
 * CST -> AST. Every node's span is the exact text of its tokens (from chevrotain's node location,
 * which ignores tokens that recovery invented). A node whose required parts are missing after a
 * parse error is left out (its list gets shorter); optional parts are simply absent.
 */
import type { CstNode, IToken } from "chevrotain";
import type * as A from "./ast.ts";
import type { LineIndex, Span } from "./source.ts";
import { nodeOf, nodesOf, tokenOf, tokensOf } from "./cstAccess.ts";
import { decodeStringLiteral } from "./stringLiteral.ts";

export function cstToAst(plan: CstNode, lines: LineIndex): A.PlanAst {
  const build = new AstBuilder(lines);
  const items: A.Item[] = [];
  for (const item of nodesOf(plan, "item")) {
    const built = build.item(item);
    if (built !== undefined) items.push(built);
  }
  return { kind: "Plan", items, span: lines.span(0, lines.text.length) };
}

class AstBuilder {
  constructor(private readonly lines: LineIndex) {}

  private nodeSpan(node: CstNode): Span | undefined {
    const loc = node.location;
    if (loc === undefined || Number.isNaN(loc.startOffset) || Number.isNaN(loc.endOffset ?? NaN)) return undefined;
    return this.lines.span(loc.startOffset, (loc.endOffset ?? loc.startOffset) + 1);
  }

  private tokenSpan(token: IToken): Span {
    // endOffset, not the image's length: a rewritten token (`1e3` read as `1000`) keeps its written place
    const end = Number.isFinite(token.endOffset) ? token.endOffset! + 1 : token.startOffset + token.image.length;
    return this.lines.span(token.startOffset, end);
  }

  private name(token: IToken | undefined): A.Name | undefined {
    return token === undefined ? undefined : { text: token.image, span: this.tokenSpan(token) };
  }

  private number(token: IToken | undefined): A.NumberLit | undefined {
    return token === undefined ? undefined : { text: token.image, span: this.tokenSpan(token) };
  }

  private percent(token: IToken | undefined): A.PercentLit | undefined {
    return token === undefined ? undefined : { text: token.image.slice(0, -1), span: this.tokenSpan(token) };
  }

  private string(token: IToken | undefined): A.StringLit | undefined {
    return token === undefined ? undefined : { value: decodeStringLiteral(token.image).value, span: this.tokenSpan(token) };
  }

  item(item: CstNode): A.Item | undefined {
    const [key] = Object.keys(item.children);
    const node = key === undefined ? undefined : nodeOf(item, key);
    if (node === undefined) return undefined;
    const span = this.nodeSpan(node);
    if (span === undefined) return undefined;
    switch (key) {
      case "planHeader": {
        const title = this.string(tokenOf(node, "title"));
        const version = this.string(tokenOf(node, "version"));
        return title && { kind: "PlanHeader", title, ...(version ? { version } : {}), span };
      }
      case "currencyItem": {
        const code = this.name(tokenOf(node, "code"));
        return code && { kind: "Currency", code, span };
      }
      case "roundingItem": {
        const mode = this.name(tokenOf(node, "mode"));
        const unit = this.number(tokenOf(node, "unit"));
        return mode && { kind: "Rounding", mode, ...(unit ? { unit } : {}), span };
      }
      case "periodItem": {
        const value = this.name(tokenOf(node, "value"));
        return value && { kind: "Period", value, span };
      }
      case "volumeItem": {
        const name = this.name(tokenOf(node, "name"));
        const figure = this.name(tokenOf(node, "figure"));
        return name && figure && { kind: "Volume", name, figure, span };
      }
      case "activeItem": {
        const condition = this.optionalCondition(node);
        return condition && { kind: "Active", condition, span };
      }
      case "ranksItem":
        return { kind: "Ranks", ranks: this.present(nodesOf(node, "rankDecl"), (r) => this.rankDecl(r)), span };
      case "breakawayItem": {
        const rank = this.name(tokenOf(node, "rank"));
        return rank && { kind: "Breakaway", rank, span };
      }
      case "bonusItem":
        return this.bonus(node, span);
      case "splitItem":
        return this.split(node, span);
      case "cancellationItem":
        return this.cancellation(node, span);
      case "payoutItem": {
        const target = this.percent(tokenOf(node, "target"));
        if (target) return { kind: "PayoutTarget", target, span };
        const minimum = this.number(tokenOf(node, "minimum"));
        return minimum && { kind: "Payout", minimum, span };
      }
      default:
        return undefined;
    }
  }

  private present<T>(nodes: CstNode[], convert: (node: CstNode) => T | undefined): T[] {
    const out: T[] = [];
    for (const node of nodes) {
      const value = convert(node);
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  private rankDecl(node: CstNode): A.RankDecl | undefined {
    const name = this.name(tokenOf(node, "name"));
    const span = this.nodeSpan(node);
    if (name === undefined || span === undefined) return undefined;
    const condition = this.optionalCondition(node);
    return { name, ...(condition ? { condition } : {}), span };
  }

  private bonus(node: CstNode, span: Span): A.BonusItem | undefined {
    const kindNode = nodeOf(node, "bonusKind");
    const bonusKind = this.name(kindNode && tokenOf(kindNode, "kind"));
    const title = this.string(tokenOf(node, "title"));
    const measure = this.name(tokenOf(node, "measure"));
    if (!bonusKind || !title || !measure) return undefined;
    const clauses = this.present(nodesOf(node, "bonusClause"), (c) => this.bonusClause(c));
    return { kind: "Bonus", bonusKind, title, measure, clauses, span };
  }

  private bonusClause(clause: CstNode): A.BonusClause | undefined {
    const [key] = Object.keys(clause.children);
    const node = key === undefined ? undefined : nodeOf(clause, key);
    const span = node && this.nodeSpan(node);
    if (node === undefined || span === undefined) return undefined;
    switch (key) {
      case "levelClause": {
        const level = this.number(tokenOf(node, "level"));
        const rate = this.percent(tokenOf(node, "rate"));
        const requires = this.name(tokenOf(node, "requires"));
        return level && rate && { kind: "Level", level, rate, ...(requires ? { requires } : {}), span };
      }
      case "generationClause": {
        const generation = this.number(tokenOf(node, "generation"));
        const rate = this.percent(tokenOf(node, "rate"));
        const requires = this.name(tokenOf(node, "requires"));
        return generation && rate && { kind: "Generation", generation, rate, ...(requires ? { requires } : {}), span };
      }
      case "rankRateClause": {
        const rank = this.name(tokenOf(node, "rank"));
        const rate = this.percent(tokenOf(node, "rate"));
        return rank && rate && { kind: "RankRate", rank, rate, span };
      }
      case "compressionClause":
        return { kind: "Compression", span };
      case "rateClause": {
        const rate = this.percent(tokenOf(node, "rate"));
        const from = this.name(tokenOf(node, "from"));
        return rate && { kind: "Rate", rate, ...(from ? { from } : {}), span };
      }
      case "withinClause": {
        const days = this.number(tokenOf(node, "days"));
        return days && { kind: "Within", days, span };
      }
      case "sharesClause": {
        const entries = this.present(nodesOf(node, "shareEntry"), (entry) => {
          const rank = this.name(tokenOf(entry, "rank"));
          const shares = this.number(tokenOf(entry, "shares"));
          const entrySpan = this.nodeSpan(entry);
          return rank && shares && entrySpan && { rank, shares, span: entrySpan };
        });
        return { kind: "Shares", entries, span };
      }
      default:
        return undefined;
    }
  }

  private split(node: CstNode, span: Span): A.SplitItem {
    const title = this.string(tokenOf(node, "title"));
    const clauses = this.present(nodesOf(node, "splitClause"), (clause): A.SplitClause | undefined => {
      const [key] = Object.keys(clause.children);
      const inner = key === undefined ? undefined : nodeOf(clause, key);
      const clauseSpan = inner && this.nodeSpan(inner);
      if (inner === undefined || clauseSpan === undefined) return undefined;
      switch (key) {
        case "splitModeClause": {
          const modeNode = nodeOf(inner, "splitModeName");
          const mode = this.name(modeNode && tokenOf(modeNode, "mode"));
          return mode && { kind: "SplitMode", mode, span: clauseSpan };
        }
        case "splitMeasuresClause": {
          const measures = tokensOf(inner, "measure").map((t) => this.name(t)!);
          return measures.length > 0 ? { kind: "SplitMeasures", measures, span: clauseSpan } : undefined;
        }
        case "splitDefaultShareClause": {
          const share = this.percent(tokenOf(inner, "share"));
          return share && { kind: "SplitDefaultShare", share, span: clauseSpan };
        }
        default:
          return undefined;
      }
    });
    return { kind: "Split", ...(title ? { title } : {}), clauses, span };
  }

  private cancellation(node: CstNode, span: Span): A.CancellationItem {
    const clauses = this.present(nodesOf(node, "cancellationClause"), (clause): A.CancellationClause | undefined => {
      const [key] = Object.keys(clause.children);
      const inner = key === undefined ? undefined : nodeOf(clause, key);
      const clauseSpan = inner && this.nodeSpan(inner);
      if (inner === undefined || clauseSpan === undefined) return undefined;
      switch (key) {
        case "withdrawalClause": {
          const days = this.number(tokenOf(inner, "days"));
          return days && { kind: "Withdrawal", days, span: clauseSpan };
        }
        case "policyClause": {
          const policy = this.name(tokenOf(inner, "policy"));
          return policy && { kind: "Policy", policy, span: clauseSpan };
        }
        case "lateCancellerClause":
          return this.lateCanceller(inner, clauseSpan);
        default:
          return undefined;
      }
    });
    return { kind: "Cancellation", clauses, span };
  }

  private lateCanceller(node: CstNode, span: Span): A.LateCancellerClause | undefined {
    const rule = nodeOf(node, "lateCancellerRule");
    if (rule === undefined) return undefined;
    const hold = nodeOf(rule, "holdPart");
    const holdWeeks = hold && this.number(tokenOf(hold, "weeks"));
    const prepayment = nodeOf(rule, "prepaymentPart");
    // `prepayment only` counts only when both words are really there
    const prepaymentOnly = prepayment !== undefined && tokenOf(prepayment, "Prepayment") !== undefined && tokenOf(prepayment, "Only") !== undefined;
    if (holdWeeks === undefined && !prepaymentOnly) return undefined;
    return { kind: "LateCanceller", ...(holdWeeks ? { holdWeeks } : {}), prepaymentOnly, span };
  }

  // -------------------------------------------------------------------------------------------
  // Conditions

  private optionalCondition(parent: CstNode): A.Condition | undefined {
    const node = nodeOf(parent, "condition");
    return node && this.condition(node);
  }

  private condition(node: CstNode): A.Condition | undefined {
    const operands = this.present(nodesOf(node, "andCondition"), (n) => this.andCondition(n));
    return this.combine("Or", operands, node);
  }

  private andCondition(node: CstNode): A.Condition | undefined {
    const operands = this.present(nodesOf(node, "notCondition"), (n) => this.notCondition(n));
    return this.combine("And", operands, node);
  }

  /** One operand stands for itself; several make one flat And/Or node. */
  private combine(kind: "And" | "Or", operands: A.Condition[], node: CstNode): A.Condition | undefined {
    if (operands.length <= 1) return operands[0];
    const span = this.nodeSpan(node);
    return span && { kind, operands, span };
  }

  private notCondition(node: CstNode): A.Condition | undefined {
    const primary = nodeOf(node, "primaryCondition");
    let condition = primary && this.primary(primary);
    if (condition === undefined) return undefined;
    // `not not X`: the innermost `not` is the last one; each Not spans from its keyword to the end
    const nots = tokensOf(node, "Not");
    const end = this.nodeSpan(node)?.end ?? condition.span.end;
    for (let i = nots.length - 1; i >= 0; i--) {
      condition = { kind: "Not", operand: condition, span: this.lines.span(nots[i]!.startOffset, end) };
    }
    return condition;
  }

  private primary(node: CstNode): A.Condition | undefined {
    const inner = nodeOf(node, "condition");
    if (inner !== undefined) return this.condition(inner);
    const comparison = nodeOf(node, "comparison");
    return comparison && this.comparison(comparison);
  }

  private comparison(node: CstNode): A.Comparison | undefined {
    const figureNode = nodeOf(node, "figure");
    const left = figureNode && this.figure(figureNode);
    const opNode = nodeOf(node, "compareOp");
    const op = opNode && tokenOf(opNode, "op");
    const right = this.number(tokenOf(node, "right"));
    const maxleg = this.percent(tokenOf(node, "maxleg"));
    const span = this.nodeSpan(node);
    if (!left || !op || !right || !span) return undefined;
    return { kind: "Comparison", left, op: op.image as A.CompareOp, right, ...(maxleg ? { maxleg } : {}), span };
  }

  private figure(node: CstNode): A.Figure | undefined {
    const span = this.nodeSpan(node);
    if (span === undefined) return undefined;
    const fn = tokenOf(node, "function");
    if (fn !== undefined) {
      const rank = this.name(tokenOf(node, "rank"));
      if (rank === undefined) return undefined;
      return fn.image === "legs" ? { kind: "Legs", rank, span } : { kind: "Frontline", rank, span };
    }
    const figure = this.name(tokenOf(node, "figure"));
    const measure = this.name(tokenOf(node, "measure"));
    return figure && { kind: "VolumeFigure", figure, ...(measure ? { measure } : {}), span };
  }
}
