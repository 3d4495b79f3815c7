/** JSON Lines: one object per line, keys in schema order, UTF-8, LF after every line. */
import { closeSync, openSync, readSync } from 'node:fs';
import type { TableName } from '../schema/tables.ts';
import { drainRows, textFile } from './sinks.ts';
import type { Sink } from './sinks.ts';

/** JSON Lines: the lines are written as they come. */
export class JsonlSink implements Sink {
  private readonly out;
  constructor(file: string) {
    this.out = textFile(file);
  }
  write(_rows: Record<string, unknown>[], lines: string[]): void {
    this.out.put(lines.join(''));
  }
  close(): void {
    this.out.close();
  }
}

/** Writes `rows` to `file` as JSON Lines. */
export async function writeJsonl(table: TableName, rows: Iterable<object>, file: string): Promise<void> {
  drainRows(rows, [new JsonlSink(file)], table);
}

/** The rows of a JSON Lines file as `[row[key], row]`, read 1 MB at a time. */
export function* readJsonlEntries(file: string, key: string): Generator<[string, Record<string, unknown>]> {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  const entry = (l: string): [string, Record<string, unknown>] => {
    const row = JSON.parse(l) as Record<string, unknown>;
    return [String(row[key]), row];
  };
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      const lines = (rest + decoder.decode(buf.subarray(0, n), { stream: true })).split('\n');
      rest = lines.pop()!;
      for (const l of lines) if (l) yield entry(l);
    }
    rest += decoder.decode();
    if (rest) yield entry(rest);
  } finally {
    closeSync(fd);
  }
}
