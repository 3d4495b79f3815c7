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
import { alt, altCi } from '../regex.ts';
import { cameoLexicon, ploverOf } from './cameo.ts';
import type { CameoLexicon, PloverType, TriggerEntry } from './cameo.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON } from './lexicon.ts';
import type { ArticleEntity, Mention } from './mentions.ts';
import type { Sentence } from './sentences.ts';
import { newScope, entityOf, adopt, typeOf, clauseStart, lemmasAt, limitAt, quoted } from './event-scope.ts';
import type { Span, EventDraft, Token, Accusation, Scope } from './event-scope.ts';
import { participleOf, subjects, reducedPassive, otherSide, claimOf } from './event-subjects.ts';
import { nounContext, objectsFrom, matchRest, purposeCode, verbalAttack, demonymBefore } from './event-slots.ts';
import { nounActors, nounPhraseStart, timeOf, actOwner } from './event-nouns.ts';
import { hostile, PASSIVE, STATIVE, CULPRIT } from './event-grammar.ts';
import type { Match } from './event-grammar.ts';

export type { EventDraft, Span } from './event-scope.ts';

const TOKEN = /\p{L}+(?:[’'-](?!s\b)[\p{L}\p{N}]+|\.\p{L}\b)*|\p{N}+(?:[.,:]\p{N}+)*|['’]s\b|\S/gu;
const WORDLIKE = /^[\p{L}\p{N}'’]/u;
/** Which of a trigger's entries are candidates (see candidates): one array, cleared after each use. */
let marks = new Uint8Array(64);
const MILITARY = new RegExp(`\\b(?:${alt(eventRules.military_words)})\\b`, 'i');
const HYPOTHETICAL = new RegExp(`\\b(?:${alt(eventRules.hypothetical_markers)})\\s+(?:[\\p{L}’'.-]+\\s+){0,4}$`, 'u');
const NOT_DONE = new RegExp(`\\b(?:${alt(eventRules.not_done_markers)})\\s+(?:\\p{Ll}+\\s+)?$`, 'u');
/** "continued to send", "began to withdraw": an infinitive that is done. */
const DONE_TO = new RegExp(`\\b(?:${alt(eventRules.done_before_to)})\\s+to\\s+$`, 'u');
const NEGATION = /\b(?:not|never|no longer|n['’]t)\b/u;
/** A negated or modal main verb right after its subject ("X may write", "X did not write"), before an optional adverb. */
const MAIN_NOT_DONE = new RegExp(`^\\s+(?:\\p{Ll}+ly\\s+)?(?:(?:do|does|did|has|have|had)\\s+)?(?:${alt(eventRules.not_done_markers)})\\s`, 'u');
const DENIAL = new RegExp(`\\b(?:${alt(eventRules.denial_cues)})\\s+(?:that\\s+)?`, 'u');
/** "will", "would", "is ready to", "plans to" … right before the verb, not negated. */
const FUTURE = new RegExp(`\\b(?:${alt(eventRules.future_markers)})\\s+(?:\\p{Ll}+ly\\s+)?$`, 'u');
const ANNOUNCED = eventRules.announced_codes as Record<string, string>;
const PEACEKEEPING = eventRules.peacekeeping;
/** The code of an act coordinated subjects do together (event-rules.json `joint_codes`): "A and B held drills" is 062. */
const JOINT_CODES = eventRules.joint_codes as Record<string, string>;
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
/** "Reports that …", "allegations that …": what follows says what someone reports or claims, not what happened. */
const HEARSAY = new RegExp(`(?:^|\\s)(?:${altCi(eventRules.hearsay_nouns)})\\s+that\\s+$`, 'u');
/** A noun trigger heading the subject of "are expected to", "will be held", "was called off" …: not (yet) happened. */
const UNREALISED = new RegExp(`^(?:\\s+[\\p{L}\\p{N}’'.-]+){0,12}?\\s+(?:${alt(eventRules.unrealised_predicates)})\\b`, 'u');
const CONDITIONAL = new RegExp(`(?:^|[\\s,])(?:${alt(eventRules.conditional_markers)})\\s`, 'iu');
/** A closing attribution, whatever short words follow its verb (", officials said Sunday.", ", the ministry told reporters."). */
const ATTRIBUTION_TAIL = new RegExp(`,\\s+(?:[^,]{1,60}\\s)?(?:${alt(eventRules.claim_verbs)})(?![\\p{L}])[^,;]{0,30}$`, 'u');
/** ", by " up to 200 characters after a passive participle (farAgent). */
const FAR_AGENT = /^[^.;]{0,200}?,\s+by\s+/u;
const JOINT = new RegExp(`\\b(?:${alt(eventRules.joint_markers)})\\b`, 'u');
/** Codes whose bare passive names the actor as its subject ("2,000 fighters have been demobilized"). */
const PASSIVE_SELF: ReadonlySet<string> = new Set(eventRules.passive_self_codes);
/** A passive with no object slot and no agent that is the subject's own act (see PASSIVE_SELF). */
const selfPassive = (p: { code: string; rest: unknown[] }) => p.rest.length === 0 && PASSIVE_SELF.has(p.code);
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
  quoteSpans: Span[],
  lex: Lexicon = LEXICON,
  cameo: CameoLexicon = cameoLexicon(),
): { events: EventDraft[]; placeMentions: Mention[] } {
  const c = newScope(text, sentences, mentions, entities, published, quoteSpans, lex, cameo);
  for (const s of sentences) {
    const st = sentenceState(c, s);
    for (let i = 0; i < st.toks.length; i++) triggerAt(c, st, i);
  }
  for (const a of c.accusations) accusationEvent(c, a);
  return { events: c.events, placeMentions: c.placeMentions };
}

/** One sentence's tokens and dates, and what its triggers so far have coded or govern. */
interface SentenceState {
  s: Sentence;
  toks: Token[];
  /** Code, source and target of the events coded so far: one row each. */
  seen: Set<string>;
  /** Up to where an accusation, demand, refusal or threat governs what follows (its acts are not done). */
  governedUntil: number;
  governedClauseEnd: number;
  /** The events of the last governing pattern, which a governed act may make more specific. */
  governing: { code: string; events: EventDraft[] } | null;
  /** Where the words of the last coded pattern end: a noun among them is part of that act ("killed four civilians in shelling"). */
  codedUntil: number;
  /** Lemmas of the sentence's words (built on first need), and which lemma sets meet them (many patterns share a word class). */
  lemmas: Set<string> | null;
  meets: Map<ReadonlySet<string>, boolean>;
}

function sentenceState(c: Scope, s: Sentence): SentenceState {
  c.tokenLemmas.length = 0;
  c.targetMemo.clear();
  c.limitMemo.clear();
  return {
    s,
    toks: tokenize(c.text, s.start, s.end),
    seen: new Set(),
    governedUntil: -1,
    governedClauseEnd: -1,
    governing: null,
    codedUntil: -1,
    lemmas: null,
    meets: new Map(),
  };
}

function lemmasOfSentence(c: Scope, st: SentenceState): Set<string> {
  if (!st.lemmas) {
    st.lemmas = new Set();
    for (let k = 0; k < st.toks.length; k++) for (const l of lemmasAt(c, k, st.toks)) st.lemmas.add(l);
  }
  return st.lemmas;
}

/** The entries (by position, in list order) whose first needed word has a lemma in the sentence, and those that need none. */
function candidates(c: Scope, st: SentenceState, entries: TriggerEntry[]): number[] {
  const ix = entryIndex(entries);
  const lemmas = lemmasOfSentence(c, st);
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
}

/** Does a word of the set occur in the sentence? */
function inSentence(c: Scope, st: SentenceState, set: ReadonlySet<string>): boolean {
  let r = st.meets.get(set);
  if (r !== undefined) return r;
  const lemmas = lemmasOfSentence(c, st);
  r = false;
  const [small, large] = set.size <= lemmas.size ? [set, lemmas] : [lemmas, set];
  for (const l of small) {
    if (large.has(l)) {
      r = true;
      break;
    }
  }
  st.meets.set(set, r);
  return r;
}

/** The trigger at token `i` read in its voice: the best-scoring pattern, or null when none matches. */
interface Reading {
  best: Match;
  tStart: number;
  tEnd: number;
  /** Where the trigger's clause ends. */
  limit: number;
  passive: boolean;
  /** The actor a reduced passive ("Hezbollah, supported by Iran, …") modifies. */
  reduced: Mention | undefined;
}

function readTrigger(c: Scope, st: SentenceState, i: number, entries: TriggerEntry[]): Reading | null {
  const { text } = c;
  const { s, toks } = st;
  const tok = toks[i]!;
  // The entries worth trying: a word each pattern needs is somewhere in the sentence (most triggers have none).
  const tried = candidates(c, st, entries).filter((n) => entries[n]!.pattern.required.every((set) => inSentence(c, st, set)));
  if (!tried.length) return null;
  const tStart = tok.start;
  const tEnd = tok.end;
  const limit = limitAt(c, tEnd, s);
  const asNoun = nounContext(c, toks, i);
  const auxPassive = PASSIVE.test(text.slice(Math.max(s.start, tStart - 40), tStart)) && !STATIVE.has(tok.lower);
  // A participle with its agent and no "was" ("Hezbollah, supported by Iran, fired …") is a passive too.
  const reduced = auxPassive ? undefined : reducedPassive(c, toks, i, s);
  const passive = auxPassive || !!reduced;
  let best: Match | null = null;
  const canBeVerb = entries.some((e) => e.form !== 'noun');
  for (const n of tried) {
    const e = entries[n]!;
    const noun = e.form === 'noun';
    // A form that is a verb and a noun ("visits", "attack") reads as the one its context asks for.
    if (noun ? canBeVerb && !asNoun : asNoun && (e.form === 'base' || e.form === 's')) continue;
    const objectFirst = e.pattern.rest[0]?.target === true;
    // After "was", "were", "been": the participle, never the past tense of the same spelling.
    if (!noun && passive && e.form === 'past') continue;
    const isPassive = !noun && passive && e.form === 'participle';
    if (isPassive && !objectFirst && !selfPassive(e.pattern)) continue;
    const m = matchRest(c, toks, i, e.pattern, s, isPassive);
    if (m && (!best || m.score > best.score)) best = { ...m, pattern: e.pattern, form: e.form };
  }
  return best ? { best, tStart, tEnd, limit, passive, reduced } : null;
}

/** Codes the trigger at token `i` of the sentence, if it is one and its act happened. */
function triggerAt(c: Scope, st: SentenceState, i: number): void {
  const tok = st.toks[i]!;
  const entries = c.cameo.triggers.get(tok.lower);
  if (!entries || quoted(c, tok.start)) return;
  c.trigger = { at: tok.start, sentence: st.s };
  const r = readTrigger(c, st, i, entries);
  if (!r) return;
  if (r.best.form === 'noun' && r.tStart < st.codedUntil) return;
  if (governedAct(c, st, r)) return;
  const announced = announcement(c, st, r);
  if (announced === undefined) return;
  const actors = actorsOf(c, st, r);
  if (!actors) return;
  // What an actor only claims another did is the claimant's statement, not an event: "the US said North Korea had …".
  const claimant = claimOf(c, st.s, r.tStart);
  const p = r.best.pattern;
  if (claimant && actors.sources.every((x) => otherSide(c, x.key, claimant))) {
    // What exists only in another party's claim is that party's act: a hostile or military act it says the
    // source did is its accusation ("the US said North Korea had transferred munitions" → US ACCUSE North Korea).
    if (hostile(p.code)) c.accusations.push({ claimant, sources: actors.sources, trigger: { start: r.tStart, end: r.tEnd }, sentence: st.s, patternId: p.id });
    return;
  }
  emit(c, st, r, announced, actors);
}

/**
 * Is the act inside what an earlier accusation, demand, refusal or threat of the sentence governs ("demanded that X
 * withdraw")? Such an act is not done; it may make the governing event's code more specific. A governing pattern
 * sets how far it reaches: verbs to the end of the sentence, nouns within the clause ("accused X of the bombing").
 */
function governedAct(c: Scope, st: SentenceState, r: Reading): boolean {
  const { text } = c;
  const { s } = st;
  const { best, tStart } = r;
  const p = best.pattern;
  const lead = text.slice(Math.max(s.start, tStart - 60), tStart);
  // A finite past verb is a new act ("condemned … and threatened"); after an auxiliary it is a participle ("denied it had attacked").
  const finite = best.form === 'past' && !/\b(?:had|has|have|having|been|be|was|were)\s+(?:\p{Ll}+ly\s+)?$/u.test(text.slice(Math.max(s.start, tStart - 30), tStart));
  const governed = best.form === 'noun' ? tStart < st.governedClauseEnd : tStart < st.governedUntil && !finite && !DONE_TO.test(lead);
  if (GOVERNING.has(p.type) || p.governsInfinitive) {
    // A reduced passive governs only its own phrase ("Iran, urged by Russia to withdraw, said …").
    const comma = r.reduced ? text.indexOf(',', best.end) : -1;
    st.governedUntil = comma >= 0 && comma < s.end ? comma : s.end;
    st.governedClauseEnd = Math.max(st.governedClauseEnd, Math.min(r.limit, st.governedUntil));
  }
  if (!governed) return false;
  // "threatened to mobilise its army": the generic threat or intent takes the specific code of what was threatened or intended.
  const g = st.governing;
  const refined = g ? governedCode(g.code, p.code) : null;
  if (refined && g && refined.slice(0, 2) === g.code.slice(0, 2) && g.code.endsWith('0') && g.code.length === 3) {
    for (const e of g.events) Object.assign(e, { cameo: refined, type: ploverOf(refined)! });
    g.code = refined;
  }
  return true;
}

/** An act announced for the future or refused: the code of the announcement (intent 03, threat 13, refusal 12). */
interface Announced {
  code: string;
  table: Record<string, string>;
}

/**
 * Acts that have not happened: negated, modal, infinitive ("plans to meet"), conditional, hypothetical. An act
 * announced for the future is the announcer's intent (03) or threat (13), not the act: "will send troops", "is ready
 * to lift the ban", "would blockade Paris". Negated or merely possible, it is nothing. Returns undefined for no
 * event, null for an act done, or the announcement the act is coded as.
 */
function announcement(c: Scope, st: SentenceState, r: Reading): Announced | null | undefined {
  const { text } = c;
  const { s } = st;
  const { best, tStart } = r;
  const p = best.pattern;
  const noun = best.form === 'noun';
  const lead = text.slice(Math.max(s.start, tStart - 60), tStart);
  // A negation among the pattern's own words: "has not held talks with".
  if (NEGATION.test(text.slice(tStart, best.end))) return undefined;
  // What someone denies happened: "denied that it had attacked".
  if (DENIAL.test(text.slice(s.start, tStart))) return undefined;
  let announced: Announced | null = null;
  if (!noun && NOT_DONE.test(lead) && !DONE_TO.test(lead)) {
    // "will not meet", "won't release": a refusal (12) of the act, which is what the actor did.
    const table = REFUSE.test(lead) ? REFUSED : ANNOUNCED;
    const code = REFUSE.test(lead) || FUTURE.test(lead) ? codeFrom(table, p.code) : null;
    if (!code) return undefined;
    announced = { code, table };
  }
  if (noun && HYPOTHETICAL.test(lead)) return undefined;
  // What a report or claim says: "Reports that China supplied weapons …" (not "Ukraine claims that …", a speech
  // verb; nor "a report that accused Israel …", where "that" is the report's own relative pronoun).
  const cStart = clauseStart(c, tStart, s);
  const opener = text.slice(Math.max(s.start, cStart - 40), cStart);
  const hearsay = cStart < tStart ? HEARSAY.exec(opener) : null;
  if (hearsay && !c.mentionEndingAt.has(cStart - opener.length + hearsay.index)) return undefined;
  // The object of a negated or modal verb: "has not held talks", "could impose a blockade".
  const governor = noun ? nounPhraseStart(c, s, tStart) : null;
  // A subject not yet happened: "Talks between Iran and the United States are expected to resume".
  if (noun && governor === null && UNREALISED.test(text.slice(r.tEnd, s.end))) return undefined;
  if (governor !== null && NOT_DONE.test(text.slice(Math.max(s.start, governor - 40), governor)) && !DONE_TO.test(text.slice(Math.max(s.start, governor - 40), governor))) return undefined;
  // A conditional act is no event; announced with a condition, a hostile act is a threat ("will withdraw unless …").
  if (CONDITIONAL.test(text.slice(cStart, tStart)) && !(announced?.code.startsWith('13') && !/\bwhether\b/iu.test(text.slice(s.start, tStart)))) return undefined;
  // So is a refusal: "will not end the strike unless wages rise" refuses now; only an intent with a condition is none.
  const firm = announced && (announced.code.startsWith('13') || (announced.table === REFUSED && !/\bwhether\b/iu.test(text.slice(s.start, s.end))));
  if (announced && !firm && /\b(?:if|unless|whether)\b/iu.test(text.slice(s.start, s.end))) return undefined;
  return announced;
}

/** Who did the act and to whom, as the sentence says it. */
interface Actors {
  sources: Mention[];
  targets: Mention[];
  via: 'name' | 'pronoun' | 'noun';
  joint: boolean;
  /** The act's own code when its noun heads the subject ("Israeli air strikes killed …" is the air strike's 195). */
  code?: string | undefined;
}

/**
 * The source and targets of the act: the subject of a verb, the agent of a passive, the owner or "by" phrase of a
 * noun; null when the act has no source the text names.
 */
function actorsOf(c: Scope, st: SentenceState, r: Reading): Actors | null {
  const { text, index, events } = c;
  const { s } = st;
  const { best, tStart, tEnd, limit } = r;
  const p = best.pattern;
  const noun = best.form === 'noun';
  const lead = text.slice(Math.max(s.start, tStart - 60), tStart);
  // "… of attacking", "for meeting": a gerund after a preposition is what someone is accused of or praised for.
  // But "X is guilty of violating the truce" states that X did it (the CAMEO codebook codes the act, 196): the
  // copula's subject is the source. An accusation ("accused X of violating") is the accuser's 112, found by its
  // own pattern; a court's verdict ("found X guilty of") is its 116 and governs the act; "could be guilty of",
  // "is not guilty of" match no CULPRIT and stay nothing.
  const culprit = best.form === 'ing' && hostile(p.code) ? CULPRIT.exec(lead) : null;
  if (best.form === 'ing' && !culprit && /\b(?:of|for|from|about|against|by)\s+$/u.test(lead)) return null;
  const isPassive = !noun && r.passive && best.form === 'participle';
  // "was extradited to Brazil by Portugal": the agent may follow the pattern's own words.
  const agent = isPassive ? (/^[^.;]{0,60}?\bby\s+(?=(?:the\s+)?\p{Lu})/u.exec(text.slice(tEnd, limit)) ?? farAgent(c, tEnd, limit)) : null;
  if (isPassive && !agent && !selfPassive(p)) return null;

  let sources: Mention[] = [];
  let targets: Mention[] = best.target ? [best.target] : [];
  let via: Actors['via'] = 'name';
  let joint = false;
  let actCode: string | undefined;
  if (noun) {
    via = 'noun';
    ({ sources, targets } = nounActors(c, s, tStart, tEnd, p, targets));
  } else if (agent) {
    // "was sanctioned by the United States and Britain": every coordinated agent, within the clause.
    const by = objectsFrom(c, tEnd + agent[0].length, Math.max(limit, tEnd + agent[0].length + 1)).slice(0, 3);
    const subj = r.reduced ? { list: [r.reduced] } : subjects(c, text.slice(s.start, tStart).search(PASSIVE) + s.start, s);
    if (!by.length || !subj) return null;
    sources = by;
    targets = subj.list;
  } else {
    // A participle after a comma belongs to the main clause's subject: "X wrote to Y, urging him to …" is X's;
    // after an event of that subject it only tells what the event was for ("rioted, calling for …").
    const opener = best.form === 'ing' ? participleOf(c, s, tStart) : undefined;
    // It shares the main verb's modality: "may write to X, urging him to …", "did not write …, urging" are not done.
    if (opener && (events.some((e) => e.start === s.start && e.sourceKey === opener.key) || MAIN_NOT_DONE.test(text.slice(opener.end, tStart)))) return null;
    // No named subject: the owner of a violent act's noun heading it ("Israeli air strikes killed …").
    const owned = () => {
      const o = actOwner(c, s, tStart, p, targets);
      if (o) actCode = o.code;
      return o ? { list: [o.owner], via: 'noun' as const } : null;
    };
    // A bare passive of the subject's own act: its subject stands before "was", "have been".
    const verbAt = isPassive ? text.slice(s.start, tStart).search(PASSIVE) + s.start : tStart;
    const subj = opener ? { list: [opener], via: 'name' as const } : culprit ? subjects(c, tStart - lead.length + culprit.index, s) : (subjects(c, verbAt, s) ?? owned());
    if (!subj) return null;
    via = subj.via;
    sources = subj.list.length === 1 ? demonymPartner(c, s, subj.list[0]!) : subj.list;
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
      const until = Math.min(limitAt(c, best.end, s), attribution ? s.start + attribution.index : s.end);
      // "denounced the Russian strike on …": the nationality before a hostile act's noun is whom it is aimed at.
      const doer = p.type === 'ACCUSE' ? hostileDoer(c, s, best.end, until) : undefined;
      if (doer) targets = [doer];
      const after = doer ? [] : index.within(best.end, until).filter((m) => !sources.some((x) => x.key === m.key));
      const inner = after.find((m) => /\b(?:to|against|with|on|towards?|for|from)\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, m.start - 12), m.start))) ?? after[0];
      if (inner) targets = objectsFrom(c, inner.start, until).slice(0, 3);
      if (!targets.length && inner) targets = [inner];
    }
    if (best.target) {
      // "sanctions on Belarus and Russia": every coordinated object is a target.
      const more = objectsFrom(c, best.target.start, limit);
      if (more.length > 1 && more[0] === best.target) targets = more;
      // "condemned the attack on Israel": who was attacked is not whom the condemnation is aimed at; the
      // attacker is, when named ("the Israeli strike on …", "… on Israel by Hamas"), else no one.
      if (p.type === 'ACCUSE' && victimOf(c, text.slice(tEnd, best.target.start))) {
        const by = /^[^,;.]{0,30}?\bby\s+/u.exec(text.slice(best.target.end, limit));
        const doer = hostileDoer(c, s, tEnd, limit) ?? (by ? objectsFrom(c, best.target.end + by[0].length, limit)[0] : undefined);
        targets = doer ? [doer] : [];
      }
    }
  }
  if (!sources.length || (best.jointOnly && !joint)) return null;
  return { sources, targets, via, joint, code: actCode };
}

/**
 * A group subject opened by a nationality adjective that is coordinated with another ("French and Egyptian
 * warships", "Kenyan and Ugandan troops"): the other nationality's country acts too, first.
 */
function demonymPartner(c: Scope, s: Sentence, m: Mention): Mention[] {
  if (typeOf(c, m.key) !== 'group' || !entityOf(c, m.key)?.country) return [m];
  const and = /\s+and\s+$/u.exec(c.text.slice(Math.max(s.start, m.start - 8), m.start));
  const partner = and ? demonymBefore(c, s.start, m.start - and[0].length, false) : undefined;
  return partner && partner.key !== entityOf(c, m.key)?.country ? [partner, m] : [m];
}

/** Is the text between a verb and its target a hostile act's noun done to the target ("the attack on", "the killing of")? */
function victimOf(c: Scope, gap: string): boolean {
  const m = /^\s+(?:the|an?|this|that|these|those|last\s+\p{L}+['’]s|\p{Lu}\p{Ll}+day['’]s)\s+(?:[\p{L}-]+\s+){0,2}?(\p{Ll}+)\s+(?:on|against|of|in|at|targeting)\s+(?:the\s+)?$/u.exec(gap);
  return !!m && (c.cameo.triggers.get(m[1]!) ?? []).some((e) => e.form === 'noun' && hostile(e.pattern.code));
}

/** The country of a nationality adjective opening the object of an accusation, before a hostile act's noun: "(condemned) the Israeli air strikes", "the Russian attack". */
function hostileDoer(c: Scope, s: Sentence, from: number, until: number): Mention | undefined {
  const m = /^\s+(?:the|an?|this|that|these|those|last\s+\p{L}+['’]s|\p{Lu}\p{Ll}+day['’]s)\s+(\p{Lu}\p{Ll}+)((?:\s+\p{Ll}+){1,2})/u.exec(c.text.slice(from, until));
  const act = (w: string) => (c.cameo.triggers.get(w) ?? []).some((e) => e.form === 'noun' && hostile(e.pattern.code));
  if (!m || !m[2]!.trim().split(/\s+/u).some(act)) return undefined;
  return demonymBefore(c, s.start, from + m.index + m[0].length - m[2]!.length, false);
}

/**
 * A passive's agent set off by a comma after a longer object ("was accused of misusing millions in public funds,
 * much of it never accounted for, by senior government officials"): ", by" and an actor within three words. Without
 * the comma a later "by" belongs to a participle nearer it ("a truce brokered by Egypt").
 */
function farAgent(c: Scope, from: number, limit: number): RegExpExecArray | null {
  const { text, index } = c;
  const m = FAR_AGENT.exec(text.slice(from, limit));
  if (!m) return null;
  const actor = index.within(from + m[0].length, limit)[0];
  return actor && /^(?:[\p{L}-]+\s+){0,3}$/u.test(text.slice(from + m[0].length, actor.start)) ? m : null;
}

/** The event rows of a coded act: one per source and target, with its code, date, place and confidence. */
function emit(c: Scope, st: SentenceState, r: Reading, announced: Announced | null, actors: Actors): void {
  const { text, lex, events } = c;
  const { s, toks } = st;
  const { best, tStart, tEnd, limit } = r;
  const p = best.pattern;
  const { sources, targets, via, joint } = actors;
  const military = eventRules.military_codes[p.code as keyof typeof eventRules.military_codes];
  const together = joint ? JOINT_CODES[p.code] : undefined;
  const arrival = peacekeepersArrive(c, st, r);
  const acted = actors.code ?? together ?? arrival ?? (military !== undefined && MILITARY.test(text.slice(tEnd, limit)) ? military : p.code);
  const actCode = announced ? (codeFrom(announced.table, acted) ?? announced.code) : purposeCode(c, acted, toks, tokenIndexAt(toks, best.end), s);
  const actType = announced || together ? ploverOf(actCode)! : p.type;
  const time = timeOf(c, s, tStart, tEnd, limit);
  // A location stated right after the trigger's object, in the same clause: "met … in Pyongyang".
  const locFrom = Math.max(best.end, ...targets.map((t) => t.end));
  const locMatch = /^[^.;]{0,25}?\bin\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/u.exec(text.slice(locFrom, s.end));
  const location = locMatch && lex.surfaces.has(locMatch[1]!) ? locMatch[1]! : null;
  const list: (Mention | null)[] = targets.length ? targets : [null];
  const pushedFrom = events.length;
  for (const src of sources) {
    // An actor is not its own target, nor is its own country ("Kim pledged … for the DPRK", "X threatened
    // to ban rallies in its own capital"): the act stays, with no target when none other is named.
    const own = (t: Mention | null) => !!t && (t.key === src.key || (typeOf(c, t.key) === 'country' && entityOf(c, src.key)?.country === entityOf(c, t.key)?.country));
    const others = list.filter((t) => !own(t));
    for (const tgt of others.length ? others : [null]) {
      const [code, type] = verbalAttack(c, p, src, tgt) ? [eventRules.verbal_attack_code, ploverOf(eventRules.verbal_attack_code)!] : [actCode, actType];
      const key = `${code}|${src.key}|${tgt?.key ?? ''}`;
      if (st.seen.has(key)) continue;
      st.seen.add(key);
      const named = [src, tgt].every((x) => !x || x.kind === 'name' || x.kind === 'surname');
      let confidence = via === 'noun' ? 0.6 : via === 'pronoun' ? 0.7 : named ? 0.9 : 0.8;
      if (!tgt) confidence -= 0.2;
      if (!time?.date) confidence -= 0.05;
      adopt(c, src);
      adopt(c, tgt);
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
  }
  // Peacekeepers arriving somewhere: that country receives them (not when the arrival is only announced).
  if (arrival && actCode === arrival) hostEvents(c, st, pushedFrom);
  if (GOVERNING.has(actType) || p.governsInfinitive) st.governing = { code: actCode, events: events.slice(pushedFrom) };
  if (events.length > pushedFrom) st.codedUntil = Math.max(st.codedUntil, best.end);
}

/**
 * The peacekeeping code (074) of a motion verb whose subject names peacekeepers ("peacekeeping troops arrived in
 * Bosnia": their sender provides peacekeeping), or undefined (event-rules.json `peacekeeping`).
 */
function peacekeepersArrive(c: Scope, st: SentenceState, r: Reading): string | undefined {
  const code = (PEACEKEEPING.codes as Record<string, string>)[r.best.pattern.code];
  const words = c.cameo.classes.get(PEACEKEEPING.class);
  if (!code || !words) return undefined;
  const from = clauseStart(c, r.tStart, st.s);
  for (let k = 0; k < st.toks.length && st.toks[k]!.start < r.tStart; k++) {
    if (st.toks[k]!.start >= from && lemmasAt(c, k, st.toks).some((l) => words.includes(l))) return code;
  }
  return undefined;
}

/** The country peacekeepers arrived in receives them (CAMEO 0861), the roles of their sender's 074 reversed. */
function hostEvents(c: Scope, st: SentenceState, from: number): void {
  const { events } = c;
  const code = PEACEKEEPING.received;
  for (const e of events.slice(from)) {
    if (!e.targetKey || !e.targetMention || typeOf(c, e.targetKey) !== 'country') continue;
    const key = `${code}|${e.targetKey}|${e.sourceKey}`;
    if (st.seen.has(key)) continue;
    st.seen.add(key);
    events.push({ ...e, type: ploverOf(code)!, cameo: code, symmetric: false, sourceKey: e.targetKey, targetKey: e.sourceKey, sourceMention: e.targetMention, targetMention: e.sourceMention });
  }
}

/** A claimed act (see triggerAt): the claimant's accusation of each source, once per sentence. */
function accusationEvent(c: Scope, a: Accusation): void {
  const { index, events } = c;
  const by = index.within(a.sentence.start, a.sentence.end).find((m) => m.key === a.claimant);
  if (!by) return;
  const time = timeOf(c, a.sentence, by.start, by.end, limitAt(c, by.end, a.sentence));
  for (const src of a.sources) {
    if (events.some((e) => e.start === a.sentence.start && e.type === 'ACCUSE' && e.sourceKey === a.claimant && e.targetKey === src.key)) continue;
    adopt(c, src);
    events.push({ type: 'ACCUSE', cameo: eventRules.claim_code, symmetric: false, sourceKey: a.claimant, targetKey: src.key, date: time?.date ?? null, precision: time?.precision ?? null, dateText: time?.text ?? null, location: null, start: a.sentence.start, end: a.sentence.end, confidence: time?.date ? 0.7 : 0.65, trigger: a.trigger, patternId: a.patternId, sourceMention: { start: by.start, end: by.end }, targetMention: { start: src.start, end: src.end } });
  }
}
