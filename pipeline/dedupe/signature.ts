/**
 * Per-article summaries for the whole-corpus dedupe steps. Computed once per article (pure, parallelisable);
 * the corpus steps never look at texts again except to verify a candidate pair.
 */
import { sha256Hex } from '../hash.ts';
import { words } from '../clean/text.ts';

/** Words per shingle: 5 keeps unrelated reports of one event apart (they share almost no 5-word runs). */
export const SHINGLE_WORDS = 5;
/** A shingle is sampled into the index when its hash is 0 modulo this (Broder's MOD-m sketch). */
export const SAMPLE_MOD = 4;

/** What dedupe keeps of an article. */
export interface Signature {
  id: string;
  /** Days since 1970-01-01 of `published_date`, or null. */
  day: number | null;
  /** SHA-256 of the body's word sequence folded for exact comparison (case, quote style, white space and punctuation ignored). */
  exactKey: string;
  /** Number of distinct shingles. */
  shingles: number;
  /** Sorted distinct shingle hashes that are 0 mod SAMPLE_MOD: an unbiased sketch for Jaccard and containment. */
  sample: Uint32Array;
}

/** The article's words folded for comparison: lower case, one apostrophe, one hyphen. */
export function foldedWords(text: string): string[] {
  return words(text).map(foldWord);
}

// Most words are ASCII: only the others need the character replacements.
const foldWord = (w: string) => (/[\u0080-\uffff]/.test(w) ? w.normalize('NFC').toLowerCase().replace(/[‘’‛`´]/g, "'").replace(/[‐-―]/g, '-') : w.toLowerCase());

/**
 * 32-bit FNV-1a of a word. In JS it is four times faster per word than calling a wasm hash (the string is
 * copied across the boundary on every call); word collisions are harmless here, since a shingle mixes five.
 */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Sorted distinct 32-bit hashes of the word 5-shingles of folded words (fewer than five words give one
 * shingle of all of them). A shingle's hash mixes the hashes of its five words.
 */
export function shingleSet(ws: string[]): Uint32Array {
  const wh = new Uint32Array(ws.length);
  for (let i = 0; i < ws.length; i++) wh[i] = fnv1a(ws[i]!);
  const k = Math.min(SHINGLE_WORDS, ws.length);
  const out = new Uint32Array(k > 0 ? wh.length - k + 1 : 0);
  for (let i = 0; i < out.length; i++) {
    let h = 0x9e3779b1;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ wh[i + j]!, 0x85ebca6b) ^ (h >>> 13);
    out[i] = fmix32(h);
  }
  // Sort and drop repeats in place: a typed array avoids boxing 32-bit values in a Set.
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return out.slice(0, n);
}

/** Sorted distinct shingle hashes of a text. */
export const shingleHashes = (text: string): Uint32Array => shingleSet(foldedWords(text));

/** The signature of one article. */
export function signature(a: { article_id: string; text: string; published_date: string | null }): Signature {
  const ws = foldedWords(a.text);
  return signatureOf(a, ws, shingleSet(ws));
}

/** The signature from the article's folded words and their shingle set, when the caller has them already. */
export function signatureOf(a: { article_id: string; published_date: string | null }, ws: string[], all: Uint32Array): Signature {
  return {
    id: a.article_id,
    day: a.published_date ? Math.floor(Date.parse(`${a.published_date}T00:00:00Z`) / 86_400_000) : null,
    exactKey: sha256Hex(ws.join(' ')),
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
