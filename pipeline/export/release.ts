/**
 * Writes a release folder: data files in three formats, schemas, run report, datapackage.json,
 * DATASHEET.md and SHA256SUMS. Everything goes into `<out>/.tmp-v<version>-<pid>` first; only a complete
 * folder is renamed to `<out>/v<version>`, so a failed or killed run never leaves a partial release.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { primaryKeyOf, TABLE_NAMES } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';
import type { Tables } from '../validate.ts';
import { sha256sums } from './checksums.ts';
import { writeCsv } from './csv.ts';
import { buildDatapackage } from './datapackage.ts';
import type { DataFile, DataFormat, DatasetMeta } from './datapackage.ts';
import { renderDatasheet } from './datasheet.ts';
import { writeJsonl } from './jsonl.ts';
import { writeParquet } from './parquet.ts';
import type { RunReport } from './report.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
const FORMATS: DataFormat[] = ['csv', 'jsonl', 'parquet'];

export interface ReleaseInput {
  outDir: string;
  meta: DatasetMeta;
  tables: Tables;
  report: RunReport;
  datasheetTemplate: string;
  /** Called after each file is written (`file:<path>`) and before the swap into place (`swap`). */
  onStep?: (step: string) => void;
}

/** Writes the release and returns its folder and every file in it (relative paths, sorted). */
export async function writeRelease(input: ReleaseInput): Promise<{ dir: string; files: string[] }> {
  const { outDir, meta, tables, report } = input;
  mkdirSync(outDir, { recursive: true });
  removeStale(outDir);
  const final = path.join(outDir, `v${meta.version}`);
  const tmp = path.join(outDir, `.tmp-v${meta.version}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    const createdBy = `${meta.name} ${meta.version} (hyparquet-writer)`;
    const dataFiles: DataFile[] = [];
    for (const table of TABLE_NAMES) {
      for (const format of FORMATS) {
        const rel = `${format}/${table}.${format}`;
        mkdirSync(path.join(tmp, format), { recursive: true });
        const rows = sortedRows(table, tables);
        const file = path.join(tmp, rel);
        if (format === 'csv') await writeCsv(table, rows, file);
        else if (format === 'jsonl') await writeJsonl(table, rows, file);
        else await writeParquet(table, rows, file, createdBy);
        dataFiles.push({ table, format, path: rel, bytes: statSync(file).size, sha256: await hashFile(file) });
        input.onStep?.(`file:${rel}`);
      }
    }
    mkdirSync(path.join(tmp, 'schemas'));
    for (const f of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) copyFileSync(path.join(SCHEMA_DIR, f), path.join(tmp, 'schemas', f));
    writeFileSync(path.join(tmp, 'run-report.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(tmp, 'datapackage.json'), `${JSON.stringify(buildDatapackage(meta, dataFiles), null, 2)}\n`);
    writeFileSync(path.join(tmp, 'DATASHEET.md'), renderDatasheet(input.datasheetTemplate, report));
    const files = listFiles(tmp);
    const sums = await Promise.all(files.map(async (p) => ({ path: p, sha256: await hashFile(path.join(tmp, p)) })));
    writeFileSync(path.join(tmp, 'SHA256SUMS'), sha256sums(sums));
    input.onStep?.('swap');
    swapIntoPlace(tmp, final, input.onStep);
    return { dir: final, files: listFiles(final) };
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

function sortedRows(table: TableName, tables: Tables): object[] {
  const key = primaryKeyOf(table);
  return [...(tables[table] as unknown as Record<string, string>[])].sort((a, b) => (a[key]! < b[key]! ? -1 : a[key]! > b[key]! ? 1 : 0));
}

/** Moves a complete `tmp` folder to `final`, replacing an older copy only after the new one is in place. */
function swapIntoPlace(tmp: string, final: string, onStep?: (step: string) => void): void {
  if (!existsSync(final)) {
    renameSync(tmp, final);
    return;
  }
  // Between these two renames no v<version> folder exists; a run killed there leaves the old release in
  // .old-v<version>-<pid>, and the next run puts it back before anything else (removeStale).
  const old = `${path.dirname(final)}/.old-${path.basename(final)}-${process.pid}`;
  renameSync(final, old);
  onStep?.('mid-swap');
  renameSync(tmp, final);
  rmSync(old, { recursive: true, force: true });
}

/** Removes temporary folders left by runs that were killed (their process is gone). */
function removeStale(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    const m = /^\.(?:tmp|old)-(v[^-]+)-(\d+)$/.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && isAlive(pid)) continue;
    // An .old- folder whose final folder is missing is the last good release: put it back.
    const final = path.join(outDir, m[1]!);
    if (name.startsWith('.old-') && !existsSync(final)) renameSync(path.join(outDir, name), final);
    else rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file).on('data', (d) => h.update(d)).on('error', reject).on('end', () => resolve(h.digest('hex')));
  });
}
