/**
 * Table sources for the export: rows in primary-key order as JSON lines, whatever the table's size.
 *
 * A `TableSpool` takes rows in any order and keeps them on disk, partitioned by the first characters of their
 * id (ids are hashes, so the partitions are even); reading sorts one partition at a time. That is an external
 * sort in one pass each way: memory holds the write buffers and one partition, never the table.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { primaryKeyOf } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';
import { jsonLine } from './json-line.ts';

/**
 * A table's rows as the export takes them: plain data, so a worker thread can be handed it. Read with
 * `entriesOf`: `[id, JSON line with its "\n"]` in primary-key order, equal ids next to each other.
 */
export interface TableSource {
  table: TableName;
  count: number;
  spool: { dir: string; keys: string[] };
}

/** Characters of an id that choose its partition (`men_3f`: the table prefix and 256 partitions of hex ids). */
const PARTITION_CHARS = 6;
/** Buffered bytes after which a spool writes its partitions out. */
const FLUSH_BYTES = 4 << 20;

const byId = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The rows of a source in primary-key order. */
export function* entriesOf(source: TableSource): Generator<[string, string]> {
  const { dir, keys } = source.spool;
  // One partition at a time: read, sort, hand out.
  for (const key of keys) {
    const recs: [string, string][] = [];
    for (const rec of readFileSync(partitionFile(dir, key), 'utf8').split('\n')) {
      if (!rec) continue;
      const tab = rec.indexOf('\t');
      recs.push([rec.slice(0, tab), `${rec.slice(tab + 1)}\n`]);
    }
    yield* recs.sort(byId);
  }
}

const partitionFile = (dir: string, key: string) => path.join(dir, Buffer.from(key).toString('hex'));

/** Rows written to disk as they come and read back sorted. */
export class TableSpool {
  readonly table: TableName;
  private readonly dir: string;
  private readonly pk: string;
  private readonly buffers = new Map<string, string[]>();
  private readonly onDisk = new Set<string>();
  private buffered = 0;
  private n = 0;

  constructor(dir: string, table: TableName) {
    this.table = table;
    this.dir = path.join(dir, table);
    this.pk = primaryKeyOf(table);
    mkdirSync(this.dir, { recursive: true });
  }

  get count(): number {
    return this.n;
  }

  add(row: object): void {
    this.addLine(String((row as Record<string, unknown>)[this.pk]), jsonLine(this.table, row));
  }

  /** A row already serialised (`jsonLine`, keys in schema order, ending in "\n"), with its id. */
  addLine(id: string, line: string): void {
    // JSON escapes tabs and newlines inside strings, so `id TAB json NEWLINE` splits back unambiguously.
    const rec = `${id}\t${line}`;
    const key = id.slice(0, PARTITION_CHARS);
    let buf = this.buffers.get(key);
    if (!buf) this.buffers.set(key, (buf = []));
    buf.push(rec);
    this.n++;
    this.buffered += rec.length;
    if (this.buffered > FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    for (const [key, recs] of this.buffers) {
      appendFileSync(partitionFile(this.dir, key), recs.join(''));
      this.onDisk.add(key);
    }
    this.buffers.clear();
    this.buffered = 0;
  }

  /** Writes what is still buffered and describes the spool as a source for the export. */
  seal(): TableSource {
    this.flush();
    return { table: this.table, count: this.n, spool: { dir: this.dir, keys: [...this.onDisk].sort() } };
  }
}
