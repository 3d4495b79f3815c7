/**
 * CSV per DESIGN.md: RFC 4180, UTF-8 without BOM, LF, header row in schema order. Null is an empty unquoted
 * field, an empty string a quoted empty field; lists are JSON arrays; booleans `true`/`false`.
 * csv-stringify's defaults are overridden where they differ (false as empty, dates as epoch ms).
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { columnsOf } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';

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

/** Streams `rows` to `file` as CSV. */
export async function writeCsv(table: TableName, rows: Iterable<object>, file: string): Promise<void> {
  await pipeline(Readable.from(rows), stringify(csvOptions(table)), createWriteStream(file));
}
