/**
 * Highlights that overlap, nested into well-formed markup. Each span has a rank: lower ranks are outer and are
 * never cut by higher ranks; spans of equal rank that cross are ordered by start (the earlier one is outer) and
 * the later one is cut in parts. So the selected row (rank 0) is always one element whose text is exactly
 * `text.slice(start, end)`. Pure: the DOM is built from the tokens elsewhere.
 */

export interface Span {
  start: number;
  end: number;
  /** Lower is outer. */
  rank: number;
  /** Identifies the row (e.g. its id); also orders equal spans. */
  key: string;
}

export type Token<S extends Span = Span> = { kind: 'open'; span: S; part: number } | { kind: 'close'; span: S } | { kind: 'text'; start: number; end: number };

/** Outer first: rank, then start, then the longer span, then key. */
export function outerFirst(a: Span, b: Span): number {
  return a.rank - b.rank || a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Tokens that render `length` characters of text with every span around its characters: spans are clipped to
 * the text, empty ones dropped. Between two boundaries the open elements are exactly the spans covering that
 * stretch, outer first; moving on closes only what must close and reopens what it had to close with it.
 */
export function nest<S extends Span>(length: number, spans: readonly S[]): Token<S>[] {
  const live = spans
    .map((s) => ({ s, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((x) => x.start < x.end)
    .sort((a, b) => outerFirst(a.s, b.s));
  const cuts = new Set<number>([0, length]);
  for (const x of live) {
    cuts.add(x.start);
    cuts.add(x.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const out: Token<S>[] = [];
  const parts = new Map<S, number>();
  let stack: S[] = [];
  // Spans by start, to find the ones covering each stretch without scanning them all every time.
  let active: (typeof live)[number][] = [];
  const byStart = [...live].sort((a, b) => a.start - b.start);
  let next = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const p = bounds[i]!;
    const q = bounds[i + 1]!;
    active = active.filter((x) => x.end > p);
    while (next < byStart.length && byStart[next]!.start <= p) {
      const x = byStart[next++]!;
      if (x.end > p) active.push(x);
    }
    const want = active.map((x) => x.s).sort(outerFirst);
    let common = 0;
    while (common < stack.length && common < want.length && stack[common] === want[common]) common++;
    for (let j = stack.length - 1; j >= common; j--) out.push({ kind: 'close', span: stack[j]! });
    for (let j = common; j < want.length; j++) {
      const s = want[j]!;
      const part = parts.get(s) ?? 0;
      parts.set(s, part + 1);
      out.push({ kind: 'open', span: s, part });
    }
    stack = want;
    out.push({ kind: 'text', start: p, end: q });
  }
  for (let j = stack.length - 1; j >= 0; j--) out.push({ kind: 'close', span: stack[j]! });
  return out;
}
