/**
 * The Node side of runtime/output/sink.ts: a writable stream (standard output, a pipe) as a
 * TextSink that makes writers wait for 'drain' when the stream's buffer is full, so a slow reader
 * (`| less`, a network pipe) never makes comp hold the whole output in memory.
 */
import type { Writable } from "node:stream";
import type { TextSink } from "../runtime/surface.ts";

export function streamSink(stream: Writable): TextSink {
  return {
    write(chunk) {
      if (stream.write(chunk)) return undefined;
      return new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          stream.off("drain", onDrain);
          stream.off("error", onError);
          if (error) reject(error);
          else resolve();
        };
        const onDrain = () => done();
        const onError = (error: Error) => done(error);
        stream.once("drain", onDrain);
        stream.once("error", onError);
      });
    },
  };
}
