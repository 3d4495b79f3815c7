/**
 * Table sources for the export: rows in primary-key order as JSON lines, whatever the table's size.
 *
 * A `TableSpool` takes rows in any order and keeps them on disk, partitioned by the first characters of their
 * id (ids are hashes, so the partitions are even); reading sorts one partition at a time. That is an external
 * sort in one pass each way: memory holds the write buffers and one partition, never the table. A
 * `memorySource` serves rows already in memory (small tables, tests) through the same interface.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { columnsOf, primaryKeyOf } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';
import { jsonLine } from './jsonl.ts';

/** A table's rows in primary-key order: `[id, JSON line with its "\n"]`. Equal ids come out next to each other. */
export interface TableSource {
  readonly table: TableName;
  readonly count: number;
  entries(): Iterable<[string, string]>;
}

/** Characters of an id that choose its partition (`men_3f`: the table prefix and 256 partitions of hex ids). */
const PARTITION_CHARS = 6;
/** Buffered bytes after which a spool writes its partitions out. */
const FLUSH_BYTES = 8 << 20;

const byId = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Rows held in memory, served sorted. */
export function memorySource(table: TableName, rows: readonly object[]): TableSource {
  const pk = primaryKeyOf(table);
  const names = columnsOf(table).map((c) => c.name);
  return {
    table,
    count: rows.length,
    entries: () => rows.map((r): [string, string] => [String((r as Record<string, unknown>)[pk]), jsonLine(names, r as Record<string, unknown>)]).sort(byId),
  };
}

/** Rows written to disk as they come and read back sorted. */
export class TableSpool implements TableSource {
  readonly table: TableName;
  private readonly dir: string;
  private readonly pk: string;
  private readonly names: string[];
  private readonly buffers = new Map<string, string[]>();
  private readonly onDisk = new Set<string>();
  private buffered = 0;
  private n = 0;

  constructor(dir: string, table: TableName) {
    this.table = table;
    this.dir = path.join(dir, table);
    this.pk = primaryKeyOf(table);
    this.names = columnsOf(table).map((c) => c.name);
    mkdirSync(this.dir, { recursive: true });
  }

  get count(): number {
    return this.n;
  }

  add(row: object): void {
    const id = String((row as Record<string, unknown>)[this.pk]);
    // JSON escapes tabs and newlines inside strings, so `id TAB json NEWLINE` splits back unambiguously.
    const rec = `${id}\t${jsonLine(this.names, row as Record<string, unknown>)}`;
    const key = id.slice(0, PARTITION_CHARS);
    let buf = this.buffers.get(key);
    if (!buf) this.buffers.set(key, (buf = []));
    buf.push(rec);
    this.n++;
    this.buffered += rec.length;
    if (this.buffered > FLUSH_BYTES) this.flush();
  }

  private file(key: string): string {
    return path.join(this.dir, Buffer.from(key).toString('hex'));
  }

  private flush(): void {
    for (const [key, recs] of this.buffers) {
      appendFileSync(this.file(key), recs.join(''));
      this.onDisk.add(key);
    }
    this.buffers.clear();
    this.buffered = 0;
  }

  *entries(): Generator<[string, string]> {
    const keys = [...new Set([...this.onDisk, ...this.buffers.keys()])].sort();
    for (const key of keys) {
      const recs: [string, string][] = [];
      const take = (rec: string) => {
        const tab = rec.indexOf('\t');
        recs.push([rec.slice(0, tab), `${rec.slice(tab + 1)}\n`]);
      };
      if (this.onDisk.has(key)) for (const rec of readFileSync(this.file(key), 'utf8').split('\n')) if (rec) take(rec);
      for (const rec of this.buffers.get(key) ?? []) take(rec.slice(0, -1));
      yield* recs.sort(byId);
    }
  }

  /** Deletes the spool's files. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
    this.buffers.clear();
  }
}
