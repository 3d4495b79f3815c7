/**
 * clean: one decoded file in, one article out (or a reason it has no body). Pure.
 *
 * Each segment (paragraph or line) is classified by general rules kept as data in
 * `pipeline/lexicon/boilerplate.json`: chrome (menus, breadcrumbs, widgets, cookie and log-in boxes,
 * copyright and photo credits, hand-overs), metadata (byline, sign-off, date line), lines in another
 * script than the article's, prose, or short lines. The body runs from the first to the last prose
 * segment; the headline is the first headline-like line before it (a headline printed twice is one).
 * Everything outside the body that is not metadata is page furniture and goes.
 */
import { sha256Hex, stableId } from './hash.ts';
import { detectLanguage } from './language.ts';
import type { CleanArticle, RawArticle } from './model.ts';
import type { BoilerplateLexicon } from './clean/lexicon.ts';
import { LEXICON } from './clean/lexicon.ts';
import type { StatedDate } from './clean/metadata.ts';
import { parseByline, parseBylineDate, parseDateLine, parseNameRole, parseReportingCredit, parseSignoff, pickPublishedDate, splitDateline, splitHeadlineDateline, withLabelLine } from './clean/metadata.ts';
import { dominantScript, normalizeText, scriptCounts, segment, words } from './clean/text.ts';
import { htmlToText, looksLikeHtml } from './clean/html.ts';
import { removePii } from './pii.ts';

/** Result of cleaning one file. */
export type CleanResult =
  | { ok: true; article: CleanArticle; removed: Record<string, number> }
  | { ok: false; code: 'NO_BODY'; message: string; removed: Record<string, number> };

type Kind =
  | { kind: 'chrome'; rule: string }
  | { kind: 'authors'; names: string[]; date?: StatedDate }
  | { kind: 'date'; date: StatedDate }
  | { kind: 'prose' }
  | { kind: 'short' };

interface Classified {
  text: string;
  line: number;
  k: Kind;
}

// A sentence end, with any closing marks after it: curly, straight (" and '), guillemets, German „…“, brackets.
const SENTENCE_END = /[.!?…]["'”’“»›」)\]]*$/u;

/** Cleans one raw article. `lex` defaults to the committed boilerplate lexicon. */
export function clean(raw: RawArticle, lex: BoilerplateLexicon = LEXICON): CleanResult {
  const { segments, html, labels } = classifySegments(raw.text, lex);
  const header = readHeader(segments, lex);
  const { segments: marked, bodyStart } = skipStandfirst(header.segments, header.bodyStart);
  const parts = sortSegments(marked, header.title, bodyStart, findBodyEnd(marked, bodyStart), lex);
  // Counted in the order the rules first fired: the report lists them so.
  const removed = tally([...(html ? ['html_markup'] : []), ...labels, ...parts.removed]);
  if (!parts.body.length) {
    return { ok: false, code: 'NO_BODY', message: 'no article body is left after removing page furniture (no paragraph of six or more words ending a sentence); if this is an article, check which rule removed its lines (removed, in this report) in pipeline/lexicon/boilerplate.json', removed };
  }
  const { body, dateline, datelineDate, credits } = trimBody(parts.body, header.dateline, header.datelineDate, lex);
  if (datelineDate) parts.stated.push({ date: { date: datelineDate, label: null }, at: bodyStart });
  return { ok: true, article: articleOf(raw, body, { title: header.title, dateline, authors: [...parts.authors, ...credits], stated: parts.stated }), removed };
}

/** The text as segments, each classified; `labels` names each broadcast label taken off a segment's start. */
function classifySegments(rawText: string, lex: BoilerplateLexicon): { segments: Classified[]; html: boolean; labels: string[] } {
  const normalized = normalizeText(rawText);
  const html = looksLikeHtml(normalized);
  // Contact data goes before anything reads the text, and again once segment has joined hard-wrapped lines: a
  // number broken over two lines ("call (02)\n123 4567") is a telephone number only in the joined segment.
  const segs = segment(removePii(html ? normalizeText(htmlToText(normalized)) : normalized))
    .map((s) => ({ ...s, text: removePii(s.text).trim() }))
    .filter((s) => s.text);
  const script = dominantScript(segs.map((s) => s.text));
  const labels: string[] = [];
  const segments = segs.map((s) => {
    const text = s.text.replace(lex.broadcastLabel, '');
    if (text !== s.text) labels.push('broadcast_label');
    return { text, line: s.line, k: classify(text, script, lex) };
  });
  return { segments, html, labels };
}

const dropped = (c: Classified, rule: string): Classified => ({ ...c, k: { kind: 'chrome', rule } });

interface Header {
  segments: Classified[];
  title: string | null;
  dateline: string | null;
  datelineDate: string | null;
  bodyStart: number;
}

/** Header: headline (possibly run into the dateline), repeated headline, section labels. */
function readHeader(classified: Classified[], lex: BoilerplateLexicon): Header {
  const segments = [...classified];
  let title: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const c = segments[i]!;
    if (c.k.kind === 'chrome' || c.k.kind === 'authors' || c.k.kind === 'date') continue;
    if (title === null && c.k.kind === 'prose') {
      const fused = splitHeadlineDateline(c.text);
      if (fused && isHeadlineLike(fused.headline, lex)) {
        segments[i] = { ...c, text: fused.rest };
        return { segments, title: fused.headline, dateline: fused.dateline, datelineDate: fused.date, bodyStart: i };
      }
    }
    if (title === null && isHeadlineLike(c.text, lex) && (c.k.kind === 'short' || !c.text.endsWith('.'))) {
      title = c.text;
      segments[i] = dropped(c, 'headline');
      continue;
    }
    if (title !== null && sameLine(c.text, title)) {
      segments[i] = dropped(c, 'repeated_headline');
      continue;
    }
    if (c.k.kind === 'prose') return { segments, title, dateline: null, datelineDate: null, bodyStart: i };
    segments[i] = dropped(c, words(c.text).length <= 3 ? 'section_label' : 'before_body');
  }
  return { segments, title, dateline: null, datelineDate: null, bodyStart: -1 };
}

/**
 * A standfirst: when a date line or byline follows the first prose segment within two segments, the prose
 * before it is header matter ("Tehran says …" / "Published On 2 Apr 2024" / body).
 */
function skipStandfirst(classified: Classified[], bodyStart: number): { segments: Classified[]; bodyStart: number } {
  for (let j = bodyStart + 1; bodyStart >= 0 && j <= bodyStart + 2 && j < classified.length; j++) {
    const k = classified[j]!.k.kind;
    // … provided the body goes on after it (a closing "(Reporting by …)" credit is no header).
    if ((k === 'date' || k === 'authors') && classified.slice(j + 1).some((c) => c.k.kind === 'prose')) {
      const segments = classified.map((c, i) => (i >= bodyStart && i < j ? dropped(c, 'standfirst') : c));
      const next = segments.findIndex((c, i) => i > j && c.k.kind === 'prose');
      return { segments, bodyStart: next };
    }
    if (k === 'chrome') break;
  }
  return { segments: classified, bodyStart };
}

/**
 * The body ends at the last prose segment, or at a short sentence after the body started ("He declined to
 * comment."): three or more words, a capital start and a sentence end, and no chrome rule matched it.
 */
function findBodyEnd(classified: Classified[], bodyStart: number): number {
  const shortSentence = (c: Classified) => c.k.kind === 'short' && words(c.text).length >= 3 && /^["“‘(]?\p{Lu}/u.test(c.text) && SENTENCE_END.test(c.text);
  for (let i = classified.length - 1; i >= 0; i--) {
    const c = classified[i]!;
    if (c.k.kind === 'prose' || (bodyStart >= 0 && i > bodyStart && shortSentence(c))) return i;
  }
  return -1;
}

interface Sorted {
  body: string[];
  authors: string[];
  /**
   * Dates the page states outside the body (date lines, a date beside the byline, the dateline's), with the
   * segment they stand in: dates in the body's prose are what the article reports, never its date.
   */
  stated: { date: StatedDate; at: number }[];
  /** The rule of every segment that is not body, in text order. */
  removed: string[];
}

/** Each segment to the body, the authors, the stated dates or the removed furniture. */
function sortSegments(classified: Classified[], title: string | null, bodyStart: number, bodyEnd: number, lex: BoilerplateLexicon): Sorted {
  const out: Sorted = { body: [], authors: [], stated: [], removed: [] };
  classified.forEach((c, i) => {
    const k: Kind = title !== null && c.k.kind !== 'chrome' && sameLine(c.text, title) ? { kind: 'chrome', rule: 'repeated_headline' } : c.k;
    if (k.kind === 'authors') {
      out.authors.push(...k.names);
      if (k.date) out.stated.push({ date: k.date, at: i });
      out.removed.push('byline');
    } else if (k.kind === 'date' && (i < bodyStart || i > bodyEnd)) {
      out.stated.push({ date: withLabelLine(k.date, classified[i - 1]?.text, lex), at: i });
      out.removed.push('date_line');
    } else if (k.kind === 'chrome') out.removed.push(k.rule);
    else if (bodyStart < 0 || i < bodyStart) out.removed.push('before_body');
    else if (i > bodyEnd) out.removed.push('after_body');
    else out.body.push(c.text); // prose, short lines inside the body, and dates standing inside it
  });
  return out;
}

function tally(rules: string[]): Record<string, number> {
  const removed: Record<string, number> = {};
  for (const rule of rules) removed[rule] = (removed[rule] ?? 0) + 1;
  return removed;
}

/** Dateline opening the body (unless the headline carried it), and a "(Reporting by …)" credit closing it. */
function trimBody(paragraphs: string[], dateline: string | null, datelineDate: string | null, lex: BoilerplateLexicon): { body: string[]; dateline: string | null; datelineDate: string | null; credits: string[] } {
  const body = [...paragraphs];
  if (dateline === null) {
    const d = splitDateline(body[0]!);
    if (d) {
      dateline = d.dateline;
      datelineDate = d.date;
      body[0] = d.rest;
    }
  }
  const credit = parseReportingCredit(body[body.length - 1]!, lex);
  if (credit) {
    if (credit.rest) body[body.length - 1] = credit.rest;
    else body.pop();
  }
  return { body, dateline, datelineDate, credits: credit?.names ?? [] };
}

/** The article record; a date the text states wins over the manifest's. */
function articleOf(raw: RawArticle, body: string[], found: { title: string | null; dateline: string | null; authors: string[]; stated: Sorted['stated'] }): CleanArticle {
  const text = body.join('\n\n');
  const manifest = raw.manifest;
  const textDate = pickPublishedDate(found.stated.sort((a, b) => a.at - b.at).map((s) => s.date))?.date ?? null;
  const published = textDate ?? manifest?.published_date ?? null;
  return {
    article_id: stableId('art', raw.sourceFile),
    source_file: raw.sourceFile,
    url: manifest?.url ?? null,
    outlet: manifest?.outlet ?? null,
    title: found.title,
    authors: [...new Set(found.authors)],
    published_date: published,
    published_date_source: textDate ? 'text' : published ? 'manifest' : null,
    dateline: found.dateline,
    language: manifest?.language ?? detectLanguage(text),
    text,
    char_count: text.length,
    word_count: words(text).length,
    content_sha256: sha256Hex(text),
  };
}

function classify(text: string, script: string | null, lex: BoilerplateLexicon): Kind {
  const n = words(text).length;
  // Metadata first: a date line "Published: … | Updated: …" must not pass for a breadcrumb, and a byline
  // sharing a line with the date ("Posted: 3 March 2025 by Jane Roe") must not pass for a date line.
  const withDate = parseBylineDate(text, lex);
  if (withDate) return { kind: 'authors', ...withDate };
  const date = parseDateLine(text, lex);
  if (date) return { kind: 'date', date };
  const names = parseByline(text, lex) ?? parseSignoff(text, lex) ?? parseNameRole(text, lex) ?? parseReportingCredit(text, lex)?.names;
  if (names && !parseReportingCredit(text, lex)?.rest) return { kind: 'authors', names };
  for (const rule of lex.chrome) if (n <= rule.maxWords && rule.re.test(text)) return { kind: 'chrome', rule: rule.id };
  if (script && isOtherScript(text, script)) return { kind: 'chrome', rule: 'other_script' };
  if (n > 0 && n <= 8 && text.toLowerCase().split(/\s+/).every((w) => lex.widgetWords.has(w))) return { kind: 'chrome', rule: 'widget' };
  if ((n >= 6 && SENTENCE_END.test(text)) || n >= 30) return { kind: 'prose' };
  return { kind: 'short' };
}

/** More than half of the segment's letters are in another script than the article's. */
function isOtherScript(text: string, script: string): boolean {
  let total = 0;
  let other = 0;
  for (const [s, n] of scriptCounts(text)) {
    total += n;
    if (s !== script) other += n;
  }
  return total >= 2 && other / total > 0.5;
}

/**
 * A headline: 3-30 words, one sentence at most (initials such as "N. Korea" do not end one), not a section
 * label, not ending in a comma or colon, and with a lower-case word or five words or more: a line of three
 * capitalised words ("British Broadcasting Corporation") is a name, not a headline.
 */
function isHeadlineLike(s: string, lex: BoilerplateLexicon): boolean {
  const ws = words(s);
  if (ws.length < 3 || ws.length > 30 || s.length > 250) return false;
  if (lex.sectionLabels.has(s.toLowerCase().replace(/[.:]$/, ''))) return false;
  if (/[,;:]$/.test(s)) return false;
  if (ws.length < 5 && !ws.some((w) => /^\p{Ll}/u.test(w))) return false;
  return !/(?<!\b\p{Lu})[.!?]["”’]?\s+\p{Lu}/u.test(s);
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const sameLine = (a: string, b: string) => squash(a) === squash(b);
