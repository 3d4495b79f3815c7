import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RowDiff } from '../pipeline/export/changes.ts';
import type { DiffLine } from '../pipeline/export/changes.ts';
import { jsonLine } from '../pipeline/export/json-line.ts';
import { JsonlSink } from '../pipeline/export/jsonl.ts';
import { ParquetSink } from '../pipeline/export/parquet.ts';
import { CHUNK_CHARS, drain } from '../pipeline/export/sinks.ts';
import { entriesOf, TableSpool } from '../pipeline/export/spool.ts';
import { stableId } from '../pipeline/hash.ts';
import { tempDir } from './helpers.ts';
import { readParquetHyparquet } from './roundtrip.ts';

const mention = (i: number, text = `Name ${i}`) => ({ mention_id: stableId('men', i), actor_id: 'act_0000000000000001', article_id: 'art_0000000000000001', text, mention_type: 'name', char_start: i, char_end: i + text.length });

describe('table spool', () => {
  it('gives back every row in id order, across partitions written out several times', () => {
    const spool = new TableSpool(tempDir(), 'actor_mentions');
    // Long texts make the spool write its partitions out several times while rows keep coming.
    const rows = Array.from({ length: 3000 }, (_, i) => mention(i, `${'x'.repeat(i % 7 === 0 ? 60_000 : 20)} ${i}`));
    for (const r of rows) spool.add(r);
    const got = [...entriesOf(spool.seal())];
    expect(spool.count).toBe(3000);
    expect(got.map(([id]) => id)).toEqual(rows.map((r) => r.mention_id).sort());
    expect(got.map(([, line]) => JSON.parse(line))).toEqual([...rows].sort((a, b) => (a.mention_id < b.mention_id ? -1 : 1)));
    expect(got.every(([, line]) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    // Each line is the row's JSON line, byte for byte.
    const byId = new Map(rows.map((r) => [r.mention_id, r]));
    expect(got.every(([id, line]) => line === jsonLine('actor_mentions', byId.get(id)!))).toBe(true);
  });

  it('keeps equal ids next to each other, so the export can refuse duplicates', () => {
    const spool = new TableSpool(tempDir(), 'actor_mentions');
    for (const r of [mention(1), mention(2), mention(1), mention(3)]) spool.add(r);
    const ids = [...entriesOf(spool.seal())].map(([id]) => id);
    const dup = mention(1).mention_id;
    expect(ids.indexOf(dup) + 1).toBe(ids.lastIndexOf(dup));
  });
});

describe('export chunks', () => {
  it('cut row groups by size as well as by count, and the rows survive the trip', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 40 }, (_, i) => mention(i, `${'y'.repeat(CHUNK_CHARS / 16)}${i}`));
    const chunks: number[] = [];
    const counter = { write: (r: object[]) => void chunks.push(r.length), close: () => {} };
    const spool = new TableSpool(dir, 'actor_mentions');
    for (const r of rows) spool.add(r);
    drain(entriesOf(spool.seal()), [counter, new JsonlSink(path.join(dir, 'm.jsonl')), new ParquetSink('actor_mentions', path.join(dir, 'm.parquet'), 'test')]);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(40);
    const jsonl = readFileSync(path.join(dir, 'm.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(await readParquetHyparquet('actor_mentions', path.join(dir, 'm.parquet'))).toEqual(jsonl);
  });
});

describe('row diff', () => {
  it('merges two sorted streams into added, changed, removed and unchanged rows, in key order', () => {
    const lines: DiffLine[] = [];
    const prev: [string, Record<string, unknown>][] = [['a', { id: 'a', v: 1 }], ['b', { id: 'b', v: 2 }], ['d', { id: 'd', v: 4 }], ['f', { id: 'f', v: 6 }]];
    const diff = new RowDiff(prev, (l) => lines.push(l));
    for (const [id, row] of [['b', { id: 'b', v: 2 }], ['c', { id: 'c', v: 3 }], ['d', { id: 'd', v: 5 }]] as const) diff.add(id, row);
    diff.finish();
    expect({ added: diff.added, removed: diff.removed, changed: diff.changed, unchanged: diff.unchanged }).toEqual({ added: 1, removed: 2, changed: 1, unchanged: 1 });
    expect(lines).toEqual([
      { op: 'remove', id: 'a' },
      { op: 'add', id: 'c', row: { id: 'c', v: 3 } },
      { op: 'change', id: 'd', fields: { v: { from: 4, to: 5 } } },
      { op: 'remove', id: 'f' },
    ]);
  });

  it('refuses rows out of key order rather than report wrong changes', () => {
    const diff = new RowDiff(null, () => {});
    diff.add('b', {});
    expect(() => diff.add('a', {})).toThrow(/not sorted/);
  });
});

