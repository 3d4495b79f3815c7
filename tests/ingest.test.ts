import { describe, expect, it } from 'vitest';
import { decode, ingest } from '../pipeline/ingest.ts';
import type { SeedFolder } from '../pipeline/ingest.ts';
import { PipelineError } from '../pipeline/errors.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const folder = (manifestText: string | null, names = ['a.txt']): SeedFolder => ({ dir: 'seeds', manifestText, entries: names.map((name) => ({ name, bytes: enc('Body text of the article, long enough to count.'), size: 10 })) });
const errorOf = (f: () => unknown): PipelineError => {
  try {
    f();
  } catch (e) {
    return e as PipelineError;
  }
  throw new Error('expected an error');
};

describe('decode', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 LE/BE with BOM', () => {
    expect(decode(enc('héllo'))).toEqual({ text: 'héllo', encoding: 'utf-8' });
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('hi')]))).toEqual({ text: 'hi', encoding: 'utf-8' });
    expect(decode(Uint8Array.from([0xff, 0xfe, 0x68, 0, 0x69, 0]))).toEqual({ text: 'hi', encoding: 'utf-16le' });
    expect(decode(Uint8Array.from([0xfe, 0xff, 0, 0x68, 0, 0x69]))).toEqual({ text: 'hi', encoding: 'utf-16be' });
  });

  it('refuses empty, blank, binary and invalid UTF-8 files with a code', () => {
    expect(decode(new Uint8Array())).toMatchObject({ code: 'EMPTY_FILE' });
    expect(decode(enc(' \n\t \n'))).toMatchObject({ code: 'BLANK_FILE' });
    expect(decode(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatchObject({ code: 'BINARY_FILE' });
    expect(decode(Uint8Array.from([...enc('abc'), 0xc3, 0x28, ...enc('def')]))).toMatchObject({ code: 'INVALID_ENCODING', message: expect.stringContaining('offset 0') });
  });
});

describe('ingest', () => {
  it('attaches manifest metadata to its file and leaves other files with none', () => {
    const r = ingest(folder('{"articles":[{"file":"a.txt","outlet":"X","published_date":"2020-02-03","published_date_basis":"stated"}]}', ['a.txt', 'b.txt']));
    expect(r.raws.map((x) => [x.raw.sourceFile, x.raw.manifest?.outlet ?? null])).toEqual([['a.txt', 'X'], ['b.txt', null]]);
  });

  it('processes a folder without manifest', () => {
    expect(ingest(folder(null)).raws).toHaveLength(1);
  });

  it('reports malformed manifest JSON with line and column', () => {
    const e = errorOf(() => ingest(folder('{\n  "articles": [\n    {"file": "a.txt",}\n  ]\n}')));
    expect(e.code).toBe('SEED_MANIFEST_MALFORMED');
    expect(e.where).toMatchObject({ line: 3, column: expect.any(Number) });
  });

  it.each([
    ['an unknown field', '{"articles":[{"file":"a.txt","colour":"red"}]}', 'SEED_MANIFEST_INVALID', 'colour'],
    ['a bad date', '{"articles":[{"file":"a.txt","published_date":"March 3"}]}', 'SEED_MANIFEST_INVALID', 'published_date'],
    ['path traversal', '{"articles":[{"file":"../etc/passwd"}]}', 'SEED_MANIFEST_INVALID', 'file'],
    ['an absolute path', '{"articles":[{"file":"/etc/passwd"}]}', 'SEED_MANIFEST_INVALID', 'file'],
    ['a missing file', '{"articles":[{"file":"zzz.txt"}]}', 'SEED_MANIFEST_MISSING_FILE', 'file'],
    ['a duplicate entry', '{"articles":[{"file":"a.txt"},{"file":"a.txt"}]}', 'SEED_MANIFEST_DUPLICATE', 'file'],
    ['a __proto__ key', '{"articles":[{"file":"a.txt","__proto__":{"x":1}}]}', 'SEED_MANIFEST_INVALID', undefined],
  ])('rejects a manifest with %s, naming the entry and field', (_what, text, code, field) => {
    const e = errorOf(() => ingest(folder(text)));
    expect(e).toBeInstanceOf(PipelineError);
    expect(e.code).toBe(code);
    expect(e.where.file).toBe('seeds/manifest.json');
    if (field) expect(e.where.field).toBe(field);
    expect(e.message).toMatch(/Fix: /);
  });
});
