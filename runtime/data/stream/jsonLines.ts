/**
 * JSON Lines split into lines as text arrives in chunks: LF or CRLF line ends, a missing final
 * newline, a byte order mark at the start. Blank lines are skipped (a trailing empty line is
 * common); each other line is handed over with its number, never the whole file as one string.
 */
export class LineSplitter {
  private carry = "";
  private line = 0;
  private first = true;

  constructor(private readonly onLine: (text: string, line: number) => void) {}

  feed(chunk: string): void {
    let text = this.carry + chunk;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      this.emit(text.slice(start, nl));
      start = nl + 1;
    }
    this.carry = text.slice(start);
  }

  end(): void {
    if (this.carry !== "") this.emit(this.carry);
    this.carry = "";
  }

  /** Lines read so far (the number of the last one). */
  get lines(): number {
    return this.line;
  }

  private emit(raw: string): void {
    this.line++;
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    // A record's line starts with `{`: only other lines need the (copying) blank test.
    if (text.charCodeAt(0) !== 123 && text.trim() === "") return;
    this.onLine(text, this.line);
  }
}
