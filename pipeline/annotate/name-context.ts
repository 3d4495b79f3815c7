/**
 * The words around a name that tell what it names (names.ts): role words before it, an apposition after it,
 * a speech verb. Scans a few words each way by hand: a regular expression with hundreds of role words tried
 * at every offset costs more than the rest of the article's annotation. Pure.
 */
import type { NameLexicon } from './lexicon.ts';

const WORD_CHAR = /[\p{L}\p{N}’'.-]/u;

/** Up to `n` words right before offset `s`, one space apart, nearest last ("the", "company"). */
export function wordsBefore(text: string, s: number, n = 5): string[] {
  const words: string[] = [];
  let i = s;
  while (words.length < n && i > 1 && text[i - 1] === ' ' && WORD_CHAR.test(text[i - 2]!)) {
    let j = i - 1;
    while (j > 0 && WORD_CHAR.test(text[j - 1]!)) j--;
    words.unshift(text.slice(j, i - 1));
    i = j;
  }
  return words;
}

/** A word's singular, roughly: "councillors" → "councillor" (enough to look role words up). */
export const singular = (w: string) => w.toLowerCase().replace(/(?<=[^s])s$/, '');

/** The longest phrase of one to three `words` ending the list that `set` holds (singular for one word). */
export function endingPhrase(words: string[], set: Set<string>): { phrase: string; length: number } | null {
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const tail = words.slice(-k);
    if (tail.some((w) => /^\p{Lu}/u.test(w))) continue;
    const phrase = tail.join(' ').toLowerCase();
    if (set.has(phrase)) return { phrase, length: k };
    if (k === 1 && set.has(singular(phrase))) return { phrase: singular(phrase), length: 1 };
  }
  return null;
}

/**
 * ", a professor at …", ", the ministry's deputy spokesperson", ", Director of …": the description and the
 * role word it ends in, when the words after a name's comma name a role before the next punctuation.
 */
export function apposition(after: string, N: NameLexicon): { desc: string; role: string } | null {
  const m = /^,\s+/.exec(after);
  if (!m) return null;
  const words = after.slice(m[0].length, m[0].length + 100).split(/[,.;()“”"]/u, 1)[0]!.split(/\s+/).filter(Boolean).slice(0, 14);
  if (!words.length) return null;
  const lead = words[0]!.toLowerCase();
  const from = /^(?:a|an|the)$/.test(lead) || /['’]s$/u.test(lead) ? 1 : 0;
  // ", with …", ", who …", ", was …": a clause, not a description.
  if (!from && N.functionWords.has(lead)) return null;
  for (let i = from; i < words.length; i++) {
    const w = words[i]!.toLowerCase();
    const two = i + 1 < words.length ? `${w} ${words[i + 1]!.toLowerCase()}` : '';
    const role = N.personWords.has(two) ? two : N.personWords.has(w) ? w : N.personWords.has(singular(w)) ? singular(w) : null;
    if (role) return { desc: words.slice(from, i + role.split(' ').length).join(' ').toLowerCase(), role };
  }
  return null;
}

/** "The president of the region, Ana Ruiz,": the clause before the comma that precedes `s` names a role. */
export function roleBeforeComma(text: string, s: number, N: NameLexicon): boolean {
  let end = s;
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  if (text[--end] !== ',') return false;
  let i = end;
  while (i > 0 && end - i < 80 && !/[,.;!?\n“”"]/u.test(text[i - 1]!)) i--;
  return text.slice(i, end).split(/\s+/).some((w) => N.personWords.has(w.toLowerCase()) || N.personWords.has(singular(w)));
}
