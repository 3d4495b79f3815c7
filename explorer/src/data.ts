/**
 * The release's own files, read in the browser: Parquet with hyparquet, a column or a row range at a time, over
 * HTTP range requests (a server that ignores `Range` sends the whole file once, which is then sliced here).
 * Nothing is read before a view asks for it, and every column read is kept for the next view that needs it.
 */
import { parquetMetadataAsync, parquetRead } from 'hyparquet';
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import { isoOf } from './dates.ts';

export type TableName = 'articles' | 'actors' | 'actor_mentions' | 'quotes' | 'events' | 'event_mentions';
export const TABLES: TableName[] = ['articles', 'actors', 'actor_mentions', 'quotes', 'events', 'event_mentions'];
export const PRIMARY_KEY: Record<TableName, string> = {
  articles: 'article_id',
  actors: 'actor_id',
  actor_mentions: 'mention_id',
  quotes: 'quote_id',
  events: 'event_id',
  event_mentions: 'event_mention_id',
};

/** Dates as `YYYY-MM-DD` strings, as the JSON Lines files have them. */
const parsers = { dateFromDays: (d: number) => isoOf(d) };

/** Files up to this size are read whole, in one request. */
const SMALL_FILE = 2 << 20;

/** A file of the release read by byte ranges. */
class RangeFile implements AsyncBuffer {
  private whole: Promise<ArrayBuffer> | null = null;
  private readonly cache = new Map<string, Promise<ArrayBuffer>>();
  constructor(
    readonly url: string,
    readonly byteLength: number,
  ) {}
  slice(start: number, end = this.byteLength): Promise<ArrayBuffer> {
    // A small file costs less as one request than as a footer and a chunk or two.
    if (!this.whole && this.byteLength <= SMALL_FILE) this.whole = fetch(this.url).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${this.url}: HTTP ${r.status}`))));
    if (this.whole) return this.whole.then((b) => b.slice(start, end));
    const key = `${start}-${end}`;
    let p = this.cache.get(key);
    if (!p) {
      p = fetch(this.url, { headers: { Range: `bytes=${start}-${end - 1}` } }).then(async (res) => {
        if (res.status === 206) return res.arrayBuffer();
        if (res.status === 200) {
          // No range support: keep the whole file and slice it from now on.
          this.whole ??= res.arrayBuffer();
          return (await this.whole).slice(start, end);
        }
        throw new Error(`${this.url}: HTTP ${res.status}`);
      });
      this.cache.set(key, p);
      // Column chunks are large and kept decoded by the caller; only small reads (footers, indexes) stay cached.
      if (end - start > 1 << 16) p.finally(() => this.cache.delete(key)).catch(() => undefined);
    }
    return p;
  }
}

const decoder = new TextDecoder();
/** Strings read as bytes (`utf8: false`), decoded: in a value, a list, or neither. */
function text(v: unknown): unknown {
  if (v instanceof Uint8Array) return decoder.decode(v);
  if (Array.isArray(v)) return v.map(text);
  return v;
}

/** A value as the JSON Lines file has it: integers as numbers, not bigint. */
export function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

export type Row = Record<string, unknown>;

/** A 53-bit hash of UTF-8 bytes (cyrb53): keys compared without making a string per row. */
export function hash53(bytes: Uint8Array): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const utf8 = new TextEncoder();
export const hashKey = (key: string) => hash53(utf8.encode(key));

/** Rows of another table grouped by a key column (compressed: offsets into one array of row numbers). */
export class GroupIndex {
  constructor(
    private readonly slots: Map<string | number, number>,
    /** How a key is looked up: itself, or its hash when the index was built from hashes. */
    private readonly keyOf: (k: string) => string | number,
    private readonly offsets: Int32Array,
    private readonly rows: Int32Array,
  ) {}
  get(key: string): Int32Array {
    const s = this.slots.get(this.keyOf(key));
    return s === undefined ? new Int32Array(0) : this.rows.subarray(this.offsets[s]!, this.offsets[s + 1]!);
  }
  count(key: string): number {
    const s = this.slots.get(this.keyOf(key));
    return s === undefined ? 0 : this.offsets[s + 1]! - this.offsets[s]!;
  }
  static build(values: ArrayLike<unknown>, hashed = false): GroupIndex {
    const slots = new Map<string | number, number>();
    const slotOf = new Int32Array(values.length);
    const counts: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
        slotOf[i] = -1;
        continue;
      }
      const k = hashed ? (v as number) : String(v);
      let s = slots.get(k);
      if (s === undefined) {
        s = counts.length;
        slots.set(k, s);
        counts.push(0);
      }
      counts[s]!++;
      slotOf[i] = s;
    }
    const offsets = new Int32Array(counts.length + 1);
    for (let s = 0; s < counts.length; s++) offsets[s + 1] = offsets[s]! + counts[s]!;
    const fill = offsets.slice(0, counts.length);
    const rows = new Int32Array(offsets[counts.length]!);
    for (let i = 0; i < values.length; i++) if (slotOf[i]! >= 0) rows[fill[slotOf[i]!]!++] = i;
    return new GroupIndex(slots, hashed ? hashKey : (k) => k, offsets, rows);
  }
}

/** One table's Parquet file. */
export class Table {
  private metadata: Promise<FileMetaData> | null = null;
  private readonly columns = new Map<string, Promise<ArrayLike<unknown>>>();
  private readonly groupIds = new Map<number, Promise<unknown[]>>();
  private readonly indexes = new Map<string, Promise<GroupIndex>>();
  constructor(
    readonly name: TableName,
    private readonly file: RangeFile,
    private readonly onProgress: (message: string) => void,
  ) {}

  meta(): Promise<FileMetaData> {
    this.metadata ??= parquetMetadataAsync(this.file, { parsers });
    return this.metadata;
  }

  async rows(): Promise<number> {
    return Number((await this.meta()).num_rows);
  }

  /** Row groups: first row and size of each. */
  async groups(): Promise<{ start: number; rows: number }[]> {
    const md = await this.meta();
    let start = 0;
    return md.row_groups.map((g) => {
      const r = { start, rows: Number(g.num_rows) };
      start += r.rows;
      return r;
    });
  }

  /** Per row group, the statistics of a column (min, max, nulls) as the file records them. */
  async stats(column: string): Promise<{ min: unknown; max: unknown; nulls: number; rows: number }[]> {
    const md = await this.meta();
    return md.row_groups.map((g) => {
      const c = g.columns.find((x) => x.meta_data?.path_in_schema[0] === column);
      const s = c?.meta_data?.statistics;
      return { min: s?.min_value, max: s?.max_value, nulls: Number(s?.null_count ?? 0), rows: Number(g.num_rows) };
    });
  }

  /** A whole column, in row order (INT64 columns as a BigInt64Array, converted by the caller). Read once. */
  column(name: string): Promise<ArrayLike<unknown>> {
    return this.columnsOf([name]).then((c) => c[name]!);
  }

  /**
   * Whole columns, read together: one pass over the file fetches each row group's chunks of all of them at once
   * (in parallel), so a view that needs five columns waits for one round of requests, not five.
   */
  async columnsOf(names: string[]): Promise<Record<string, ArrayLike<unknown>>> {
    const missing = names.filter((n) => !this.columns.has(n));
    if (missing.length) {
      const read = this.readColumns(missing);
      for (const n of missing) this.columns.set(n, read.then((r) => r[n]!));
    }
    const got = await Promise.all(names.map((n) => this.columns.get(n)!));
    return Object.fromEntries(names.map((n, i) => [n, got[i]!]));
  }

  private async readColumns(names: string[]): Promise<Record<string, ArrayLike<unknown>>> {
    const metadata = await this.meta();
    const total = Number(metadata.num_rows);
    const out: Record<string, unknown[] | BigInt64Array | Float64Array | Int32Array> = {};
    let done = 0;
    const big = metadata.row_groups.length > 4;
    if (big) this.onProgress(`Reading ${this.name}: ${names.join(', ')}…`);
    await parquetRead({
      file: this.file,
      metadata,
      parsers,
      columns: names,
      onChunk: (c) => {
        const data = c.columnData;
        let col = out[c.columnName];
        if (!col) {
          col = data instanceof BigInt64Array ? new BigInt64Array(total) : data instanceof Float64Array ? new Float64Array(total) : data instanceof Int32Array ? new Int32Array(total) : new Array<unknown>(total);
          out[c.columnName] = col;
        }
        const from = Math.max(0, c.rowStart);
        const to = Math.min(total, c.rowStart + data.length);
        if (Array.isArray(col)) for (let i = from; i < to; i++) col[i] = data[i - c.rowStart];
        else (col as unknown as { set(a: ArrayLike<unknown>, o: number): void }).set(sliceOf(data, from - c.rowStart, to - c.rowStart), from);
        done += to - from;
        if (big) this.onProgress(`Reading ${this.name}: ${Math.round((100 * done) / (total * names.length))}%`);
      },
    });
    if (big) this.onProgress('');
    for (const n of names) out[n] ??= [];
    return out;
  }

  /** An integer column as an Int32Array (offsets, counts). */
  async ints(name: string): Promise<Int32Array> {
    const col = await this.column(name);
    if (col instanceof Int32Array) return col;
    const out = new Int32Array(col.length);
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      out[i] = v === null || v === undefined ? -1 : Number(v);
    }
    return out;
  }

  /** Rows `rowStart`…`rowEnd` (exclusive), only the pages that hold them. */
  async read(rowStart: number, rowEnd: number, columns?: string[]): Promise<Row[]> {
    const metadata = await this.meta();
    const rows = await new Promise<Row[]>((resolve, reject) => {
      // The offset index costs a request more, and pays only where a column chunk has many pages (article texts).
      parquetRead({ file: this.file, metadata, parsers, columns, rowStart, rowEnd, rowFormat: 'object', useOffsetIndex: this.name === 'articles', onComplete: resolve }).catch(reject);
    });
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
  }

  /**
   * Scattered rows, read a row group at a time and all groups at once: the rows of one group share one read (of
   * the pages that hold them). Result in the order asked.
   */
  async readRows(indices: ArrayLike<number>, columns: string[]): Promise<Row[]> {
    const groups = await this.groups();
    const byGroup = new Map<number, number[]>();
    let g = 0;
    const order = Array.from(indices, (r, i) => [r, i] as const).sort((a, b) => a[0] - b[0]);
    for (const [r, i] of order) {
      while (g + 1 < groups.length && r >= groups[g + 1]!.start) g++;
      let l = byGroup.get(g);
      if (!l) byGroup.set(g, (l = []));
      l.push(i);
    }
    const out = new Array<Row>(indices.length);
    const names = columns;
    await Promise.all(
      [...byGroup.values()].map(async (l) => {
        const first = indices[l[0]!]!;
        const last = indices[l[l.length - 1]!]!;
        // Column by column, and row objects only for the rows asked: a group's rows in between cost no object.
        const got = await this.readRange(first, last + 1, names);
        for (const i of l) out[i] = Object.fromEntries(names.map((n) => [n, text(plain(got[n]![indices[i]! - first]))]));
      }),
    );
    return out;
  }

  /** Columns of rows `start`…`end` (exclusive), as arrays from `start`. */
  private async readRange(start: number, end: number, columns: string[]): Promise<Record<string, ArrayLike<unknown>>> {
    const metadata = await this.meta();
    const out: Record<string, unknown[]> = Object.fromEntries(columns.map((c) => [c, new Array<unknown>(end - start).fill(null)]));
    await parquetRead({
      file: this.file,
      metadata,
      parsers,
      columns,
      rowStart: start,
      rowEnd: end,
      useOffsetIndex: this.name === 'articles',
      // Strings stay bytes here; only the rows picked are decoded (text() above).
      utf8: false,
      onChunk: (c) => {
        const col = out[c.columnName];
        if (!col) return;
        for (let i = Math.max(start, c.rowStart); i < Math.min(end, c.rowStart + c.columnData.length); i++) col[i - start] = c.columnData[i - c.rowStart];
      },
    });
    return out;
  }

  /**
   * The row number of a primary key, or -1. Rows are sorted by their id, so the row groups' statistics (kept
   * truncated in the file, hence a candidate or two) point at the group, whose ids are then searched.
   */
  async find(id: string): Promise<number> {
    const key = PRIMARY_KEY[this.name];
    const [stats, groups] = await Promise.all([this.stats(key), this.groups()]);
    for (const [gi, s] of stats.entries()) {
      if (typeof s.min === 'string' && id < s.min) continue;
      if (typeof s.max === 'string' && id > s.max) continue;
      let p = this.groupIds.get(gi);
      if (!p) {
        p = this.read(groups[gi]!.start, groups[gi]!.start + groups[gi]!.rows, [key]).then((rows) => rows.map((r) => r[key]));
        this.groupIds.set(gi, p);
      }
      const ids = await p;
      let lo = 0;
      let hi = ids.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = String(ids[mid]);
        if (v === id) return groups[gi]!.start + mid;
        if (v < id) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return -1;
  }

  /** The row of a primary key, or null. */
  async get(id: string, columns?: string[]): Promise<Row | null> {
    const i = await this.find(id);
    return i < 0 ? null : ((await this.read(i, i + 1, columns))[0] ?? null);
  }

  /**
   * Rows grouped by the values of a string column (e.g. quotes by article_id), built once from the whole column.
   * The values are read as hashes of their bytes, not as strings: a column of millions of ids costs no string
   * per row, and nothing of it is kept but the grouping.
   */
  index(column: string): Promise<GroupIndex> {
    let p = this.indexes.get(column);
    if (!p) {
      p = (async () => {
        const metadata = await this.meta();
        const total = Number(metadata.num_rows);
        const keys = new Float64Array(total).fill(NaN);
        await parquetRead({ file: this.file, metadata, columns: [column], parsers: { ...parsers, stringFromBytes: hash53 }, onChunk: (c) => {
          for (let i = Math.max(0, c.rowStart); i < Math.min(total, c.rowStart + c.columnData.length); i++) {
            const v = c.columnData[i - c.rowStart];
            keys[i] = typeof v === 'number' ? v : NaN;
          }
        } });
        return GroupIndex.build(keys, true);
      })();
      this.indexes.set(column, p);
    }
    return p;
  }
}

function sliceOf(a: ArrayLike<unknown>, from: number, to: number): ArrayLike<unknown> {
  return (a as unknown as { subarray(f: number, t: number): ArrayLike<unknown> }).subarray(from, to);
}

/** What datapackage.json says of a file. */
export interface Resource {
  name: string;
  path: string;
  bytes: number;
  format?: string;
}

/** The release the page sits in: `explorer/` is one folder below it. */
export class Release {
  readonly tables = new Map<TableName, Table>();
  private constructor(
    readonly base: URL,
    readonly pkg: { name: string; title: string; version: string; created?: string; resources: Resource[] },
    onProgress: (m: string) => void,
  ) {
    for (const t of TABLES) {
      const r = pkg.resources.find((x) => x.name === `${t}-parquet`);
      if (r) this.tables.set(t, new Table(t, new RangeFile(new URL(r.path, base).href, r.bytes), onProgress));
    }
  }

  static async open(base: URL, onProgress: (m: string) => void): Promise<Release> {
    const res = await fetch(new URL('datapackage.json', base));
    if (!res.ok) throw new Error(`datapackage.json: HTTP ${res.status}`);
    return new Release(base, (await res.json()) as Release['pkg'], onProgress);
  }

  table(t: TableName): Table {
    const x = this.tables.get(t);
    if (!x) throw new Error(`this release has no Parquet file for ${t}`);
    return x;
  }

  /** A small JSON file of the release (null when it is missing). */
  async json<T>(rel: string): Promise<T | null> {
    const res = await fetch(new URL(rel, this.base));
    return res.ok ? ((await res.json()) as T) : null;
  }

  /** The first `bytes` of a text file of the release (a range request; whole when the server ignores ranges). */
  async head(rel: string, bytes: number): Promise<string | null> {
    const res = await fetch(new URL(rel, this.base), { headers: { Range: `bytes=0-${bytes - 1}` } });
    if (!res.ok) return null;
    const buf = new Uint8Array(await res.arrayBuffer());
    return new TextDecoder().decode(buf.subarray(0, bytes));
  }

  /** The public profile leaves article text out: every row's `text` is null. */
  private publicProfile: Promise<boolean> | null = null;
  isPublic(): Promise<boolean> {
    this.publicProfile ??= this.table('articles')
      .stats('text')
      .then((s) => s.length > 0 && s.every((g) => g.nulls === g.rows));
    return this.publicProfile;
  }
}
