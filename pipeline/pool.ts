/**
 * A pool of worker threads for the per-article stages and the per-table export. Batches go out as workers
 * free up, at most two (or `perWorker`) per worker in flight, and their results are handed back strictly in
 * batch order, so the output does not depend on the number of workers, and only the batches in flight are in
 * memory.
 */
import { Worker } from 'node:worker_threads';
import { runTask } from './tasks.ts';
import type { Task, TaskInput, TaskOutput } from './tasks.ts';
import type { ErrorPayload } from './errors.ts';
import { fromPayload } from './validate.ts';

export interface Pool {
  /**
   * Runs `task` on every batch `batches` yields (pulled lazily) and calls `onBatch` with each batch's results,
   * in batch order. Without worker threads (`size` 1) the batches run on this thread, one at a time.
   */
  stream<T extends Task>(task: T, batches: Iterable<TaskInput<T>[]>, onBatch: (results: TaskOutput<T>[]) => void, perWorker?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A worker's young generation, where an article's short-lived strings and arrays are born and die. V8's default
 * is small for this work: a worker then scavenges every few articles and promotes half-finished articles into the
 * old generation, and on two cores the collector's helper threads take CPU from the other worker. Measured on
 * 10,000 bench articles (seed 1, two workers, one run each on a quiet machine): default 117.0 s whole run (annotate
 * 75.9 s, 57 s of CPU on V8's helper threads), peak RSS 795 MB; 96 MB 93.7 s (annotate 59.2 s, 43 s), 858 MB;
 * 192 MB 90.5 s, 1,112 MB.
 */
const YOUNG_GENERATION_MB = 96;

export function createPool(size: number): Pool {
  if (size <= 1) {
    return {
      async stream(task, batches, onBatch) {
        for (const b of batches) onBatch(b.map((x) => runTask(task, x)));
      },
      async close() {},
    };
  }
  const workers = Array.from({ length: size }, () => new Worker(new URL('./worker-boot.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
  return {
    stream<T extends Task>(task: T, batches: Iterable<TaskInput<T>[]>, onBatch: (results: TaskOutput<T>[]) => void, perWorker = 2): Promise<void> {
      const it = batches[Symbol.iterator]();
      const done = new Map<number, TaskOutput<T>[]>();
      let sent = 0;
      let delivered = 0;
      let exhausted = false;
      return new Promise<void>((resolve, reject) => {
        let failed = false;
        const fail = (err: unknown) => {
          if (failed) return;
          failed = true;
          for (const w of workers) w.removeAllListeners('message').removeAllListeners('error');
          reject(err);
        };
        const send = (w: Worker) => {
          if (exhausted || failed) return;
          const next = it.next();
          if (next.done) {
            exhausted = true;
            return;
          }
          w.postMessage({ id: sent++, task, items: next.value });
        };
        for (const w of workers) {
          w.on('message', (m: { id: number; results?: TaskOutput<T>[]; error?: ErrorPayload }) => {
            if (m.error !== undefined) return fail(fromPayload(m.error));
            done.set(m.id, m.results!);
            try {
              while (done.has(delivered)) {
                const r = done.get(delivered)!;
                done.delete(delivered++);
                onBatch(r);
              }
            } catch (err) {
              return fail(err);
            }
            send(w);
            if (exhausted && delivered === sent) {
              for (const x of workers) x.removeAllListeners('message').removeAllListeners('error');
              resolve();
            }
          });
          w.on('error', fail);
        }
        // By default two batches per worker in flight: one being worked on, one waiting.
        for (let k = 0; k < perWorker; k++) for (const w of workers) send(w);
        if (exhausted && sent === 0) {
          for (const x of workers) x.removeAllListeners('message').removeAllListeners('error');
          resolve();
        }
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
