/**
 * User text (ids, SKUs, names from a data file) made safe to print in a terminal. A data file
 * can hold any character in an id: a newline would forge lines of a statement, an ANSI escape
 * sequence would recolour or rewrite the terminal, a zero-width or bidirectional character
 * would hide what an id really is. Every text listing prints such characters as escapes:
 *
 *   newline -> \n, carriage return -> \r, tab -> \t, every other control (Cc), format (Cf),
 *   line/paragraph separator (Zl, Zp) or lone surrogate -> \uXXXX (ESC -> \u001b, U+200B -> \u200b)
 *
 * Only JSON's own escapes are used, so the same pass over a JSON document changes its bytes but
 * never its meaning (inside a JSON string `\u001b` is the character itself; outside strings JSON
 * has no such characters). A backslash stays as it is: ids with backslashes print unchanged.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** The same without newline and tab: for whole messages whose own line breaks and tabs are layout. */
const HIDDEN_IN_LINES = /(?![\n\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function escapeOf(ch: string): string {
  if (ch === "\n") return "\\n";
  if (ch === "\r") return "\\r";
  if (ch === "\t") return "\\t";
  // a code point beyond U+FFFF (a tag character) as its two UTF-16 halves, as JSON writes it
  let out = "";
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}

/** One piece of user text for one line of output: every hidden character escaped. */
export function visible(text: string): string {
  HIDDEN.lastIndex = 0;
  return HIDDEN.test(text) ? text.replace(HIDDEN, escapeOf) : text;
}

/**
 * A whole text output (several lines): every hidden character escaped except the newlines and
 * tabs that lay it out. The CLI passes everything it prints in text through this, so no control
 * character of a data file reaches the terminal even where a message quotes data verbatim.
 */
export function visibleLines(text: string): string {
  HIDDEN_IN_LINES.lastIndex = 0;
  return HIDDEN_IN_LINES.test(text) ? text.replace(HIDDEN_IN_LINES, escapeOf) : text;
}
