/**
 * The CAMEO verb codebook as data (pipeline/lexicon/cameo/<root>.json, format in FORMAT.md there), compiled
 * once into an index from surface forms of trigger lemmas to patterns; and the one CAMEO → PLOVER table
 * (pipeline/lexicon/plover.json). Pure after module load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import ploverTable from '../lexicon/plover.json' with { type: 'json' };
import sharedClasses from '../lexicon/cameo/classes.json' with { type: 'json' };
import { LemmaIndex, nounForms, verbForms } from './inflect.ts';
import type { VerbForm } from './inflect.ts';

export type PloverType = 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST' | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

const PLOVER = ploverTable.by_prefix as Record<string, PloverType | null>;

const MODES = ploverTable.modes as Record<string, string>;

/** The PLOVER mode a CAMEO code implies (plover.json `modes`, exact code), or null. */
export function ploverModeOf(cameo: string): string | null {
  return MODES[cameo] ?? null;
}

/** The PLOVER type of a CAMEO code by the table (longest listed prefix); null for codes that are no event here. */
export function ploverOf(cameo: string): PloverType | null {
  for (let n = cameo.length; n >= 2; n--) {
    const t = PLOVER[cameo.slice(0, n)];
    if (t !== undefined) return t;
  }
  return null;
}

/** One element of a pattern after the trigger. */
export interface Element {
  /** Lemmas any of which fills the element; empty for the target slot. */
  lemmas: string[];
  /** The same, for lookup. */
  set: ReadonlySet<string>;
  optional: boolean;
  target: boolean;
}

export interface CameoPattern {
  id: string;
  code: string;
  type: PloverType;
  head: 'verb' | 'noun';
  /** The trigger lemmas (alternatives). */
  trigger: string[];
  rest: Element[];
  symmetric: boolean;
  /** The pattern ends in "to": the verb after it is what was intended, threatened or asked, not an act done. */
  governsInfinitive: boolean;
  /** Elements, for ranking matches: longer (more specific) first. */
  size: number;
  /** The lemma sets of the words that must follow the trigger: one missing from the sentence, and the pattern cannot match. */
  required: ReadonlySet<string>[];
}

/** A trigger candidate for a token: the pattern, and the form the token has (for verbs). */
export interface TriggerEntry {
  pattern: CameoPattern;
  form: VerbForm | 'noun';
}

export interface CameoCode {
  code: string;
  label: string;
  root: string;
  patterns: number;
}

interface RootFile {
  root: string;
  label: string;
  classes?: Record<string, string[]>;
  codes: { code: string; label: string; patterns: { id: string; p: string; head?: 'verb' | 'noun'; symmetric?: boolean }[] }[];
}

export interface CameoLexicon {
  /** Lower-case surface form → the patterns it can trigger. */
  triggers: Map<string, TriggerEntry[]>;
  lemmas: LemmaIndex;
  codes: CameoCode[];
  patterns: CameoPattern[];
  /** The word classes (shared and per root), by name. */
  classes: ReadonlyMap<string, string[]>;
}

const DIR = new URL('../lexicon/cameo/', import.meta.url);

/** Reads and compiles the lexicon; throws with the file and pattern at fault. */
export function loadCameo(files: Record<string, RootFile> = readRootFiles()): CameoLexicon {
  const classes = new Map<string, string[]>(Object.entries(sharedClasses.classes));
  for (const [file, f] of Object.entries(files)) {
    for (const [name, words] of Object.entries(f.classes ?? {})) {
      if (classes.has(name)) throw new Error(`${file}: word class "${name}" is defined twice; rename one`);
      classes.set(name, words);
    }
  }
  const lemmas = new LemmaIndex();
  const triggers = new Map<string, TriggerEntry[]>();
  const codes: CameoCode[] = [];
  const patterns: CameoPattern[] = [];
  const ids = new Set<string>();
  const words = (el: string, where: string): string[] =>
    el.split('|').flatMap((w) => {
      if (!w.startsWith('~')) return [w];
      const c = classes.get(w.slice(1));
      if (!c) throw new Error(`${where}: unknown word class ${w}`);
      return c;
    });
  for (const [file, f] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const c of f.codes) {
      const type = ploverOf(c.code);
      if (!/^\d{3,4}$/.test(c.code) || !c.code.startsWith(f.root)) throw new Error(`${file}: code "${c.code}" is not a CAMEO code of root ${f.root}`);
      codes.push({ code: c.code, label: c.label, root: f.root, patterns: c.patterns.length });
      if (!type) continue;
      for (const p of c.patterns) {
        const where = `${file} ${p.id}`;
        if (ids.has(p.id)) throw new Error(`${where}: pattern id used twice`);
        ids.add(p.id);
        const [first, ...others] = p.p.trim().split(/\s+/);
        const head = p.head ?? 'verb';
        const trigger = words(first!, where);
        const rest: Element[] = others.map((el) => {
          const optional = /^\(.*\)$/.test(el);
          const bare = optional ? el.slice(1, -1) : el;
          if (bare === '@T') return { lemmas: [], set: new Set(), optional, target: true };
          const lemmas = words(bare, where);
          return { lemmas, set: new Set(lemmas), optional, target: false };
        });
        const last = rest.filter((e) => !e.target).at(-1);
        const pattern: CameoPattern = {
          id: p.id,
          code: c.code,
          type,
          head,
          trigger,
          rest,
          symmetric: p.symmetric ?? false,
          governsInfinitive: last?.lemmas.includes('to') === true && rest.at(-1) === last,
          size: 1 + rest.filter((e) => !e.optional).length,
          required: rest.filter((e) => !e.optional && !e.target).map((e) => e.set),
        };
        patterns.push(pattern);
        for (const lemma of trigger) {
          const forms: [string, VerbForm | 'noun'][] = head === 'noun' ? nounForms(lemma).map((f) => [f, 'noun']) : verbForms(lemma);
          for (const [form, kind] of forms) {
            let list = triggers.get(form);
            if (!list) triggers.set(form, (list = []));
            // A form listed twice for one pattern ("read" past and participle are two kinds, so both stay).
            if (list.at(-1)?.pattern !== pattern || !list.some((e) => e.pattern === pattern && e.form === kind)) list.push({ pattern, form: kind });
          }
        }
        for (const e of rest) {
          for (const w of e.lemmas) {
            if (/^[a-z]+$/.test(w)) {
              lemmas.addVerb(w);
              lemmas.addNoun(w);
            } else lemmas.addWord(w);
          }
        }
      }
    }
  }
  // Class words are lemmas too, so that rules outside patterns (events.ts: purposes) can look them up.
  for (const list of classes.values()) for (const w of list) if (/^[a-z]+$/.test(w)) lemmas.addNoun(w);
  return { triggers, lemmas, codes, patterns, classes };
}

function readRootFiles(): Record<string, RootFile> {
  const out: Record<string, RootFile> = {};
  for (const name of readdirSync(DIR).filter((n) => /^\d\d\.json$/.test(n)).sort()) out[name] = JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as RootFile;
  return out;
}

let loaded: CameoLexicon | null = null;
/** The project's lexicon, compiled on first use. */
export function cameoLexicon(): CameoLexicon {
  return (loaded ??= loadCameo());
}
