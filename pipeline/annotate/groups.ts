/**
 * Groups named by role, and by country where a demonym or country name stands before them: "Israeli
 * soldiers", "riot police", "Palestinian protesters", "opposition supporters". Pure.
 *
 * The phrases and their CAMEO sector codes are lexicon data (pipeline/lexicon/groups.json). A phrase is a
 * group on its own only when listed `standalone` ("police", "protesters"); the others need a country word
 * ("Ukrainian officials", never bare "officials"). A phrase followed by a noun it modifies ("police station",
 * "army base") is no mention of the group. "<Demonym> government", "<Demonym> authorities" (language.json
 * `group_nouns`) stand for the country itself.
 */
import { escapeRe, once } from '../regex.ts';
import type { Lexicon } from './lexicon.ts';
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
  /** CAMEO sector code (`MIL`, `COP`, …); null for a country. */
  sector: string | null;
}

/** The groups of `text`, left to right, not overlapping. */
export function findGroups(text: string, lex: Lexicon): FoundGroup[] {
  const G = lex.groups;
  const countryNouns = once(lex, 'groups.ts:countryNouns', () => new Set(Object.keys(lex.lang.group_nouns)));
  // The phrases alone are searched; the country word before one is looked up (a pattern holding every demonym
  // would be tried at every offset of the text).
  const re = once(lex, 'groups.ts:re', () => {
    const phrases = [...G.sectors.keys(), ...countryNouns].sort((a, b) => b.length - a.length);
    // A phrase's first letter may be a capital at a sentence's start ("Police said …"); the check is in the loop.
    const ci = phrases.map((p) => `[${p[0]!.toUpperCase()}${p[0]}]${escapeRe(p.slice(1)).replace(/ /g, '\\s+')}`);
    return new RegExp(`(?<![\\p{L}\\p{N}’'-])(?:${ci.join('|')})(?![\\p{L}\\p{N}-])`, 'gu');
  });
  /** The demonym or country name (one to three words) right before offset `s`, with its start. */
  const countryBefore = (s: number): { word: string; start: number; iso: string } | null => {
    const ws = wordsBefore(text, s, 3);
    for (let k = ws.length; k >= 1; k--) {
      const word = ws.slice(-k).join(' ').replace(/['’]s$/u, '');
      if (!/^\p{Lu}/u.test(word)) continue;
      const iso = (word.length > 3 ? lex.demonyms.get(word.toLowerCase()) : undefined) ?? (lex.surfaces.get(word)?.entry.type === 'country' && lex.surfaces.get(word)?.via === 'name' ? lex.surfaces.get(word)!.entry.country : null);
      if (iso) return { word, start: s - 1 - ws.slice(-k).join(' ').length, iso };
    }
    return null;
  };
  const out: FoundGroup[] = [];
  for (const m of text.matchAll(re)) {
    const phraseText = m[0];
    const phrase = phraseText.toLowerCase().replace(/\s+/g, ' ');
    const before = countryBefore(m.index);
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
      if (country) out.push({ start, end, text: text.slice(start, end), type: 'country', phrase, name: `${word} ${phrase}`, country, sector: null });
      continue;
    }
    if (!country && !G.standalone.has(phrase)) continue;
    out.push({ start, end, text: text.slice(start, end), type: 'group', phrase, name: word ? `${word} ${phrase}` : phrase, country, sector: G.sectors.get(phrase) ?? null });
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
  return out.sort((a, b) => a.start - b.start);
}
