/**
 * A deterministic zip of a release folder: entries sorted by path under a top folder named like the release,
 * every entry with the same fixed time (1980-01-01, the earliest a zip can hold), no clock, no owner. Pure.
 */
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/** Zip archive bytes of the given files (relative path → bytes), under `top/`. */
export function zipFiles(top: string, files: Map<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const p of [...files.keys()].sort()) zippable[`${top}/${p}`] = [files.get(p)!, { mtime: new Date(Date.UTC(1980, 0, 1, 12)), level: 9 }];
  return zipSync(zippable, { mtime: new Date(Date.UTC(1980, 0, 1, 12)) });
}
