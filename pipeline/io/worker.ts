/** A worker thread of the pool: runs the per-article pure functions on the batches it is sent. */
import { parentPort } from 'node:worker_threads';
import { annotateArticle } from '../annotate.ts';
import { clean } from '../clean.ts';
import type { Task } from './pool.ts';

parentPort!.on('message', (m: { id: number; task: Task; items: unknown[] }) => {
  const run = (x: unknown): unknown => (m.task === 'clean' ? clean(x as Parameters<typeof clean>[0]) : annotateArticle(x as Parameters<typeof annotateArticle>[0]));
  parentPort!.postMessage({ id: m.id, results: m.items.map(run) });
});
