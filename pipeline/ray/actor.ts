/**
 * A Node actor of the Ray engine: a long-lived process that a Ray actor (ray/driver.py) starts and talks to
 * over standard input and output, one line per message, running the same `runTask` as a worker thread of the
 * local pool does.
 *
 *   in:  {"task":"prepare"|"annotate","items":[item, …]}       each item as `wire.toJson` makes it
 *   out: {"n":N,"rss":KB}  then N lines, each one result as `wire.encode` makes it, in item order
 *        or {"error":ErrorPayload}                              the batch failed as a whole (a bug, not an article)
 *
 * An article's own failure comes back inside its result (tasks.ts), as on a worker thread. Standard output
 * carries nothing else; standard error goes to the Ray worker's log.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import v8 from 'node:v8';
import { toPayload } from '../errors.ts';
import { runTask } from '../tasks.ts';
import type { Task } from '../tasks.ts';
import { encode, fromJson } from './wire.ts';

// As in the CLI (cli.ts): grow the heap by at most 10% over its live size, so an actor holds what it uses.
v8.setFlagsFromString('--heap-growing-percent=10');

const TASKS: readonly Task[] = ['prepare', 'annotate'];

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line) continue;
  let out: string;
  try {
    const m = JSON.parse(line) as { task: Task; items: unknown[] };
    if (!TASKS.includes(m.task)) throw new Error(`the Ray engine's actors run ${TASKS.join(' and ')}, not "${m.task}"`);
    const results = m.items.map((x) => encode(runTask(m.task, fromJson(x) as never)));
    out = `${JSON.stringify({ n: results.length, rss: process.resourceUsage().maxRSS })}\n${results.map((r) => `${r}\n`).join('')}`;
  } catch (err) {
    out = `${JSON.stringify({ error: toPayload(err) })}\n`;
  }
  await write(out);
}
