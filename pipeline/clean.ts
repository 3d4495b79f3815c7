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
  const normalized = normalizeText(raw.text);
  const html = looksLikeHtml(normalized);
  // Contact data goes before anything reads the text, and again once segment has joined hard-wrapped lines: a
  // number broken over two lines ("call (02)\n123 4567") is a telephone number only in the joined segment.
  const segs = segment(removePii(html ? normalizeText(htmlToText(normalized)) : normalized))
    .map((s) => ({ ...s, text: removePii(s.text).trim() }))
    .filter((s) => s.text);
  const script = dominantScript(segs.map((s) => s.text));
  const removed: Record<string, number> = {};
  const count = (rule: string) => {
    removed[rule] = (removed[rule] ?? 0) + 1;
  };
  if (html) count('html_markup');
  const classified: Classified[] = segs.map((s) => {
    const text = s.text.replace(lex.broadcastLabel, '');
    if (text !== s.text) count('broadcast_label');
    return { text, line: s.line, k: classify(text, script, lex) };
  });
  const drop = (c: Classified, rule: string) => {
    c.k = { kind: 'chrome', rule };
  };

  // Header: headline (possibly run into the dateline), repeated headline, section labels.
  let title: string | null = null;
  let dateline: string | null = null;
  let datelineDate: string | null = null;
  let bodyStart = -1;
  for (let i = 0; i < classified.length; i++) {
    const c = classified[i]!;
    if (c.k.kind === 'chrome' || c.k.kind === 'authors' || c.k.kind === 'date') continue;
    if (title === null && c.k.kind === 'prose') {
      const fused = splitHeadlineDateline(c.text);
      if (fused && isHeadlineLike(fused.headline, lex)) {
        title = fused.headline;
        dateline = fused.dateline;
        datelineDate = fused.date;
        c.text = fused.rest;
        bodyStart = i;
        break;
      }
    }
    if (title === null && isHeadlineLike(c.text, lex) && (c.k.kind === 'short' || !c.text.endsWith('.'))) {
      title = c.text;
      drop(c, 'headline');
      continue;
    }
    if (title !== null && sameLine(c.text, title)) {
      drop(c, 'repeated_headline');
      continue;
    }
    if (c.k.kind === 'prose') {
      bodyStart = i;
      break;
    }
    drop(c, words(c.text).length <= 3 ? 'section_label' : 'before_body');
  }
  // A standfirst: when a date line or byline follows the first prose segment within two segments, the prose
  // before it is header matter ("Tehran says …" / "Published On 2 Apr 2024" / body).
  for (let j = bodyStart + 1; bodyStart >= 0 && j <= bodyStart + 2 && j < classified.length; j++) {
    const k = classified[j]!.k.kind;
    // … provided the body goes on after it (a closing "(Reporting by …)" credit is no header).
    if ((k === 'date' || k === 'authors') && classified.slice(j + 1).some((c) => c.k.kind === 'prose')) {
      for (let i = bodyStart; i < j; i++) drop(classified[i]!, 'standfirst');
      bodyStart = -1;
      for (let i = j + 1; i < classified.length; i++) if (classified[i]!.k.kind === 'prose') { bodyStart = i; break; }
      break;
    }
    if (k === 'chrome') break;
  }
  // The body ends at the last prose segment, or at a short sentence after the body started ("He declined to
  // comment."): three or more words, a capital start and a sentence end, and no chrome rule matched it.
  const shortSentence = (c: Classified) => c.k.kind === 'short' && words(c.text).length >= 3 && /^["“‘(]?\p{Lu}/u.test(c.text) && SENTENCE_END.test(c.text);
  let bodyEnd = -1;
  for (let i = classified.length - 1; i >= 0; i--) {
    const c = classified[i]!;
    if (c.k.kind === 'prose' || (bodyStart >= 0 && i > bodyStart && shortSentence(c))) {
      bodyEnd = i;
      break;
    }
  }

  const authors: string[] = [];
  // Dates the page states outside the body (date lines, a date beside the byline, the dateline's), with the
  // segment they stand in: dates in the body's prose are what the article reports, never its date.
  const stated: { date: StatedDate; at: number }[] = [];
  const body: string[] = [];
  classified.forEach((c, i) => {
    if (title !== null && c.k.kind !== 'chrome' && sameLine(c.text, title)) drop(c, 'repeated_headline');
    const k = c.k;
    if (k.kind === 'authors') {
      authors.push(...k.names);
      if (k.date) stated.push({ date: k.date, at: i });
      count('byline');
    } else if (k.kind === 'date' && (i < bodyStart || i > bodyEnd)) {
      stated.push({ date: withLabelLine(k.date, classified[i - 1]?.text, lex), at: i });
      count('date_line');
    } else if (k.kind === 'chrome') count(k.rule);
    else if (bodyStart < 0 || i < bodyStart) count('before_body');
    else if (i > bodyEnd) count('after_body');
    else body.push(c.text); // prose, short lines inside the body, and dates standing inside it
  });
  if (!body.length) {
    return { ok: false, code: 'NO_BODY', message: 'no article body is left after removing page furniture (no paragraph of six or more words ending a sentence); if this is an article, check which rule removed its lines (removed, in this report) in pipeline/lexicon/boilerplate.json', removed };
  }

  // Dateline opening the body, and a "(Reporting by …)" credit closing it.
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
    authors.push(...credit.names);
    if (credit.rest) body[body.length - 1] = credit.rest;
    else body.pop();
  }

  const text = body.join('\n\n');
  const manifest = raw.manifest;
  if (datelineDate) stated.push({ date: { date: datelineDate, label: null }, at: bodyStart });
  const textDate = pickPublishedDate(stated.sort((a, b) => a.at - b.at).map((s) => s.date))?.date ?? null;
  const published = textDate ?? manifest?.published_date ?? null;
  const article: CleanArticle = {
    article_id: stableId('art', raw.sourceFile),
    source_file: raw.sourceFile,
    url: manifest?.url ?? null,
    outlet: manifest?.outlet ?? null,
    title,
    authors: [...new Set(authors)],
    published_date: published,
    published_date_source: textDate ? 'text' : published ? 'manifest' : null,
    dateline,
    language: manifest?.language ?? detectLanguage(text),
    text,
    char_count: text.length,
    word_count: words(text).length,
    content_sha256: sha256Hex(text),
  };
  return { ok: true, article, removed };
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
