/**
 * Saving a file from the page: the pieces become a Blob (never one big string) and a temporary
 * link with `download` hands it to the browser. Nothing leaves the machine.
 */
export function download(fileName: string, parts: readonly string[], mime: string): void {
  const url = URL.createObjectURL(new Blob(parts as string[], { type: mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; the URL is only needed for that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** RFC 4180 CSV of a small table built on the page (KPIs, comparison). */
export function csvText(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows
    .map((row) =>
      row
        .map((value) => {
          if (value === null) return "";
          let s = String(value);
          if (/^[=+@\t\r]/.test(s)) s = `'${s}`;
          return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(","),
    )
    .map((line) => `${line}\r\n`)
    .join("");
}
