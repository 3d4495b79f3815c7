/**
 * What stands before a group's phrase (groups.ts): a country word ("Israeli soldiers", "Bosnian Serb forces"), an
 * organisation named before its members ("Taliban fighters"), a quantity counting it ("Dozens of journalists").
 * Every reader takes the article's `GroupScope` as its first argument. Pure.
 */
import { escapeRe } from '../regex.ts';
import type { Lexicon } from './lexicon.ts';
import { wordsBefore } from './name-context.ts';

/** The sets and patterns findGroups reads (built once per lexicon, groups.ts `groupPatterns`). */
export interface GroupPatterns {
  countryNouns: Set<string>;
  sideNouns: Set<string>;
  regions: Map<string, string>;
  regionPhrases: Map<string, string>;
  /** Every group's phrase, region phrase ("states") and country noun ("government", "side"). */
  phraseRe: RegExp;
  counted: Set<string>;
  countRe: RegExp;
  countedSubjects: Set<string>;
  clauseOpen: { start: RegExp; after: RegExp };
}

/** One article's state while its groups are found: the text, the lexicon and its patterns. */
export interface GroupScope {
  text: string;
  lex: Lexicon;
  G: Lexicon['groups'];
  re: GroupPatterns;
}

/** A country word (demonym or country name, one to three words), a region's adjective or a people's adjective ending at `end`. */
export type CountryWord = { word: string; start: number; iso: string | null; demonym: boolean; region?: string };

/** The words naming a group before its phrase: a country word or an organisation. */
export type Before = { word: string; start: number; iso: string | null; region?: string };

/** The country word (or region's or people's adjective) that the words `ws` end in, `end` being where they end. */
export function countryWordAt(gs: GroupScope, ws: string[], end: number): CountryWord | null {
  const { lex, G, re } = gs;
  for (let k = Math.min(3, ws.length); k >= 1; k--) {
    const word = ws.slice(-k).join(' ').replace(/['’]s$/u, '');
    if (!/^\p{Lu}/u.test(word)) continue;
    const start = end - ws.slice(-k).join(' ').length;
    // "Vietnamese-led forces": the country that leads them.
    const led = /^(.+)-led$/u.exec(word)?.[1];
    const base = led ?? word;
    // A region before a demonym of its own last word: "Latin American" (not American), "West African".
    const region = re.regions.get(base);
    if (region !== undefined) return { word, start, iso: null, demonym: true, region };
    const demonym = base.length > 2 ? lex.demonyms.get(base.toLowerCase()) : undefined;
    if (demonym && (base.length > 3 || base === base.toUpperCase() || base.includes('.'))) return { word, start, iso: demonym, demonym: !lex.surfaces.has(base) };
    const surface = lex.surfaces.get(base);
    if (surface?.entry.type === 'country' && surface.via === 'name') return { word, start, iso: surface.entry.country, demonym: false };
    const people = G.peopleByAdjective.get(base);
    if (people) return { word, start, iso: people.country, demonym: true };
  }
  return null;
}

/**
 * The country word right before offset `s`, with up to two lower-case modifiers between ("Irish nationalist
 * guerrillas", "French paper workers", "Israel's high court"): then only an adjective or a possessive (a verb
 * may stand after a country's name: "Britain sent troops"). In a run of them the first counts ("Bosnian Serb forces": Bosnia's).
 */
export function countryBefore(gs: GroupScope, s: number): Before | null {
  const { text, lex } = gs;
  const ws = wordsBefore(text, s, 5);
  let found: Before | null = null;
  let end = s - 1;
  let words = ws;
  for (let skipped = 0; skipped <= 2 && words.length; skipped++) {
    const c = countryWordAt(gs, words, end);
    // A possessive country name is no verb's subject either: "Israel's high court", "Iran's elite guards".
    const possessive = c ? /['’]s$/u.test(words.slice(-c.word.split(' ').length).join(' ')) : false;
    if (c && (skipped === 0 || c.demonym || possessive)) {
      found = c;
      // Another demonym right before it: "Bosnian Serb".
      const rest = words.slice(0, words.length - c.word.split(' ').length);
      const outer = rest.length ? countryWordAt(gs, rest, c.start - 1) : null;
      if (outer?.demonym && outer.iso) found = { word: `${outer.word} ${c.word}`, start: outer.start, iso: outer.iso };
      return found;
    }
    const last = words[words.length - 1]!;
    // Adjectives and nouns only: not an adverb, nor a participle ("North Korea's evolving military capabilities").
    if (!/^\p{Ll}[\p{Ll}-]{2,}$/u.test(last) || lex.names.functionWords.has(last) || /(?:ly|ing|ed)$/u.test(last)) return null;
    end -= last.length + 1;
    words = words.slice(0, -1);
  }
  return found;
}

/** An organisation named before a members' phrase ("Taliban fighters", "Hezbollah guerrillas"). */
export function orgBefore(gs: GroupScope, s: number): Before | null {
  const { text, lex } = gs;
  const m = /(?:^|[^\p{L}\p{N}’'.-])(\p{Lu}[\p{L}-]+|\p{Lu}{2,})\s+$/u.exec(text.slice(Math.max(0, s - 40), s));
  if (!m) return null;
  const word = m[1]!;
  const start = s - m[0].length + m[0].indexOf(word);
  const entry = lex.surfaces.get(word)?.entry;
  if (entry) return entry.type === 'organization' ? { word, start, iso: entry.country } : null;
  // An unknown word: not a common word capitalised at a sentence's start ("Armed", "Some", "Unidentified").
  const initial = /(?:^|[.!?:]["”’]?\s+|\n)$/u.test(text.slice(Math.max(0, start - 4), start));
  if (lex.names.functionWords.has(word.toLowerCase()) || lex.names.notName.has(word) || /(?:ed|ing|ly)$/u.test(word)) return null;
  // At a sentence's start any word is capitalised ("Later fighters …"): a name only if the text also writes it
  // capitalised inside a sentence, or it is an acronym.
  if (initial && word !== word.toUpperCase() && !new RegExp(`[\\p{Ll},;:]\\s+${escapeRe(word)}(?![\\p{L}\\p{N}])`, 'u').test(text)) return null;
  return { word, start, iso: null };
}

/** Where the quantity counting what follows `s` starts, or -1. */
function countAt(gs: GroupScope, s: number): number {
  const from = Math.max(0, s - 60);
  const c = gs.re.countRe.exec(gs.text.slice(from, s));
  return c ? from + c.index : -1;
}

/** The quantity opens a clause ("Thousands of people marched", "…, some 300 people"), not an object ("killed 23 people"). */
function opensClause(gs: GroupScope, i: number): boolean {
  const { clauseOpen } = gs.re;
  const w = gs.text.slice(Math.max(0, i - 80), i);
  return (i <= 80 && clauseOpen.start.test(w)) || clauseOpen.after.test(w);
}

/** A quantity counts the `phrase` after `s`; for a counted subject ("people"), only one opening a clause. */
export function countedAt(gs: GroupScope, s: number, phrase: string): boolean {
  const i = countAt(gs, s);
  return i >= 0 && (!gs.re.countedSubjects.has(phrase) || opensClause(gs, i));
}
