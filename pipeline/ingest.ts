/**
 * ingest: the seed folder's files (as bytes) and manifest (as text) in; decoded raw articles and one
 * outcome per file out. Pure. A file that cannot be read as text is quarantined with a reason code;
 * a bad manifest is an error that stops the run, since its metadata would be wrong for every article.
 */
import { PipelineError } from './errors.ts';
import { sha256Hex } from './hash.ts';
import type { FileOutcome, ManifestEntry, RawArticle } from './model.ts';
import { describeAjvError, validateManifest } from './validators.ts';

/** One entry of the seeds folder as the reader found it. */
export interface SeedEntry {
  /** Path relative to the seeds folder, `/`-separated. */
  name: string;
  /** The file's bytes; null when it was not read (see `code`), or not read yet (see `path`). */
  bytes: Uint8Array | null;
  /** Where to read the bytes later, when the folder was listed without reading them. */
  path?: string;
  size: number | null;
  /** Why the entry was not read or not taken: `NOT_TXT`, `SUBFOLDER`, `FILE_TOO_LARGE`, `UNREADABLE`, … */
  code?: string;
  message?: string;
}

/** The seeds folder as read by `io/seeds.ts`. */
export interface SeedFolder {
  /** Folder as given on the command line, for messages. */
  dir: string;
  entries: SeedEntry[];
  /** Text of manifest.json, or null when there is none. */
  manifestText: string | null;
}

/** Raw articles to clean, and an outcome for every entry not taken. */
export interface IngestResult {
  raws: { raw: RawArticle; outcome: FileOutcome }[];
  rejected: FileOutcome[];
}

/** Decodes every readable `.txt` entry and attaches its manifest entry. */
export function ingest(folder: SeedFolder): IngestResult {
  const manifest = planIngest(folder);
  const result: IngestResult = { raws: [], rejected: [] };
  for (const e of sortedEntries(folder)) {
    const r = ingestEntry(e, manifest.get(e.name) ?? null);
    if ('rejected' in r) result.rejected.push(r.rejected);
    else result.raws.push(r);
  }
  return result;
}

/** The folder's entries in name order (the order of every per-article stage). */
export const sortedEntries = (folder: SeedFolder): SeedEntry[] => [...folder.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** Reads the manifest and checks that every file it names is in the folder; returns each file's entry. */
export function planIngest(folder: SeedFolder): Map<string, ManifestEntry> {
  const manifest = parseManifest(folder);
  const names = new Set(folder.entries.map((e) => e.name));
  for (const [file, entry] of manifest) {
    if (!names.has(file)) {
      throw new PipelineError('SEED_MANIFEST_MISSING_FILE', `entry ${entry.index} names "${file}", which is not in the seeds folder`, { file: `${folder.dir}/manifest.json`, entry: entry.index, field: 'file' }, `add the file, or remove or correct the entry`);
    }
  }
  return new Map([...manifest].map(([file, e]) => [file, e.entry]));
}

/** One entry (its bytes read, or the reason they were not) decoded into a raw article, or rejected with an outcome. Pure. */
export function ingestEntry(e: SeedEntry, manifest: ManifestEntry | null): { raw: RawArticle; outcome: FileOutcome } | { rejected: FileOutcome } {
  const outcome: FileOutcome = { file: e.name, status: 'processed', code: null, stage: null, message: null, article_id: null, bytes: e.size, sha256: e.bytes ? sha256Hex(e.bytes) : null, removed: {}, warnings: [] };
  const decoded = e.code ? { code: e.code, message: e.message ?? e.code } : e.bytes ? decode(e.bytes) : { code: 'UNREADABLE', message: 'the file could not be read; check its permissions' };
  if ('code' in decoded) {
    const ignored = ['NOT_TXT', 'SUBFOLDER', 'SYMLINK_OUTSIDE'].includes(decoded.code);
    return { rejected: { ...outcome, status: ignored ? 'ignored' : 'quarantined', code: decoded.code, stage: 'ingest', message: decoded.message } };
  }
  if (decoded.encoding !== 'utf-8') outcome.warnings.push(`DECODED_${decoded.encoding.toUpperCase().replace('-', '')}: read as ${decoded.encoding} (byte order mark)`);
  return { raw: { sourceFile: e.name, text: decoded.text, manifest }, outcome };
}

type Decoded = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { code: string; message: string };

/** Text of a file: UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused with a code. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { code: 'EMPTY_FILE', message: 'the file is empty; add the article text or remove the file' };
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes.includes(0)) return { code: 'BINARY_FILE', message: `the file holds NUL bytes (first at byte ${bytes.indexOf(0)}): it is not text; remove it from the seeds folder or save it as UTF-8` };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { code: 'INVALID_ENCODING', message: `the file is not valid ${encoding === 'utf-8' ? 'UTF-8' : encoding.toUpperCase()} (first bad byte near offset ${firstInvalidUtf8(bytes)}); convert it to UTF-8` };
  }
  if (!/[^\s\u00A0\uFEFF\u200B]/u.test(text)) return { code: 'BLANK_FILE', message: 'the file holds only white space; add the article text or remove the file' };
  return { text, encoding };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode (a prefix cut inside a character also fails,
  // so the answer is within 3 bytes of the bad one).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      dec.decode(bytes.subarray(0, mid + 1));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return Math.max(0, lo - 3);
}

interface IndexedEntry {
  index: number;
  entry: ManifestEntry;
}

function parseManifest(folder: SeedFolder): Map<string, IndexedEntry> {
  const file = `${folder.dir}/manifest.json`;
  const out = new Map<string, IndexedEntry>();
  if (folder.manifestText === null) return out;
  let json: unknown;
  try {
    json = JSON.parse(folder.manifestText);
  } catch (err) {
    const { line, column } = jsonErrorPosition(folder.manifestText, (err as Error).message);
    throw new PipelineError('SEED_MANIFEST_MALFORMED', `not valid JSON: ${(err as Error).message}`, { file, line, column }, 'correct the JSON at that place (a JSON linter shows it), or remove manifest.json: it is optional');
  }
  if (!validateManifest(json)) {
    const e = validateManifest.errors![0]!;
    const { field, message } = describeAjvError(e);
    const entry = /^\/articles\/(\d+)/.exec(e.instancePath)?.[1];
    throw new PipelineError('SEED_MANIFEST_INVALID', `${message}${e.keyword === 'additionalProperties' ? ' (unknown field)' : ''}`, { file, entry: entry === undefined ? undefined : Number(entry), field }, 'correct or remove the field; see schemas/manifest.schema.json for the fields and their forms');
  }
  const entries = (json as { articles: Record<string, unknown>[] }).articles;
  entries.forEach((a, index) => {
    const name = String(a['file']);
    if (Object.hasOwn(a, '__proto__') || name === '__proto__') {
      throw new PipelineError('SEED_MANIFEST_INVALID', 'a "__proto__" key is not allowed', { file, entry: index }, 'remove the key');
    }
    if (out.has(name)) {
      throw new PipelineError('SEED_MANIFEST_DUPLICATE', `"${name}" is described twice (first in entry ${out.get(name)!.index})`, { file, entry: index, field: 'file' }, 'merge the two entries into one');
    }
    // Manifest text gets the same normalisation as article text (well-formed UTF-16, NFC).
    const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string).toWellFormed().normalize('NFC') : null);
    out.set(name, { index, entry: { file: name, outlet: str('outlet'), url: str('url'), published_date: str('published_date'), language: str('language') } });
  });
  return out;
}

function jsonErrorPosition(text: string, message: string): { line?: number; column?: number } {
  const pos = /position (\d+)/.exec(message)?.[1];
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  if (pos === undefined) return {};
  const before = text.slice(0, Number(pos));
  const line = before.split('\n').length;
  return { line, column: Number(pos) - before.lastIndexOf('\n') };
}
