/**
 * A pool of worker threads for the per-article stages (clean, and annotate's per-article pass). Items go out
 * in batches and come back in their original order, so the output does not depend on the number of workers.
 */
import { Worker } from 'node:worker_threads';

export type Task = 'clean' | 'annotate';

export interface Pool {
  /** `task` applied to every item, results in item order. */
  map<I, O>(task: Task, items: I[]): Promise<O[]>;
  close(): Promise<void>;
}

/** Items per message: large enough to amortise messaging, small enough to balance two workers. */
const BATCH = 32;

export function createPool(size: number): Pool {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./worker-boot.mjs', import.meta.url)));
  return {
    async map<I, O>(task: Task, items: I[]): Promise<O[]> {
      const batches: I[][] = [];
      for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
      const results: O[][] = new Array(batches.length);
      let next = 0;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (next >= batches.length) {
                  w.off('message', onMessage);
                  w.off('error', reject);
                  resolve();
                  return;
                }
                const id = next++;
                w.postMessage({ id, task, items: batches[id] });
              };
              const onMessage = (m: { id: number; results: O[] }) => {
                results[m.id] = m.results;
                send();
              };
              w.on('message', onMessage);
              w.on('error', reject);
              send();
            }),
        ),
      );
      return results.flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
