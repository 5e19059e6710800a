/**
 * Hover text: the keyword's sentence from TOKEN_INFO (the lexer's table), or what a declared
 * rank or measure is. Pure, so it is tested without an editor.
 */
import { type PlanAst, TOKEN_INFO } from "../../../runtime/surface.ts";

const KEYWORD_HOVER = new Map(
  TOKEN_INFO.filter((t) => t.category === "keyword" && t.hover !== undefined).map((t) => [t.pattern, t.hover ?? ""]),
);

/** Markdown lines for the word under the mouse, or null when there is nothing to say. */
export function hoverFor(word: string, ast: PlanAst | null): string[] | null {
  const keyword = KEYWORD_HOVER.get(word);
  if (keyword !== undefined) return [`**${word}** (keyword)`, keyword];
  if (ast === null) return null;
  const ranks = ast.items.flatMap((item) => (item.kind === "Ranks" ? item.ranks : []));
  const rankIndex = ranks.findIndex((r) => r.name.text === word);
  if (rankIndex >= 0) {
    const conditions = ranks[rankIndex]?.condition === undefined ? "no conditions: every partner reaches it" : "reached when its conditions hold";
    return [`**${word}** (rank ${rankIndex + 1} of ${ranks.length}, lowest first)`, conditions];
  }
  for (const item of ast.items) {
    if (item.kind === "Volume" && item.name.text === word) {
      return [`**${word}** (volume measure)`, `the sum over order lines of quantity × \`${item.figure.text}\``];
    }
  }
  return null;
}
