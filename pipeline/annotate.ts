/**
 * annotate: actors, actor mentions, quotes and events of the canonical English articles. Per article
 * (pure, independent): sentences → mentions → quotes → events. Then two whole-corpus steps on those compact
 * results: the registry merges actors, the event merge joins reports of one event across articles.
 */
import { stableId } from './hash.ts';
import type { Actor, ActorMention, Event, EventMention, Quote } from './types.generated.ts';
import type { FullArticle } from './model.ts';
import { findEvents } from './annotate/events.ts';
import type { EventDraft } from './annotate/events.ts';
import { mergeEvents } from './annotate/event-merge.ts';
import { findMentions } from './annotate/mentions.ts';
import type { ArticleMentions } from './annotate/mentions.ts';
import { findQuotes, quoteSpans } from './annotate/quotes.ts';
import type { QuoteDraft } from './annotate/quotes.ts';
import { buildRegistry } from './annotate/registry.ts';
import { splitSentences } from './annotate/sentences.ts';

export interface Annotations {
  actors: Actor[];
  actor_mentions: ActorMention[];
  quotes: Quote[];
  events: Event[];
  event_mentions: EventMention[];
}

/** What the per-article pass yields (compact: no text). */
export interface ArticleAnnotation extends ArticleMentions {
  articleId: string;
  quotes: QuoteDraft[];
  events: EventDraft[];
}

/** Per-article work: pure, independent of every other article. */
export function annotateArticle(a: Pick<FullArticle, 'article_id' | 'text' | 'published_date'>): ArticleAnnotation {
  const sentences = splitSentences(a.text);
  const found = findMentions(a.text, sentences);
  const quotes = findQuotes(a.text, sentences, found.mentions, found.entities);
  const { events, placeMentions } = findEvents(a.text, sentences, found.mentions, found.entities, a.published_date, quoteSpans(a.text));
  const mentions = [...found.mentions, ...placeMentions].sort((x, y) => x.start - y.start || y.end - x.end);
  return { articleId: a.article_id, mentions, entities: found.entities, quotes, events };
}

/** The articles annotate reads: canonical ones (the caller's choice) in English (the rules' language). */
export const annotatable = (articles: FullArticle[]) => articles.filter((a) => a.language === 'en');

/**
 * Annotates the given articles (only English text is annotated). `per` may hold the per-article results
 * already computed (by worker threads), one per annotatable article, in order.
 */
export function annotate(articles: FullArticle[], per?: ArticleAnnotation[]): Annotations {
  const english = annotatable(articles);
  per ??= english.map(annotateArticle);
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
  const byId = new Map(english.map((a) => [a.article_id, a]));
  const actorOf = new Map(per.flatMap((p) => [...p.entities.values()].map((e) => [e.key, { type: e.type, country: e.country }] as const)));
  const merged = mergeEvents(
    per.flatMap((p) => p.events.map((draft) => ({ articleId: p.articleId, outlet: byId.get(p.articleId)!.outlet, storyId: byId.get(p.articleId)!.story_id, draft, text: textOf.get(p.articleId)! }))),
    (key) => actorOf.get(key)!,
    registry.idOf,
  );
  return { actors: registry.actors, actor_mentions: registry.mentions, quotes, events: merged.events, event_mentions: merged.mentions };
}
