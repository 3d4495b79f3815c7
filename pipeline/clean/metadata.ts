/**
 * Recognisers for the metadata lines of an article: bylines, broadcast sign-offs, "Reporting by" credits,
 * date lines and datelines. Each takes one segment's text and returns what it found, or null.
 */
import { findDates } from '../dates.ts';
import type { BoilerplateLexicon } from './lexicon.ts';
import { wordCount, words } from './text.ts';

const NAME_TOKEN = /^[\p{Lu}][\p{L}'’.]*(?:-[\p{L}][\p{L}'’.]*)*$/u;
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'le', 'la', 'du', 'bin', 'binti', 'al', 'el', 'ibn', 'y', 'dos', 'das']);

/** True for "Choi Si-young", "Jean-Luc de la Tour": 2-5 capitalised tokens, particles allowed inside. */
export function isPersonName(s: string): boolean {
  const tokens = s.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  if (!NAME_TOKEN.test(tokens[0]!) || !NAME_TOKEN.test(tokens[tokens.length - 1]!)) return false;
  return tokens.every((t) => NAME_TOKEN.test(t) || PARTICLES.has(t.toLowerCase()));
}

/**
 * Person names in a credit such as "Choi Si-young and Jane Doe, Staff Reporters, The Korea Herald": names
 * are kept; roles ("Staff Reporter"), agencies ("AP") and outlets (a capitalised phrase ending in a media
 * word) are dropped; null when any part is none of these (then the line is prose, not a credit).
 */
export function parseNames(s: string, lex: BoilerplateLexicon): string[] | null {
  const parts = s
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .split(/\s*(?:,|;|\||\/|&|\band\b)\s*/u)
    .map((p) => p.replace(/^[\s(–—-]+|[\s).–—-]+$/g, '').trim())
    .filter(Boolean);
  const names: string[] = [];
  for (const part of parts) {
    const ws = words(part);
    const lower = ws.map((w) => w.toLowerCase());
    // An acronym alone ("AP", "KBS") is an agency; several capitalised words are a name set in capitals.
    const isRole = lower.every((w) => lex.authorRoleWords.has(w) || lex.mediaWords.has(w) || w === 'the') || (ws.length === 1 && /^\p{Lu}{2,}$/u.test(ws[0]!));
    const isOutlet = ws.every((w) => /^\p{Lu}/u.test(w) || w === 'the') && lex.mediaWords.has(lower[lower.length - 1] ?? '');
    if (isRole || isOutlet) continue;
    if (!isPersonName(part)) return null;
    // Names set in capitals ("AAMER MADHANI") are given in the usual case.
    names.push(part === part.toUpperCase() ? part.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()) : part);
  }
  return names.length ? names : null;
}

/** "By Choi Si-young", "Written by A and B": the names, or null. */
export function parseByline(s: string, lex: BoilerplateLexicon): string[] | null {
  const m = /^(?:by|written by|words by|story by|reporting by)\s*[:|]?\s+(.+)$/iu.exec(s);
  if (!m || wordCount(s, 16) > 16) return null;
  return parseNames(m[1]!, lex);
}

/** "Dan Sabbagh Defence and security editor": a name followed by the reporter's role, or null. */
export function parseNameRole(s: string, lex: BoilerplateLexicon): string[] | null {
  const ws = s.split(/\s+/);
  if (ws.length < 3 || ws.length > 9 || !/(?:editor|correspondent|reporter|writer|columnist|journalist)$/i.test(s)) return null;
  for (const n of [3, 2]) {
    const name = ws.slice(0, n).join(' ');
    const role = ws.slice(n);
    if (isPersonName(name) && role.length && /^\p{Lu}/u.test(role[0]!) && !lex.sectionLabels.has(name.toLowerCase())) return [name];
  }
  return null;
}

/**
 * A broadcast sign-off: "Bae Joo-yon, KBS World Radio News." or, with the place the report is filed from,
 * "Jane Roe, Example Radio News, Lisbon.": the names, or null. The outlet is capitalised words with a media
 * word ("News", "Radio"); the place after it is one to four capitalised words.
 */
export function parseSignoff(s: string, lex: BoilerplateLexicon): string[] | null {
  if (s.length > 160) return null;
  const parts = s.replace(/\.$/u, '').split(/,\s+/u);
  const outlet = parts.findIndex((p, i) => i > 0 && CAPITALISED.test(p) && words(p).some((w) => lex.mediaWords.has(w.toLowerCase())));
  if (outlet < 0) return null;
  // At most "Washington, D.C." after the outlet.
  const place = parts.slice(outlet + 1);
  if (place.length > 2 || !place.every((p) => PLACE_WORDS.test(p) && !words(p).some((w) => lex.mediaWords.has(w.toLowerCase())))) return null;
  const names = parts.slice(0, outlet).join(', ').split(/\s*(?:,|\band\b|&)\s*/u).filter(Boolean);
  return names.length && names.every(isPersonName) ? names : null;
}

const CAPITALISED = /^(?:[\p{Lu}][\p{L}&'’.-]*\s*){1,6}$/u;
const PLACE_WORDS = /^[\p{Lu}][\p{L}'’.-]*(?:\s[\p{Lu}][\p{L}'’.-]*){0,3}$/u;

const REPORTING = /\(?\s*(?:additional\s+)?(?:reporting|writing|reported)\s+by\s+([^;)]+?)(?:\s*;[^)]*)?\s*\)?\s*$/iu;

/**
 * "(Reporting by X; Editing by Y)" at the end of a segment: the reporters and the segment without the
 * credit (empty when the credit was the whole segment), or null.
 */
export function parseReportingCredit(s: string, lex: BoilerplateLexicon): { names: string[]; rest: string } | null {
  const m = REPORTING.exec(s);
  if (!m) return null;
  const before = s.slice(0, m.index);
  // The credit must be set off: in parentheses, or a segment of its own.
  if (before.trim() && !m[0].trimStart().startsWith('(')) return null;
  const names = parseNames(m[1]!, lex);
  return names ? { names, rest: before.trimEnd() } : null;
}

const TIME = /^\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?$/iu;
const DATE_FILLER = /^(?:[ap]\.?m\.?|gmt|utc|kst|jst|est|edt|et|cst|cdt|ct|mst|mdt|mt|pst|pdt|pt|cet|cest|eet|eest|bst|msk|ist|hkt|sgt|aest|aedt|at|on|the|of|\d{1,2}(?:st|nd|rd|th)?|\d{4}|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)\.?$/iu;

/** A date a metadata line states, and the label it stands under. */
export interface StatedDate {
  /** YYYY-MM-DD */
  date: string;
  /** 'published' after "Published", "Posted", "Written"; 'updated' after "Updated", "Last modified"; else null. */
  label: 'published' | 'updated' | null;
}

/**
 * The publication date among dates a page states: the first under a publication label, else the first
 * unlabelled one, else the first (an "Updated" date is the only date the page gives). Null for none.
 */
export function pickPublishedDate(dates: StatedDate[]): StatedDate | null {
  return dates.find((d) => d.label === 'published') ?? dates.find((d) => d.label === null) ?? dates[0] ?? null;
}

/**
 * A date line ("Written: 2023-10-20 15:38:59Updated: 2023-10-20 17:24:42", "October 20, 2023 10:38 KST",
 * "Updated: March 3, 2025 10:15 a.m. ET"): the publication date it states (see `pickPublishedDate`), or null.
 * A date's label is the last one between the previous date and it, times and zones allowed in between
 * ("Updated 4:12 PM EDT, October 17, 2023").
 */
export function parseDateLine(s: string, lex: BoilerplateLexicon): StatedDate | null {
  if (wordCount(s, 16) > 16) return null;
  const dates = findDates(s);
  if (!dates.length) return null;
  const labelled = lex.dateLabel.test(s);
  if (!labelled) {
    // Unlabelled: nothing but dates, times, weekdays and zones may stand on the line.
    let rest = s;
    for (const d of [...dates].reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
    const leftovers = rest.split(/[\s,|·•/()–—-]+/u).filter(Boolean);
    if (!leftovers.every((t) => TIME.test(t) || DATE_FILLER.test(t))) return null;
  }
  const stated = dates.map((d, i) => {
    const from = i ? dates[i - 1]!.index + dates[i - 1]!.length : 0;
    return { date: d.date, label: dateLabelOf(s.slice(from, d.index), lex) };
  });
  return pickPublishedDate(stated);
}

/** A label standing alone on the line before an unlabelled date line ("Published" / "16 March 2023") labels its date. */
export function withLabelLine(date: StatedDate, previous: string | undefined, lex: BoilerplateLexicon): StatedDate {
  if (date.label !== null || previous === undefined || wordCount(previous, 3) > 3 || findDates(previous).length) return date;
  return { ...date, label: dateLabelOf(previous, lex) };
}

function dateLabelOf(before: string, lex: BoilerplateLexicon): StatedDate['label'] {
  const last = (re: RegExp) => Math.max(-1, ...[...before.matchAll(re)].map((m) => m.index));
  const published = last(lex.publicationDateLabel);
  const updated = last(lex.updateDateLabel);
  if (published < 0 && updated < 0) return null;
  return published > updated ? 'published' : 'updated';
}

const BYLINE_DATE_SEPARATOR = /[\s,;|·•–—-]+/gu;
const trimSeparators = (s: string) => s.replace(/^[\s,;|·•–—-]+|[\s,;|·•–—-]+$/gu, '');

/**
 * A byline and a date line on one line, either way round ("By Jane Roe | March 3, 2025", "By Jane Roe,
 * 3 March 2025 10:15 GMT", "Published 3 March 2025 · By Jane Roe"): the names and the date, or null.
 */
export function parseBylineDate(s: string, lex: BoilerplateLexicon): { names: string[]; date: StatedDate } | null {
  if (wordCount(s, 30) > 30 || !findDates(s).length) return null;
  const credit = (t: string) => parseByline(trimSeparators(t), lex) ?? parseNameRole(trimSeparators(t), lex);
  for (const m of s.matchAll(BYLINE_DATE_SEPARATOR)) {
    const left = s.slice(0, m.index);
    const right = s.slice(m.index + m[0].length);
    if (!left || !right) continue;
    const names = credit(left);
    const date = names && parseDateLine(right, lex);
    if (names && date) return { names, date };
    // The cheap test first: most splits have no credit after them.
    const namesAfter = credit(right);
    const dateFirst = namesAfter && parseDateLine(trimSeparators(left), lex);
    if (dateFirst && namesAfter) return { names: namesAfter, date: dateFirst };
  }
  return null;
}

const PLACE = "[\\p{Lu}][\\p{Lu}'’.\\-]*[\\p{Lu}.](?:[ \\-][\\p{Lu}][\\p{Lu}'’.\\-]*[\\p{Lu}.])*";
// After the place: a state or weekday (", Calif", ", Monday"), a date ("March 3", "Mar. 3, 2025",
// "3 March 2025", "2025-03-03") and the agency in brackets, each optional.
const DATELINE_DATE = "(?:[\\p{Lu}][\\p{Ll}]{2,8}\\.?\\s+\\d{1,2}(?:,?\\s*\\d{4})?|\\d{1,2}\\s+[\\p{Lu}][\\p{Ll}]{2,8}\\.?(?:,?\\s*\\d{4})?|\\d{4}[-./]\\d{1,2}[-./]\\d{1,2})";
const DATELINE_TAIL = `(?:,\\s*[\\p{Lu}][\\p{Ll}]+(?:\\s[\\p{Lu}][\\p{Ll}]+)*)?(?:,?\\s*${DATELINE_DATE})?(?:,?\\s*\\([\\p{L}][\\p{L} .&\\-]{1,30}\\))?`;
const DASH = '(?:[:：]|--|[–—-])';
const DATELINE_START = new RegExp(`^(${PLACE}${DATELINE_TAIL})\\s*${DASH}\\s+(?=[\\p{Lu}"“‘'\\d])`, 'u');
const DATELINE_INSIDE = new RegExp(`^(.{8,200}?)\\s+(${PLACE}${DATELINE_TAIL})\\s*${DASH}\\s+(?=[\\p{Lu}"“‘'])`, 'u');

/** A dateline found at the start of a body segment: place and agency, the full date it gives (or null), the rest. */
export interface Dateline {
  dateline: string;
  date: string | null;
  rest: string;
}

/**
 * The dateline ("SEOUL, (Reuters)", "MOSCOW", "MINSK, March 3, 2025 (BelTA)") that opens a body segment,
 * or null. A full date in it is the article's date and leaves the dateline ("MINSK (BelTA)"); a date
 * without a year ("BEIJING, March 5 (Xinhua)") stays, as it is no publication date.
 */
export function splitDateline(s: string): Dateline | null {
  const m = DATELINE_START.exec(s);
  if (!m || !hasCapitalPlace(m[1]!)) return null;
  return { ...datelineDate(m[1]!), rest: s.slice(m[0].length) };
}

/**
 * A headline run together with the dateline of the body ("… last about an hour MOSCOW: Russia's …"):
 * headline, dateline (as `splitDateline`) and body, or null.
 */
export function splitHeadlineDateline(s: string): (Dateline & { headline: string }) | null {
  const m = DATELINE_INSIDE.exec(s);
  if (!m || !hasCapitalPlace(m[2]!) || /[.!?]["”’]?$/u.test(m[1]!)) return null;
  return { headline: m[1]!.trim(), ...datelineDate(m[2]!), rest: s.slice(m[0].length) };
}

/** "MINSK, Monday, March 3, 2025 (BelTA)" → { dateline: "MINSK (BelTA)", date: "2025-03-03" }. */
function datelineDate(d: string): { dateline: string; date: string | null } {
  const found = findDates(d)[0];
  if (!found) return { dateline: tidyDateline(d), date: null };
  const before = d.slice(0, found.index).replace(/(?:,\s*[\p{Lu}][\p{Ll}]*day)?[\s,]*$/u, '');
  const after = d.slice(found.index + found.length).replace(/^[\s,]+/u, '');
  return { dateline: tidyDateline(after ? `${before} ${after}` : before), date: found.date };
}

// A place in capitals has at least three capital letters ("SEOUL", "U.N."), which keeps "A" or "I" out.
const hasCapitalPlace = (d: string) => (d.match(/\p{Lu}/gu) ?? []).length >= 3 && /^\p{Lu}{2,}|^\p{Lu}\./u.test(d);
const tidyDateline = (d: string) => d.replace(/[\s,]+$/u, '').replace(/\s+/g, ' ');
