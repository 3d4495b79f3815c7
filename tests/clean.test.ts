import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../pipeline/clean.ts';

const dir = new URL('./fixtures/clean/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));

describe('clean', () => {
  it.each(cases)('cleans fixture %s as expected', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8'));
    const result = clean({ sourceFile: `${name}.txt`, text, manifest: null });
    if (expected.error) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe(expected.error);
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { title, authors, dateline, published_date, published_date_source, text: body } = result.article;
    expect({ title, authors, dateline, published_date, published_date_source, text: body }).toEqual(expected);
  });

  it('normalises line endings, NFC and trailing spaces without rewriting words', () => {
    const raw = 'Officials met in Cafe\u0301 Central on Monday to discuss the plan, he said.   \r\nThe talks “went well,” an aide said — as printed.\r\n';
    const r = clean({ sourceFile: 'x.txt', text: raw, manifest: null });
    expect(r.ok && r.article.text).toBe('Officials met in Café Central on Monday to discuss the plan, he said.\n\nThe talks “went well,” an aide said — as printed.');
  });

  it('takes the manifest date when the text states none, and the text date over the manifest', () => {
    const body = 'The committee approved the measure on Monday after a long debate, members said.';
    const manifest = { file: 'x.txt', outlet: 'Example Times', url: null, published_date: '2020-01-02', language: 'en' };
    const fromManifest = clean({ sourceFile: 'x.txt', text: body, manifest });
    expect(fromManifest.ok && [fromManifest.article.published_date, fromManifest.article.published_date_source, fromManifest.article.outlet]).toEqual(['2020-01-02', 'manifest', 'Example Times']);
    const fromText = clean({ sourceFile: 'x.txt', text: `Posted: 2020-01-05\n${body}`, manifest });
    expect(fromText.ok && [fromText.article.published_date, fromText.article.published_date_source]).toEqual(['2020-01-05', 'text']);
  });

  it("takes the dateline's full date over the manifest, and never a date in the body's prose", () => {
    const manifest = { file: 'x.txt', outlet: null, url: null, published_date: '2025-03-09', language: 'en' };
    const body = 'The treaty was signed on February 27, 2025 in the capital, the foreign ministry said on Monday.';
    const dated = clean({ sourceFile: 'x.txt', text: `RIGA, March 3, 2025 (Example Wire) – ${body}`, manifest });
    expect(dated.ok && [dated.article.dateline, dated.article.published_date, dated.article.published_date_source]).toEqual(['RIGA (Example Wire)', '2025-03-03', 'text']);
    const undated = clean({ sourceFile: 'x.txt', text: body, manifest });
    expect(undated.ok && [undated.article.published_date, undated.article.published_date_source]).toEqual(['2025-03-09', 'manifest']);
    const bare = clean({ sourceFile: 'x.txt', text: body, manifest: null });
    expect(bare.ok && [bare.article.published_date, bare.article.published_date_source]).toEqual([null, null]);
  });

  it('takes a closing line for a sign-off only when it names an outlet', () => {
    const body = 'The mayor thanked the volunteers who cleared the streets after the storm, her office said on Monday.';
    const signoff = clean({ sourceFile: 'x.txt', text: `${body}\nJane Roe, Example Radio News, Lisbon.`, manifest: null });
    expect(signoff.ok && [signoff.article.authors, signoff.article.text]).toEqual([['Jane Roe'], body]);
    const headline = clean({ sourceFile: 'x.txt', text: `Mayor Praises Volunteers, Promises New Shelter.\n${body}`, manifest: null });
    expect(headline.ok && headline.article.authors).toEqual([]);
  });

  it('describes the body it returns: char_count, word_count and content_sha256', () => {
    const body = 'Rain fell on the capital for a third day, forecasters said.';
    const r = clean({ sourceFile: 'x.txt', text: body, manifest: null });
    expect(r.ok && [r.article.char_count, r.article.word_count, r.article.content_sha256]).toEqual([59, 11, createHash('sha256').update(body).digest('hex')]);
  });
});
