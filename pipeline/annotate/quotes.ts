/**
 * Direct quotes of one article with their speakers (ANNOTATION.md, Quotes); reported.ts adds the indirect
 * ones. Pure.
 *
 * Direct: the words between top-level quotation marks (“…”, "…", ‘…’ used as outer marks; a straight mark may
 * close a curly one and back); marks nested inside belong to the quote; a quote left open at a paragraph end
 * continues into the next paragraph as a new quote. The speaker is found, in order, (1) in the attribution
 * after the closing mark, up to the sentence end (the next sentence's, after "?" or "!"): "said X", "X said",
 * "X, a professor at Y, said", "X told reporters", "he added", an unnamed "a staffer wondered" (its words, no
 * actor); (2) as the subject of the last speech verb or participle before the opening mark; "according to X";
 * (3) after a colon ending the sentence before ("Cruz called them on it:¶“…”"); the owner of the words
 * ("Romney’s “47 percent” comment"); (4) by continuation: a quote opening its sentence belongs to the last
 * speaker; (5) the subject opening the sentence; (6) a later quote of the same paragraph, or one after a
 * sentence or two about a person, keeps that speaker. Pronouns, descriptions and gender: speakers.ts.
 * Joint speakers ("Brazil and Argentina said") are all kept, the first one as the speaker.
 */
import { alt, once } from '../regex.ts';
import type { ArticleEntity, Mention } from './mentions.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON } from './lexicon.ts';
import { draft } from './quote-draft.ts';
import type { Attribution, QuoteContext, QuoteDraft, Speaker } from './quote-draft.ts';
import { reportedSpeech } from './reported.ts';
import type { Sentence } from './sentences.ts';
import { plainSubject, speakerResolver } from './speakers.ts';
import type { SpeakerResolver } from './speakers.ts';
import { subjectEnds } from './clause.ts';

export type { QuoteDraft } from './quote-draft.ts';

export interface Span {
  open: number;
  start: number;
  end: number;
  /** Index just past the closing mark (or the paragraph end when the quote runs on). */
  after: number;
}

/** Where a mark opened at `i` closes: the matching mark, or a mixed one ("…” or “…") standing first. */
function closingMark(text: string, i: number, paraEnd: number): number {
  const ch = text[i]!;
  const first = (a: number, b: number) => (a < 0 ? b : b < 0 ? a : Math.min(a, b));
  if (ch === '"') return first(text.indexOf('"', i + 1), text.indexOf('”', i + 1));
  const curly = text.indexOf('”', i + 1);
  const straight = text.indexOf('"', i + 1);
  // “… " only when no curly close stands in the paragraph (a nested straight pair stays inside “…”).
  return curly >= 0 && curly <= paraEnd ? curly : straight >= 0 && straight <= paraEnd ? straight : curly;
}

/** Top-level quotation spans of `text`. */
export function quoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  // The end of the paragraph holding i: the first blank line at or after i, found again only once i passes it.
  let paraEnd = -1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch !== '“' && ch !== '"' && ch !== '‘') {
      i++;
      continue;
    }
    if (paraEnd < i) {
      const p = text.indexOf('\n\n', i);
      paraEnd = p < 0 ? text.length : p;
    }
    let close = -1;
    if (ch === '“' || ch === '"') close = closingMark(text, i, paraEnd);
    else if (ch === '‘' && (i === 0 || /[\s([—–-]/.test(text[i - 1]!))) {
      // A single mark opens a quote only when a closing ’ follows that is not an apostrophe.
      const re = /’(?![\p{L}\p{N}])/gu;
      re.lastIndex = i + 1;
      const m = re.exec(text);
      close = m && m.index < paraEnd ? m.index : -1;
      if (close < 0) {
        i++;
        continue;
      }
    } else {
      i++;
      continue;
    }
    if (close < 0 || close > paraEnd) {
      // Runs on to the end of the paragraph (a quote continued in the next paragraph).
      if (paraEnd - (i + 1) > 0) spans.push({ open: i, start: i + 1, end: paraEnd, after: paraEnd });
      i = paraEnd;
      continue;
    }
    if (close > i + 1) spans.push({ open: i, start: i + 1, end: close, after: close + 1 });
    i = close + 1;
  }
  return spans.filter((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
}

/** Quotes of one article. */
export function findQuotes(text: string, sentences: Sentence[], mentions: Mention[], entities: Map<string, ArticleEntity>, lex: Lexicon = LEXICON, spans: Span[] = quoteSpans(text)): QuoteDraft[] {
  const inQuote = inSpans(spans);
  const resolver = speakerResolver(text, sentences, mentions, entities, (pos) => !inQuote(pos), lex);
  const f: Finder = { text, sentences, mentions, entities, lex, inQuote, resolver, re: patterns(lex), history: [] };
  const quotes = continueRunOns(text, spans, directQuotes(f, spans));
  quotes.push(...reportedSpeech(quoteContext(f)));
  return quotes;
}

/** One article as the speaker finders see it: what the quote context holds, and the finders' own state. */
interface Finder extends Pick<QuoteContext, 'text' | 'sentences' | 'mentions' | 'entities' | 'lex' | 'inQuote'> {
  resolver: SpeakerResolver;
  re: Patterns;
  /** Every speaker found so far, in text order of their cue: "he" in an indirect quote looks back from its own place. */
  history: Speaker[];
}

type Patterns = ReturnType<typeof patterns>;

function patterns(lex: Lexicon) {
  const L = lex.lang;
  return {
    cue: once(lex, 'quotes.ts:cueRe', () => new RegExp(`\\b(?:${alt(L.speech_cues)})\\b`, 'g')),
    // Before an opening mark a participle introduces the quote too ("…, telling reporters, “…”").
    headCue: once(lex, 'quotes.ts:headCueRe', () => new RegExp(`\\b(?:${alt([...L.speech_cues, ...L.content_cues.filter((c) => c.endsWith('ing'))])})\\b`, 'g')),
    reportingAfter: once(lex, 'quotes.ts:reportingAfter', () => new RegExp(`^\\s*,?\\s*(?:${alt(L.speech_cues)})\\b`)),
    // "Clinton’s response was: “…”", "Ryan’s campaign …, telling reporters, “…”": words or a team of the owner.
    ownerNoun: once(lex, 'quotes.ts:ownerNoun', () => new RegExp(`^['’]s\\s+(?:${alt(L.owner_nouns)})\\b`, 'u')),
    // "Clinton’s response was: “…”", "Williamson concludes: “…”": a name opening the sentence that a colon ends.
    introName: once(lex, 'quotes.ts:introName', () => new RegExp(`^(\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+){0,2})(?:['’]s\\s+(?:${alt(L.owner_nouns)})|\\s+\\p{Ll}+(?:ed|s))\\b[^“"]*:\\s*$`, 'u')),
    titleWords: once(lex, 'quotes.ts:titleWords', () => new Set(['the', ...L.person_titles.flatMap((t) => t.split(/\s+/)), ...[...lex.demonyms.keys()].flatMap((d) => d.split(/\s+/)), 'deputy', 'vice', 'first', 'former', 'acting', 'chief', 'senior', 'top', 'trade', 'finance', 'interior', 'economy', 'energy', 'health'])),
  };
}

/** Whether `pos` stands inside one of the sorted spans: a binary search, as this runs for every cue and mention. */
function inSpans(spans: Span[]): (pos: number) => boolean {
  return (pos) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = spans[mid]!;
      if (pos < q.start) hi = mid - 1;
      else if (pos >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** What reported.ts shares of the article: the same finders and the same speaker history. */
function quoteContext(f: Finder): QuoteContext {
  return {
    text: f.text,
    sentences: f.sentences,
    mentions: f.mentions,
    entities: f.entities,
    lex: f.lex,
    inQuote: f.inQuote,
    subjectBefore: (pos, floor) => subjectBefore(f, pos, floor),
    mentionFrom: (pos) => mentionFrom(f, pos),
    asSpeaker: (m, cue, cueAt) => asSpeaker(f, m, cue, cueAt),
    pronoun: (p, at) => pronoun(f, p, at),
    heard: (sp) => f.history.push(sp),
  };
}

const sentenceOf = (sentences: Sentence[], pos: number) => sentences.find((s) => pos >= s.start && pos < s.end) ?? sentences[sentences.length - 1]!;

/** The direct quotes of the spans, each with its speaker, in text order. */
function directQuotes(f: Finder, spans: Span[]): QuoteDraft[] {
  const { text, sentences } = f;
  const quotes: QuoteDraft[] = [];
  // The last direct quote's speaker.
  let last: Speaker | null = null;
  let previousParagraphRunOn = false;
  let lastParagraph = -1;
  for (const [qi, q] of spans.entries()) {
    const s = sentenceOf(sentences, q.start);
    const found = attributed(f, q, s, spans[qi + 1]?.open ?? text.length);
    const opensSentence = /^[\s“"‘]*$/.test(text.slice(s.start, q.open)) || previousParagraphRunOn;
    const speaker: Speaker | null = found.speaker ?? unattributed(f, q, s, opensSentence, last, s.paragraph === lastParagraph);
    previousParagraphRunOn = q.after === q.end && q.end < text.length;
    if (speaker) {
      last = speaker;
      f.history.push(speaker);
      lastParagraph = sentenceOf(sentences, q.after - 1).paragraph;
    }
    quotes.push(draft('direct', q.start, q.end, speaker, found.reportedBy?.key ?? null));
  }
  return quotes;
}

/** Steps (1) and (2) and "according to X": the speaker the quote's own sentence names, and who reported the words. */
function attributed(f: Finder, q: Span, s: Sentence, nextOpen: number): { speaker: Speaker | null; reportedBy: Speaker | null } {
  const { text, sentences } = f;
  const sEnd = sentenceOf(sentences, Math.max(q.start, q.after - 1));
  // (1) the attribution after the closing mark, up to the sentence end or the next quotation; a quote
  // ending in "?" or "!" ends its sentence, and its attribution stands in the next ("“…?” Lee asked.").
  const tailEnd = sEnd.end <= q.after + 1 && /[?!…]$/u.test(text.slice(q.start, q.end).trimEnd()) ? (sentences[sentences.indexOf(sEnd) + 1]?.end ?? sEnd.end) : sEnd.end;
  let speaker = attributionAfter(f, q.after, Math.min(tailEnd, nextOpen));
  let reportedBy: Speaker | null = null;
  const before = headSpeaker(f, s, q.open);
  if (before && speaker && before.key !== speaker.key && /^(?:said|says|reported|added|quoted)$/.test(speaker.cue ?? '')) {
    reportedBy = speaker;
    speaker = before;
  }
  speaker ??= before;
  const according = accordingTo(f, q.after, sEnd.end) ?? accordingTo(f, s.start, q.open);
  if (according) {
    if (!speaker) speaker = according;
    else if (according.key !== speaker.key) reportedBy = according;
  }
  return { speaker, reportedBy };
}

/** (2) The subject of the last speech verb (or participle) before the opening mark. */
function headSpeaker(f: Finder, s: Sentence, open: number): Speaker | null {
  const headCueRe = f.re.headCue;
  headCueRe.lastIndex = 0;
  const head = f.text.slice(s.start, open);
  let lastCue: RegExpExecArray | null = null;
  for (let m = headCueRe.exec(head); m; m = headCueRe.exec(head)) if (!f.inQuote(s.start + m.index)) lastCue = m;
  if (!lastCue) return null;
  const at = s.start + lastCue.index;
  const subj = subjectBefore(f, at, s.start) ?? (lastCue[0].endsWith('ing') ? introducer(f, s.start, at) : null);
  if (subj) return { ...subj, cue: lastCue[0], cueAt: at };
  if (/\b(?:and|but)\s+$/.test(head.slice(0, lastCue.index))) {
    const first = f.mentions.find((x) => x.start >= s.start && x.start < at);
    if (first) return asSpeaker(f, first, lastCue[0], at);
  }
  return null;
}

/**
 * Steps (3) to (6), for a quote whose sentence names no speaker. `last` is the last direct quote's speaker,
 * `sameParagraph` whether it spoke in this quote's paragraph.
 */
function unattributed(f: Finder, q: Span, s: Sentence, opensSentence: boolean, last: Speaker | null, sameParagraph: boolean): Speaker | null {
  const { text, sentences, mentions } = f;
  const continued = (sp: Speaker): Speaker => ({ ...sp, attribution: 'continuation', cue: null, cueAt: null, at: q.start });
  // (3) continuation: a quote opening its sentence (or following a colon that ends the paragraph before)
  const colonBefore = /:\s*$/u.test(text.slice(Math.max(0, q.open - 4), q.open));
  if (opensSentence && colonBefore) {
    // “Cruz called them on it:¶¶“…””: the sentence the colon ends names the speaker, the last actor in it
    // that a verb follows.
    const prev = sentences[sentences.indexOf(s) - 1];
    const m = prev && [...mentions].reverse().find((x) => x.start >= prev.start && x.end <= prev.end && !f.inQuote(x.start) && /^\s+(?:\p{Ll}+ly\s+)?\p{Ll}+/u.test(text.slice(x.end, x.end + 30)));
    if (m) return asSpeaker(f, m, null, null);
  }
  // “Romney’s “47 percent” comment”: the owner of the words.
  const owner = mentions.find((x) => /^['’]s?\s+$/u.test(text.slice(x.end, q.open)) && x.end < q.open && x.end > q.open - 5);
  if (owner) return asSpeaker(f, owner, null, null);
  const ownerName = plainName(f.lex, /(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2})['’]s?\s+$/u.exec(text.slice(Math.max(0, q.open - 60), q.open))?.[1], q.open);
  if (ownerName) return ownerName;
  if (opensSentence && last) return continued(last);
  // (4) the subject opening the sentence ("Clinton’s response was: “…”", "Trump went on to promote “…”")
  const intro = introducer(f, s.start, q.open) ?? plainName(f.lex, f.re.introName.exec(text.slice(s.start, q.open))?.[1], s.start);
  if (intro) return intro;
  // (5) a later quote of the same paragraph with no attribution of its own
  if (last && sameParagraph) return continued(last);
  // (6) a quote opening its sentence after one or two sentences about a person of the same paragraph ("Ilse
  // Vondrak chaired the hearing. She opened with a warning. “…”"): that sentence's subject.
  for (let k = 1; opensSentence && k <= 2; k++) {
    const prev = sentences[sentences.indexOf(s) - k];
    if (!prev || prev.paragraph !== s.paragraph) break;
    const subj = introducer(f, prev.start, prev.end);
    const pron = /^(He|She)\s+\p{Ll}/u.exec(text.slice(prev.start, prev.end));
    const sp = subj && f.entities.get(subj.key)?.type === 'person' ? subj : pron ? pronoun(f, pron[1]!, prev.start) : null;
    if (sp) return continued(sp);
  }
  return null;
}

/**
 * A quote running on to its paragraph's end continues in the next paragraph's opening quote, and the
 * attribution found there names its speaker: “… on track.¶“There is still work to do,” Albanese added.
 */
function continueRunOns(text: string, spans: Span[], drafts: QuoteDraft[]): QuoteDraft[] {
  const quotes = [...drafts];
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = spans[i]!;
    const next = spans[i + 1]!;
    const nextDraft = quotes[i + 1]!;
    if (q.after === q.end && /^\s*$/.test(text.slice(q.end, next.open)) && nextDraft.speakerKey && nextDraft.attribution !== 'continuation') {
      quotes[i] = { ...nextDraft, type: 'direct', start: quotes[i]!.start, end: quotes[i]!.end, attribution: 'continuation', cue: null, cueStart: null, cueEnd: null };
    }
  }
  return quotes;
}

const attributionOf = (m: Mention): Attribution => (m.kind === 'description' ? 'description' : 'explicit');

/** "Brazil and Argentina said", "A, B and C said": every actor of a coordination ending in `m`, and where it starts. */
function joint(f: Finder, m: Mention): { keys: string[]; start: number } {
  const { text, mentions } = f;
  const keys = [m.key];
  let cur = m;
  for (let i = mentions.indexOf(m) - 1; i >= 0; i--) {
    const prev = mentions[i]!;
    if (prev.end > cur.start) continue;
    if (!/^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)$/u.test(text.slice(prev.end, cur.start)) || f.inQuote(prev.start)) break;
    if (!keys.includes(prev.key)) keys.unshift(prev.key);
    cur = prev;
  }
  // A list is joint only when it ends in "and" ("Brazil and Argentina", not "Brazil, Argentina" alone).
  return keys.length > 1 && /\band\s+$|&\s+$/u.test(text.slice(Math.max(cur.end, m.start - 8), m.start)) ? { keys, start: cur.start } : { keys: [m.key], start: m.start };
}

function asSpeaker(f: Finder, m: Mention, cue: string | null, cueAt: number | null): Speaker {
  const j = joint(f, m);
  return { key: j.keys[0]!, keys: j.keys, text: f.text.slice(j.start, m.end), attribution: attributionOf(m), cue, cueAt, at: m.start, mention: m };
}

function lastBefore(history: Speaker[], at: number): Speaker | null {
  let best: Speaker | null = null;
  for (const h of history) if ((h.cueAt ?? h.at) < at && (!best || (h.cueAt ?? h.at) >= (best.cueAt ?? best.at))) best = h;
  return best;
}

/** A mention starting at `pos` after optional "the" and up to two lower-case modifiers ("the state-run …"). */
function mentionFrom(f: Finder, pos: number): Mention | undefined {
  const { text, mentions, entities } = f;
  const titleWords = f.re.titleWords;
  // "the state-run X", and an unnamed source at an organisation: "forecasters at the X", "officials of X".
  const LEAD = /^(?:the\s+|a\s+|an\s+)?(?:(?!(?:at|of|from|with)\s)[\p{Ll}-]+\s+){0,2}(?:(?:at|of|from|with)\s+(?:the\s+)?)?/u;
  const lead = LEAD.exec(text.slice(pos, pos + 60))?.[0] ?? '';
  // A title before a person's name: "said Chinese Foreign Minister Wang Yi", "the Australian trade minister Don Farrell".
  const titled = (m: Mention) => entities.get(m.key)?.type === 'person' && /^(?:the\s+)?(?:[\p{L}.’'-]+\s+){1,5}$/u.test(text.slice(pos, m.start)) && text.slice(pos, m.start).trim().split(/\s+/).every((w) => titleWords.has(w.toLowerCase()) || titleWords.has(w.toLowerCase().replace(/\.$/, '')));
  const near = mentions.find((x) => x.start > pos && x.start <= pos + 60 && titled(x));
  if (near && !mentions.some((x) => x.start >= pos && x.start < near.start)) return near;
  for (let k = lead.length; k >= 0; k--) {
    const m = mentions.find((x) => x.start === pos + k || (x.start === pos && k === 0));
    if (!m || LEAD.exec(text.slice(pos, m.start))?.[0].length !== m.start - pos) continue;
    // A possessive names the owner, not the speaker: "the North’s official Korean Central News Agency".
    if (/^['’]s\s/.test(text.slice(m.end, m.end + 3))) return mentionFrom(f, m.end + 3) ?? m;
    return m;
  }
  return undefined;
}

const antecedent = (sp: Speaker | null) => sp && { key: sp.key, mention: sp.mention, at: sp.cueAt ?? sp.at };

/** `printed`: the pronoun as printed ("He"), kept as the speaker's words. */
function pronoun(f: Finder, printed: string, at: number): Speaker | null {
  const p = printed.toLowerCase();
  const last = lastBefore(f.history, at);
  const a = f.resolver.pronoun(p, at, antecedent(last));
  if (!a) return null;
  f.resolver.learn(a.key, p);
  const keys = last && a.key === last.key ? last.keys : [a.key];
  return { key: a.key, keys, text: printed, attribution: 'pronoun', cue: null, cueAt: null, at, mention: a.mention };
}

/** The subject ending right before `pos`, skipping adverbs, appositions, relative clauses and "in <Place>". */
function subjectBefore(f: Finder, pos: number, floor: number): Speaker | null {
  const { text, mentions, entities, lex } = f;
  const pre = text.slice(floor, pos);
  // "Jon Tester, chairman of the Senate committee, said": a person before a lower-case apposition speaks,
  // not the organisation that ends it.
  for (const end of subjectEnds(pre)) {
    const app = /,\s*([^,“”"]{1,120}),?$/u.exec(pre.slice(0, end));
    const role = app && (/^\p{Ll}/u.test(app[1]!) || app[1]!.split(/\s+/).some((w) => lex.names.personWords.has(w)));
    const person = app && role && mentions.find((x) => x.end === floor + app.index && x.start >= floor && entities.get(x.key)?.type === 'person');
    if (person) return asSpeaker(f, person, null, null);
    const m = mentions.find((x) => x.end === floor + end && x.start >= floor);
    if (m) return asSpeaker(f, m, null, null);
    const pron = /(?:^|\s)(it|he|she|they|It|He|She|They)$/u.exec(pre.slice(0, end));
    if (pron) return pronoun(f, pron[1]!, floor + end - pron[1]!.length);
    // "the minister", "the retired judge", "the 45-year-old".
    const desc = /(?:^|[\s,”"])((?:[Tt]he)\s+(?:[\p{Ll}\d-]+\s+){0,3}[\p{Ll}\d-]+)$/u.exec(pre.slice(0, end));
    if (desc) {
      const s = floor + end - desc[1]!.length;
      const a = f.resolver.description(s, floor + end, antecedent(lastBefore(f.history, s)));
      if (a) return { key: a.key, keys: [a.key], text: desc[1]!, attribution: 'description', cue: null, cueAt: null, at: s, mention: a.mention };
    }
  }
  return null;
}

const withCue = (sp: Speaker | null, cue: string, cueAt: number): Speaker | null => (sp ? { ...sp, cue, cueAt } : null);

function accordingTo(f: Finder, from: number, to: number): Speaker | null {
  const m = /\baccording to\s+/i.exec(f.text.slice(from, to));
  if (!m) return null;
  const men = mentionFrom(f, from + m.index + m[0].length);
  return men ? asSpeaker(f, men, m[0].trim(), from + m.index) : null;
}

/** The speaker of the attribution standing after a closing mark: "” X said", "” said X", "” X, a professor at Y, said", "” he added". */
function attributionAfter(f: Finder, from: number, to: number): Speaker | null {
  const text = f.text;
  const tail = text.slice(from, to);
  const saidX = f.re.reportingAfter.exec(tail);
  if (saidX) {
    const cueAt = from + saidX[0].length - /\S+(?:\s+\S+)?$/u.exec(saidX[0])![0].length;
    const cue = text.slice(cueAt, from + saidX[0].length);
    const objAt = from + saidX[0].length + (/^\s+/.exec(text.slice(from + saidX[0].length))?.[0].length ?? 0);
    const men = mentionFrom(f, objAt);
    if (men) return asSpeaker(f, men, cue, cueAt);
    const pron = /^(he|she|they|it)\b/.exec(text.slice(objAt, objAt + 5));
    if (pron) return withCue(pronoun(f, pron[1]!, objAt), cue, cueAt);
  }
  // The first cue of the tail, its subject between the mark and the cue (no other quotation in between).
  const cueRe = f.re.cue;
  cueRe.lastIndex = 0;
  const c = cueRe.exec(tail);
  if (!c || c.index > 160 || /[“"‘]/u.test(tail.slice(0, c.index))) return null;
  const subj = subjectBefore(f, from + c.index, from);
  if (subj) return withCue(subj, c[0], from + c.index);
  // "” a Democratic staffer in the room wondered": an unnamed speaker, no actor, but no continuation either.
  const words = plainSubject(text, from + c.index, from, f.lex);
  return words ? { key: '', keys: [], text: words, attribution: 'description', cue: c[0], cueAt: from + c.index, at: from + c.index - words.length, mention: null } : null;
}

/** The subject that opens the words from `from` to `to`: a mention after at most an introductory clause and three words. */
function introducer(f: Finder, from: number, to: number): Speaker | null {
  const { text } = f;
  const m = f.mentions.find((x) => x.start >= from && x.end <= to && !f.inQuote(x.start) && /^(?:[^,“”"]{0,80},\s+)?(?:[\p{L}’'-]+,?\s+){0,3}$/u.test(text.slice(from, x.start)));
  if (!m || (/['’]s?$/u.test(text.slice(m.end, m.end + 2)) && !f.re.ownerNoun.test(text.slice(m.end, m.end + 14)))) return null;
  return asSpeaker(f, m, null, null);
}

/** A capitalised name no mention covers, as the speaker's words (no actor): "Clinton’s response was: “…”". */
function plainName(lex: Lexicon, name: string | undefined, before: number): Speaker | null {
  if (!name || lex.names.functionWords.has(name.toLowerCase()) || lex.names.notName.has(name.split(' ')[0]!)) return null;
  return { key: '', keys: [], text: name, attribution: 'description', cue: null, cueAt: null, at: before - name.length, mention: null };
}
