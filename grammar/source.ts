/**
 * Source positions. Every AST node and every diagnostic carries a Span: character offsets into
 * the plan text (start inclusive, end exclusive) plus the 1-based line and column of `start`,
 * so printers never need the text to say where something is.
 */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
}

/** Maps offsets to 1-based line/column; built once per text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  span(start: number, end: number): Span {
    return { start, end, ...this.position(start) };
  }

  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const s = this.lineStarts[line - 1];
    if (s === undefined) return "";
    const e = this.lineStarts[line] ?? this.text.length + 1;
    return this.text.slice(s, e - 1).replace(/\r$/, "");
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
