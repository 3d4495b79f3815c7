/**
 * Sentences with offsets into the article text. A sentence ends at . ! ? (with any closing quote or bracket)
 * before white space and a capital, digit or opening quote, and always at a paragraph break; not after a known
 * abbreviation or a single initial, and not inside an open quotation (a quote stays in the sentence that
 * carries its attribution). Linear in the length of the text: the word before a period is read backwards from
 * it, and the quotation state is carried forward, never rescanned.
 */
import language from '../lexicon/language.json' with { type: 'json' };

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

const ABBREVIATIONS: ReadonlySet<string> = new Set(language.abbreviations);
const BOUNDARY = /[.!?…]+["”’)\]]*(?=\s+["“‘(]?[\p{Lu}\d])/gu;
const WORD_CHAR = /[\p{L}.]/u;

/** Splits `text` into sentences. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let pStart = 0;
  for (const part of text.split('\n\n')) {
    let start = pStart;
    const quote = new QuoteState();
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(part); m; m = BOUNDARY.exec(part)) {
      const end = m.index + m[0].length;
      if (m[0].startsWith('.') && isAbbreviation(wordBefore(part, m.index))) continue;
      quote.advance(part, end);
      if (quote.isOpen()) continue;
      out.push({ start, end: pStart + end, paragraph });
      start = pStart + end;
      while (start < pStart + part.length && /\s/.test(text[start]!)) start++;
      quote.reset(start - pStart);
    }
    if (start < pStart + part.length) out.push({ start, end: pStart + part.length, paragraph });
    pStart += part.length + 2;
    paragraph++;
  }
  return out;
}

/** The letters and periods right before `at` ("U.S", "Mr", "J"), read backwards, in lower case. */
function wordBefore(s: string, at: number): string {
  let i = at;
  while (i > 0) {
    // A letter outside the Basic Multilingual Plane is two code units; step over both.
    const low = s.charCodeAt(i - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && i > 1 ? 2 : 1;
    if (!WORD_CHAR.test(s.slice(i - width, i))) break;
    i -= width;
  }
  return s.slice(i, at).toLowerCase();
}

const isAbbreviation = (word: string) => ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);

/** Whether a curly or straight double quotation opened since the sentence began is still open, read once. */
class QuoteState {
  private open = 0;
  private straight = 0;
  private at = 0;

  /** Reads the text up to `to`. */
  advance(s: string, to: number): void {
    for (; this.at < to; this.at++) {
      const ch = s[this.at];
      if (ch === '“') this.open++;
      else if (ch === '”') this.open = Math.max(0, this.open - 1);
      else if (ch === '"') this.straight++;
    }
  }

  isOpen(): boolean {
    return this.open > 0 || this.straight % 2 === 1;
  }

  /** A new sentence begins at `from`. */
  reset(from: number): void {
    this.open = 0;
    this.straight = 0;
    this.at = from;
  }
}
