/**
 * annotate: actors, actor mentions and quotes of the canonical English articles (events come with the
 * events issue behind the same interface). Per article: sentences → mentions → quotes, each pure and
 * independent; then the registry merges actors across the dataset.
 */
import { stableId } from './hash.ts';
import type { Actor, ActorMention, Article, Event, Quote } from './types.generated.ts';
import { findMentions } from './annotate/mentions.ts';
import type { ArticleMentions } from './annotate/mentions.ts';
import { findQuotes } from './annotate/quotes.ts';
import type { QuoteDraft } from './annotate/quotes.ts';
import { buildRegistry } from './annotate/registry.ts';
import { splitSentences } from './annotate/sentences.ts';

export interface Annotations {
  actors: Actor[];
  actor_mentions: ActorMention[];
  quotes: Quote[];
  events: Event[];
}

/** What the per-article pass yields (compact: no text). */
export interface ArticleAnnotation extends ArticleMentions {
  articleId: string;
  quotes: QuoteDraft[];
}

/** Per-article work: pure, independent of every other article. */
export function annotateArticle(a: Pick<Article, 'article_id' | 'text'>): ArticleAnnotation {
  const sentences = splitSentences(a.text);
  const found = findMentions(a.text, sentences);
  return { articleId: a.article_id, ...found, quotes: findQuotes(a.text, sentences, found.mentions, found.entities) };
}

/** Annotates the given articles (the caller passes canonical ones; only English text is annotated). */
export function annotate(articles: Article[]): Annotations {
  const english = articles.filter((a) => a.language === 'en');
  const per = english.map(annotateArticle);
  const registry = buildRegistry(per);
  const textOf = new Map(english.map((a) => [a.article_id, a.text]));
  const quotes: Quote[] = per.flatMap((p) =>
    p.quotes.map((q) => ({
      quote_id: stableId('quo', p.articleId, q.type, q.start, q.end),
      article_id: p.articleId,
      quote_type: q.type,
      text: textOf.get(p.articleId)!.slice(q.start, q.end),
      speaker_actor_id: q.speakerKey ? registry.idOf(q.speakerKey) : null,
      speaker_text: q.speakerText,
      attribution: q.attribution,
      reported_by_actor_id: q.reportedByKey ? registry.idOf(q.reportedByKey) : null,
      cue: q.cue,
      char_start: q.start,
      char_end: q.end,
    })),
  );
  return { actors: registry.actors, actor_mentions: registry.mentions, quotes, events: [] };
}
