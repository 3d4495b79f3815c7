/**
 * The Ray engine (`--engine ray`): the per-article tasks (prepare, annotate) run on a Ray cluster, in Node
 * actors that call the same `runTask` as the local worker threads, and come back to this process, which runs
 * the corpus-wide steps exactly as the local engine does. This module starts the Python Ray Data driver
 * (ray/driver.py) and speaks its line protocol; it is a `Pool` like the local one, so run.ts only picks it.
 *
 * Results come back in whatever order the cluster finishes them, each with its key (its place in the stage),
 * and are handed on sorted by key, in the batches they were sent in: the order never depends on arrival.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { PipelineError } from '../errors.ts';
import type { ErrorPayload } from '../errors.ts';
import type { Pool } from '../pool.ts';
import type { Task, TaskInput, TaskOutput } from '../tasks.ts';
import { fromPayload } from '../validate.ts';
import { decode, encode } from './wire.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DRIVER = path.join(ROOT, 'ray', 'driver.py');
/** The one command that installs Ray (a virtual environment with pinned versions, `.venv`). */
export const SETUP_COMMAND = 'npm run setup:ray';

export interface RayOptions {
  /** `auto`, `HOST:PORT` or `ray://HOST:PORT`; null starts a local Ray on 127.0.0.1 for the run. */
  address: string | null;
  /** Node actors; 0: one per CPU of the cluster. */
  actors: number;
  /** Receives a line about the cluster and each stage's workers (the CLI prints it). */
  note?: (line: string) => void;
}

/** What the driver reports after a stage: the items, and each Ray actor's peak memory (KB) and items. */
interface StageReport {
  items: number;
  seconds: number;
  /** Per Ray actor (`host:pid`): peak RSS of its Node process and of itself, items, and whether Ray restarted it after a death. */
  workers: { worker: string; node_rss_kb: number; actor_rss_kb: number; items: number; restarted: boolean }[];
  driver_rss_kb: number;
}

type Message =
  | { op: 'ready'; ray: string; cpus: number; nodes: number; actors: number }
  | { op: 'fatal'; code: string; message: string }
  | ({ op: 'done' } & StageReport)
  | { op: 'error'; payload?: ErrorPayload; message?: string };

/** The Python that runs the driver: DISPATCHES_PYTHON, else the project's virtual environment. */
export function rayPython(): string {
  return process.env['DISPATCHES_PYTHON'] || path.join(ROOT, '.venv', 'bin', 'python');
}

function notInstalled(why: string): PipelineError {
  return new PipelineError('RAY_NOT_INSTALLED', `--engine ray needs Ray Data in the project's Python environment: ${why}`, {}, `run \`${SETUP_COMMAND}\` (it creates .venv with the pinned versions), or run without --engine ray`, 2);
}

/** Lines from a stream, awaited one at a time. */
class Lines {
  private buf = '';
  private readonly queue: string[] = [];
  private waiter: ((line: string | null) => void) | null = null;
  private ended = false;

  constructor(stream: Readable) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      this.buf += chunk;
      let at: number;
      while ((at = this.buf.indexOf('\n')) >= 0) {
        this.push(this.buf.slice(0, at));
        this.buf = this.buf.slice(at + 1);
      }
    });
    stream.on('end', () => {
      this.ended = true;
      this.waiter?.(null);
      this.waiter = null;
    });
  }

  private push(line: string): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(line);
    } else this.queue.push(line);
  }

  /** The next line, or null at the end of the stream. */
  next(): Promise<string | null> {
    if (this.queue.length) return Promise.resolve(this.queue.shift()!);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiter = resolve));
  }
}

/**
 * Starts the driver and connects it to Ray (a local one, or the cluster at `address`). Throws RAY_NOT_INSTALLED
 * (exit 2) when there is no Python environment with Ray, RAY_UNREACHABLE (exit 2) when the cluster cannot be
 * reached.
 */
export async function createRayPool(options: RayOptions): Promise<Pool> {
  const python = rayPython();
  if (python.includes('/') && !existsSync(python)) throw notInstalled(`${python} does not exist`);
  const args = [DRIVER, '--project', ROOT, '--node', process.execPath, '--actors', String(options.actors), ...(options.address ? ['--address', options.address] : [])];
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(python, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, RAY_USAGE_STATS_ENABLED: '0', PYTHONUNBUFFERED: '1' },
  });
  // Ray's own messages: kept (the last ones are shown when the driver fails), passed on when asked for.
  const tail: string[] = [];
  const verbose = process.env['DISPATCHES_RAY_VERBOSE'] === '1';
  let partial = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const l of parts) {
      if (!l) continue;
      tail.push(l);
      if (tail.length > 40) tail.shift();
      if (verbose) process.stderr.write(`ray: ${l}\n`);
    }
  });
  let exited: string | null = null;
  let spawnError: Error | null = null;
  const exit = new Promise<void>((resolve) => {
    child.on('error', (err) => {
      spawnError = err;
      exited = `could not start ${python} (${err.message})`;
      resolve();
    });
    child.on('exit', (code, signal) => {
      exited ??= `the Ray driver exited (${signal ?? code})`;
      resolve();
    });
  });
  child.stdin.on('error', () => {});
  const lines = new Lines(child.stdout);
  const driverGone = () => new PipelineError('RAY_DRIVER_EXITED', `${exited ?? 'the Ray driver stopped answering'}; its last messages:\n${tail.slice(-15).join('\n')}\n`, {}, 'see the messages above and the Ray logs (/tmp/ray/session_latest/logs on the head node)');

  const first = await lines.next();
  if (first === null) {
    await exit;
    if (spawnError && (spawnError as NodeJS.ErrnoException).code === 'ENOENT') throw notInstalled(`${python} cannot be run`);
    throw driverGone();
  }
  const ready = JSON.parse(first) as Message;
  if (ready.op === 'fatal') {
    await exit;
    if (ready.code === 'RAY_NOT_INSTALLED') throw notInstalled(ready.message);
    throw new PipelineError(ready.code, ready.message, {}, options.address ? 'start the cluster (`ray start --head` on its head node) or give the address it prints with --ray-address' : 'see the Ray logs', 2);
  }
  if (ready.op !== 'ready') throw driverGone();
  options.note?.(`ray      Ray ${ready.ray}, ${options.address ? `cluster at ${options.address}` : 'local on 127.0.0.1'}: ${ready.nodes} node(s), ${ready.cpus} CPU(s), ${ready.actors} Node actor(s)`);

  const write = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(driverGone());
      if (child.stdin.write(text)) return resolve();
      const done = () => {
        child.stdin.off('drain', done);
        child.off('exit', gone);
        resolve();
      };
      const gone = () => {
        child.stdin.off('drain', done);
        reject(driverGone());
      };
      child.stdin.once('drain', done);
      child.once('exit', gone);
    });

  let busy = false;
  return {
    async stream<T extends Task>(task: T, batches: Iterable<TaskInput<T>[]>, onBatch: (results: TaskOutput<T>[]) => void): Promise<void> {
      if (task === 'export') throw new Error('the Ray engine runs the per-article tasks; the export runs on this machine');
      if (busy) throw new Error('one stage at a time');
      busy = true;
      try {
        const t0 = performance.now();
        // The stage's items go out first (the driver stores them in Ray's object store); the batch sizes stay
        // here, to hand the results back in the same batches.
        const sizes: number[] = [];
        await write(`${JSON.stringify({ op: 'run', task })}\n`);
        let chunk: string[] = [];
        for (const b of batches) {
          sizes.push(b.length);
          for (const item of b) chunk.push(`${encode(item)}\n`);
          if (chunk.length >= 64) {
            await write(chunk.join(''));
            chunk = [];
          }
        }
        await write(`${chunk.join('')}\n`);
        const total = sizes.reduce((a, b) => a + b, 0);
        // Sorted by key: results wait here until every earlier key has come.
        const pending = new Map<number, string>();
        let next = 0;
        let batch = 0;
        let current: TaskOutput<T>[] = [];
        const deliver = () => {
          while (pending.has(next)) {
            current.push(decode(pending.get(next)!) as TaskOutput<T>);
            pending.delete(next++);
            while (batch < sizes.length && current.length === sizes[batch]) {
              const r = current;
              current = [];
              batch++;
              onBatch(r);
            }
          }
        };
        for (;;) {
          const line = await lines.next();
          if (line === null) {
            await exit;
            throw driverGone();
          }
          if (line.startsWith('{')) {
            const m = JSON.parse(line) as Message;
            if (m.op === 'error') throw m.payload ? fromPayload(m.payload) : new PipelineError('RAY_FAILED', `the Ray cluster failed the ${task} stage: ${m.message}`, {}, 'see the Ray logs (/tmp/ray/session_latest/logs on the head node); a batch whose Node process died four times stops the run');
            if (m.op !== 'done') throw driverGone();
            if (next !== total || m.items !== total) throw new PipelineError('RAY_FAILED', `the ${task} stage came back with ${next} of ${total} results`, {}, 'report it with the Ray logs');
            const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
            const workers = m.workers.map((w) => `${w.worker}${w.restarted ? ' (restarted)' : ''} ${w.items} items, Node ${mb(w.node_rss_kb)}, actor ${mb(w.actor_rss_kb)}`).join('; ');
            options.note?.(`ray      ${task}: ${total} items in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${m.workers.length} actor(s), peak RSS per actor: ${workers || 'none'}; driver ${mb(m.driver_rss_kb)}`);
            const restarted = m.workers.filter((w) => w.restarted).length;
            if (restarted) options.note?.(`ray      ${task}: ${restarted} actor(s) died (a Node process or the actor itself) and Ray restarted them and retried their batches; the results are the same (the tasks are pure)`);
            return;
          }
          const sp = line.indexOf(' ');
          const key = Number(line.slice(0, sp));
          // A batch that Ray retried may come back twice: the first copy stands (the tasks are pure).
          if (key >= next && !pending.has(key)) pending.set(key, line.slice(sp + 1));
          deliver();
        }
      } finally {
        busy = false;
      }
    },
    async close() {
      if (!exited) {
        child.stdin.end(`${JSON.stringify({ op: 'close' })}\n`);
        const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
        await exit;
        clearTimeout(timer);
      }
    },
  };
}
