/**
 * dedupe: marks exact and near-duplicate articles (`duplicate_of`, `duplicate_kind`, `duplicate_similarity`)
 * and groups articles into stories (`story_id`). Composes two whole-corpus steps over per-article summaries:
 * `findDuplicates` (dedupe/near.ts) and `clusterStories` (dedupe/stories.ts). Pure.
 */
import { stableId } from './hash.ts';
import type { CleanArticle, FullArticle } from './model.ts';
import { DEFAULT_NEAR, findDuplicates } from './dedupe/near.ts';
import type { DuplicateLink, NearOptions } from './dedupe/near.ts';
import { shingleHashes, signature, similarity } from './dedupe/signature.ts';
import { clusterStories, DEFAULT_STORY, termCounts } from './dedupe/stories.ts';
import type { StoryOptions } from './dedupe/stories.ts';

/** Tunable thresholds; the CLI sets `nearThreshold`, the rest keep their documented defaults. */
export interface DedupeOptions {
  near?: Partial<NearOptions>;
  story?: Partial<StoryOptions>;
}

export interface DedupeResult {
  articles: FullArticle[];
  /** Every duplicate found, with both similarity measures, for the run report. */
  links: DuplicateLink[];
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Sets the duplicate and story fields of every article. */
export function dedupe(articles: CleanArticle[], options: DedupeOptions = {}): DedupeResult {
  const near = { ...DEFAULT_NEAR, ...options.near };
  const texts = new Map(articles.map((a) => [a.article_id, a.text]));
  const cache = new Map<string, Uint32Array>();
  const shingles = (id: string) => {
    let s = cache.get(id);
    if (!s) cache.set(id, (s = shingleHashes(texts.get(id)!)));
    return s;
  };
  const links = findDuplicates(articles.map(signature), (a, b) => similarity(shingles(a), shingles(b)), near);
  const linkOf = new Map(links.map((l) => [l.id, l]));

  const canonical = articles.filter((a) => !linkOf.has(a.article_id));
  const stories = clusterStories(
    canonical.map((a) => ({ id: a.article_id, day: a.published_date ? Date.parse(`${a.published_date}T00:00:00Z`) / 86_400_000 : null, terms: termCounts(a.text) })),
    { ...DEFAULT_STORY, ...options.story },
  );

  return {
    links,
    articles: articles.map((a) => {
      const l = linkOf.get(a.article_id);
      const kind = l ? l.kind : null;
      return {
        ...a,
        duplicate_of: l ? l.of : null,
        duplicate_kind: kind,
        duplicate_similarity: !l ? null : kind === 'truncated' ? round4(l.containment) : round4(l.jaccard),
        story_id: stableId('sto', stories.get(l ? l.of : a.article_id)!),
      };
    }),
  };
}
