/** Source text with its rows highlighted in place, built from the nested spans of spans.ts. */
import { nest } from './spans.ts';
import type { Span } from './spans.ts';
import type { Row } from './data.ts';
import { h } from './ui.ts';

export type Kind = 'evidence' | 'quote' | 'cue' | 'mention' | 'trigger';

export interface Mark extends Span {
  kind: Kind;
  /** What the mark is, for the tooltip and the side list. */
  label: string;
  /** Marks the selected row and the words tied to it (its speaker, its cue, its trigger). */
  selected?: boolean;
  related?: boolean;
}

/** Outer to inner: the selected row is never cut by another mark. */
export const RANK: Record<Kind, number> = { evidence: 2, quote: 3, cue: 4, mention: 5, trigger: 6 };

export function mark(kind: Kind, key: string, start: number, end: number, label: string, opts: { selected?: boolean; related?: boolean } = {}): Mark {
  return { kind, key, start, end, label, rank: opts.selected ? 0 : opts.related ? 1 : RANK[kind], ...opts };
}

/** `text` with every mark around its characters; the selected mark has id `selected`. */
export function renderText(text: string, marks: Mark[], offset = 0): DocumentFragment {
  const frag = document.createDocumentFragment();
  const stack: (DocumentFragment | HTMLElement)[] = [frag];
  const shifted = offset ? marks.map((m) => ({ ...m, start: m.start - offset, end: m.end - offset })) : marks;
  for (const t of nest(text.length, shifted)) {
    const top = stack[stack.length - 1]!;
    if (t.kind === 'text') top.append(text.slice(t.start, t.end));
    else if (t.kind === 'close') stack.pop();
    else {
      const m = t.span;
      const el = h('mark', { class: `hl hl-${m.kind}${m.selected ? ' selected' : ''}${m.related ? ' related' : ''}`, 'data-key': m.key, 'data-kind': m.kind, title: m.label });
      if (m.selected && t.part === 0) {
        el.id = 'selected';
        el.tabIndex = -1;
      }
      top.append(el);
      stack.push(el);
    }
  }
  return frag;
}

/**
 * An evidence sentence with its trigger and its source and target mentions marked (offsets are into the article;
 * the sentence starts at `char_start`). The public profile has no sentence text: its offsets are said instead.
 */
export function highlightSentence(r: Row, src: Row | null, tgt: Row | null, isPublic: boolean): HTMLElement {
  const start = Number(r['char_start']);
  const text = r['text'];
  if (typeof text !== 'string' || isPublic) return h('p', { class: 'withheld' }, `Sentence withheld in this release (public profile): characters ${start}–${String(r['char_end'])} of the article, trigger at ${String(r['trigger_start'])}–${String(r['trigger_end'])}.`);
  const marks: Mark[] = [mark('trigger', 'trigger', Number(r['trigger_start']), Number(r['trigger_end']), 'trigger: the words the event was coded from')];
  if (src) marks.push(mark('mention', 'source', Number(src['char_start']), Number(src['char_end']), 'source actor'));
  if (tgt) marks.push(mark('mention', 'target', Number(tgt['char_start']), Number(tgt['char_end']), 'target actor'));
  return h('blockquote', { class: 'sentence' }, renderText(text, marks, start));
}
