/**
 * One copy of each string. Strings that arrive from worker threads are fresh copies, even when they repeat
 * across thousands of records (actor keys, CAMEO codes, name terms); a corpus-wide structure that keeps them
 * keeps one each through this.
 */
export class Interner {
  private readonly strings = new Map<string, string>();

  of<T extends string | null>(s: T): T {
    if (s === null) return s;
    const k = this.strings.get(s);
    if (k !== undefined) return k as T;
    this.strings.set(s, s);
    return s;
  }

  clear(): void {
    this.strings.clear();
  }
}
