import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotate } from '../pipeline/annotate.ts';
import { clean } from '../pipeline/clean.ts';
import { writeCsv } from '../pipeline/export/csv.ts';
import { writeJsonl } from '../pipeline/export/jsonl.ts';
import { writeParquet } from '../pipeline/export/parquet.ts';
import { articleOf, readJsonl, tempDir } from './helpers.ts';
import { readCsv, readParquetDuckdb, readParquetHyparquet } from './roundtrip.ts';

// Pieces that break text code: combining marks, bidi controls, emoji (surrogate pairs), lone surrogates, NUL,
// quotation marks of every kind, line breaks of every kind; mixed with words so the rules have something to read.
const special = fc.constantFrom('\u0301', '\u200F', '\u202E', '😀', '👩‍👩‍👧', '\uD800', '\uDC00', '\0', '“', '”', '"', '‘', '’', "'", '\n', '\n\n', '\r\n', '\r', ' ', '\t', '.', ',', 'said', 'Kim', 'Lavrov', 'the ministry', ' met ', ' on Thursday', 'مرحبا', '한국');
const piece = fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }, { weight: 3, arbitrary: special }, { weight: 1, arbitrary: fc.constantFrom('Officials said the talks went well.', 'North Korean leader Kim Jong-un met Sergei Lavrov.') });
const text = fc.oneof(fc.array(piece, { maxLength: 80 }).map((xs) => xs.join('')), fc.string({ unit: 'binary', minLength: 2000, maxLength: 12000 }));

describe('properties', () => {
  it('clean and annotation never crash on arbitrary Unicode, and every offset they give is exact', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const r = clean({ sourceFile: 'p.txt', text: raw, manifest: null });
        if (!r.ok) return;
        const t = r.article.text;
        expect(t.isWellFormed()).toBe(true);
        expect(t).toBe(t.normalize('NFC'));
        expect(t).not.toMatch(/\r|[ \t]$/m);
        const out = annotate([articleOf('p', t)]);
        for (const row of [...out.quotes, ...out.actor_mentions, ...out.event_mentions]) expect(t.slice(row.char_start, row.char_end)).toBe(row.text);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('CSV, JSONL and Parquet give back arbitrary strings and nulls exactly', async () => {
    const str = fc.string({ unit: 'binary', maxLength: 40 });
    const row = fc.record({ text: str.filter((s) => s.length > 0), speaker_text: fc.option(str, { nil: null }), cue: fc.option(str, { nil: null }), char_start: fc.nat(1e9) });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 15 }), async (rows) => {
        const full = rows.map((r, i) => ({ quote_id: `quo_${String(i).padStart(16, '0')}`, article_id: 'art_0000000000000001', quote_type: 'direct', text: r.text, speaker_actor_id: null, speaker_actor_ids: [], speaker_mention_id: null, speaker_text: r.speaker_text, attribution: null, reported_by_actor_id: null, cue: r.cue, cue_start: null, cue_end: null, char_start: r.char_start, char_end: r.char_start + 1 }));
        const dir = tempDir();
        const f = (ext: string) => path.join(dir, `quotes.${ext}`);
        await writeCsv('quotes', full, f('csv'));
        await writeJsonl('quotes', full, f('jsonl'));
        await writeParquet('quotes', full, f('parquet'), 'test');
        expect(readJsonl(f('jsonl'))).toEqual(full);
        expect(readCsv('quotes', f('csv'))).toEqual(full);
        expect(await readParquetHyparquet('quotes', f('parquet'))).toEqual(full);
        expect((await readParquetDuckdb('quotes', f('parquet'))).rows).toEqual(full);
      }),
      { numRuns: 40, seed: 20261123 },
    );
  }, 120_000);
});
