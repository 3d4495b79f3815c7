/**
 * Events of one article (ANNOTATION.md, Events): a source actor does something to or with a target actor.
 * Triggers are the CAMEO patterns of pipeline/lexicon/cameo/ (see cameo.ts), looked up token by token from the
 * surface forms of their trigger lemmas, then the pattern's further words checked; the longest match wins.
 * The PLOVER type follows from the CAMEO code by one table. The source is the subject of the verb (walking
 * back over adverbs and appositions, following "X and Y" coordination and resolving he/she/it), or the agent
 * of a passive ("was condemned by X"); the target stands where the pattern's `@T` is. Only what happened is
 * coded: triggers inside direct quotes, negated, modal, conditional or infinitive triggers, acts inside an
 * accusation, demand or threat, and acts a non-media speaker only claims are not events. Dates come from the
 * nearest date expression of the sentence, locations from "in <capital or country>". Pure.
 */
import eventRules from '../lexicon/event-rules.json' with { type: 'json' };
import { alt, altCi, once } from '../regex.ts';
import { cameoLexicon, ploverOf } from './cameo.ts';
import { verbForms } from './inflect.ts';
import type { CameoLexicon, CameoPattern, PloverType, TriggerEntry } from './cameo.ts';
import { subjectEnds } from './clause.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON } from './lexicon.ts';
import type { ArticleEntity, Mention } from './mentions.ts';
import { MentionIndex } from './mention-index.ts';
import type { Sentence } from './sentences.ts';
import { timeExpressions } from './time.ts';

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

interface Token extends Span {
  lower: string;
  /** Punctuation (anything that is not a word or number). */
  punct: boolean;
}

interface Match {
  pattern: CameoPattern;
  form: TriggerEntry['form'];
  /** Where the matched words end (the trigger's end for a one-word pattern). */
  end: number;
  target: Mention | null;
  score: number;
  jointOnly: boolean;
}

const TOKEN = /\p{L}+(?:[’'-](?!s\b)[\p{L}\p{N}]+|\.\p{L}\b)*|\p{N}+(?:[.,:]\p{N}+)*|['’]s\b|\S/gu;
const CURRENCY = /^[$€£¥%]$/u;
const ABSTRACT_OBJECTS = new Set(eventRules.abstract_objects);
const QUANTITY_LEAD = new Set(eventRules.quantity_leads);
const HUMAN_OBJECTS: ReadonlySet<string> = new Set(eventRules.human_objects);
/** Roots of violence (18-20): assault, fight, mass violence. */
const VIOLENCE_ROOT = /^(?:1[89]|20)/u;
const QUANTITY_UNITS = new Set(eventRules.quantity_units);
/** Roots of force and violence (15-20), whose verbs also take ideas as objects ("attacked the plan"). */
const FORCE_ROOT = /^(?:1[5-9]|20)/u;
/** "'s" and the head noun after at most two modifiers: "Washington's [latest] decision". */
const POSSESSED = /^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}[\p{Ll}-]+)(?=\s*(?:[,.;:]|$|\s(?:to|on|of|for|in|at|with|over|against|and|that|from|by)\b))/u;
/** What may follow the actor heading a subject: "of the Syrian Golan Heights", "bulldozers", "and tanks". */
const ACTOR_HEADS = alt(eventRules.actor_heads);
/**
 * What may follow the actor that heads a subject: a prepositional phrase of names ("of the Golan Heights"), a
 * companion ("along with its allies"), a body it owns ("'s ruling junta", "'s army"), or a bracketed name
 * ("(APEC)") and then one modifier and a head noun
 * (a plural or a body of the actor: "foreign ministers", "armed wing", "and tanks"). Groups: the modifier, "and",
 * the head.
 */
const SUBJECT_TAIL = new RegExp(
  String.raw`(?:\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'.-]*\s*){1,5}|\s+(?:along|together)\s+with\s+[^,;()]{1,40}|\s*\(\p{Lu}[^()]{0,40}\)|['’]s(?:\s+[\p{L}-]+){0,2}\s+(?:${altCi(eventRules.actor_heads)})` +
    String.raw`|(?:\s*\([^()]{1,40}\))?(?:\s+(\p{Ll}[\p{Ll}-]+(?<!ly)))??\s+(and\s+)?(\p{Ll}[\p{Ll}-]+(?<!ss|us|is)s|${ACTOR_HEADS}))$`,
  'u',
);
/**
 * A prepositional phrase closing a subject before its verb ("at the University of Nairobi", "from across the
 * country", "in the old town of Hebron"); it starts at the match's index. A determiner stands only after a
 * preposition and no word is a preposition or clause boundary, so no verb and its object hide inside ("in
 * Belarus began a hunger strike in").
 */
const PREPOSITION = alt(eventRules.subject_prepositions);
const PP_DETERMINER = String.raw`(?:(?:${alt(eventRules.noun_determiners)})\s+)?`;
const PP_WORD = String.raw`(?!(?:${PREPOSITION}|${alt(eventRules.boundary_words)}|${alt(eventRules.noun_determiners)})(?![\p{L}\p{N}]))[\p{L}\p{N}’'.-]+`;
const SUBJECT_PP = new RegExp(
  String.raw`\s+(?:${PREPOSITION})\s+(?:(?:${PREPOSITION})\s+)?${PP_DETERMINER}${PP_WORD}(?:\s+${PP_WORD}){0,3}(?:\s+(?:${PREPOSITION})\s+${PP_DETERMINER}${PP_WORD}(?:\s+${PP_WORD}){0,2}){0,2}\s*$`,
  'u',
);
/** What may stand before an actor that opens a subject: the sentence start, a comma, a clause boundary, an amount ("Thousands of"), and a determiner. */
const SUBJECT_LEAD = new RegExp(String.raw`(?:^|[,;:(—–]|\b(?:${alt(eventRules.boundary_words)})|\b(?:${alt(eventRules.crowd_quantities)}|\p{N}[\p{N},.]*)\s+of)\s*(?:(?:${alt(eventRules.noun_determiners)})\s+)?$`, 'iu');
/** A speech verb right before a pronoun, maybe with its day and "that": "announced (on Monday) (that) they …". */
const OWN_PLAN = new RegExp(String.raw`\b(?:${alt(eventRules.own_plan_cues.flatMap((l) => verbForms(l).filter(([, k]) => k !== 'ing').map(([f]) => f)))})\s+(?:(?:on\s+)?(?:today|yesterday|\p{Lu}\p{Ll}+day)\s+)?(?:that\s+)?$`, 'u');
/** An owner's pronoun and a body of it as a subject: "their forces", "its own troops", "his government". */
const ACTOR_HEAD_SET: ReadonlySet<string> = new Set(eventRules.actor_heads);
const OWNED_SUBJECT = new RegExp(String.raw`(?:^|\s)(its|their|his|her|Its|Their|His|Her)\s+(?:own\s+)?(?:\p{Ll}[\p{Ll}-]+\s+)?(?:${ACTOR_HEADS})$`, 'u');
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
/** Text before a participle that opens a clause of its own: ", urging", ", while saying". */
const PARTICIPLE_CLAUSE = /,\s*(?:while\s+|\p{Ll}+ly\s+)?$/u;
/** Object pronouns a pattern's target slot may hold, and the kind of actor each refers to. */
const OBJECT_PRONOUN: Record<string, 'person' | 'group'> = { him: 'person', her: 'person', them: 'group' };
const OWNER_PRONOUN: Record<string, string> = { its: 'it', their: 'they', his: 'he', her: 'she' };
const WORDLIKE = /^[\p{L}\p{N}'’]/u;
/** Which of a trigger's entries are candidates (candidates, in findEvents): one array, cleared after each use. */
let marks = new Uint8Array(64);
/** Global, used only by lastPlace, synchronously (lastIndex reset before each scan). */
const PLACE_PREP = /\b(?:in|to|at)\s+/gu;
const DETERMINERS = new Set(eventRules.noun_determiners);
const BOUNDARY_WORDS = new Set(eventRules.boundary_words);
const MILITARY = new RegExp(`\\b(?:${alt(eventRules.military_words)})\\b`, 'i');
// Clause boundaries; a speech verb opens the reported clause, which the time of the saying does not date.
const CLAUSE_END = /;|,\s+(?:which|who|whom|where|while|but|although|though|saying|adding)\b|,\s+and\s+(?=\p{Lu})|\s+(?:as|when|while|after|before|because|although|though|amid|during|that)\s|\b(?:said|says|told|reported|added|announced|stated)\s+(?:that\s+)?(?=\p{L})/u;
/** CLAUSE_END for matchAll (which copies the pattern, so sharing it is safe). */
const CLAUSE_END_ALL = new RegExp(CLAUSE_END.source, 'gu');
const HYPOTHETICAL = new RegExp(`\\b(?:${alt(eventRules.hypothetical_markers)})\\s+(?:[\\p{L}’'.-]+\\s+){0,4}$`, 'u');
const NOT_DONE = new RegExp(`\\b(?:${alt(eventRules.not_done_markers)})\\s+(?:\\p{Ll}+\\s+)?$`, 'u');
/** "continued to send", "began to withdraw": an infinitive that is done. */
const DONE_TO = new RegExp(`\\b(?:${alt(eventRules.done_before_to)})\\s+to\\s+$`, 'u');
const NEGATION = /\b(?:not|never|no longer|n['’]t)\b/u;
const DENIAL = new RegExp(`\\b(?:${alt(eventRules.denial_cues)})\\s+(?:that\\s+)?`, 'u');
/** "will", "would", "is ready to", "plans to" … right before the verb, not negated. */
const FUTURE = new RegExp(`\\b(?:${alt(eventRules.future_markers)})\\s+(?:\\p{Ll}+ly\\s+)?$`, 'u');
const ANNOUNCED = eventRules.announced_codes as Record<string, string>;
const REFUSED = eventRules.refused_codes as Record<string, string>;
const REQUESTED = eventRules.requested_codes as Record<string, string>;
/** The specific code a generic governing act (appeal 020, demand 100, refusal 120, intent 030, threat 130) takes from the act it governs. */
function governedCode(governing: string, act: string): string | null {
  if (governing.startsWith('12')) return codeFrom(REFUSED, act);
  if (governing.startsWith('02')) return codeFrom(REQUESTED, act);
  if (governing.startsWith(eventRules.demand_root)) return codeFrom(REQUESTED, act)?.replace(/^02/, eventRules.demand_root) ?? null;
  return announcedCode(act);
}
/** "will not", "won't", "would not", "refuses to" right before the verb. */
const REFUSE = new RegExp(`\\b(?:${alt(eventRules.refusal_markers)})\\s+(?:\\p{Ll}+ly\\s+)?$`, 'u');
/** The code a table gives an act's code, by its longest listed prefix. */
function codeFrom(table: Record<string, string>, code: string): string | null {
  for (let n = code.length; n >= 2; n--) {
    const c = table[code.slice(0, n)];
    // "=": the act keeps its own code (event-rules.json, announced_codes).
    if (c) return c === '=' ? code : c;
  }
  return null;
}
/** The intent or threat code of an act announced for the future. */
const announcedCode = (code: string) => codeFrom(ANNOUNCED, code);
/** A hostile or military act (threats, protests, force, coercion, violence; military aid or cooperation). */
const hostile = (code: string) => Number(code.slice(0, 2)) >= 13 || eventRules.hostile_codes.some((c) => code.startsWith(c));
const CONDITIONAL = new RegExp(`(?:^|[\\s,])(?:${alt(eventRules.conditional_markers)})\\s`, 'iu');
const PASSIVE = /\b(?:was|were|been|being|is|are|be|got)\s+(?:\p{Ll}+ly\s+)?$/u;
const CLAIM = new RegExp(`\\b(?:${alt(eventRules.claim_verbs)})\\s+(?:that\\s+)?`, 'u');
const LIGHT_VERBS = new Set(eventRules.light_verbs.flatMap((l) => verbForms(l).map(([f]) => f)));
const CLAIM_CUE = new RegExp(`\\b(?:${alt(eventRules.claim_verbs)})\\b`, 'u');
const CLAIM_TAIL = new RegExp(`,\\s+(?:[^,]{1,60}\\s)?(?:${alt(eventRules.claim_verbs)})\\s*(?:on\\s+\\p{Lu}\\p{Ll}+\\s*)?[.]?$`, 'u');
/** A closing attribution, whatever short words follow its verb (", officials said Sunday.", ", the ministry told reporters."). */
const ATTRIBUTION_TAIL = new RegExp(`,\\s+(?:[^,]{1,60}\\s)?(?:${alt(eventRules.claim_verbs)})(?![\\p{L}])[^,;]{0,30}$`, 'u');
const VERBAL_ATTACK: ReadonlySet<string> = new Set(eventRules.verbal_attack_lemmas);
const STATIVE: ReadonlySet<string> = new Set(eventRules.stative_participles);
const NOUN_PREPOSITIONS: ReadonlySet<string> = new Set(eventRules.noun_prepositions);
/** "X is guilty of", "X is responsible for" right before a gerund: the copula, whose subject did the act. */
const CULPRIT_PHRASE = String.raw`\b(?:is|are|was|were|(?:has|have|had)\s+been)\s+(?:\p{Ll}+ly\s+)?(?:${alt(eventRules.culprit_phrases)})\s+`;
const CULPRIT = new RegExp(`${CULPRIT_PHRASE}$`, 'u');
/** The same before a noun trigger and its modifiers: "is responsible for (the) mass killings". */
const CULPRIT_NOUN = new RegExp(String.raw`${CULPRIT_PHRASE}(?:[\p{L}\p{N}’'-]+\s+){0,3}$`, 'u');
const REPORTER = new RegExp(`^\\s+(?:\\p{L}+\\s+)?(?:${alt(eventRules.report_sources)})\\s*$`, 'u');
const JOINT = new RegExp(`\\b(?:${alt(eventRules.joint_markers)})\\b`, 'u');
/** Types whose pattern governs what follows it: the act inside an accusation, demand, refusal or threat is not done. */
const GOVERNING = new Set<PloverType>(['ACCUSE', 'REQUEST', 'REJECT', 'THREATEN', 'AGREE']);

/** The index of the first token starting at or after `pos` (tokens in text order). */
function tokenIndexAt(toks: Token[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const st = text.slice(from, to);
  // TOKEN is global and only used here, synchronously: reset, not rebuilt per sentence.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(st); m; m = TOKEN.exec(st)) out.push({ start: from + m.index, end: from + m.index + m[0].length, lower: m[0].toLowerCase(), punct: !WORDLIKE.test(m[0]) });
  return out;
}

/** A trigger's entries by the lemmas of the first word each pattern needs after the trigger (built once per trigger form). */
interface EntryIndex {
  always: number[];
  byLemma: Map<string, number[]>;
}
const entryIndexes = new WeakMap<TriggerEntry[], EntryIndex>();
function entryIndex(entries: TriggerEntry[]): EntryIndex {
  let ix = entryIndexes.get(entries);
  if (ix) return ix;
  ix = { always: [], byLemma: new Map() };
  for (const [n, e] of entries.entries()) {
    const first = e.pattern.required[0];
    if (!first) ix.always.push(n);
    else {
      for (const l of first) {
        const list = ix.byLemma.get(l);
        if (list) list.push(n);
        else ix.byLemma.set(l, [n]);
      }
    }
  }
  entryIndexes.set(entries, ix);
  return ix;
}

/** Events of one article. `published` anchors relative dates. */
export function findEvents(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  entities: Map<string, ArticleEntity>,
  published: string | null,
  quoteSpans: { start: number; end: number }[],
  lex: Lexicon = LEXICON,
  cameo: CameoLexicon = cameoLexicon(),
): { events: EventDraft[]; placeMentions: Mention[] } {
  const events: EventDraft[] = [];
  const placeMentions: Mention[] = [];
  /** Places standing for their country that a pattern's slot took (placeAfter), by offset, and their countries. */
  const placeCandidates = new Map<number, Mention>();
  const candidateEntities = new Map<string, ArticleEntity>();
  const entityOf = (key: string) => entities.get(key) ?? candidateEntities.get(key);
  /** An event took the mention: a place candidate becomes a mention of its country, once. */
  const adopt = (m: Mention | null | undefined) => {
    if (!m || placeCandidates.get(m.start) !== m) return;
    placeCandidates.delete(m.start);
    placeMentions.push(m);
    if (!entities.has(m.key)) entities.set(m.key, candidateEntities.get(m.key)!);
  };
  const typeOf = (key: string) => entityOf(key)?.type;
  const index = new MentionIndex(mentions);
  const at = (end: number, from: number) => index.endingAt(end, from);
  const before = (pos: number) => index.endingBy(pos);

  const pronoun = (p: string, pos: number, s?: Sentence): Mention | undefined => {
    const person = /^(?:he|she)$/i.test(p);
    // In a subordinate clause "he" is usually the sentence's subject: "Kim expressed …, as he met Lavrov".
    const opener = s ? sentenceSubject(s) : undefined;
    if (person && opener && opener.end <= pos && typeOf(opener.key) === 'person') return opener;
    const earlier = before(pos).reverse();
    // "they": a group named before (its sentence's subject first: "Rebel leaders said they would …").
    if (/^they$/i.test(p)) return opener && opener.end <= pos && typeOf(opener.key) === 'group' ? opener : earlier.find((m) => typeOf(m.key) === 'group');
    return person ? earlier.find((m) => typeOf(m.key) === 'person') : (earlier.find((m) => typeOf(m.key) === 'organization') ?? earlier.find((m) => typeOf(m.key) === 'country'));
  };
  /**
   * What an object pronoun refers to: the nearest earlier person (him, her) or group (them) that is not the
   * subject of the trigger (`trigger`), whose own act it would be ("Kim said Putin had urged him" is Kim).
   */
  /** The main clause's subject, for a participle opening a clause of its own at `pos` (", urging him to …"). */
  const participleOf = (s: Sentence, pos: number): Mention | undefined => {
    if (!/^\p{L}+ing\b/u.test(text.slice(pos, pos + 30)) || !PARTICIPLE_CLAUSE.test(text.slice(s.start, pos))) return undefined;
    const opener = sentenceSubject(s);
    return opener && opener.end <= pos ? opener : undefined;
  };
  /** The trigger being matched and its sentence (set by the loop below, read by a target slot's pronoun). */
  let trigger: { at: number; sentence: Sentence } | null = null;
  const objectPronoun = (kind: 'person' | 'group', pos: number): Mention | undefined => {
    if (!trigger) return undefined;
    const subject = participleOf(trigger.sentence, trigger.at) ?? subjects(trigger.at, trigger.sentence)?.list[0];
    return before(pos).reverse().find((m) => typeOf(m.key) === kind && m.key !== subject?.key);
  };
  /** The actor opening a sentence (within its first eight words): its grammatical subject, most often. */
  const subjectMemo = new Map<Sentence, Mention | undefined>();
  const sentenceSubject = (s: Sentence): Mention | undefined => {
    if (subjectMemo.has(s)) return subjectMemo.get(s);
    const found = openingActor(s);
    subjectMemo.set(s, found);
    return found;
  };
  const openingActor = (s: Sentence): Mention | undefined => {
    const inS = index.within(s.start, s.end);
    let first = inS[0];
    // "Russia’s Foreign Minister Sergey Lavrov": the person is the subject, not the country.
    if (first && typeOf(first.key) === 'country' && inS[1] && typeOf(inS[1].key) === 'person' && /^['’]s\s+(?:[\p{L}.-]+\s+){1,3}$/u.test(text.slice(first.end, inS[1].start))) first = inS[1];
    // "Civic Union's Anna Novak": the person, not the organisation.
    else if (first && inS[1] && typeOf(inS[1].key) === 'person' && /^['’]s\s+(?:[\p{L}.-]+\s+){0,3}$/u.test(text.slice(first.end, inS[1].start))) first = inS[1];
    // A sentence opened by a pronoun has that pronoun as its subject ("They endorse … police officers and …").
    if (/^\s*(?:He|She|It|They|We|I|You)\b/u.test(text.slice(s.start, s.end))) return undefined;
    return first && text.slice(s.start, first.start).split(/\s+/).length <= 8 ? first : undefined;
  };
  /** The subject(s) of a verb starting at `pos`; "X and Y" gives both. */
  const subjects = (pos: number, s: Sentence): { list: Mention[]; via: 'name' | 'pronoun' } | null => {
    const pre = text.slice(s.start, pos);
    for (const end of subjectEnds(pre)) {
      let m = subjectPhrase(pre.slice(0, end), s.start) ?? at(s.start + end, s.start) ?? headBefore(pre.slice(0, end), s.start);
      // "X was invited by Y to visit …": the one who visits is X, the sentence's subject.
      if (m && /\b(?:was|were|been|being|is|are)\s+\p{L}+\s+by\s+$/u.test(text.slice(s.start, m.start)) && /\bto$/u.test(pre.trimEnd())) m = sentenceSubject(s);
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
            const partner = at(s.start + e, s.start);
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
        const r = pronoun(OWNER_PRONOUN[owned[1]!.toLowerCase()]!, s.start + owned.index, s);
        return r ? { list: [r], via: 'pronoun' } : null;
      }
      if (p) {
        const speaker = ownPlanSpeaker(p[1]!, s.start + end - p[1]!.length, s);
        if (speaker) return { list: speaker, via: 'pronoun' };
        const r = pronoun(p[1]!, s.start + end, s);
        return r ? { list: [r], via: 'pronoun' } : null;
      }
      // A second verb of the same subject: "Lavrov visited Pyongyang on May 31 and met with Kim".
      if (/\band$/u.test(pre.slice(0, end))) {
        const opener = sentenceSubject(s);
        return opener && opener.end <= pos ? { list: [opener], via: 'name' } : null;
      }
    }
    return null;
  };
  /**
   * "X and Y announced that they will …", "X, backed by Z, said it would …": a pronoun right after a speech verb is
   * that verb's own subject, when the two agree in number and kind ("they" several actors or a plural group, "it"
   * one country, organisation or body, "he"/"she" one person); otherwise undefined, and the pronoun is read as usual.
   */
  const ownPlanSpeaker = (word: string, pos: number, s: Sentence): Mention[] | undefined => {
    const cue = OWN_PLAN.exec(text.slice(s.start, pos));
    const said = cue ? subjects(s.start + cue.index, s)?.list : undefined;
    if (!said?.length) return undefined;
    const kind = typeOf(said[0]!.key);
    const plural = said.length > 1 || (kind === 'group' && /s$/u.test(said[0]!.text));
    const w = word.toLowerCase();
    const agrees = w === 'they' ? plural : !plural && (w === 'it' ? kind !== 'person' : kind === 'person');
    return agrees ? said : undefined;
  };
  /** A past verb inside a phrase ("on Monday lifted"): the phrase ends a clause, not a subject; after a determiner it is a modifier ("the occupied …"). */
  const holdsFiniteVerb = (phrase: string): boolean => {
    const words = phrase.trim().split(/\s+/u);
    return words.some((w, k) => k > 0 && !DETERMINERS.has(words[k - 1]!.toLowerCase()) && (/\p{Ll}ed$/u.test(w) || !!cameo.triggers.get(w.toLowerCase())?.some((e) => e.form === 'past' || e.form === 'participle')));
  };
  /**
   * The actor heading a subject that a prepositional phrase closes (`pre` starting at `base`): "Kenyan students *at
   * the University of Nairobi*" is the students, not the university; "Kenyans *from across the country*". The actor
   * opens its clause: after "by" or a verb it is an object ("a report ordered by Kenya in May condemned …" is no
   * act of Kenya's).
   */
  const subjectPhrase = (pre: string, base: number): Mention | undefined => {
    // The outermost phrase first; one whose head is no actor ("Thousands *of Kenyans from …*") gives way to the next.
    for (let from = 0; ; ) {
      const pp = SUBJECT_PP.exec(pre.slice(from));
      if (!pp) return undefined;
      const start = from + pp.index;
      const m = holdsFiniteVerb(pp[0]) ? undefined : (at(base + start, base) ?? headBefore(pre.slice(0, start), base));
      if (m && SUBJECT_LEAD.test(text.slice(base, m.start))) return m;
      from = start + pp[0].search(/\S/u) + 1;
    }
  };
  /**
   * An actor that heads a longer subject ending the text `pre` (starting at `base`): "Druze inhabitants *of the
   * Golan Heights*", "Israeli army *bulldozers*", "Israeli helicopters *and tanks*". What follows the actor is a
   * prepositional phrase of names, or one plural common noun (not a verb form of a trigger), maybe after "and".
   */
  const headBefore = (pre: string, base: number): Mention | undefined => {
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
    const bare = modifier ? at(base + tail.index + tail[0].indexOf(modifier) + modifier.length, base) : undefined;
    const m = bare ?? at(base + tail.index, base);
    // A person's supporters, aides or voters are not the person; the person's own bodies are ("the Biden administration").
    if (m && head && typeOf(m.key) === 'person' && !ACTOR_HEAD_SET.has(head)) return undefined;
    return m;
  };
  /**
   * A protest coded generically takes its fourth digit from what it is for (event-rules.json `purpose_aims`):
   * the first aim word after the pattern, before a closing attribution (", witnesses said").
   */
  const purposeCode = (code: string, toks: Token[], from: number, s: Sentence): string => {
    if (!PURPOSE_CODES.has(code)) return code;
    const attribution = CLAIM_TAIL.exec(text.slice(s.start, s.end));
    const until = attribution ? s.start + attribution.index : s.end;
    for (let k = from; k < toks.length && toks[k]!.start < until; k++) {
      if (toks[k]!.punct) continue;
      const digit = lemmasAt(k, toks).map((l) => purposeAims(cameo).get(l)).find((d) => d !== undefined);
      if (digit) return code + digit;
    }
    return code;
  };
  /** One named person "attacking" another is words, not force (event-rules.json `verbal_attack_lemmas`). */
  const verbalAttack = (p: CameoPattern, src: Mention, tgt: Mention | null): boolean =>
    !!tgt && VIOLENCE_ROOT.test(p.code) && p.trigger.some((l) => VERBAL_ATTACK.has(l)) && typeOf(src.key) === 'person' && typeOf(tgt.key) === 'person';
  /** Actors after `from` in the clause: the first, and any joined to it by "and" or commas. */
  const objectsFrom = (from: number, limit: number): Mention[] => {
    const out: Mention[] = [];
    const inRange = index.within(from, limit);
    for (const [i, m] of inRange.entries()) {
      // "U.S. President Donald Trump", "North Korea’s Foreign Minister Ri Yong-ho": the person, not the country.
      const next = inRange[i + 1];
      if (typeOf(m.key) === 'country' && next && typeOf(next.key) === 'person' && /^(?:['’]s)?\s+(?:[\p{L}.-]+\s+){1,3}$/u.test(text.slice(m.end, next.start))) continue;
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
  };
  const clauseStart = (pos: number, s: Sentence) => {
    let start = s.start;
    for (const m of text.slice(s.start, pos).matchAll(CLAUSE_END_ALL)) start = s.start + m.index + m[0].length;
    return start;
  };
  const clauseLimit = (from: number, s: Sentence) => {
    const m = CLAUSE_END.exec(text.slice(from, s.end));
    return m ? from + m.index : s.end;
  };
  const placeAfter = (from: number, limit: number): Mention | undefined => {
    const m = lex.surfaceMatch.from(text, from, limit);
    if (!m) return undefined;
    const surface = lex.surfaces.get(m.text)!;
    // Only a country's name or capital stands for it; an organisation or person of that country does not.
    const country = surface.entry.type === 'country' && surface.entry.country ? lex.countryByIso.get(surface.entry.country) : undefined;
    if (!country) return undefined;
    // A surface inside a longer mention is part of that name ("… Europe/Radio Liberty"), not a place of its own.
    if (index.covering(m.index)) return undefined;
    const existing = index.startingAt(m.index);
    if (existing) return entityOf(existing.key)?.type === 'country' ? existing : undefined;
    // A candidate until an event takes it (adopt): a pattern tried and dropped leaves no mention and no actor.
    if (!entities.has(country.key) && !candidateEntities.has(country.key)) candidateEntities.set(country.key, { key: country.key, name: country.name, type: 'country', country: country.country, cameo: country.cameo, roles: new Set() });
    let pm = placeCandidates.get(m.index);
    if (!pm) placeCandidates.set(m.index, (pm = { key: country.key, start: m.index, end: m.index + m.text.length, text: m.text, kind: 'metonym' }));
    return pm;
  };
  /** The last place named before `pos` in this or the previous sentence (where a trip without "to X" went). */
  const lastPlace = (pos: number): Mention | undefined => {
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
      const place = placeAfter(floor + m.index + m[0].indexOf(' ') + 1, pos);
      if (place) found = place;
    }
    return found;
  };


  /** Acts that only another party claims happened: coded afterwards as that party's accusation. */
  const accusations: { claimant: string; sources: Mention[]; trigger: Span; sentence: Sentence; patternId: string }[] = [];
  /** Actor mentions by start offset, for the target slot. */
  const mentionAt = new Map<number, Mention>();
  const mentionEndingAt = new Map<number, Mention>();
  for (const m of mentions) {
    if (!mentionAt.has(m.start)) mentionAt.set(m.start, m);
    if (!mentionEndingAt.has(m.end)) mentionEndingAt.set(m.end, m);
  }
  /** Per sentence: each token's possible lemmas, looked up once. */
  const tokenLemmas: string[][] = [];
  const lemmasAt = (k: number, toks: Token[]) => (tokenLemmas[k] ??= cameo.lemmas.lemmasOf(toks[k]!.lower));
  /** Per sentence: target slots and clause limits already worked out (many patterns share a trigger). */
  const targetMemo = new Map<number, { mention: Mention; next: number } | null>();
  const limitMemo = new Map<number, number>();
  const limitAt = (pos: number, s: Sentence) => {
    let l = limitMemo.get(pos);
    if (l === undefined) limitMemo.set(pos, (l = clauseLimit(pos, s)));
    return l;
  };
  const quoted = (pos: number) => quoteSpans.some((q) => pos >= q.start && pos < q.end);

  /**
   * The actor a reduced passive participle modifies: the participle and its agent with no "was" before it, after
   * the actor and maybe a comma ("Hezbollah, supported by Iran, fired …", "Kenya, widely criticised by Uganda,
   * said …") or opening the sentence before it ("Backed by Iran, Hezbollah fired …"). The agent is the source and
   * the actor the target, never the other way round. A background act is still an event (ANNOTATION.md: past
   * events cited as background are events), so the apposition is coded, with the passive's roles; an agent that is
   * no name ("backed by the army") or a modified noun that is no actor ("a report ordered by Kenya") gives none.
   */
  const reducedPassive = (toks: Token[], i: number, s: Sentence): Mention | undefined => {
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
  };

  /** Is the token at `i` used as a noun (a determiner, possessive or number before it)? */
  const nounContext = (toks: Token[], i: number): boolean => {
    const prev = toks[i - 1];
    // Nothing before it could be a subject: "Mass rallies against …", "Talks between …".
    if (!prev || (i === 1 && !mentionAt.has(prev.start) && /^\p{Lu}/u.test(text.slice(prev.start, prev.end)))) return true;
    // "US support for Ukraine": a base form right after a lone actor name is a noun (the verb would be "supports").
    const owner = mentionEndingAt.get(prev.end);
    // Not after a plural subject: "The Palestinians reject …", "Rebels seize …".
    const plural = owner && typeOf(owner.key) === 'group' && /s$/u.test(owner.text);
    if (owner && !plural && !/\band\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, owner.start - 10), owner.start)) && !cameo.triggers.get(toks[i]!.lower)?.some((e) => e.form === 'past' || e.form === 's')) return true;
    if (DETERMINERS.has(prev.lower) || /^\p{N}/u.test(prev.lower)) return true;
    // No finite verb follows a preposition: "responsible for mass killings" ("mass" is no verb there).
    if (NOUN_PREPOSITIONS.has(prev.lower)) return true;
    // "an Israeli airstrike", "a September summit", "the two-day visit": a modifier after a determiner; but a
    // plural group after "the" is a whole subject, whose verb has the base form ("The Palestinians reject …").
    const prev2 = toks[i - 2];
    return !!prev2 && DETERMINERS.has(prev2.lower) && !prev.punct && !plural;
  };

  /** An actor followed by "'s" and an abstract noun (its decision, its bid, its plan). */
  const possessorOnly = (m: Mention): boolean => {
    const head = POSSESSED.exec(text.slice(m.end, m.end + 60));
    if (!head) return false;
    return ABSTRACT_OBJECTS.has(head[1]!.toLowerCase());
  };
  /** The actor (or place standing for a country) that fills a target slot starting at token `j`. */
  const targetFrom = (toks: Token[], j: number, limit: number): { mention: Mention; next: number } | null => {
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
        const objs = objectsFrom(t.start, limit);
        const mention = objs[0] ?? m;
        // Past every coordinated object: "asked Tehran and Damascus to …".
        const end = objs.at(-1)?.end ?? mention.end;
        let next = k + 1;
        while (next < toks.length && toks[next]!.start < end) next++;
        return { mention, next: pastPostmodifier(toks, next) };
      }
      // "urged him to …", "told them": the person or group named before, other than the clause's own subject.
      if (k === j && OBJECT_PRONOUN[t.lower]) {
        const m = objectPronoun(OBJECT_PRONOUN[t.lower]!, t.start);
        return m ? { mention: m, next: k + 1 } : null;
      }
      if ((t.punct && !/^['’]/.test(t.lower)) || BOUNDARY_WORDS.has(t.lower)) break;
    }
    // A place in the slot stands for its country ("visited Pyongyang", "a delegation to Pyongyang"), but not a
    // place where something happened ("met in Beijing").
    const place = placeAfter(toks[j]?.start ?? limit, Math.min(limit, toks[Math.min(toks.length - 1, j + 3)]?.end ?? limit));
    if (!place) return null;
    const between = text.slice(toks[j]?.start ?? place.start, place.start);
    if (/\b(?:in|at|on|near|from|outside|inside|around)\s+(?:the\s+)?$/u.test(between)) return null;
    let next = j;
    while (next < toks.length && toks[next]!.start < place.end) next++;
    return { mention: place, next };
  };

  /**
   * Past what may follow an object before the pattern goes on: a bracketed list or name ("the Quartet (UN,
   * EU, US, Russia) to press …") or, before "to", a place ("the AU mission in Somalia to broker …").
   */
  const pastPostmodifier = (toks: Token[], j: number): number => {
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
  };

  /** The first token from `j` (within four, before a punctuation or clause boundary) with a lemma in `set`; -1 if none. */
  const findWord = (toks: Token[], j: number, set: ReadonlySet<string>, limit: number): number => {
    for (let k = j; k < Math.min(toks.length, j + 4); k++) {
      const t = toks[k]!;
      if (t.start >= limit) break;
      if (lemmasAt(k, toks).some((l) => set.has(l))) return k;
      // "asked X to send her a talking-points memo": after "to", another verb is an act of its own, not a filler.
      // "launched his campaign by talking about …": what follows "by" is how, not the object.
      if (t.lower === 'by' && k > j) break;
      // A light verb is no act of its own: "to bring an end to the embargo".
      if (k === j && toks[j - 1]?.lower === 'to' && !LIGHT_VERBS.has(t.lower) && (cameo.triggers.get(t.lower) ?? []).some((e) => e.form === 'base')) break;
      // "sent tents and medicine to": a coordinated common noun is no clause boundary.
      const coordination = (t.lower === 'and' || t.lower === 'or') && /^\p{Ll}/u.test(text.slice(toks[k + 1]?.start ?? 0, (toks[k + 1]?.start ?? 0) + 1));
      // An actor named inside the gap modifies the next word ("for full United States support"): it is a filler.
      if ((t.punct && !CURRENCY.test(t.lower)) || (BOUNDARY_WORDS.has(t.lower) && !coordination)) break;
    }
    return -1;
  };
  /** The token after an amount starting at `j` ("up to 4,000", "nearly $50 million worth of", "25,000 tons of"), or `j`. */
  const pastQuantity = (toks: Token[], j: number): number => {
    let k = j;
    while (k < toks.length && QUANTITY_LEAD.has(toks[k]!.lower)) k++;
    if (k < toks.length && CURRENCY.test(toks[k]!.lower)) k++;
    if (k >= toks.length || !/^\p{N}/u.test(toks[k]!.lower)) return j;
    k++;
    while (k < toks.length && (QUANTITY_UNITS.has(toks[k]!.lower) || CURRENCY.test(toks[k]!.lower))) k++;
    if (k < toks.length && (toks[k]!.lower === 'of' || toks[k]!.lower === 'in')) k++;
    return k;
  };
  /** Matches the words of `p` after the trigger at token `i`; `skipObject` for a passive (its object is the subject). */
  const matchRest = (toks: Token[], i: number, p: CameoPattern, sentence: Sentence, skipObject: boolean): Omit<Match, 'pattern' | 'form'> | null => {
    const limit = sentence.end;
    let j = i + 1;
    let target: Mention | null = null;
    let score = p.size;
    /** A joint act with no counterpart after it ("A and B met in Beijing"): it needs coordinated subjects. */
    let jointOnly = false;
    for (const [n, el] of p.rest.entries()) {
      if (el.target) {
        if (skipObject && n === 0) {
          // "was ordered by Russia to leave": the agent may stand between the participle and the pattern's words.
          if (toks[j]?.lower === 'by') {
            const agent = targetFrom(toks, j + 1, limitAt(toks[j + 1]?.start ?? limit, sentence));
            if (agent) j = agent.next;
          }
          continue;
        }
        let t = targetMemo.get(j);
        if (t === undefined) targetMemo.set(j, (t = targetFrom(toks, j, limitAt(toks[j]?.start ?? limit, sentence))));
        // "attacked Washington's decision", "killed Britain's bid": force used on an actor's idea is no force on the actor.
        if (t && FORCE_ROOT.test(p.code) && possessorOnly(t.mention)) t = null;
        if (t) {
          target = t.mention;
          j = t.next;
          score += 0.5;
          continue;
        }
        // Violence against people the text does not name as an actor ("killed 23 people", "wounded five others"):
        // the act happened, to no actor we can name.
        const victims = VIOLENCE_ROOT.test(p.code) ? findWord(toks, pastQuantity(toks, j), HUMAN_OBJECTS, limitAt(toks[j]?.start ?? limit, sentence)) : -1;
        if (victims >= 0) j = victims + 1;
        else if (p.symmetric) jointOnly = true;
        else if (!el.optional) return null;
        continue;
      }
      // An amount before the object does not count as filler ("provided nearly 25,000 tons of food aid"), unless
      // the pattern asks for the amount itself.
      let found = findWord(toks, j, el.set, limit);
      const past = found < 0 ? pastQuantity(toks, j) : j;
      if (past > j) found = findWord(toks, past, el.set, limit);
      if (found < 0) {
        if (el.optional) continue;
        return null;
      }
      j = found + 1;
    }
    return { end: toks[j - 1]?.end ?? toks[i]!.end, target, score, jointOnly };
  };

  for (const s of sentences) {
    const st = text.slice(s.start, s.end);
    const times = timeExpressions(st, published);
    const seen = new Set<string>();
    const toks = tokenize(text, s.start, s.end);
    tokenLemmas.length = 0;
    targetMemo.clear();
    limitMemo.clear();
    /** Up to where an accusation, demand, refusal or threat governs what follows (its acts are not done). */
    let governedUntil = -1;
    let governedClauseEnd = -1;
    /** The events of the last governing pattern, which a governed act may make more specific. */
    let governing: { code: string; events: EventDraft[] } | null = null;
    /** Where the words of the last coded pattern end: a noun among them is part of that act ("killed four civilians in shelling"). */
    let codedUntil = -1;
    /** Lemmas of the sentence's words, and which lemma sets meet them (many patterns share a word class). */
    let sentenceLemmas: Set<string> | null = null;
    const lemmasOfSentence = (): Set<string> => {
      if (!sentenceLemmas) {
        sentenceLemmas = new Set();
        for (let k = 0; k < toks.length; k++) for (const l of lemmasAt(k, toks)) sentenceLemmas.add(l);
      }
      return sentenceLemmas;
    };
    /** The entries (by position, in list order) whose first needed word has a lemma in the sentence, and those that need none. */
    const candidates = (entries: TriggerEntry[]): number[] => {
      const ix = entryIndex(entries);
      const lemmas = lemmasOfSentence();
      if (marks.length < entries.length) marks = new Uint8Array(entries.length * 2);
      const take = marks;
      for (const n of ix.always) take[n] = 1;
      // Whichever side is smaller is walked: the sentence's lemmas, or the lemmas this trigger's patterns need first.
      if (ix.byLemma.size < lemmas.size) {
        ix.byLemma.forEach((ns, l) => {
          if (lemmas.has(l)) for (const n of ns) take[n] = 1;
        });
      } else {
        for (const l of lemmas) {
          const ns = ix.byLemma.get(l);
          if (ns) for (const n of ns) take[n] = 1;
        }
      }
      const out: number[] = [];
      for (let n = 0; n < entries.length; n++) {
        if (!take[n]) continue;
        out.push(n);
        take[n] = 0;
      }
      return out;
    };
    const meets = new Map<ReadonlySet<string>, boolean>();
    const inSentence = (set: ReadonlySet<string>): boolean => {
      let r = meets.get(set);
      if (r !== undefined) return r;
      const lemmas = lemmasOfSentence();
      r = false;
      for (const l of set.size <= lemmas.size ? set : lemmas) {
        if ((set.size <= lemmas.size ? lemmas : set).has(l)) {
          r = true;
          break;
        }
      }
      meets.set(set, r);
      return r;
    };
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i]!;
      const entries = cameo.triggers.get(tok.lower);
      if (!entries || quoted(tok.start)) continue;
      const tStart = tok.start;
      trigger = { at: tStart, sentence: s };
      const tEnd = tok.end;
      const limit = limitAt(tEnd, s);
      const asNoun = nounContext(toks, i);
      const auxPassive = PASSIVE.test(text.slice(Math.max(s.start, tStart - 40), tStart)) && !STATIVE.has(tok.lower);
      // A participle with its agent and no "was" ("Hezbollah, supported by Iran, fired …") is a passive too.
      const reduced = auxPassive ? undefined : reducedPassive(toks, i, s);
      const passive = auxPassive || !!reduced;
      let best: Match | null = null;
      const canBeVerb = entries.some((e) => e.form !== 'noun');
      for (const n of candidates(entries)) {
        const e = entries[n]!;
        // A word the pattern needs is nowhere in the sentence: no match to try.
        if (!e.pattern.required.every(inSentence)) continue;
        const noun = e.form === 'noun';
        // A form that is a verb and a noun ("visits", "attack") reads as the one its context asks for.
        if (noun ? canBeVerb && !asNoun : asNoun && (e.form === 'base' || e.form === 's')) continue;
        const objectFirst = e.pattern.rest[0]?.target === true;
        // After "was", "were", "been": the participle, never the past tense of the same spelling.
        if (!noun && passive && e.form === 'past') continue;
        const isPassive = !noun && passive && e.form === 'participle';
        if (isPassive && !objectFirst) continue;
        const m = matchRest(toks, i, e.pattern, s, isPassive);
        if (m && (!best || m.score > best.score)) best = { ...m, pattern: e.pattern, form: e.form };
      }
      if (!best) continue;
      const p = best.pattern;
      const noun = best.form === 'noun';
      if (noun && tStart < codedUntil) continue;
      const lead = text.slice(Math.max(s.start, tStart - 60), tStart);
      // Verbs to the end of the sentence ("demanded that X withdraw"), nouns within the clause ("accused X of the bombing").
      // A finite past verb is a new act ("condemned … and threatened"); after an auxiliary it is a participle ("denied it had attacked").
      const finite = best.form === 'past' && !/\b(?:had|has|have|having|been|be|was|were)\s+(?:\p{Ll}+ly\s+)?$/u.test(text.slice(Math.max(s.start, tStart - 30), tStart));
      const governed = best.form === 'noun' ? tStart < governedClauseEnd : tStart < governedUntil && !finite && !DONE_TO.test(lead);
      if (GOVERNING.has(p.type) || p.governsInfinitive) {
        // A reduced passive governs only its own phrase ("Iran, urged by Russia to withdraw, said …").
        const comma = reduced ? text.indexOf(',', best.end) : -1;
        governedUntil = comma >= 0 && comma < s.end ? comma : s.end;
        governedClauseEnd = Math.max(governedClauseEnd, Math.min(limit, governedUntil));
      }
      if (governed) {
        // "threatened to mobilise its army": the generic threat or intent takes the specific code of what was threatened or intended.
        const refined = governing ? governedCode(governing.code, p.code) : null;
        if (refined && governing && refined.slice(0, 2) === governing.code.slice(0, 2) && governing.code.endsWith('0') && governing.code.length === 3) {
          for (const e of governing.events) Object.assign(e, { cameo: refined, type: ploverOf(refined)! });
          governing.code = refined;
        }
        continue;
      }
      // A negation among the pattern's own words: "has not held talks with".
      if (NEGATION.test(text.slice(tStart, best.end))) continue;
      // What someone denies happened: "denied that it had attacked".
      if (DENIAL.test(text.slice(s.start, tStart))) continue;
      // Acts that have not happened: negated, modal, infinitive ("plans to meet"), conditional, hypothetical.
      // An act announced for the future is the announcer's intent (03) or threat (13), not the act: "will send
      // troops", "is ready to lift the ban", "would blockade Paris". Negated or merely possible, it is nothing.
      let announced: string | null = null;
      let announcedBy = ANNOUNCED;
      if (!noun && NOT_DONE.test(lead) && !DONE_TO.test(lead)) {
        // "will not meet", "won't release": a refusal (12) of the act, which is what the actor did.
        announcedBy = REFUSE.test(lead) ? REFUSED : ANNOUNCED;
        announced = REFUSE.test(lead) || FUTURE.test(lead) ? codeFrom(announcedBy, p.code) : null;
        if (!announced) continue;
      }
      if (noun && HYPOTHETICAL.test(lead)) continue;
      // The object of a negated or modal verb: "has not held talks", "could impose a blockade".
      const governor = noun ? nounPhraseStart(s, tStart) : null;
      if (governor !== null && NOT_DONE.test(text.slice(Math.max(s.start, governor - 40), governor)) && !DONE_TO.test(text.slice(Math.max(s.start, governor - 40), governor))) continue;
      // A conditional act is no event; announced with a condition, a hostile act is a threat ("will withdraw unless …").
      if (CONDITIONAL.test(text.slice(clauseStart(tStart, s), tStart)) && !(announced?.startsWith('13') && !/\bwhether\b/iu.test(text.slice(s.start, tStart)))) continue;
      if (announced && !announced.startsWith('13') && /\b(?:if|unless|whether)\b/iu.test(text.slice(s.start, s.end))) continue;
      // "… of attacking", "for meeting": a gerund after a preposition is what someone is accused of or praised for.
      // But "X is guilty of violating the truce" states that X did it (the CAMEO codebook codes the act, 196): the
      // copula's subject is the source. An accusation ("accused X of violating") is the accuser's 112, found by its
      // own pattern; a court's verdict ("found X guilty of") is its 116 and governs the act; "could be guilty of",
      // "is not guilty of" match no CULPRIT and stay nothing.
      const culprit = best.form === 'ing' && hostile(p.code) ? CULPRIT.exec(lead) : null;
      if (best.form === 'ing' && !culprit && /\b(?:of|for|from|about|against|by)\s+$/u.test(lead)) continue;
      const isPassive = !noun && passive && best.form === 'participle';
      // "was extradited to Brazil by Portugal": the agent may follow the pattern's own words.
      const agent = isPassive ? /^[^.;]{0,60}?\bby\s+(?=(?:the\s+)?\p{Lu})/u.exec(text.slice(tEnd, limit)) : null;
      if (isPassive && !agent) continue;
      // What an actor only claims another did is the claimant's statement, not an event: "the US said North Korea had …".
      const claimant = claimOf(s, tStart);

      let sources: Mention[] = [];
      let targets: Mention[] = best.target ? [best.target] : [];
      let via: 'name' | 'pronoun' | 'noun' = 'name';
      let joint = false;
      if (noun) {
        via = 'noun';
        ({ sources, targets } = nounActors(s, tStart, tEnd, p, targets));
      } else if (agent) {
        const by = objectsFrom(tEnd + agent[0].length, s.end)[0];
        const subj = reduced ? { list: [reduced] } : subjects(text.slice(s.start, tStart).search(PASSIVE) + s.start, s);
        if (!by || !subj) continue;
        sources = [by];
        targets = subj.list;
      } else {
        // A participle after a comma belongs to the main clause's subject: "X wrote to Y, urging him to …" is X's;
        // after an event of that subject it only tells what the event was for ("rioted, calling for …").
        const opener = best.form === 'ing' ? participleOf(s, tStart) : undefined;
        if (opener && events.some((e) => e.start === s.start && e.sourceKey === opener.key)) continue;
        const subj = opener ? { list: [opener], via: 'name' as const } : culprit ? subjects(tStart - lead.length + culprit.index, s) : subjects(tStart, s);
        if (!subj) continue;
        via = subj.via;
        sources = subj.list;
        // "X and Y met / signed": the pair is the subject; so in a joint act ("pledged to set up a joint fund").
        joint = sources.length > 1 && !targets.length && (p.symmetric || JOINT.test(text.slice(tStart, limit)));
        if (joint) {
          targets = sources.slice(1);
          sources = sources.slice(0, 1);
        }
        if (!targets.length && (p.governsInfinitive || GOVERNING.has(p.type))) {
          // What was pledged, threatened or asked has its own target: "threatened to mobilise its army against South Korea".
          // Not from a closing attribution (", Palestinian officials said."): who reports the act is not its target.
          const attribution = ATTRIBUTION_TAIL.exec(text.slice(s.start, s.end));
          const until = Math.min(limitAt(best.end, s), attribution ? s.start + attribution.index : s.end);
          const after = index.within(best.end, until).filter((m) => !sources.some((x) => x.key === m.key));
          const inner = after.find((m) => /\b(?:to|against|with|on|towards?|for|from)\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, m.start - 12), m.start))) ?? after[0];
          if (inner) targets = objectsFrom(inner.start, until).slice(0, 3);
          if (!targets.length && inner) targets = [inner];
        }
        if (best.target) {
          // "sanctions on Belarus and Russia": every coordinated object is a target.
          const more = objectsFrom(best.target.start, limit);
          if (more.length > 1 && more[0] === best.target) targets = more;
        }
      }
      if (!sources.length || (best.jointOnly && !joint)) continue;
      if (claimant && sources.every((x) => otherSide(x.key, claimant))) {
        // What exists only in another party's claim is that party's act: a hostile or military act it says the
        // source did is its accusation ("the US said North Korea had transferred munitions" → US ACCUSE North Korea).
        if (hostile(p.code)) accusations.push({ claimant, sources, trigger: { start: tStart, end: tEnd }, sentence: s, patternId: p.id });
        continue;
      }
      const acted = eventRules.military_codes[p.code as keyof typeof eventRules.military_codes] !== undefined && MILITARY.test(text.slice(tEnd, limit)) ? eventRules.military_codes[p.code as keyof typeof eventRules.military_codes]! : p.code;
      const code = announced ? (codeFrom(announcedBy, acted) ?? announced) : purposeCode(acted, toks, tokenIndexAt(toks, best.end), s);
      const type = announced ? ploverOf(code)! : p.type;
      const [actCode, actType] = [code, type];
      const time = timeOf(s, times, tStart, tEnd, limit);
      // A location stated right after the trigger's object, in the same clause: "met … in Pyongyang".
      const locFrom = Math.max(best.end, ...targets.map((t) => t.end));
      const locMatch = /^[^.;]{0,25}?\bin\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/u.exec(text.slice(locFrom, s.end));
      const location = locMatch && lex.surfaces.has(locMatch[1]!) ? locMatch[1]! : null;
      const list: (Mention | null)[] = targets.length ? targets : [null];
      const pushedFrom = events.length;
      for (const src of sources) {
        // An actor is not its own target, nor is its own country ("Kim pledged … for the DPRK", "X threatened
        // to ban rallies in its own capital"): the act stays, with no target when none other is named.
        const own = (t: Mention | null) => !!t && (t.key === src.key || (typeOf(t.key) === 'country' && entityOf(src.key)?.country === entityOf(t.key)?.country));
        const others = list.filter((t) => !own(t));
        for (const tgt of others.length ? others : [null]) {
          const [code, type] = verbalAttack(p, src, tgt) ? [eventRules.verbal_attack_code, ploverOf(eventRules.verbal_attack_code)!] : [actCode, actType];
          const key = `${code}|${src.key}|${tgt?.key ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const named = [src, tgt].every((x) => !x || x.kind === 'name' || x.kind === 'surname');
          let confidence = via === 'noun' ? 0.6 : via === 'pronoun' ? 0.7 : named ? 0.9 : 0.8;
          if (!tgt) confidence -= 0.2;
          if (!time?.date) confidence -= 0.05;
          adopt(src);
          adopt(tgt);
          events.push({
            type,
            cameo: code,
            symmetric: p.symmetric || joint,
            sourceKey: src.key,
            targetKey: tgt?.key ?? null,
            date: time?.date ?? null,
            precision: time?.precision ?? null,
            dateText: time?.text ?? null,
            location,
            start: s.start,
            end: s.end,
            confidence: Math.round(confidence * 100) / 100,
            trigger: { start: tStart, end: tEnd },
            patternId: p.id,
            sourceMention: { start: src.start, end: src.end },
            targetMention: tgt ? { start: tgt.start, end: tgt.end } : null,
          });
        }
      if (GOVERNING.has(type) || p.governsInfinitive) governing = { code, events: events.slice(pushedFrom) };
      }
      if (events.length > pushedFrom) codedUntil = Math.max(codedUntil, best.end);
    }
  }
  for (const a of accusations) {
    const by = index.within(a.sentence.start, a.sentence.end).find((m) => m.key === a.claimant);
    if (!by) continue;
    const times = timeExpressions(text.slice(a.sentence.start, a.sentence.end), published);
    const time = timeOf(a.sentence, times, by.start, by.end, limitAt(by.end, a.sentence));
    for (const src of a.sources) {
      if (events.some((e) => e.start === a.sentence.start && e.type === 'ACCUSE' && e.sourceKey === a.claimant && e.targetKey === src.key)) continue;
      adopt(src);
      events.push({ type: 'ACCUSE', cameo: eventRules.claim_code, symmetric: false, sourceKey: a.claimant, targetKey: src.key, date: time?.date ?? null, precision: time?.precision ?? null, dateText: time?.text ?? null, location: null, start: a.sentence.start, end: a.sentence.end, confidence: time?.date ? 0.7 : 0.65, trigger: a.trigger, patternId: a.patternId, sourceMention: { start: by.start, end: by.end }, targetMention: { start: src.start, end: src.end } });
    }
  }
  return { events, placeMentions };

  /** Is the claimant of another country than the source (a known country, and not the source's own)? */
  function otherSide(source: string, claimant: string): boolean {
    if (source === claimant) return false;
    const c = entityOf(claimant)?.country ?? null;
    return c !== null && c !== (entityOf(source)?.country ?? null);
  }

  /**
   * Who claims the act at `pos` happened, when an actor other than a news medium is the one saying so ("the US
   * said North Korea had …", "…, Seoul said"); null when nobody is named as saying it, or a medium reports it.
   */
  function claimOf(s: Sentence, pos: number): string | null {
    const pre = text.slice(s.start, pos);
    const lead = CLAIM.exec(pre);
    let who: Mention | undefined;
    if (lead && pre.slice(lead.index + lead[0].length).trim().length > 0) who = subjects(s.start + lead.index, s)?.list[0];
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
    const e = who ? entityOf(who.key) : undefined;
    return who && e?.kind !== 'media' && e?.type !== 'group' ? who.key : null;
  }

  /** Source and targets of a noun trigger ("the summit between X and Y", "their talks", "X's visit to Y"). */
  function nounActors(s: Sentence, tStart: number, tEnd: number, p: CameoPattern, found: Mention[]): { sources: Mention[]; targets: Mention[] } {
    let sources: Mention[] = [];
    let targets = found;
    const after = text.slice(tEnd, s.end);
    const between = /^[^.;]{0,40}?\bbetween\s+/u.exec(after);
    const withX = /^[^.;]{0,30}?\bwith\s+/u.exec(after);
    const byX = /^[^.;]{0,30}?\bby\s+/u.exec(after);
    const toX = /^[^.;]{0,30}?\bto\s+/u.exec(after);
    const head = text.slice(Math.max(s.start, tStart - 40), tStart);
    if (between) {
      const both = objectsFrom(tEnd + between[0].length, s.end);
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
    const lightVerb = nounPhraseStart(s, tStart);
    const culprit = hostile(p.code) ? CULPRIT_NOUN.exec(head) : null;
    if (byX) sources = objectsFrom(tEnd + byX[0].length, s.end).slice(0, 1);
    else if (ownerMention) sources = [ownerMention];
    // "X is responsible for the bombing": X did it (see CULPRIT in findEvents).
    else if (culprit) sources = subjects(tStart - head.length + culprit.index, s)?.list ?? [];
    else if (lightVerb !== null && passiveAt(s, lightVerb)) {
      // "Three soldiers were killed in a car bombing": the subject of a passive verb is what the act was done to,
      // never its source; its agent is ("were killed by Hamas in a car bombing"). No agent, no source: no event.
      const agent = /^\S+\s+by\s+/u.exec(text.slice(lightVerb, tStart));
      sources = agent ? objectsFrom(lightVerb + agent[0].length, tStart).slice(0, 1) : [];
    } else if (lightVerb !== null && subjects(lightVerb, s)) sources = subjects(lightVerb, s)!.list;
    else if (targets.length) {
      // Otherwise, for a meeting with someone, the nearest person named before it ("Kim said … at a meeting with …").
      const person = index.within(s.start, tStart).filter((x) => typeOf(x.key) === 'person').pop();
      sources = person ? [person] : [];
    }
    if (!targets.length && withX) targets = objectsFrom(tEnd + withX[0].length, s.end);
    else if (!targets.length && p.code.startsWith('042')) {
      const to = toX ? tEnd + toX[0].length : -1;
      const t = (toX ? (objectsFrom(to, Math.min(s.end, to + 40))[0] ?? placeAfter(to, s.end)) : undefined) ?? lastPlace(tStart);
      targets = t ? [t] : [];
    }
    return { sources, targets };
  }

  /** Is the verb at `pos` a passive participle ("were killed", "was hit"), not a stative one ("were engaged in")? */
  function passiveAt(s: Sentence, pos: number): boolean {
    const word = /^\p{L}+/u.exec(text.slice(pos, s.end))?.[0].toLowerCase() ?? '';
    return PASSIVE.test(text.slice(Math.max(s.start, pos - 40), pos)) && !STATIVE.has(word);
  }

  /**
   * Where the verb governing a noun trigger stands ("Israel *mounted* its invasion", "staged a hunger strike"):
   * the word before the noun phrase (at most three words of determiners and modifiers), when it is a verb form
   * of the sentence's clause; null when the noun opens the clause or follows a preposition.
   */
  function nounPhraseStart(s: Sentence, tStart: number): number | null {
    const m = /(?:^|\s)(\p{Ll}+)\s+(?:[\p{L}\p{N}’'-]+\s+){0,3}$/u.exec(text.slice(Math.max(s.start, tStart - 60), tStart));
    if (!m) return null;
    const word = m[1]!;
    if (DETERMINERS.has(word) || BOUNDARY_WORDS.has(word) || !/(?:ed|s)$/.test(word) && !LIGHT_VERBS.has(word)) return null;
    return tStart - (text.slice(Math.max(s.start, tStart - 60), tStart).length - m.index - m[0].indexOf(word));
  }

  /** The date of the trigger's own clause (nearest first), else the nearest one after it in the sentence. */
  function timeOf(s: Sentence, times: ReturnType<typeof timeExpressions>, tStart: number, tEnd: number, limit: number) {
    const cStart = clauseStart(tStart, s);
    const dist = (t: { start: number }) => Math.abs(s.start + t.start - tStart);
    const inClause = times.filter((t) => s.start + t.start >= cStart && s.start + t.start < limit).sort((a, b) => Number(b.explicit) - Number(a.explicit) || dist(a) - dist(b));
    // A "when" clause shares the time of the clause it hangs on: "made the remarks on Thursday when he met".
    const simultaneous = /\bwhen\s+$/u.test(text.slice(s.start, cStart));
    return inClause[0] ?? times.filter((t) => s.start + t.start > tEnd).sort((a, b) => dist(a) - dist(b))[0] ?? (simultaneous ? times.filter((t) => s.start + t.end <= cStart).sort((a, b) => dist(a) - dist(b))[0] : undefined);
  }
}
