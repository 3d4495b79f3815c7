/**
 * Text normalisation and segmentation for the clean stage: bytes already decoded, this makes the
 * canonical form (NFC, LF, no control characters, no trailing spaces) and cuts it into segments,
 * one per paragraph or stand-alone line.
 */

/** One paragraph or line of the input, in reading order. */
export interface Segment {
  text: string;
  /** 1-based line in the normalised input where the segment starts, for messages and the run report. */
  line: number;
}

/** NFC, LF line endings, well-formed UTF-16, no BOM or control characters, tabs as spaces, no trailing spaces. */
export function normalizeText(s: string): string {
  return s
    .toWellFormed()
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g, '')
    .replace(/\t/g, ' ')
    .replace(/[ \u00A0\u3000]+$/gm, '');
}

const TERMINAL = /[.!?…:;]["'”’“»›」)\]]*$/u;
const STARTS_LOWER = /^[\p{Ll}]/u;

/**
 * Splits normalised text into segments. Blank lines separate blocks. Inside a block each line is its own
 * segment, except that a line continues the previous one when the text is hard-wrapped (most lines of
 * multi-line blocks are 40-100 characters and do not end a sentence) or when the previous line stops
 * mid-sentence and the next starts in lower case ("…account to connect" / "with the Korea JoongAng Daily").
 */
export function segment(text: string): Segment[] {
  const lines = text.split('\n');
  const blocks: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  lines.forEach((raw, i) => {
    const l = raw.trim();
    if (!l) {
      current = null;
      return;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(l);
  });
  const wrapped = isHardWrapped(blocks.map((b) => b.lines));
  const segments: Segment[] = [];
  for (const block of blocks) {
    let start = block.line;
    let acc = '';
    block.lines.forEach((l, i) => {
      const joins = acc !== '' && (wrapped || (!TERMINAL.test(acc) && STARTS_LOWER.test(l)));
      if (joins) {
        acc += ` ${l}`;
        return;
      }
      if (acc) segments.push({ text: acc, line: start });
      acc = l;
      start = block.line + i;
    });
    if (acc) segments.push({ text: acc, line: start });
  }
  return segments;
}

function isHardWrapped(blocks: string[][]): boolean {
  const inMulti = blocks.filter((b) => b.length > 1).flatMap((b) => b.slice(0, -1));
  if (inMulti.length < 5) return false;
  const wrappedLike = inMulti.filter((l) => l.length >= 40 && l.length <= 100 && !/[.!?]["”’]?$/.test(l)).length;
  return wrappedLike / inMulti.length >= 0.6;
}

/** Words as the dataset counts them: runs of letters and digits with inner apostrophes or hyphens. */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Whether the code point `c` is a letter or digit; ASCII without a regular expression. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(c));
}

/**
 * `words(s).length`, without building the words, and stopping once the count passes `atMost` (then it is
 * `atMost + 1`): a test like "more than 16 words?" on a long paragraph reads its first 17 words only.
 */
export function wordCount(s: string, atMost = Infinity): number {
  let n = 0;
  let i = 0;
  const step = (c: number) => (c > 0xffff ? 2 : 1);
  while (i < s.length) {
    const c = s.codePointAt(i)!;
    if (!isWordChar(c)) {
      i += step(c);
      continue;
    }
    if (++n > atMost) return n;
    // The word: letters and digits, joined by an apostrophe or hyphen only where a letter or digit follows.
    for (;;) {
      while (i < s.length && isWordChar(s.codePointAt(i)!)) i += step(s.codePointAt(i)!);
      const j = s.charCodeAt(i);
      if ((j === 39 || j === 0x2019 || j === 45) && i + 1 < s.length && isWordChar(s.codePointAt(i + 1)!)) i++;
      else break;
    }
  }
  return n;
}

/** The writing system most of a text's letters belong to, e.g. 'Latin', 'Hangul'; null without letters. */
export function dominantScript(texts: string[]): string | null {
  const counts = new Map<string, number>();
  for (const t of texts) for (const [script, n] of scriptCounts(t)) counts.set(script, (counts.get(script) ?? 0) + n);
  let best: string | null = null;
  let bestN = 0;
  for (const [script, n] of counts) if (n > bestN) [best, bestN] = [script, n];
  return best;
}

const SCRIPTS = ['Latin', 'Hangul', 'Han', 'Hiragana', 'Katakana', 'Arabic', 'Cyrillic', 'Greek', 'Hebrew', 'Devanagari', 'Thai', 'Armenian', 'Georgian', 'Bengali', 'Tamil', 'Ethiopic'] as const;
const SCRIPT_RES = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);

/** Letters per script in `text`. Han, Hiragana and Katakana count as one script ('CJK') so Japanese stays whole. */
export function scriptCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      // ASCII: a letter is Latin, anything else is no letter (most text is ASCII: skip the script tests).
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) counts.set('Latin', (counts.get('Latin') ?? 0) + 1);
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    const found = SCRIPT_RES.find(([, re]) => re.test(ch));
    const name = !found ? 'Other' : ['Han', 'Hiragana', 'Katakana'].includes(found[0]) ? 'CJK' : found[0];
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
