/**
 * The run worker's entry: one request at a time, in arrival order (a query sent while a run is
 * going waits for it and then sees the new result). A failure becomes an `ok: false` reply with
 * a message; the page never gets a raw exception.
 *
 * A cancel message is heard at once, outside that order: a comparison yields to the event loop
 * between two of the engine's runs, and stops there when the page has cancelled it (the page
 * has already let go of it, so what it would answer is not sent).
 */
import type { PageMessage, ReplyOf, WorkerMessage, WorkerRequest } from "./protocol.ts";
import { answerAnalysis } from "../analysis/jobs.ts";
import { Session } from "./session.ts";

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<PageMessage>) => void): void;
}

const scope = self as unknown as WorkerScope;
const session = new Session();
let queue: Promise<void> = Promise.resolve();
/** Requests received and not finished yet, and those of them the page has cancelled. */
const unfinished = new Set<number>();
const cancelled = new Set<number>();

class Cancelled extends Error {}

/** A pause between two of a comparison's engine runs: lets a cancel message in, and stops the job when it came. */
function pauseFor(id: number): () => Promise<void> {
  return async () => {
    await new Promise<void>((resume) => setTimeout(resume, 0));
    if (cancelled.has(id)) throw new Cancelled("cancelled");
  };
}

async function answer(id: number, request: WorkerRequest, progress: (stage: string, fraction?: number | null) => void): Promise<ReplyOf[WorkerRequest["type"]]> {
  switch (request.type) {
    case "load":
      return session.load(request.source, progress);
    case "run":
      return session.run(request.planText, request.source, request.through, request.policy, progress);
    case "statements":
      return session
        .finished()
        .statements(request.period, request.sort, request.descending, request.search, request.offset, request.limit);
    case "explain":
      return session.finished().explain(request.period, request.partner, request.offset, request.limit, request.filter);
    case "partners":
      return session.finished().partners(request.search, request.limit);
    case "upline":
      return session.finished().upline(request.partner);
    case "creditPaths":
      return session.finished().creditPaths(request.period, request.order);
    case "ordersOf":
      return session.finished().ordersOf(request.period, request.partner);
    case "children":
      return session.finished().genealogy(request.period, request.parent, request.offset, request.limit);
    case "kpis":
      return session.kpis(request.period);
    case "compare":
      return session.compare(request.planText, request.source, request.through, progress, pauseFor(id));
    case "export":
      return session.finished().export(request.what, request.format, request.period);
    case "records":
      return session.records(request.data, request.section, request.search, request.offset, request.limit);
    case "diffPlans":
    case "disclose":
      return answerAnalysis(request, session.finished(), progress);
    default: {
      const unknown: never = request;
      throw new Error(`unknown request ${JSON.stringify(unknown)}`);
    }
  }
}

scope.addEventListener("message", (event) => {
  const message = event.data;
  if ("cancel" in message) {
    if (unfinished.has(message.cancel)) cancelled.add(message.cancel);
    return;
  }
  const { id, request } = message;
  unfinished.add(id);
  queue = queue.then(async () => {
    try {
      if (cancelled.has(id)) throw new Cancelled("cancelled");
      const reply = await answer(id, request, (stage, fraction) => scope.postMessage({ id, progress: { stage, fraction: fraction ?? null } }));
      scope.postMessage({ id, ok: true, reply });
    } catch (error) {
      scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
    } finally {
      unfinished.delete(id);
      cancelled.delete(id);
    }
  });
});
