/**
 * Story terms: termCounts finds its capitalised words directly, and gives what the plain rule gives (every word,
 * then keep those starting with a capital), on random texts of the pieces that could make the two differ: words
 * joined by apostrophes and hyphens, capitals after a joiner, sentence ends and quotes, letters outside ASCII.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import stopwords from '../pipeline/lexicon/stopwords.json' with { type: 'json' };
import { termCounts } from '../pipeline/dedupe/stories.ts';

const STOP = new Set<string>(stopwords.words);
const SENTENCE_START = /(?:^|[.!?]["”’)]?)\s*["“‘(]?$/u;

function plain(text: string): Map<string, number> {
  const capitalised: { t: string; initial: boolean }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    const w = m[0];
    if (w.length < 3 || !/^\p{Lu}/u.test(w)) continue;
    const t = w.toLowerCase().replace(/['’]s$/, '');
    if (t.length < 3 || STOP.has(t)) continue;
    capitalised.push({ t, initial: SENTENCE_START.test(text.slice(Math.max(0, m.index - 4), m.index)) || m.index === 0 });
  }
  const names = new Set(capitalised.filter((c) => !c.initial).map((c) => c.t));
  const counts = new Map<string, number>();
  for (const { t } of capitalised) if (names.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

const PIECES = ['Kim', 'Lavrov', 'Seoul', 'The', 'said', 'met', 'Ahn', 'Éric', 'Жуков', "'", '’', '-', '’s', ' ', ' ', '. ', '." ', '“', '(', 'x', '7', 'Q', 'Ab'];

describe('story terms', () => {
  it('are the capitalised words the plain rule keeps', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join('')), (t) => {
        expect([...termCounts(t)]).toEqual([...plain(t)]);
      }),
      { numRuns: 5000 },
    );
  });
});
