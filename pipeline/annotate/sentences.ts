/**
 * Sentences with offsets into the article text. A sentence ends at . ! ? (with any closing quote or bracket)
 * before white space and a capital, digit or opening quote, and always at a paragraph break; not after a known
 * abbreviation or a single initial, and not inside an open quotation (a quote stays in the sentence that
 * carries its attribution).
 */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'sen', 'rep', 'gov', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m', 'approx', 'dept', 'est', 'fig', 'mt', 'ft']);
const BOUNDARY = /[.!?…]+["”’)\]]*(?=\s+["“‘(]?[\p{Lu}\d])/gu;

/** Splits `text` into sentences. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let pStart = 0;
  for (const part of text.split('\n\n')) {
    let start = pStart;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(part); m; m = BOUNDARY.exec(part)) {
      const end = m.index + m[0].length;
      const before = part.slice(0, m.index);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (m[0].startsWith('.') && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word))) continue;
      if (insideQuote(part.slice(start - pStart, end))) continue;
      out.push({ start, end: pStart + end, paragraph });
      start = pStart + end;
      while (start < pStart + part.length && /\s/.test(text[start]!)) start++;
    }
    if (start < pStart + part.length) out.push({ start, end: pStart + part.length, paragraph });
    pStart += part.length + 2;
    paragraph++;
  }
  return out;
}

/** True when a curly or straight double quotation opened in `s` is still open at its end. */
function insideQuote(s: string): boolean {
  let open = 0;
  let straight = 0;
  for (const ch of s) {
    if (ch === '“') open++;
    else if (ch === '”') open = Math.max(0, open - 1);
    else if (ch === '"') straight++;
  }
  return open > 0 || straight % 2 === 1;
}
