/**
 * An inverted index from 32-bit keys to lists of small integers, held in a few typed arrays: an
 * open-addressing table of list heads and one pool of (value, next) entries. At 100,000 articles the
 * near-duplicate index has millions of keys; a Map of arrays would allocate an object per key and slow
 * every garbage collection, this allocates none.
 */
export interface Postings {
  keys: Uint32Array;
  heads: Int32Array;
  counts: Uint32Array;
  used: number;
  values: Int32Array;
  next: Int32Array;
  size: number;
}

/** An empty index. */
export function createPostings(capacity = 1 << 16): Postings {
  return { keys: new Uint32Array(capacity), heads: new Int32Array(capacity).fill(-1), counts: new Uint32Array(capacity), used: 0, values: new Int32Array(1024), next: new Int32Array(1024), size: 0 };
}

function slot(p: Postings, key: number): number {
  const mask = p.keys.length - 1;
  let i = Math.imul(key ^ (key >>> 16), 0x45d9f3b) & mask;
  while (p.heads[i] !== -1 && p.keys[i] !== key) i = (i + 1) & mask;
  return i;
}

/** Number of values listed under `key`. */
export function postingCount(p: Postings, key: number): number {
  const i = slot(p, key);
  return p.heads[i] === -1 ? 0 : p.counts[i]!;
}

/** Calls `f` with every value listed under `key` (most recent first). */
export function forEachPosting(p: Postings, key: number, f: (value: number) => void): void {
  for (let e = p.heads[slot(p, key)]!; e !== -1; e = p.next[e]!) f(p.values[e]!);
}

/** Adds `value` to the list of `key`. */
export function addPosting(p: Postings, key: number, value: number): void {
  if ((p.used + 1) * 2 > p.keys.length) grow(p);
  const i = slot(p, key);
  if (p.heads[i] === -1) {
    p.keys[i] = key;
    p.used++;
  }
  if (p.size === p.values.length) {
    p.values = resize(p.values, p.size * 2);
    p.next = resize(p.next, p.size * 2);
  }
  p.values[p.size] = value;
  p.next[p.size] = p.heads[i]!;
  p.heads[i] = p.size++;
  p.counts[i]!++;
}

function resize(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

function grow(p: Postings): void {
  const { keys, heads, counts } = p;
  p.keys = new Uint32Array(keys.length * 2);
  p.heads = new Int32Array(keys.length * 2).fill(-1);
  p.counts = new Uint32Array(keys.length * 2);
  for (let i = 0; i < keys.length; i++) {
    if (heads[i] === -1) continue;
    const j = slot(p, keys[i]!);
    p.keys[j] = keys[i]!;
    p.heads[j] = heads[i]!;
    p.counts[j] = counts[i]!;
  }
}
