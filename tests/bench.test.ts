import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textStats, writeCorpus, writeShape } from '../bench/corpus.ts';
import { tempDir } from './helpers.ts';

describe('bench corpus', () => {
  it('is the same for the same seed, and different for another', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    writeCorpus(a, 60, 7);
    writeCorpus(b, 60, 7);
    writeCorpus(c, 60, 8);
    const files = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(b, f)).equals(readFileSync(path.join(a, f))), f).toBe(true);
    expect(readFileSync(path.join(c, 'a000000.txt')).equals(readFileSync(path.join(a, 'a000000.txt')))).toBe(false);
  });

  it('writes 300-900-word articles with a headline, byline and dateline, and about 5% planted copies', () => {
    const dir = tempDir();
    const corpus = writeCorpus(dir, 400, 3);
    expect(corpus.planted / corpus.articles).toBeGreaterThan(0.02);
    expect(corpus.planted / corpus.articles).toBeLessThan(0.09);
    const first = readFileSync(path.join(dir, 'a000000.txt'), 'utf8').split('\n');
    expect(first[1]).toMatch(/^By \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    expect(first[2]).toMatch(/^\p{Lu}[\p{Lu} .'-]+ \(Example Wire\) — /u);
    const n = first.join(' ').split(/\s+/).length;
    expect(n).toBeGreaterThan(290);
    expect(n).toBeLessThan(1100);
  });

  it('has a dense shape: deterministic, the requested count, 4-7 KB per article, more quotes and names than the default', () => {
    const [a, b, c, d] = [tempDir(), tempDir(), tempDir(), tempDir()];
    const dense = writeShape(a, 50, 5, 'dense');
    writeShape(b, 50, 5, 'dense');
    writeShape(c, 50, 6, 'dense');
    writeShape(d, 50, 5, 'default');
    const texts = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
    expect(readdirSync(b).sort()).toEqual(readdirSync(a).sort());
    expect(texts(b)).toEqual(texts(a));
    expect(readFileSync(path.join(b, 'manifest.json'), 'utf8')).toBe(readFileSync(path.join(a, 'manifest.json'), 'utf8'));
    expect(texts(c)[0]).not.toBe(texts(a)[0]);
    expect(texts(a)).toHaveLength(50);
    expect(JSON.parse(readFileSync(path.join(a, 'manifest.json'), 'utf8')).articles).toHaveLength(50);
    expect(dense.articles).toBe(50);
    expect(dense.bytes / 50).toBeGreaterThan(4000);
    expect(dense.bytes / 50).toBeLessThan(7000);
    const first = texts(a)[0]!.split('\n');
    expect(first[1]).toMatch(/^By \p{Lu}\p{Ll}+ \p{Lu}[\p{Ll}'-]+$/u);
    expect(first[2]).toMatch(/^\p{Lu}[\p{Lu} .'-]+ \(Example Wire\) — /u);
    const mean = (dir: string) => {
      const stats = texts(dir).map(textStats);
      const avg = (k: 'quotes' | 'cues' | 'names') => stats.reduce((s, x) => s + x[k], 0) / stats.length;
      return { quotes: avg('quotes'), cues: avg('cues'), names: avg('names') };
    };
    const [md, mdef] = [mean(a), mean(d)];
    expect(md.quotes).toBeGreaterThan(2 * mdef.quotes);
    expect(md.cues).toBeGreaterThan(mdef.cues);
    expect(md.names).toBeGreaterThan(1.2 * mdef.names);
  });
});
