/**
 * Who speaks: the one resolver quotes.ts uses for pronouns ("he", "she", "it", "they"), descriptions ("the
 * minister", "the 45-year-old") and speakers the text names but no earlier pass found ("“…,” Marlow said."). Pure.
 *
 * Gender, for "he"/"she": an honorific before the name ("Mr. Okafor", language.json `honorific_gender`), the
 * given name (names.json), a gendered role word ("spokeswoman", `gendered_roles`), and the pronouns already
 * resolved to the person. A pronoun takes the nearest compatible antecedent: the last speaker, unless a
 * compatible person was named in a later sentence than that speaker's cue (then that person).
 */
import { alt, altCi, escapeRe, once } from '../regex.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON, personKey } from './lexicon.ts';
import type { ArticleEntity, ArticleMentions, Mention } from './mentions.ts';
import type { Sentence } from './sentences.ts';
import { subjectEnds } from './clause.ts';

export type Gender = 'm' | 'f';

/** What the resolver knows of where a speaker was last named. */
export interface Antecedent {
  key: string;
  mention: Mention | null;
  /** Offset of the speech cue (or the mention) that made it the speaker. */
  at: number;
}

/** The resolver of one article. */
export interface SpeakerResolver {
  /** Records that pronoun `p` was taken to stand for `key` (learns the gender). */
  learn(key: string, p: string): void;
  /** The antecedent of pronoun `p` at offset `at`; `last` is the last speaker. */
  pronoun(p: string, at: number, last: Antecedent | null): Antecedent | null;
  /** The person a lower-case description ("the minister", "the retired judge", "the 45-year-old") ending at `end` stands for. */
  description(start: number, end: number, last: Antecedent | null): Antecedent | null;
}

/** One article's state while its speakers are resolved: the text, its mentions and entities, and the genders known. */
interface ResolverScope {
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  entities: Map<string, ArticleEntity>;
  /** False inside quotation marks. */
  outside: (pos: number) => boolean;
  lex: Lexicon;
  L: Lexicon['lang'];
  roleGender: Record<string, Gender>;
  pronounGender: Record<string, Gender>;
  /** Genders the text tells, and those learned from the pronouns resolved to a person. */
  known: Map<string, Gender>;
  learned: Map<string, Gender>;
}

/** Builds the resolver of one article; `outside(pos)` is false inside quotation marks. */
export function speakerResolver(text: string, sentences: Sentence[], mentions: Mention[], entities: Map<string, ArticleEntity>, outside: (pos: number) => boolean, lex: Lexicon = LEXICON): SpeakerResolver {
  const L = lex.lang;
  const roleGender = L.gendered_roles as Record<string, Gender>;
  const pronounGender = L.pronoun_gender as Record<string, Gender>;
  const learned = new Map<string, Gender>();
  const known = knownGenders(text, mentions, entities, lex);
  const rs: ResolverScope = { text, sentences, mentions, entities, outside, lex, L, roleGender, pronounGender, known, learned };
  return {
    learn(key, p) {
      learn(rs, key, p);
    },
    pronoun(p, at, last) {
      return pronounAntecedent(rs, p, at, last);
    },
    description(start, end, last) {
      return descriptionAntecedent(rs, start, end, last);
    },
  };
}

/** The genders the text tells: an entity's own, its given name, a gendered role word, an honorific before a mention. */
function knownGenders(text: string, mentions: Mention[], entities: Map<string, ArticleEntity>, lex: Lexicon): Map<string, Gender> {
  const L = lex.lang;
  const honorific = L.honorific_gender as Record<string, Gender>;
  const roleGender = L.gendered_roles as Record<string, Gender>;
  const known = new Map<string, Gender>();
  for (const e of entities.values()) {
    if (e.type !== 'person') continue;
    const given = lex.names.given.get(e.name.split(/\s+/)[0]!);
    const role = [...e.roles].map((r) => roleGender[r.split(/\s+/).pop()!]).find(Boolean);
    const g = e.gender ?? (given === 'm' || given === 'f' ? given : undefined) ?? role;
    if (g) known.set(e.key, g);
  }
  for (const m of mentions) {
    const h = /([\p{L}.]+)\s+$/u.exec(text.slice(Math.max(0, m.start - 12), m.start))?.[1];
    const g = h ? honorific[h] ?? honorific[h.replace(/\.$/, '')] : undefined;
    if (g && entities.get(m.key)?.type === 'person' && !known.has(m.key)) known.set(m.key, g);
  }
  return known;
}

/** The index of the sentence holding `pos` (a binary search over the sentence starts). */
function sentenceIndex(rs: ResolverScope, pos: number): number {
  const { sentences } = rs;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Gender of an entity, where the text tells or a pronoun taught it (`null`: unknown). */
function genderOf(rs: ResolverScope, key: string): Gender | null {
  return rs.known.get(key) ?? rs.learned.get(key) ?? null;
}

/** The entity types pronoun `p` may stand for (language.json `pronouns`). */
function typesOf(rs: ResolverScope, p: string): string[] {
  return (rs.L.pronouns as Record<string, string[]>)[p] ?? [];
}

/** Pronoun `p` may stand for `key`: its type fits, and its gender when both are known. */
function fits(rs: ResolverScope, key: string, p: string): boolean {
  const e = rs.entities.get(key);
  if (!e || !typesOf(rs, p).includes(e.type)) return false;
  const want = rs.pronounGender[p];
  const has = genderOf(rs, key);
  return !want || !has || want === has;
}

/** The nearest mention before `at`, outside quotation marks, that `ok` accepts. */
function nearest(rs: ResolverScope, at: number, ok: (m: Mention) => boolean): Mention | null {
  const { mentions, outside } = rs;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end <= at && outside(m.start) && ok(m)) return m;
  }
  return null;
}

/** Records that pronoun `p` was taken to stand for `key`: a person's gender, unless the text told it already. */
function learn(rs: ResolverScope, key: string, p: string): void {
  const g = rs.pronounGender[p];
  if (g && rs.entities.get(key)?.type === 'person' && !rs.known.has(key)) rs.learned.set(key, g);
}

/** The antecedent of pronoun `p` at `at`: `last` (the last speaker), unless a compatible actor was named in a later sentence. */
function pronounAntecedent(rs: ResolverScope, p: string, at: number, last: Antecedent | null): Antecedent | null {
  const { text, sentences, mentions, entities, outside } = rs;
  // A subject pronoun looks back past its own sentence: a name before it there stands in a clause of its
  // own ("If Trump loses, he said …" is not Trump).
  // (A sentence the splitter kept whole after an abbreviation, "in Washington D.C. He said …", ends there too.)
  const sentenceStart = sentences[sentenceIndex(rs, at)]!.start;
  const stop = /[.!?]["”’]?\s+(?=\p{Lu}[^.!?]*$)/u.exec(text.slice(sentenceStart, at + 1));
  const own = stop ? sentenceStart + stop.index + stop[0].length : sentenceStart;
  let candidate = nearest(rs, Math.min(at, own), (m) => fits(rs, m.key, p));
  // Within the sentence of the nearest candidate, its subject wins over an object ("Romney ran … and
  // accused Obama …. He pledged …" is Romney).
  if (candidate) {
    const si = sentenceIndex(rs, candidate.start);
    const sentence = sentences[si]!;
    const subject = mentions.find((m) => m.start >= sentence.start && m.start < candidate!.start && outside(m.start) && fits(rs, m.key, p) && /^(?:[^,]{0,60},\s+)?(?:[\p{L}’'.-]+\s+){0,3}$/u.test(text.slice(sentence.start, m.start)));
    if (subject) candidate = subject;
  }
  const lastOk = last && fits(rs, last.key, p) ? last : null;
  // "it": an organisation before a country mentioned in passing (an agency speaks more often than a country).
  const org = !typesOf(rs, p).includes('person') ? nearest(rs, Math.min(at, own), (m) => entities.get(m.key)?.type === 'organization') : null;
  if (lastOk && (!candidate || candidate.key === lastOk.key || sentenceIndex(rs, candidate.start) <= sentenceIndex(rs, lastOk.at))) return lastOk;
  const m = org && (!candidate || sentenceIndex(rs, org.start) >= sentenceIndex(rs, candidate.start) - 1) ? org : candidate;
  return m ? { key: m.key, mention: m, at: m.start } : lastOk;
}

/** The person a lower-case description ("the minister", "the 45-year-old") from `start` to `end` stands for. */
function descriptionAntecedent(rs: ResolverScope, start: number, end: number, last: Antecedent | null): Antecedent | null {
  const { text, entities, lex, roleGender } = rs;
  const words = text.slice(start, end).toLowerCase().split(/\s+/).filter((w) => w !== 'the');
  const noun = words[words.length - 1] ?? '';
  const gender = roleGender[noun];
  const personal = /^\d+-year-old$/.test(noun) || lex.names.personWords.has(noun) || !!gender;
  if (!personal) return null;
  // A role the person was named with wins ("the minister" → the one titled minister), else the last speaker, else the nearest person.
  const byRole = nearest(rs, start, (m) => personOf(rs, m.key, gender) && [...(entities.get(m.key)?.roles ?? [])].some((r) => r === noun || r.endsWith(` ${noun}`)));
  if (byRole) return { key: byRole.key, mention: byRole, at: byRole.start };
  if (last && personOf(rs, last.key, gender)) return last;
  const m = nearest(rs, start, (x) => personOf(rs, x.key, gender));
  return m ? { key: m.key, mention: m, at: m.start } : null;
}

/** `key` is a person a description of `gender` (a gendered role word, else any) may stand for. */
function personOf(rs: ResolverScope, key: string, gender: Gender | undefined): boolean {
  const e = rs.entities.get(key);
  if (e?.type !== 'person') return false;
  const g = genderOf(rs, key);
  return !gender || !g || g === gender;
}

/**
 * Adds the speakers the text names but no earlier pass found or typed a person: the capitalised subject of a
 * speech verb ("Wrona warned that …", "“…,” Marlow said", "said Takeda."). A single word found only as an
 * organisation by its use as a speaker becomes a person when it attributes a direct quote or a pronoun "he"/"she"
 * refers back to it; a word the article also writes in lower case, a plural at a sentence's start ("Critics
 * say"), a role or function word is no name. Returns new mention and entity collections (the input is kept).
 */
export function discoverSpeakers(text: string, found: ArticleMentions, lex: Lexicon = LEXICON): ArticleMentions {
  const L = lex.lang;
  const N = lex.names;
  const cue = once(lex, 'speakers.ts:cue', () => alt(L.speech_cues));
  // "Marlow", "McBride", "O’Neill", "Anna-Lena Berg": capitalised words, a second capital after "Mc", "O’", "De".
  const WORD = "\\p{Lu}[\\p{Ll}’'-]*(?:\\p{Lu}[\\p{Ll}’'-]*)?\\p{Ll}";
  const NAME = `${WORD}(?:[\\s-]${WORD}){0,2}`;
  const subjectRe = once(lex, 'speakers.ts:subject', () => new RegExp(`(?<![\\p{L}\\p{N}’'.-])(?<name>${NAME})(?:,[^,.;“”"]{2,90},)?\\s+(?:also\\s+|later\\s+|then\\s+|once\\s+|\\p{Ll}+ly\\s+)?(?:${cue})\\b`, 'gu'));
  const invertedRe = once(lex, 'speakers.ts:inverted', () => new RegExp(`[,”"’]\\s*(?:${cue})\\s+(?<name>${NAME})(?=\\s*[.,;]|$)`, 'gu'));
  // The text's lower-case words, read only once a candidate name needs them (most articles have none left to test).
  let lowerWords: Set<string> | null = null;
  const lowerSeen = (w: string) => (lowerWords ??= new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}’'-]*/gu) ?? [])).has(w);
  const mentions = [...found.mentions];
  const entities = new Map(found.entities);
  const byStart = new Map(mentions.map((m) => [m.start, m]));
  const covered = (s: number, e: number) => mentions.some((m) => m.start < e && m.end > s);
  const retype = new Set<string>();
  const afterQuote = (pos: number) => /[”"’],?\s*$/u.test(text.slice(Math.max(0, pos - 4), pos));
  const consider = (name: string, start: number, direct: boolean) => {
    const end = start + name.length;
    const m = byStart.get(start);
    if (m) {
      const e = entities.get(m.key);
      // A single word typed an organisation only by its use ("Takeda said"): a person when it attributes a direct quote.
      if (direct && e && e.type === 'organization' && !e.kind && !lex.surfaces.has(e.name) && !e.name.includes(' ') && m.end === end) retype.add(m.key);
      return;
    }
    if (covered(start, end)) return;
    const words = name.split(/\s+/);
    const first = words[0]!;
    const lower = first.toLowerCase();
    const sentenceStart = /(?:^|[.!?]["”’]?\s+|\n)$/u.test(text.slice(Math.max(0, start - 3), start));
    if (N.functionWords.has(lower) || N.notName.has(first) || lowerSeen(lower) || N.personWords.has(lower) || N.personWords.has(lower.replace(/s$/, '')) || lex.demonyms.has(lower) || lex.surfaces.has(name)) return;
    if (Object.hasOwn(L.group_nouns, lower) || lex.groups.sectors.has(lower) || words.some((w) => N.orgHeads.has(w) || N.mediaHeads.has(w))) return;
    if (sentenceStart && words.length === 1 && /s$/.test(first) && !direct) return;
    const key = `person:${personKey(name)}`;
    if (!entities.has(key)) entities.set(key, { key, name, type: 'person', country: null, cameo: null, roles: new Set() });
    const men: Mention = { key, start, end, text: name, kind: 'name' };
    mentions.push(men);
    byStart.set(start, men);
  };
  // "Ms. Kelvary", "Mr Ostrander": an honorific makes the next capitalised word a person's name.
  const honorificRe = once(lex, 'speakers.ts:honorific', () => new RegExp(`\\b(?:${Object.keys(L.honorific_gender).map(escapeRe).join('|')})\\s+(?<name>${WORD})(?![\\p{L}-])`, 'gu'));
  for (const m of text.matchAll(honorificRe)) consider(m.groups!['name']!, m.index + m[0].length - m.groups!['name']!.length, true);
  for (const m of text.matchAll(subjectRe)) consider(m.groups!['name']!, m.index, afterQuote(m.index));
  for (const m of text.matchAll(invertedRe)) consider(m.groups!['name']!, m.index + m[0].length - m.groups!['name']!.length, /^[”"’]/u.test(m[0]) || /[”"’],?\s*$/u.test(text.slice(Math.max(0, m.index - 2), m.index + 1)));
  // Later occurrences of a discovered name (a surname used again) are mentions too.
  const discovered = [...entities.values()].filter((e) => !found.entities.has(e.key));
  for (const e of discovered) {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}’'-])${escapeRe(e.name)}(?![\\p{L}\\p{N}-])`, 'gu'))) {
      if (!covered(m.index, m.index + e.name.length)) mentions.push({ key: e.key, start: m.index, end: m.index + e.name.length, text: e.name, kind: 'name' });
    }
  }
  for (const key of retype) {
    const e = entities.get(key)!;
    const person = `person:${personKey(e.name)}`;
    entities.delete(key);
    entities.set(person, { ...e, key: person, type: 'person', country: e.country, cameo: null });
    for (let i = 0; i < mentions.length; i++) if (mentions[i]!.key === key) mentions[i] = { ...mentions[i]!, key: person };
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, entities };
}

/**
 * A subject no mention names, as words: "those surveyed", "a third source", "42%", "The two voters", "a
 * Democratic staffer in the room", ending right before `pos` (a speech verb) and not before `floor`. Only at a
 * clause start: a determiner, number or capital first, at most six words, no "-ing" word last, no function
 * word but determiners and prepositions inside.
 */
export function plainSubject(text: string, pos: number, floor: number, lex: Lexicon = LEXICON): string | null {
  const pre = text.slice(floor, pos);
  const end = subjectEnds(pre)[0] ?? pre.length;
  const det = once(lex, 'speakers.ts:determiners', () => new Set(lex.lang.subject_determiners));
  const re = once(lex, 'speakers.ts:plainSubject', () => new RegExp(`(?:^\\s*|[,;:]\\s+|[”"]\\s*|\\b(?:and|but|that|as|while)\\s+)((?:${altCi(lex.lang.subject_determiners)}|\\d[\\d,.]*%?|\\p{Lu}[\\p{L}’'-]*|\\p{Ll}+-\\p{Ll}+|\\p{Ll}{3,}s)(?:\\s+[\\p{L}\\d%’'-]+){0,5})$`, 'u'));
  // A pronoun the resolver could not tie to an actor is still the subject: "He recalled that …".
  const pron = /(?:^|[,;:”"]\s*|[.!?]\s+|\b(?:and|but)\s+)(he|she|they|we|I|He|She|They|We)$/u.exec(pre.slice(0, end));
  if (pron) return pron[1]!;
  const m = re.exec(pre.slice(0, end).replace(/\s+here$/u, ''));
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  const last = words[words.length - 1]!;
  if (words.length === 1 && (det.has(last.toLowerCase()) || lex.names.functionWords.has(last.toLowerCase()))) return null;
  // No verb, pronoun or clause word inside: "those surveyed", "About 9 percent", not "It is" or "which was".
  const clauseWords = once(lex, 'speakers.ts:clauseWords', () => new Set(lex.lang.clause_words));
  if (/ing$/.test(last) || words.some((w) => clauseWords.has(w.toLowerCase()))) return null;
  return m[1]!;
}
