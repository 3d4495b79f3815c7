/**
 * annotate: actors, actor mentions, quotes and events of the canonical English articles. Per article
 * (pure, independent): sentences → mentions → quotes → events. Then two whole-corpus steps on those compact
 * results: the registry merges actors, the event merge joins reports of one event across articles.
 */
import { isoDate } from './dates.ts';
import { PipelineError } from './errors.ts';
import { stableId } from './hash.ts';
import { ReportStore } from './annotate/report-store.ts';
import type { Actor, ActorMention, Event, EventMention, Quote } from './types.generated.ts';
import type { DedupedArticle, FullArticle } from './model.ts';
import { findEvents } from './annotate/events.ts';
import type { EventDraft } from './annotate/events.ts';
import { mergedEvents, mergeEvents } from './annotate/event-merge.ts';
import type { MergedEvent } from './annotate/event-merge.ts';
import type { SpanText } from './annotate/event-merge.ts';
import { findMentions } from './annotate/mentions.ts';
import type { ArticleMentions } from './annotate/mentions.ts';
import { findQuotes, quoteSpans } from './annotate/quotes.ts';
import type { QuoteDraft } from './annotate/quotes.ts';
import { actorId, contributions, mentionId, mentionRows, RegistryBuilder } from './annotate/registry.ts';
import type { ActorContribution } from './annotate/registry.ts';
import { splitSentences } from './annotate/sentences.ts';
import type { Sentence } from './annotate/sentences.ts';
import type { Span } from './annotate/quotes.ts';
import { discoverSpeakers } from './annotate/speakers.ts';
import { columnsOf } from './schema/tables.ts';

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

/**
 * What every annotator of one article reads, computed once: its sentences, its actor mentions and entities,
 * and the spans of its direct quotes (quotes and events both need them).
 */
interface ArticleContext extends ArticleMentions {
  text: string;
  published: string | null;
  sentences: Sentence[];
  quoteSpans: Span[];
}

function articleContext(a: Pick<FullArticle, 'text' | 'published_date'>): ArticleContext {
  const sentences = splitSentences(a.text);
  // Speakers the text names at a speech verb are actors even when no gazetteer or name rule knows them.
  const found = discoverSpeakers(a.text, findMentions(a.text, sentences));
  return { text: a.text, published: a.published_date, sentences, ...found, quoteSpans: quoteSpans(a.text) };
}

/** Per-article work: pure, independent of every other article. */
export function annotateArticle(a: Pick<FullArticle, 'article_id' | 'text' | 'published_date'>): ArticleAnnotation {
  const c = articleContext(a);
  const quotes = findQuotes(c.text, c.sentences, c.mentions, c.entities, undefined, c.quoteSpans);
  const { events, placeMentions } = findEvents(c.text, c.sentences, c.mentions, c.entities, c.published, c.quoteSpans);
  const mentions = [...c.mentions, ...placeMentions].sort((x, y) => x.start - y.start || y.end - x.end);
  return { articleId: a.article_id, mentions, entities: c.entities, quotes, events };
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
    speaker_actor_ids: q.speakerKeys.map(actorId),
    speaker_mention_id: q.speakerMention ? mentionId(p.articleId, q.speakerMention) : null,
    speaker_text: q.speakerText,
    attribution: q.attribution,
    reported_by_actor_id: q.reportedByKey ? actorId(q.reportedByKey) : null,
    cue: q.cue,
    cue_start: q.cueStart,
    cue_end: q.cueEnd,
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
  /** By column, each string (keys, codes, places, article ids) once: a dozen reports per article add up. */
  private readonly reports = new ReportStore();

  /**
   * Takes one article's actors and event reports, whole or not at all: a malformed share (`corpusProblems`)
   * throws CORPUS_INPUT_INVALID before anything is kept, so the caller can fail that article alone.
   */
  add(article: Pick<FullArticle, 'article_id' | 'outlet' | 'story_id'>, rows: Pick<ArticleRows, 'actors' | 'reports'>): void {
    const problems = corpusProblems(article.article_id, rows);
    if (problems.length) throw new PipelineError('CORPUS_INPUT_INVALID', `${problems.length} problem(s) in the actors and event reports of the article, first: ${problems[0]}`, { rowId: article.article_id }, 'nothing of the article was merged; it is released without annotations (annotation_status "failed")');
    this.registry.add(article.article_id, rows.actors);
    for (const draft of rows.reports) this.reports.push({ draft, articleId: article.article_id, outlet: article.outlet, storyId: article.story_id });
  }

  /**
   * The events and event mentions merged from the reports taken so far; `spanText` gives the evidence texts.
   * `alone`: each report makes its own event, unmerged (to check the rows each can make).
   */
  events(spanText: SpanText, alone = false): Pick<Annotations, 'events' | 'event_mentions'> {
    const merged = mergeEvents(this.reports, (key) => this.registry.info.get(key)!, actorId, spanText, alone);
    return { events: merged.events, event_mentions: merged.mentions };
  }

  /** `spanText` gives the evidence text of a report (event_mentions.text). Call once: the reports are let go. */
  finish(spanText: SpanText): Pick<Annotations, 'actors' | 'events' | 'event_mentions'> {
    const merged = this.events(spanText);
    this.reports.clear();
    return { actors: this.actors(), ...merged };
  }

  /** The merged actors. */
  actors(): Actor[] {
    return this.registry.actors();
  }

  /**
   * The merged events one at a time, as `finish` makes them, for a corpus too large to hold its events and its
   * reports at once: the reports are let go bucket by bucket as they are merged. Call once.
   */
  *mergedEvents(spanText: SpanText): Generator<MergedEvent> {
    yield* mergedEvents(this.reports, (key) => this.registry.info.get(key)!, actorId, spanText, false, true);
  }
}

const column = (table: 'actors' | 'events', name: string) => columnsOf(table).find((c) => c.name === name)!;
const ACTOR_TYPES = new Set(column('actors', 'actor_type').enum);
const COUNTRY = new RegExp(column('actors', 'country_code').pattern!);
const EVENT_TYPES = new Set(column('events', 'event_type').enum);
const CAMEO = new RegExp(column('events', 'cameo_code').pattern!);
const EVENT_DATE = new RegExp(column('events', 'event_date').pattern!);
const PRECISION: Record<number, string> = { 4: 'year', 7: 'month', 10: 'day' };

/**
 * What is wrong with one article's share of the corpus steps, as messages (none: the registry and the event
 * merge can take it). Checks what the merge relies on and the schemas cannot see: every report's actors are
 * among the article's own, dates are real calendar dates of the stated precision, confidences are numbers in
 * 0..1, and spans are whole offsets (inside the text, when its length is given). Degenerate but valid shares
 * (no actors, no reports, no target, no date) have no problems.
 */
export function corpusProblems(articleId: string, rows: Pick<ArticleRows, 'actors' | 'reports'>, textLength = Infinity): string[] {
  const p: string[] = [];
  const text = (v: unknown) => v === null || (typeof v === 'string' && v.length > 0);
  const keys = new Set<string>();
  rows.actors.forEach((c, i) => {
    const at = `actor ${i + 1} (${JSON.stringify(c.key)})`;
    if (typeof c.key !== 'string' || !c.key) p.push(`${at}: has no key`);
    else keys.add(c.key);
    if (typeof c.name !== 'string' || !c.name) p.push(`${at}: has no name`);
    if (!ACTOR_TYPES.has(c.type)) p.push(`${at}: type ${JSON.stringify(c.type)} is not an actor_type`);
    if (c.country !== null && !COUNTRY.test(String(c.country))) p.push(`${at}: country ${JSON.stringify(c.country)} is not a country code`);
    if (!Number.isSafeInteger(c.mentions) || c.mentions < 0) p.push(`${at}: mention count ${String(c.mentions)}`);
    if (!Array.isArray(c.forms) || c.forms.some(([f, n]) => typeof f !== 'string' || !f || !Number.isSafeInteger(n) || n < 1)) p.push(`${at}: malformed surface forms`);
  });
  rows.reports.forEach((d, i) => {
    const at = `event report ${i + 1} (${String(d.start)}-${String(d.end)})`;
    if (!EVENT_TYPES.has(d.type)) p.push(`${at}: type ${JSON.stringify(d.type)} is not an event_type`);
    if (typeof d.cameo !== 'string' || !CAMEO.test(d.cameo)) p.push(`${at}: CAMEO code ${JSON.stringify(d.cameo)}`);
    if (!keys.has(d.sourceKey)) p.push(`${at}: source ${JSON.stringify(d.sourceKey)} is none of the article's actors`);
    if (d.targetKey !== null && !keys.has(d.targetKey)) p.push(`${at}: target ${JSON.stringify(d.targetKey)} is none of the article's actors`);
    if (d.date !== null) {
      const real = typeof d.date === 'string' && EVENT_DATE.test(d.date) && (d.date.length < 10 || isoDate(+d.date.slice(0, 4), +d.date.slice(5, 7), +d.date.slice(8)) !== null);
      if (!real) p.push(`${at}: date ${JSON.stringify(d.date)} is not a calendar date`);
      else if (d.precision !== PRECISION[d.date.length]) p.push(`${at}: date ${d.date} has precision ${JSON.stringify(d.precision)}`);
    }
    if (!text(d.dateText) || !text(d.location)) p.push(`${at}: date text or location is an empty string`);
    if (!Number.isFinite(d.confidence) || d.confidence < 0 || d.confidence > 1) p.push(`${at}: confidence ${String(d.confidence)} is not a number from 0 to 1`);
    // The evidence span, and every other span the report carries (its trigger, its actors' mentions).
    const spans: [string, unknown][] = [['evidence', d], ...Object.entries(d).filter(([, v]) => v !== null && typeof v === 'object' && 'start' in v)];
    for (const [name, v] of spans) {
      const { start, end } = v as { start?: unknown; end?: unknown };
      const ok = Number.isSafeInteger(start) && Number.isSafeInteger(end) && (start as number) >= 0 && (end as number) <= textLength && (name === 'evidence' ? (start as number) < (end as number) : (start as number) <= (end as number));
      if (!ok) p.push(`${at}: ${name} span ${String(start)}-${String(end)} is not inside the text${Number.isFinite(textLength) ? ` (${textLength} characters)` : ''}`);
    }
  });
  return p;
}

/** Annotates the given articles in memory (only English text: the rules' language). */
export function annotate(articles: DedupedArticle[]): Annotations {
  const english = articles.filter((a) => a.language === 'en');
  const per = english.map(articleRows);
  const corpus = new CorpusAnnotations();
  english.forEach((a, i) => corpus.add(a, per[i]!));
  const textOf = new Map(english.map((a) => [a.article_id, a.text]));
  return { ...corpus.finish((id, start, end) => textOf.get(id)!.slice(start, end)), actor_mentions: per.flatMap((p) => p.actor_mentions), quotes: per.flatMap((p) => p.quotes) };
}
