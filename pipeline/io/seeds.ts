/**
 * Reads the seeds folder: the only place the pipeline reads input from disk. Top-level `*.txt` files are
 * read (up to `maxBytes`; with `lazy`, only listed, and `loadEntry` reads each when its turn comes); everything else is listed with the reason it is not taken, so the run report
 * accounts for every entry.
 */
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SeedEntry, SeedFolder } from '../ingest.ts';
import { PipelineError } from '../errors.ts';

/** Reads `dir` into a SeedFolder. Throws SEEDS_NOT_FOUND when the folder does not exist. */
export function readSeedFolder(dir: string, maxBytes: number, lazy = false): SeedFolder {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    throw new PipelineError('SEEDS_NOT_FOUND', `cannot read the seeds folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file: dir }, 'pass an existing folder with --seeds');
  }
  const root = realpathSync(dir);
  const entries: SeedEntry[] = [];
  let manifestText: string | null = null;
  for (const name of names) {
    const full = path.join(dir, name);
    if (name === 'manifest.json') {
      manifestText = readFileSync(full, 'utf8');
      continue;
    }
    entries.push(readEntry(full, name, root, maxBytes, lazy));
  }
  return { dir, entries, manifestText };
}

function readEntry(full: string, name: string, root: string, maxBytes: number, lazy: boolean): SeedEntry {
  const skip = (code: string, message: string, size: number | null = null): SeedEntry => ({ name, bytes: null, size, code, message });
  let st;
  try {
    st = lstatSync(full);
    if (st.isSymbolicLink()) {
      const target = realpathSync(full);
      if (target !== root && !target.startsWith(root + path.sep)) return skip('SYMLINK_OUTSIDE', `a symbolic link to ${path.basename(target)}, outside the seeds folder: not followed; copy the file into the seeds folder to include it`);
      st = statSync(full);
    }
  } catch (err) {
    return skip('UNREADABLE', `cannot inspect the entry (${(err as NodeJS.ErrnoException).code ?? 'error'}); a link whose target is missing is the usual cause: fix or remove it`);
  }
  if (st.isDirectory()) return skip('SUBFOLDER', 'a subfolder: only files directly in the seeds folder are read; move its articles up to include them');
  if (!name.toLowerCase().endsWith('.txt')) return skip('NOT_TXT', 'not a .txt file: only plain-text articles are read; save an article as .txt to include it', st.size);
  if (st.size > maxBytes) return skip('FILE_TOO_LARGE', `${st.size} bytes, over the limit of ${maxBytes} bytes; raise --max-bytes if the file is a real article`, st.size);
  return lazy ? { name, bytes: null, size: st.size, path: full } : loadEntry({ name, bytes: null, size: st.size, path: full });
}

/** An entry listed without its bytes, with them read (or with the reason they could not be). */
export function loadEntry(e: SeedEntry): SeedEntry {
  if (e.bytes || e.code || !e.path) return e;
  try {
    return { name: e.name, bytes: new Uint8Array(readFileSync(e.path)), size: e.size };
  } catch (err) {
    return { name: e.name, bytes: null, size: e.size, code: 'UNREADABLE', message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'}); check its permissions` };
  }
}
