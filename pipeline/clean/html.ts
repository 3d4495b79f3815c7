/**
 * HTML markup inside a .txt file (a page saved with its tags): turned into plain text before cleaning.
 * Block elements become line breaks, script/style/noscript content is dropped, entities are decoded
 * (htmlparser2). The <head> (title, meta) is dropped: the headline is taken from the body. Pure.
 */
import { Parser } from 'htmlparser2';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'blockquote', 'figure', 'figcaption', 'title', 'main', 'hr', 'dd', 'dt']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const TAG = /<\/?(?:p|div|br|span|a|html|head|body|article|section|h[1-6]|li|ul|ol|table|tr|td|script|style|meta|link|img|strong|em|b|i|figure|header|footer|nav)\b[^<>]*>/gi;

/** True when `text` carries HTML markup (at least three tags of common HTML elements). */
export function looksLikeHtml(text: string): boolean {
  return (text.slice(0, 200_000).match(TAG)?.length ?? 0) >= 3;
}

/** The text content of an HTML document's body, one block element per line. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        if (BLOCK.has(name)) out.push('\n');
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        if (BLOCK.has(name)) out.push('\n');
      },
      ontext(data) {
        if (!skipping) out.push(data.replace(/\s+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out.join('').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
