/**
 * dedupe: marks exact and near-duplicate articles (`duplicate_of`, `duplicate_kind`, `duplicate_similarity`)
 * and groups articles into stories (`story_id`). Composes two whole-corpus steps over per-article summaries:
 * `findDuplicates` (dedupe/near.ts) and `clusterStories` (dedupe/stories.ts). Pure.
 */
import { stableId } from './hash.ts';
import type { CleanArticle, DedupedArticle } from './model.ts';
import { DEFAULT_NEAR, findDuplicates } from './dedupe/near.ts';
import type { DuplicateLink, NearOptions } from './dedupe/near.ts';
import { foldedWords, intersectionSize, SAMPLE_MOD, shingleSet, signatureOf, similarity } from './dedupe/signature.ts';
import type { Signature } from './dedupe/signature.ts';
import { clusterStories, DEFAULT_STORY, termCounts } from './dedupe/stories.ts';
import type { StoryOptions } from './dedupe/stories.ts';

/** Tunable thresholds; the CLI sets `nearThreshold`, the rest keep their documented defaults. */
export interface DedupeOptions {
  near?: Partial<NearOptions>;
  story?: Partial<StoryOptions>;
}

export interface DedupeResult {
  articles: DedupedArticle[];
  /** Every duplicate found, with both similarity measures, for the run report. */
  links: DuplicateLink[];
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** What dedupe keeps of one article: its signature, its full shingle set (to verify candidates) and its name terms. */
export interface ArticleSummary {
  sig: Signature;
  shingles: Uint32Array;
  terms: Map<string, number>;
}

/** A summary whose shingle set is kept elsewhere (on disk) and fetched by id for the pairs dedupe verifies. */
export type CompactSummary = Omit<ArticleSummary, 'shingles'>;

/** The summary of one article. Pure and per article: workers compute it next to clean. */
export function summarise(a: Pick<CleanArticle, 'article_id' | 'text' | 'published_date'>): ArticleSummary {
  const words = foldedWords(a.text);
  const shingles = shingleSet(words);
  return { sig: signatureOf(a, words, shingles), shingles, terms: termCounts(a.text) };
}

/**
 * What is wrong with a summary, as messages (none: it is fit for the corpus steps). Workers check each summary
 * before it leaves them, so one malformed summary quarantines its article instead of misleading the corpus
 * steps. An empty shingle set (a text without words) is degenerate but valid.
 */
export function summaryProblems(articleId: string, s: ArticleSummary): string[] {
  const p: string[] = [];
  const increasing = (a: Uint32Array) => a.every((h, i) => i === 0 || h > a[i - 1]!);
  if (s.sig.id !== articleId) p.push(`signature id ${JSON.stringify(s.sig.id)} is not the article's id ${articleId}`);
  if (s.sig.day !== null && !Number.isSafeInteger(s.sig.day)) p.push(`signature day ${String(s.sig.day)} is neither a whole number of days nor null`);
  if (!/^[0-9a-f]{64}$/.test(s.sig.exactKey)) p.push('signature exact key is not a SHA-256 in hex');
  const sorted = s.shingles instanceof Uint32Array && increasing(s.shingles);
  if (!sorted) p.push('shingle set is not a sorted set of 32-bit hashes');
  else if (s.sig.shingles !== s.shingles.length) p.push(`signature counts ${s.sig.shingles} shingles, the set holds ${s.shingles.length}`);
  const sample = s.sig.sample;
  // (A subset of an unsorted set cannot be told by merging: that set is reported already.)
  if (!(sample instanceof Uint32Array) || !increasing(sample) || sample.some((h) => h % SAMPLE_MOD !== 0) || (sorted && intersectionSize(sample, s.shingles) !== sample.length)) p.push('shingle sample is not a sorted subset of the shingles that are 0 mod SAMPLE_MOD');
  for (const [t, n] of s.terms) if (!t || !Number.isSafeInteger(n) || n < 1) p.push(`name term ${JSON.stringify(t)} has count ${String(n)}`);
  return p;
}

/** The corpus decisions: every duplicate found, and the story key of every article. */
export interface DedupeDecisions {
  links: DuplicateLink[];
  linkOf: Map<string, DuplicateLink>;
  /** Story key of each canonical article (a duplicate takes its original's). */
  stories: Map<string, string>;
}

/**
 * Finds duplicates and stories from summaries alone (no text). `shingles` gives an article's full shingle set
 * by id; without it, the summaries carry their own.
 */
export function decide(summaries: (CompactSummary | ArticleSummary)[], options: DedupeOptions = {}, shingles?: (id: string) => Uint32Array): DedupeDecisions {
  const links = duplicateLinks(summaries, options, shingles);
  return storyDecisions(summaries, links, options);
}

/** The duplicate step of `decide`. */
export function duplicateLinks(summaries: (CompactSummary | ArticleSummary)[], options: DedupeOptions = {}, shingles?: (id: string) => Uint32Array): DuplicateLink[] {
  const near = { ...DEFAULT_NEAR, ...options.near };
  const inMemory = new Map(summaries.flatMap((s) => ('shingles' in s ? [[s.sig.id, s.shingles] as const] : [])));
  const fetch = shingles ?? ((id: string) => inMemory.get(id)!);
  // Each article is verified against up to a few candidates in a row: fetch its own set once.
  let last: [string, Uint32Array] | null = null;
  const own = (id: string) => {
    if (last?.[0] !== id) last = [id, fetch(id)];
    return last[1];
  };
  return findDuplicates(
    summaries.map((s) => s.sig),
    (a, b) => similarity(own(a), fetch(b)),
    near,
  );
}

/** The story step of `decide`: clusters the canonical articles, given the duplicates found. */
export function storyDecisions(summaries: (CompactSummary | ArticleSummary)[], links: DuplicateLink[], options: DedupeOptions = {}): DedupeDecisions {
  const linkOf = new Map(links.map((l) => [l.id, l]));
  const stories = clusterStories(
    summaries.filter((s) => !linkOf.has(s.sig.id)).map((s) => ({ id: s.sig.id, day: s.sig.day, terms: s.terms })),
    { ...DEFAULT_STORY, ...options.story },
  );
  return { links, linkOf, stories };
}

/** The fields dedupe sets on an article. */
export type DedupeFields = Pick<DedupedArticle, 'duplicate_of' | 'duplicate_kind' | 'duplicate_similarity' | 'story_id'>;

/** An article's duplicate and story fields, from the decisions. */
export function dedupeFields(articleId: string, d: DedupeDecisions): DedupeFields {
  const l = d.linkOf.get(articleId);
  const kind = l ? l.kind : null;
  return {
    duplicate_of: l ? l.of : null,
    duplicate_kind: kind,
    duplicate_similarity: !l ? null : kind === 'truncated' ? round4(l.containment) : round4(l.jaccard),
    story_id: stableId('sto', d.stories.get(l ? l.of : articleId)!),
  };
}

/** An article with its duplicate and story fields set from the decisions. */
export function withDedupe(a: CleanArticle, d: DedupeDecisions): DedupedArticle {
  return { ...a, ...dedupeFields(a.article_id, d) };
}

/** Sets the duplicate and story fields of every article (in memory). */
export function dedupe(articles: CleanArticle[], options: DedupeOptions = {}): DedupeResult {
  const decisions = decide(articles.map(summarise), options);
  return { links: decisions.links, articles: articles.map((a) => withDedupe(a, decisions)) };
}
