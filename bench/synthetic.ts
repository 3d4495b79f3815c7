/**
 * Deterministic synthetic corpus for benchmarks: articles of 300-600 words drawn from a Zipf-distributed
 * vocabulary with capitalised names, and planted copies (near copies with two words changed and the last
 * paragraph dropped, exact copies, truncated copies). Same seed, same corpus.
 */
import type { CleanArticle } from '../pipeline/model.ts';
import { stableId } from '../pipeline/hash.ts';

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'sho', 'vel', 'dan', 'pri', 'gor', 'ul', 'es', 'na', 'tor', 'bi', 'qua', 'zen', 'fo', 'hal', 'rin'];

function word(r: () => number): string {
  const n = 1 + Math.floor(r() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}

export interface PlantedCopy {
  id: string;
  of: string;
  kind: 'exact' | 'near' | 'truncated';
}

/** `n` articles (copies included) and the list of planted copies. */
export function syntheticCorpus(n: number, seed = 1): { articles: CleanArticle[]; planted: PlantedCopy[] } {
  const r = rng(seed);
  const vocab = Array.from({ length: 20_000 }, () => word(r));
  const names = Array.from({ length: 3_000 }, () => { const w = word(r); return w[0]!.toUpperCase() + w.slice(1); });
  // Zipf-like draw: index = floor(V * u^3) favours frequent words, as real text does.
  const pick = () => vocab[Math.floor(vocab.length * r() ** 3)]!;
  const articles: CleanArticle[] = [];
  const planted: PlantedCopy[] = [];
  const make = (i: number, text: string, day: number): CleanArticle => {
    const date = new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    return { article_id: stableId('art', `syn_${seed}_${i}`), source_file: `syn_${i}.txt`, url: null, outlet: null, title: null, authors: [], published_date: date, published_date_source: 'manifest', dateline: null, language: 'en', text, char_count: text.length, word_count: 0, content_sha256: '' };
  };
  const originals: CleanArticle[] = [];
  const dayOf = (a: CleanArticle) => Math.round((Date.parse(`${a.published_date}T00:00:00Z`) - Date.UTC(2020, 0, 1)) / 86_400_000);
  for (let i = 0; i < n; i++) {
    // Copies are made of original articles and dated one to five days after them, as republications are.
    const prev = originals.length ? originals[Math.floor(r() * originals.length)]! : null;
    const later = prev ? dayOf(prev) + 1 + Math.floor(r() * 5) : 0;
    const roll = r();
    if (prev && roll < 0.03) {
      const paras = prev.text.split('\n\n');
      const ws = paras.slice(0, -1).join('\n\n').split(' ');
      for (let k = 0; k < 2; k++) ws[Math.floor(r() * ws.length)] = pick();
      const a = make(i, ws.join(' '), later);
      articles.push(a);
      planted.push({ id: a.article_id, of: prev.article_id, kind: 'near' });
      continue;
    }
    if (prev && roll < 0.04) {
      const a = make(i, prev.text, later);
      articles.push(a);
      planted.push({ id: a.article_id, of: prev.article_id, kind: 'exact' });
      continue;
    }
    if (prev && roll < 0.05) {
      const paras = prev.text.split('\n\n');
      const a = make(i, paras.slice(0, Math.ceil(paras.length / 2)).join('\n\n'), later);
      articles.push(a);
      planted.push({ id: a.article_id, of: prev.article_id, kind: 'truncated' });
      continue;
    }
    const len = 300 + Math.floor(r() * 300);
    const cast = Array.from({ length: 6 }, () => names[Math.floor(r() * names.length)]!);
    const paras: string[] = [];
    let para: string[] = [];
    for (let k = 0; k < len; k++) {
      para.push(r() < 0.08 ? cast[Math.floor(r() * cast.length)]! : pick());
      if (para.length >= 40 + Math.floor(r() * 30)) {
        paras.push(`${para.join(' ')}.`);
        para = [];
      }
    }
    if (para.length) paras.push(`${para.join(' ')}.`);
    const a = make(i, paras.join('\n\n'), Math.floor(r() * 365));
    articles.push(a);
    originals.push(a);
  }
  return { articles, planted };
}
