/**
 * The gazetteer's names found in a text exactly as one regular expression of all of them would find them
 * (`(?<![\p{L}\p{N}])(?:longest|…|shortest)(?![\p{L}\p{N}]|\.\p{L})`), without running that alternation of
 * thousands of names at every position. Pure.
 *
 * Why it is the same: a name that matches at a word start with nothing but a boundary after it begins with the
 * whole word found there (its first run of letters and digits ends where the text's does), so the names are
 * grouped by that first word, and only the group of the word at hand is tried, longest first, as the
 * alternation orders them. Matches do not overlap: the search goes on after a match's end.
 */

export interface SurfaceHit {
  index: number;
  /** The name as written (a key of the gazetteer). */
  text: string;
}

export interface SurfaceMatcher {
  /** Every name in `text`, in order, non-overlapping (String.prototype.matchAll of the alternation). */
  all(text: string): SurfaceHit[];
  /** The first name starting at or after `pos` and before `limit` (the alternation's exec with lastIndex = pos). */
  from(text: string, pos: number, limit?: number): SurfaceHit | null;
  /** A name starting exactly at `pos`, whatever stands before it (the alternation, sticky, without its lookbehind). */
  at(text: string, pos: number): SurfaceHit | null;
}

const WORD_RUN = /[\p{L}\p{N}]+/u;
/** Global and sticky copies; each is used synchronously by one method and repositioned before use. */
const RUNS = /[\p{L}\p{N}]+/gu;
const RUN_AT = /[\p{L}\p{N}]+/uy;
const BOUNDARY_AT = /(?![\p{L}\p{N}]|\.\p{L})/uy;
const AFTER_WORD_CHAR = /(?<=[\p{L}\p{N}])/uy;

/** Longest first, then in code-unit order: the order of the alternation the matcher stands for. */
export function surfaceOrder(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function surfaceMatcher(names: Iterable<string>): SurfaceMatcher {
  const byWord = new Map<string, string[]>();
  for (const name of [...names].sort(surfaceOrder)) {
    const word = WORD_RUN.exec(name);
    if (!word || word.index !== 0) throw new Error(`gazetteer name "${name}" does not start with a letter or digit: fix its entry in pipeline/lexicon/actors.json (or the list it comes from)`);
    const group = byWord.get(word[0]);
    if (group) group.push(name);
    else byWord.set(word[0], [name]);
  }
  const nameAt = (text: string, pos: number, word: string): SurfaceHit | null => {
    const group = byWord.get(word);
    if (!group) return null;
    for (const name of group) {
      if (!text.startsWith(name, pos)) continue;
      BOUNDARY_AT.lastIndex = pos + name.length;
      if (BOUNDARY_AT.test(text)) return { index: pos, text: name };
    }
    return null;
  };
  return {
    all(text) {
      const out: SurfaceHit[] = [];
      let after = 0;
      RUNS.lastIndex = 0;
      for (let m = RUNS.exec(text); m; m = RUNS.exec(text)) {
        if (m.index < after) continue;
        const hit = nameAt(text, m.index, m[0]);
        if (!hit) continue;
        out.push(hit);
        after = hit.index + hit.text.length;
      }
      return out;
    },
    from(text, pos, limit = text.length) {
      RUNS.lastIndex = pos;
      for (let m = RUNS.exec(text); m && m.index < limit; m = RUNS.exec(text)) {
        if (m.index === pos) {
          // A word cut at `pos` is not a word start.
          AFTER_WORD_CHAR.lastIndex = pos;
          if (AFTER_WORD_CHAR.test(text)) continue;
        }
        const hit = nameAt(text, m.index, m[0]);
        if (hit) return hit;
      }
      return null;
    },
    at(text, pos) {
      RUN_AT.lastIndex = pos;
      const m = RUN_AT.exec(text);
      return m ? nameAt(text, pos, m[0]) : null;
    },
  };
}
