/**
 * `npm run bench -- --articles N [--seed S]`: writes a realistic corpus (bench/corpus.ts) to a temporary
 * folder, runs the whole pipeline on it, and prints per stage the time, articles/s and MB/s, and the run's
 * peak RSS. Baselines on the same texts: (a) a floor: read + NFC + tokenise + hash; (b) compromise's
 * people()/organizations() on a sample, scaled to N; (c) DuckDB writing the same rows to Parquet, against our
 * Parquet writer on the same rows. Ratios are ours over the baseline.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import nlp from 'compromise';
import { words } from '../pipeline/clean/text.ts';
import { writeParquet } from '../pipeline/export/parquet.ts';
import { DEFAULT_OPTIONS } from '../pipeline/options.ts';
import { run } from '../pipeline/run.ts';
import { TABLE_NAMES } from '../pipeline/schema/tables.ts';
import { writeCorpus } from './corpus.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
const n = Number(values.articles);
const base = path.join(os.tmpdir(), `dispatches-bench-${process.pid}`);
const seeds = path.join(base, 'seeds');
const out = path.join(base, 'out');
const corpus = writeCorpus(seeds, n, Number(values.seed));
const mb = corpus.bytes / 1e6;
const rows: string[] = [];
const line = (what: string, secs: number) => rows.push(`| ${what} | ${secs.toFixed(2)} | ${Math.round(n / secs)} | ${(mb / secs).toFixed(2)} |`);

const stages: [string, number][] = [];
const t0 = performance.now();
const summary = await run({ ...DEFAULT_OPTIONS, seeds, out }, (stage, _items, ms) => stages.push([stage, ms / 1000]));
const total = (performance.now() - t0) / 1000;
for (const [stage, secs] of stages) line(stage, secs);
line('**whole pipeline**', total);
const peak = process.resourceUsage().maxRSS / 1024;
// The pipeline's figures first: the baselines below take a while on large corpora.
console.log(`dispatches bench: ${n} articles (${mb.toFixed(1)} MB, ${corpus.planted} planted copies), seed ${values.seed}, ${os.cpus().length} cores, node ${process.version}\n`);
console.log('| stage | seconds | articles/s | MB/s |\n| --- | ---: | ---: | ---: |');
console.log(rows.join('\n'));
console.log(`\npeak RSS: ${peak.toFixed(0)} MB; rows: ${Object.entries(summary.report.tables).map(([k, v]) => `${k} ${v}`).join(', ')}; duplicates found: ${summary.report.counts.duplicate}`);

// (a) floor: read, NFC, tokenise, hash.
let t = performance.now();
for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) createHash('sha256').update(words(readFileSync(path.join(seeds, f), 'utf8').normalize('NFC')).join(' ')).digest('hex');
const floor = (performance.now() - t) / 1000;

// (b) compromise people()/organizations() on a sample, scaled.
const sample = readdirSync(seeds).filter((f) => f.endsWith('.txt')).slice(0, Math.min(200, n));
t = performance.now();
for (const f of sample) {
  const doc = nlp(readFileSync(path.join(seeds, f), 'utf8'));
  doc.people().out('array');
  doc.organizations().out('array');
}
const peer = ((performance.now() - t) / 1000) * (n / sample.length);

// (c) Parquet: DuckDB from the released JSONL against our writer on the same rows.
const rel = summary.dir;
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
t = performance.now();
for (const table of TABLE_NAMES) await con.run(`COPY (SELECT * FROM read_json('${path.join(rel, 'jsonl', `${table}.jsonl`)}', format='newline_delimited')) TO '${path.join(base, `${table}.duck.parquet`)}' (FORMAT parquet)`);
const duck = (performance.now() - t) / 1000;
// Our writer on the same rows, streamed from the JSONL (a large table does not fit in one string).
let ours = 0;
for (const table of TABLE_NAMES) {
  const rowsOf = readJsonlRows(path.join(rel, 'jsonl', `${table}.jsonl`));
  t = performance.now();
  await writeParquet(table, rowsOf, path.join(base, `${table}.ours.parquet`), 'bench');
  ours += (performance.now() - t) / 1000;
}
con.closeSync();
db.closeSync();

console.log('\n| baseline | seconds | ours / baseline |\n| --- | ---: | ---: |');
console.log(`| floor: read + NFC + tokenise + hash | ${floor.toFixed(2)} | ${(total / floor).toFixed(1)} |`);
console.log(`| compromise people()/organizations() (${sample.length} articles, scaled) | ${peer.toFixed(2)} | ${(total / peer).toFixed(2)} |`);
console.log(`| DuckDB writing the same rows to Parquet | ${duck.toFixed(2)} | ${(ours / duck).toFixed(2)} (our writer: ${ours.toFixed(2)} s) |`);
rmSync(base, { recursive: true, force: true });

/** Rows of a JSON Lines file, read in 1 MB chunks (parsing is part of the timed work, as DuckDB's is). */
function* readJsonlRows(file: string): Generator<object> {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      const lines = (rest + buf.toString('utf8', 0, n)).split('\n');
      rest = lines.pop()!;
      for (const l of lines) if (l) yield JSON.parse(l) as object;
    }
    if (rest) yield JSON.parse(rest) as object;
  } finally {
    closeSync(fd);
  }
}
