/**
 * `npm run bench -- --articles N [--seed S] [--workers W]`: writes a realistic corpus (bench/corpus.ts) to a
 * temporary folder, runs the whole pipeline on it as a separate process (the command users run, so its peak
 * RSS is the run's own, not the corpus generator's), and prints per stage the time, articles/s and MB/s, and
 * the run's peak RSS. Baselines on the same texts and rows:
 *   (a) a floor: read + NFC + tokenise + hash;
 *   (b) compromise's people()/organizations() on a sample, scaled to N;
 *   (c) DuckDB writing the released rows to Parquet from its own table, against our Parquet writer on the
 *       same rows in memory (parsing and loading are not timed on either side).
 * Ratios are ours over the baseline.
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
import { writeCorpus } from './corpus.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, workers: { type: 'string', default: '0' } } });
const n = Number(values.articles);
const base = path.join(os.tmpdir(), `dispatches-bench-${process.pid}`);
const seeds = path.join(base, 'seeds');
const out = path.join(base, 'out');
const corpus = writeCorpus(seeds, n, Number(values.seed));
const mb = corpus.bytes / 1e6;
const rows: string[] = [];
const line = (what: string, secs: number, peakMb?: number) => rows.push(`| ${what} | ${secs.toFixed(2)} | ${Math.round(n / secs)} | ${(mb / secs).toFixed(2)} | ${peakMb ?? ''} |`);

// The pipeline, as `npm run pipeline` runs it.
const cli = fileURLToPath(new URL('../pipeline/cli.ts', import.meta.url));
const t0 = performance.now();
const child = spawnSync(process.execPath, ['--import', 'tsx', cli, '--seeds', seeds, '--out', out, '--workers', values.workers], { encoding: 'utf8', maxBuffer: 64 << 20 });
const total = (performance.now() - t0) / 1000;
if (child.status !== 0) throw new Error(`the pipeline failed (exit ${child.status}):\n${child.stderr}`);
for (const m of child.stderr.matchAll(/^(\w+)\s+\d+ items\s+(\d+) ms {3}peak RSS so far (\d+) MB$/gm)) line(m[1]!, Number(m[2]) / 1000, Number(m[3]));
line('**whole pipeline** (process start to exit)', total);
const peak = /peak RSS (\d+) MB/.exec(child.stderr)?.[1] ?? '?';
const summary = child.stderr.slice(child.stderr.indexOf('\nrelease')).trim();
console.log(`dispatches bench: ${n} articles (${mb.toFixed(1)} MB, ${corpus.planted} planted copies), seed ${values.seed}, ${os.cpus().length} cores, node ${process.version}\n`);
console.log('| stage | seconds | articles/s | MB/s | peak RSS so far (MB) |\n| --- | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));
console.log(`\npeak RSS of the run: ${peak} MB\n${summary}`);

// (a) floor: read, NFC, tokenise, hash.
const txt = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
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
  await con.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_json('${jsonl}', format='newline_delimited')`);
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
