/**
 * Drag and drop anywhere on the page: a `.plan` file goes into the editor, anything else is
 * read as a data file. The text is only ever handed on as text.
 */
export interface DropTargets {
  plan(name: string, text: string): void;
  data(name: string, text: string): void;
  error(message: string): void;
}

export function isPlanFile(name: string): boolean {
  return /\.(plan|txt)$/i.test(name);
}

export function installFileDrop(root: HTMLElement, targets: DropTargets): void {
  let depth = 0;
  const hasFiles = (event: DragEvent): boolean => [...(event.dataTransfer?.types ?? [])].includes("Files");
  root.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    depth++;
    root.classList.add("dropping");
  });
  root.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) root.classList.remove("dropping");
  });
  root.addEventListener("dragover", (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  root.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    root.classList.remove("dropping");
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    file.text().then(
      (text) => (isPlanFile(file.name) ? targets.plan(file.name, text) : targets.data(file.name, text)),
      (error: unknown) => targets.error(`could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
}
