/**
 * Small typed readers over chevrotain's CST. Tokens inserted by error recovery (virtual, with no
 * position) count as absent: the AST leaves missing parts out rather than inventing them.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";

function isToken(element: CstElement): element is IToken {
  return (element as IToken).image !== undefined;
}

export function isRealToken(token: IToken): boolean {
  return token.isInsertedInRecovery !== true && !Number.isNaN(token.startOffset);
}

export function tokensOf(node: CstNode, key: string): IToken[] {
  return (node.children[key] ?? []).filter(isToken).filter(isRealToken);
}

export function tokenOf(node: CstNode, key: string): IToken | undefined {
  return tokensOf(node, key)[0];
}

export function nodesOf(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []).filter((e): e is CstNode => !isToken(e));
}

export function nodeOf(node: CstNode, key: string): CstNode | undefined {
  return nodesOf(node, key)[0];
}
