/**
 * The corpus's event reports, held by column until the merge: a dozen per article add up to more than a million at
 * 100,000 articles, and as objects (a report, its draft and three spans) each took about 300 bytes of the main
 * thread's heap. Here a report is 21 integers and one float, its strings (keys, codes, dates, article ids) one copy
 * each, numbered. `get` gives a report back as the object the merge reads.
 */
import type { Span } from './event-scope.ts';
import type { PloverType } from './cameo.ts';
import type { Report } from './event-merge.ts';

/** Where each field of a report sits among its integers (string fields hold a string's number, or -1 for null). */
const F = { type: 0, cameo: 1, source: 2, target: 3, date: 4, precision: 5, dateText: 6, location: 7, pattern: 8, article: 9, outlet: 10, story: 11, symmetric: 12, start: 13, end: 14, trigger: 15, sourceMention: 17, targetMention: 19 } as const;
const STRIDE = 21;

/** The reports an event merge reads: an array, or a store. `clear` lets them go. */
export interface ReportSource {
  readonly length: number;
  get(i: number): Report;
  clear(): void;
}

/** An array of reports read as a source (tests and small corpora). */
export function reportArray(reports: Report[]): ReportSource {
  return {
    get length() {
      return reports.length;
    },
    get: (i) => reports[i]!,
    clear: () => {
      reports.length = 0;
    },
  };
}

export class ReportStore implements ReportSource {
  private n = 0;
  private ints = new Int32Array(STRIDE * 1024);
  private confidence = new Float64Array(1024);
  private readonly numbers = new Map<string, number>();
  private readonly strings: string[] = [];

  get length(): number {
    return this.n;
  }

  push(r: Report): void {
    if (this.n === this.confidence.length) this.grow();
    const d = r.draft;
    const o = this.n * STRIDE;
    const a = this.ints;
    const str = (s: string | null) => (s === null ? -1 : this.numberOf(s));
    a[o + F.type] = str(d.type);
    a[o + F.cameo] = str(d.cameo);
    a[o + F.source] = str(d.sourceKey);
    a[o + F.target] = str(d.targetKey);
    a[o + F.date] = str(d.date);
    a[o + F.precision] = str(d.precision);
    a[o + F.dateText] = str(d.dateText);
    a[o + F.location] = str(d.location);
    a[o + F.pattern] = str(d.patternId);
    a[o + F.article] = str(r.articleId);
    a[o + F.outlet] = str(r.outlet);
    a[o + F.story] = str(r.storyId);
    a[o + F.symmetric] = d.symmetric ? 1 : 0;
    a[o + F.start] = d.start;
    a[o + F.end] = d.end;
    setSpan(a, o + F.trigger, d.trigger);
    setSpan(a, o + F.sourceMention, d.sourceMention);
    setSpan(a, o + F.targetMention, d.targetMention);
    this.confidence[this.n] = d.confidence;
    this.n++;
  }

  get(i: number): Report {
    if (i < 0 || i >= this.n) throw new RangeError(`report ${i} of ${this.n}`);
    const a = this.ints;
    const o = i * STRIDE;
    const str = (f: number) => (a[o + f]! < 0 ? null : this.strings[a[o + f]!]!);
    return {
      articleId: str(F.article)!,
      outlet: str(F.outlet),
      storyId: str(F.story)!,
      draft: {
        type: str(F.type) as PloverType,
        cameo: str(F.cameo)!,
        symmetric: a[o + F.symmetric] === 1,
        sourceKey: str(F.source)!,
        targetKey: str(F.target),
        date: str(F.date),
        precision: str(F.precision) as Report['draft']['precision'],
        dateText: str(F.dateText),
        location: str(F.location),
        start: a[o + F.start]!,
        end: a[o + F.end]!,
        confidence: this.confidence[i]!,
        trigger: spanAt(a, o + F.trigger)!,
        patternId: str(F.pattern)!,
        sourceMention: spanAt(a, o + F.sourceMention)!,
        targetMention: spanAt(a, o + F.targetMention),
      },
    };
  }

  clear(): void {
    this.n = 0;
    this.ints = new Int32Array(STRIDE * 1024);
    this.confidence = new Float64Array(1024);
    this.numbers.clear();
    this.strings.length = 0;
  }

  private numberOf(s: string): number {
    let k = this.numbers.get(s);
    if (k === undefined) {
      k = this.strings.length;
      this.numbers.set(s, k);
      this.strings.push(s);
    }
    return k;
  }

  private grow(): void {
    const ints = new Int32Array(this.ints.length * 2);
    ints.set(this.ints);
    this.ints = ints;
    const confidence = new Float64Array(this.confidence.length * 2);
    confidence.set(this.confidence);
    this.confidence = confidence;
  }
}

/** A span as two integers; null as -1, -1 (offsets are never negative). */
function setSpan(a: Int32Array, o: number, s: Span | null): void {
  a[o] = s ? s.start : -1;
  a[o + 1] = s ? s.end : -1;
}

function spanAt(a: Int32Array, o: number): Span | null {
  return a[o]! < 0 ? null : { start: a[o]!, end: a[o + 1]! };
}
