/**
 * Where the content clause of an indirect quote ends (reported.ts): before the frame after it, a trailing
 * attribution (", KCNA said": the channel is returned, for `reportedBy`) or a trailing setting ("at a meeting
 * with …", "on Thursday"), and at the end of the clause itself (a semicolon, ", saying …", a writer's aside). Pure.
 */
import { alt, once } from '../regex.ts';
import type { Lexicon } from './lexicon.ts';
import type { QuoteContext } from './quote-draft.ts';

/** The patterns frameEnd reads (built once per lexicon). */
interface FramePatterns {
  trailingCue: RegExp;
  settingEnd: RegExp;
  clauseEnd: RegExp;
}

const framePatterns = (lex: Lexicon): FramePatterns =>
  once(lex, 'reported-frame.ts:patterns', () => {
    const L = lex.lang;
    const participles = L.content_cues.filter((x) => x.endsWith('ing'));
    return {
      trailingCue: new RegExp(`^((?:the\\s+)?[^,;“”"]{1,70}?)\\s(?:${alt(L.reporting_cues)})\\b[^,]*$`),
      settingEnd: new RegExp(`,?\\s+(?:(?:earlier\\s+|late\\s+)?on\\s+(?:${alt(L.weekdays)})|(?:at|during|in|after)\\s+(?:a|an|the|his|her|their|its)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:${alt(L.frame_settings)})\\b[^,;]*)$`, 'u'),
      // The writer's own asides end it too: ", an ambitious goal that …", " - something aides argue …", and a second
      // predicate of the speaker (", and reminded the audience …").
      clauseEnd: new RegExp(`;|:\\s*[“"]|[.!?](?=\\p{Lu}\\p{Ll})|,[”"]?\\s+(?:${alt(participles)})\\b|,\\s+(?:a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?:that|which)\\b[^,;]*$|\\s[-–—]\\s+(?:something|a point|an idea|a claim|a view)\\b|,\\s+and\\s+(?:also\\s+|then\\s+|later\\s+)?\\p{Ll}{3,}ed\\b`, 'gu'),
    };
  });

/** The content's end: before a trailing attribution and a trailing setting ("at a meeting with …", "on Thursday"). */
export function frameEnd(c: QuoteContext, start: number, end: number): { end: number; by: string | null } {
  const { text, inQuote } = c;
  const re = framePatterns(c.lex);
  const a = beforeAttribution(c, re, start, end);
  let e = trimEnd(text, start, a.end);
  // A clause ends at a semicolon, at a colon opening a direct quote, and at a sentence end the text glued on ("1000.Watch").
  // And at ", saying …": the participle opens a statement of its own.
  for (const m of text.slice(start, e).matchAll(re.clauseEnd)) {
    // ",” adding …": the comma stands inside the closing mark; the clause keeps the mark.
    const mark = /^,[”"]/.test(m[0]) ? 2 : 0;
    if (!inQuote(start + m.index + m[0].length - 1)) {
      e = mark ? start + m.index + mark : trimEnd(text, start, start + m.index);
      break;
    }
  }
  const set = re.settingEnd.exec(text.slice(start, e));
  if (set && set.index > 20) e = trimEnd(text, start, start + set.index);
  return { end: e, by: a.by };
}

/** Where a trailing attribution (", KCNA said", ", officials said") starts in [start, end), and who it names. */
function beforeAttribution(c: QuoteContext, re: FramePatterns, start: number, end: number): { end: number; by: string | null } {
  const { text, mentions } = c;
  for (const m of text.slice(start, end).matchAll(/,[”"’]?\s+/g)) {
    const pos = start + m.index + m[0].length;
    const t = re.trailingCue.exec(text.slice(pos, end));
    if (!t || /\b(?:that|which|who|because|if|when|while)\b/.test(t[1]!)) continue;
    const named = mentions.find((x) => x.start >= pos && x.start < pos + 40 && x.end <= pos + t[1]!.length + 1);
    const closing = m[0].startsWith(',”') || m[0].startsWith(',"') || m[0].startsWith(',’');
    return { end: start + m.index + (closing ? 2 : 0), by: named?.key ?? null };
  }
  return { end, by: null };
}

/** `end` moved back past the white space and punctuation before it, not past `start`. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.,;:!?]/.test(text[e - 1]!)) e--;
  return e;
}
