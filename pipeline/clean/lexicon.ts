import raw from '../lexicon/boilerplate.json' with { type: 'json' };
import { alt } from '../regex.ts';

/** A compiled chrome rule from `pipeline/lexicon/boilerplate.json`. */
export interface ChromeRule {
  id: string;
  re: RegExp;
  maxWords: number;
}

/** The boilerplate lexicon, compiled once. */
export interface BoilerplateLexicon {
  chrome: ChromeRule[];
  widgetWords: Set<string>;
  sectionLabels: Set<string>;
  broadcastLabel: RegExp;
  mediaWords: Set<string>;
  authorRoleWords: Set<string>;
  dateLabel: RegExp;
  /** Every "Published"/"Posted" label in a text (flag g: use with matchAll). */
  publicationDateLabel: RegExp;
  /** Every "Updated"/"Last modified" label in a text (flag g: use with matchAll). */
  updateDateLabel: RegExp;
}


/** Compiles the lexicon (each entry's `max_words` defaults to the file's `max_chrome_words`). */
export function compileLexicon(data: typeof raw = raw): BoilerplateLexicon {
  return {
    chrome: data.chrome.map((r) => ({ id: r.id, re: new RegExp(r.pattern, 'iu'), maxWords: (r as { max_words?: number }).max_words ?? data.max_chrome_words })),
    widgetWords: new Set(data.widget_words),
    sectionLabels: new Set(data.section_labels),
    broadcastLabel: new RegExp(`^(?:${alt(data.broadcast_labels)})\\s*:\\s*`, 'iu'),
    mediaWords: new Set(data.media_words),
    authorRoleWords: new Set(data.author_role_words),
    dateLabel: new RegExp(`^(?:${alt(data.date_labels)})\\b`, 'iu'),
    // Letters, not \b, bound a label: "15:38:59Updated:" runs a time into the label that follows it.
    publicationDateLabel: new RegExp(`(?<!\\p{L})(?:${alt(data.publication_date_labels)})(?!\\p{L})`, 'giu'),
    updateDateLabel: new RegExp(`(?<!\\p{L})(?:${alt(data.update_date_labels)})(?!\\p{L})`, 'giu'),
  };
}

/** The lexicon as committed. */
export const LEXICON = compileLexicon();
