/** A worker thread of the pool: runs the per-article pure functions on the batches it is sent. */
import { parentPort } from 'node:worker_threads';
import { runTask } from './tasks.ts';
import type { Task } from './tasks.ts';
import { toPayload } from './errors.ts';

parentPort!.on('message', (m: { id: number; task: Task; items: unknown[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, results: m.items.map((x) => runTask(m.task, x as never)) });
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: toPayload(err) });
  }
});
