/**
 * Lookups over an article's actor mentions by offset, each answering exactly what the plain scan over the
 * list would (the same mentions, in list order), in logarithmic time: the event coder asks them for every
 * candidate trigger, and a scan per question made it quadratic in the article's mentions. Pure.
 */
import type { Mention } from './mentions.ts';

export class MentionIndex {
  /** The mentions, by start (then longest first), as the annotators keep them. */
  readonly list: readonly Mention[];
  /** prefixEnd[i]: the largest end of list[0..i]. */
  private readonly prefixEnd: number[];
  private readonly byEnd = new Map<number, Mention[]>();

  constructor(mentions: readonly Mention[]) {
    const sorted = mentions.every((m, i) => i === 0 || mentions[i - 1]!.start <= m.start);
    this.list = sorted ? mentions : [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
    this.prefixEnd = [];
    let max = -1;
    for (const m of this.list) {
      max = Math.max(max, m.end);
      this.prefixEnd.push(max);
      const at = this.byEnd.get(m.end);
      if (at) at.push(m);
      else this.byEnd.set(m.end, [m]);
    }
  }

  /** Index of the first mention starting at or after `pos`. */
  private lowerStart(pos: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Mentions wholly inside [from, limit), in order. */
  within(from: number, limit: number): Mention[] {
    const out: Mention[] = [];
    for (let i = this.lowerStart(from); i < this.list.length; i++) {
      const m = this.list[i]!;
      if (m.start >= limit) break;
      if (m.end <= limit) out.push(m);
    }
    return out;
  }

  /** Mentions ending at or before `pos`, in order. */
  endingBy(pos: number): Mention[] {
    const out: Mention[] = [];
    const to = this.lowerStart(pos);
    for (let i = 0; i < to; i++) if (this.list[i]!.end <= pos) out.push(this.list[i]!);
    return out;
  }

  /** The first mention ending exactly at `end` that starts at or after `from`. */
  endingAt(end: number, from: number): Mention | undefined {
    return this.byEnd.get(end)?.find((m) => m.start >= from);
  }

  /** The first mention starting exactly at `start`. */
  startingAt(start: number): Mention | undefined {
    const m = this.list[this.lowerStart(start)];
    return m && m.start === start ? m : undefined;
  }

  /** The first mention that starts before `pos` and ends after it (`pos` lies strictly inside it). */
  covering(pos: number): Mention | undefined {
    // The first mention whose end passes `pos`: the prefix maximum of ends first exceeds `pos` there.
    let lo = 0;
    let hi = this.lowerStart(pos);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.prefixEnd[mid]! > pos) hi = mid;
      else lo = mid + 1;
    }
    const m = this.list[lo];
    return m && m.start < pos && m.end > pos ? m : undefined;
  }
}
