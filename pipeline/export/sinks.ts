/**
 * One pass over a table's sorted rows writes all three formats: the rows come in chunks (a Parquet row group's
 * worth at most), each chunk is appended to the CSV, the JSON Lines and the Parquet file, and only the chunk is
 * in memory. Writing is synchronous, so the bytes depend on the rows alone.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { TableName } from '../schema/tables.ts';
import { jsonLine } from './json-line.ts';

/** Receives a table's rows in order, one chunk at a time. */
export interface Sink {
  /** `rows[i]` is the row whose JSON line is `lines[i]`. */
  write(rows: Record<string, unknown>[], lines: string[]): void;
  close(): void;
}

/** A file written synchronously, string by string. */
export function textFile(file: string) {
  const fd = openSync(file, 'w');
  const put = (s: string) => {
    const b = Buffer.from(s);
    for (let off = 0; off < b.length; ) off += writeSync(fd, b, off);
  };
  return { put, close: () => closeSync(fd) };
}

/** Rows per chunk at most: a Parquet row group. */
export const ROW_GROUP_SIZE = 10_000;
/**
 * Characters of JSON per chunk at most, so that a chunk of long rows (article bodies) stays small in memory:
 * each format holds a few copies of its chunk while it encodes it. Chunks depend on the rows alone.
 */
export const CHUNK_CHARS = 16 << 20;

/** Feeds sorted entries (id, JSON line) to `sinks` in chunks of at most ROW_GROUP_SIZE rows and closes them. */
export function drain(entries: Iterable<[string, string]>, sinks: Sink[], onEntry?: (id: string, row: Record<string, unknown>, line: string) => void): number {
  let rows: Record<string, unknown>[] = [];
  let lines: string[] = [];
  let n = 0;
  const flush = () => {
    for (const s of sinks) s.write(rows, lines);
    rows = [];
    lines = [];
  };
  let chars = 0;
  for (const [id, line] of entries) {
    const row = JSON.parse(line) as Record<string, unknown>;
    onEntry?.(id, row, line);
    rows.push(row);
    lines.push(line);
    n++;
    chars += line.length;
    if (rows.length === ROW_GROUP_SIZE || chars >= CHUNK_CHARS) {
      flush();
      chars = 0;
    }
  }
  if (rows.length) flush();
  for (const s of sinks) s.close();
  return n;
}

/** Feeds rows (in the order given, keys in `table`'s schema order) to `sinks`, chunked as `drain` does. */
export function drainRows(rows: Iterable<object>, sinks: Sink[], table: TableName): void {
  const entries = function* () {
    for (const row of rows) yield ['', jsonLine(table, row)] as [string, string];
  };
  drain(entries(), sinks);
}
