/**
 * The page's side of the run worker: typed requests with promises, progress callbacks, and
 * cancel — which terminates the worker outright (a run of the reference evaluator cannot be
 * interrupted from inside) and starts a fresh one. Pending requests then fail with
 * CancelledError; a crashed worker (e.g. out of memory) fails them with its message.
 */
import RunWorker from "../worker/runWorker.ts?worker";
import type { ReplyOf, WorkerMessage, WorkerRequest } from "../worker/protocol.ts";

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
  onProgress?: ((stage: string) => void) | undefined;
}

export class WorkerClient {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `onRestart` hears of every replacement of the worker: its data set and result are gone. */
  constructor(private readonly onRestart: () => void = () => {}) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new RunWorker();
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => this.receive(event.data));
    worker.addEventListener("error", (event: ErrorEvent) => {
      event.preventDefault();
      const why = event.message || "the browser stopped it (out of memory?)";
      this.restart(new Error(`the run worker stopped: ${why}`));
    });
    return worker;
  }

  private receive(message: WorkerMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if ("progress" in message) {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.reply);
    else pending.reject(new Error(message.message));
  }

  request<R extends WorkerRequest>(request: R, onProgress?: (stage: string) => void): Promise<ReplyOf[R["type"]]> {
    const id = this.nextId++;
    return new Promise<ReplyOf[R["type"]]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (reply: unknown) => void, reject, onProgress });
      this.worker.postMessage({ id, request });
    });
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stop whatever the worker is doing; its data set and last result are discarded. */
  cancel(): void {
    this.restart(new CancelledError());
  }

  private restart(reason: Error): void {
    this.worker.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.worker = this.spawn();
    for (const p of pending) p.reject(reason);
    this.onRestart();
  }
}
