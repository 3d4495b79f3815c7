/**
 * One table's share of a release, as a job a worker thread can run: its rows read once in id order feed the
 * CSV, JSON Lines and Parquet files, the diff against the previous version (`changes/<table>.jsonl`), and the
 * public profile's transform and re-check when asked. Tables are independent, so they export in parallel.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { primaryKeyOf } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';
import { checkRow, duplicateKey, ValidationFailed } from '../validate.ts';
import { RowDiff } from './changes.ts';
import type { TableChanges } from './changes.ts';
import { CsvSink } from './csv.ts';
import { jsonLine } from './json-line.ts';
import { JsonlSink, readJsonlEntries } from './jsonl.ts';
import { ParquetSink } from './parquet.ts';
import { publicRow } from './profile.ts';
import { drain, textFile } from './sinks.ts';
import type { Sink } from './sinks.ts';
import { entriesOf } from './spool.ts';
import type { TableSource } from './spool.ts';
import type { DataFormat } from './datapackage.ts';

export interface TableJob {
  table: TableName;
  /** This version's rows; null for a table only the previous version had. */
  source: TableSource | null;
  /** The release folder being written. */
  dir: string;
  createdBy: string;
  profile: 'full' | 'public';
  /** The previous version's JSON Lines file of the table, when there is one to diff against. */
  previous: { jsonl: string | null; key: string } | null;
}

export interface TableResult {
  table: TableName;
  rows: number;
  changes: Pick<TableChanges, 'added' | 'removed' | 'changed' | 'unchanged'>;
  /** Latest `published_date` (articles only). */
  latestDate: string | null;
  /** Each data file written: its size and SHA-256, computed here, in parallel with the other tables. */
  files: { format: DataFormat; bytes: number; sha256: string }[];
}

export function exportTable(job: TableJob): TableResult {
  const { table, source, dir } = job;
  const key = source ? primaryKeyOf(table) : (job.previous?.key ?? 'id');
  const diffOut = job.previous ? textFile(path.join(dir, 'changes', `${table}.jsonl`)) : null;
  const previousRows = job.previous?.jsonl ? readJsonlEntries(job.previous.jsonl, job.previous.key) : null;
  const diff = new RowDiff(previousRows, (l) => diffOut?.put(`${JSON.stringify(l)}\n`));
  const file = (format: string) => path.join(dir, format, `${table}.${format}`);
  const sinks: Sink[] = source ? [new CsvSink(table, file('csv')), new JsonlSink(file('jsonl')), new ParquetSink(table, file('parquet'), job.createdBy)] : [];
  let last: string | null = null;
  let latestDate: string | null = null;
  const entries = source ? (job.profile === 'public' ? publicEntries(table, entriesOf(source)) : entriesOf(source)) : [];
  const rows = drain(entries, sinks, (id, row) => {
    // Rows come in key order, so a key seen twice is seen twice in a row.
    if (id === last) throw new ValidationFailed([duplicateKey(table, id, key)]);
    last = id;
    diff.add(id, row);
    const date = row['published_date'];
    if (table === 'articles' && typeof date === 'string' && (!latestDate || date > latestDate)) latestDate = date;
  });
  diff.finish();
  diffOut?.close();
  const files = source ? FORMATS.map((format) => ({ format, ...digest(file(format)) })) : [];
  return { table, rows, changes: { added: diff.added, removed: diff.removed, changed: diff.changed, unchanged: diff.unchanged }, latestDate, files };
}

/** The data formats of every table, in the order the release lists them. */
export const FORMATS: DataFormat[] = ['csv', 'jsonl', 'parquet'];

/** Size and SHA-256 of a file, read 1 MB at a time. */
export function digest(file: string): { bytes: number; sha256: string } {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      h.update(buf.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: h.digest('hex') };
}

/** Rows as the public profile releases them: each transformed, checked again, and serialised anew. */
function* publicEntries(table: TableName, entries: Iterable<[string, string]>): Generator<[string, string]> {
  for (const [id, line] of entries) {
    const row = publicRow(table, JSON.parse(line) as Record<string, unknown>);
    const { issues } = checkRow(table, row, null);
    if (issues.length) throw new ValidationFailed(issues);
    yield [id, jsonLine(table, row)];
  }
}
