/**
 * The quote draft both quote finders make (quotes.ts: direct, reported.ts: indirect), the speaker they find
 * and the per-article context they share. Pure.
 */
import type { Lexicon } from './lexicon.ts';
import type { ArticleEntity, Mention } from './mentions.ts';
import type { Sentence } from './sentences.ts';

export type Attribution = 'explicit' | 'pronoun' | 'description' | 'continuation';

export interface QuoteDraft {
  type: 'direct' | 'indirect';
  start: number;
  end: number;
  speakerKey: string | null;
  /** Every speaker of a joint statement ("Brazil and Argentina said"), the first being `speakerKey`. */
  speakerKeys: string[];
  speakerText: string | null;
  /** The mention the speaker was taken from (a pronoun's antecedent; a continued quote's earlier speaker). */
  speakerMention: { start: number; end: number } | null;
  attribution: Attribution | null;
  reportedByKey: string | null;
  cue: string | null;
  cueStart: number | null;
  cueEnd: number | null;
}

export interface Speaker {
  key: string;
  /** Joint speakers, `key` first. */
  keys: string[];
  text: string;
  attribution: Attribution;
  cue: string | null;
  /** Offset of the cue in the text. */
  cueAt: number | null;
  /** Where the speaker's words stand in the text, for recency. */
  at: number;
  /** The mention naming the speaker (a pronoun's antecedent). */
  mention: Mention | null;
}


/** What quotes.ts and reported.ts share of one article: its quotation spans and its speaker finders. */
export interface QuoteContext {
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  entities: Map<string, ArticleEntity>;
  lex: Lexicon;
  inQuote(pos: number): boolean;
  /** The speaker whose subject ends right before `pos` (a speech verb there), not before `floor`. */
  subjectBefore(pos: number, floor: number): Speaker | null;
  /** A mention starting at `pos` after an article, modifiers or a title. */
  mentionFrom(pos: number): Mention | undefined;
  /** A speaker named by mention `m` at cue `cue` (at offset `cueAt`), with the actors joined to it ("A and B said"). */
  asSpeaker(m: Mention, cue: string | null, cueAt: number | null): Speaker;
  /** The speaker "he", "she", "it", "they" at `at` stands for. */
  pronoun(p: string, at: number): Speaker | null;
  /** Records a speaker found by reported speech, for the pronouns after it. */
  heard(sp: Speaker): void;
}

/** The draft of one quote from its span and speaker. */
export function draft(type: QuoteDraft['type'], start: number, end: number, sp: Speaker | null, reportedBy: string | null = null, cue: string | null = sp?.cue ?? null): QuoteDraft {
  const cueStart = sp && cue === sp.cue ? sp.cueAt : null;
  // A speaker known by its words alone ("those surveyed") has no key: no actor, the words as speaker_text.
  const key = sp?.key || null;
  return {
    type,
    start,
    end,
    speakerKey: key,
    speakerKeys: key ? sp!.keys : [],
    speakerText: sp?.text ?? null,
    speakerMention: key && sp?.mention ? { start: sp.mention.start, end: sp.mention.end } : null,
    attribution: key ? sp!.attribution : null,
    reportedByKey: reportedBy && reportedBy !== sp?.key ? reportedBy : null,
    cue,
    cueStart,
    cueEnd: cueStart !== null && cue ? cueStart + cue.length : null,
  };
}
