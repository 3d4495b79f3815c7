/**
 * Proper names found from the text (runs of capitalised tokens, name-runs.ts), typed person or organisation
 * from the evidence around them. Pure.
 *
 * Each run is typed, strongest evidence first (steps 1 to 4 in name-types.ts, from the run's own words):
 *  1. a title at its head: the rest is the person ("Vice Foreign Minister Igor Morgulov", "Minister of
 *     Transport Ana Sousa"; a bare surname after a title is left to the reference pass);
 *  2. organisation words: a head anywhere ("Council on …", "Dunmore Police Department"), a suffix or a newspaper
 *     word at the end ("Acme Inc", "Harlow Evening News"); none with a place word at the end ("… Stadium"); a person
 *     named right after the organisation in the same run is split off at the given name;
 *  3. the shape of a person's name: a given name first ("Marta Kowal"), a family name first with short parts
 *     ("Wang Lei", "Kim Jong Un"), syllables joined by hyphens ("Tsang Hoi-lun"), initials ("J. R. Varga"); the
 *     person a memorial is named after ("the Ana Ruiz Memorial");
 *  4. places are no actors: a run after "in", "at", "from" … or before ", <place>." without stronger evidence;
 *  5. usage: a family name last ("Jonty Lee"), a role word before ("illustrator Ana Ruiz", "his wife …",
 *     "the president of the region, Ana Ruiz,"), an apposition after (", a professor at …", ", 42,", ", KC"),
 *     a speech verb, a verb or an event only a person has ("X and Y pose", "X died", "the murder of X", "the late
 *     X", "X's widow", ", who", "X himself", "(1901–1976)"), a character played ("played the X", "portrayed X"), an
 *     author ("a paper by KT Varga"), a handle in quotes ('a user called "X"'); affiliations ("X of
 *     <organisation>", "<organisation>'s X") make the one a person and the other an organisation; an organisation
 *     noun before ("the company …", "grid operator Fingrid"), an
 *     organisation's words around ("Norvik headquarters", "co-founder of Norvik"); an acronym used as a name
 *     ("of the KTU", "NRVB's", "the PRV party"), or spelled out before it ("Union of … (UFW)").
 * A sentence's first word starts a name only when it is no common word (seen in lower case, a function word);
 * a lone capitalised word is a name only away from a sentence's start, and a lone given name only when the
 * article repeats it or it speaks ("Marisol"). Tokens of a person found in full ("Vaher" of "Kadri Vaher") are
 * left to the reference pass. Country: a demonym or country at the head of the run or before its describing
 * words ("Polish Carriers Union" stays whole; "Finnish grid operator Fingrid"; "Brazilian Agriculture Minister
 * Helena Prado"), a possessive country ("Norway's Coastal Authority"), "of (the) <country>" after
 * an organisation ("… University of the US" drops it from the name, "Bank of Korea" keeps it). A type found
 * for a name holds for its other occurrences in the article.
 */
import { alt, once } from '../regex.ts';
import type { Lexicon } from './lexicon.ts';
import { apposition, endingPhrase, roleBeforeComma, singular, wordsBefore } from './name-context.ts';
import { nameRuns, tokenize } from './name-runs.ts';
import type { Tok } from './name-runs.ts';
import { countryOf, genderOf, runTyper } from './name-types.ts';
import type { Cand, KnownNames } from './name-types.ts';
import type { Sentence } from './sentences.ts';

/** A name found in the text, with its type and what the text says about it. */
export interface FoundName {
  start: number;
  end: number;
  /** The words as printed. */
  text: string;
  /** The name it stands for: `text`, or the organisation an acronym in parentheses spells out. */
  name: string;
  type: 'person' | 'organization';
  country: string | null;
  /** Lower-case role words seen with a person ("agriculture minister", "minister"). */
  roles: string[];
  /** `media` for newspapers and broadcasters; `ministry` for ministries (mentions.ts keys those by country). */
  kind?: 'media' | 'ministry';
  /** From the given name, for pronoun resolution. */
  gender?: 'm' | 'f';
}


/** The patterns findNames reads around a name (built once per lexicon). */
interface NamePatterns {
  cueAfter: RegExp;
  cues: Set<string>;
  orgBefore: Set<string>;
  suffix: RegExp;
  personVerb: RegExp;
  personAfter: RegExp;
}

/** One article's state while its names are typed: its tokens, what it writes in lower case, and the candidates. */
interface NameScope {
  text: string;
  lex: Lexicon;
  N: Lexicon['names'];
  L: Lexicon['lang'];
  re: NamePatterns;
  /** The country a word or phrase names (memoised per article). */
  iso: (words: string) => string | null;
  /** Words the article writes in lower case, and how often each capitalised word occurs away from a sentence start. */
  lowerSeen: Set<string>;
  capCount: Map<string, number>;
  /** Words of the people found so far. */
  people: Set<string>;
  /** Role words a sentence opened with, by the start of the name after them. */
  ledBy: Map<number, string>;
  /** The candidates by the offset of their first and last word (set once every run is typed by its words). */
  startingAt: Map<number, Cand>;
  endingAt: Map<number, Cand>;
}

const namePatterns = (lex: Lexicon): NamePatterns =>
  once(lex, 'names.ts:patterns', () => {
    const N = lex.names;
    const L = lex.lang;
    return {
      cueAfter: new RegExp(`^\\s+(?:(?:${alt(N.cueAdverbs)})\\s+)?(?:${alt(L.speech_cues)})\\b(?:\\s+(?:that\\s+)?(?<pronoun>\\p{Ll}+)\\b)?`, 'u'),
      cues: new Set([...L.speech_cues, 'according to']),
      orgBefore: new Set(N.orgBefore),
      // ", 42,", ", KC", ", Jr": an age or a post-nominal after a name.
      suffix: new RegExp(`^,\\s+(?:\\d{1,3}\\s*,|(?:${alt([...N.suffixes])})\\b)`, 'u'),
      // "… pose at", "… died": a verb only a person is the subject of (not "pose a threat").
      personVerb: new RegExp(`^\\s+(?:(?:${alt(N.cueAdverbs)})\\s+)?(?:${alt(N.personVerbs)})\\b(?!\\s+(?:a|an)\\b)`, 'u'),
      // ", who …", "… himself", "(born 1950)", "(1901–1976)", "(aged 45)": what is said only of a person.
      personAfter: /^(?:,\s+who\b|\s+(?:himself|herself)\b|\s+\((?:born\b|b\.\s|aged\s|\d{4}\s*[-–]\s*\d{2,4}\)))/u,
    };
  });

/** The names of `text` typed person or organisation; spans `known` covers are skipped. */
export function findNames(text: string, sentences: Sentence[], lex: Lexicon, known: KnownNames): FoundName[] {
  const N = lex.names;
  const toks = tokenize(text, sentences, N);
  const isoSeen = new Map<string, string | null>();
  const iso = (words: string) => {
    let c = isoSeen.get(words);
    if (c === undefined) isoSeen.set(words, (c = countryOf(lex, words)));
    return c;
  };
  const lowerSeen = new Set<string>();
  const capCount = new Map<string, number>();
  for (const t of toks) {
    if (!t.cap) lowerSeen.add(t.w);
    else if (!t.first) capCount.set(t.w, (capCount.get(t.w) ?? 0) + 1);
  }
  const ns: NameScope = { text, lex, N, L: lex.lang, re: namePatterns(lex), iso, lowerSeen, capCount, people: new Set<string>(known.personWords), ledBy: new Map(), startingAt: new Map(), endingAt: new Map() };
  const cands = typedRuns(ns, toks, known);
  // 5. Usage: for the runs no word of their own types, and what affiliations say of their neighbours.
  ns.startingAt = new Map(cands.map((c) => [c.toks[0]!.s, c]));
  ns.endingAt = new Map(cands.map((c) => [c.toks[c.toks.length - 1]!.e, c]));
  for (const c of cands) typeByUsage(ns, c);
  return namesOf(ns, cands);
}

/** Steps 1 to 4: each run of capitalised words, trimmed of the words that start or end no name, typed by its own words. */
function typedRuns(ns: NameScope, toks: Tok[], known: KnownNames): Cand[] {
  const { text, lex, N, iso, people, ledBy } = ns;
  const cands: Cand[] = [];
  const typeRun = runTyper(text, lex, known, iso);
  for (let run of nameRuns(text, toks, N)) {
    const orgish = run.some((t) => N.orgHeads.has(t.w) || N.mediaHeads.has(t.w) || N.orgSuffixes.has(t.w));
    // A handle in quotes keeps its first word, even one the article also writes in lower case ('a user called "Anonymous"').
    const quoted = handle(ns, run);
    while (run.length && commonLead(ns, run[0]!, orgish, run.length >= 3) && !(quoted && !N.functionWords.has(run[0]!.w.toLowerCase()))) {
      const w = run[0]!.w.toLowerCase();
      if (run.length > 1 && run[0]!.first && N.personWords.has(w)) ledBy.set(run[1]!.s, w); // "Illustrator Ana Ruiz": the role still tells
      run = run.slice(1);
    }
    // "Desmond Tutu on Sunday": a connector before a date word ends the name.
    const dated = run.findIndex((t, i) => i > 0 && t.w === 'on' && run[i + 1] !== undefined && N.notName.has(run[i + 1]!.w));
    if (dated > 0) run = run.slice(0, dated);
    // Trailing: a weekday, a connector, an initial with nothing after it ("… Anna K.").
    while (run.length > 1 && (N.notName.has(run[run.length - 1]!.w) || N.adjectiveSuffix.test(run[run.length - 1]!.w) || N.connectors.has(run[run.length - 1]!.w) || N.particles.has(run[run.length - 1]!.w) || run[run.length - 1]!.w.length === 1)) run = run.slice(0, -1);
    if (run.length === 1 && N.notName.has(run[0]!.w)) continue;
    if (!run.length) continue;
    for (const c of typeRun(run)) {
      cands.push(c);
      if (c.type === 'person') for (const t of c.toks) people.add(t.w);
    }
  }
  return cands;
}

/**
 * A word that starts no name: a weekday, "Pro-…", a connector; at a sentence's start a function word, or a word
 * the article writes in lower case ("Nonpartisan Vera Holm") or, before two more words, a role word ("Painter Ana Ruiz"), unless an organisation's name follows ("New
 * Farmers Party").
 */
function commonLead(ns: NameScope, t: Tok, orgish: boolean, long = false): boolean {
  const { N, lowerSeen } = ns;
  const w = t.w.toLowerCase();
  return (!orgish && /^\d/.test(t.w)) || N.notName.has(t.w) || N.adjectivePrefix.test(t.w) || N.adjectiveSuffix.test(t.w) || N.connectors.has(t.w) || N.particles.has(t.w) || (t.first && !orgish && !N.given.has(t.w) && !N.titles.has(w.replace(/\.$/, '')) && (N.functionWords.has(w) || lowerSeen.has(w) || N.openingVerb.test(t.w) || (long && N.personWords.has(w) && !N.family.has(t.w))));
}

const lowerBefore = (ns: NameScope, s: number, n: number) => wordsBefore(ns.text, s, n).map((w) => w.toLowerCase());
/** The longest phrase of one or two words ending `ws` that `set` holds, as its length (0 for none). */
const endsIn = (ws: string[], set: Set<string>) => (ws.length >= 2 && set.has(ws.slice(-2).join(' ')) ? 2 : ws.length && set.has(ws[ws.length - 1]!) ? 1 : 0);

/** "the murder of X", "the funeral of X", "the widow of X": what happens or belongs only to a person. */
function personEvent(ns: NameScope, s: number): boolean {
  const ws = lowerBefore(ns, s, 3);
  if (ws[ws.length - 1] === 'late' && ws[ws.length - 2] === 'the') return true; // "the late X"
  if (ws[ws.length - 1] === 'the') ws.pop();
  return ws[ws.length - 1] === 'of' && ns.N.personEvents.has(singular(ws[ws.length - 2] ?? ''));
}

/** "a paper by X", "a novel by X": the author of a work. */
function authored(ns: NameScope, s: number): boolean {
  const ws = lowerBefore(ns, s, 2);
  return ws[1] === 'by' && ns.N.authoredWorks.has(singular(ws[0] ?? ''));
}

/** "played the X", "portrayed X", "dressed as X": a character, a person in the story told. */
function character(ns: NameScope, s: number): boolean {
  const ws = lowerBefore(ns, s, 4);
  const the = ws[ws.length - 1] === 'the';
  if (the) ws.pop();
  const k = endsIn(ws, ns.N.characterVerbs);
  return k > 0 && (the || !/^play/.test(ws[ws.length - k]!));
}

/** 'a user called "X"', 'a cosplayer going by the name "X"', 'the pseudonym "X"': a person's handle in quotes. */
function handle(ns: NameScope, ts: Tok[]): boolean {
  const { text, N } = ns;
  let q = ts[0]!.s;
  if (/^[Tt]he $/.test(text.slice(q - 4, q))) q -= 4;
  if (ts.length > 4 || !/["“‘']/u.test(text[q - 1] ?? '') || !/["”’']/u.test(text[ts[ts.length - 1]!.e] ?? '')) return false;
  const ws = lowerBefore(ns, q - 1, 6);
  if (endsIn(ws, N.handleNouns)) return true;
  const k = endsIn(ws, N.namingCues);
  return k > 0 && ws.slice(-k - 3, -k).some((w) => N.handleNouns.has(w) || N.personWords.has(w) || N.personWords.has(singular(w)));
}

/** A role (or organisation) noun ending the words right before `s`, and a demonym among the words before it. */
function describedBy(ns: NameScope, s: number, set: Set<string>): { words: string; country: string | null } | null {
  const ws = wordsBefore(ns.text, s);
  const found = endingPhrase(ws, set);
  if (!found) return null;
  const demonym = ws.slice(0, -found.length).reverse().slice(0, 3).find((w) => ns.iso(w));
  return { words: found.phrase, country: demonym ? ns.iso(demonym) : null };
}

/** "said Kowalska", "according to KNA". */
function cueBefore(ns: NameScope, s: number): boolean {
  const ws = wordsBefore(ns.text, s, 3).map((w) => w.toLowerCase());
  return ns.re.cues.has(ws.slice(-1).join(' ')) || ns.re.cues.has(ws.slice(-2).join(' '));
}

/** "co-founder of Norvik", "spokesman for the …". */
function orgBefore(ns: NameScope, s: number): boolean {
  const ws = wordsBefore(ns.text, s, 4).map((w) => w.toLowerCase());
  if (ws[ws.length - 1] === 'the') ws.pop();
  return ns.re.orgBefore.has(ws.slice(-2).join(' ')) || ns.re.orgBefore.has(ws.slice(-3).join(' '));
}

/** The type the pronoun after a speech verb stands for (language.json `pronouns`): "said she" a person, "said it" not. */
function pronounSays(ns: NameScope, cue: RegExpExecArray | null): 'person' | 'organization' | null {
  const types: string[] = (ns.L.pronouns as Record<string, string[]>)[cue?.groups?.['pronoun'] ?? ''] ?? [];
  return types.length === 1 && types[0] === 'person' ? 'person' : types.length && !types.includes('person') ? 'organization' : null;
}

function personRoles(ns: NameScope, s: number, after: string): string[] {
  const m = apposition(after, ns.N);
  const role = describedBy(ns, s, ns.N.personWords);
  return [...(m ? [m.desc, m.role] : []), ...(role ? [role.words] : [])];
}

/** An acronym used as a name on its own (not one of the acronyms that are no organisations). */
const acronym = (ns: NameScope, c: Cand | undefined) => !!c && c.toks.length === 1 && c.toks[0]!.upper && !ns.N.notOrgAcronyms.has(c.toks[0]!.w);
const orgLike = (ns: NameScope, c: Cand | undefined) => !!c && (c.type === 'organization' || (c.type === null && acronym(ns, c)));

/** Step 5 for one candidate: its type from how the article uses it, and what its affiliations say of its neighbours. */
function typeByUsage(ns: NameScope, c: Cand): void {
  const { text, N, re, iso, capCount, startingAt, endingAt } = ns;
  const first = c.toks[0]!;
  const last = c.toks[c.toks.length - 1]!;
  const single = c.toks.length === 1 ? first : null;
  if (c.type === null && handle(ns, c.toks)) c.type = 'person';
  // A sentence's lone first word has no evidence of its own (it is typed where it recurs: "Norvik gave …").
  if (c.type === 'organization' || (c.type === null && single?.first && !single.upper && !N.given.has(single.w))) return;
  const after = text.slice(last.e + (last.poss ? 2 : 0), last.e + 120);
  const pre = text.slice(Math.max(0, first.s - 8), first.s);
  const ofM = /^\s+(?:of|from)\s+(?:the\s+|The\s+)?/u.exec(after);
  const affiliatedTo = ofM ? startingAt.get(last.e + ofM[0].length) : undefined;
  const possM = /['’]s?\s+$/u.exec(pre);
  const possessor = possM ? endingAt.get(first.s - possM[0].length) : undefined;
  const multi = c.toks.length >= 2 && !c.toks.some((t) => t.upper);
  // "AS Varga": initials in capitals before a family name (not an acronym the article uses on its own).
  const initialled = c.toks.length === 2 && /^\p{Lu}{2,3}$/u.test(first.w) && /^\p{Lu}\p{Ll}/u.test(last.w) && !N.notOrgAcronyms.has(first.w) && !iso(first.w) && (capCount.get(first.w) ?? 0) <= 1 && !N.orgHeads.has(last.w) && !N.mediaHeads.has(last.w);
  if (c.type === null && multi && (orgLike(ns, affiliatedTo) || (orgLike(ns, possessor) && possessor!.toks[possessor!.toks.length - 1]!.poss))) c.type = 'person';
  if (c.shape && pronounSays(ns, re.cueAfter.exec(after)) === 'organization') c.type = 'organization';
  if (c.type === 'person') {
    // "Ida Berg of NRVB", "Ola Dunne of Voltaverk", "NRVB's Ida Berg": the other side is an organisation.
    if (affiliatedTo?.type === null && (acronym(ns, affiliatedTo) || affiliatedTo.toks.length > 1)) affiliatedTo.type = 'organization';
    if (possessor?.type === null && possessor.toks[possessor.toks.length - 1]!.poss && !possessor.toks.some((t) => ns.people.has(t.w))) possessor.type = 'organization';
    c.roles.push(...personRoles(ns, first.s, after));
    c.country ??= describedBy(ns, first.s, N.personWords)?.country ?? null; // "his Peruvian counterpart Lucia Mendoza"
    return;
  }
  if (c.type !== null || first.headline) return; // in a headline, only a name's own words count
  // A person's surname or first name (the reference pass), "the Vargas"; a word the article also writes in lower case.
  if (single && (ns.people.has(single.w) || ns.people.has(single.w.replace(/s$/, '')) || ns.lowerSeen.has(single.w.toLowerCase()))) return;
  typeByEvidence(ns, c, after, multi, initialled);
}

/** The rest of step 5: role words, appositions, speech, what only people do, an organisation's words, acronyms. */
function typeByEvidence(ns: NameScope, c: Cand, after: string, multi: boolean, initialled: boolean): void {
  const { text, N, L, re, iso, capCount, startingAt, endingAt } = ns;
  const first = c.toks[0]!;
  const last = c.toks[c.toks.length - 1]!;
  const single = c.toks.length === 1 ? first : null;
  const led = ns.ledBy.get(first.s);
  const role = multi || initialled ? describedBy(ns, first.s, N.personWords) ?? (led ? { words: led, country: null } : null) : null;
  const orgNoun = describedBy(ns, first.s, N.orgNouns);
  const app = (multi || initialled || single?.first === false) && (apposition(after, N) ?? re.suffix.exec(after));
  // Subject of a speech verb, or its object closing the clause ("…, said Kowalska.", not "say Hunger kills");
  // the pronoun after the verb tells a person from an organisation ("Varga said she …", "Norvik said it …").
  const cue = re.cueAfter.exec(after);
  const speaks = !!cue || (cueBefore(ns, first.s) && (multi || /^\s*[,.;:)]/u.test(after)));
  const says = pronounSays(ns, cue);
  const nextWord = /^\s+([\p{L}-]+)/u.exec(after)?.[1] ?? '';
  const group = Object.hasOwn(L.group_nouns, nextWord) && !c.country && !N.politicalAdjectives.has(first.w);
  const modifies = /^\s+\p{Ll}/u.test(after) && !N.functionWords.has(nextWord.toLowerCase());
  // The subject of a verb only people do, also when it is the first of two ("X and Y pose at …").
  const and = /^\s+and\s+/u.exec(after);
  const partner = and ? startingAt.get(last.e + and[0].length) : undefined;
  const animate = re.personVerb.test(after) || (!!partner && re.personVerb.test(text.slice(partner.toks[partner.toks.length - 1]!.e, partner.toks[partner.toks.length - 1]!.e + 60)));
  // "X's widow", "X's funeral": a possessor only a person is.
  const owns = last.poss && (N.personEvents.has(singular(nextWord)) || N.kin.has(singular(nextWord)));
  // Not a people's plural ("African Americans, who …").
  const plural = /s$/u.test(last.w) && !!iso(last.w.slice(0, -1));
  const lived = !plural && (animate || owns || re.personAfter.test(after) || personEvent(ns, first.s) || character(ns, first.s));
  if ((orgNoun && !role) || says === 'organization') {
    c.type = 'organization';
    c.country ??= orgNoun?.country ?? null;
  } else if (single && !single.upper && (says === 'person' || lived)) {
    c.type = 'person';
  } else if (c.place) {
    // "at Norvik headquarters", "to Norvik founder …": an organisation's words; else a place.
    if (!first.upper && (N.orgAfter.has(nextWord) || (orgBefore(ns, first.s) && !modifies))) c.type = 'organization';
  } else if ((multi && ((c.toks.length === 2 && N.family.has(last.w)) || role || app || speaks || lived || authored(ns, first.s) || roleBeforeComma(text, first.s, N))) || (initialled && (role || app || speaks || authored(ns, first.s)))) {
    c.type = 'person';
    c.country ??= role?.country ?? null;
    // A long run named by its use alone ends in the name: "… Relations Dana Meir said".
    if (c.toks.length > 3) c.toks = c.toks.slice(-2);
    c.roles.push(...(role ? [role.words] : []), ...personRoles(ns, first.s, after));
    for (const t of c.toks) ns.people.add(t.w);
  } else if (single && N.given.has(single.w)) {
    if ((capCount.get(single.w) ?? 0) >= 2 || speaks || app) Object.assign(c, { type: 'person' }, genderOf(ns.lex, single));
  } else if (single && acronym(ns, c)) {
    const spelled = /^\s*\($/.test(text.slice(first.s - 2, first.s)) && text[last.e] === ')' ? endingAt.get(first.s - 2) ?? endingAt.get(first.s - 1) : undefined;
    if (spelled?.type === 'organization') Object.assign(c, { type: 'organization', name: text.slice(spelled.toks[0]!.s, spelled.toks[spelled.toks.length - 1]!.e), country: spelled.country });
    // "NRVB's", "KNA said", "the KTU.", "the PRV party", "BFA (Baltic Ferry Association)"; not "effects of ADHD are", "the GPS system".
    else if (single.poss || speaks || (N.acronymBefore.has(wordsBefore(text, first.s, 1)[0]?.toLowerCase() ?? '') && !modifies) || N.orgNouns.has(nextWord) || /^\s*\(\p{Lu}/u.test(after)) c.type = 'organization';
  } else if (single && !single.upper && group) {
    // "the Varga government": the leader it is named after.
    c.type = 'person';
  } else if (single && !single.first && !single.upper) {
    // A lone word that speaks may be a person's surname as well as an organisation ("Okafor said"): not by itself.
    if (N.orgAfter.has(nextWord) || (orgBefore(ns, first.s) && !modifies)) c.type = 'organization';
  }
}

/** The typed candidates as names: a type found for a name holds for its other occurrences. */
function namesOf(ns: NameScope, cands: Cand[]): FoundName[] {
  const { text, N } = ns;
  // A type found for a name holds for its other occurrences.
  const typed = new Map<string, Cand>();
  for (const c of cands) if (c.type) typed.set(text.slice(c.toks[0]!.s, c.toks[c.toks.length - 1]!.e), c);
  // A short form of an organisation named in full in the article is that organisation: "the Supreme Court" after
  // "the Estonian Supreme Court of Appeal", "Dunmore Park Service" beside "US Dunmore Park Service".
  const orgNames = [...typed].filter(([, c]) => c.type === 'organization' && !c.name).map(([t]) => t).sort((a, b) => b.length - a.length);
  // "Norvik" beside "Norvik Holdings": a company without its suffix.
  const fullOf = (t: string) =>
    orgNames.find((o) => o.length > t.length && ` ${o} `.includes(` ${t} `) && t.split(' ').some((w) => N.orgHeads.has(w) || N.mediaHeads.has(w))) ??
    orgNames.find((o) => o.startsWith(`${t} `) && o.slice(t.length + 1).split(' ').every((w) => N.orgSuffixes.has(w)));
  // An acronym spelled out once names that organisation wherever it stands ("UFW" of "Union of Ferry Workers (UFW)").
  const spelledOut = new Map(cands.filter((c) => c.name).map((c) => [text.slice(c.toks[0]!.s, c.toks[c.toks.length - 1]!.e), c]));
  const out: FoundName[] = [];
  for (const c of cands) {
    const start = c.toks[0]!.s;
    const end = c.toks[c.toks.length - 1]!.e;
    const t = text.slice(start, end);
    const like = spelledOut.get(t) ?? (c.type ? c : typed.get(t));
    if (!like?.type || (!c.type && c.toks.length === 1 && ns.people.has(t))) continue;
    out.push({ start, end, text: t, name: like.name ?? (like.type === 'organization' ? fullOf(t) : undefined) ?? t, type: like.type, country: c.country ?? like.country, roles: [...new Set(c.roles)], ...(like.kind ? { kind: like.kind } : {}), ...(like.gender ? { gender: like.gender } : {}) });
  }
  return out;
}
