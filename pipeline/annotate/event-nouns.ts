/**
 * Acts named by a noun ("the summit between X and Y", "X's visit to Y"), and the date of a trigger's clause (events.ts).
 */
import eventRules from '../lexicon/event-rules.json' with { type: 'json' };
import { alt } from '../regex.ts';
import type { CameoPattern } from './cameo.ts';
import type { Mention } from './mentions.ts';
import type { Sentence } from './sentences.ts';
import { typeOf, clauseStart, sentenceTimes } from './event-scope.ts';
import type { Scope } from './event-scope.ts';
import { subjects } from './event-subjects.ts';
import { subjectEnds } from './clause.ts';
import { objectsFrom, placeAfter, lastPlace, demonymBefore } from './event-slots.ts';
import { DETERMINERS, BOUNDARY_WORDS, hostile, PASSIVE, LIGHT_VERBS, STATIVE, CULPRIT_PHRASE } from './event-grammar.ts';

/** Roots of material cooperation and aid (06, 07), whose noun a nationality adjective may head ("Russian aid to Syria"). */
const MATERIAL = /^0[67]/u;
/** Roots of violence (18-20): assault, fight, mass violence. */
const VIOLENCE = /^(?:1[89]|20)/u;
/** A word that makes an act not (yet) done ("would", "not", "to"), between a subject and its verb. */
const NOT_DONE_WORD = new RegExp(`(?<![\\p{L}])(?:${alt(eventRules.not_done_markers)})(?![\\p{L}])`, 'u');
/** A participle clause set off by commas at the end of a subject (not "including …", which lists members). */
const PARTICIPLE_CLAUSE = /,\s*(?!including\b)\p{Ll}{3,}(?:ing|ed)\b[^,;]{0,80},?\s*$/u;
/** The root of protests: a nationality adjective before one names the people protesting ("Palestinian riots"). */
const PROTEST_ROOT = '14';

const NOUN_PREPOSITIONS: ReadonlySet<string> = new Set(eventRules.noun_prepositions);
const PARTICIPATION: ReadonlySet<string> = new Set(eventRules.participation_words);

/** The same before a noun trigger and its modifiers: "is responsible for (the) mass killings". */
const CULPRIT_NOUN = new RegExp(String.raw`${CULPRIT_PHRASE}(?:[\p{L}\p{N}’'-]+\s+){0,3}$`, 'u');

/** Source and targets of a noun trigger ("the summit between X and Y", "their talks", "X's visit to Y"). */
export function nounActors(c: Scope, s: Sentence, tStart: number, tEnd: number, p: CameoPattern, found: Mention[]): { sources: Mention[]; targets: Mention[] } {
  const { text, index } = c;
  let sources: Mention[] = [];
  let targets = found;
  const after = text.slice(tEnd, s.end);
  const between = /^[^.;]{0,40}?\bbetween\s+/u.exec(after);
  const withX = /^[^.;]{0,30}?\bwith\s+/u.exec(after);
  const byX = /^[^.;]{0,30}?\bby\s+/u.exec(after);
  const toX = /^[^.;]{0,30}?\bto\s+/u.exec(after);
  const head = text.slice(Math.max(s.start, tStart - 40), tStart);
  if (between) {
    const both = objectsFrom(c, tEnd + between[0].length, s.end);
    return { sources: both.slice(0, 1), targets: both.slice(1, 2) };
  }
  if (/\btheir\s+(?:[\p{L}-]+\s+){0,2}$/u.test(head)) {
    // "their summit": the two actors joined by "and" before it in the sentence.
    const pairs = index.within(s.start, tStart);
    for (let i = pairs.length - 1; i > 0; i--) {
      if (/^\s+and\s+(?:the\s+)?$/u.test(text.slice(pairs[i - 1]!.end, pairs[i]!.start))) return { sources: [pairs[i - 1]!], targets: [pairs[i]!] };
    }
    return { sources: [], targets: [] };
  }
  const owner = /([\p{L}.’'-]+)['’]s\s+(?:[\p{L}-]+\s+){0,2}$/u.exec(head);
  const ownerMention = owner ? index.endingAt(tStart - head.length + owner.index + owner[1]!.length, 0) : undefined;
  const lightVerb = nounPhraseStart(c, s, tStart);
  const culprit = hostile(p.code) ? CULPRIT_NOUN.exec(head) : null;
  const modifier = byX || ownerMention ? undefined : premodifier(c, s, tStart, p, targets);
  if (byX) sources = objectsFrom(c, tEnd + byX[0].length, s.end).slice(0, 1);
  else if (ownerMention) sources = [ownerMention];
  else if (modifier) sources = [modifier];
  // "X is responsible for the bombing": X did it (see CULPRIT, read in actorsOf of events.ts).
  else if (culprit) sources = subjects(c, tStart - head.length + culprit.index, s)?.list ?? [];
  else if (lightVerb !== null && passiveAt(c, s, lightVerb)) {
    // "Three soldiers were killed in a car bombing": the subject of a passive verb is what the act was done to,
    // never its source; its agent is ("were killed by Hamas in a car bombing"). No agent, no source: no event.
    const agent = /^\S+\s+by\s+/u.exec(text.slice(lightVerb, tStart));
    sources = agent ? objectsFrom(c, lightVerb + agent[0].length, tStart).slice(0, 1) : [];
  } else if (lightVerb !== null && !governsNoun(c, lightVerb, tStart)) {
    // "protested against the visit", "commented on the talks": the verb's subject speaks about the act, it does
    // not do it; "took part in the talks", "joined in the attack" it does.
    sources = [];
  } else if (lightVerb !== null && subjects(c, lightVerb, s)) sources = subjects(c, lightVerb, s)!.list;
  else if (targets.length) {
    // Otherwise, for a meeting with someone, the nearest person named before it ("Kim said … at a meeting with …").
    const person = index.within(s.start, tStart).filter((x) => typeOf(c, x.key) === 'person').pop();
    sources = person ? [person] : [];
  }
  if (!targets.length && withX) targets = objectsFrom(c, tEnd + withX[0].length, s.end);
  else if (!targets.length && p.code.startsWith('042')) {
    const to = toX ? tEnd + toX[0].length : -1;
    const t = (toX ? (objectsFrom(c, to, Math.min(s.end, to + 40))[0] ?? placeAfter(c, to, s.end)) : undefined) ?? lastPlace(c, tStart);
    targets = t ? [t] : [];
  }
  return { sources, targets };
}

/**
 * An actor named right before the noun, in its noun phrase, is the one who acts: "US drone strikes on Yemen",
 * "Hamas rocket attacks". A country's name there is as often what the act is aimed at or where it happens ("the
 * Gaza strikes", "Ukraine aid"), so it is the source only when the pattern has its target after the noun; an
 * organisation or group is the source of a hostile act (CAMEO 13-20) without one. Not after "anti-" or "pro-"
 * ("anti-US protests" are not the United States').
 */
function premodifier(c: Scope, s: Sentence, tStart: number, p: CameoPattern, targets: Mention[]): Mention | undefined {
  const { text, index } = c;
  const head = /(?:^|\s)((?:[\p{L}-]+\s+){0,2})$/u.exec(text.slice(Math.max(s.start, tStart - 40), tStart));
  if (!head) return undefined;
  const words = head[1]!.trim().split(/\s+/u).filter(Boolean);
  // The modifiers between the name and the noun: no determiner, clause word or verb form among them.
  for (let n = 0; n <= words.length; n++) {
    const between = words.slice(words.length - n);
    if (between.some((w) => DETERMINERS.has(w.toLowerCase()) || BOUNDARY_WORDS.has(w.toLowerCase()) || /^\p{Ll}+(?:ed|ing)$/u.test(w))) return undefined;
    const end = tStart - between.join(' ').length - (n ? 1 : 0) - 1;
    const named = index.endingAt(end, s.start);
    // A nationality adjective is the source of a hostile or material act aimed at a target after the noun
    // ("Israeli air strikes on Gaza", "Russian aid to Syria"), or of a protest ("Palestinian riots against …").
    const protest = p.code.startsWith(PROTEST_ROOT);
    const m = named ?? ((targets.length && (hostile(p.code) || MATERIAL.test(p.code))) || protest ? demonymBefore(c, s.start, end, protest) : undefined);
    if (!m) continue;
    if (/(?:anti|pro)-?\s*$/iu.test(text.slice(Math.max(s.start, m.start - 5), m.start)) || targets.some((t) => t.key === m.key)) return undefined;
    const type = typeOf(c, m.key);
    if (targets.length ? true : hostile(p.code) && (type === 'organization' || type === 'group')) return m;
    return undefined;
  }
  return undefined;
}

/**
 * The actor owning a violent act's noun (roots 18-20) that is the subject of a violent verb: "Israeli air strikes
 * killed 20 Palestinians", "US drone attacks have killed five Taliban fighters". The noun's own premodifier is the
 * source (see premodifier), so only with a target after the verb: "the Gaza strikes killed 20 people" names no doer.
 */
export function actOwner(c: Scope, s: Sentence, pos: number, p: CameoPattern, targets: Mention[]): { owner: Mention; code: string } | undefined {
  const { text, cameo } = c;
  if (!targets.length || !VIOLENCE.test(p.code)) return undefined;
  // The verb may not be a hostile noun itself: in "air strikes killed …" the verb is "killed", not "strikes".
  const verb = /^\p{L}+/u.exec(text.slice(pos, s.end))?.[0].toLowerCase() ?? '';
  if ((cameo.triggers.get(verb) ?? []).some((e) => e.form === 'noun')) return undefined;
  const pre = text.slice(s.start, pos);
  for (const end of subjectEnds(pre)) {
    // Only an act done: "… strikes would kill", "… strikes did not kill" are no act of anyone's.
    if (NOT_DONE_WORD.test(pre.slice(end))) return undefined;
    // A participle clause may close the subject: "US drone attacks, carried out almost weekly, have killed".
    const head = pre.slice(0, end).replace(PARTICIPLE_CLAUSE, '');
    const word = /(?:^|\s)(\p{Ll}+)$/u.exec(head)?.[1];
    const code = word ? actCode(c, head, word) : undefined;
    const owner = code ? premodifier(c, s, s.start + head.length - word!.length, p, targets) : undefined;
    if (owner) return { owner, code: code! };
  }
  return undefined;
}

/**
 * The code of a violent act's noun ending `head`: a modifier's own two-word pattern first ("air strikes" 195,
 * "drone strikes" 1952), else the noun's ("attacks" 190, "shelling" 194); undefined for no violent act's noun.
 */
function actCode(c: Scope, head: string, noun: string): string | undefined {
  const { cameo } = c;
  const violent = (w: string) => (cameo.triggers.get(w) ?? []).filter((e) => e.form === 'noun' && VIOLENCE.test(e.pattern.code));
  const own = violent(noun);
  if (!own.length) return undefined;
  const lemmas = cameo.lemmas.lemmasOf(noun);
  const modifier = /(?:^|\s)(\p{Ll}+)\s+\p{Ll}+$/u.exec(head)?.[1];
  const pair = modifier ? violent(modifier).find((e) => e.pattern.rest.length === 1 && lemmas.some((l) => e.pattern.rest[0]!.set.has(l))) : undefined;
  return (pair ?? own[0]!).pattern.code;
}

/** Does the verb at `pos` take the noun at `tStart` as its object, not through a preposition ("protested against the visit") other than after a verb of taking part ("took part in", "joined in")? */
function governsNoun(c: Scope, pos: number, tStart: number): boolean {
  const words = c.text.slice(pos, tStart).toLowerCase().split(/\s+/u).filter(Boolean);
  const k = words.findIndex((w, n) => n > 0 && NOUN_PREPOSITIONS.has(w));
  return k < 0 || PARTICIPATION.has(words[k - 1]!);
}

/** Is the verb at `pos` a passive participle ("were killed", "was hit"), not a stative one ("were engaged in")? */
export function passiveAt(c: Scope, s: Sentence, pos: number): boolean {
  const { text } = c;
  const word = /^\p{L}+/u.exec(text.slice(pos, s.end))?.[0].toLowerCase() ?? '';
  return PASSIVE.test(text.slice(Math.max(s.start, pos - 40), pos)) && !STATIVE.has(word);
}

/**
 * Where the verb governing a noun trigger stands ("Israel *mounted* its invasion", "staged a hunger strike"):
 * the word before the noun phrase (at most three words of determiners and modifiers), when it is a verb form
 * of the sentence's clause; null when the noun opens the clause or follows a preposition.
 */
export function nounPhraseStart(c: Scope, s: Sentence, tStart: number): number | null {
  const { text } = c;
  const m = /(?:^|\s)(\p{Ll}+)\s+(?:[\p{L}\p{N}’'-]+\s+){0,3}$/u.exec(text.slice(Math.max(s.start, tStart - 60), tStart));
  if (!m) return null;
  const word = m[1]!;
  if (DETERMINERS.has(word) || BOUNDARY_WORDS.has(word) || !/(?:ed|s)$/.test(word) && !LIGHT_VERBS.has(word)) return null;
  return tStart - (text.slice(Math.max(s.start, tStart - 60), tStart).length - m.index - m[0].indexOf(word));
}

/** The date of the trigger's own clause (nearest first), else the nearest one after it in the sentence. */
export function timeOf(c: Scope, s: Sentence, tStart: number, tEnd: number, limit: number) {
  const { text } = c;
  const times = sentenceTimes(c, s).list;
  const cStart = clauseStart(c, tStart, s);
  const dist = (t: { start: number }) => Math.abs(s.start + t.start - tStart);
  const inClause = times.filter((t) => s.start + t.start >= cStart && s.start + t.start < limit).sort((a, b) => Number(b.explicit) - Number(a.explicit) || dist(a) - dist(b));
  // A "when" clause shares the time of the clause it hangs on: "made the remarks on Thursday when he met".
  const simultaneous = /\bwhen\s+$/u.test(text.slice(s.start, cStart));
  return inClause[0] ?? times.filter((t) => s.start + t.start > tEnd).sort((a, b) => dist(a) - dist(b))[0] ?? (simultaneous ? times.filter((t) => s.start + t.end <= cStart).sort((a, b) => dist(a) - dist(b))[0] : undefined);
}
