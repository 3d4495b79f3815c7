/**
 * The gazetteer matcher finds what the one regular expression of all names it replaced finds (every name, longest
 * first, at a word start, not followed by a letter, digit or ".letter"), on the real gazetteer and on random texts
 * built from the pieces that make the two differ if anything does: names that are prefixes of others, names
 * glued to letters, digits or a ".x", names cut at the search start, non-Latin letters and combining marks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRe } from '../pipeline/regex.ts';
import { LEXICON } from '../pipeline/annotate/lexicon.ts';
import { surfaceMatcher, surfaceOrder } from '../pipeline/annotate/surfaces.ts';

function alternation(names: string[]): RegExp {
  const sorted = [...names].sort(surfaceOrder);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRe).join('|')})(?![\\p{L}\\p{N}]|\\.\\p{L})`, 'gu');
}

const NAMES = ['U.S.', 'U.N.', 'US', 'UN', 'United States', 'United States Army', 'United', 'Kyiv', 'Kyi', 'São Paulo', 'Paulo', 'Ψ Corp', '7th Fleet', 'Fleet', 'EU', 'EU-Japan'];
const PIECES = [...NAMES, ' ', ' ', ', ', '. ', '.x', 'a', 'Z', '9', '-', '’s', '\u0301', '(', ')', 'States', 'in ', 'to '];

describe('gazetteer matcher', () => {
  const re = alternation(NAMES);
  const m = surfaceMatcher(NAMES);
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));

  it('finds every name the alternation finds, in order, without overlaps', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(m.all(t)).toEqual([...t.matchAll(re)].map((x) => ({ index: x.index, text: x[0] })));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the first name at or after a position, as exec from lastIndex does', () => {
    fc.assert(
      fc.property(text, fc.nat(40), (t, pos) => {
        const p = Math.min(pos, t.length);
        const r = new RegExp(re.source, 'gu');
        r.lastIndex = p;
        const x = r.exec(t);
        expect(m.from(t, p)).toEqual(x ? { index: x.index, text: x[0] } : null);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a name exactly at a position, as the sticky alternation without its lookbehind does', () => {
    const sticky = new RegExp(re.source.replace(/^\(\?<!\[\\p\{L\}\\p\{N\}\]\)/, ''), 'uy');
    fc.assert(
      fc.property(text, fc.nat(40), (t, pos) => {
        const p = Math.min(pos, t.length);
        sticky.lastIndex = p;
        const x = sticky.exec(t);
        expect(m.at(t, p)).toEqual(x ? { index: x.index, text: x[0] } : null);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the alternation on the real gazetteer', () => {
    const lex = LEXICON;
    const names = [...lex.surfaces.keys()];
    const all = alternation(names);
    const sample = 'On Monday the United States and the European Union met in Kyiv, the U.N. said; U.S.-led talks in Washington, D.C. and Moscow’s envoy to the UN, Sergey Lavrov, followed. NATO, the EUx and Paris.';
    expect(lex.surfaceMatch.all(sample)).toEqual([...sample.matchAll(all)].map((x) => ({ index: x.index, text: x[0] })));
    expect(lex.surfaceMatch.all(sample).length).toBeGreaterThan(5);
  });

  it('refuses a name that does not start with a letter or digit, naming it', () => {
    expect(() => surfaceMatcher(['-Foo'])).toThrow(/"-Foo".*letter or digit/);
  });
});
