/**
 * Quoting source text inside a message: in backticks, with invisible characters spelled out as
 * U+XXXX and long runs shortened, so a message never carries raw control characters or a
 * megabyte of garbage.
 */
const MAX_SHOWN = 24;

export function showText(text: string): string {
  return `\`${visibleText(text, MAX_SHOWN)}\``;
}

/** The text with invisible characters spelled out, cut to `max` characters (then "…"). */
export function visibleText(text: string, max: number): string {
  const chars = [...text];
  const shown = chars.slice(0, max).map(visible).join("");
  return chars.length > max ? `${shown}…` : shown;
}

function visible(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  // C0/C1 controls, DEL, lone surrogates, format characters (zero width, bidi marks)
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff) || /\p{Cf}/u.test(ch)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return ch;
}
