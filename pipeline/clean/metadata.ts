/**
 * Recognisers for the metadata lines of an article: bylines, broadcast sign-offs, "Reporting by" credits,
 * date lines and datelines. Each takes one segment's text and returns what it found, or null.
 */
import { findDates } from '../dates.ts';
import type { BoilerplateLexicon } from './lexicon.ts';
import { words } from './text.ts';

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
  if (!m || words(s).length > 16) return null;
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

/** "Bae Joo-yon, KBS World Radio News." — a broadcast sign-off: the names, or null. */
export function parseSignoff(s: string, lex: BoilerplateLexicon): string[] | null {
  const m = /^(.{3,80}?),\s+((?:[\p{Lu}][\p{L}&'’.-]*\s*){1,6})\.?$/u.exec(s);
  if (!m) return null;
  const outletWords = words(m[2]!).map((w) => w.toLowerCase());
  if (!outletWords.some((w) => lex.mediaWords.has(w))) return null;
  const names = m[1]!.split(/\s*(?:,|\band\b|&)\s*/u).filter(Boolean);
  return names.length && names.every(isPersonName) ? names : null;
}

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
const DATE_FILLER = /^(?:[ap]\.?m\.?|gmt|utc|kst|jst|est|edt|pst|pdt|cet|cest|bst|msk|ist|at|on|the|of|\d{1,2}(?:st|nd|rd|th)?|\d{4}|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)\.?$/iu;

/**
 * A date line ("Written: 2023-10-20 15:38:59Updated: 2023-10-20 17:24:42", "October 20, 2023 10:38 KST"):
 * the publication date it states (a date after a publication label wins over the first date), or null.
 */
export function parseDateLine(s: string, lex: BoilerplateLexicon): string | null {
  if (words(s).length > 16) return null;
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
  const published = dates.find((d) => lex.publicationDateLabel.test(s.slice(0, d.index)));
  return (published ?? dates[0]!).date;
}

const PLACE = "[\\p{Lu}][\\p{Lu}'’.\\-]*[\\p{Lu}.](?:[ \\-][\\p{Lu}][\\p{Lu}'’.\\-]*[\\p{Lu}.])*";
const DATELINE_TAIL = "(?:,\\s*[\\p{Lu}][\\p{Ll}]+(?:\\s[\\p{Lu}][\\p{Ll}]+)*)?(?:,?\\s*[\\p{Lu}][\\p{Ll}]{2,8}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?)?(?:,?\\s*\\([\\p{L}][\\p{L} .&\\-]{1,30}\\))?";
const DASH = '(?:[:：]|--|[–—-])';
const DATELINE_START = new RegExp(`^(${PLACE}${DATELINE_TAIL})\\s*${DASH}\\s+(?=[\\p{Lu}"“‘'\\d])`, 'u');
const DATELINE_INSIDE = new RegExp(`^(.{8,200}?)\\s+(${PLACE}${DATELINE_TAIL})\\s*${DASH}\\s+(?=[\\p{Lu}"“‘'])`, 'u');

/** The dateline ("SEOUL, (Reuters)", "MOSCOW") that opens a body segment and the text after it, or null. */
export function splitDateline(s: string): { dateline: string; rest: string } | null {
  const m = DATELINE_START.exec(s);
  if (!m || !hasCapitalPlace(m[1]!)) return null;
  return { dateline: tidyDateline(m[1]!), rest: s.slice(m[0].length) };
}

/**
 * A headline run together with the dateline of the body ("… last about an hour MOSCOW: Russia's …"):
 * headline, dateline and body, or null.
 */
export function splitHeadlineDateline(s: string): { headline: string; dateline: string; rest: string } | null {
  const m = DATELINE_INSIDE.exec(s);
  if (!m || !hasCapitalPlace(m[2]!) || /[.!?]["”’]?$/u.test(m[1]!)) return null;
  return { headline: m[1]!.trim(), dateline: tidyDateline(m[2]!), rest: s.slice(m[0].length) };
}

// A place in capitals has at least three capital letters ("SEOUL", "U.N."), which keeps "A" or "I" out.
const hasCapitalPlace = (d: string) => (d.match(/\p{Lu}/gu) ?? []).length >= 3 && /^\p{Lu}{2,}|^\p{Lu}\./u.test(d);
const tidyDateline = (d: string) => d.replace(/[\s,]+$/u, '').replace(/\s+/g, ' ');
