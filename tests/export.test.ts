import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../pipeline/export/csv.ts';
import { writeJsonl } from '../pipeline/export/jsonl.ts';
import { writeParquet } from '../pipeline/export/parquet.ts';
import { readJsonl, tempDir } from './helpers.ts';
import { readCsv, readParquetDuckdb, readParquetHyparquet } from './roundtrip.ts';

// Rows that break naive writers: null next to "", separators and newlines inside values, quotes of every kind,
// non-BMP characters, right-to-left text, leading zeros, long values, large integers.
const events = [
  { event_id: 'evt_0000000000000001', event_type: 'CONSULT', plover_mode: null, cameo_code: '040', source_actor_id: 'act_0000000000000001', target_actor_id: null, event_date: '2023-10', date_precision: 'month', date_text: '', location: 'Pyongyang, "the capital"\nline two', article_ids: ['art_0000000000000001', 'art_0000000000000002'], source_count: 2, confidence: 0.75 },
  { event_id: 'evt_0000000000000002', event_type: 'ACCUSE', plover_mode: 'disapprove', cameo_code: '0111', source_actor_id: 'act_0000000000000002', target_actor_id: 'act_0000000000000003', event_date: null, date_precision: null, date_text: null, location: 'مرحبا 😀 한국 ‘x’ “y”', article_ids: [], source_count: 9007199254740991, confidence: 0 },
];
const articles = [
  { article_id: 'art_0000000000000001', source_file: 'a,b.txt', url: null, outlet: '', title: null, authors: ['Kim, "Jr"', ''], published_date: '2023-10-20', published_date_source: 'text', dateline: null, language: null, text: 'x'.repeat(70_000), char_count: 70_000, word_count: 1, content_sha256: 'f'.repeat(64), duplicate_of: null, duplicate_kind: null, duplicate_similarity: null, story_id: 'sto_0000000000000001', annotation_status: 'failed' },
];

describe('export formats', () => {
  const dir = tempDir();
  const write = async (table: 'events' | 'articles', rows: object[]) => {
    const f = (ext: string) => path.join(dir, `${table}.${ext}`);
    await writeCsv(table, rows, f('csv'));
    await writeJsonl(table, rows, f('jsonl'));
    await writeParquet(table, rows, f('parquet'), 'test');
    return f;
  };

  it.each([['events', events], ['articles', articles]] as const)('round-trips %s exactly through CSV, JSONL and Parquet (DuckDB and hyparquet)', async (table, rows) => {
    const f = await write(table, rows as unknown as object[]);
    const jsonl = readJsonl(f('jsonl'));
    expect(jsonl).toEqual(rows);
    expect(readCsv(table, f('csv'))).toEqual(jsonl);
    expect(await readParquetHyparquet(table, f('parquet'))).toEqual(jsonl);
    expect((await readParquetDuckdb(table, f('parquet'))).rows).toEqual(jsonl);
  });

  it('writes null as an empty unquoted CSV field and "" as a quoted one, lists as JSON arrays', async () => {
    const f = await write('events', events);
    const lines = readFileSync(f('csv'), 'utf8').split('\n');
    expect(lines[0]).toBe('event_id,event_type,plover_mode,cameo_code,source_actor_id,target_actor_id,event_date,date_precision,date_text,location,article_ids,source_count,confidence');
    expect(lines[1]).toBe('evt_0000000000000001,CONSULT,,040,act_0000000000000001,,2023-10,month,"","Pyongyang, ""the capital""');
    expect(readFileSync(f('jsonl'), 'utf8').split('\n')[0]).toMatch(/^\{"event_id":"evt_0000000000000001","event_type":"CONSULT","plover_mode":null,"cameo_code":"040",/);
  });

  it('gives Parquet columns real types: DATE, BIGINT, DOUBLE, VARCHAR[] and VARCHAR for partial dates', async () => {
    const fe = await write('events', events);
    const fa = await write('articles', articles);
    const { types: te } = await readParquetDuckdb('events', fe('parquet'));
    const { types: ta } = await readParquetDuckdb('articles', fa('parquet'));
    expect([ta['published_date'], ta['authors'], ta['word_count'], te['event_date'], te['cameo_code'], te['confidence'], te['source_count']]).toEqual(['DATE', 'VARCHAR[]', 'BIGINT', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'BIGINT']);
  });
});
