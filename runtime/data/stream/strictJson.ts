/**
 * A strict JSON reader that says where a text goes wrong: the offset of the first syntax error
 * and of a key repeated in one object. JSON.parse on Node 20 gives neither (its messages carry
 * no position, and a repeated key silently replaces the first: `"net":"19.90","net":"1990.00"`
 * would pay on 1990.00). Used on the slow path only — when JSON.parse fails, or when a record has
 * fewer keys than its text (see recordText.ts) — so its speed does not matter.
 */

export interface JsonFault {
  message: string;
  /** Offset in the text (UTF-16 code units) where the fault is. */
  offset: number;
}

class Fault extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A character as a message shows it: printable as is, anything else escaped (no raw newlines). */
export function showChar(text: string, offset: number): string {
  if (offset >= text.length) return "the end of the text";
  const c = text.codePointAt(offset) as number;
  const ch = String.fromCodePoint(c);
  if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || c === 0x2028 || c === 0x2029 || c === 0xfeff) {
    return `\`\\u${c.toString(16).padStart(4, "0")}\``;
  }
  return `\`${ch}\``;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string, offset = this.pos): never {
    throw new Fault(message, offset);
  }

  space(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  value(): void {
    this.space();
    const c = this.text[this.pos];
    if (c === "{") this.object();
    else if (c === "[") this.array();
    else if (c === '"') this.string();
    else if (c === "t" || c === "f" || c === "n") this.word();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) this.number();
    else this.fail(`expected a value, found ${showChar(this.text, this.pos)}`);
  }

  word(): void {
    for (const w of ["true", "false", "null"]) {
      if (this.text.startsWith(w, this.pos)) {
        this.pos += w.length;
        return;
      }
    }
    this.fail(`expected a value, found ${showChar(this.text, this.pos)} (strings need double quotes)`);
  }

  number(): void {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) this.fail(`malformed number`);
    this.pos += m[0].length;
  }

  string(): string {
    const start = this.pos;
    this.pos++;
    let out = "";
    let run = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) this.fail("a string is not closed (missing `\"`)", start);
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x22) break;
      if (c < 0x20) this.fail(`a raw control character ${showChar(this.text, this.pos)} inside a string (write it escaped)`);
      if (c === 0x5c) {
        out += this.text.slice(run, this.pos);
        const e = this.text[this.pos + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail("malformed `\\u` escape");
          out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          out += JSON.parse(`"\\${e}"`) as string;
          this.pos += 2;
        } else {
          this.fail(`unknown escape ${showChar(this.text, this.pos + 1)} after \`\\\``, this.pos + 1);
        }
        run = this.pos;
        continue;
      }
      this.pos++;
    }
    out += this.text.slice(run, this.pos);
    this.pos++;
    return out;
  }

  object(): void {
    this.pos++;
    const keys = new Set<string>();
    this.space();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail(`expected a key in double quotes, found ${showChar(this.text, this.pos)}`);
      const keyAt = this.pos;
      const key = this.string();
      if (keys.has(key)) {
        this.fail(`duplicate key ${JSON.stringify(key)} in one object (the second would silently replace the first)`, keyAt);
      }
      keys.add(key);
      this.space();
      if (this.text[this.pos] !== ":") this.fail(`expected \`:\` after the key ${JSON.stringify(key)}, found ${showChar(this.text, this.pos)}`);
      this.pos++;
      this.value();
      this.space();
      const next = this.text[this.pos];
      if (next === ",") {
        this.pos++;
        continue;
      }
      if (next === "}") {
        this.pos++;
        return;
      }
      this.fail(`expected \`,\` or \`}\` after a value in an object, found ${showChar(this.text, this.pos)}`);
    }
  }

  array(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      const next = this.text[this.pos];
      if (next === ",") {
        this.pos++;
        continue;
      }
      if (next === "]") {
        this.pos++;
        return;
      }
      this.fail(`expected \`,\` or \`]\` after a value in a list, found ${showChar(this.text, this.pos)}`);
    }
  }
}

/** The first fault of `text` as one JSON value (syntax or a repeated key), or null when it has none. */
export function findJsonFault(text: string): JsonFault | null {
  const reader = new Reader(text);
  try {
    reader.value();
    reader.space();
    if (reader.pos < text.length) reader.fail(`unexpected ${showChar(text, reader.pos)} after the end of the value`);
    return null;
  } catch (e) {
    if (e instanceof Fault) return { message: e.message, offset: e.offset };
    throw e;
  }
}

/** Line (from 1) and column (from 1, in code units) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
