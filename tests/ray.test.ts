/**
 * The Ray engine (`--engine ray`): the wire format its Node actors speak carries every task result exactly as a
 * worker thread's structured clone does; the CLI refuses it cleanly where Ray is missing or the cluster cannot be
 * reached; and, on a local Ray of two CPUs, the seeds and a generated corpus of 2,000 articles come out byte for
 * byte as with the local engine, with articles quarantined at every stage and one Node actor killed in the middle
 * of the run.
 *
 * The Ray part needs the project's Python environment (`npm run setup:ray`): outside CI it is skipped, saying
 * so, where Ray is not installed; under CI=true a missing Ray fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect, isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.ts';
import { dedupeFields, duplicateLinks, storyDecisions } from '../pipeline/dedupe.ts';
import { readSeedFolder } from '../pipeline/io/seeds.ts';
import { ArticleStore } from '../pipeline/io/stores.ts';
import { planIngest, sortedEntries } from '../pipeline/ingest.ts';
import { rayPython } from '../pipeline/ray/engine.ts';
import { decode, encode } from '../pipeline/ray/wire.ts';
import { runTask } from '../pipeline/tasks.ts';
import type { AnnotateInput, PrepareOutput } from '../pipeline/tasks.ts';
import { ROOT, VERSION, runCli, tempDir } from './helpers.ts';

const files = (dir: string, p = ''): string[] => readdirSync(path.join(dir, p), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, `${p}${e.name}/`) : [`${p}${e.name}`])).sort();

/** Every file of release `b` is in `a` with the same bytes, and the other way round. */
function expectSameRelease(a: string, b: string): void {
  const list = files(a);
  expect(files(b)).toEqual(list);
  const differ = list.filter((f) => !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
  expect(differ, `files that differ between ${a} and ${b}`).toEqual([]);
}

/** The CLI run with these environment variables added. */
function cliWith(env: Record<string, string>, args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipeline/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1', ...env } });
  return { status: r.status, stderr: r.stderr };
}

/** The value as a worker thread would receive it, and as the wire gives it. */
function expectWireExact(value: unknown): void {
  const wired = decode(encode(value));
  expect(isDeepStrictEqual(wired, structuredClone(value)), inspect(value).slice(0, 300)).toBe(true);
}

describe('the wire format of the Ray engine', () => {
  it('carries what JSON loses, exactly: Map, Set, typed arrays, undefined, NaN, ±Infinity, -0, bigint, dates, odd keys', () => {
    const odd: Record<string, unknown> = { '\u0000': 'a key no data has', plain: 1 };
    Object.defineProperty(odd, '__proto__', { value: { x: 1 }, enumerable: true, writable: true, configurable: true });
    const values: unknown[] = [
      { m: new Map<unknown, unknown>([['a', 1], [2, new Set(['x', undefined])]]), u: undefined, n: null },
      [NaN, Infinity, -Infinity, -0, 0, 1.5e-300, 2 ** 53 + 2],
      { sig: new Uint32Array([0, 1, 2 ** 32 - 1]), f: new Float64Array([0.1, -0]), i: new Int16Array([-5]), b: new BigInt64Array([-(2n ** 63n)]) },
      { big: 12345678901234567890n, d: new Date(Date.UTC(2024, 1, 29)), s: 'line\nbreak \u2028 \ud83d\ude00 \ud800' },
      odd,
      { nested: { '\u0000': { '\u0000': 'twice' } } },
      [undefined, [undefined], {}],
    ];
    for (const v of values) expectWireExact(v);
    // A sub-array view keeps only its own bytes.
    const whole = new Uint32Array([1, 2, 3, 4]);
    expect(decode(encode(whole.subarray(1, 3)))).toEqual(new Uint32Array([2, 3]));
    expect(() => encode(new (class Thing {})())).toThrow(/cannot carry an instance of Thing/);
    expect(() => encode({ f: () => 1 })).toThrow(/cannot carry a function/);
    expect(encode({ a: 'x\ny' })).not.toContain('\n');
  });

  it('carries every prepare and annotate result of the seeds and a generated corpus as a worker thread would, and an annotate item with the article in it gives what the store gives', () => {
    const corpus = tempDir('dispatches-ray-wire-');
    writeCorpus(corpus, 60, 3);
    for (const dir of [path.join(ROOT, 'seeds'), corpus]) {
      const folder = readSeedFolder(dir, 5 * 1024 * 1024, true);
      const manifest = planIngest(folder);
      const entries = sortedEntries(folder);
      const prepared: PrepareOutput[] = entries.map((entry, i) => runTask('prepare', { entry, manifest: manifest.get(entry.name) ?? null, ...(i === 1 ? { fail: 'clean' as const } : {}) }));
      for (const r of prepared) expectWireExact(r);
      const kept = prepared.filter((r) => r.article && r.summary);
      const summaries = kept.map((r) => r.summary!);
      const decisions = storyDecisions(summaries, duplicateLinks(summaries), {});
      const store = new ArticleStore(path.join(tempDir('dispatches-ray-store-'), 'articles.store'));
      try {
        kept.forEach((r, i) => {
          const fields = dedupeFields(r.article!.id, decisions);
          const fail = i === 2 ? { fail: 'annotate' as const } : i === 3 ? { fail: 'check' as const } : {};
          const viaJson: AnnotateInput = { json: r.article!.json, fields, ...fail };
          expectWireExact(viaJson);
          const out = runTask('annotate', viaJson);
          expectWireExact(out);
          const viaStore = runTask('annotate', { store: store.file, ref: store.addJson(r.article!.json), fields, ...fail });
          expect(isDeepStrictEqual(viaStore, out)).toBe(true);
        });
      } finally {
        store.close();
      }
    }
  }, 120_000);
});

describe('--engine ray on the command line', () => {
  it('refuses bad engine options with exit 2 (usage)', () => {
    const out = tempDir('dispatches-ray-usage-');
    for (const [args, msg] of [
      [['--engine', 'spark'], /--engine must be "local" or "ray"/],
      [['--ray-address', 'auto'], /--ray-address needs --engine ray/],
      [['--engine', 'ray', '--ray-address', 'http://head:8265'], /--ray-address must be auto, HOST:PORT or ray:\/\/HOST:PORT/],
    ] as const) {
      const r = runCli(['--seeds', path.join(ROOT, 'seeds'), '--out', out, ...args]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('without Ray installed exits 2 with the one command that installs it, and writes nothing', () => {
    const out = tempDir('dispatches-ray-missing-');
    const r = cliWith({ DISPATCHES_PYTHON: path.join(out, 'no-such-venv', 'bin', 'python') }, ['--seeds', path.join(ROOT, 'seeds'), '--out', out, '--engine', 'ray']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/RAY_NOT_INSTALLED: .*Fix: run `npm run setup:ray`/);
    expect(readdirSync(out)).toEqual([]);
    // A Python without Ray: the driver says so, the same way.
    const bare = '/usr/bin/python3';
    if (existsSync(bare) && spawnSync(bare, ['-c', 'import ray.data'], { cwd: out }).status !== 0) {
      const r2 = cliWith({ DISPATCHES_PYTHON: bare }, ['--seeds', path.join(ROOT, 'seeds'), '--out', out, '--engine', 'ray']);
      expect(r2.status, r2.stderr).toBe(2);
      expect(r2.stderr).toMatch(/RAY_NOT_INSTALLED: .*cannot import Ray Data.*Fix: run `npm run setup:ray`/);
      expect(readdirSync(out)).toEqual([]);
    }
  });
});

const python = rayPython();
const hasRay = spawnSync(python, ['-c', 'import ray.data'], { cwd: tempDir('dispatches-ray-probe-') }).status === 0;
const CI = process.env['CI'] === 'true';
if (!hasRay && !CI) console.warn(`tests/ray.test.ts: Ray is not installed (${python}): the --engine ray runs are skipped. \`npm run setup:ray\` installs it.`);

/** Every process below `pid` (children of all its threads), with its command line. */
function descendants(pid: number): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  const walk = (p: number) => {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const t of tasks) {
      let kids = '';
      try {
        kids = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const c of kids.split(' ').filter(Boolean).map(Number)) {
        let cmd = '';
        try {
          cmd = readFileSync(`/proc/${c}/cmdline`, 'utf8').replaceAll('\0', ' ');
        } catch {
          continue;
        }
        out.push({ pid: c, cmd });
        walk(c);
      }
    }
  };
  walk(pid);
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fields of /proc/PID/stat after the command name: [state, ppid, …]. */
function stat(pid: number): string[] {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return [];
  }
}
const ppid = (pid: number) => Number(stat(pid)[1]);
/** CPU time the process has used (user + system), in seconds (clock ticks of 1/100 s). */
const cpuSeconds = (pid: number) => {
  const f = stat(pid);
  return f.length ? (Number(f[11]) + Number(f[12])) / 100 : 0;
};

describe.skipIf(!hasRay && !CI)('--engine ray on a local Ray of two CPUs', () => {
  const needRay = () => expect(hasRay, `CI=true and Ray is not installed (${python}): .ci/run must install it (npm run setup:python)`).toBe(true);

  it('gives the seeds byte for byte as the local engine', () => {
    needRay();
    const [local, ray] = [tempDir('dispatches-ray-seeds-local-'), tempDir('dispatches-ray-seeds-ray-')];
    const a = runCli(['--seeds', path.join(ROOT, 'seeds'), '--out', local]);
    expect(a.status, a.stderr).toBe(0);
    const b = runCli(['--seeds', path.join(ROOT, 'seeds'), '--out', ray, '--engine', 'ray']);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/^ray +Ray 2\.\d+\.\d+, local on 127\.0\.0\.1: 1 node\(s\), 2 CPU\(s\), 2 Node actor\(s\)$/m);
    expect(b.stderr).toMatch(/^ray +annotate: 5 items in/m);
    expectSameRelease(path.join(local, VERSION), path.join(ray, VERSION));
  }, 300_000);

  it('gives 2,000 generated articles byte for byte as the local engine, one article quarantined at each stage and one Node actor killed in the middle of annotate (Ray restarts it and retries its batch)', async () => {
    needRay();
    const corpus = tempDir('dispatches-ray-corpus-');
    writeCorpus(corpus, 2000, 1);
    // Failures at every stage travel with their items to the actors (and, for corpus, stay in the CLI).
    const failpoints = { DISPATCHES_FAIL_ARTICLES: 'a000010.txt:clean,a000020.txt:annotate,a000030.txt:check,a000040.txt:corpus' };
    const [local, ray] = [tempDir('dispatches-ray-2k-local-'), tempDir('dispatches-ray-2k-ray-')];
    const a = cliWith(failpoints, ['--seeds', corpus, '--out', local]);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/4 quarantined \(ANNOTATE_FAILED 1, CHECK_FAILED 1, CLEAN_FAILED 1, CORPUS_FAILED 1\)/);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipeline/cli.ts'), '--seeds', corpus, '--out', ray, '--engine', 'ray'], { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: '1', ...failpoints } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const actors = () => descendants(child.pid!).filter((p) => p.cmd.includes('pipeline/ray/actor.ts')).map((p) => p.pid);
    // The Node actors of prepare, seen before annotate starts, are not the ones to kill.
    let prepareActors = new Set<number>();
    let killed: number | null = null;
    let parentOfKilled = 0;
    const t0 = Date.now();
    while (killed === null && Date.now() - t0 < 600_000) {
      await sleep(250);
      if (!/^stories /m.test(stderr)) {
        prepareActors = new Set([...prepareActors, ...actors()]);
        continue;
      }
      const fresh = actors().filter((p) => !prepareActors.has(p));
      // Killed once it has done real work (5 s of CPU: well past its start, a third or so of its share),
      // so it dies in the middle of a batch, with batches of its own already returned.
      const busy = fresh.find((p) => cpuSeconds(p) >= 5);
      if (busy === undefined) continue;
      parentOfKilled = ppid(busy);
      process.kill(busy, 'SIGKILL');
      killed = busy;
    }
    const code = await exited;
    expect(killed, stderr).not.toBeNull();
    expect(code, stderr).toBe(0);
    // The killed actor had returned batches; Ray restarted it (a new process) and retried its batch there.
    const served = /^ray +annotate: 1999 items in [\d.]+ s on (\d+) actor\(s\).*$/m.exec(stderr);
    expect(served, stderr).not.toBeNull();
    expect(Number(served![1]), stderr).toBeGreaterThan(2);
    expect(served![0]).toMatch(new RegExp(`:${parentOfKilled} \\d+ items`));
    expect(served![0]).toMatch(/\(restarted\) \d+ items/);
    expect(stderr).toMatch(/^ray +annotate: 1 actor\(s\) died .* Ray restarted them and retried their batches/m);
    expectSameRelease(path.join(local, VERSION), path.join(ray, VERSION));
  }, 900_000);

  it('with a cluster that cannot be reached exits 2 with a clear message, and writes nothing', async () => {
    needRay();
    // A port nobody listens on: taken from the system, then freed.
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    const out = tempDir('dispatches-ray-unreachable-');
    const r = runCli(['--seeds', path.join(ROOT, 'seeds'), '--out', out, '--engine', 'ray', '--ray-address', `127.0.0.1:${port}`]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`RAY_UNREACHABLE: cannot reach the Ray cluster at 127\\.0\\.0\\.1:${port} .*Fix: start the cluster`));
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);
});
