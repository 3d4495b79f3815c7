/**
 * CSV per DESIGN.md: RFC 4180, UTF-8 without BOM, LF, header row in schema order. Null is an empty unquoted
 * field, an empty string a quoted empty field; lists are JSON arrays; booleans `true`/`false`.
 * csv-stringify's defaults are overridden where they differ (false as empty, dates as epoch ms).
 */
import { stringify } from 'csv-stringify/sync';
import { columnsOf } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';
import { drainRows, textFile } from './sinks.ts';
import type { Sink } from './sinks.ts';

/** csv-stringify options for a table: the one place CSV formatting is decided (tests read them too). */
export function csvOptions(table: TableName) {
  return {
    header: true,
    columns: columnsOf(table).map((c) => c.name),
    record_delimiter: 'unix' as const,
    // Only a real empty string matches; null takes csv-stringify's other branch and stays unquoted
    // (quoted_empty would quote nulls too).
    quoted_match: /^$/,
    cast: {
      boolean: (v: boolean) => (v ? 'true' : 'false'),
      object: (v: object) => JSON.stringify(v),
      number: (v: number) => String(v),
    },
  };
}

/** CSV, chunk by chunk (csv-stringify on each chunk; the header before the first). */
export class CsvSink implements Sink {
  private readonly out;
  private readonly options;
  private started = false;
  constructor(table: TableName, file: string) {
    this.out = textFile(file);
    this.options = csvOptions(table);
  }
  write(rows: Record<string, unknown>[]): void {
    if (!rows.length) return;
    this.out.put(stringify(rows, { ...this.options, header: !this.started }));
    this.started = true;
  }
  close(): void {
    // A table without rows still has its header.
    if (!this.started) this.out.put(stringify([], this.options));
    this.out.close();
  }
}

/** Writes `rows` to `file` as CSV. */
export async function writeCsv(table: TableName, rows: Iterable<object>, file: string): Promise<void> {
  drainRows(rows, [new CsvSink(table, file)], table);
}
