/**
 * Direct and indirect quotes of one article with their speakers (ANNOTATION.md, Quotes). Pure.
 *
 * Direct: the words between top-level quotation marks (“…”, "…", or ‘…’ used as outer marks); marks nested
 * inside belong to the quote; a quote left open at a paragraph end continues into the next paragraph as a
 * new quote. The speaker is found, in order, (1) right after the closing mark (“…,” X said / said X / it
 * added), (2) as the subject of the last speech verb before the opening mark in the sentence, (3) from a
 * sentence-final ", X said" or "according to X", (4) by continuation: a quote opening its sentence with no
 * attribution belongs to the last speaker, (5) the subject opening the sentence.
 * Indirect: "X said (that) …", "…, X said.", "according to X, …", "…, saying that …", "X quoted Y as saying
 * that …", and the other content cues of the lexicon; the text is the content clause.
 */
import { alt, once } from '../regex.ts';
import type { ArticleEntity, Mention } from './mentions.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON } from './lexicon.ts';
import type { Sentence } from './sentences.ts';
import { subjectEnds } from './clause.ts';

export type Attribution = 'explicit' | 'pronoun' | 'description' | 'continuation';

export interface QuoteDraft {
  type: 'direct' | 'indirect';
  start: number;
  end: number;
  speakerKey: string | null;
  speakerText: string | null;
  attribution: Attribution | null;
  reportedByKey: string | null;
  cue: string | null;
}

interface Span {
  open: number;
  start: number;
  end: number;
  /** Index just past the closing mark (or the paragraph end when the quote runs on). */
  after: number;
}

interface Speaker {
  key: string;
  text: string;
  attribution: Attribution;
  cue: string | null;
  /** Where the speaker's words stand in the text, for recency. */
  at: number;
}


/** Top-level quotation spans of `text`. */
export function quoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const paraEnd = (() => {
      const p = text.indexOf('\n\n', i);
      return p < 0 ? text.length : p;
    })();
    let close = -1;
    if (ch === '“') close = text.indexOf('”', i + 1);
    else if (ch === '"' ) close = text.indexOf('"', i + 1);
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
export function findQuotes(text: string, sentences: Sentence[], mentions: Mention[], entities: Map<string, ArticleEntity>, lex: Lexicon = LEXICON): QuoteDraft[] {
  const L = lex.lang;
  const cueRe = once(lex, 'quotes.ts:cueRe', () => new RegExp(`\\b(?:${alt(L.speech_cues)})\\b`, 'g'));
  // `he said`, `it added`: a pronoun subject followed by a speech cue, resolved by resolvePronoun.
  const pronounCue = once(lex, 'quotes.ts:pronounCue', () => new RegExp(`^(it|he|she)\\s+(?:also\\s+)?(${alt(L.speech_cues)})\\b`));
  const reportingAfter = once(lex, 'quotes.ts:reportingAfter', () => new RegExp(`^\\s*,?\\s*(?:${alt(L.speech_cues)})\\b`));
  const spans = quoteSpans(text);
  const inQuote = (pos: number) => spans.some((q) => pos >= q.start && pos < q.end);
  const sentenceOf = (pos: number) => sentences.find((s) => pos >= s.start && pos < s.end) ?? sentences[sentences.length - 1]!;
  const attributionOf = (m: Mention): Attribution => (m.kind === 'description' ? 'description' : 'explicit');
  const asSpeaker = (m: Mention, cue: string | null): Speaker => ({ key: m.key, text: m.text, attribution: attributionOf(m), cue, at: m.start });
  const titleWords = once(lex, 'quotes.ts:titleWords', () => new Set(['the', ...L.person_titles.flatMap((t) => t.split(/\s+/)), ...[...lex.demonyms.keys()].flatMap((d) => d.split(/\s+/)), 'deputy', 'vice', 'first', 'former', 'acting', 'chief', 'senior', 'top', 'trade', 'finance', 'interior', 'economy', 'energy', 'health']));
  // The last direct quote's speaker (held in an object: closures read it, and TS would narrow a let to null).
  const state: { last: Speaker | null } = { last: null };

  /** A mention starting at `pos` after optional "the" and up to two lower-case modifiers ("the state-run …"). */
  const mentionFrom = (pos: number): Mention | undefined => {
    // "the state-run X", and an unnamed source at an organisation: "forecasters at the X", "officials of X".
    const LEAD = /^(?:the\s+|a\s+|an\s+)?(?:(?!(?:at|of|from|with)\s)[\p{Ll}-]+\s+){0,2}(?:(?:at|of|from|with)\s+(?:the\s+)?)?/u;
    const lead = LEAD.exec(text.slice(pos, pos + 60))?.[0] ?? '';
    // A title before a person's name: "said Chinese Foreign Minister Wang Yi", "the Australian trade minister Don Farrell".
    const titled = (m: Mention) => entities.get(m.key)?.type === 'person' && /^(?:the\s+)?(?:[\p{L}.’'-]+\s+){1,5}$/u.test(text.slice(pos, m.start)) && text.slice(pos, m.start).trim().split(/\s+/).every((w) => titleWords.has(w.toLowerCase()));
    const near = mentions.find((x) => x.start > pos && x.start <= pos + 60 && titled(x));
    if (near && !mentions.some((x) => x.start >= pos && x.start < near.start)) return near;
    for (let k = lead.length; k >= 0; k--) {
      const m = mentions.find((x) => x.start === pos + k || (x.start === pos && k === 0));
      if (!m || LEAD.exec(text.slice(pos, m.start))?.[0].length !== m.start - pos) continue;
      // A possessive names the owner, not the speaker: "the North’s official Korean Central News Agency".
      if (/^['’]s\s/.test(text.slice(m.end, m.end + 3))) return mentionFrom(m.end + 3) ?? m;
      return m;
    }
    return undefined;
  };
  /** The subject ending right before `pos`, skipping adverbs, appositions, relative clauses and "in <Place>". */
  const subjectBefore = (pos: number, floor: number): Speaker | null => {
    const pre = text.slice(floor, pos);
    for (const end of subjectEnds(pre)) {
      const m = mentions.find((x) => x.end === floor + end && x.start >= floor);
      if (m) return asSpeaker(m, null);
      const pron = /(?:^|\s)(it|he|she|It|He|She)$/u.exec(pre.slice(0, end));
      if (pron) return resolvePronoun(pron[1]!.toLowerCase(), floor + end - pron[1]!.length);
    }
    return null;
  };
  /**
   * "he/she" → the last person who spoke, else the last person named; "it" → the last organisation or country
   * that spoke, else the last organisation named, else the last country named (an agency speaks more often
   * than a country mentioned in passing).
   */
  const resolvePronoun = (p: string, at: number): Speaker | null => {
    const person = p === 'he' || p === 'she';
    const typeOf = (key: string) => entities.get(key)?.type;
    const ok = (key: string) => (typeOf(key) === 'person') === person;
    if (state.last && ok(state.last.key)) return { ...state.last, text: p, attribution: 'pronoun', at };
    const earlier = [...mentions].reverse().filter((x) => x.end <= at && ok(x.key));
    const m = person ? earlier[0] : (earlier.find((x) => typeOf(x.key) === 'organization') ?? earlier[0]);
    return m ? { key: m.key, text: p, attribution: 'pronoun', cue: null, at } : null;
  };
  const accordingTo = (from: number, to: number): Speaker | null => {
    const m = /\baccording to\s+/i.exec(text.slice(from, to));
    if (!m) return null;
    const men = mentionFrom(from + m.index + m[0].length);
    return men ? asSpeaker(men, 'according to') : null;
  };
  /** ", X said" standing after `from` in the sentence. */
  const trailingAttribution = (from: number, s: Sentence): Speaker | null => {
    const tail = text.slice(from, s.end);
    for (const m of tail.matchAll(/,\s+/g)) {
      const pos = from + m.index + m[0].length;
      if (inQuote(pos)) continue;
      const men = mentionFrom(pos);
      if (men) {
        const after = text.slice(men.end, s.end);
        const c = once(lex, 'quotes.ts:c', () => new RegExp(`^(?:,[^,]{1,100},)?\\s+(?:also\\s+)?(${alt(L.speech_cues)})\\b`)).exec(after);
        if (c) return asSpeaker(men, c[1]!);
      }
      const pron = pronounCue.exec(text.slice(pos, s.end));
      if (pron) {
        const sp = resolvePronoun(pron[1]!, pos);
        if (sp) return { ...sp, cue: pron[2]! };
      }
    }
    return null;
  };

  const quotes: QuoteDraft[] = [];
  let previousParagraphRunOn = false;
  for (const q of spans) {
    const s = sentenceOf(q.start);
    const sEnd = sentenceOf(Math.max(q.start, q.after - 1));
    let speaker: Speaker | null = null;
    let reportedBy: Speaker | null = null;
    // (1) right after the closing mark
    const after = text.slice(q.after, sEnd.end);
    const direct = /^\s*,?\s*/.exec(after)![0].length + q.after;
    const saidX = reportingAfter.exec(after);
    if (saidX) {
      const men = mentionFrom(q.after + saidX[0].length + (/^\s+/.exec(text.slice(q.after + saidX[0].length))?.[0].length ?? 0));
      if (men) speaker = asSpeaker(men, saidX[0].replace(/^[\s,]+/, ''));
    }
    if (!speaker) {
      const men = mentionFrom(direct);
      const c = men && once(lex, 'quotes.ts:cueAfterMention', () => new RegExp(`^(?:,[^,]{1,100},)?\\s+(?:also\\s+|later\\s+)?(${alt(L.speech_cues)})\\b`)).exec(text.slice(men.end, sEnd.end));
      if (men && c) speaker = asSpeaker(men, c[1]!);
      const pron = !speaker && pronounCue.exec(text.slice(direct, sEnd.end));
      if (pron) {
        const sp = resolvePronoun(pron[1]!, direct);
        if (sp) speaker = { ...sp, cue: pron[2]! };
      }
    }
    // (2) subject of the last speech verb before the opening mark
    let before: Speaker | null = null;
    cueRe.lastIndex = 0;
    const head = text.slice(s.start, q.open);
    let lastCue: RegExpExecArray | null = null;
    for (let m = cueRe.exec(head); m; m = cueRe.exec(head)) if (!inQuote(s.start + m.index)) lastCue = m;
    if (lastCue) {
      const subj = subjectBefore(s.start + lastCue.index, s.start);
      if (subj) before = { ...subj, cue: lastCue[0] };
      else if (/\b(?:and|but)\s+$/.test(head.slice(0, lastCue.index))) {
        const first = mentions.find((x) => x.start >= s.start && x.start < s.start + lastCue!.index);
        if (first) before = asSpeaker(first, lastCue[0]);
      }
    }
    if (before && speaker && before.key !== speaker.key && /^(?:said|says|reported|added|quoted)$/.test(speaker.cue ?? '')) {
      reportedBy = speaker;
      speaker = before;
    }
    speaker ??= before;
    // (3) a sentence-final attribution
    if (!speaker) speaker = trailingAttribution(q.after, sEnd);
    const according = accordingTo(q.after, sEnd.end) ?? accordingTo(s.start, q.open);
    if (according) {
      if (!speaker) speaker = according;
      else if (according.key !== speaker.key) reportedBy = according;
    }
    // (4) continuation, (5) the subject opening the sentence
    const opensSentence = /^[\s“"‘]*$/.test(text.slice(s.start, q.open)) || previousParagraphRunOn;
    if (!speaker && opensSentence && state.last) speaker = { ...state.last, attribution: 'continuation', cue: null };
    if (!speaker) {
      const first = mentions.find((x) => x.start >= s.start && x.end <= q.open && /^(?:[\p{L}’'-]+,?\s+){0,3}$/u.test(text.slice(s.start, x.start)));
      if (first) speaker = asSpeaker(first, null);
    }
    previousParagraphRunOn = q.after === q.end && q.end < text.length;
    if (speaker) state.last = speaker;
    quotes.push({ type: 'direct', start: q.start, end: q.end, speakerKey: speaker?.key ?? null, speakerText: speaker?.text ?? null, attribution: speaker?.attribution ?? null, reportedByKey: reportedBy?.key ?? null, cue: speaker?.cue ?? null });
  }

  // A quote running on to its paragraph's end continues in the next paragraph's opening quote, and the
  // attribution found there names its speaker: “… on track.¶“There is still work to do,” Albanese added.
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = spans[i]!;
    const next = spans[i + 1]!;
    const nextDraft = quotes[i + 1]!;
    if (q.after === q.end && /^\s*$/.test(text.slice(q.end, next.open)) && nextDraft.speakerKey && nextDraft.attribution !== 'continuation') {
      quotes[i] = { ...quotes[i]!, speakerKey: nextDraft.speakerKey, speakerText: nextDraft.speakerText, attribution: 'continuation', reportedByKey: nextDraft.reportedByKey, cue: null };
    }
  }
  quotes.push(...indirectQuotes(text, sentences, mentions, inQuote, subjectBefore, mentionFrom, lex));
  return quotes;
}

function indirectQuotes(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  inQuote: (pos: number) => boolean,
  subjectBefore: (pos: number, floor: number) => Speaker | null,
  mentionFrom: (pos: number) => Mention | undefined,
  lex: Lexicon,
): QuoteDraft[] {
  const L = lex.lang;
  const out: QuoteDraft[] = [];
  const contentCue = once(lex, 'quotes.ts:contentCue', () => new RegExp(`\\b(${alt(L.content_cues)})\\b`, 'g'));
  const trimEnd = (start: number, end: number) => {
    let e = end;
    while (e > start && /[\s.,;:!?]/.test(text[e - 1]!)) e--;
    return e;
  };
  /** Where a trailing attribution (", KCNA said", ", it added") starts in [start, end), else end. */
  const beforeAttribution = (start: number, end: number): number => {
    for (const m of text.slice(start, end).matchAll(/,[”"’]?\s+/g)) {
      const pos = start + m.index + m[0].length;
      const tail = text.slice(pos, end);
      if (once(lex, 'quotes.ts:trailingCue', () => new RegExp(`^(?:the\\s+)?[^,]{1,60}?\\s(?:${alt(L.reporting_cues)})\\b[^,]*$`)).test(tail) && (mentions.some((x) => x.start >= pos && x.start < pos + 20) || /^(?:it|he|she)\s/.test(tail))) return start + m.index + (m[0].startsWith(',”') || m[0].startsWith(',"') || m[0].startsWith(',’') ? 2 : 0);
    }
    return end;
  };
  const push = (start: number, end: number, sp: Speaker | null, cue: string, reportedBy: string | null = null) => {
    const e = trimEnd(start, beforeAttribution(start, end));
    const clause = text.slice(start, e);
    if (clause.split(/\s+/).length < 4) return;
    if (/^[“"‘]/.test(clause) && /[”"’]$/.test(clause) && !/[”"’]/.test(clause.slice(1, -1))) return; // a direct quote
    if (out.some((q) => q.start === start)) return;
    out.push({ type: 'indirect', start, end: e, speakerKey: sp?.key ?? null, speakerText: sp?.text ?? null, attribution: sp?.attribution ?? null, reportedByKey: reportedBy, cue });
  };
  // After the cue: the person told (only after "told"), then when and where it was said, then "that".
  const toldObject = /^\s+(?:reporters|journalists|lawmakers|parliament|the\s+[\p{Ll}]+|[\p{Lu}][\p{L}’'-]*(?:\s[\p{Lu}][\p{L}’'-]*)*)(?=\s)/u;
  const setting = /^\s*(?:(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|on\s+\p{Lu}\p{Ll}+|yesterday|today|earlier|later|last\s+(?:week|month)|in\s+a\s+(?:separate\s+)?(?:statement|commentary|dispatch|report|interview|speech)|at\s+a\s+(?:regular\s+)?(?:news\s+)?(?:briefing|conference|meeting))\s+)*(?:that\s+)?/u;
  /** The subject stands right after a closing quotation mark: the cue attributes that direct quote. */
  const attributesDirectQuote = (subjAt: number, from: number) => /[”"’],?\s*(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u.test(text.slice(from, subjAt));
  /** A pronoun subject counts only where a clause starts ("…, it said"), not inside a relative clause ("deals it says …"). */
  const clauseStart = (subj: Speaker, from: number) => subj.attribution !== 'pronoun' || /(?:^|[,;:][”"’]?|\b(?:and|but|that))\s*$/u.test(text.slice(from, subj.at));

  for (const s of sentences) {
    const st = text.slice(s.start, s.end);
    // X quoted Y as saying/telling reporters (that) …
    const quoted = /\bquoted\s+/.exec(st);
    if (quoted) {
      const y = mentionFrom(s.start + quoted.index + quoted[0].length);
      const x = subjectBefore(s.start + quoted.index, s.start);
      const as = y && /^\s+as\s+(?:saying|telling\s+[\p{Ll}]+)\s+(?:that\s+)?/u.exec(text.slice(y.end, s.end));
      if (y && as) {
        push(y.end + as[0].length, s.end, { key: y.key, text: y.text, attribution: y.kind === 'description' ? 'description' : 'explicit', cue: 'quoted', at: y.start }, 'quoted', x?.key ?? null);
        continue;
      }
    }
    // According to X, …  /  …, according to X.
    const acc = /^(?:[^,]{0,40},\s*)?[Aa]ccording to\s+/.exec(st);
    if (acc) {
      const men = mentionFrom(s.start + acc[0].length);
      const comma = men ? text.indexOf(',', men.end) : -1;
      if (men && comma > 0 && comma < s.end) push(comma + 1 + (/^\s*/.exec(text.slice(comma + 1))?.[0].length ?? 0), s.end, { key: men.key, text: men.text, attribution: 'explicit', cue: 'according to', at: men.start }, 'according to');
    }
    const accEnd = /,\s+according to\s+/.exec(st);
    if (accEnd && !inQuote(s.start + accEnd.index)) {
      const men = mentionFrom(s.start + accEnd.index + accEnd[0].length);
      if (men && !/^[“"‘]/.test(st)) push(s.start, s.start + accEnd.index, { key: men.key, text: men.text, attribution: men.kind === 'description' ? 'description' : 'explicit', cue: 'according to', at: men.start }, 'according to');
    }
    contentCue.lastIndex = 0;
    for (let m = contentCue.exec(st); m; m = contentCue.exec(st)) {
      const at = s.start + m.index;
      if (inQuote(at)) continue;
      const cue = m[1]!;
      const rest = text.slice(at + cue.length, s.end);
      if (/^(?:saying|adding|stating|noting|warning|claiming|arguing|insisting)$/.test(cue)) {
        // Participle: the speaker is the one who spoke in the main clause ("it said, adding …"), else the
        // subject of the main clause, the first actor of the sentence.
        const main = [...out].reverse().find((q) => q.start >= s.start && q.speakerKey);
        const mainCue = once(lex, 'quotes.ts:mainCue', () => new RegExp(`\\b(?:${alt(L.speech_cues)})\\b`, 'g'));
        let spoken: Speaker | null = null;
        for (const c of text.slice(s.start, at).matchAll(mainCue)) spoken = subjectBefore(s.start + c.index, s.start) ?? spoken;
        const first = spoken || main ? undefined : mentions.find((x) => x.start >= s.start && x.end <= at);
        // "saying, “…”", "adding: …", "was quoted as saying.": punctuation may stand between the cue and its
        // content, and a cue may have no content at all.
        const clause = /^[\s,:;]*(?:that\s+)?/u.exec(rest)![0].length;
        if (/^[\s.!?]*$|^[“"‘«„]/u.test(rest.slice(clause))) continue;
        const sp = spoken ? { ...spoken, cue } : first ? { key: first.key, text: first.text, attribution: (first.kind === 'description' ? 'description' : 'explicit') as Attribution, cue, at: first.start } : null;
        if (sp) push(at + cue.length + clause, s.end, sp, cue);
        continue;
      }
      // …, X said.  (clause before the attribution)
      const subj = subjectBefore(at, s.start);
      if (!subj || attributesDirectQuote(subj.at, s.start) || !clauseStart(subj, s.start)) continue;
      const tailOnly = /^\s*(?:on\s+\p{Lu}\p{Ll}+|in\s+a\s+[\p{Ll}\s]+|at\s+a\s+[\p{Ll}\s]+)?\s*[.,]?\s*$/u.test(rest) || /^\s*,/.test(rest);
      const commaBefore = text.lastIndexOf(',', subj.at);
      if (tailOnly) {
        // A comma inside a closing quotation ("… “face annihilation,” it added") ends the clause after the mark.
        const clauseEnd = inQuote(commaBefore) ? commaBefore + 2 : commaBefore;
        if (commaBefore > s.start && !/^[\s“"‘]/.test(text.slice(s.start, s.start + 1))) push(s.start, clauseEnd, subj, cue);
        continue;
      }
      // X said (that) …
      let skip = /^(?:told|tells|tell)$/.test(cue) ? (toldObject.exec(rest)?.[0].length ?? 0) : 0;
      skip += setting.exec(rest.slice(skip))?.[0].length ?? 0;
      skip += /^\s*:/.exec(rest.slice(skip))?.[0].length ?? 0; // "He said: “…”"
      const content = rest.slice(skip);
      if (/^\s*(?:,|$)/.test(content)) continue;
      push(at + cue.length + skip + (/^\s*/.exec(content)?.[0].length ?? 0), s.end, subj, cue);
    }
  }
  return out;
}
