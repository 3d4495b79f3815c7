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
import { countedAt, countryBefore, countryWordAt, orgBefore } from './group-context.ts';
import type { Before, GroupPatterns, GroupScope } from './group-context.ts';
import type { Lexicon } from './lexicon.ts';
import { slug } from './lexicon.ts';

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

/** The sets and patterns findGroups reads, each built once per lexicon. */
function groupPatterns(lex: Lexicon): GroupPatterns {
  const G = lex.groups;
  const countryNouns = once(lex, 'groups.ts:countryNouns', () => new Set([...Object.keys(lex.lang.group_nouns), ...groupsData.side_nouns]));
  const sideNouns = once(lex, 'groups.ts:sideNouns', () => new Set<string>(groupsData.side_nouns));
  const regions = once(lex, 'groups.ts:regions', () => new Map<string, string>(Object.entries(groupsData.regions)));
  const regionPhrases = once(lex, 'groups.ts:regionPhrases', () => new Map<string, string>(Object.entries(groupsData.region_phrases)));
  // The phrases alone are searched; the country word before one is looked up (a pattern holding every demonym
  // would be tried at every offset of the text).
  const phraseRe = once(lex, 'groups.ts:re', () => {
    const phrases = [...G.sectors.keys(), ...regionPhrases.keys(), ...countryNouns].sort((a, b) => b.length - a.length);
    // A phrase's first letter may be a capital at a sentence's start ("Police said …"); the check is in phraseGroup.
    const ci = phrases.map((p) => `[${p[0]!.toUpperCase()}${p[0]}]${escapeRe(p.slice(1)).replace(/ /g, '\\s+')}`);
    return new RegExp(`(?<![\\p{L}\\p{N}’'-])(?:${ci.join('|')})(?![\\p{L}\\p{N}-])`, 'gu');
  });
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
  return { countryNouns, sideNouns, regions, regionPhrases, phraseRe, counted, countRe, countedSubjects, clauseOpen };
}

/** The groups of `text`, left to right, not overlapping. */
export function findGroups(text: string, lex: Lexicon): FoundGroup[] {
  const gs: GroupScope = { text, lex, G: lex.groups, re: groupPatterns(lex) };
  const out: FoundGroup[] = [];
  for (const m of text.matchAll(gs.re.phraseRe)) phraseGroup(gs, m, out);
  demonymPeoples(gs, out);
  nounPeoples(gs, out);
  return out.sort((a, b) => a.start - b.start);
}

/** The words naming the group of the phrase at `m`: a country word, an organisation of members, a quantity. */
function namedBy(gs: GroupScope, m: RegExpExecArray, phrase: string): { before: Before | null; member: Before | null; isCounted: boolean } {
  const { G, re } = gs;
  const phraseText = m[0];
  let before = countryBefore(gs, m.index);
  const member = !before && G.members.has(phrase) && !/^\p{Lu}/u.test(phraseText) ? orgBefore(gs, m.index) : null;
  before ??= member;
  // Counted, a group on its own ("Dozens of journalists"), named by a capitalised word before it ("a group of Ogoni leaders").
  let isCounted = false;
  if (!before && re.counted.has(phrase) && !/^\p{Lu}/u.test(phraseText)) {
    const named = orgBefore(gs, m.index);
    if (named && countedAt(gs, named.start, phrase)) [before, isCounted] = [named, true];
    else isCounted = countedAt(gs, m.index, phrase);
  }
  return { before, member, isCounted };
}

/** The group (or the country, for "<demonym> government") that the phrase matched at `m` names, if any, onto `out`. */
function phraseGroup(gs: GroupScope, m: RegExpExecArray, out: FoundGroup[]): void {
  const { text, G, re } = gs;
  const phraseText = m[0];
  const phrase = phraseText.toLowerCase().replace(/\s+/g, ' ');
  const { before, member, isCounted } = namedBy(gs, m, phrase);
  const word = before?.word;
  const country = before?.iso ?? null;
  const start = before ? before.start : m.index;
  const end = m.index + phraseText.length;
  const next = /^\s+([\p{Ll}-]+)/u.exec(text.slice(end, end + 30))?.[1];
  if (next && G.compound.has(next)) return;
  // A capital inside a sentence belongs to a name ("Dunmore Police Department"), not to a group.
  const phraseAt = m.index;
  if (/^\p{Lu}/u.test(phraseText) && (word || !/(?:^|[.!?:]["”’]?\s+|\n|["“‘(]\s*)$/u.test(text.slice(Math.max(0, phraseAt - 4), phraseAt)))) return;
  if (re.countryNouns.has(phrase)) {
    countryPhrase(gs, out, { start, end, phrase, word, country });
    return;
  }
  if (!before && !G.standalone.has(phrase) && !isCounted) return;
  const regionSector = re.regionPhrases.get(phrase);
  // "states", "countries" only after a region: "Indian states", "German states" are no group of that country.
  if (regionSector !== undefined && before?.region === undefined) return;
  const sector = G.sectors.get(phrase) ?? regionSector ?? '';
  // A region's code goes before the sector ("EURGOV"; "ARB" for "Arab states").
  const code = before?.region !== undefined ? `${before.region}${sector}` : sector;
  const people = G.peopleByNoun.get(phraseText);
  // The group's own name keeps the words that tell it apart: "Kurdish rebels", "Taliban fighters" (not "Afghan rebels").
  const qualifier = before && (before.iso === null || member) ? `${slug(before.word)}-` : '';
  out.push({ start, end, text: text.slice(start, end), type: 'group', phrase: `${qualifier}${phrase}`, name: word ? `${word} ${phraseText.replace(/\s+/g, ' ')}` : phrase, country: country ?? people?.country ?? null, sector: code || null });
}

/**
 * A country named through its government or one of its sides ("Israeli government", "the Israeli and Palestinian
 * sides"), onto `out`; "the Syrian side of the border" is a place.
 */
function countryPhrase(gs: GroupScope, out: FoundGroup[], g: { start: number; end: number; phrase: string; word: string | undefined; country: string | null }): void {
  const { text, re } = gs;
  const { start, end, phrase, word, country } = g;
  if (re.sideNouns.has(phrase) && /^\s+of\b/u.test(text.slice(end, end + 4))) return;
  if (country) out.push({ start, end, text: text.slice(start, end), type: 'country', phrase, name: `${word} ${phrase}`, country, sector: null });
  // "The Israeli and Palestinian sides": the first country word names its country too.
  const pair = country && /s$/u.test(phrase) ? /(?<![\p{L}’'-])(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+and\s+$/u.exec(text.slice(Math.max(0, start - 40), start)) : null;
  if (pair) {
    const wordEnd = start - pair[0].length + pair[1]!.length;
    const other = countryWordAt(gs, pair[1]!.split(' '), wordEnd);
    if (other?.iso && other.demonym) out.push({ start: other.start, end: wordEnd, text: text.slice(other.start, wordEnd), type: 'country', phrase, name: `${other.word} ${phrase}`, country: other.iso, sector: null });
  }
}

/**
 * A people named by its plural demonym ("Palestinians", "Israelis"): a group of that country, unless the word is
 * itself a name the gazetteer knows ("the Philippines") or stands inside a longer phrase already found; onto `out`.
 */
function demonymPeoples(gs: GroupScope, out: FoundGroup[]): void {
  const { text, lex } = gs;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}’'-])(\p{Lu}\p{Ll}{3,}(?:ian|ean|ese|i|an|ish|ic))s(?![\p{L}\p{N}-])/gu)) {
    const word = m[0];
    const iso = lex.demonyms.get(m[1]!.toLowerCase());
    if (!iso || lex.surfaces.has(word) || out.some((g) => g.start <= m.index && g.end >= m.index + word.length)) continue;
    const next = /^\s+([\p{L}-]+)/u.exec(text.slice(m.index + word.length, m.index + word.length + 30))?.[1];
    if (next && /^\p{Lu}/u.test(next)) continue; // "Israelis Reuven …": part of a name run
    out.push({ start: m.index, end: m.index + word.length, text: word, type: 'group', phrase: 'people', name: word, country: iso, sector: null });
  }
}

/** Peoples and faiths by their plural noun ("Kurds", "Iraqi Kurds", "Shiites"), onto `out`. */
function nounPeoples(gs: GroupScope, out: FoundGroup[]): void {
  const { text, lex, G } = gs;
  const peopleRe = once(lex, 'groups.ts:peoples', () => new RegExp(`(?<![\\p{L}\\p{N}’'-])(?:${[...G.peopleByNoun.keys()].map(escapeRe).join('|')})(?![\\p{L}\\p{N}-])`, 'gu'));
  for (const m of text.matchAll(peopleRe)) {
    const people = G.peopleByNoun.get(m[0])!;
    if (out.some((g) => g.start <= m.index && g.end >= m.index + m[0].length)) continue;
    const before = countryBefore(gs, m.index);
    const start = before ? before.start : m.index;
    const end = m.index + m[0].length;
    const country = before?.iso ?? people.country;
    out.push({ start, end, text: text.slice(start, end), type: 'group', phrase: slug(people.noun), name: text.slice(start, end), country, sector: null });
  }
}
