/**
 * Sentence splitting: the linear splitter gives the same sentences as the plain rule it replaced (rescan the
 * text before every period for its word, and the sentence so far for open quotations), on random texts built
 * from the pieces that make the rule branch: abbreviations, initials, quotation marks of both kinds, paragraph
 * breaks and characters outside the Basic Multilingual Plane.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import language from '../pipeline/lexicon/language.json' with { type: 'json' };
import { splitSentences } from '../pipeline/annotate/sentences.ts';
import type { Sentence } from '../pipeline/annotate/sentences.ts';

const BOUNDARY = /[.!?…]+["”’)\]]*(?=\s+["“‘(]?[\p{Lu}\d])/gu;

/** The plain rule, quadratic in a paragraph's length. */
function plain(text: string): Sentence[] {
  const out: Sentence[] = [];
  const abbreviations = new Set(language.abbreviations);
  const insideQuote = (s: string) => {
    let open = 0;
    let straight = 0;
    for (const ch of s) {
      if (ch === '“') open++;
      else if (ch === '”') open = Math.max(0, open - 1);
      else if (ch === '"') straight++;
    }
    return open > 0 || straight % 2 === 1;
  };
  let paragraph = 0;
  let pStart = 0;
  for (const part of text.split('\n\n')) {
    let start = pStart;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(part); m; m = BOUNDARY.exec(part)) {
      const end = m.index + m[0].length;
      const word = /([\p{L}.]+)$/u.exec(part.slice(0, m.index))?.[1]?.toLowerCase() ?? '';
      if (m[0].startsWith('.') && (abbreviations.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word))) continue;
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

const piece = fc.constantFrom('Mr.', 'U.S.', 'J.', 'etc.', 'He left.', 'She said:', '“Go.', 'now.”', '"Stop.', 'it."', '😀.', '𝐀bc.', 'Talks', 'ended!', '?', '\n\n', '(1990).', 'Kim', '9 a.m.', '…');

describe('sentences', () => {
  it('splits as the plain rule does, on random texts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.constantFrom(' ', '  ', '\n'), { minLength: 40, maxLength: 40 }), (pieces, gaps) => {
        const text = pieces.map((p, i) => p + gaps[i]).join('');
        expect(splitSentences(text)).toEqual(plain(text));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a long paragraph of abbreviations in linear time', () => {
    const text = 'Mr. Kim met U.S. envoys. '.repeat(20_000);
    const t0 = performance.now();
    const n = splitSentences(text).length;
    const ms = performance.now() - t0;
    expect(n).toBe(20_000);
    // The plain rule takes minutes here (a rescan of ~500 KB per period); linear, it is tens of milliseconds.
    expect(ms).toBeLessThan(5_000);
  });
});
