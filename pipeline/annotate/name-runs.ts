/**
 * Runs of capitalised tokens: the candidates for names (names.ts types them). Pure.
 *
 * A run joins capitalised tokens separated by one space (or ". " after an initial or an abbreviation: "J. K.",
 * "Mr. Varga"), and lower-case words only where they belong to a name: particles between capitalised parts
 * ("Ludwig van Beethoven", "Claudio de Souza"); "of", "for", "on" (and "the" after them) once the run holds an
 * organisation head or a title ("Union of …", "Council on …", "Minister of Transport"); "and" inside such an
 * "of" name when no new head follows ("… of Ferry Workers and Dockers", but "Institute of Mining |
 * and | Dunmore State University"), or before a newspaper word ("Star and Herald"); "&" always. A run ends at
 * punctuation, at any other lower-case word, and after a possessive unless an organisation head follows
 * ("New Farmers' Party" is one run; "Voltaverk's | Ida Berg" two).
 */
import type { NameLexicon } from './lexicon.ts';
import type { Sentence } from './sentences.ts';

/** One word of the text. */
export interface Tok {
  s: number;
  /** End offset, a possessive "'s" excluded. */
  e: number;
  w: string;
  cap: boolean;
  /** Capitals only ("NATO", "G7"): an acronym. */
  upper: boolean;
  /** Ends in a possessive ("NRVB's", "Thomas’ sister"). */
  poss: boolean;
  /** First word of a sentence, a quotation or a label ("Report: …"). */
  first: boolean;
  /** In a line of capitalised words (a headline, a caption): capitals there tell nothing. */
  headline: boolean;
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‐-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|&/gu;

const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const isDigit = (code: number) => code >= 48 && code <= 57;

/** Does the word open with a capital letter (a letter that is upper case and has a lower-case form)? */
function capitalised(w: string): boolean {
  const code = w.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c0 = w[0]!;
  return c0 !== c0.toLowerCase() && c0 === c0.toUpperCase();
}

/** The words of `text`, each with its case and place. */
export function tokenize(text: string, sentences: Sentence[], N: NameLexicon): Tok[] {
  const toks: Tok[] = [];
  let si = 0;
  // WORD is global and only used here, synchronously: reset, not rebuilt per article.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let w = m[0];
    const s = m.index;
    let poss = false;
    const end = w.charCodeAt(w.length - 1);
    if (end === 115 /* s */ || end === 83 /* S */) {
      const q = w[w.length - 2];
      if ((q === "'" || q === '’') && w.length > 3) {
        w = w.slice(0, -2);
        poss = true;
      } else if (/^['’]\s+\p{Ll}/u.test(text.slice(s + w.length, s + w.length + 3))) poss = true;
    }
    while (si < sentences.length && sentences[si]!.end <= s) si++;
    // An ordinal may open a unit's name ("7th Lancer Regiment", "3rd Infantry Division"); names.ts keeps it only there.
    const cap = capitalised(w) || (/['’-]/u.test(w) && N.prefixed.test(w)) || (isDigit(w.charCodeAt(0)) && ORDINAL.test(w));
    const prev = toks[toks.length - 1];
    // After an opening quote or bracket ("…, “Cool …", ' "Had …') or a label ("Report: …"); not after a closing one.
    const first = cap && (!prev || prev.s < (sentences[si]?.start ?? 0) || /(?:^|\s)["“‘(]$|“\s*$|:\s+$/u.test(text.slice(prev.e, s)));
    toks.push({ s, e: s + w.length, w, cap, upper: cap && w === w.toUpperCase() && /\p{L}.*\p{L}/u.test(w), poss, first, headline: false });
  }
  // Lines of four words or more, three in four of them capitalised: "How the Union Lost Its Way".
  for (let i = 0; i < toks.length; ) {
    const lineEnd = text.indexOf('\n', toks[i]!.s);
    let j = i;
    let caps = 0;
    while (j < toks.length && (lineEnd < 0 || toks[j]!.s < lineEnd)) caps += toks[j++]!.cap ? 1 : 0;
    if (j - i >= 4 && caps * 4 >= (j - i) * 3) for (let k = i; k < j; k++) toks[k]!.headline = true;
    i = j;
  }
  return toks;
}

/** The runs of capitalised tokens of `toks` (connectors included), in text order. */
export function nameRuns(text: string, toks: Tok[], N: NameLexicon): Tok[][] {
  const out: Tok[][] = [];
  /** What stands between two tokens, a possessive "'s" not counted ("New Farmers' Party"). */
  const gap = (a: Tok, b: Tok) => text.slice(a.poss && /^['’]s/u.test(text.slice(a.e, a.e + 2)) ? a.e + 2 : a.e, b.s);
  const isHead = (w: string) => N.orgHeads.has(w);
  /** Capitalised tokens from `k` on, one space apart: the segment a connector would join. */
  const segment = (k: number): Tok[] => {
    const seg: Tok[] = [];
    for (let i = k; i < toks.length && toks[i]!.cap && (i === k || gap(toks[i - 1]!, toks[i]!) === ' '); i++) seg.push(toks[i]!);
    return seg;
  };
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i]!.cap) continue;
    const run = [toks[i]!];
    let j = i;
    while (j + 1 < toks.length) {
      const a = toks[j]!;
      const b = toks[j + 1]!;
      const g = gap(a, b);
      if (a.poss && !(b.cap && g === ' ' && segment(j + 1).some((t) => isHead(t.w)))) break;
      // A capitalised function word inside a run is a headline's ("… Lost Its Way And …"): the run ends.
      if (b.cap && N.notName.has(b.w) && !N.family.has(b.w)) break;
      if (b.cap && (g === ' ' || (g === '. ' && (a.w.length === 1 || N.abbreviations.has(a.w))))) {
        run.push(b);
        j++;
        continue;
      }
      if (g !== ' ') break;
      const conns: Tok[] = [];
      let k = j + 1;
      while (k < toks.length && conns.length < 2 && !toks[k]!.cap && (N.connectors.has(toks[k]!.w) || N.particles.has(toks[k]!.w)) && gap(toks[k - 1]!, toks[k]!) === ' ') conns.push(toks[k++]!);
      const next = toks[k];
      if (!conns.length || !next?.cap || gap(toks[k - 1]!, next) !== ' ') break;
      const c = conns.map((t) => t.w).join(' ');
      const headed = run.some((t) => isHead(t.w) || N.mediaHeads.has(t.w) || N.titles.has(t.w.toLowerCase()));
      const seg = segment(k);
      const ok =
        (!N.connectors.has(conns[0]!.w) && conns.every((t) => N.particles.has(t.w))) ||
        (/^(?:of|for|on)(?: the)?$/.test(c) && headed) ||
        c === '&' ||
        (c === 'and' && ((run.some((t) => /^(?:of|for|on)$/.test(t.w)) && !seg.some((t) => isHead(t.w) || N.orgSuffixes.has(t.w))) || (seg.length === 1 && N.mediaHeads.has(next.w))));
      if (!ok) break;
      run.push(...conns, next);
      j = k;
    }
    out.push(run);
    i = j;
  }
  return out;
}
