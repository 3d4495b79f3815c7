/** MentionIndex answers exactly what the plain scans over the mention list answer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MentionIndex } from '../pipeline/annotate/mention-index.ts';
import type { Mention } from '../pipeline/annotate/mentions.ts';

const mentionList = fc
  .array(fc.record({ start: fc.integer({ min: 0, max: 60 }), len: fc.integer({ min: 1, max: 12 }), key: fc.constantFrom('a', 'b', 'c') }), { maxLength: 25 })
  .map((xs) => xs.map((x): Mention => ({ key: x.key, start: x.start, end: x.start + x.len, text: 'x'.repeat(x.len), kind: 'name' })).sort((a, b) => a.start - b.start || b.end - a.end));

describe('MentionIndex', () => {
  it('gives the mentions the plain scans give, in list order', () => {
    fc.assert(
      fc.property(mentionList, fc.integer({ min: 0, max: 75 }), fc.integer({ min: 0, max: 75 }), (ms, p, q) => {
        const ix = new MentionIndex(ms);
        const [from, limit] = [Math.min(p, q), Math.max(p, q)];
        expect(ix.within(from, limit)).toEqual(ms.filter((m) => m.start >= from && m.end <= limit));
        expect(ix.endingBy(p)).toEqual(ms.filter((m) => m.end <= p));
        expect(ix.endingAt(q, p)).toBe(ms.find((m) => m.end === q && m.start >= p));
        expect(ix.startingAt(p)).toBe(ms.find((m) => m.start === p));
        expect(ix.covering(p)).toBe(ms.find((m) => m.start < p && p < m.end));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
