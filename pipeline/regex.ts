/** Regular-expression building blocks for the lexicons. */

/** A literal for a regular expression: every special character escaped. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alternation of phrases, spaces matching any white space: ["called for"] → "called\s+for". */
export const alt = (xs: string[]) => xs.map((x) => escapeRe(x).replace(/ /g, '\\s+')).join('|');

/** Like `alt`, each word's first letter in either case ("[Ff]oreign\s+[Mm]inister"), so the rest of a pattern stays case-sensitive. */
export const altCi = (xs: string[]) => alt(xs).replace(/(^|\||\\s\+|-)(\p{L})/gu, (_m, a: string, ch: string) => `${a}[${ch.toUpperCase()}${ch.toLowerCase()}]`);

const CACHE = new WeakMap<object, Map<string, unknown>>();

/**
 * `make()` once per `owner` (a lexicon) and `key`: the patterns built from a lexicon are large (hundreds of
 * alternatives) and the same for every article, so they are compiled on first use and reused.
 */
export function once<T>(owner: object, key: string, make: () => T): T {
  let m = CACHE.get(owner);
  if (!m) CACHE.set(owner, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}
