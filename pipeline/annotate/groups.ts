/**
 * Groups named by role, and by country where a demonym or country name stands before them: "Israeli
 * soldiers", "riot police", "Palestinian protesters", "opposition supporters". Pure.
 *
 * The phrases and their CAMEO sector codes are lexicon data (pipeline/lexicon/groups.json). A phrase is a
 * group on its own only when listed `standalone` ("police", "protesters"); the others need a country word
 * ("Ukrainian officials", never bare "officials"). A phrase followed by a noun it modifies ("police station",
 * "army base") is no mention of the group. "<Demonym> government", "<Demonym> authorities" (language.json
 * `group_nouns`) stand for the country itself. A region's or bloc's adjective stands where a country word does
 * ("European ministers", "Latin American leaders"): the group has no country, and its CAMEO code begins with the
 * region's ("EURGOV"); "states", "countries" (`region_phrases`) name a group only after one ("Arab states").
 * A quantity makes a `counted` phrase a group without a country word ("Dozens of journalists", "hundreds of
 * thousands of people", "a group of Ogoni leaders", the capitalised word naming it). "The Israeli and Palestinian
 * sides" names both countries; "the Syrian side of the border" is a place (`side_nouns`).
 */
import eventRules from '../lexicon/event-rules.json' with { type: 'json' };
import groupsData from '../lexicon/groups.json' with { type: 'json' };
import { alt, altCi, escapeRe, once } from '../regex.ts';
import type { Lexicon } from './lexicon.ts';
import { slug } from './lexicon.ts';
import { wordsBefore } from './name-context.ts';

/** A group (or a country named through its government) found in the text. */
export interface FoundGroup {
  start: number;
  end: number;
  text: string;
  /** `group`, or `country` for "<demonym> government". */
  type: 'group' | 'country';
  /** Lower-case phrase ("riot police"), the group's name without its country. */
  phrase: string;
  /** Country word and phrase: "Israeli soldiers", "police". */
  name: string;
  country: string | null;
  /** CAMEO code after the country: the sector (`MIL`, `COP`, …), preceded by the region's code for a group named
   * by a region (`EURGOV`, `ARB`); null for a country. */
  sector: string | null;
}

/** The groups of `text`, left to right, not overlapping. */
export function findGroups(text: string, lex: Lexicon): FoundGroup[] {
  const G = lex.groups;
  const countryNouns = once(lex, 'groups.ts:countryNouns', () => new Set([...Object.keys(lex.lang.group_nouns), ...groupsData.side_nouns]));
  const sideNouns = once(lex, 'groups.ts:sideNouns', () => new Set<string>(groupsData.side_nouns));
  const regions = once(lex, 'groups.ts:regions', () => new Map<string, string>(Object.entries(groupsData.regions)));
  const regionPhrases = once(lex, 'groups.ts:regionPhrases', () => new Map<string, string>(Object.entries(groupsData.region_phrases)));
  // The phrases alone are searched; the country word before one is looked up (a pattern holding every demonym
  // would be tried at every offset of the text).
  const re = once(lex, 'groups.ts:re', () => {
    const phrases = [...G.sectors.keys(), ...regionPhrases.keys(), ...countryNouns].sort((a, b) => b.length - a.length);
    // A phrase's first letter may be a capital at a sentence's start ("Police said …"); the check is in the loop.
    const ci = phrases.map((p) => `[${p[0]!.toUpperCase()}${p[0]}]${escapeRe(p.slice(1)).replace(/ /g, '\\s+')}`);
    return new RegExp(`(?<![\\p{L}\\p{N}’'-])(?:${ci.join('|')})(?![\\p{L}\\p{N}-])`, 'gu');
  });
  /** A country word (demonym or country name, one to three words), a region's adjective or a people's adjective ending at `end`. */
  type CountryWord = { word: string; start: number; iso: string | null; demonym: boolean; region?: string };
  const countryWordAt = (ws: string[], end: number): CountryWord | null => {
    for (let k = Math.min(3, ws.length); k >= 1; k--) {
      const word = ws.slice(-k).join(' ').replace(/['’]s$/u, '');
      if (!/^\p{Lu}/u.test(word)) continue;
      const start = end - ws.slice(-k).join(' ').length;
      // "Vietnamese-led forces": the country that leads them.
      const led = /^(.+)-led$/u.exec(word)?.[1];
      const base = led ?? word;
      // A region before a demonym of its own last word: "Latin American" (not American), "West African".
      const region = regions.get(base);
      if (region !== undefined) return { word, start, iso: null, demonym: true, region };
      const demonym = base.length > 2 ? lex.demonyms.get(base.toLowerCase()) : undefined;
      if (demonym && (base.length > 3 || base === base.toUpperCase() || base.includes('.'))) return { word, start, iso: demonym, demonym: !lex.surfaces.has(base) };
      const surface = lex.surfaces.get(base);
      if (surface?.entry.type === 'country' && surface.via === 'name') return { word, start, iso: surface.entry.country, demonym: false };
      const people = G.peopleByAdjective.get(base);
      if (people) return { word, start, iso: people.country, demonym: true };
    }
    return null;
  };
  /**
   * The country word right before offset `s`, with up to two lower-case modifiers between ("Irish nationalist
   * guerrillas", "French paper workers", "Israel's high court"): then only an adjective or a possessive (a verb
   * may stand after a country's name: "Britain sent troops"). In a run of them the first counts ("Bosnian Serb forces": Bosnia's).
   */
  const countryBefore = (s: number): { word: string; start: number; iso: string | null; region?: string } | null => {
    const ws = wordsBefore(text, s, 5);
    let found: { word: string; start: number; iso: string | null; region?: string } | null = null;
    let end = s - 1;
    let words = ws;
    for (let skipped = 0; skipped <= 2 && words.length; skipped++) {
      const c = countryWordAt(words, end);
      // A possessive country name is no verb's subject either: "Israel's high court", "Iran's elite guards".
      const possessive = c ? /['’]s$/u.test(words.slice(-c.word.split(' ').length).join(' ')) : false;
      if (c && (skipped === 0 || c.demonym || possessive)) {
        found = c;
        // Another demonym right before it: "Bosnian Serb".
        const rest = words.slice(0, words.length - c.word.split(' ').length);
        const outer = rest.length ? countryWordAt(rest, c.start - 1) : null;
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
  };
  /** An organisation named before a members' phrase ("Taliban fighters", "Hezbollah guerrillas"). */
  const orgBefore = (s: number): { word: string; start: number; iso: string | null; region?: string } | null => {
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
  };
  const counted = once(lex, 'groups.ts:counted', () => new Set<string>(groupsData.counted));
  /**
   * A quantity counting what follows `s`, maybe with two lower-case modifiers between: "Dozens of (angry)",
   * "hundreds of thousands of", "a group of", "around 100", "some 5,000" (a year is no count: "in 2019 people").
   */
  const countRe = once(lex, 'groups.ts:countRe', () => new RegExp(String.raw`(?:(?<![\p{L}])(?:${altCi(eventRules.crowd_quantities)})\s+of(?:\s+the)?|(?<![\p{L}\p{N},.])(?!(?:19|20)\d\d\s)\p{N}+(?:[,.]\p{N}+)*)\s+(?:(?!(?:${alt(eventRules.boundary_words)})\s)\p{Ll}[\p{Ll}-]+\s+){0,2}$`, 'u'));
  const countedSubjects = once(lex, 'groups.ts:countedSubjects', () => new Set<string>(groupsData.counted_subjects));
  const clauseOpen = once(lex, 'groups.ts:clauseOpen', () => {
    const leads = `(?:(?:${altCi(eventRules.quantity_leads)})\\s+)*$`;
    return { start: new RegExp(`^\\s*${leads}`, 'u'), after: new RegExp(`(?:[.!?;:,(—–]["”’]?\\s+|\\n\\s*|(?<![\\p{L}])(?:${altCi(eventRules.boundary_words)})\\s+)${leads}`, 'u') };
  });
  /** Where the quantity counting what follows `s` starts, or -1. */
  const countAt = (s: number) => {
    const from = Math.max(0, s - 60);
    const c = countRe.exec(text.slice(from, s));
    return c ? from + c.index : -1;
  };
  /** The quantity opens a clause ("Thousands of people marched", "…, some 300 people"), not an object ("killed 23 people"). */
  const opensClause = (i: number) => {
    const w = text.slice(Math.max(0, i - 80), i);
    return (i <= 80 && clauseOpen.start.test(w)) || clauseOpen.after.test(w);
  };
  const countedAt = (s: number, phrase: string) => {
    const i = countAt(s);
    return i >= 0 && (!countedSubjects.has(phrase) || opensClause(i));
  };
  const out: FoundGroup[] = [];
  for (const m of text.matchAll(re)) {
    const phraseText = m[0];
    const phrase = phraseText.toLowerCase().replace(/\s+/g, ' ');
    let before = countryBefore(m.index);
    const member = !before && G.members.has(phrase) && !/^\p{Lu}/u.test(phraseText) ? orgBefore(m.index) : null;
    before ??= member;
    // Counted, a group on its own ("Dozens of journalists"), named by a capitalised word before it ("a group of Ogoni leaders").
    let isCounted = false;
    if (!before && counted.has(phrase) && !/^\p{Lu}/u.test(phraseText)) {
      const named = orgBefore(m.index);
      if (named && countedAt(named.start, phrase)) [before, isCounted] = [named, true];
      else isCounted = countedAt(m.index, phrase);
    }
    const word = before?.word;
    const country = before?.iso ?? null;
    const start = before ? before.start : m.index;
    const end = m.index + phraseText.length;
    const next = /^\s+([\p{Ll}-]+)/u.exec(text.slice(end, end + 30))?.[1];
    if (next && G.compound.has(next)) continue;
    // A capital inside a sentence belongs to a name ("Dunmore Police Department"), not to a group.
    const phraseAt = m.index;
    if (/^\p{Lu}/u.test(phraseText) && (word || !/(?:^|[.!?:]["”’]?\s+|\n|["“‘(]\s*)$/u.test(text.slice(Math.max(0, phraseAt - 4), phraseAt)))) continue;
    if (countryNouns.has(phrase)) {
      if (sideNouns.has(phrase) && /^\s+of\b/u.test(text.slice(end, end + 4))) continue;
      if (country) out.push({ start, end, text: text.slice(start, end), type: 'country', phrase, name: `${word} ${phrase}`, country, sector: null });
      // "The Israeli and Palestinian sides": the first country word names its country too.
      const pair = country && /s$/u.test(phrase) ? /(?<![\p{L}’'-])(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+and\s+$/u.exec(text.slice(Math.max(0, start - 40), start)) : null;
      if (pair) {
        const wordEnd = start - pair[0].length + pair[1]!.length;
        const other = countryWordAt(pair[1]!.split(' '), wordEnd);
        if (other?.iso && other.demonym) out.push({ start: other.start, end: wordEnd, text: text.slice(other.start, wordEnd), type: 'country', phrase, name: `${other.word} ${phrase}`, country: other.iso, sector: null });
      }
      continue;
    }
    if (!before && !G.standalone.has(phrase) && !isCounted) continue;
    const regionSector = regionPhrases.get(phrase);
    // "states", "countries" only after a region: "Indian states", "German states" are no group of that country.
    if (regionSector !== undefined && before?.region === undefined) continue;
    const sector = G.sectors.get(phrase) ?? regionSector ?? '';
    // A region's code goes before the sector ("EURGOV"; "ARB" for "Arab states").
    const code = before?.region !== undefined ? `${before.region}${sector}` : sector;
    const people = G.peopleByNoun.get(phraseText);
    // The group's own name keeps the words that tell it apart: "Kurdish rebels", "Taliban fighters" (not "Afghan rebels").
    const qualifier = before && (before.iso === null || member) ? `${slug(before.word)}-` : '';
    out.push({ start, end, text: text.slice(start, end), type: 'group', phrase: `${qualifier}${phrase}`, name: word ? `${word} ${phraseText.replace(/\s+/g, ' ')}` : phrase, country: country ?? people?.country ?? null, sector: code || null });
  }
  // A people named by its plural demonym ("Palestinians", "Israelis"): a group of that country, unless the word is
  // itself a name the gazetteer knows ("the Philippines") or stands inside a longer phrase already found.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}’'-])(\p{Lu}\p{Ll}{3,}(?:ian|ean|ese|i|an|ish|ic))s(?![\p{L}\p{N}-])/gu)) {
    const word = m[0];
    const iso = lex.demonyms.get(m[1]!.toLowerCase());
    if (!iso || lex.surfaces.has(word) || out.some((g) => g.start <= m.index && g.end >= m.index + word.length)) continue;
    const next = /^\s+([\p{L}-]+)/u.exec(text.slice(m.index + word.length, m.index + word.length + 30))?.[1];
    if (next && /^\p{Lu}/u.test(next)) continue; // "Israelis Reuven …": part of a name run
    out.push({ start: m.index, end: m.index + word.length, text: word, type: 'group', phrase: 'people', name: word, country: iso, sector: null });
  }
  // Peoples and faiths by their plural noun ("Kurds", "Iraqi Kurds", "Shiites").
  const peopleRe = once(lex, 'groups.ts:peoples', () => new RegExp(`(?<![\\p{L}\\p{N}’'-])(?:${[...G.peopleByNoun.keys()].map(escapeRe).join('|')})(?![\\p{L}\\p{N}-])`, 'gu'));
  for (const m of text.matchAll(peopleRe)) {
    const people = G.peopleByNoun.get(m[0])!;
    if (out.some((g) => g.start <= m.index && g.end >= m.index + m[0].length)) continue;
    const before = countryBefore(m.index);
    const start = before ? before.start : m.index;
    const end = m.index + m[0].length;
    const country = before?.iso ?? people.country;
    out.push({ start, end, text: text.slice(start, end), type: 'group', phrase: slug(people.noun), name: text.slice(start, end), country, sector: null });
  }
  return out.sort((a, b) => a.start - b.start);
}
