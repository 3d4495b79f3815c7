/**
 * Story clusters: articles that report the same story in their own words. Shingles cannot see this
 * (different outlets share almost no 5-word runs), and common words differ by outlet, so the rule uses the
 * names a story is about (people, places, organisations: the words an article capitalises mid-sentence):
 *   1. each article is summarised by its top name terms, weighted TF-IDF (1 + ln tf) · (ln((N+1)/(df+1)) + 1);
 *   2. candidate pairs share at least `minSharedTerms` of each other's top `indexTerms` terms (inverted index;
 *      terms in more than `maxPosting` articles are not indexed);
 *   3. a pair is linked when the cosine of their term vectors is at least `minCosine` and their publication
 *      dates are at most `windowDays` apart (undated pairs need `minCosineUndated`);
 *   4. linked articles form a story (union-find); a duplicate joins its canonical article's story.
 * Pure; works on compact summaries, never on all pairs.
 */
import stopwords from '../lexicon/stopwords.json' with { type: 'json' };

const STOP = new Set(stopwords.words);

export interface StoryOptions {
  /** Terms kept per article (default 40). */
  keepTerms: number;
  /** Top terms per article that enter the candidate index (default 12). */
  indexTerms: number;
  /** Indexed top terms a pair must share to be compared (default 3). */
  minSharedTerms: number;
  /** Cosine at or above which two dated articles within the window tell the same story (default 0.35). */
  minCosine: number;
  /** Cosine needed when either article has no date (default 0.5). */
  minCosineUndated: number;
  /** Largest gap in days between publication dates of linked articles (default 7). */
  windowDays: number;
  /** Terms found in more articles than this are not indexed (default 2000). */
  maxPosting: number;
}

export const DEFAULT_STORY: StoryOptions = { keepTerms: 40, indexTerms: 12, minSharedTerms: 3, minCosine: 0.35, minCosineUndated: 0.5, windowDays: 7, maxPosting: 2000 };

/** Term counts of one article: what the story step keeps of its text. */
export interface TermSummary {
  id: string;
  day: number | null;
  /** Content terms and their counts. */
  terms: Map<string, number>;
}

/**
 * Name terms of a text and their counts: lower-cased words of three or more letters that the text writes
 * with a capital inside a sentence (so not just because a sentence starts there), counted wherever they
 * stand, sentence starts included. Stopwords and numbers are never terms.
 */
export function termCounts(text: string): Map<string, number> {
  // One pass over the words; a word opens a sentence when only spaces, quotes or brackets stand between it
  // and the previous sentence end (or the start of the text).
  const capitalised: { t: string; initial: boolean }[] = [];
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    const w = m[0];
    if (w.length < 3) continue;
    const t = w.toLowerCase().replace(/['’]s$/, '');
    if (t.length < 3 || STOP.has(t)) continue;
    capitalised.push({ t, initial: SENTENCE_START.test(text.slice(Math.max(0, m.index - 4), m.index)) || m.index === 0 });
  }
  const names = new Set(capitalised.filter((c) => !c.initial).map((c) => c.t));
  const counts = new Map<string, number>();
  for (const { t } of capitalised) if (names.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * The words (runs of letters and digits joined by an inner apostrophe or hyphen) that start with a capital, found
 * without visiting the others: a capital starts a word unless a letter or digit, or one with a joiner after it,
 * stands right before it ("Si-Young" is one word, "-Young" after a dash its own).
 */
const CAPITALISED_WORD = /(?<![\p{L}\p{N}]|[\p{L}\p{N}]['’-])\p{Lu}[\p{L}\p{N}]*(?:['’-][\p{L}\p{N}]+)*/gu;
const SENTENCE_START = /(?:^|[.!?]["”’)]?)\s*["“‘(]?$/u;

/** Groups articles into stories; returns the story key (smallest member id) of every summarised article. */
export function clusterStories(summaries: TermSummary[], opt: StoryOptions = DEFAULT_STORY): Map<string, string> {
  const df = new Map<string, number>();
  for (const s of summaries) for (const t of s.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = summaries.length;
  const vectors = summaries.map((s) => {
    const weighted = [...s.terms].map(([t, tf]) => [t, (1 + Math.log(tf)) * (Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1)] as const);
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = weighted.slice(0, opt.keepTerms);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return new Map(top.map(([t, w]) => [t, w / norm]));
  });

  // Articles are visited in date order (undated last); a posting list drops from its front the articles
  // that fell out of the date window, so each list holds only articles a new one may still be linked to.
  const order = summaries.map((_, i) => i).sort((a, b) => {
    const da = summaries[a]!.day;
    const db = summaries[b]!.day;
    return da === db ? a - b : da === null ? 1 : db === null ? -1 : da - db;
  });
  const parent = summaries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const postings = new Map<string, number[]>();
  for (const i of order) {
    const s = summaries[i]!;
    const top = [...vectors[i]!.keys()].slice(0, opt.indexTerms);
    const shared = new Map<number, number>();
    for (const t of top) {
      const list = postings.get(t);
      if (!list) continue;
      if (s.day !== null) {
        let drop = 0;
        while (drop < list.length && summaries[list[drop]!]!.day! < s.day - opt.windowDays) drop++;
        if (drop) list.splice(0, drop);
      }
      for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, k] of shared) {
      if (k < opt.minSharedTerms || find(i) === find(j)) continue;
      const other = summaries[j]!;
      const dated = s.day !== null && other.day !== null;
      if (dated && Math.abs(s.day! - other.day!) > opt.windowDays) continue;
      if (cosine(vectors[i]!, vectors[j]!) >= (dated ? opt.minCosine : opt.minCosineUndated)) parent[find(i)] = find(j);
    }
    if (s.day === null) continue; // undated articles are linked to dated ones, not indexed themselves
    for (const t of top) {
      if ((df.get(t) ?? 0) > opt.maxPosting) continue;
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  }

  const key = new Map<number, string>();
  summaries.forEach((s, i) => {
    const r = find(i);
    const k = key.get(r);
    if (!k || s.id < k) key.set(r, s.id);
  });
  return new Map(summaries.map((s, i) => [s.id, key.get(find(i))!]));
}

/** Cosine of two unit-normalised sparse vectors. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}
