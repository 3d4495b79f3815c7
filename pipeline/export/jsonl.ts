/** JSON Lines: one object per line, keys in schema order, UTF-8, LF after every line. */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { columnsOf } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';

/** One row as its JSON line (keys in schema order, missing values as null). */
export function jsonLine(names: string[], row: Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {};
  for (const n of names) ordered[n] = row[n] ?? null;
  return `${JSON.stringify(ordered)}\n`;
}

/** Streams `rows` to `file` as JSON Lines. */
export async function writeJsonl(table: TableName, rows: Iterable<object>, file: string): Promise<void> {
  const names = columnsOf(table).map((c) => c.name);
  async function* lines() {
    for (const row of rows) yield jsonLine(names, row as Record<string, unknown>);
  }
  await pipeline(Readable.from(lines()), createWriteStream(file));
}
