import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../pipeline/clean.ts';
import { dedupe } from '../pipeline/dedupe.ts';
import { findDuplicates } from '../pipeline/dedupe/near.ts';
import { shingleHashes, signature, similarity } from '../pipeline/dedupe/signature.ts';
import { clusterStories, termCounts } from '../pipeline/dedupe/stories.ts';
import { ingest } from '../pipeline/ingest.ts';
import { readSeedFolder } from '../pipeline/io/seeds.ts';
import type { CleanArticle } from '../pipeline/model.ts';

const dir = new URL('./fixtures/dedupe/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));

function cleanFolder(path: string): CleanArticle[] {
  const { raws } = ingest(readSeedFolder(path, 5_000_000));
  return raws.map(({ raw }) => clean(raw)).flatMap((r) => (r.ok ? [r.article] : []));
}

const article = (id: string, text: string, date: string | null = '2024-01-10'): CleanArticle => ({
  article_id: id, source_file: `${id}.txt`, url: null, outlet: null, title: null, authors: [], published_date: date, published_date_source: date ? 'manifest' : null,
  dateline: null, language: 'en', text, char_count: text.length, word_count: 0, content_sha256: '',
});

describe('dedupe on the seeds with planted copies', () => {
  const articles = cleanFolder(new URL('seeds/', dir).pathname);
  const result = dedupe(articles);
  const fileOf = new Map(result.articles.map((a) => [a.article_id, a.source_file]));

  it('flags every planted copy with its original and kind, and nothing else', () => {
    const found = Object.fromEntries(result.articles.filter((a) => a.duplicate_of).map((a) => [a.source_file, { of: fileOf.get(a.duplicate_of!), kind: a.duplicate_kind }]));
    expect(found).toEqual(expected.duplicates);
  });

  it('groups the stories: the 2023 reports and their copies together, the 2018 article alone', () => {
    const byStory = new Map<string, string[]>();
    for (const a of result.articles) byStory.set(a.story_id, [...(byStory.get(a.story_id) ?? []), a.source_file]);
    const stories = [...byStory.values()].map((s) => s.sort()).sort((a, b) => b.length - a.length);
    expect(stories).toEqual(expected.stories.map((s: string[]) => [...s].sort()));
  });

  it('keeps independent reports of one event apart: the 2023 seeds share almost no shingles', () => {
    const seeds = articles.filter((a) => /^00[0124]_/.test(a.source_file));
    for (const a of seeds) for (const b of seeds) if (a !== b) expect(similarity(shingleHashes(a.text), shingleHashes(b.text)).jaccard).toBeLessThan(0.01);
  });
});

describe('findDuplicates', () => {
  const base = 'The central bank raised its main interest rate by a quarter point on Tuesday, the third increase this year, and said further moves would depend on how quickly inflation falls back toward its two percent target over the coming months.';
  const verify = (texts: Map<string, string>) => (a: string, b: string) => similarity(shingleHashes(texts.get(a)!), shingleHashes(texts.get(b)!));

  it('keeps the earliest article of an exact-duplicate pair, then the smallest id', () => {
    const arts = [article('art_b', base, '2024-01-11'), article('art_c', base.toUpperCase(), '2024-01-10'), article('art_a', base, '2024-01-11')];
    const texts = new Map(arts.map((a) => [a.article_id, a.text]));
    const links = findDuplicates(arts.map(signature), verify(texts));
    expect(links.map((l) => [l.id, l.of, l.kind])).toEqual([['art_a', 'art_c', 'exact'], ['art_b', 'art_c', 'exact']]);
  });

  it('does not flag two different texts on the same subject', () => {
    const other = 'Policymakers lifted borrowing costs again this week; officials expect prices to cool gradually, and markets now bet on a pause before summer as growth slows in the housing sector.';
    const arts = [article('art_a', base), article('art_b', other)];
    expect(findDuplicates(arts.map(signature), verify(new Map(arts.map((a) => [a.article_id, a.text]))))).toEqual([]);
  });
});

describe('clusterStories', () => {
  it('needs dates within the window: the same names a year apart are two stories', () => {
    const t = 'Officials said Lavrov met Kim in Pyongyang and discussed ties with Putin, Choe and the Foreign Ministry in Moscow.';
    const s = clusterStories([
      { id: 'a', day: 100, terms: termCounts(t) },
      { id: 'b', day: 102, terms: termCounts(t) },
      { id: 'c', day: 500, terms: termCounts(t) },
    ]);
    expect([s.get('a'), s.get('b'), s.get('c')]).toEqual(['a', 'a', 'c']);
  });

  it('counts names, not common words, as story terms', () => {
    expect([...termCounts('The minister said Lavrov met Kim. Lavrov left later, officials said.').entries()]).toEqual([['lavrov', 2], ['kim', 1]]);
  });
});
