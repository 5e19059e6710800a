/**
 * One JSON value from its text, fast, with the repeated-key check JSON.parse lacks.
 *
 * JSON.parse (native) reads the value; a regular expression counts the keys in the text (every
 * string token, and whether a `:` follows it). When the value has fewer keys than the text, some
 * object repeated a key, and the strict reader (strictJson.ts) names it and where. The same
 * reader locates syntax errors, which JSON.parse on Node 20 reports without a position.
 */
import { findJsonFault, type JsonFault } from "./strictJson.ts";

const STRING_TOKEN = /"(?:[^"\\]|\\.)*"(\s*:)?/g;

function keysInText(text: string): number {
  let keys = 0;
  STRING_TOKEN.lastIndex = 0;
  for (let m = STRING_TOKEN.exec(text); m !== null; m = STRING_TOKEN.exec(text)) if (m[1] !== undefined) keys++;
  return keys;
}

/** Colons anywhere in the text: one after each key, plus any inside strings. */
function colonsInText(text: string): number {
  let colons = 0;
  for (let i = text.indexOf(":"); i !== -1; i = text.indexOf(":", i + 1)) colons++;
  return colons;
}

function keysInValue(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) keys += keysInValue(item);
    return keys;
  }
  for (const key in value) keys += 1 + keysInValue((value as Record<string, unknown>)[key]);
  return keys;
}

export type ParsedText = { ok: true; value: unknown } | ({ ok: false } & JsonFault);

export function parseValueText(text: string): ParsedText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const fault = findJsonFault(text);
    if (fault !== null) return { ok: false, ...fault };
    // Never reached for a text JSON.parse rejects, unless the strict reader is wrong; its message
    // quotes the raw text, so control characters (newlines) are escaped before it is shown.
    const message = (e instanceof Error ? e.message : String(e)).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    return { ok: false, message, offset: 0 };
  }
  // Keys in the text >= keys in the value (a repeated key counts once), and colons >= keys in the
  // text. So colons == keys in the value proves there is no repeated key without the (slower)
  // token count; a colon inside a string (rare in data files) sends it to the exact count.
  if (typeof value === "object" && value !== null && text.indexOf(":") !== -1) {
    const keys = keysInValue(value);
    if (keys !== colonsInText(text) && keys !== keysInText(text)) {
      const fault = findJsonFault(text);
      if (fault !== null) return { ok: false, ...fault };
    }
  }
  return { ok: true, value };
}
