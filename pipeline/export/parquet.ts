/**
 * Parquet with real logical types (DESIGN.md, "Types across formats"): STRING for text, DATE for full dates,
 * INT64 for counts and offsets, DOUBLE for scores, 3-level LIST of STRING for lists. Partial dates are
 * strings. Written by hyparquet-writer row group by row group (10,000 rows each) with Snappy compression;
 * the writer has no clock or random input, so the same rows give the same bytes.
 */
import type { SchemaElement } from 'hyparquet';
import { fileWriter, parquetWriteRows } from 'hyparquet-writer';
import { columnsOf } from '../schema/tables.ts';
import type { Column, TableName } from '../schema/tables.ts';

/** Rows per row group: small enough to bound memory, large enough for good compression. */
export const ROW_GROUP_SIZE = 10_000;

function leaf(c: Column): SchemaElement[] {
  const repetition_type = c.nullable ? 'OPTIONAL' : 'REQUIRED';
  switch (c.kind) {
    case 'string':
      return [{ name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type }];
    case 'date':
      return [{ name: c.name, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type }];
    case 'integer':
      return [{ name: c.name, type: 'INT64', repetition_type }];
    case 'number':
      return [{ name: c.name, type: 'DOUBLE', repetition_type }];
    case 'boolean':
      return [{ name: c.name, type: 'BOOLEAN', repetition_type }];
    case 'string[]':
      return [
        { name: c.name, repetition_type, converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'REQUIRED' },
      ];
  }
}

/** The Parquet schema of a table, derived from its JSON Schema. */
export function parquetSchema(table: TableName): SchemaElement[] {
  const cols = columnsOf(table);
  return [{ name: 'root', num_children: cols.length }, ...cols.flatMap(leaf)];
}

/** A row's values as the writer takes them (dates as UTC midnight `Date`s, INT64 as bigint). */
function toParquetRow(cols: Column[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of cols) {
    const v = row[c.name] ?? null;
    out[c.name] = c.kind === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : c.kind === 'integer' && typeof v === 'number' ? BigInt(v) : v;
  }
  return out;
}

/** Writes `rows` to `file` as Parquet, one row group at a time. */
export async function writeParquet(table: TableName, rows: Iterable<object>, file: string, createdBy: string): Promise<void> {
  const cols = columnsOf(table);
  function* converted() {
    for (const row of rows) yield toParquetRow(cols, row as Record<string, unknown>);
  }
  await parquetWriteRows({
    writer: fileWriter(file),
    rows: converted(),
    columns: cols.map((c) => ({ name: c.name })),
    schema: parquetSchema(table),
    rowGroupSize: ROW_GROUP_SIZE,
    codec: 'SNAPPY',
    createdBy,
  });
}
