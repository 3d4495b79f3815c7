/**
 * `npm run bench -- --articles N [--seed S] [--shape default|dense] [--workers W]`: writes a realistic corpus
 * (bench/corpus.ts; `--shape dense` for articles of about 5.4 KB with many more quotes and actor mentions) to a
 * temporary folder, runs the whole pipeline on it as a separate process (the command users run, so its peak
 * RSS is the run's own, not the corpus generator's), and prints per stage the time, articles/s and MB/s, and
 * the run's peak RSS. Baselines on the same texts and rows:
 *   (a) a floor: read + NFC + tokenise + hash;
 *   (b) compromise's people()/organizations() on a sample, scaled to N;
 *   (c) DuckDB writing the released rows to Parquet from its own table, against our Parquet writer on the
 *       same rows in memory (parsing and loading are not timed on either side).
 * Ratios are ours over the baseline.
 *
 * `npm run bench -- --scaling [--shape S] [--small 10000] [--large 100000] [--seed S] [--workers W]`: runs the
 * pipeline on both sizes (same seed and shape), prints both whole-run times and their ratio, and PASS when
 * time(large)/time(small) ≤ 1.05 × large/small (10.5 for 100,000 against 10,000), FAIL and exit 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import nlp from 'compromise';
import { words } from '../pipeline/clean/text.ts';
import { readJsonlEntries } from '../pipeline/export/jsonl.ts';
import { ParquetSink } from '../pipeline/export/parquet.ts';
import { CHUNK_CHARS, ROW_GROUP_SIZE } from '../pipeline/export/sinks.ts';
import { primaryKeyOf, TABLE_NAMES } from '../pipeline/schema/tables.ts';
import { SHAPES, textStats, writeShape } from './corpus.ts';
import type { Shape } from './corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '0' },
    shape: { type: 'string', default: 'default' },
    scaling: { type: 'boolean', default: false },
    small: { type: 'string', default: '10000' },
    large: { type: 'string', default: '100000' },
  },
});
const shape = values.shape as Shape;
if (!(SHAPES as readonly string[]).includes(shape)) throw new Error(`--shape must be one of ${SHAPES.join(', ')}, not "${values.shape}"`);
const seed = Number(values.seed);
const base = path.join(os.tmpdir(), `dispatches-bench-${process.pid}`);
const cli = fileURLToPath(new URL('../pipeline/cli.ts', import.meta.url));

interface Measured {
  n: number;
  seeds: string;
  out: string;
  mb: number;
  planted: number;
  /** Whole run, process start to exit, in seconds. */
  total: number;
  /** Per stage: name, seconds, peak RSS so far (MB). */
  stages: [string, number, number][];
  peak: string;
  summary: string;
}

/** Writes the corpus of `n` articles and runs the pipeline on it, as `npm run pipeline` runs it. */
function measure(n: number, tag = ''): Measured {
  const seeds = path.join(base, `seeds${tag}`);
  const out = path.join(base, `out${tag}`);
  const corpus = writeShape(seeds, n, seed, shape);
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', cli, '--seeds', seeds, '--out', out, '--workers', values.workers], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const total = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`the pipeline failed (exit ${child.status}):\n${child.stderr}`);
  const stages = [...child.stderr.matchAll(/^(\w+)\s+\d+ items\s+(\d+) ms {3}peak RSS so far (\d+) MB$/gm)].map((m): [string, number, number] => [m[1]!, Number(m[2]) / 1000, Number(m[3])]);
  const peak = /peak RSS (\d+) MB/.exec(child.stderr)?.[1] ?? '?';
  return { n, seeds, out, mb: corpus.bytes / 1e6, planted: corpus.planted, total, stages, peak, summary: child.stderr.slice(child.stderr.indexOf('\nrelease')).trim() };
}

const header = (n: number, m: Measured) => `${n} articles (${m.mb.toFixed(1)} MB, ${m.planted} planted copies), shape ${shape}, seed ${seed}, ${os.cpus().length} cores, node ${process.version}`;

if (values.scaling) {
  const [small, large] = [Number(values.small), Number(values.large)];
  if (!(small > 0 && large > small)) throw new Error('--scaling needs 0 < --small < --large');
  const limit = 1.05 * (large / small);
  const runs: Measured[] = [];
  for (const [k, size] of [small, large].entries()) {
    const m = measure(size, `-${k}`);
    rmSync(m.seeds, { recursive: true, force: true });
    rmSync(m.out, { recursive: true, force: true });
    runs.push(m);
    console.error(`measured ${header(size, m)}: ${m.total.toFixed(2)} s`);
  }
  rmSync(base, { recursive: true, force: true });
  const names = runs[0]!.stages.map(([s]) => s);
  console.log(`dispatches bench --scaling: shape ${shape}, seed ${seed}, ${os.cpus().length} cores, node ${process.version}\n`);
  console.log(`| articles | MB | whole run (s) | peak RSS (MB) | ${names.join(' (s) | ')} (s) |\n| ---: | ---: | ---: | ---: |${' ---: |'.repeat(names.length)}`);
  for (const m of runs) console.log(`| ${m.n} | ${m.mb.toFixed(1)} | ${m.total.toFixed(2)} | ${m.peak} | ${names.map((s) => m.stages.find(([x]) => x === s)?.[1].toFixed(2) ?? '').join(' | ')} |`);
  const ratio = runs[1]!.total / runs[0]!.total;
  const pass = ratio <= limit;
  console.log(`\ntime(${large})/time(${small}) = ${runs[1]!.total.toFixed(2)} s / ${runs[0]!.total.toFixed(2)} s = ${ratio.toFixed(2)} (limit ${limit.toFixed(2)}): ${pass ? 'PASS' : 'FAIL'}`);
  process.exit(pass ? 0 : 1);
}

const n = Number(values.articles);
const run = measure(n);
const { seeds, out, mb, total } = run;
const rows: string[] = [];
const line = (what: string, secs: number, peakMb?: number) => rows.push(`| ${what} | ${secs.toFixed(2)} | ${Math.round(n / secs)} | ${(mb / secs).toFixed(2)} | ${peakMb ?? ''} |`);
for (const [stage, secs, peakMb] of run.stages) line(stage, secs, peakMb);
line('**whole pipeline** (process start to exit)', total);
console.log(`dispatches bench: ${header(n, run)}\n`);
console.log('| stage | seconds | articles/s | MB/s | peak RSS so far (MB) |\n| --- | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));
console.log(`\npeak RSS of the run: ${run.peak} MB\n${run.summary}`);

// What the corpus holds per article (the shapes differ here), and the rows the run made of it.
const txt = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
const stats = txt.map((f) => textStats(readFileSync(path.join(seeds, f), 'utf8')));
const avg = (k: keyof (typeof stats)[number]) => stats.reduce((a, x) => a + x[k], 0) / stats.length;
const tableRows = Object.fromEntries([...(/^rows\s+(.*)$/m.exec(run.summary)?.[1] ?? '').matchAll(/(\w+) (\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
const perArticle = ['quotes', 'actor_mentions', 'events'].map((t) => `${t} ${((tableRows[t] ?? 0) / n).toFixed(1)}`).join(', ');
console.log(`per article: ${(avg('bytes') / 1000).toFixed(2)} KB, ${avg('quotes').toFixed(1)} opening quote marks, ${avg('cues').toFixed(1)} said/told/according to, ${avg('names').toFixed(1)} capitalised name runs; rows ${perArticle}`);

// (a) floor: read, NFC, tokenise, hash.
let t = performance.now();
for (const f of txt) createHash('sha256').update(words(readFileSync(path.join(seeds, f), 'utf8').normalize('NFC')).join(' ')).digest('hex');
const floor = (performance.now() - t) / 1000;

// (b) compromise people()/organizations() on a sample, scaled.
const sample = txt.slice(0, Math.min(200, n));
t = performance.now();
for (const f of sample) {
  const doc = nlp(readFileSync(path.join(seeds, f), 'utf8'));
  doc.people().out('array');
  doc.organizations().out('array');
}
const peer = ((performance.now() - t) / 1000) * (n / sample.length);

// (c) Parquet, table by table: DuckDB's COPY from a table it holds, against our writer fed the same rows,
// chunk by chunk as the export feeds it. Only the writing is timed on either side.
const rel = path.join(out, readdirSync(out).find((d) => /^v\d/.test(d))!);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
let duck = 0;
let ours = 0;
const perTable: string[] = [];
for (const table of TABLE_NAMES) {
  const jsonl = path.join(rel, 'jsonl', `${table}.jsonl`);
  // Types from every row, not a sample: a column null in the first rows would be typed wrong (a 10,000-article
  // release has such a column in events).
  await con.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_json('${jsonl}', format='newline_delimited', sample_size=-1)`);
  t = performance.now();
  await con.run(`COPY t TO '${path.join(base, `${table}.duck.parquet`)}' (FORMAT parquet)`);
  const d = (performance.now() - t) / 1000;
  await con.run('DROP TABLE t');
  let o = 0;
  const sink = new ParquetSink(table, path.join(base, `${table}.ours.parquet`), 'bench');
  let chunk: Record<string, unknown>[] = [];
  let chars = 0;
  const write = () => {
    const s = performance.now();
    sink.write(chunk);
    o += performance.now() - s;
    chunk = [];
    chars = 0;
  };
  for (const [, row] of readJsonlEntries(jsonl, primaryKeyOf(table))) {
    chunk.push(row);
    chars += JSON.stringify(row).length;
    if (chunk.length === ROW_GROUP_SIZE || chars >= CHUNK_CHARS) write();
  }
  if (chunk.length) write();
  const s = performance.now();
  sink.close();
  o = (o + performance.now() - s) / 1000;
  duck += d;
  ours += o;
  perTable.push(`| ${table} | ${d.toFixed(2)} | ${o.toFixed(2)} | ${(o / d).toFixed(2)} |`);
}
con.closeSync();
db.closeSync();

console.log('\n| baseline | seconds | ours / baseline |\n| --- | ---: | ---: |');
console.log(`| floor: read + NFC + tokenise + hash | ${floor.toFixed(2)} | ${(total / floor).toFixed(1)} |`);
console.log(`| compromise people()/organizations() (${sample.length} articles, scaled) | ${peer.toFixed(2)} | ${(total / peer).toFixed(2)} |`);
console.log(`| DuckDB writing the same rows to Parquet | ${duck.toFixed(2)} | ${(ours / duck).toFixed(2)} (our writer: ${ours.toFixed(2)} s) |`);
console.log('\n| table | DuckDB COPY (s) | our Parquet writer (s) | ratio |\n| --- | ---: | ---: | ---: |');
console.log(perTable.join('\n'));
rmSync(base, { recursive: true, force: true });
