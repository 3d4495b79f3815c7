import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTypes } from '../pipeline/schema/render-types.ts';
import { columnsOf, SCHEMAS, TABLE_NAMES } from '../pipeline/schema/tables.ts';
import { parquetSchema } from '../pipeline/export/parquet.ts';
import { csvOptions } from '../pipeline/export/csv.ts';
import { tableSchema } from '../pipeline/export/datapackage.ts';

describe('schemas', () => {
  it('keeps pipeline/types.generated.ts equal to what the schemas generate (run npm run generate:types)', async () => {
    const committed = readFileSync(new URL('../pipeline/types.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderTypes());
  });

  it.each(TABLE_NAMES)('describes every field of %s, forbids extra fields and requires every field', (t) => {
    const s = SCHEMAS[t];
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties).sort()).toEqual([...s.required].sort());
    for (const [name, p] of Object.entries(s.properties)) expect(p.description, name).toMatch(/\w{3,}/);
  });

  it.each(TABLE_NAMES)('derives CSV columns, Parquet leaves and Table Schema fields of %s in schema order', (t) => {
    const names = Object.keys(SCHEMAS[t].properties);
    expect(csvOptions(t).columns).toEqual(names);
    expect(tableSchema(t, 'csv').fields.map((f) => f.name)).toEqual(names);
    const top = parquetSchema(t).filter((e) => e.name !== 'root' && e.name !== 'list' && e.name !== 'element');
    expect(top.map((e) => e.name)).toEqual(names);
  });

  it('maps types across formats as DESIGN.md says (dates DATE, lists LIST, counts INT64, codes strings)', () => {
    const pq = (t: (typeof TABLE_NAMES)[number], n: string) => parquetSchema(t).find((e) => e.name === n);
    expect(pq('articles', 'published_date')).toMatchObject({ type: 'INT32', converted_type: 'DATE' });
    expect(pq('articles', 'authors')).toMatchObject({ converted_type: 'LIST' });
    expect(pq('articles', 'word_count')).toMatchObject({ type: 'INT64' });
    expect(pq('events', 'event_date')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(pq('events', 'cameo_code')).toMatchObject({ type: 'BYTE_ARRAY' });
    expect(columnsOf('events').find((c) => c.name === 'article_ids')).toMatchObject({ kind: 'string[]', references: { table: 'articles', field: 'article_id' } });
    const fields = tableSchema('articles', 'csv').fields;
    expect(fields.find((f) => f.name === 'authors')?.type).toBe('array');
    expect(fields.find((f) => f.name === 'published_date')?.type).toBe('date');
  });
});
