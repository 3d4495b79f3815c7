/**
 * Dates as day numbers (days since 1970-01-01, UTC) and the timeline's buckets. A partial date stands for the
 * range it names: `2023` is 2023-01-01…2023-12-31, `2023-10` the month. Pure.
 */

export type Unit = 'day' | 'month' | 'year';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Day number of a full date. */
export function dayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** First and last day (inclusive) a date of any precision covers; null when it is no date. */
export function dateRange(date: string | null | undefined): [number, number] | null {
  const m = date ? DATE.exec(date) : null;
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const d = dayOf(y, Number(m[2]), Number(m[3]));
    return [d, d];
  }
  if (m[2]) {
    const mo = Number(m[2]);
    return [dayOf(y, mo, 1), dayOf(y, mo + 1, 1) - 1];
  }
  return [dayOf(y, 1, 1), dayOf(y + 1, 1, 1) - 1];
}

/** The unit that gives a readable number of buckets over the days from `min` to `max`. */
export function unitFor(min: number, max: number): Unit {
  const span = max - min + 1;
  if (span <= 120) return 'day';
  if (span <= 366 * 12) return 'month';
  return 'year';
}

/** Index of the bucket a day falls in: days since epoch, months since 1970-01, or the year. */
export function bucketOf(day: number, unit: Unit): number {
  if (unit === 'day') return day;
  const d = new Date(day * 86_400_000);
  return unit === 'month' ? (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth() : d.getUTCFullYear();
}

/** The date a bucket stands for, at its precision: `2023-10-20`, `2023-10` or `2023`. */
export function bucketLabel(bucket: number, unit: Unit): string {
  if (unit === 'day') return isoOf(bucket);
  if (unit === 'year') return String(bucket);
  const y = 1970 + Math.floor(bucket / 12);
  return `${y}-${String((bucket % 12) + 1).padStart(2, '0')}`;
}

export interface TypeTimeline {
  /** Events whose date lies within one bucket, per bucket (index 0 = first bucket). */
  counts: number[];
  /** Events whose date range spans more than one bucket: first and last bucket (offsets), and how many. */
  ranges: { from: number; to: number; count: number }[];
  total: number;
}

export interface Timeline {
  unit: Unit;
  /** Bucket index of the first bucket. */
  first: number;
  /** Number of buckets. */
  size: number;
  types: Map<number, TypeTimeline>;
  undated: number;
}

/**
 * Counts per type and bucket of the selected events. `type[i]` is event i's type code, `start[i]`/`end[i]` its
 * day range (-1 when undated); `rows` the selected event indices. The buckets span the selected dated events.
 */
export function timeline(rows: ArrayLike<number>, type: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>, unit?: Unit): Timeline {
  let min = Infinity;
  let max = -Infinity;
  let undated = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    if (start[i]! < 0) {
      undated++;
      continue;
    }
    if (start[i]! < min) min = start[i]!;
    if (end[i]! > max) max = end[i]!;
  }
  const types = new Map<number, TypeTimeline>();
  if (min === Infinity) return { unit: unit ?? 'day', first: 0, size: 0, types, undated };
  const u = unit ?? unitFor(min, max);
  const first = bucketOf(min, u);
  const size = bucketOf(max, u) - first + 1;
  const rangeKey = new Map<string, { from: number; to: number; count: number }>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    if (start[i]! < 0) continue;
    const t = type[i]!;
    let tl = types.get(t);
    if (!tl) types.set(t, (tl = { counts: new Array<number>(size).fill(0), ranges: [], total: 0 }));
    tl.total++;
    const a = bucketOf(start[i]!, u) - first;
    const b = bucketOf(end[i]!, u) - first;
    if (a === b) tl.counts[a]!++;
    else {
      const key = `${t}:${a}:${b}`;
      let r = rangeKey.get(key);
      if (!r) {
        rangeKey.set(key, (r = { from: a, to: b, count: 0 }));
        tl.ranges.push(r);
      }
      r.count++;
    }
  }
  for (const tl of types.values()) tl.ranges.sort((x, y) => x.from - y.from || x.to - y.to);
  return { unit: u, first, size, types, undated };
}
