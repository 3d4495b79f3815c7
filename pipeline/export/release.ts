/**
 * Writes a release folder: data files in three formats, schemas, run report, the explorer (a static page that
 * browses the release), datapackage.json, DATASHEET.md, CHANGELOG.md, changes/ and SHA256SUMS. Everything goes into `<out>/.tmp-v<version>-<pid>`
 * first; only a complete folder is renamed to `<out>/v<version>`, so a failed or killed run never leaves a
 * partial release. A released version is immutable: rebuilding it with the same bytes changes nothing,
 * with different bytes is refused until the version is bumped.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExplorer } from '../../explorer/build.ts';
import { TABLE_NAMES } from '../schema/tables.ts';
import type { TableName } from '../schema/tables.ts';
import { sha256sums } from './checksums.ts';
import { buildDatapackage } from './datapackage.ts';
import type { DataFile, DatasetMeta, PageFile } from './datapackage.ts';
import { renderDatasheet } from './datasheet.ts';
import { buildCard, buildCitation, buildCroissant, buildLicense } from './metadata.ts';
import { bumpBetween, changelogEntry, compareVersions, fieldChanges, requiredBump } from './changes.ts';
import type { ChangeSummary, TableChanges, VersionData } from './changes.ts';
import { PipelineError } from '../errors.ts';
import { SCHEMAS } from '../schema/tables.ts';
import type { TableSchema } from '../schema/tables.ts';
import type { TableSource } from './spool.ts';
import { digest, exportTable, FORMATS } from './table.ts';
import { isAlive } from '../io/scratch.ts';
import { sha256Hex } from '../hash.ts';
import type { TableJob, TableResult } from './table.ts';
import type { RunReport } from './report.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export interface ReleaseInput {
  outDir: string;
  meta: DatasetMeta;
  /** Every table's rows. */
  tables: Record<TableName, TableSource>;
  /** `public`: rows are released as the public profile has them (and checked again). */
  profile?: 'full' | 'public';
  /** Runs the per-table jobs (on worker threads, say); results in job order. Default: one after another here. */
  exportTables?: (jobs: TableJob[]) => Promise<TableResult[]>;
  report: RunReport;
  datasheetTemplate: string;
  changelogTemplate: string;
  /** Called after each file is written (`file:<path>`) and before the swap into place (`swap`). */
  onStep?: (step: string) => void;
}

/** Writes the release and returns its folder, every file in it (relative paths, sorted) and whether it already existed unchanged. */
export async function writeRelease(input: ReleaseInput): Promise<{ dir: string; files: string[]; unchanged: boolean }> {
  const { outDir, meta, tables, report } = input;
  mkdirSync(outDir, { recursive: true });
  removeStale(outDir);
  const previous = readPreviousVersion(outDir, meta.version);
  const final = path.join(outDir, `v${meta.version}`);
  const tmp = path.join(outDir, `.tmp-v${meta.version}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    const createdBy = `${meta.name} ${meta.version} (hyparquet-writer)`;
    const dataFiles: DataFile[] = [];
    const changes: Record<string, TableChanges> = {};
    for (const f of [...FORMATS, 'changes']) mkdirSync(path.join(tmp, f));
    // Tables of this version, then tables only the previous version had (all their rows are removed).
    const names = [...new Set<string>([...TABLE_NAMES, ...Object.keys(previous?.schemas ?? {})])] as TableName[];
    const jobs: TableJob[] = names.map((table) => ({
      table,
      source: (tables as Partial<Record<TableName, TableSource>>)[table] ?? null,
      dir: tmp,
      createdBy,
      profile: input.profile ?? 'full',
      previous: previous ? { jsonl: previous.jsonl(table), key: SCHEMAS[table]?.['x-primaryKey'] ?? previous.schemas[table]?.['x-primaryKey'] ?? 'id' } : null,
    }));
    const results = await (input.exportTables ?? (async (js: TableJob[]) => js.map(exportTable)))(jobs);
    let date: string | null = null;
    for (const r of results) {
      changes[r.table] = { ...r.changes, ...fieldChanges(previous?.schemas[r.table], SCHEMAS[r.table]) };
      if (r.latestDate && (!date || r.latestDate > date)) date = r.latestDate;
      if (!(tables as Partial<Record<TableName, TableSource>>)[r.table]) continue;
      for (const f of r.files) {
        const rel = `${f.format}/${r.table}.${f.format}`;
        dataFiles.push({ table: r.table, format: f.format, path: rel, bytes: f.bytes, sha256: f.sha256 });
        input.onStep?.(`file:${rel}`);
      }
    }
    const summary: ChangeSummary = { version: meta.version, previous_version: previous?.version ?? null, required_bump: requiredBump(!!previous, changes), tables: changes };
    const order = ['none', 'patch', 'minor', 'major'];
    if (previous && order.indexOf(bumpBetween(previous.version, meta.version)) < order.indexOf(summary.required_bump)) {
      throw new PipelineError('VERSION_BUMP_TOO_SMALL', `version ${meta.version} after ${previous.version} is a ${bumpBetween(previous.version, meta.version)} bump, but the changes need ${summary.required_bump} (${JSON.stringify(summary.tables)})`, { file: 'pipeline/metadata/dataset.json', field: 'version' }, 'raise the version as CHANGELOG.md says: MAJOR for removed or changed fields or removed rows, MINOR for added rows or fields, PATCH for changed rows');
    }
    mkdirSync(path.join(tmp, 'schemas'));
    for (const f of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) copyFileSync(path.join(SCHEMA_DIR, f), path.join(tmp, 'schemas', f));
    writeFileSync(path.join(tmp, 'run-report.json'), `${JSON.stringify(report, null, 2)}\n`);
    const pages = writeExplorer(tmp);
    writeFileSync(path.join(tmp, 'datapackage.json'), `${JSON.stringify(buildDatapackage(meta, dataFiles, date, pages), null, 2)}\n`);
    writeFileSync(path.join(tmp, 'croissant.json'), `${JSON.stringify(buildCroissant(meta, dataFiles, date), null, 2)}\n`);
    writeFileSync(path.join(tmp, 'CITATION.cff'), buildCitation(meta, date));
    writeFileSync(path.join(tmp, 'README.md'), buildCard(meta, report, date));
    writeFileSync(path.join(tmp, 'LICENSE'), buildLicense(meta));
    writeFileSync(path.join(tmp, 'DATASHEET.md'), renderDatasheet(input.datasheetTemplate, report));
    // A first release has no previous version to diff against: its summary says so, and no diff repeats the data.
    writeFileSync(path.join(tmp, 'changes', 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(path.join(tmp, 'CHANGELOG.md'), renderChangelog(input.changelogTemplate, [changelogEntry(summary), ...(previous?.changelog ?? [])]));
    // Data files were hashed as they were written; the rest are small.
    const known = new Map(dataFiles.map((f) => [f.path, f.sha256]));
    const files = listFiles(tmp);
    const sums = files.map((p) => ({ path: p, sha256: known.get(p) ?? digest(path.join(tmp, p)).sha256 }));
    const sumsText = sha256sums(sums);
    writeFileSync(path.join(tmp, 'SHA256SUMS'), sumsText);
    input.onStep?.('swap');
    if (existsSync(final)) {
      const differing = differences(new Map([...sums.map((s): [string, string] => [s.path, s.sha256]), ['SHA256SUMS', sha256Hex(sumsText)]]), final);
      rmSync(tmp, { recursive: true, force: true });
      if (differing.length) {
        throw new PipelineError('RELEASE_IMMUTABLE', `${final} is released and this run would change ${differing.length} file(s): ${differing.slice(0, 5).join(', ')}${differing.length > 5 ? ', …' : ''}`, { file: final }, 'bump the version in pipeline/metadata/dataset.json (CHANGELOG.md says which part); a version folder that was never published may instead be deleted and rebuilt');
      }
      return { dir: final, files: listFiles(final), unchanged: true };
    }
    renameSync(tmp, final);
    return { dir: final, files: listFiles(final), unchanged: false };
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** The explorer (explorer/build.ts: the same bytes on every run) in `<dir>/explorer/`; its files as the datapackage lists them. */
function writeExplorer(dir: string): PageFile[] {
  mkdirSync(path.join(dir, 'explorer'));
  return buildExplorer().map((f) => {
    writeFileSync(path.join(dir, 'explorer', f.path), f.bytes);
    return { path: `explorer/${f.path}`, bytes: f.bytes.length, sha256: sha256Hex(f.bytes), mediatype: f.mediatype };
  });
}

/** Removes temporary folders left by runs that were killed (their process is gone). */
function removeStale(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    const m = /^\.tmp-v[^-]+-(\d+)$/.exec(name);
    if (m && (Number(m[1]) === process.pid || !isAlive(Number(m[1])))) rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

/**
 * Files that differ between the release just built (its files' hashes) and a released folder: missing on either
 * side, or different bytes. The released files are hashed a megabyte at a time: a table can be gigabytes.
 */
function differences(built: Map<string, string>, released: string): string[] {
  const have = listFiles(released);
  const all = [...new Set([...built.keys(), ...have])].sort();
  return all.filter((f) => !built.has(f) || !have.includes(f) || built.get(f) !== digest(path.join(released, f)).sha256);
}

/** The highest released version below `version` in `outDir`, with its schemas, JSON Lines files and changelog entries. */
function readPreviousVersion(outDir: string, version: string): (VersionData & { changelog: string[] }) | null {
  const versions = readdirSync(outDir)
    .map((n) => /^v(\d+\.\d+\.\d+)$/.exec(n)?.[1])
    .filter((v): v is string => !!v && compareVersions(v, version) < 0)
    .sort(compareVersions);
  const prev = versions[versions.length - 1];
  if (!prev) return null;
  const dir = path.join(outDir, `v${prev}`);
  const schemas: VersionData['schemas'] = {};
  for (const f of readdirSync(path.join(dir, 'schemas'))) {
    const t = f.replace(/\.schema\.json$/, '') as keyof typeof schemas;
    if (t === ('manifest' as string)) continue;
    schemas[t] = JSON.parse(readFileSync(path.join(dir, 'schemas', f), 'utf8')) as TableSchema;
  }
  // Rows are read when the diff reaches their table, a megabyte at a time.
  const jsonl = (t: TableName) => {
    const f = path.join(dir, 'jsonl', `${t}.jsonl`);
    return existsSync(f) ? f : null;
  };
  const log = existsSync(path.join(dir, 'CHANGELOG.md')) ? readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8') : '';
  const block = /<!-- BEGIN GENERATED: changelog -->\n([\s\S]*?)\n<!-- END GENERATED: changelog -->/.exec(log)?.[1] ?? '';
  const changelog = block ? block.split(/\n(?=## )/) : [];
  return { version: prev, schemas, jsonl, changelog };
}

/** CHANGELOG.md: the hand-written rule with the generated entries, newest first. */
export function renderChangelog(template: string, entries: string[]): string {
  const re = /(<!-- BEGIN GENERATED: changelog -->)[\s\S]*?(<!-- END GENERATED: changelog -->)/;
  if (!re.test(template)) throw new PipelineError('CHANGELOG_MARKER_MISSING', 'CHANGELOG.md has no generated block', { file: 'CHANGELOG.md' }, 'put "<!-- BEGIN GENERATED: changelog -->" and "<!-- END GENERATED: changelog -->" on lines of their own');
  return template.replace(re, (_m, a: string, b: string) => `${a}\n${entries.map((e) => e.trim()).join('\n\n')}\n${b}`);
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
