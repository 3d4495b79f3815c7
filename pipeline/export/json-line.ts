/** One row as its JSON Lines line: keys in schema order, missing values as null, LF after it. */
import { columnsOf, TABLE_NAMES } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';

const NAMES = new Map<TableName, string[]>(TABLE_NAMES.map((t) => [t, columnsOf(t).map((c) => c.name)]));

/** One row of `table` as its JSON line (keys in schema order, missing values as null). */
export function jsonLine(table: TableName, row: object): string {
  const ordered: Record<string, unknown> = {};
  for (const n of NAMES.get(table)!) ordered[n] = (row as Record<string, unknown>)[n] ?? null;
  return `${JSON.stringify(ordered)}\n`;
}
