/**
 * Where streamed writers put their text: a sink that takes chunks. Browser-safe — the Node
 * adapters (a file, standard output with backpressure) live in cli/. A sink may return a
 * promise when it wants the writer to wait (a full pipe); writers await it before the next chunk,
 * so memory never grows with the size of the output.
 */
export interface TextSink {
  write(chunk: Chunk): void | Promise<void>;
}

/**
 * A piece of output: text, or the same already encoded as UTF-8 (the CSV writers write bytes,
 * byteChunks.ts). A chunk handed over belongs to the consumer; the writer never changes it again.
 */
export type Chunk = string | Uint8Array;

/** Chunks of about this many UTF-16 code units (or bytes): large enough to be cheap, small enough to stream. */
export const CHUNK_SIZE = 1 << 16;

/** Collects small pieces of text into chunks of about CHUNK_SIZE. */
export class ChunkBuffer {
  // One growing string (V8 keeps it as a rope until the chunk is used): cheaper than an array
  // of millions of small parts joined at the end.
  private text = "";

  add(text: string): void {
    this.text += text;
  }

  get full(): boolean {
    return this.text.length >= CHUNK_SIZE;
  }

  take(): string {
    const chunk = this.text;
    this.text = "";
    return chunk;
  }
}

/** Writes every chunk to the sink, waiting whenever the sink asks to. */
export async function pipeChunks(chunks: Iterable<Chunk>, sink: TextSink): Promise<void> {
  for (const chunk of chunks) {
    const wait = sink.write(chunk);
    if (wait !== undefined) await wait;
  }
}

/** All chunks as one string: for small outputs and tests only (Node caps strings at 512 MB). */
export function joinChunks(chunks: Iterable<Chunk>): string {
  // fatal: the writers' bytes are UTF-8 by construction; anything else is a bug to report
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let text = "";
  for (const chunk of chunks) text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
