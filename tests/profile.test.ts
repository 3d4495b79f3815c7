import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCERPT, excerpt } from '../pipeline/export/profile.ts';
import { ROOT, VERSION, readJsonl, runCli, tempDir } from './helpers.ts';

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('public profile', () => {
  const out = tempDir();
  const full = path.join(ROOT, `dist-data/${VERSION}`);
  const r = runCli(['--seeds', path.join(ROOT, 'seeds'), '--out', out, '--profile', 'public']);
  const pub = path.join(out, `public/${VERSION}`);

  it('leaves article bodies and evidence sentences out, and keeps hashes, lengths and offsets to rebuild them', () => {
    expect(r.status, r.stderr).toBe(0);
    const fullArticles = new Map(readJsonl(path.join(full, 'jsonl/articles.jsonl')).map((a) => [a['article_id'], a]));
    for (const a of readJsonl(path.join(pub, 'jsonl/articles.jsonl'))) {
      const f = fullArticles.get(a['article_id'])!;
      expect(a['text']).toBeNull();
      expect([a['content_sha256'], a['char_count']]).toEqual([createHash('sha256').update(String(f['text'])).digest('hex'), String(f['text']).length]);
    }
    for (const m of readJsonl(path.join(pub, 'jsonl/event_mentions.jsonl'))) expect(m['text']).toBeNull();
    const fullQuotes = new Map(readJsonl(path.join(full, 'jsonl/quotes.jsonl')).map((q) => [q['quote_id'], q]));
    for (const q of readJsonl(path.join(pub, 'jsonl/quotes.jsonl'))) {
      expect(String(q['text']).length).toBeLessThanOrEqual(EXCERPT);
      expect(q['text']).toBe(excerpt(String(fullQuotes.get(q['quote_id'])!['text'])));
      expect([q['char_start'], q['char_end']]).toEqual([fullQuotes.get(q['quote_id'])!['char_start'], fullQuotes.get(q['quote_id'])!['char_end']]);
    }
  });

  it('holds no paragraph of any article in any of its files', () => {
    const paragraphs = readJsonl(path.join(full, 'jsonl/articles.jsonl')).flatMap((a) => String(a['text']).split('\n\n')).map((p) => p.slice(0, 160)).filter((p) => p.length > 120);
    for (const file of files(pub)) {
      const content = readFileSync(file, 'utf8');
      for (const p of paragraphs) expect(content.includes(p), `${path.relative(pub, file)} holds "${p.slice(0, 40)}…"`).toBe(false);
    }
  });

  it('cuts long quotes at a word and marks the cut', () => {
    expect(excerpt('short')).toBe('short');
    const long = 'word '.repeat(40).trim();
    expect(excerpt(long)).toMatch(/^(word ){10,}word…$/);
    expect(excerpt(long).length).toBeLessThanOrEqual(EXCERPT);
  });
});
