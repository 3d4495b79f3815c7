/**
 * One article's state while its events are found (events.ts): the text, its actor mentions and entities, the
 * events coded so far, and the per-sentence memos the slot and subject readers share. Every reader of
 * event-subjects.ts, event-slots.ts and event-nouns.ts takes this scope as its first argument.
 */
import type { CameoLexicon, PloverType } from './cameo.ts';
import type { Lexicon } from './lexicon.ts';
import type { ArticleEntity, Mention } from './mentions.ts';
import { MentionIndex } from './mention-index.ts';
import type { Sentence } from './sentences.ts';
import { timeExpressions } from './time.ts';
import type { TimeExpression } from './time.ts';

// Clause boundaries; a speech verb opens the reported clause, which the time of the saying does not date.
const CLAUSE_END = /;|,\s+(?:which|who|whom|where|while|but|although|though|saying|adding)\b|,\s+and\s+(?=\p{Lu})|\s+(?:as|when|while|after|before|because|although|though|amid|during|that)\s|\b(?:said|says|told|reported|added|announced|stated)\s+(?:that\s+)?(?=\p{L})/u;
/** CLAUSE_END for matchAll (which copies the pattern, so sharing it is safe). */
const CLAUSE_END_ALL = new RegExp(CLAUSE_END.source, 'gu');

/** A span of the article text. */
export interface Span {
  start: number;
  end: number;
}

export interface EventDraft {
  type: PloverType;
  cameo: string;
  /** The pattern's actors are interchangeable (meet, sign with): the merge joins reports in either order. */
  symmetric: boolean;
  sourceKey: string;
  targetKey: string | null;
  date: string | null;
  precision: 'day' | 'month' | 'year' | null;
  dateText: string | null;
  location: string | null;
  /** Evidence: the sentence the event was coded from. */
  start: number;
  end: number;
  confidence: number;
  /** Provenance: the trigger word, the pattern that fired, and the mentions taken as source and target. */
  trigger: Span;
  patternId: string;
  sourceMention: Span;
  targetMention: Span | null;
}

export interface Token extends Span {
  lower: string;
  /** Punctuation (anything that is not a word or number). */
  punct: boolean;
}

/** An act that only another party claims happened: coded afterwards as that party's accusation. */
export interface Accusation {
  claimant: string;
  sources: Mention[];
  trigger: Span;
  sentence: Sentence;
  patternId: string;
}

export interface Scope {
  text: string;
  sentences: Sentence[];
  entities: Map<string, ArticleEntity>;
  published: string | null;
  quoteSpans: Span[];
  lex: Lexicon;
  cameo: CameoLexicon;
  events: EventDraft[];
  /** Places an event took as actors (see adopt). */
  placeMentions: Mention[];
  /** Places standing for their country that a pattern's slot took (placeAfter), by offset, and their countries. */
  placeCandidates: Map<number, Mention>;
  candidateEntities: Map<string, ArticleEntity>;
  index: MentionIndex;
  /** Actor mentions by start and by end offset, for the target slot. */
  mentionAt: Map<number, Mention>;
  mentionEndingAt: Map<number, Mention>;
  /** The actor opening each sentence (sentenceSubject). */
  subjectMemo: Map<Sentence, Mention | undefined>;
  accusations: Accusation[];
  /** The trigger being matched and its sentence (set by triggerAt, read by a target slot's pronoun). */
  trigger: { at: number; sentence: Sentence } | null;
  /** Per sentence: each token's possible lemmas, looked up once. */
  tokenLemmas: string[][];
  /** Per sentence: target slots and clause limits already worked out (many patterns share a trigger). */
  targetMemo: Map<number, { mention: Mention; next: number } | null>;
  limitMemo: Map<number, number>;
  /** Per sentence, worked out on first need: its date expressions, and where each starting at an offset ends. */
  times: { sentence: Sentence; list: TimeExpression[]; ends: Map<number, number> } | null;
}

export function newScope(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  entities: Map<string, ArticleEntity>,
  published: string | null,
  quoteSpans: Span[],
  lex: Lexicon,
  cameo: CameoLexicon,
): Scope {
  const mentionAt = new Map<number, Mention>();
  const mentionEndingAt = new Map<number, Mention>();
  for (const m of mentions) {
    if (!mentionAt.has(m.start)) mentionAt.set(m.start, m);
    if (!mentionEndingAt.has(m.end)) mentionEndingAt.set(m.end, m);
  }
  return {
    text,
    sentences,
    entities,
    published,
    quoteSpans,
    lex,
    cameo,
    events: [],
    placeMentions: [],
    placeCandidates: new Map(),
    candidateEntities: new Map(),
    index: new MentionIndex(mentions),
    mentionAt,
    mentionEndingAt,
    subjectMemo: new Map(),
    accusations: [],
    trigger: null,
    tokenLemmas: [],
    targetMemo: new Map(),
    limitMemo: new Map(),
    times: null,
  };
}

export function entityOf(c: Scope, key: string) {
  const { entities, candidateEntities } = c;
  return entities.get(key) ?? candidateEntities.get(key);
}

/** An event took the mention: a place candidate becomes a mention of its country, once. */
export function adopt(c: Scope, m: Mention | null | undefined) {
  const { entities, placeMentions, placeCandidates, candidateEntities } = c;
  if (!m || placeCandidates.get(m.start) !== m) return;
  placeCandidates.delete(m.start);
  placeMentions.push(m);
  if (!entities.has(m.key)) entities.set(m.key, candidateEntities.get(m.key)!);
}

export function typeOf(c: Scope, key: string) {
  return entityOf(c, key)?.type;
}

export function at(c: Scope, end: number, from: number) {
  const { index } = c;
  return index.endingAt(end, from);
}

export function before(c: Scope, pos: number) {
  const { index } = c;
  return index.endingBy(pos);
}

export function clauseStart(c: Scope, pos: number, s: Sentence) {
  const { text } = c;
  let start = s.start;
  for (const m of text.slice(s.start, pos).matchAll(CLAUSE_END_ALL)) start = s.start + m.index + m[0].length;
  return start;
}

export function clauseLimit(c: Scope, from: number, s: Sentence) {
  const { text } = c;
  const m = CLAUSE_END.exec(text.slice(from, s.end));
  return m ? from + m.index : s.end;
}

export function lemmasAt(c: Scope, k: number, toks: Token[]) {
  const { cameo, tokenLemmas } = c;
  return (tokenLemmas[k] ??= cameo.lemmas.lemmasOf(toks[k]!.lower));
}

export function limitAt(c: Scope, pos: number, s: Sentence) {
  const { limitMemo } = c;
  let l = limitMemo.get(pos);
  if (l === undefined) limitMemo.set(pos, (l = clauseLimit(c, pos, s)));
  return l;
}

export function quoted(c: Scope, pos: number) {
  const { quoteSpans } = c;
  return quoteSpans.some((q) => pos >= q.start && pos < q.end);
}

/** The date expressions of sentence `s` ("on Wednesday", "last month"), found once per sentence. */
export function sentenceTimes(c: Scope, s: Sentence): NonNullable<Scope['times']> {
  if (c.times?.sentence !== s) {
    const list = timeExpressions(c.text.slice(s.start, s.end), c.published);
    c.times = { sentence: s, list, ends: new Map(list.map((t) => [s.start + t.start, s.start + t.end])) };
  }
  return c.times;
}
