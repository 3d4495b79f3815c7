/**
 * Exact and near duplicates over signatures, in one pass in canonical order (earliest published date, then
 * smallest article id; undated articles last). Each article first looks for an earlier canonical with the
 * same exact key, then in an inverted index of sampled shingles for canonicals sharing enough samples; the
 * best candidate is verified exactly (Jaccard, containment). Only canonicals enter the index, so a story
 * republished a thousand times costs a thousand look-ups, not a million comparisons. Pure.
 */
import type { Signature } from './signature.ts';
import { addPosting, createPostings, forEachPosting, postingCount } from './postings.ts';

/** Thresholds of the near-duplicate rule (DATASHEET.md, "Duplicates"). */
export interface NearOptions {
  /** Jaccard of word 5-shingles at or above which two articles are near duplicates (default 0.5). */
  nearThreshold: number;
  /** Containment of the shorter article's shingles in the longer at or above which it is a (truncated) copy (default 0.8). */
  containmentThreshold: number;
  /** Shortest-to-longest shingle-count ratio below which containment alone does not make a copy (default 0.2). */
  minLengthRatio: number;
  /** Sampled shingles two articles must share to be compared at all (default 2). */
  minSharedSamples: number;
  /** Posting lists longer than this are not extended: a shingle in that many articles is boilerplate, and a copy shares many rarer ones (default 64). */
  maxPosting: number;
}

export const DEFAULT_NEAR: NearOptions = { nearThreshold: 0.5, containmentThreshold: 0.8, minLengthRatio: 0.2, minSharedSamples: 2, maxPosting: 64 };

/** One article found to duplicate another. */
export interface DuplicateLink {
  id: string;
  of: string;
  /** `truncated`: the shorter text's shingles are contained in the longer's and it has at most 90% of them. */
  kind: 'exact' | 'near' | 'truncated';
  jaccard: number;
  containment: number;
}

/** Shingle-count ratio at or below which a contained copy counts as shortened rather than near-identical. */
export const TRUNCATED_RATIO = 0.9;

/** Exact shingle sets of two articles, computed on demand for candidate pairs only. */
export type Verify = (a: string, b: string) => { jaccard: number; containment: number };

/** Canonical order: earliest day first, undated last, then smallest id. */
export function canonicalOrder(a: Signature, b: Signature): number {
  if (a.day !== b.day) return a.day === null ? 1 : b.day === null ? -1 : a.day - b.day;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Finds every duplicate and the canonical article it duplicates. */
export function findDuplicates(sigs: Signature[], verify: Verify, opt: NearOptions = DEFAULT_NEAR): DuplicateLink[] {
  const ordered = [...sigs].sort(canonicalOrder);
  const byExact = new Map<string, string>();
  const postings = createPostings();
  const canon: Signature[] = [];
  const links: DuplicateLink[] = [];
  // Shared-sample counts per canonical index, in a typed array reset through the list of indexes touched:
  // the hot loop of the whole step (every sample of every article walks a posting list).
  let shared = new Int32Array(1024);
  const touched: number[] = [];
  const count = (c: number) => {
    if (shared[c] === 0) touched.push(c);
    shared[c]!++;
  };
  for (const s of ordered) {
    // A text without words (no shingles) has nothing to compare: it is never anyone's duplicate, nor the
    // original of one (all such texts share the exact key of the empty word sequence).
    if (s.shingles === 0) continue;
    const exact = byExact.get(s.exactKey);
    if (exact) {
      links.push({ id: s.id, of: exact, kind: 'exact', jaccard: 1, containment: 1 });
      continue;
    }
    for (const h of s.sample) forEachPosting(postings, h, count);
    const candidates: [number, number][] = [];
    for (const c of touched) {
      if (shared[c]! >= opt.minSharedSamples) candidates.push([c, shared[c]!]);
      shared[c] = 0;
    }
    touched.length = 0;
    let best: DuplicateLink | null = null;
    // Most shared samples first; verify at most the top few (a copy shares far more than anything else).
    const ranked = candidates.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 5);
    for (const [ci] of ranked) {
      const c = canon[ci]!;
      const { jaccard, containment } = verify(s.id, c.id);
      const ratio = Math.min(s.shingles, c.shingles) / Math.max(s.shingles, c.shingles, 1);
      const isCopy = jaccard >= opt.nearThreshold || (containment >= opt.containmentThreshold && ratio >= opt.minLengthRatio);
      const kind = containment >= opt.containmentThreshold && ratio <= TRUNCATED_RATIO ? 'truncated' : 'near';
      if (isCopy && (!best || jaccard > best.jaccard)) best = { id: s.id, of: c.id, kind, jaccard, containment };
    }
    if (best) {
      links.push(best);
      continue;
    }
    byExact.set(s.exactKey, s.id);
    const idx = canon.push(s) - 1;
    if (idx >= shared.length) {
      const grown = new Int32Array(shared.length * 2);
      grown.set(shared);
      shared = grown;
    }
    for (const h of s.sample) if (postingCount(postings, h) < opt.maxPosting) addPosting(postings, h, idx);
  }
  return links;
}
