/**
 * The compiled word lists and phrase shapes of the event coder (from pipeline/lexicon/event-rules.json),
 * shared by events.ts and its readers.
 */
import eventRules from '../lexicon/event-rules.json' with { type: 'json' };
import { alt } from '../regex.ts';
import type { CameoPattern, TriggerEntry } from './cameo.ts';
import { verbForms } from './inflect.ts';
import type { Mention } from './mentions.ts';

export interface Match {
  pattern: CameoPattern;
  form: TriggerEntry['form'];
  /** Where the matched words end (the trigger's end for a one-word pattern). */
  end: number;
  target: Mention | null;
  score: number;
  jointOnly: boolean;
}
export const DETERMINERS = new Set(eventRules.noun_determiners);
export const BOUNDARY_WORDS = new Set(eventRules.boundary_words);
/** A hostile or military act (threats, protests, force, coercion, violence; military aid or cooperation). */
export const hostile = (code: string) => Number(code.slice(0, 2)) >= 13 || eventRules.hostile_codes.some((c) => code.startsWith(c));
export const PASSIVE = /\b(?:was|were|been|being|is|are|be|got)\s+(?:\p{Ll}+ly\s+)?$/u;
export const LIGHT_VERBS = new Set(eventRules.light_verbs.flatMap((l) => verbForms(l).map(([f]) => f)));
export const CLAIM_TAIL = new RegExp(`,\\s+(?:[^,]{1,60}\\s)?(?:${alt(eventRules.claim_verbs)})\\s*(?:on\\s+\\p{Lu}\\p{Ll}+\\s*)?[.]?$`, 'u');
export const STATIVE: ReadonlySet<string> = new Set(eventRules.stative_participles);
/** "X is guilty of", "X is responsible for" right before a gerund: the copula, whose subject did the act. */
export const CULPRIT_PHRASE = String.raw`\b(?:is|are|was|were|(?:has|have|had)\s+been)\s+(?:\p{Ll}+ly\s+)?(?:${alt(eventRules.culprit_phrases)})\s+`;
export const CULPRIT = new RegExp(`${CULPRIT_PHRASE}$`, 'u');
