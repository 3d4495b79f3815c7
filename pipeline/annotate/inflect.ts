/**
 * English inflection by rule, with the exceptions of pipeline/lexicon/inflection.json: the forms a lemma takes
 * in text, so that lexicons list lemmas only and a token is looked up by its surface form. Generating a few
 * forms that do not exist ("visitted") is harmless: they never occur. Pure.
 */
import inflection from '../lexicon/inflection.json' with { type: 'json' };

const IRREGULAR_VERBS = inflection.irregular_verbs as Record<string, { past: string[]; participle: string[] }>;
const IRREGULAR_PLURALS = inflection.irregular_plurals as Record<string, string>;
const VOWEL = /[aeiou]/;

/** "stop" → "stopp": a final consonant after a single vowel may double before -ed/-ing (ban, plan, commit). */
function doubled(w: string): string | null {
  const n = w.length;
  if (n < 3 || /[wxy]$/.test(w)) return null;
  return !VOWEL.test(w[n - 1]!) && VOWEL.test(w[n - 2]!) && !VOWEL.test(w[n - 3]!) ? w + w[n - 1] : null;
}

function thirdPerson(w: string): string {
  if (/(?:s|x|z|ch|sh|o)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

function regularPast(w: string): string[] {
  if (w.endsWith('e')) return [`${w}d`];
  if (/[^aeiou]y$/.test(w)) return [`${w.slice(0, -1)}ied`];
  const d = doubled(w);
  return d ? [`${w}ed`, `${d}ed`] : [`${w}ed`];
}

function presentParticiple(w: string): string[] {
  if (w.endsWith('ie')) return [`${w.slice(0, -2)}ying`];
  if (/[^aeiouy]e$/.test(w) || /[^e]ue$/.test(w)) return [`${w.slice(0, -1)}ing`];
  const d = doubled(w);
  return d ? [`${w}ing`, `${d}ing`] : [`${w}ing`];
}

export type VerbForm = 'base' | 's' | 'past' | 'participle' | 'ing';

/** Every form of a verb lemma, with what it is. A phrasal lemma ("carry out") inflects its first word. */
export function verbForms(lemma: string): [string, VerbForm][] {
  const [head, ...rest] = lemma.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const irr = IRREGULAR_VERBS[head!];
  const out: [string, VerbForm][] = [[head!, 'base'], [thirdPerson(head!), 's'], ...presentParticiple(head!).map((f): [string, VerbForm] => [f, 'ing'])];
  if (irr) {
    for (const f of irr.past) out.push([f, 'past']);
    for (const f of irr.participle) out.push([f, 'participle']);
  } else {
    for (const f of regularPast(head!)) out.push([f, 'past'], [f, 'participle']);
  }
  if (head === 'be') out.push(['is', 's'], ['are', 'base'], ['am', 'base']);
  if (head === 'have') out.push(['has', 's']);
  return out.map(([f, k]) => [f + tail, k]);
}

/** Singular and plural of a noun lemma. */
export function nounForms(lemma: string): string[] {
  const irr = IRREGULAR_PLURALS[lemma];
  if (irr) return [lemma, irr];
  if (/(?:s|x|z|ch|sh)$/.test(lemma)) return [lemma, `${lemma}es`];
  if (/[^aeiou]y$/.test(lemma)) return [lemma, `${lemma.slice(0, -1)}ies`];
  return [lemma, `${lemma}s`];
}

/** Maps every form of the given lemmas back to them (a form may belong to several lemmas: "left", "found"). */
export class LemmaIndex {
  private readonly byForm = new Map<string, Set<string>>();

  addVerb(lemma: string): void {
    for (const [f] of verbForms(lemma)) this.put(f, lemma);
  }

  addNoun(lemma: string): void {
    for (const f of nounForms(lemma)) this.put(f, lemma);
  }

  addWord(word: string): void {
    this.put(word, word);
  }

  /** The lemmas a (lower-case) token may stand for, itself included. */
  lemmasOf(token: string): string[] {
    const s = this.byForm.get(token);
    return s ? [token, ...s] : [token];
  }

  private put(form: string, lemma: string): void {
    let s = this.byForm.get(form);
    if (!s) this.byForm.set(form, (s = new Set()));
    s.add(lemma);
  }
}
