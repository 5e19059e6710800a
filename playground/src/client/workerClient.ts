/**
 * The page's side of the run workers: typed requests with promises, progress callbacks and
 * cancel. Two lanes, so that Cancel never throws away what is on screen:
 *
 * - the *resident* worker holds the last finished run and answers the views' queries
 *   (statements, explain, genealogy, KPIs, exports);
 * - the *job* worker loads data, runs and compares. A finished run's job worker becomes the
 *   resident (the old one is terminated); Cancel terminates only the job worker — a run of the
 *   reference evaluator cannot be interrupted from inside — so the shown results stay.
 *
 * A job worker keeps the data it loaded, so the next run or comparison on the same data reuses
 * it; after a run, the next job worker starts loading the run's data at once (warm). Pending requests of a terminated worker fail with CancelledError; a crashed worker (e.g.
 * out of memory) fails them with its message.
 *
 * A comparison on the shown run's data goes to the resident, which already holds that data
 * checked, the run's compiled plan and the run itself (one of the four replays): no second
 * worker generates and checks 100k partners again. Cancel cannot terminate the resident, so it
 * sends a cancel message: the comparison stops between two of the engine's runs and the
 * resident keeps the shown run (worker/runWorker.ts). The page hears the cancel at once.
 */
import RunWorker from "../worker/runWorker.ts?worker";
import { sourceKey } from "../worker/dataSources.ts";
import type { DataSource, PageMessage, ProgressReport, ReplyOf, WorkerMessage, WorkerRequest } from "../worker/protocol.ts";

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export type ProgressListener = (stage: string, fraction: number | null) => void;

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
  onProgress?: ProgressListener | undefined;
}

/** One worker and the requests it has not answered yet. */
class Lane {
  readonly worker: Worker;
  private nextId = 1;
  readonly pending = new Map<number, Pending>();

  constructor(onCrash: (lane: Lane, error: Error) => void) {
    this.worker = new RunWorker();
    this.worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => this.receive(event.data));
    this.worker.addEventListener("error", (event: ErrorEvent) => {
      event.preventDefault();
      onCrash(this, new Error(`the run worker stopped: ${event.message || "the browser stopped it (out of memory?)"}`));
    });
  }

  private receive(message: WorkerMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if ("progress" in message) {
      const report: ProgressReport = message.progress;
      pending.onProgress?.(report.stage, report.fraction);
      return;
    }
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.reply);
    else pending.reject(new Error(message.message));
  }

  request(request: WorkerRequest, onProgress?: ProgressListener): Promise<unknown> {
    return this.stoppable(request, onProgress).reply;
  }

  /** A request the page can stop without terminating the worker: `stop` rejects it at once and tells the worker. */
  stoppable(request: WorkerRequest, onProgress?: ProgressListener): { reply: Promise<unknown>; stop(): void } {
    const id = this.nextId++;
    const reply = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.post({ id, request });
    });
    const stop = (): void => {
      const pending = this.pending.get(id);
      if (pending === undefined) return;
      this.pending.delete(id);
      this.post({ cancel: id });
      pending.reject(new CancelledError());
    };
    return { reply, stop };
  }

  private post(message: PageMessage): void {
    this.worker.postMessage(message);
  }

  terminate(reason: Error): void {
    this.worker.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(reason);
  }
}

const JOBS: ReadonlySet<WorkerRequest["type"]> = new Set(["load", "run", "compare"]);

export class WorkerClient {
  private resident: Lane;
  private job: Lane | null = null;
  /** The job worker loading the last run's data in the background, with the data's key. */
  private warming: { lane: Lane; key: string } | null = null;
  /** The data the resident worker holds: that of the shown run (its key, and the source itself). */
  private residentData: string | null = null;
  private residentSource: DataSource | null = null;
  /** A comparison going in the resident worker, and how to stop it. */
  private residentJob: { stop(): void } | null = null;

  /** `onResultsLost` hears when the resident worker crashed: the finished run is gone. */
  constructor(private readonly onResultsLost: () => void = () => {}) {
    this.resident = this.spawn();
  }

  private spawn(): Lane {
    return new Lane((lane, error) => this.crashed(lane, error));
  }

  private crashed(lane: Lane, error: Error): void {
    lane.terminate(error);
    if (lane === this.job) {
      this.job = null;
      return;
    }
    if (lane === this.resident) {
      this.resident = this.spawn();
      this.residentData = null;
      this.residentSource = null;
      this.onResultsLost();
    }
  }

  request<R extends WorkerRequest>(request: R, onProgress?: ProgressListener): Promise<ReplyOf[R["type"]]> {
    if (request.type === "records") return this.recordsLane(request.data).request(request, onProgress) as Promise<ReplyOf[R["type"]]>;
    if (!JOBS.has(request.type)) return this.resident.request(request, onProgress) as Promise<ReplyOf[R["type"]]>;
    if (request.type === "compare" && this.holdsShownData(request.source)) return this.compareInResident(request, onProgress) as Promise<ReplyOf[R["type"]]>;
    if ("source" in request) this.stopWarmingOtherThan(request.source);
    const lane = (this.job ??= this.spawn());
    const reply = lane.request(request, onProgress);
    if (request.type !== "run") return reply as Promise<ReplyOf[R["type"]]>;
    return reply.then((answer) => {
      if ((answer as ReplyOf["run"]).kind === "done" && this.job === lane) {
        // The run's worker now holds the results the page shows: it answers the queries.
        const old = this.resident;
        this.resident = lane;
        this.job = null;
        old.terminate(new CancelledError());
        this.residentData = sourceKey(request.source);
        this.residentSource = request.source;
        this.warm(request.source);
      }
      return answer;
    }) as Promise<ReplyOf[R["type"]]>;
  }

  /** Whether the resident worker holds this data: the shown run's (a file by its text too: same name and size is not the same file). */
  private holdsShownData(source: DataSource): boolean {
    const shown = this.residentSource;
    if (shown === null || sourceKey(shown) !== sourceKey(source)) return false;
    return shown.kind !== "file" || (source.kind === "file" && shown.text === source.text);
  }

  private compareInResident(request: WorkerRequest, onProgress?: ProgressListener): Promise<unknown> {
    const job = this.resident.stoppable(request, onProgress);
    const entry = { stop: job.stop };
    this.residentJob = entry;
    const done = (): void => {
      if (this.residentJob === entry) this.residentJob = null;
    };
    job.reply.then(done, done);
    return job.reply;
  }

  /**
   * The data browser's worker: the resident when it holds that data (the shown run's), else the
   * job worker, which loaded (or is loading) the data last chosen; its answer waits for the load.
   */
  private recordsLane(data: string): Lane {
    if (data === this.residentData) return this.resident;
    return (this.job ??= this.spawn());
  }

  /**
   * A fresh job worker that loads the run's data at once, in the background: the next run (after
   * an edit) or the comparison then starts on loaded data instead of generating and checking 100k
   * partners again (seconds each time). Its reply is not awaited; Cancel stops it like any job.
   */
  private warm(source: DataSource): void {
    const lane = (this.job ??= this.spawn());
    this.warming = { lane, key: sourceKey(source) };
    const done = (): void => {
      if (this.warming?.lane === lane) this.warming = null;
    };
    lane.request({ type: "load", source }).then(done, done);
  }

  /** A job on other data need not wait for the warm-up of the old data: that worker is dropped. */
  private stopWarmingOtherThan(source: DataSource): void {
    const warming = this.warming;
    if (warming === null || warming.key === sourceKey(source) || this.job !== warming.lane || warming.lane.pending.size !== 1) return;
    this.warming = null;
    this.job = null;
    warming.lane.terminate(new CancelledError());
  }

  /** A data load, run or comparison is going. */
  get busy(): boolean {
    return (this.job?.pending.size ?? 0) > 0 || this.residentJob !== null;
  }

  /** Stop the running job (data load, run, comparison); the shown results and their worker stay. */
  cancel(): void {
    const job = this.job;
    // A worker doing nothing but the background load of the shown run's data is not the user's
    // job: it stays, so the next run after the cancelled comparison still starts on loaded data.
    const onlyWarming = job !== null && this.warming?.lane === job && job.pending.size === 1;
    if (!onlyWarming) {
      this.job = null;
      job?.terminate(new CancelledError());
    }
    const inResident = this.residentJob;
    this.residentJob = null;
    inResident?.stop();
  }
}
