/**
 * wordCount counts what words() finds (runs of letters and digits joined by an inner apostrophe or hyphen), on
 * random texts of the characters that make the two differ if anything does: joiners at word edges and doubled,
 * letters outside ASCII and outside the Basic Multilingual Plane, combining marks, digits and punctuation; and it
 * stops one past the limit it is given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordCount, words } from '../pipeline/clean/text.ts';

const PIECES = ['a', 'Z', '7', "'", '’', '-', '‐', ' ', '\n', '.', ',', 'é', 'Ж', '中', '𠀀', '𝐀', '\u0301', '😀', '_', '—'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

describe('wordCount', () => {
  it('is the number of words words() finds', () => {
    fc.assert(fc.property(text, (t) => {
        expect(wordCount(t)).toBe(words(t).length);
      }), { numRuns: 5000 });
  });

  it('stops one past its limit, and is exact below it', () => {
    fc.assert(
      fc.property(text, fc.nat(12), (t, limit) => {
        expect(wordCount(t, limit)).toBe(Math.min(words(t).length, limit + 1));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts a news line as a reader would', () => {
    expect(wordCount('By Choi Si-young, Ahn Sung-mi and O’Neill’s team — 3 reporters')).toBe(10);
    expect(wordCount('')).toBe(0);
  });
});
