/**
 * dedupe: marks exact and near-duplicate articles and groups articles into stories.
 * (Foundation stage: every article is canonical and alone in its story; the duplicate index and story
 * clustering arrive with the dedupe issue, behind this same interface.)
 */
import { stableId } from './hash.ts';
import type { CleanArticle } from './model.ts';
import type { Article } from './types.generated.ts';

/** Tunable thresholds; the CLI fills them from flags. */
export interface DedupeOptions {
  /** Jaccard similarity of word shingles at or above which two articles are near duplicates. */
  nearThreshold: number;
}

export interface DedupeResult {
  articles: Article[];
}

/** Sets `duplicate_of`, `duplicate_similarity` and `story_id` on every article. */
export function dedupe(articles: CleanArticle[], _options: DedupeOptions): DedupeResult {
  return { articles: articles.map((a) => ({ ...a, duplicate_of: null, duplicate_similarity: null, story_id: stableId('sto', a.article_id) })) };
}
