/**
 * The public profile: the same release without third-party text. Article bodies and evidence sentences
 * become null, quotes shrink to excerpts of at most EXCERPT characters; hashes, lengths and offsets stay, so a
 * user can rebuild the full text from their own copies of the articles and check it (`content_sha256`). Pure.
 */
import type { TableName } from '../schema/tables.ts';

/** Longest quote excerpt in the public profile, in characters. */
export const EXCERPT = 100;

/** `text` cut to at most EXCERPT characters at a word boundary, ending in "…" when cut. */
export function excerpt(text: string): string {
  if (text.length <= EXCERPT) return text;
  const cut = text.slice(0, EXCERPT - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** One row as the public profile releases it. */
export function publicRow(table: TableName, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'articles' || table === 'event_mentions') return { ...row, text: null };
  if (table === 'quotes') return { ...row, text: excerpt(String(row['text'])) };
  return row;
}
