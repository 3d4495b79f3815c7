/**
 * Who did it (events.ts): the subject of a verb, with its coordination, appositions and pronouns; the actor a
 * reduced passive modifies; who claims an act happened.
 */
import eventRules from '../lexicon/event-rules.json' with { type: 'json' };
import { alt, altCi } from '../regex.ts';
import { verbForms } from './inflect.ts';
import { subjectEnds } from './clause.ts';
import type { Mention } from './mentions.ts';
import type { Sentence } from './sentences.ts';
import { entityOf, typeOf, at, before } from './event-scope.ts';
import type { Token, Scope } from './event-scope.ts';
import { DETERMINERS, BOUNDARY_WORDS, CLAIM_TAIL } from './event-grammar.ts';

/** What may follow the actor heading a subject: "of the Syrian Golan Heights", "bulldozers", "and tanks". */
const ACTOR_HEADS = alt(eventRules.actor_heads);
/**
 * What may follow the actor that heads a subject: a prepositional phrase of names ("of the Golan Heights"), a
 * companion ("along with its allies", "and a group of aides"), a body it owns ("'s ruling junta", "'s army"), or
 * a bracketed name ("(APEC)") and then one modifier and a head noun
 * (a plural or a body of the actor: "foreign ministers", "armed wing", "and tanks"). Groups: the modifier, "and",
 * the head.
 */
const SUBJECT_TAIL = new RegExp(
  String.raw`(?:\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'.-]*\s*){1,5}|\s+(?:along|together)\s+with\s+[^,;()]{1,40}|\s+and\s+(?:${alt(eventRules.companion_determiners)})\s+[^,;()]{1,40}|\s*\(\p{Lu}[^()]{0,40}\)|['’]s(?:\s+[\p{L}-]+){0,2}\s+(?:${altCi(eventRules.actor_heads)})` +
    String.raw`|(?:\s*\([^()]{1,40}\))?(?:\s+(\p{Ll}[\p{Ll}-]+(?<!ly)))??\s+(and\s+)?(\p{Ll}[\p{Ll}-]+(?<!ss|us|is)s|${ACTOR_HEADS}))$`,
  'u',
);
/**
 * A prepositional phrase closing a subject before its verb ("at the University of Nairobi", "from across the
 * country", "in the old town of Hebron"), maybe after the participle of a reduced relative clause ("workers
 * affiliated with the teachers' union"); it starts at the match's index. A determiner stands only after a
 * preposition and no word is a preposition or clause boundary, so no verb and its object hide inside ("in
 * Belarus began a hunger strike in").
 */
const PREPOSITION = alt(eventRules.subject_prepositions);
const SUBJECT_PREPOSITION_SET: ReadonlySet<string> = new Set(eventRules.subject_prepositions);
/** Adverbs of degree, after which a participle is an adjective ("most respected"). */
const DEGREE_ADVERBS: ReadonlySet<string> = new Set(eventRules.degree_adverbs);
const PP_DETERMINER = String.raw`(?:(?:${alt(eventRules.noun_determiners)})\s+)?`;
const PP_WORD = String.raw`(?!(?:${PREPOSITION}|${alt(eventRules.boundary_words)}|${alt(eventRules.noun_determiners)})(?![\p{L}\p{N}]))[\p{L}\p{N}’'.-]+`;
const SUBJECT_PP = new RegExp(
  String.raw`\s+(?:\p{Ll}{3,}ed\s+)?(?:${PREPOSITION})\s+(?:(?:${PREPOSITION})\s+)?${PP_DETERMINER}${PP_WORD}(?:\s+${PP_WORD}){0,4}(?:\s+(?:${PREPOSITION})\s+${PP_DETERMINER}${PP_WORD}(?:\s+${PP_WORD}){0,2}){0,2}\s*$`,
  'u',
);
/** What may stand before an actor that opens a subject: the sentence start, a comma, a clause boundary, an amount ("Thousands of", "Some 500 "), and a determiner. */
const SUBJECT_LEAD = new RegExp(
  String.raw`(?:^|[,;:(—–]|\b(?:${alt(eventRules.boundary_words)})|\b(?:${alt(eventRules.crowd_quantities)}|\p{N}[\p{N},.]*)\s+of)\s*(?:(?:(?:${alt(eventRules.quantity_leads)})\s+){0,3}\p{N}[\p{N},.]*\s+)?(?:(?:${alt(eventRules.noun_determiners)})\s+)?$`,
  'iu',
);
/** An opening phrase closed by a comma, then at most three words (an amount) before the subject. */
const OPENING_PHRASE = /^[^,;:"“”]{0,80},\s+(?:[\p{Ll}\p{N}][\p{L}\p{N},.]*\s+){0,3}$/u;
/** A speech verb right before a pronoun, maybe with its day and "that": "announced (on Monday) (that) they …". */
const OWN_PLAN = new RegExp(String.raw`\b(?:${alt(eventRules.own_plan_cues.flatMap((l) => verbForms(l).filter(([, k]) => k !== 'ing').map(([f]) => f)))})\s+(?:(?:on\s+)?(?:today|yesterday|\p{Lu}\p{Ll}+day)\s+)?(?:that\s+)?$`, 'u');
/** An owner's pronoun and a body of it as a subject: "their forces", "its own troops", "his government". */
const ACTOR_HEAD_SET: ReadonlySet<string> = new Set(eventRules.actor_heads);
const OWNED_SUBJECT = new RegExp(String.raw`(?:^|\s)(its|their|his|her|Its|Their|His|Her)\s+(?:own\s+)?(?:\p{Ll}[\p{Ll}-]+\s+)?(?:${ACTOR_HEADS})$`, 'u');
/** Text before a participle that opens a clause of its own: ", urging", ", while saying". */
const PARTICIPLE_CLAUSE = /,\s*(?:while\s+|\p{Ll}+ly\s+)?$/u;
/** The participle and the word after it: "urging him". */
const PARTICIPLE_OBJECT = /^\p{L}+ing\s+(\p{Ll}+)\b/u;
/**
 * A document the subject issued, right before a participle: "issued a statement condemning", "sent a joint letter
 * urging", "said in a statement calling on", "passed a law recognizing" (event-rules.json `document_verbs`,
 * `document_nouns`; the noun may stand in quotation marks). Whoever issued
 * the document did what it says; one the subject only answers ("rejected a report accusing it") is someone else's.
 */
const DOCUMENT_VERBS = alt(eventRules.document_verbs.flatMap((l) => verbForms(l).filter(([, k]) => k !== 'ing').map(([f]) => f)));
const DOCUMENT_PARTICIPLE = new RegExp(String.raw`\b(?:${DOCUMENT_VERBS}|in)\s+(?:a|an|the|its|their|his|her)\s+["“]?(?:[\p{Ll}-]+\s+){0,2}(?:${alt(eventRules.document_nouns)})["”]?\s+$`, 'u');
const OWNER_PRONOUN: Record<string, string> = { its: 'it', their: 'they', his: 'he', her: 'she' };
const CLAIM = new RegExp(`\\b(?:${alt(eventRules.claim_verbs)})\\s+(?:that\\s+)?`, 'u');
const CLAIM_CUE = new RegExp(`\\b(?:${alt(eventRules.claim_verbs)})\\b`, 'u');
/** An envoy's post after its noun, before the actor: "the US ambassador to (the) …", "China's special envoy to …". */
const POSTED = new RegExp(String.raw`(?:^|\s)(${altCi(eventRules.envoy_nouns)})\s+to\s+(?:the\s+)?$`, 'u');
const REPORTER = new RegExp(`^\\s+(?:\\p{L}+\\s+)?(?:${alt(eventRules.report_sources)})\\s*$`, 'u');

export function pronoun(c: Scope, p: string, pos: number, s?: Sentence): Mention | undefined {
  const person = /^(?:he|she)$/i.test(p);
  // In a subordinate clause "he" is usually the sentence's subject: "Kim expressed …, as he met Lavrov".
  const opener = s ? sentenceSubject(c, s) : undefined;
  if (person && opener && opener.end <= pos && typeOf(c, opener.key) === 'person') return opener;
  const earlier = before(c, pos).reverse();
  // "they": a group named before (its sentence's subject first: "Rebel leaders said they would …").
  if (/^they$/i.test(p)) return opener && opener.end <= pos && typeOf(c, opener.key) === 'group' ? opener : earlier.find((m) => typeOf(c, m.key) === 'group');
  return person ? earlier.find((m) => typeOf(c, m.key) === 'person') : (earlier.find((m) => typeOf(c, m.key) === 'organization') ?? earlier.find((m) => typeOf(c, m.key) === 'country'));
}

/** The main clause's subject, for a participle opening a clause of its own at `pos` (", urging him to …") or saying what a document of the subject does ("issued a statement condemning …"). */
export function participleOf(c: Scope, s: Sentence, pos: number): Mention | undefined {
  const { text } = c;
  if (!/^\p{L}+ing\b/u.test(text.slice(pos, pos + 30))) return undefined;
  const pre = text.slice(s.start, pos);
  if (!PARTICIPLE_CLAUSE.test(pre) && !DOCUMENT_PARTICIPLE.test(pre) && !boundObject(c, s, pos)) return undefined;
  const opener = sentenceSubject(c, s);
  return opener && opener.end <= pos ? opener : undefined;
}

/**
 * An actor right before a participle that the participle's own object pronoun refers back to: "wrote to President
 * X urging him to …". A pronoun is never bound by its own clause's subject (else "himself"), so the actor is not
 * the participle's subject; the participle then belongs to the main clause. The actor must not open the sentence.
 */
function boundObject(c: Scope, s: Sentence, pos: number): boolean {
  const { text } = c;
  const obj = c.mentionEndingAt.get(s.start + text.slice(s.start, pos).trimEnd().length);
  const w = PARTICIPLE_OBJECT.exec(text.slice(pos, pos + 40))?.[1];
  const kinds = w && w !== 'he' && w !== 'she' && w !== 'they' ? (c.lex.lang.pronouns as Record<string, string[]>)[w] : undefined;
  if (!obj || !kinds?.includes(typeOf(c, obj.key) ?? '')) return false;
  const opener = sentenceSubject(c, s);
  return !!opener && opener.end <= obj.start;
}

export function objectPronoun(c: Scope, kind: 'person' | 'group', pos: number): Mention | undefined {
  if (!c.trigger) return undefined;
  const subject = participleOf(c, c.trigger.sentence, c.trigger.at) ?? subjects(c, c.trigger.at, c.trigger.sentence)?.list[0];
  return before(c, pos).reverse().find((m) => typeOf(c, m.key) === kind && m.key !== subject?.key);
}

export function sentenceSubject(c: Scope, s: Sentence): Mention | undefined {
  const { subjectMemo } = c;
  if (subjectMemo.has(s)) return subjectMemo.get(s);
  const found = openingActor(c, s);
  subjectMemo.set(s, found);
  return found;
}

export function openingActor(c: Scope, s: Sentence): Mention | undefined {
  const { text, index } = c;
  const inS = index.within(s.start, s.end);
  let first = inS[0];
  // "Russia’s Foreign Minister Sergey Lavrov": the person is the subject, not the country.
  if (first && typeOf(c, first.key) === 'country' && inS[1] && typeOf(c, inS[1].key) === 'person' && /^['’]s\s+(?:[\p{L}.-]+\s+){1,3}$/u.test(text.slice(first.end, inS[1].start))) first = inS[1];
  // "Civic Union's Anna Novak": the person, not the organisation.
  else if (first && inS[1] && typeOf(c, inS[1].key) === 'person' && /^['’]s\s+(?:[\p{L}.-]+\s+){0,3}$/u.test(text.slice(first.end, inS[1].start))) first = inS[1];
  // A sentence opened by a pronoun has that pronoun as its subject ("They endorse … police officers and …").
  if (/^\s*(?:He|She|It|They|We|I|You)\b/u.test(text.slice(s.start, s.end))) return undefined;
  // Up to eight words before it, or an opening phrase closed by a comma and at most an amount after it ("At the end
  // of a two-day meeting on trade, around 100 students …").
  const lead = first ? text.slice(s.start, first.start) : '';
  return first && (lead.split(/\s+/).length <= 8 || OPENING_PHRASE.test(lead)) ? first : undefined;
}

/** The subject(s) of a verb starting at `pos`; "X and Y" gives both. */
export function subjects(c: Scope, pos: number, s: Sentence): { list: Mention[]; via: 'name' | 'pronoun' } | null {
  const { text } = c;
  const pre = text.slice(s.start, pos);
  for (const end of subjectEnds(pre)) {
    let m = subjectPhrase(c, pre.slice(0, end), s.start) ?? at(c, s.start + end, s.start) ?? headBefore(c, pre.slice(0, end), s.start);
    // "X was invited by Y to visit …": the one who visits is X, the sentence's subject.
    if (m && /\b(?:was|were|been|being|is|are)\s+\p{L}+\s+by\s+$/u.test(text.slice(s.start, m.start)) && /\bto$/u.test(pre.trimEnd())) m = sentenceSubject(c, s);
    // "The US ambassador to Israel met …": the envoy's own side is the subject, not where it is posted.
    const posted = m ? POSTED.exec(text.slice(s.start, m.start)) : null;
    if (posted) m = envoyOwner(c, s, s.start + posted.index + posted[0].indexOf(posted[1]!) + posted[1]!.length);
    if (m) {
      const list = [m];
      const lead = text.slice(s.start, m.start);
      // "X and Y": always a pair; ", and Y" only when X opens the clause ("Both the North, which …, and Russia"),
      // not when it ends an earlier clause ("… between Moscow and Pyongyang, and the U.S. has …").
      const tight = /(?:^|\s)and\s+(?:the\s+)?$/u.test(lead) && !/,\s*and\s+(?:the\s+)?$/u.test(lead);
      if (tight || /,\s*and\s+(?:the\s+)?$/u.test(lead)) {
        const andAt = lead.search(/,?\s*and\s+(?:the\s+)?$/u);
        const head = lead.slice(0, andAt);
        // The first conjunct may carry an apposition closed by the comma before "and" ("the North, which …, and").
        for (const e of [...subjectEnds(head), ...subjectEnds(`${head},`)]) {
          const partner = at(c, s.start + e, s.start);
          if (partner && (tight || /^(?:[^,]{0,40},\s+)?(?:[Bb]oth\s+|[Ee]ither\s+)?(?:the\s+)?$/u.test(text.slice(s.start, partner.start)))) {
            list.unshift(partner);
            break;
          }
        }
      }
      return { list, via: 'name' };
    }
    const owned = OWNED_SUBJECT.exec(pre.slice(0, end));
    const p = owned ? null : /(?:^|\s)(he|she|it|they|He|She|It|They)$/u.exec(pre.slice(0, end));
    if (owned) {
      const r = pronoun(c, OWNER_PRONOUN[owned[1]!.toLowerCase()]!, s.start + owned.index, s);
      return r ? { list: [r], via: 'pronoun' } : null;
    }
    if (p) {
      const speaker = ownPlanSpeaker(c, p[1]!, s.start + end - p[1]!.length, s);
      if (speaker) return { list: speaker, via: 'pronoun' };
      const r = pronoun(c, p[1]!, s.start + end, s);
      return r ? { list: [r], via: 'pronoun' } : null;
    }
    // A second verb of the same subject: "Lavrov visited Pyongyang on May 31 and met with Kim".
    if (/\band$/u.test(pre.slice(0, end))) {
      const opener = sentenceSubject(c, s);
      return opener && opener.end <= pos ? { list: [opener], via: 'name' } : null;
    }
  }
  return null;
}

/** Whose envoy the noun ending at `end` is: an actor right before it ("the US ambassador", "Russia's special envoy"), or the phrase itself as one actor. */
function envoyOwner(c: Scope, s: Sentence, end: number): Mention | undefined {
  const owner = c.index.within(s.start, end).pop();
  return owner && /^(?:['’]s)?(?:\s+[\p{L}.-]+){0,3}$/u.test(c.text.slice(owner.end, end)) ? owner : undefined;
}

/**
 * "X and Y announced that they will …", "X, backed by Z, said it would …": a pronoun right after a speech verb is
 * that verb's own subject, when the two agree in number and kind ("they" several actors or a plural group, "it"
 * one country, organisation or body, "he"/"she" one person); otherwise undefined, and the pronoun is read as usual.
 */
export function ownPlanSpeaker(c: Scope, word: string, pos: number, s: Sentence): Mention[] | undefined {
  const { text } = c;
  const cue = OWN_PLAN.exec(text.slice(s.start, pos));
  const said = cue ? subjects(c, s.start + cue.index, s)?.list : undefined;
  if (!said?.length) return undefined;
  const kind = typeOf(c, said[0]!.key);
  const plural = said.length > 1 || (kind === 'group' && /s$/u.test(said[0]!.text));
  const w = word.toLowerCase();
  const agrees = w === 'they' ? plural : !plural && (w === 'it' ? kind !== 'person' : kind === 'person');
  return agrees ? said : undefined;
}

/** A past verb inside a phrase ("on Monday lifted"): the phrase ends a clause, not a subject; after a determiner or the phrase's preposition it is a modifier ("the occupied …", "with armoured vehicles"). */
export function holdsFiniteVerb(c: Scope, phrase: string): boolean {
  const { cameo } = c;
  const words = phrase.trim().split(/\s+/u);
  // After a determiner or the phrase's own preposition the word modifies a noun ("the occupied …", "with armoured
  // vehicles"), unless it is the phrase's last word.
  // So is one after an adverb of degree: "the most respected daily", "a widely read weekly".
  const modifier = (k: number) => {
    const before = words[k - 1]!.toLowerCase();
    return k < words.length - 1 && (DETERMINERS.has(before) || SUBJECT_PREPOSITION_SET.has(before) || DEGREE_ADVERBS.has(before));
  };
  return words.some((w, k) => k > 0 && !modifier(k) && (/\p{Ll}ed$/u.test(w) || !!cameo.triggers.get(w.toLowerCase())?.some((e) => e.form === 'past' || e.form === 'participle')));
}

/**
 * The actor heading a subject that a prepositional phrase closes (`pre` starting at `base`): "Kenyan students *at
 * the University of Nairobi*" is the students, not the university; "Kenyans *from across the country*". The actor
 * opens its clause: after "by" or a verb it is an object ("a report ordered by Kenya in May condemned …" is no
 * act of Kenya's).
 */
export function subjectPhrase(c: Scope, pre: string, base: number): Mention | undefined {
  const { text } = c;
  // The outermost phrase first; one whose head is no actor ("Thousands *of Kenyans from …*") gives way to the next.
  for (let from = 0; ; ) {
    const pp = SUBJECT_PP.exec(pre.slice(from));
    if (!pp) return undefined;
    const start = from + pp.index;
    const m = holdsFiniteVerb(c, pp[0]) ? undefined : (at(c, base + start, base) ?? headBefore(c, pre.slice(0, start), base));
    if (m && SUBJECT_LEAD.test(text.slice(base, m.start))) return m;
    from = start + pp[0].search(/\S/u) + 1;
  }
}

/**
 * An actor that heads a longer subject ending the text `pre` (starting at `base`): "Druze inhabitants *of the
 * Golan Heights*", "Israeli army *bulldozers*", "Israeli helicopters *and tanks*". What follows the actor is a
 * prepositional phrase of names, or one plural common noun (not a verb form of a trigger), maybe after "and".
 */
export function headBefore(c: Scope, pre: string, base: number): Mention | undefined {
  const { lex, cameo } = c;
  const tail = SUBJECT_TAIL.exec(pre);
  if (!tail) return undefined;
  const [, modifier, and, head] = tail;
  // A word that is a trigger may be the verb of a clause ("Russia attacks"), unless "and" makes it a noun.
  const nounLike = (w: string, trigger: boolean) => !DETERMINERS.has(w) && !BOUNDARY_WORDS.has(w) && !lex.names.functionWords.has(w) && (!trigger || !cameo.triggers.has(w));
  // A modifier may be a noun trigger ("terror network", "peace delegation"), not a verb form of one.
  const verbForm = (w: string) => (cameo.triggers.get(w) ?? []).some((e) => e.form !== 'noun');
  if (modifier && (!nounLike(modifier, false) || verbForm(modifier))) return undefined;
  if (head && (!nounLike(head, false) || (!and && verbForm(head)))) return undefined;
  // The nearest actor first: "Sudanese army | troops" before "Sudanese | army troops".
  const bare = modifier ? at(c, base + tail.index + tail[0].indexOf(modifier) + modifier.length, base) : undefined;
  // A body named after an actor that already holds a body word ("Myanmar's military | junta"): that actor.
  const body = /\s+(\p{Ll}+)$/u.exec(pre);
  const m = bare ?? at(c, base + tail.index, base) ?? (body && ACTOR_HEAD_SET.has(body[1]!) ? at(c, base + body.index, base) : undefined);
  // A person's supporters, aides or voters are not the person; the person's own bodies are ("the Biden administration").
  if (m && head && typeOf(c, m.key) === 'person' && !ACTOR_HEAD_SET.has(head)) return undefined;
  return m;
}

/**
 * The actor a reduced passive participle modifies: the participle and its agent with no "was" before it, after
 * the actor and maybe a comma ("Hezbollah, supported by Iran, fired …", "Kenya, widely criticised by Uganda,
 * said …") or opening the sentence before it ("Backed by Iran, Hezbollah fired …"). The agent is the source and
 * the actor the target, never the other way round. A background act is still an event (ANNOTATION.md: past
 * events cited as background are events), so the apposition is coded, with the passive's roles; an agent that is
 * no name ("backed by the army") or a modified noun that is no actor ("a report ordered by Kenya") gives none.
 */
export function reducedPassive(c: Scope, toks: Token[], i: number, s: Sentence): Mention | undefined {
  const { text, cameo, mentionAt, mentionEndingAt } = c;
  const by = toks[i + 1];
  if (by?.lower !== 'by' || !/^\s*(?:the\s+)?\p{Lu}/u.test(text.slice(by.end, by.end + 12))) return undefined;
  if (!cameo.triggers.get(toks[i]!.lower)?.some((e) => e.form === 'participle')) return undefined;
  // An adverb may stand before the participle: "widely criticised by".
  const k = /ly$/u.test(toks[i - 1]?.lower ?? '') && !mentionEndingAt.has(toks[i - 1]!.end) ? i - 1 : i;
  const from = toks[k]!.start;
  const head = text.slice(s.start, from);
  if (/^\s*$/u.test(head)) {
    // Opening the sentence: the actor right after the phrase's comma is the one it modifies.
    const comma = /^[^,;.]{1,80},\s*(?:the\s+)?/u.exec(text.slice(by.end, s.end));
    return comma ? mentionAt.get(by.end + comma[0].length) : undefined;
  }
  const gap = /,?\s*$/u.exec(head)!;
  return mentionEndingAt.get(from - gap[0].length);
}

/** Is the claimant of another country than the source (a known country, and not the source's own)? */
export function otherSide(c: Scope, source: string, claimant: string): boolean {
  if (source === claimant) return false;
  const country = entityOf(c, claimant)?.country ?? null;
  return country !== null && country !== (entityOf(c, source)?.country ?? null);
}

/**
 * Who claims the act at `pos` happened, when an actor other than a news medium is the one saying so ("the US
 * said North Korea had …", "…, Seoul said"); null when nobody is named as saying it, or a medium reports it.
 */
export function claimOf(c: Scope, s: Sentence, pos: number): string | null {
  const { text, index } = c;
  const pre = text.slice(s.start, pos);
  const lead = CLAIM.exec(pre);
  let who: Mention | undefined;
  if (lead && pre.slice(lead.index + lead[0].length).trim().length > 0) who = subjects(c, s.start + lead.index, s)?.list[0];
  else {
    const tail = CLAIM_TAIL.exec(text.slice(pos, s.end));
    if (!tail) return null;
    const cue = pos + tail.index + tail[0].search(CLAIM_CUE);
    who = index.within(pos + tail.index + 1, cue).pop();
    // "…, US witnesses said": the name only says where the witnesses are from; they report, they do not claim.
    if (who && REPORTER.test(text.slice(who.end, cue))) return null;
  }
  // A medium, or sources, police or witnesses attributing a report ("…, military sources said"), report what
  // happened; a government or person saying another did it makes a claim.
  const e = who ? entityOf(c, who.key) : undefined;
  return who && e?.kind !== 'media' && e?.type !== 'group' ? who.key : null;
}
