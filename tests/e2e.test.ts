import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import datasetMeta from '../pipeline/metadata/dataset.json' with { type: 'json' };
import { TABLE_NAMES } from '../pipeline/schema/tables.ts';
import { readJsonl, ROOT, runCli, tempDir } from './helpers.ts';
import { readCsv, readParquetDuckdb, readParquetHyparquet } from './roundtrip.ts';

const version = `v${datasetMeta.version}`;
const committed = path.join(ROOT, 'dist-data', version);

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

describe('pipeline on the seeds, end to end', () => {
  let first: string;
  let second: string;
  beforeAll(() => {
    const outs = [tempDir(), tempDir()];
    for (const out of outs) {
      // Earlier released versions are part of the input: the new release diffs against the newest of them.
      for (const v of readdirSync(path.join(ROOT, 'dist-data')).filter((n) => /^v\d/.test(n) && n !== version)) cpSync(path.join(ROOT, 'dist-data', v), path.join(out, v), { recursive: true });
      const r = runCli(['--seeds', path.join(ROOT, 'seeds'), '--out', out]);
      expect(r.status, r.stderr).toBe(0);
    }
    [first, second] = outs.map((o) => path.join(o, version)) as [string, string];
  });

  it('writes one data file per table and format plus datapackage.json, SHA256SUMS, run-report.json, DATASHEET.md and schemas', () => {
    const files = listFiles(first);
    const data = files.filter((f) => /^(csv|jsonl|parquet)\//.test(f));
    expect(data).toEqual(TABLE_NAMES.flatMap((t) => ['csv', 'jsonl', 'parquet'].map((f) => `${f}/${t}.${f}`)).sort());
    expect(files).toEqual(expect.arrayContaining(['datapackage.json', 'SHA256SUMS', 'run-report.json', 'DATASHEET.md', 'schemas/articles.schema.json']));
    expect(readdirSync(path.dirname(first)).filter((n) => n.startsWith('.'))).toEqual([]); // no temporary folder left behind
  });

  it('gives byte-identical files on a second run', () => {
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(second, f)).equals(readFileSync(path.join(first, f))), f).toBe(true);
  });

  it('regenerates the committed dist-data byte for byte (run npm run pipeline and commit when this fails)', () => {
    const files = listFiles(first);
    expect(listFiles(committed)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(committed, f)).equals(readFileSync(path.join(first, f))), `dist-data/${version}/${f} differs`).toBe(true);
  });

  it('keeps the project DATASHEET.md and CHANGELOG.md equal to the release copies', () => {
    for (const f of ['DATASHEET.md', 'CHANGELOG.md']) expect(readFileSync(path.join(ROOT, f), 'utf8'), f).toBe(readFileSync(path.join(first, f), 'utf8'));
  });

  it('passes sha256sum -c over every other file of the release', () => {
    const r = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: first, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const listed = readFileSync(path.join(first, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split('  ')[1]);
    expect(listed).toEqual(listFiles(first).filter((f) => f !== 'SHA256SUMS'));
  });

  it('describes every data file in a datapackage.json valid against the vendored Frictionless v2 profile', () => {
    const profile = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/specs/frictionless/2.0/datapackage.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const addFormats = ((addFormatsModule as unknown as { default?: (a: Ajv) => Ajv }).default ?? addFormatsModule) as unknown as (a: Ajv) => Ajv;
    addFormats(ajv);
    ajv.addFormat('textarea', true);
    const pkg = JSON.parse(readFileSync(path.join(first, 'datapackage.json'), 'utf8'));
    const valid = ajv.validate(profile, pkg);
    expect(ajv.errors ?? [], JSON.stringify(ajv.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
    const tables = pkg.resources.filter((r: { type?: string }) => r.type === 'table');
    expect(tables).toHaveLength(TABLE_NAMES.length * 3);
    // Every other resource is a file of the explorer; every file of the explorer is listed.
    expect(listFiles(first)).toEqual(expect.arrayContaining(['explorer/index.html', 'explorer/app.js', 'explorer/app.css', 'explorer/THIRD_PARTY_NOTICES.txt']));
    expect(pkg.resources.filter((r: { type?: string }) => r.type !== 'table').map((r: { path: string }) => r.path)).toEqual(listFiles(first).filter((f) => f.startsWith('explorer/')));
    for (const r of pkg.resources) {
      const file = path.join(first, r.path);
      expect(r.bytes).toBe(statSync(file).size);
      expect(r.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      if (r.type === 'table') expect(r.schema.primaryKey).toHaveLength(1);
      else expect(r.hash).toBe(`sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`);
    }
    const quotes = pkg.resources.find((r: { name: string }) => r.name === 'quotes-csv');
    expect(quotes.schema.foreignKeys).toContainEqual({ fields: ['article_id'], reference: { resource: 'articles-csv', fields: ['article_id'] } });
  });

  it.each(TABLE_NAMES)('reads %s back equal from CSV (csv-parse) and Parquet (DuckDB, hyparquet) to JSONL', async (t) => {
    const jsonl = readJsonl(path.join(first, `jsonl/${t}.jsonl`));
    expect(readCsv(t, path.join(first, `csv/${t}.csv`))).toEqual(jsonl);
    expect(await readParquetHyparquet(t, path.join(first, `parquet/${t}.parquet`))).toEqual(jsonl);
    expect((await readParquetDuckdb(t, path.join(first, `parquet/${t}.parquet`))).rows).toEqual(jsonl);
  });

  it('accounts for every seed file in run-report.json with counts that add up', () => {
    const report = JSON.parse(readFileSync(path.join(first, 'run-report.json'), 'utf8'));
    const seeds = readdirSync(path.join(ROOT, 'seeds')).filter((f) => f !== 'manifest.json').sort();
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(seeds);
    const c = report.counts;
    expect(c.processed + c.duplicate + c.quarantined + c.ignored).toBe(c.files);
    expect(report.tables.articles).toBe(readJsonl(path.join(first, 'jsonl/articles.jsonl')).length);
  });
});
