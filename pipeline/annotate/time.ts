/**
 * Date expressions in a sentence, resolved against the article's publication date (ANNOTATION.md, Events):
 * an explicit date wins; "on Thursday" is the latest Thursday on or before publication; "last month",
 * "in September", "in April 2019" give a month; "this year", "18 years ago" a year; "yesterday" a day.
 * No anchor, no date. Pure.
 */
import { findDates, isoDate, monthNumber } from '../dates.ts';

export interface TimeExpression {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when the expression has no anchor (no publication date). */
  date: string | null;
  precision: 'day' | 'month' | 'year' | null;
  /** A calendar date with its year written out ("July 19, 2000", "April 2019"): it wins over relative ones. */
  explicit: boolean;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const pad = (n: number) => String(n).padStart(2, '0');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s+\\d{4})`, 'g');
const MONTH_YEAR = new RegExp(`\\b(?:in\\s+|a\\s+|last\\s+|this\\s+)?${MONTH}(?:\\s+(\\d{4}))?\\b(?!\\s+\\d)`, 'g');
/** Every expression below needs a digit or one of these words: a sentence with none of them has no date (most do not). */
const MAYBE_DATE = /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|last|this|current|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday/i;

/** Every date expression in `s` (offsets relative to `s`), earliest first, overlapping ones dropped. */
export function timeExpressions(s: string, published: string | null): TimeExpression[] {
  if (!MAYBE_DATE.test(s)) return [];
  const pub = published ? new Date(`${published}T00:00:00Z`) : null;
  const y = pub?.getUTCFullYear() ?? 0;
  const m0 = pub ? pub.getUTCMonth() + 1 : 0;
  const found: TimeExpression[] = [];
  const add = (start: number, text: string, date: string | null, precision: TimeExpression['precision']) =>
    found.push({ start, end: start + text.length, text, date: pub || /\d{4}/.test(text) ? date : null, precision: date ? precision : null, explicit: /\d{4}/.test(text) });

  for (const d of findDates(s)) add(d.index, s.slice(d.index, d.index + d.length), d.date, 'day');
  // "on May 31", "from Sept. 11": a month and day without a year take the publication year, unless that
  // puts them more than half a year after publication (then the year before): news looks back more than
  // ahead, but "the forum runs from Sept. 11" in a July article is this September.
  for (const m of s.matchAll(MONTH_DAY)) {
    const mo = monthNumber(m[1]!)!;
    const same = pub ? Date.UTC(y, mo - 1, Number(m[2])) : 0;
    const year = pub && same - pub.getTime() > 183 * 86_400_000 ? y - 1 : y;
    add(m.index, m[0], pub ? isoDate(year, mo, Number(m[2])) : null, 'day');
  }
  // "in April 2019", "in September", "a September summit", "last month", "this month"
  for (const m of s.matchAll(MONTH_YEAR)) {
    const mo = monthNumber(m[1]!)!;
    const year = m[2] ? Number(m[2]) : mo > m0 ? y - 1 : y;
    add(m.index, m[0], pub || m[2] ? `${year}-${pad(mo)}` : null, 'month');
  }
  for (const m of s.matchAll(/\blast month\b/gi)) add(m.index, m[0], pub ? (m0 === 1 ? `${y - 1}-12` : `${y}-${pad(m0 - 1)}`) : null, 'month');
  for (const m of s.matchAll(/\bthis month\b/gi)) add(m.index, m[0], pub ? `${y}-${pad(m0)}` : null, 'month');
  for (const m of s.matchAll(/\b(?:this|the current) year\b/gi)) add(m.index, m[0], pub ? String(y) : null, 'year');
  for (const m of s.matchAll(/\blast year\b/gi)) add(m.index, m[0], pub ? String(y - 1) : null, 'year');
  for (const m of s.matchAll(/\b(\d{1,3}) years ago\b/g)) add(m.index, m[0], pub ? String(y - Number(m[1])) : null, 'year');
  for (const m of s.matchAll(/\bin (\d{4})\b(?!-\d)/g)) add(m.index, m[0], m[1]!, 'year'); // not a range: "in 2024-25"
  // "last week": the month of the previous Monday-to-Sunday week, when the week lies in one month.
  for (const m of s.matchAll(/\blast week\b/gi)) {
    let date: string | null = null;
    if (pub) {
      const dow = (pub.getUTCDay() + 6) % 7; // Monday = 0
      const mon = new Date(pub.getTime() - (dow + 7) * 86_400_000);
      const sun = new Date(mon.getTime() + 6 * 86_400_000);
      if (mon.getUTCMonth() === sun.getUTCMonth()) date = `${mon.getUTCFullYear()}-${pad(mon.getUTCMonth() + 1)}`;
    }
    add(m.index, m[0], date, 'month');
  }
  for (const m of s.matchAll(/\b(yesterday|today)\b/gi)) {
    const back = m[1]!.toLowerCase() === 'yesterday' ? 1 : 0;
    add(m.index, m[0], pub ? new Date(pub.getTime() - back * 86_400_000).toISOString().slice(0, 10) : null, 'day');
  }
  // Weekdays: the latest such day on or before publication.
  for (const m of s.matchAll(/\b(?:(?:earlier|later|late|early)\s+)?(?:on\s+|from\s+|last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g)) {
    let date: string | null = null;
    if (pub) {
      const want = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const back = (pub.getUTCDay() - want + 7) % 7;
      date = new Date(pub.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    }
    add(m.index, m[0], date, 'day');
  }
  // The day a statement was made or reported dates the statement, not the event: "KCNA reported yesterday".
  const cue = /\b(?:said|says|reported|reports|told|added|announced|stated|quoted)\s+$/u;
  for (let i = found.length - 1; i >= 0; i--) if (cue.test(s.slice(Math.max(0, found[i]!.start - 14), found[i]!.start))) found.splice(i, 1);
  // Keep the longest of overlapping expressions ("on May 31" over "May").
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TimeExpression[] = [];
  for (const t of found) if (!out.some((o) => t.start < o.end && t.end > o.start)) out.push(t);
  return out;
}
