/**
 * Reported speech (indirect quotes) of one article: "X said (that) S", "S, X said", "according to X, S",
 * "X told Y (that) S", "X's statement that S", "…, saying that S", "X quoted Y as saying S". The text is the
 * content clause; it ends where the frame begins (reported-frame.ts): a trailing attribution (", officials from
 * both countries said", ", KCNA reported": the channel is `reportedBy` when it is not the speaker) or a trailing
 * setting ("at a meeting with …", "on Thursday"). A subject no mention names ("those surveyed say", "a third
 * source said") keeps its words as `speakerText`, with no actor, when a clause follows. Pure.
 */
import { alt, once } from '../regex.ts';
import type { Attribution, QuoteContext, QuoteDraft, Speaker } from './quote-draft.ts';
import type { Lexicon } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import type { Sentence } from './sentences.ts';
import { draft } from './quote-draft.ts';
import { frameEnd } from './reported-frame.ts';
import { plainSubject } from './speakers.ts';

/** The patterns reportedSpeech reads (built once per lexicon). */
interface ReportedPatterns {
  contentCue: RegExp;
  participleStart: RegExp;
  onlySetting: RegExp;
  speechNoun: RegExp;
  possessiveStatement: RegExp;
  bareClause: Set<string>;
  setting: RegExp;
  mainCue: RegExp;
}

/** One article's state while its indirect quotes are found: the quote context, the patterns, the quotes so far. */
interface ReportedScope {
  c: QuoteContext;
  re: ReportedPatterns;
  out: QuoteDraft[];
}

/** A content cue found in a sentence ("said", "told", "saying"): where it stands and the text around it. */
interface CueMatch {
  s: Sentence;
  at: number;
  cue: string;
  /** The sentence after the cue, and up to 30 characters before it. */
  rest: string;
  before: string;
}

const reportedPatterns = (lex: Lexicon): ReportedPatterns =>
  once(lex, 'reported.ts:patterns', () => {
    const L = lex.lang;
    const participles = L.content_cues.filter((x) => x.endsWith('ing'));
    return {
      contentCue: new RegExp(`\\b(${alt(L.content_cues)})\\b`, 'g'),
      /** Content opening with a speech participle ("responded Friday, saying …"): the participle's row holds it. */
      participleStart: new RegExp(`^\\s*(?:${alt(participles)})\\b`, 'u'),
      /** "said Monday in an interview with …": where it was said, no content. */
      onlySetting: new RegExp(`^\\s*(?:in|at|during|on)\\s+(?:a|an|the|his|her|their|its)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:${alt(L.frame_settings)})\\b`, 'u'),
      speechNoun: new RegExp(`\\b(?:${alt(L.speech_nouns)})s?\\s+that\\s+$`, 'u'),
      possessiveStatement: new RegExp(`['’]s?\\s+(?:[\\p{Ll}-]+\\s+)?(?:${alt(L.speech_nouns)})\\s+that\\s+`, 'gu'),
      bareClause: new Set(L.bare_clause_cues),
      setting: new RegExp(`^\\s*(?:(?:(?:on\\s+)?(?:${alt(L.weekdays)})|on\\s+\\p{Lu}\\p{Ll}+|yesterday|today|earlier|later|last\\s+(?:week|month)|in\\s+a\\s+(?:separate\\s+)?(?:statement|commentary|dispatch|report|interview|speech)|(?:at|during)\\s+a\\s+(?:regular\\s+)?(?:news\\s+)?(?:briefing|conference|meeting))\\s+)*(?:that\\s+)?`, 'u'),
      mainCue: new RegExp(`\\b(?:${alt(L.speech_cues)})\\b`, 'g'),
    };
  });

/** The person told, right after "told": "reporters", "the council", a name. */
const TOLD_OBJECT = /^\s+(?:reporters|journalists|lawmakers|parliament|the\s+[\p{Ll}]+|[\p{Lu}][\p{L}’'-]*(?:\s[\p{Lu}][\p{L}’'-]*)*)(?=\s)/u;

/** The indirect quotes of the article `c` describes. */
export function reportedSpeech(c: QuoteContext): QuoteDraft[] {
  const rs: ReportedScope = { c, re: reportedPatterns(c.lex), out: [] };
  for (const s of c.sentences) sentenceQuotes(rs, s);
  return rs.out;
}

/** The indirect quotes of one sentence: "X quoted Y as saying", "according to X", "X's statement that", then each content cue. */
function sentenceQuotes(rs: ReportedScope, s: Sentence): void {
  const { text } = rs.c;
  const st = text.slice(s.start, s.end);
  // X quoted Y as saying/telling reporters (that) …
  if (quotedAs(rs, s, st)) return;
  // According to X, …  /  …, according to X.
  accordingTo(rs, s, st);
  // X's statement that …, the ministry's claim that …
  for (const m of st.matchAll(rs.re.possessiveStatement)) possessiveStatement(rs, s, m);
  const { contentCue } = rs.re;
  contentCue.lastIndex = 0;
  for (let m = contentCue.exec(st); m; m = contentCue.exec(st)) cueClause(rs, s, m);
}

/** "X quoted Y as saying …": Y's words, relayed by X. True when it found them (the sentence holds nothing else). */
function quotedAs(rs: ReportedScope, s: Sentence, st: string): boolean {
  const { text, subjectBefore, mentionFrom } = rs.c;
  const quoted = /\bquoted\s+/.exec(st);
  if (!quoted) return false;
  const y = mentionFrom(s.start + quoted.index + quoted[0].length);
  const x = subjectBefore(s.start + quoted.index, s.start);
  const as = y && /^\s+as\s+(?:saying|telling\s+[\p{Ll}]+)\s+(?:that\s+)?/u.exec(text.slice(y.end, s.end));
  if (!(y && as)) return false;
  push(rs, y.end + as[0].length, s.end, explicit(rs, y, 'quoted', s.start + quoted.index), 'quoted', x?.key ?? null);
  return true;
}

/** "According to X, …" opening the sentence, and "…, according to X." closing it. */
function accordingTo(rs: ReportedScope, s: Sentence, st: string): void {
  const { text, inQuote, mentionFrom } = rs.c;
  const acc = /^(?:[^,]{0,40},\s*)?[Aa]ccording to\s+/.exec(st);
  if (acc) {
    const men = mentionFrom(s.start + acc[0].length);
    const comma = men ? text.indexOf(',', men.end) : -1;
    const cueAt = s.start + acc[0].length - /[Aa]ccording to\s+$/.exec(acc[0])![0].length;
    if (men && comma > 0 && comma < s.end) push(rs, comma + 1 + (/^\s*/.exec(text.slice(comma + 1))?.[0].length ?? 0), s.end, explicit(rs, men, 'according to', cueAt), 'according to');
  }
  const accEnd = /,\s+according to\s+/.exec(st);
  if (accEnd && !inQuote(s.start + accEnd.index)) {
    const men = mentionFrom(s.start + accEnd.index + accEnd[0].length);
    if (men && !/^[“"‘]/.test(st)) push(rs, s.start, s.start + accEnd.index, explicit(rs, men, 'according to', s.start + accEnd.index + accEnd[0].indexOf('according')), 'according to');
  }
}

/** "X's statement that …": the clause after the noun, when a mention ends right before the possessive. */
function possessiveStatement(rs: ReportedScope, s: Sentence, m: RegExpExecArray): void {
  const { mentions, inQuote } = rs.c;
  const at = s.start + m.index;
  const owner = mentions.find((x) => x.end === at && !inQuote(x.start));
  const noun = /(\S+)\s+that\s+$/.exec(m[0])![1]!;
  if (owner) push(rs, at + m[0].length, s.end, explicit(rs, owner, noun, at + m[0].lastIndexOf(noun)), noun);
}

/** The clause a content cue ("said", "told", "saying") reports, if any. */
function cueClause(rs: ReportedScope, s: Sentence, m: RegExpExecArray): void {
  const { text, inQuote } = rs.c;
  const at = s.start + m.index;
  if (inQuote(at)) return;
  const cue = m[1]!;
  const rest = text.slice(at + cue.length, s.end);
  const before = text.slice(Math.max(s.start, at - 30), at);
  // A passive ("Sanders was declared the winner") reports no one's words; nor does a noun or infinitive
  // after "to" ("responded to reports that …").
  if (/\b(?:was|were|been|being|be|is|are|get|got|to)\s+(?:\p{Ll}+ly\s+)?$/u.test(before)) return;
  const k: CueMatch = { s, at, cue, rest, before };
  if (/ing$/.test(cue)) participleClause(rs, k);
  else verbClause(rs, k);
}

/** A participle's clause (", saying …", "while saying …"), spoken by the main clause's speaker or the sentence's subject. */
function participleClause(rs: ReportedScope, k: CueMatch): void {
  const { text, subjectBefore } = rs.c;
  const { s, at, cue, rest, before } = k;
  // Participle, only as a clause of its own (", saying …", "while saying …"; not "a memo saying …"): the
  // speaker is the one who spoke in the main clause ("it said, adding …"), else the subject opening the sentence.
  if (!/(?:,[”"’]?|\b(?:while|after|before|by|when|also|then))\s*$/u.test(before)) return;
  const main = [...rs.out].reverse().find((q) => q.start >= s.start && q.speakerKey);
  let spoken: Speaker | null = null;
  for (const x of text.slice(s.start, at).matchAll(rs.re.mainCue)) spoken = subjectBefore(s.start + x.index, s.start) ?? spoken;
  const opening = spoken || main ? null : sentenceSubject(rs, s.start, at);
  // "saying, “…”", "adding: …", "was quoted as saying.", "telling reporters, “…”": punctuation may stand
  // between the cue and its content, and a cue may have no content at all, or a direct quote only.
  const lead = /^[\s,:;]*/u.exec(rest)![0].length;
  const told = cue === 'telling' ? /^[^,.;:“”"]{1,60}?\s+that\s+/u.exec(rest.slice(lead)) : null;
  const pp = ppThat(rs, rest.slice(lead));
  if (pp < 0 || (cue === 'telling' && !told)) return;
  const clause = told ? lead + told[0].length : /^[\s,:;]*(?:that\s+)?/u.exec(rest)![0].length + pp;
  if (/^[\s.!?]*$|^[“"‘«„]/u.test(rest.slice(clause)) || /^[^“"‘.;]{0,40}[,:]\s*[“"‘]/u.test(rest.slice(clause))) return;
  const sp = spoken ? { ...spoken, cue, cueAt: at } : opening ? { ...opening, cue, cueAt: at } : null;
  if (sp) push(rs, at + cue.length + clause, s.end, sp, cue);
}

/** A speech verb's clause: its subject (a speaker, or words no mention names), then the clause before or after it. */
function verbClause(rs: ReportedScope, k: CueMatch): void {
  const { text, lex, subjectBefore } = rs.c;
  const { s, at, cue, rest, before } = k;
  // …, X said.  (clause before the attribution)
  // "Bush thought for a moment and said …", "She's a supporter but concedes …": the subject opening the sentence.
  const subj = subjectBefore(at, s.start) ?? (/\b(?:and|but)\s+(?:\p{Ll}+ly\s+)?$/u.test(before) ? sentenceSubject(rs, s.start, at) : null);
  const words = subj ? null : plainSubject(text, at, s.start, lex);
  if (subj && (attributesDirectQuote(rs, subj.at, s.start) || !clauseStart(rs, subj, s.start))) return;
  if (!subj && !words) return;
  // "The paradox of X, says Y, is …" (an inverted attribution inside a clause), "(…, Gutin says) …": no row.
  if (/^\s*\)/.test(rest) || (/,\s*$/.test(before) && /^\s+(?:the\s+)?\p{Lu}[^,]*,/u.test(rest))) return;
  const sp: Speaker | null = subj ? { ...subj, cue, cueAt: at } : null;
  const subjAt = subj ? subj.at : at - (/\S[^]*$/u.exec(text.slice(s.start, at).trimEnd())?.[0].length ?? 0);
  if (!subj && attributesDirectQuote(rs, text.lastIndexOf(words!, at), s.start)) return;
  // "…, X said." closes the clause before it; "X said, “…”" introduces a direct quote instead.
  const tailOnly = (/^\s*(?:on\s+\p{Lu}\p{Ll}+|in\s+a\s+[\p{Ll}\s]+|at\s+a\s+[\p{Ll}\s]+)?\s*[.,]?\s*$/u.test(rest) || /^\s*,/.test(rest)) && !/^\s*[,:]\s*[“"‘]/u.test(rest);
  const commaBefore = text.lastIndexOf(',', subj ? subjAt : text.lastIndexOf(words!, at));
  if (tailOnly) clauseBefore(rs, k, sp, words, commaBefore);
  else clauseAfter(rs, k, subj, sp, words);
}

/** "…, X said.": the clause from the sentence start to the comma before the subject. */
function clauseBefore(rs: ReportedScope, k: CueMatch, sp: Speaker | null, words: string | null, commaBefore: number): void {
  const { text, inQuote } = rs.c;
  const { s, at, cue } = k;
  // A comma inside a closing quotation ("… “face annihilation,” it added") ends the clause after the mark.
  const clauseEnd = inQuote(commaBefore) ? commaBefore + 2 : commaBefore;
  // "X said S, the Baltic News Agency reported": the agency relays X's words (X's row names it), no row of its own.
  const relayed = sp && rs.out.some((q) => q.start >= s.start && q.end <= clauseEnd && q.reportedByKey === sp.key);
  if (commaBefore > s.start && !relayed && !/^[\s“"‘]/.test(text.slice(s.start, s.start + 1))) push(rs, s.start, clauseEnd, sp ?? plain(words!, cue, at), cue);
}

/** "X said (that) …": the clause after the cue, past the person told, the setting and "that". */
function clauseAfter(rs: ReportedScope, k: CueMatch, subj: Speaker | null, sp: Speaker | null, words: string | null): void {
  const { setting, participleStart, onlySetting, bareClause } = rs.re;
  const { at, cue, rest } = k;
  // X said (that) …
  // "told reporters …", "told the council …", "told a crowd in Ohio that …": the person told is no content.
  const told = /^(?:told|tells|tell)$/.test(cue);
  const toldThat = told ? /^\s+[^.;:“”"]{1,60}?,?\s+that\s+/u.exec(rest) : null;
  // After the cue: the person told (only after "told"), then when and where it was said, then "that".
  let skip = toldThat ? toldThat[0].length : told ? (TOLD_OBJECT.exec(rest)?.[0].length ?? -1) : 0;
  if (skip < 0) return;
  skip += setting.exec(rest.slice(skip))?.[0].length ?? 0;
  const pp = ppThat(rs, rest.slice(skip));
  if (pp < 0) return;
  skip += pp;
  skip += /^\s*:/.exec(rest.slice(skip))?.[0].length ?? 0; // "He said: “…”"
  const content = rest.slice(skip);
  if (/^\s*(?:,|$)/.test(content) || participleStart.test(content) || (onlySetting.test(content) && !/\bthat\s/.test(content))) return;
  // After the person told, a clause must start: "told the council the plan was final", not "told the largely female audience of …".
  if (told && !toldThat && !/^\s*(?:that\b|he|she|it|they|we|I|you|there|the|a|an|his|her|their|its|this|these|those|\p{Lu})/u.test(content)) return;
  // A subject named by no mention, or a verb that also takes a plain object ("announced a plan"): a clause must follow.
  if ((!subj || !bareClause.has(cue)) && !/that\s+$/.test(rest.slice(0, skip)) && !clauseLike(content)) return;
  push(rs, at + cue.length + skip + (/^\s*/.exec(content)?.[0].length ?? 0), k.s.end, sp ?? plain(words!, cue, at), cue);
}

/** The row of the clause from `start`: up to the frame's end, unless too short, a direct quote, or a clause already found. */
function push(rs: ReportedScope, start: number, end: number, sp: Speaker | null, cue: string, reportedBy: string | null = null): void {
  const { text, entities } = rs.c;
  const f = frameEnd(rs.c, start, end);
  const clause = text.slice(start, f.end);
  if (clause.split(/\s+/).length < 4) return;
  if (/^[“"]/.test(clause) && /[”"]$/.test(clause) && !/[“”"]/.test(clause.slice(1, -1))) return; // a direct quote
  if (/^‘/.test(clause) && /’$/.test(clause) && !/[‘’](?![\p{L}])/u.test(clause.slice(1, -1))) return;
  if (rs.out.some((q) => q.start === start)) return;
  const by = reportedBy ?? (f.by && entities.get(f.by)?.type !== 'person' ? f.by : null);
  rs.out.push(draft('indirect', start, f.end, sp, by, cue));
  if (sp?.key) rs.c.heard(sp);
}

/** "at a campaign event last week that …", "on NBC's “Meet the Press” that …": a phrase of place or time before "that". */
function ppThat(rs: ReportedScope, rest: string): number {
  const m = /^\s*(?:at|on|upon|in|during|to|after|before|with)\b[^.;“”"]{1,80}?\s+that\s+/u.exec(rest);
  // "responded to reports that …": the clause is the reports' content, not the speaker's (-1: no row).
  return !m ? 0 : rs.re.speechNoun.test(m[0]) ? -1 : m[0].length;
}

/** The subject opening the sentence (a mention or a pronoun), for a participle whose main clause has no speech verb. */
function sentenceSubject(rs: ReportedScope, from: number, to: number): Speaker | null {
  const { c } = rs;
  const { text, mentions, inQuote } = c;
  const pron = /^(?:[^,]{0,60},\s+)?(He|She|It|They)(?:['’]s)?\s+\p{Ll}/u.exec(text.slice(from, to));
  if (pron) return c.pronoun(pron[1]!, from + pron[0].indexOf(pron[1]!, pron[0].length - pron[1]!.length - 5));
  // After an opening clause ("When told …, Bush thought …"), never inside it.
  const m = mentions.find((x) => x.start >= from && x.end <= to && !inQuote(x.start) && /^(?:[^“”"]{0,160},\s+)?(?:[\p{L}’'.-]+\s+){0,3}$/u.test(text.slice(from, x.start)) && !/^(?:When|If|As|After|Before|Because|While|Although|Though|Once|Since|Until|Unless)\b[^,]*$/u.test(text.slice(from, x.start)));
  return m && !/^['’]/u.test(text.slice(m.end, m.end + 1)) ? c.asSpeaker(m, null, null) : null;
}

/** The speaker mention `m` names at the cue, attributed explicitly (or as a description: "the ministry"). */
function explicit(rs: ReportedScope, m: Mention, cue: string, cueAt: number): Speaker {
  return { ...rs.c.asSpeaker(m, cue, cueAt), attribution: (m.kind === 'description' ? 'description' : 'explicit') as Attribution };
}

/** The subject stands right after a closing quotation mark: the cue attributes that direct quote. */
function attributesDirectQuote(rs: ReportedScope, subjAt: number, from: number): boolean {
  const { text } = rs.c;
  // (Looks back past the sentence start when the quote ends in "?" or "!": it ends a sentence of its own.)
  return /[”"’],?\s*(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u.test(text.slice(from, subjAt)) || /[?!…][”"’][^\S\n]*(?:[\p{Ll}-]+\s+){0,2}$/u.test(text.slice(Math.max(0, subjAt - 60), subjAt));
}

/** A pronoun subject counts only where a clause starts ("…, it said"), not inside a relative clause ("deals it says …"). */
function clauseStart(rs: ReportedScope, subj: Speaker, from: number): boolean {
  const { text } = rs.c;
  return subj.attribution !== 'pronoun' || /(?:^|[,;:][”"’]?|[.!?][”"’]?\s|\b(?:and|but|that|which|when|as|where|while))\s*$/u.test(text.slice(from, subj.at));
}

/** Content that reads as a clause: "that …", a pronoun or determiner subject, or a verb among its first words. */
function clauseLike(content: string): boolean {
  return /^\s*(?:that|if|whether|how|why|what|when)\b/.test(content) || (!/^\s*(?:to|of|for|about|with|by|on|in|at)\b/.test(content) && /^\s*(?:\S+\s+){0,9}?(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|did|does|do|\p{Ll}{3,}ed)\b/u.test(content));
}

/** A speaker known by its words alone. */
function plain(words: string, cue: string, cueAt: number): Speaker {
  return { key: '', keys: [], text: words, attribution: 'description', cue, cueAt, at: cueAt - words.length, mention: null };
}
