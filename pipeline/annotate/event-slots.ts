/**
 * What a pattern's further words and target slot match after its trigger (events.ts): objects, places standing
 * for their country, amounts, and whether a word is used as a noun.
 */
import eventRules from '../lexicon/event-rules.json' with { type: 'json' };
import { once } from '../regex.ts';
import type { CameoLexicon, CameoPattern } from './cameo.ts';
import type { Mention } from './mentions.ts';
import { insideName } from './mentions.ts';
import type { Sentence } from './sentences.ts';
import { entityOf, typeOf, lemmasAt, limitAt, sentenceTimes } from './event-scope.ts';
import type { Token, Scope } from './event-scope.ts';
import { objectPronoun, participleOf, subjects } from './event-subjects.ts';
import { DETERMINERS, BOUNDARY_WORDS, LIGHT_VERBS, CLAIM_TAIL } from './event-grammar.ts';
import type { Match } from './event-grammar.ts';

const CURRENCY = /^[$€£¥%]$/u;
const QUOTE_MARK = /^["“”‘]$/u;
const ABSTRACT_OBJECTS = new Set(eventRules.abstract_objects);
const QUANTITY_LEAD = new Set(eventRules.quantity_leads);
const HUMAN_OBJECTS: ReadonlySet<string> = new Set(eventRules.human_objects);
const ACTOR_HEAD_WORDS: ReadonlySet<string> = new Set(eventRules.actor_heads);
/** Personal pronouns (language.json `pronouns`, read from the lexicon in use) and the actor types each may stand for. */
const pronouns = (c: Scope) => c.lex.lang.pronouns as Record<string, string[]>;
/** Roots of violence (18-20): assault, fight, mass violence. */
const VIOLENCE_ROOT = /^(?:1[89]|20)/u;
const QUANTITY_UNITS = new Set(eventRules.quantity_units);
const NUMBER_WORDS: ReadonlySet<string> = new Set(eventRules.number_words);
/** Roots of force and violence (15-20), whose verbs also take ideas as objects ("attacked the plan"). */
const FORCE_ROOT = /^(?:1[5-9]|20)/u;
/** "'s" and the head noun after at most two modifiers: "Washington's [latest] decision". */
const POSSESSED = /^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}[\p{Ll}-]+)(?=\s*(?:[,.;:]|$|\s(?:to|on|of|for|in|at|with|over|against|and|that|from|by)\b))/u;
const PURPOSE_CODES: ReadonlySet<string> = new Set(eventRules.purpose_codes);
/** Aim lemma → the fourth digit it gives a protest code (the first class listing a lemma wins). */
const purposeAims = (cameo: CameoLexicon): Map<string, string> =>
  once(cameo, 'events.ts:purposeAims', () => {
    const out = new Map<string, string>();
    for (const [digit, name] of Object.entries(eventRules.purpose_aims)) {
      const words = cameo.classes.get(name);
      if (!words) throw new Error(`pipeline/lexicon/event-rules.json purpose_aims: no word class "${name}" in pipeline/lexicon/cameo/`);
      for (const w of words) if (!out.has(w)) out.set(w, digit);
    }
    return out;
  });
/** Object pronouns a pattern's target slot may hold, and the kind of actor each refers to. */
const OBJECT_PRONOUN: Record<string, 'person' | 'group'> = { him: 'person', her: 'person', them: 'group' };
/** A preposition before a name that makes it the place where something happens ("met in Beijing", "drills near Finland"). */
const PLACE_LEAD = /\b(?:in|at|on|near|from|outside|inside|around)\s+(?:the\s+)?$/u;
/** Global, used only by lastPlace, synchronously (lastIndex reset before each scan). */
const PLACE_PREP = /\b(?:in|to|at)\s+/gu;
const VERBAL_ATTACK: ReadonlySet<string> = new Set(eventRules.verbal_attack_lemmas);
const NOUN_PREPOSITIONS: ReadonlySet<string> = new Set(eventRules.noun_prepositions);
const RELATIVE: ReadonlySet<string> = new Set(eventRules.relative_pronouns);
const DOCUMENT_VERBS: ReadonlySet<string> = new Set(eventRules.document_verbs);
const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(eventRules.document_nouns);
/** The noun right after an actor's name, maybe after "'s" and one modifier: "UN report", "Kenya's latest statement". */
const AUTHORED = /^(?:['’]s)?\s+(\p{Ll}[\p{Ll}-]*)(?:\s+(\p{Ll}+)\b)?/u;

/** Is the token at `i` used as a noun (a determiner, possessive or number before it)? */
export function nounContext(c: Scope, toks: Token[], i: number): boolean {
  const { text, cameo, mentionAt, mentionEndingAt } = c;
  const prev = toks[i - 1];
  // Nothing before it could be a subject: "Mass rallies against …", "Talks between …".
  if (!prev || (i === 1 && !mentionAt.has(prev.start) && /^\p{Lu}/u.test(text.slice(prev.start, prev.end)))) return true;
  // "US support for Ukraine": a base form right after a lone actor name is a noun (the verb would be "supports").
  const owner = mentionEndingAt.get(prev.end);
  // Not after a plural subject: "The Palestinians reject …", "Rebels seize …".
  const plural = owner && typeOf(c, owner.key) === 'group' && /s$/u.test(owner.text);
  if (owner && !plural && !/\band\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, owner.start - 10), owner.start)) && !cameo.triggers.get(toks[i]!.lower)?.some((e) => e.form === 'past' || e.form === 's')) return true;
  if (DETERMINERS.has(prev.lower) || /^\p{N}/u.test(prev.lower)) return true;
  // No finite verb follows a preposition: "responsible for mass killings" ("mass" is no verb there).
  if (NOUN_PREPOSITIONS.has(prev.lower)) return true;
  // "an Israeli airstrike", "a September summit", "the two-day visit": a modifier after a determiner; but a
  // plural group after "the" is a whole subject, whose verb has the base form ("The Palestinians reject …").
  // "that he urges …": a personal pronoun is the verb's subject, not a modifier after the determiner.
  const prev2 = toks[i - 2];
  return !!prev2 && DETERMINERS.has(prev2.lower) && !prev.punct && !plural && !(Object.hasOwn(pronouns(c), prev.lower) && !DETERMINERS.has(prev.lower));
}

/** An actor followed by "'s" and an abstract noun (its decision, its bid, its plan). */
export function possessorOnly(c: Scope, m: Mention): boolean {
  const { text } = c;
  const head = POSSESSED.exec(text.slice(m.end, m.end + 60));
  if (!head) return false;
  return ABSTRACT_OBJECTS.has(head[1]!.toLowerCase());
}

/**
 * Is the actor in a target slot only the owner or author of what the verb acts on? "attacked Washington's
 * decision", "killed Britain's bid": force used on an actor's idea is no force on the actor. "released a UN report",
 * "issued Kenya's statement": a document verb's object is the document, not its author.
 */
function ideaOf(c: Scope, p: CameoPattern, m: Mention): boolean {
  if (FORCE_ROOT.test(p.code) && possessorOnly(c, m)) return true;
  if (!p.trigger.some((l) => DOCUMENT_VERBS.has(l))) return false;
  const words = AUTHORED.exec(c.text.slice(m.end, m.end + 40))?.slice(1) ?? [];
  return words.some((w) => !!w && (DOCUMENT_NOUNS.has(w) || ABSTRACT_OBJECTS.has(w)));
}

/** Actors after `from` in the clause: the first, and any joined to it by "and" or commas. */
export function objectsFrom(c: Scope, from: number, limit: number): Mention[] {
  const { text, index } = c;
  const out: Mention[] = [];
  const inRange = index.within(from, limit);
  for (const [i, m] of inRange.entries()) {
    // "U.S. President Donald Trump", "North Korea’s Foreign Minister Ri Yong-ho": the person, not the country.
    const next = inRange[i + 1];
    if (typeOf(c, m.key) === 'country' && next && typeOf(c, next.key) === 'person' && /^(?:['’]s)?\s+(?:[\p{L}.-]+\s+){1,3}$/u.test(text.slice(m.end, next.start))) continue;
    // Coordination may carry a title: "Kim and Russian President Vladimir Putin"; a comma joins only in a
    // list that goes on ("X, Y and Z"), not before a new clause ("Lavrov, state media KCNA reported").
    if (out.length) {
      const gap = text.slice(out[out.length - 1]!.end, m.start);
      const joined = /^,?\s+and\s+(?:the\s+)?(?:[\p{L}.-]+\s+){0,3}$/u.test(gap) || (/^,\s*(?:the\s+)?$/u.test(gap) && /^\s*(?:,|and\b)/u.test(text.slice(m.end, m.end + 5)));
      if (!joined) break;
    }
    if (!out.length) {
      // Before the first object: a short noun-phrase lead ("the", "his North Korean counterpart,"), not a
      // new conjunct (", and Russia have demanded …").
      const gap = text.slice(from, m.start);
      if (gap.length > 60 || /,\s+and\s/u.test(gap)) break;
    }
    out.push(m);
  }
  return out;
}

export function placeAfter(c: Scope, from: number, limit: number): Mention | undefined {
  const { text, entities, lex, placeCandidates, candidateEntities, index } = c;
  const m = lex.surfaceMatch.from(text, from, limit);
  if (!m) return undefined;
  const surface = lex.surfaces.get(m.text)!;
  // Only a country's name or capital stands for it; an organisation or person of that country does not.
  const country = surface.entry.type === 'country' && surface.entry.country ? lex.countryByIso.get(surface.entry.country) : undefined;
  if (!country) return undefined;
  // A surface inside a longer mention is part of that name ("… Europe/Radio Liberty"), not a place of its own, nor
  // is one inside a place's name ("the Gulf of Mexico", "the South China Sea").
  if (index.covering(m.index) || insideName(text, m.index, m.index + m.text.length)) return undefined;
  const existing = index.startingAt(m.index);
  if (existing) return entityOf(c, existing.key)?.type === 'country' ? existing : undefined;
  // A candidate until an event takes it (adopt): a pattern tried and dropped leaves no mention and no actor.
  if (!entities.has(country.key) && !candidateEntities.has(country.key)) candidateEntities.set(country.key, { key: country.key, name: country.name, type: 'country', country: country.country, cameo: country.cameo, roles: new Set() });
  let pm = placeCandidates.get(m.index);
  if (!pm) placeCandidates.set(m.index, (pm = { key: country.key, start: m.index, end: m.index + m.text.length, text: m.text, kind: 'metonym' }));
  return pm;
}

/**
 * A nationality adjective ending at `end` ("Israeli air strikes", "Palestinian riots") as a candidate actor, as
 * placeAfter makes one for a place: its country, or for a protest (CAMEO 14) the people of that country (as
 * groups.ts names "Palestinians"), adopted only when an event takes it. Not a country's name (that is a mention
 * already), nor a hyphenated word ("anti-Israeli", "Israeli-Palestinian"), nor one of coordinated adjectives
 * ("Israeli and Palestinian", "US and British": both sides would be meant).
 */
export function demonymBefore(c: Scope, start: number, end: number, protest: boolean): Mention | undefined {
  const { text, entities, lex, placeCandidates, candidateEntities, index } = c;
  const m = /(?:^|[^\p{L}\p{N}’'-])((?:\p{Lu}\p{Ll}+\s)?\p{Lu}\p{Ll}{3,})$/u.exec(text.slice(Math.max(start, end - 40), end));
  if (!m) return undefined;
  const words = m[1]!.split(' ');
  // "North Korean" before "Korean"; a lone word otherwise.
  const word = words.length > 1 && lex.demonyms.has(m[1]!.toLowerCase()) ? m[1]! : words.at(-1)!;
  const at = end - word.length;
  const iso = lex.demonyms.get(word.toLowerCase());
  const country = iso ? lex.countryByIso.get(iso) : undefined;
  if (!country || lex.surfaces.has(word) || index.covering(at)) return undefined;
  if (/(?:\b(?:and|or)|[,/&])\s*$/u.test(text.slice(Math.max(start, at - 6), at))) return undefined;
  const plural = /(?:an|i)$/u.test(word) ? `${word}s` : `${word} people`;
  const entity = protest
    ? { key: `group:${country.country}:people`, name: plural, type: 'group' as const, country: country.country, cameo: null, roles: new Set<string>() }
    : { key: country.key, name: country.name, type: 'country' as const, country: country.country, cameo: country.cameo, roles: new Set<string>() };
  if (!entities.has(entity.key) && !candidateEntities.has(entity.key)) candidateEntities.set(entity.key, entity);
  let pm = placeCandidates.get(at);
  if (!pm || pm.key !== entity.key) placeCandidates.set(at, (pm = { key: entity.key, start: at, end, text: word, kind: protest ? 'name' : 'metonym' }));
  return pm;
}

/** The last place named before `pos` in this or the previous sentence (where a trip without "to X" went). */
export function lastPlace(c: Scope, pos: number): Mention | undefined {
  const { text, sentences, lex } = c;
  const si = sentences.findIndex((x) => pos >= x.start && pos < x.end);
  const floor = sentences[Math.max(0, si - 1)]?.start ?? 0;
  // "in|to|at", then a gazetteer name right after it.
  const span = text.slice(floor, pos);
  let found: Mention | undefined;
  PLACE_PREP.lastIndex = 0;
  for (let m = PLACE_PREP.exec(span); m; m = PLACE_PREP.exec(span)) {
    const name = lex.surfaceMatch.at(span, m.index + m[0].length);
    if (!name) continue;
    PLACE_PREP.lastIndex = name.index + name.text.length;
    const place = placeAfter(c, floor + m.index + m[0].indexOf(' ') + 1, pos);
    if (place) found = place;
  }
  return found;
}

/**
 * "sent a letter to Egypt, urging it to …", "called on it to …": "it" in a target slot is the organisation or country
 * named last before it (in its sentence or the one before), other than the clause's subject and its country and
 * than a place named as where something happened.
 */
function itObject(c: Scope, pos: number): Mention | undefined {
  const { sentences, index } = c;
  if (!c.trigger) return undefined;
  const s = c.trigger.sentence;
  const subject = participleOf(c, s, c.trigger.at) ?? subjects(c, c.trigger.at, s)?.list[0];
  const own = subject ? entityOf(c, subject.key)?.country : undefined;
  const si = sentences.indexOf(s);
  const floor = sentences[Math.max(0, si - 1)]?.start ?? s.start;
  return index
    .within(floor, pos)
    .reverse()
    .find((m) => {
      const type = typeOf(c, m.key);
      if (m.key === subject?.key || !type || !pronouns(c)['it']?.includes(type)) return false;
      // A place named as where something happened is not what "it" stands for ("drills near Finland").
      if (PLACE_LEAD.test(c.text.slice(Math.max(floor, m.start - 12), m.start))) return false;
      return !(type === 'country' && own && entityOf(c, m.key)?.country === own);
    });
}

/** The actor (or place standing for a country) that fills a target slot starting at token `j`. */
export function targetFrom(c: Scope, toks: Token[], j: number, limit: number): { mention: Mention; next: number } | null {
  const { text, index, mentionAt } = c;
  // The slot opens inside a name the pattern's words began ("recognized the State of Palestine"): that name.
  const from = toks[j]?.start;
  const inside = from === undefined ? undefined : index.covering(from);
  if (inside && inside.end <= limit) {
    let next = j;
    while (next < toks.length && toks[next]!.start < inside.end) next++;
    return { mention: inside, next };
  }
  for (let k = j; k < Math.min(toks.length, j + 4); k++) {
    const t = toks[k]!;
    if (t.start >= limit) return null;
    const m = mentionAt.get(t.start);
    if (m) {
      // The whole object: "U.S. President Donald Trump" is the person, not the country.
      const objs = objectsFrom(c, t.start, limit);
      const mention = objs[0] ?? m;
      // Past every coordinated object: "asked Tehran and Damascus to …".
      const end = objs.at(-1)?.end ?? mention.end;
      let next = k + 1;
      while (next < toks.length && toks[next]!.start < end) next++;
      return { mention, next: pastPostmodifier(c, toks, next) };
    }
    // "urged him to …", "told them": the person or group named before, other than the clause's own subject.
    if (k === j && OBJECT_PRONOUN[t.lower]) {
      const m = objectPronoun(c, OBJECT_PRONOUN[t.lower]!, t.start);
      return m ? { mention: m, next: k + 1 } : null;
    }
    if ((t.punct && !/^['’]/.test(t.lower)) || BOUNDARY_WORDS.has(t.lower)) break;
  }
  // A place in the slot stands for its country ("visited Pyongyang", "a delegation to Pyongyang"), but not a
  // place where something happened ("met in Beijing").
  const place = placeAfter(c, toks[j]?.start ?? limit, Math.min(limit, toks[Math.min(toks.length - 1, j + 3)]?.end ?? limit));
  if (!place) return null;
  const between = text.slice(toks[j]?.start ?? place.start, place.start);
  if (PLACE_LEAD.test(between)) return null;
  let next = j;
  while (next < toks.length && toks[next]!.start < place.end) next++;
  return { mention: place, next };
}

/**
 * Past what may follow an object before the pattern goes on: a bracketed list or name ("the Quartet (UN,
 * EU, US, Russia) to press …") or, before "to", a place ("the AU mission in Somalia to broker …").
 */
export function pastPostmodifier(c: Scope, toks: Token[], j: number): number {
  const { text } = c;
  if (toks[j]?.lower === '(') {
    for (let k = j + 1; k < Math.min(toks.length, j + 12); k++) if (toks[k]!.lower === ')') return k + 1;
    return j;
  }
  if ((toks[j]?.lower === 'in' || toks[j]?.lower === 'of') && /^\p{Lu}/u.test(text.slice(toks[j + 1]?.start ?? 0, toks[j + 1]?.end ?? 0))) {
    let k = j + 1;
    while (k < Math.min(toks.length, j + 4) && /^\p{Lu}/u.test(text.slice(toks[k]!.start, toks[k]!.end))) k++;
    // Only before an infinitive the pattern goes on with; "met X in Pyongyang" keeps its place.
    return toks[k]?.lower === 'to' ? k : j;
  }
  return j;
}

/**
 * What may stand between a target and the pattern's next word, tried when that word does not follow at once: an
 * apposition naming the target again ("asked the UN refugee agency, UNHCR, for"), a head noun of the target's body
 * with up to two modifiers ("called on the UN mission in South Sudan to"), and after it a bracketed list or a
 * place (pastPostmodifier: "the Mercosur bloc (Argentina, Paraguay and Uruguay) to"). The token after it, or `j`.
 */
export function pastAttachment(c: Scope, toks: Token[], j: number, target: Mention): number {
  const { text, mentionAt, mentionEndingAt } = c;
  if (toks[j]?.lower === ',') {
    // The apposition may already stand in the target's list ("the refugee agency, UNHCR," as two objects).
    const last = mentionEndingAt.get(toks[j - 1]?.end ?? -1);
    if (last && last !== target && last.key === target.key && /^,\s*$/u.test(text.slice(target.end, last.start))) return j + 1;
    const m = mentionAt.get(toks[j + 1]?.start ?? -1);
    if (!m || m.key !== target.key) return j;
    let e = j + 1;
    while (e < toks.length && toks[e]!.start < m.end) e++;
    return toks[e]?.lower === ',' ? e + 1 : j;
  }
  let k = j;
  for (let h = j; h < Math.min(toks.length, j + 3); h++) {
    const t = toks[h]!;
    if (ACTOR_HEAD_WORDS.has(t.lower) || toks[h + 1]?.lower === '(') {
      k = h + 1;
      break;
    }
    if (t.punct || !/^\p{Ll}/u.test(text.slice(t.start, t.end)) || BOUNDARY_WORDS.has(t.lower) || DETERMINERS.has(t.lower)) break;
  }
  return pastPostmodifier(c, toks, k);
}

/** The lemmas of a mention's last word ("agency" of "UN refugee agency"). */
function headOf(c: Scope, m: Mention): string[] {
  const last = /[\p{L}-]+$/u.exec(m.text)?.[0].toLowerCase();
  return last ? c.cameo.lemmas.lemmasOf(last) : [];
}

/**
 * The first token from `j` (within four, before a punctuation or clause boundary) with a lemma in `set`; -1 if none.
 * A possessive "'s" is no word of its own ("released a Lebanese businessman's assets"), and a coordinated noun
 * phrase starts the four words afresh ("provided maps and other military intelligence to").
 */
export function findWord(c: Scope, toks: Token[], j: number, set: ReadonlySet<string>, limit: number): number {
  const { text, cameo } = c;
  let end = Math.min(toks.length, j + 4);
  for (let k = j; k < end; k++) {
    const t = toks[k]!;
    if (t.start >= limit) break;
    if (lemmasAt(c, k, toks).some((l) => set.has(l))) return k;
    // "asked X to send her a talking-points memo": after "to", another verb is an act of its own, not a filler.
    // "launched his campaign by talking about …": what follows "by" is how, not the object.
    if (t.lower === 'by' && k > j) break;
    // A light verb is no act of its own: "to bring an end to the embargo".
    if (k === j && toks[j - 1]?.lower === 'to' && !LIGHT_VERBS.has(t.lower) && (cameo.triggers.get(t.lower) ?? []).some((e) => e.form === 'base')) break;
    // "sent tents and medicine to": a coordinated common noun is no clause boundary.
    const coordination = (t.lower === 'and' || t.lower === 'or') && /^\p{Ll}/u.test(text.slice(toks[k + 1]?.start ?? 0, (toks[k + 1]?.start ?? 0) + 1));
    // An actor named inside the gap modifies the next word ("for full United States support"): it is a filler.
    // The period of an abbreviated name ("send U.S. troops") is part of that name, not the end of the phrase.
    const inName = t.lower === '.' && !!c.index.covering(t.start);
    // Quotation marks around a phrase the reporter quotes ("to forge “close ties” with") do not end it.
    if ((t.punct && !CURRENCY.test(t.lower) && !inName && !QUOTE_MARK.test(t.lower)) || (BOUNDARY_WORDS.has(t.lower) && !coordination)) break;
    if (coordination) end = Math.min(toks.length, k + 5);
    else if (t.lower === "'s" || t.lower === '’s') end = Math.min(toks.length, end + 1);
  }
  return -1;
}

/** The token after an amount starting at `j` ("up to 4,000", "nearly $50 million worth of", "25,000 tons of", "at least eight"), or `j`. */
export function pastQuantity(c: Scope, toks: Token[], j: number): number {
  let k = j;
  while (k < toks.length && QUANTITY_LEAD.has(toks[k]!.lower)) k++;
  if (k < toks.length && CURRENCY.test(toks[k]!.lower)) k++;
  if (k >= toks.length || !(/^\p{N}/u.test(toks[k]!.lower) || NUMBER_WORDS.has(toks[k]!.lower))) return j;
  k++;
  while (k < toks.length && (QUANTITY_UNITS.has(toks[k]!.lower) || CURRENCY.test(toks[k]!.lower))) k++;
  if (k < toks.length && (toks[k]!.lower === 'of' || toks[k]!.lower === 'in')) k++;
  return k;
}

/**
 * Two verbs sharing what follows the second ("pledged and (quickly) sent tents to Sudan", "met and praised
 * Putin"): the first verb's pattern goes on after the second verb, a finite or participle form of the
 * same ending (a verb form of the lexicon, or "-ed" after "-ed"). The token where the pattern's words start.
 */
function sharedObjectStart(c: Scope, toks: Token[], i: number): number {
  const { text, cameo } = c;
  if (toks[i + 1]?.lower !== 'and' && toks[i + 1]?.lower !== 'or') return i + 1;
  let k = i + 2;
  if (/^\p{Ll}+ly$/u.test(toks[k] ? text.slice(toks[k]!.start, toks[k]!.end) : '')) k++;
  const w = toks[k];
  if (!w || !/^\p{Ll}+$/u.test(text.slice(w.start, w.end))) return i + 1;
  const first = toks[i]!.lower;
  const forms = (word: string) => new Set((cameo.triggers.get(word) ?? []).map((e) => e.form).filter((f) => f === 'past' || f === 's' || f === 'participle'));
  const own = forms(first);
  const same = [...forms(w.lower)].some((f) => own.has(f)) || (/ed$/u.test(first) && /ed$/u.test(w.lower));
  return same ? k + 1 : i + 1;
}

/**
 * An object moved after the pattern's prepositional phrase ("handed over to Germany three suspects", "sent to
 * Sudan 40 tons of food"): for a pattern "… <object word> <preposition> @T", the preposition and target right at `j`,
 * then the object word after the target. The target and the token after the object, or null.
 */
function shiftedObject(c: Scope, toks: Token[], j: number, p: CameoPattern, n: number, sentence: Sentence): { target: Mention; next: number } | null {
  const [obj, prep, slot] = [p.rest[n]!, p.rest[n + 1], p.rest[n + 2]];
  if (!prep || prep.target || prep.optional || !slot?.target || n + 3 !== p.rest.length || !toks[j]) return null;
  if (!lemmasAt(c, j, toks).some((l) => prep.set.has(l))) return null;
  const limit = limitAt(c, toks[j]!.start, sentence);
  const t = targetFrom(c, toks, j + 1, limit);
  if (!t || t.next >= toks.length || toks[t.next]!.start >= limit) return null;
  let k = findWord(c, toks, t.next, obj.set, limit);
  const past = k < 0 ? pastQuantity(c, toks, t.next) : t.next;
  if (past > t.next) k = findWord(c, toks, past, obj.set, limit);
  return k < 0 ? null : { target: t.mention, next: k + 1 };
}

/**
 * Past a relative clause opening at `j` (after an optional comma) to the first word of `set` after its verb that
 * follows its closing comma or is an infinitive's "to", within 16 tokens and before other punctuation: the pattern
 * goes on after the clause ("allow refugees who have lived abroad for years to return", "urged Kenya, which hosts
 * the talks, to"). The word's token, or -1.
 */
function pastRelative(c: Scope, toks: Token[], j: number, set: ReadonlySet<string>, limit: number): number {
  const k = toks[j]?.lower === ',' ? j + 1 : j;
  if (!RELATIVE.has(toks[k]?.lower ?? '')) return -1;
  for (let h = k + 2; h < Math.min(toks.length, k + 16); h++) {
    const t = toks[h]!;
    if (t.start >= limit || (t.punct && t.lower !== ',')) return -1;
    // Only where the clause surely ended: after its closing comma, or at an infinitive's "to" ("… to return"); a
    // preposition may belong to the clause's own verb ("an agreement that Uganda negotiated with Tanzania").
    if ((toks[h - 1]!.lower === ',' || t.lower === 'to') && lemmasAt(c, h, toks).some((l) => set.has(l))) return h;
  }
  return -1;
}

/**
 * The token after a date expression starting at `j` ("forced out on Wednesday 1,000 refugees", "released
 * yesterday 30 prisoners"): a time adjunct may stand between a verb and its object in news style; else `j`.
 */
function pastTime(c: Scope, toks: Token[], j: number, s: Sentence): number {
  const end = toks[j] ? sentenceTimes(c, s).ends.get(toks[j]!.start) : undefined;
  if (end === undefined) return j;
  let k = j;
  while (k < toks.length && toks[k]!.start < end) k++;
  return k;
}

/** The target slot at token `k` (memoised per sentence in the scope's `targetMemo`). */
function slotAt(c: Scope, toks: Token[], k: number, limit: number, sentence: Sentence): ReturnType<typeof targetFrom> {
  let m = c.targetMemo.get(k);
  if (m === undefined) c.targetMemo.set(k, (m = targetFrom(c, toks, k, limitAt(c, toks[k]?.start ?? limit, sentence))));
  return m;
}

/** Matches the words of `p` after the trigger at token `i`; `skipObject` for a passive (its object is the subject). */
export function matchRest(c: Scope, toks: Token[], i: number, p: CameoPattern, sentence: Sentence, skipObject: boolean): Omit<Match, 'pattern' | 'form'> | null {
  const limit = sentence.end;
  let j = sharedObjectStart(c, toks, i);
  let target: Mention | null = null;
  let score = p.size;
  /** A joint act with no counterpart after it ("A and B met in Beijing"): it needs coordinated subjects. */
  let jointOnly = false;
  for (let n = 0; n < p.rest.length; n++) {
    const el = p.rest[n]!;
    j = pastTime(c, toks, j, sentence);
    if (el.target) {
      if (skipObject && n === 0) {
        // "was ordered by Russia to leave": the agent may stand between the participle and the pattern's words.
        if (toks[j]?.lower === 'by') {
          const agent = targetFrom(c, toks, j + 1, limitAt(c, toks[j + 1]?.start ?? limit, sentence));
          if (agent) j = agent.next;
        }
        continue;
      }
      let t = slotAt(c, toks, j, limit, sentence);
      // The victims of violence may be counted: "killed more than 30 off-duty Kenyan police officers" (a count
      // elsewhere names no party: "hosted 3 million Syrian refugees" is no visit).
      const counted = t || !VIOLENCE_ROOT.test(p.code) ? j : pastQuantity(c, toks, j);
      if (counted > j) t = slotAt(c, toks, counted, limit, sentence);
      if (t && ideaOf(c, p, t.mention)) t = null;
      // "it" only where the pattern goes on after the slot ("urged it to", "accused it of"): "condemned it" is
      // as often an act or a decision as an actor.
      if (!t && toks[j]?.lower === 'it' && p.rest.slice(n + 1).some((x) => !x.optional)) {
        const m = itObject(c, toks[j]!.start);
        if (m) t = { mention: m, next: j + 1 };
      }
      if (t) {
        target = t.mention;
        j = t.next;
        score += 0.5;
        continue;
      }
      // Violence against people the text does not name as an actor ("killed 23 people", "wounded five others"):
      // the act happened, to no actor we can name.
      const victims = VIOLENCE_ROOT.test(p.code) ? findWord(c, toks, pastQuantity(c, toks, j), HUMAN_OBJECTS, limitAt(c, toks[j]?.start ?? limit, sentence)) : -1;
      if (victims >= 0) j = victims + 1;
      // A joint act with its counterpart slot empty is less specific than a pattern whose words all matched ("met
      // the demands" is 080, not a meeting).
      else if (p.symmetric) {
        jointOnly = true;
        score -= 0.5;
      }
      else if (!el.optional) return null;
      continue;
    }
    const shifted: { target: Mention; next: number } | null = !skipObject && !target ? shiftedObject(c, toks, j, p, n, sentence) : null;
    if (shifted) {
      target = shifted.target;
      j = shifted.next;
      score += 0.5;
      n += 2;
      continue;
    }
    // An amount before the object does not count as filler ("provided nearly 25,000 tons of food aid"), unless
    // the pattern asks for the amount itself.
    let found = findWord(c, toks, j, el.set, limit);
    const past = found < 0 ? pastQuantity(c, toks, j) : j;
    if (past > j) found = findWord(c, toks, past, el.set, limit);
    const attached = found < 0 && target && p.rest[n - 1]?.target ? pastAttachment(c, toks, j, target) : j;
    if (attached > j) found = findWord(c, toks, attached, el.set, limit);
    // A relative clause after the previous word or target: "allow refugees who have lived abroad for years to return".
    if (found < 0 && n > 0) found = pastRelative(c, toks, attached, el.set, limit);
    // The target's own head noun may be the word the pattern asks for after it: "kicked the UN refugee agency
    // out" for "kick @T ~aid_agency_noun out".
    if (found < 0 && target && p.rest[n - 1]?.target && headOf(c, target).some((l) => el.set.has(l))) {
      j = attached;
      continue;
    }
    if (found < 0) {
      if (el.optional) continue;
      return null;
    }
    j = found + 1;
  }
  return { end: toks[j - 1]?.end ?? toks[i]!.end, target, score, jointOnly };
}

/**
 * A protest coded generically takes its fourth digit from what it is for (event-rules.json `purpose_aims`):
 * the first aim word after the pattern, before a closing attribution (", witnesses said").
 */
export function purposeCode(c: Scope, code: string, toks: Token[], from: number, s: Sentence): string {
  const { text, cameo } = c;
  if (!PURPOSE_CODES.has(code)) return code;
  const attribution = CLAIM_TAIL.exec(text.slice(s.start, s.end));
  const until = attribution ? s.start + attribution.index : s.end;
  for (let k = from; k < toks.length && toks[k]!.start < until; k++) {
    if (toks[k]!.punct) continue;
    const digit = lemmasAt(c, k, toks).map((l) => purposeAims(cameo).get(l)).find((d) => d !== undefined);
    if (digit) return code + digit;
  }
  return code;
}

/** One named person "attacking" another is words, not force (event-rules.json `verbal_attack_lemmas`). */
export function verbalAttack(c: Scope, p: CameoPattern, src: Mention, tgt: Mention | null): boolean {
  return !!tgt && VIOLENCE_ROOT.test(p.code) && p.trigger.some((l) => VERBAL_ATTACK.has(l)) && typeOf(c, src.key) === 'person' && typeOf(c, tgt.key) === 'person';
}
