/**
 * The type a run of capitalised words has by its own words and place (names.ts, steps 1 to 4): a title at its
 * head, organisation words, the shape of a person's name, a place. What the words around it say (step 5) is
 * names.ts's. Pure.
 */
import type { Lexicon } from './lexicon.ts';
import { wordsBefore } from './name-context.ts';
import type { Tok } from './name-runs.ts';

/** What the passes before know of the article: spans they cover, words of the people they found. */
export interface KnownNames {
  covered(start: number, end: number): boolean;
  personWords: Set<string>;
}

/** A run (or part of one) and what is known of it; `type` null until the words around it tell. */
export interface Cand {
  toks: Tok[];
  type: 'person' | 'organization' | null;
  country: string | null;
  roles: string[];
  kind?: 'media' | 'ministry';
  gender?: 'm' | 'f';
  name?: string;
  /** Stands where a place would ("in …", "… , <place>."): only an organisation's own words type it. */
  place?: boolean;
  /** A person by the shape of its words alone ("Wang Lei"): "… said it" makes it an organisation ("Chen Air"). */
  shape?: boolean;
}

/** The country a demonym or country name stands for ("Polish", "North Korean", "UK", "Norway's"). */
export function countryOf(lex: Lexicon, words: string): string | null {
  const w = words.replace(/['’]s$/, '');
  const c = lex.surfaces.get(w);
  return lex.demonyms.get(w.toLowerCase()) ?? (c?.entry.type === 'country' && c.via === 'name' ? c.entry.country : null);
}

/** `m` or `f` from a given name, for pronoun resolution. */
export function genderOf(lex: Lexicon, t: Tok): { gender?: 'm' | 'f' } {
  const g = lex.names.given.get(t.w);
  return g === 'm' || g === 'f' ? { gender: g } : {};
}

/** One article's state while its runs are typed by their own words. */
interface RunScope {
  text: string;
  lex: Lexicon;
  N: Lexicon['names'];
  L: Lexicon['lang'];
  known: KnownNames;
  /** The article's (memoised) `countryOf`. */
  iso: (words: string) => string | null;
}

/**
 * The typer of one article's runs: each run gives its candidates (a run may split: "… Relations | Dana Meir"),
 * typed where its own words tell. `iso` is the article's (memoised) `countryOf`.
 */
export function runTyper(text: string, lex: Lexicon, known: KnownNames, iso: (words: string) => string | null): (run: Tok[]) => Cand[] {
  const rs: RunScope = { text, lex, N: lex.names, L: lex.lang, known, iso };
  return (run) => typeOf(rs, run);
}

const isHead = (rs: RunScope, w: string) => rs.N.orgHeads.has(w);

/** "J. Varga", "J.R. Varga", "A. S. Varga": initials (a letter and its dot) before one or two family-name words. */
function initialled(rs: RunScope, ts: Tok[]): boolean {
  const { text, N } = rs;
  let k = 0;
  while (k < ts.length && ((ts[k]!.w.length === 1 && /\p{Lu}/u.test(ts[k]!.w) && text[ts[k]!.e] === '.') || /^(?:\p{Lu}\.){2,3}$/u.test(ts[k]!.w))) k++;
  const tail = ts.slice(k);
  return k > 0 && k <= 3 && tail.length >= 1 && tail.length <= 2 && tail.every((t) => /^\p{Lu}\p{Ll}/u.test(t.w) && !isHead(rs, t.w) && !N.mediaHeads.has(t.w) && !N.orgSuffixes.has(t.w) && !N.notActorHeads.has(t.w));
}

const cand = (ts: Tok[], type: Cand['type'], extra: Partial<Cand> = {}): Cand => ({ toks: ts, type, country: null, roles: [], ...extra });

/** The candidates of one run: no name, the run cut where a country or a person opens it, or steps 1 to 4 in order. */
function typeOf(rs: RunScope, run: Tok[]): Cand[] {
  const { text, lex, N, known, iso } = rs;
  const words = run.map((t) => t.w);
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const full = text.slice(first.s, last.e);
  // "Norway's Coastal Authority": a country's possessive opens no name (but "New Farmers' Party" is one).
  const owner = run.findIndex((t, i) => t.poss && i < run.length - 1 && (iso(words.slice(0, i + 1).join(' ')) || known.covered(first.s, t.e)));
  if (owner >= 0) return typeOf(rs, run.slice(owner + 1));
  // "the Ana Ruiz Memorial": a monument's name opens with the person it commemorates.
  const memorial = run.findIndex((t, i) => i >= 2 && N.commemorativeHeads.has(t.w));
  if (memorial >= 2) {
    const named = typeOf(rs, run.slice(0, memorial));
    if (named.length === 1 && named[0]!.type === 'person' && named[0]!.toks.length === memorial) return named;
  }
  // A place or document word at the end ("… Stadium", "… Act"), unless it is the family name of a given name ("Peter Park").
  const placeEnd = N.notActorHeads.has(last.w) && !(N.given.has(first.w) && N.family.has(last.w) && run.length <= 3);
  // Known, a place, a demonym or its plural ("Americans").
  // A people by its plural after its country words ("Bosnian Serbs", "Iraqi Kurds"): a group (groups.ts), no name.
  const people = lex.groups.peopleByNoun.has(last.w) && run.length > 1 && run.slice(0, -1).every((t) => iso(t.w) || lex.groups.peopleByAdjective.has(t.w));
  if (known.covered(first.s, last.e) || N.places.has(full) || iso(full) || (/s$/.test(full) && iso(full.slice(0, -1))) || placeEnd || people) return [];
  const { pre, country } = headCountry(rs, run, words);
  const rest = run.slice(pre);
  return (
    // 1. A title at the head.
    titled(rs, rest, country) ??
    // 2. Organisation words.
    organisationWords(rs, run, words, country) ??
    // 3. The shape of a person's name.
    personShape(rs, rest, country) ??
    // 4. A place.
    placeOrUntyped(rs, run, country)
  );
}

/** A demonym or country at the head ("Polish …", "North Korean …"), or a possessive country before the run; `pre` the words it takes. */
function headCountry(rs: RunScope, run: Tok[], words: string[]): { pre: number; country: string | null } {
  const { text, iso } = rs;
  const first = run[0]!;
  let pre = 0;
  let country: string | null = null;
  for (const k of [2, 1]) {
    if (run.length > k && !run.slice(0, k - 1).some((t) => t.poss) && !run[k - 1]!.poss && (country = iso(words.slice(0, k).join(' ')))) {
      pre = k;
      break;
    }
  }
  if (!country && /['’]s\s$/u.test(text.slice(first.s - 3, first.s))) country = iso(/(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)['’]s\s+$/u.exec(text.slice(Math.max(0, first.s - 30), first.s))?.[1] ?? '');
  return { pre, country };
}

/** Step 1: a title at the head of `rest` (the run after its country words) names the person after it; undefined when none does. */
function titled(rs: RunScope, rest: Tok[], country: string | null): Cand[] | undefined {
  const { text, N, iso } = rs;
  let ti = -1;
  for (let i = 0; i < rest.length - 1; i++) {
    const w = rest[i]!.w.toLowerCase().replace(/\.$/, '');
    if (N.titles.has(w) || (i > 0 && N.titles.has(`${rest[i - 1]!.w.toLowerCase()} ${w}`))) ti = i;
  }
  if (ti < 0) return undefined;
  let at = ti + 1;
  if (N.connectors.has(rest[at]!.w)) {
    const g = rest.findIndex((t, i) => i > at && N.given.has(t.w));
    if (g < 0) {
      // "Chairman of the Baltic Centre for …": the organisation, when the complement is one.
      const complement = rest.slice(at).filter((t, i, a) => a.slice(0, i + 1).some((x) => !N.connectors.has(x.w)));
      return complement.some((t) => isHead(rs, t.w)) ? typeOf(rs, complement) : [];
    }
    at = g;
  }
  const name = rest.slice(at);
  const title = text.slice(rest[0]!.s, rest[at - 1]!.e).toLowerCase();
  const roles = [title, title.split(/\s+/).pop()!];
  if (name.length >= 2 && !name.some((t) => isHead(rs, t.w) || N.connectors.has(t.w))) return [cand(name, 'person', { country, roles, ...genderOf(rs.lex, name[0]!) })];
  if (name.length === 1 && N.royal.has(rest[ti]!.w.toLowerCase()) && N.given.has(name[0]!.w)) return [cand(rest.slice(ti), 'person', { country, roles })];
  // "President Reagan", "Foreign Minister Lavrov": a title before a lone surname names a person.
  if (name.length === 1 && !name[0]!.upper && !isHead(rs, name[0]!.w) && !iso(name[0]!.w) && !N.notName.has(name[0]!.w)) return [cand(name, 'person', { country, roles })];
  if (!name.some((t) => isHead(rs, t.w))) return [];
  return undefined;
}

/** Step 2: an organisation's head, suffix or newspaper word types the run, splitting off a person named after it; undefined when it has none. */
function organisationWords(rs: RunScope, run: Tok[], words: string[], country: string | null): Cand[] | undefined {
  const { N, iso } = rs;
  const last = run[run.length - 1]!;
  // A newspaper word ends the name or opens its "of" part ("Dental Journal of Norway").
  const media = N.mediaHeads.has(last.w) || run.some((t, i) => N.mediaHeads.has(t.w) && (run[i + 1]?.w === 'of' || (t.w === 'News' && run[i + 1]?.w === 'Agency')));
  const headAt = run.findIndex((t) => isHead(rs, t.w));
  if (!(headAt >= 0 || media || (N.orgSuffixes.has(last.w) && run.length > 1))) return undefined;
  const g = run.findIndex((t, i) => i > Math.max(headAt, 0) && N.given.has(t.w) && !N.connectors.has(run[i - 1]!.w));
  if (g > 0 && run.length - g >= 2 && !run.slice(g).some((t) => isHead(rs, t.w))) return [...typeOf(rs, run.slice(0, g)), cand(run.slice(g), 'person', genderOf(rs.lex, run[g]!))];
  if (run.length === 1) return []; // a bare head ("the Council", "TV") is a description
  // "the Harbour Board Spokesperson" describes a person ("Office of the Prime Minister" stays a name).
  if (N.personWords.has(last.w.toLowerCase()) && !words.includes('of')) return [];
  const ofThe = run.findIndex((t, i) => i > 0 && t.w === 'of' && run[i + 1]?.w === 'the' && iso(words.slice(i + 2).join(' ')));
  const ofAt = words.lastIndexOf('of');
  const ofCountry = ofAt > 0 ? iso(words.slice(ofAt + (words[ofAt + 1] === 'the' ? 2 : 1)).join(' ')) : null;
  const kind = words.includes('Ministry') ? 'ministry' : media ? 'media' : undefined;
  return [cand(ofThe > 0 ? run.slice(0, ofThe) : run, 'organization', { country: country ?? ofCountry, ...(kind ? { kind } : {}) })];
}

/** Step 3: initials, a given name, a known family name first or hyphenated syllables make `rest` a person; undefined otherwise. */
function personShape(rs: RunScope, rest: Tok[], country: string | null): Cand[] | undefined {
  const { N } = rs;
  if (initialled(rs, rest)) return [cand(rest, 'person', { country })];
  if (rest.length >= 2 && rest.length <= 5 && !rest.some((t) => t.upper)) {
    const [a, b] = [rest[0]!, rest[1]!];
    const syllables = rest.length <= 3 && rest.slice(1).every((t) => /^\p{Lu}\p{Ll}{0,6}(?:-\p{Ll}{1,6})?$/u.test(t.w));
    // "Tsang Hoi-lun", "Kim Jong-un": short syllables, or a known family name first ("Nobel Prize-winner" is neither).
    const hyphenated = rest.length === 2 && ((N.familyFirst.has(a.w) && /^\p{Lu}\p{Ll}{1,6}-\p{Ll}{1,6}$/u.test(b.w)) || (/^\p{Lu}\p{Ll}{0,4}$/u.test(a.w) && /^\p{Lu}\p{Ll}{0,4}-\p{Ll}{1,5}$/u.test(b.w)));
    if (N.given.has(a.w) || hyphenated) return [cand(rest, 'person', { country, ...genderOf(rs.lex, a) })];
    if (N.familyFirst.has(a.w) && syllables) return [cand(rest, 'person', { country, shape: true })];
  }
  return undefined;
}

/** Step 4: the run left untyped for step 5, marked a place where it stands where one would. */
function placeOrUntyped(rs: RunScope, run: Tok[], country: string | null): Cand[] {
  const { text, N, L, iso } = rs;
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const ws = wordsBefore(text, first.s, 2).map((w) => w.toLowerCase());
  const before = (ws[ws.length - 1] === 'the' ? ws[ws.length - 2] : ws[ws.length - 1]) ?? '';
  // "Dunmore, Ohio,", "Perth, Australia": a place word after a comma (not a list of people: "Ada Lee, Tom Varga,").
  const region = /^,\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)[,.;]/u.exec(text.slice(last.e, last.e + 30))?.[1];
  const place = L.locative_words.includes(before) || (run.length <= 2 && !!region && (!!iso(region) || (!region.includes(' ') && !N.given.has(region))));
  return [cand(run, null, { country, place })];
}
