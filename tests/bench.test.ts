import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.ts';
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
});
