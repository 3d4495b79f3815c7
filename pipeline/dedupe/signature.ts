/**
 * Per-article summaries for the whole-corpus dedupe steps. Computed once per article (pure, parallelisable);
 * the corpus steps never look at texts again except to verify a candidate pair.
 */
import xxhash from 'xxhash-wasm';
import { sha256Hex } from '../hash.ts';
import { words } from '../clean/text.ts';

const { h32 } = await xxhash();

/** Words per shingle: 5 keeps unrelated reports of one event apart (they share almost no 5-word runs). */
export const SHINGLE_WORDS = 5;
/** A shingle is sampled into the index when its hash is 0 modulo this (Broder's MOD-m sketch). */
export const SAMPLE_MOD = 4;

/** What dedupe keeps of an article. */
export interface Signature {
  id: string;
  /** Days since 1970-01-01 of `published_date`, or null. */
  day: number | null;
  /** SHA-256 of the body folded for exact comparison (NFC, white space, quote style, case). */
  exactKey: string;
  /** Number of distinct shingles. */
  shingles: number;
  /** Sorted distinct shingle hashes that are 0 mod SAMPLE_MOD: an unbiased sketch for Jaccard and containment. */
  sample: Uint32Array;
}

/** Body folded for comparison: NFC, case, quote marks and dashes unified, white space collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/[‐-―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sorted distinct 32-bit hashes of the article's word 5-shingles (a short text gives one shingle of all its words). */
export function shingleHashes(text: string): Uint32Array {
  const ws = words(foldText(text));
  const set = new Set<number>();
  if (ws.length > 0 && ws.length < SHINGLE_WORDS) set.add(h32(ws.join(' ')));
  for (let i = 0; i + SHINGLE_WORDS <= ws.length; i++) set.add(h32(ws.slice(i, i + SHINGLE_WORDS).join(' ')));
  return Uint32Array.from(set).sort();
}

/** The signature of one article. */
export function signature(a: { article_id: string; text: string; published_date: string | null }): Signature {
  const all = shingleHashes(a.text);
  return {
    id: a.article_id,
    day: a.published_date ? Math.floor(Date.parse(`${a.published_date}T00:00:00Z`) / 86_400_000) : null,
    exactKey: sha256Hex(foldText(a.text)),
    shingles: all.length,
    sample: all.filter((h) => h % SAMPLE_MOD === 0),
  };
}

/** Size of the intersection of two sorted arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

/** Exact Jaccard and containment (of the smaller set in the larger) of two sorted shingle-hash sets. */
export function similarity(a: Uint32Array, b: Uint32Array): { jaccard: number; containment: number } {
  const inter = intersectionSize(a, b);
  const union = a.length + b.length - inter;
  return { jaccard: union ? inter / union : 0, containment: Math.min(a.length, b.length) ? inter / Math.min(a.length, b.length) : 0 };
}
