/**
 * The public profile: the same release without third-party text. Article bodies and evidence sentences
 * become null, quotes shrink to excerpts of at most EXCERPT characters; hashes, lengths and offsets stay, so a
 * user can rebuild the full text from their own copies of the articles and check it (`content_sha256`). Pure.
 */
import type { Tables } from '../validate.ts';

/** Longest quote excerpt in the public profile, in characters. */
export const EXCERPT = 100;

/** `text` cut to at most EXCERPT characters at a word boundary, ending in "…" when cut. */
export function excerpt(text: string): string {
  if (text.length <= EXCERPT) return text;
  const cut = text.slice(0, EXCERPT - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The tables as the public profile releases them. */
export function toPublic(tables: Tables): Tables {
  return {
    ...tables,
    articles: tables.articles.map((a) => ({ ...a, text: null })),
    quotes: tables.quotes.map((q) => ({ ...q, text: excerpt(q.text) })),
    event_mentions: tables.event_mentions.map((m) => ({ ...m, text: null })),
  };
}
