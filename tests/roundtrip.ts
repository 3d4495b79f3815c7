/** Reads a release file back with an independent reader and normalises values for comparison with JSONL. */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';
import { columnsOf } from '../pipeline/schema/tables.ts';
import type { TableName } from '../pipeline/schema/tables.ts';

type Row = Record<string, unknown>;

/** Values as JSONL holds them: numbers as numbers, dates as YYYY-MM-DD, lists as arrays. */
export function normalise(table: TableName, rows: Row[]): Row[] {
  const cols = columnsOf(table);
  return rows.map((r) => {
    const out: Row = {};
    for (const c of cols) {
      const v = r[c.name];
      if (v === null || v === undefined) out[c.name] = null;
      else if (c.kind === 'integer' || c.kind === 'number') out[c.name] = Number(v);
      else if (c.kind === 'date') out[c.name] = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
      else if (c.kind === 'string[]') out[c.name] = Array.isArray(v) ? v.map(String) : v;
      else out[c.name] = v;
    }
    return out;
  });
}

/** CSV rows with null for unquoted empty fields and "" for quoted ones; lists parsed from JSON. */
export function readCsv(table: TableName, file: string): Row[] {
  const cols = columnsOf(table);
  const rows: Row[] = parse(readFileSync(file), {
    columns: true,
    cast: (value, ctx) => {
      if (ctx.header) return value;
      if (value === '' && !ctx.quoting) return null;
      const col = cols.find((c) => c.name === ctx.column);
      if (col?.kind === 'string[]') return JSON.parse(value);
      if (col?.kind === 'boolean') return value === 'true';
      return value;
    },
  });
  return normalise(table, rows);
}

/** Parquet rows read by hyparquet. */
export async function readParquetHyparquet(table: TableName, file: string): Promise<Row[]> {
  const buf = readFileSync(file);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return normalise(table, (await parquetReadObjects({ file: ab })) as Row[]);
}

/** Parquet rows read by DuckDB, and the column types DuckDB sees. */
export async function readParquetDuckdb(table: TableName, file: string): Promise<{ rows: Row[]; types: Record<string, string> }> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    const path = file.replace(/'/g, "''");
    const rows = (await con.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjectsJson() as Row[];
    const desc = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`)).getRowObjectsJson() as { column_name: string; column_type: string }[];
    return { rows: normalise(table, rows), types: Object.fromEntries(desc.map((d) => [d.column_name, d.column_type])) };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
