/**
 * Parquet with real logical types (DESIGN.md, "Types across formats"): STRING for text, DATE for full dates,
 * INT64 for counts and offsets, DOUBLE for scores, 3-level LIST of STRING for lists. Partial dates are
 * strings. Written by hyparquet-writer row group by row group (10,000 rows each) with Snappy compression;
 * the writer has no clock or random input, so the same rows give the same bytes.
 */
import type { SchemaElement } from 'hyparquet';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { columnsOf } from '../schema/tables.ts';
import type { Column, TableName } from '../schema/tables.ts';
import { drainRows, ROW_GROUP_SIZE } from './sinks.ts';
import type { Sink } from './sinks.ts';

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

/** A value as the writer takes it (dates as UTC midnight `Date`s, INT64 as bigint, missing as null). */
function toParquetValue(c: Column, v: unknown): unknown {
  if (v === undefined) return null;
  return c.kind === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : c.kind === 'integer' && typeof v === 'number' ? BigInt(v) : v;
}

/** Parquet, one row group per chunk (chunks are at most ROW_GROUP_SIZE rows). */
export class ParquetSink implements Sink {
  private readonly cols: Column[];
  private readonly pq: ParquetWriter;
  private groups = 0;
  constructor(table: TableName, file: string, createdBy: string) {
    this.cols = columnsOf(table);
    this.pq = new ParquetWriter({ writer: fileWriter(file), schema: parquetSchema(table), codec: 'SNAPPY', createdBy });
  }
  write(rows: Record<string, unknown>[]): void {
    if (!rows.length) return;
    const columnData = this.cols.map((c) => ({ name: c.name, data: rows.map((r) => toParquetValue(c, r[c.name])) }));
    // fileWriter writes synchronously, so write() returns no promise.
    void this.pq.write({ columnData, rowGroupSize: rows.length });
    this.groups++;
  }
  close(): void {
    // A table without rows is still a valid file with its columns.
    if (!this.groups) void this.pq.write({ columnData: this.cols.map((c) => ({ name: c.name, data: [] })), rowGroupSize: ROW_GROUP_SIZE });
    this.pq.finish();
  }
}

/** Writes `rows` to `file` as Parquet, one row group per ROW_GROUP_SIZE rows. */
export async function writeParquet(table: TableName, rows: Iterable<object>, file: string, createdBy: string): Promise<void> {
  drainRows(rows, [new ParquetSink(table, file, createdBy)], table);
}
