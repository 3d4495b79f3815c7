/**
 * annotate: actors, actor mentions, quotes and events of the canonical English articles. Per article
 * (pure, independent): sentences → mentions → quotes → events. Then two whole-corpus steps on those compact
 * results: the registry merges actors, the event merge joins reports of one event across articles.
 */
import { stableId } from './hash.ts';
import { Interner } from './intern.ts';
import type { Actor, ActorMention, Event, EventMention, Quote } from './types.generated.ts';
import type { FullArticle } from './model.ts';
import { findEvents } from './annotate/events.ts';
import type { EventDraft } from './annotate/events.ts';
import { mergeEvents } from './annotate/event-merge.ts';
import type { Report, SpanText } from './annotate/event-merge.ts';
import { findMentions } from './annotate/mentions.ts';
import type { ArticleMentions } from './annotate/mentions.ts';
import { findQuotes, quoteSpans } from './annotate/quotes.ts';
import type { QuoteDraft } from './annotate/quotes.ts';
import { actorId, contributions, mentionRows, RegistryBuilder } from './annotate/registry.ts';
import type { ActorContribution } from './annotate/registry.ts';
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

/** One article's share of every annotation table: its own rows, and compact records for the corpus steps. */
export interface ArticleRows {
  articleId: string;
  actor_mentions: ActorMention[];
  quotes: Quote[];
  /** The article's actors, for the registry. */
  actors: ActorContribution[];
  /** The article's event reports, for the cross-article merge (offsets only: no text). */
  reports: EventDraft[];
}

/** Annotates one article into its rows. Pure. */
export function articleRows(a: Pick<FullArticle, 'article_id' | 'text' | 'published_date'>): ArticleRows {
  const p = annotateArticle(a);
  const quotes: Quote[] = p.quotes.map((q) => ({
    quote_id: stableId('quo', p.articleId, q.type, q.start, q.end),
    article_id: p.articleId,
    quote_type: q.type,
    text: a.text.slice(q.start, q.end),
    speaker_actor_id: q.speakerKey ? actorId(q.speakerKey) : null,
    speaker_text: q.speakerText,
    attribution: q.attribution,
    reported_by_actor_id: q.reportedByKey ? actorId(q.reportedByKey) : null,
    cue: q.cue,
    char_start: q.start,
    char_end: q.end,
  }));
  return {
    articleId: p.articleId,
    actor_mentions: mentionRows(p.articleId, p.mentions),
    quotes,
    actors: contributions(p),
    reports: p.events,
  };
}

/**
 * The corpus steps of annotate, fed one article at a time (in article order): the actor registry and the
 * event reports. `finish` merges them into the actors, events and event_mentions tables.
 */
export class CorpusAnnotations {
  private readonly registry = new RegistryBuilder();
  private readonly reports: Report[] = [];
  /** Reports repeat the same keys, codes and places: one string each, not one per report. */
  private readonly strings = new Interner();

  add(article: Pick<FullArticle, 'article_id' | 'outlet' | 'story_id'>, rows: Pick<ArticleRows, 'actors' | 'reports'>): void {
    this.registry.add(article.article_id, rows.actors);
    for (const d of rows.reports) {
      const s = this.strings;
      const draft: EventDraft = { ...d, type: s.of(d.type), cameo: s.of(d.cameo), sourceKey: s.of(d.sourceKey), targetKey: s.of(d.targetKey), date: s.of(d.date), dateText: s.of(d.dateText), location: s.of(d.location) };
      this.reports.push({ draft, articleId: article.article_id, outlet: article.outlet, storyId: article.story_id });
    }
  }

  /** `spanText` gives the evidence text of a report (event_mentions.text). Call once: the reports are let go. */
  finish(spanText: SpanText): Pick<Annotations, 'actors' | 'events' | 'event_mentions'> {
    const merged = mergeEvents(this.reports, (key) => this.registry.info.get(key)!, actorId, spanText);
    this.reports.length = 0;
    this.strings.clear();
    return { actors: this.registry.actors(), events: merged.events, event_mentions: merged.mentions };
  }
}

/** Annotates the given articles in memory (only English text: the rules' language). */
export function annotate(articles: FullArticle[]): Annotations {
  const english = articles.filter((a) => a.language === 'en');
  const per = english.map(articleRows);
  const corpus = new CorpusAnnotations();
  english.forEach((a, i) => corpus.add(a, per[i]!));
  const textOf = new Map(english.map((a) => [a.article_id, a.text]));
  return { ...corpus.finish((id, start, end) => textOf.get(id)!.slice(start, end)), actor_mentions: per.flatMap((p) => p.actor_mentions), quotes: per.flatMap((p) => p.quotes) };
}
