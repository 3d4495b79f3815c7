/**
 * Row-level changes between two versions of the dataset: schema fields added, removed or changed, and per table
 * the rows added, removed, changed (with each changed field's old and new value) and unchanged, keyed by primary
 * key. Also the smallest version bump the changes allow (CHANGELOG.md: MAJOR for schema or id breaks, MINOR for
 * added rows or fields, PATCH for corrections and metadata). Pure.
 */
import { primaryKeyOf, TABLE_NAMES } from '../schema/tables.ts';
import type { TableName, TableSchema } from '../schema/tables.ts';

type Row = Record<string, unknown>;

/** A version's rows and schemas, as read from its release folder (or as just built). */
export interface VersionData {
  version: string;
  schemas: Partial<Record<TableName, TableSchema>>;
  rows: Partial<Record<TableName, Row[]>>;
}

export interface TableChanges {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  fields_added: string[];
  fields_removed: string[];
  fields_changed: string[];
}

export interface ChangeSummary {
  version: string;
  previous_version: string | null;
  /** The smallest bump these changes allow. */
  required_bump: 'major' | 'minor' | 'patch' | 'none';
  tables: Record<string, TableChanges>;
}

/** One line of `changes/<table>.jsonl`. */
export type DiffLine =
  | { op: 'add'; id: string; row: Row }
  | { op: 'remove'; id: string }
  | { op: 'change'; id: string; fields: Record<string, { from: unknown; to: unknown }> };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Changes from `prev` (null for a first release) to `next`. */
export function diffVersions(prev: VersionData | null, next: VersionData): { summary: ChangeSummary; diffs: Record<string, DiffLine[]> } {
  const tables: Record<string, TableChanges> = {};
  const diffs: Record<string, DiffLine[]> = {};
  let major = false;
  let minor = false;
  let patch = false;
  const names = [...new Set([...TABLE_NAMES, ...Object.keys(prev?.schemas ?? {})])] as TableName[];
  for (const t of names) {
    const oldProps = prev?.schemas[t]?.properties ?? {};
    const newProps = next.schemas[t]?.properties ?? {};
    const fields_added = Object.keys(newProps).filter((f) => !(f in oldProps));
    const fields_removed = Object.keys(oldProps).filter((f) => !(f in newProps));
    const fields_changed = Object.keys(newProps).filter((f) => f in oldProps && !same(oldProps[f], newProps[f]));
    const pk = primaryKeyOf(t in next.schemas ? t : 'articles');
    const key = next.schemas[t]?.['x-primaryKey'] ?? prev?.schemas[t]?.['x-primaryKey'] ?? pk;
    const before = new Map((prev?.rows[t] ?? []).map((r) => [String(r[key]), r]));
    const after = new Map((next.rows[t] ?? []).map((r) => [String(r[key]), r]));
    const lines: DiffLine[] = [];
    let changed = 0;
    let unchanged = 0;
    for (const [id, row] of after) {
      const old = before.get(id);
      if (!old) {
        lines.push({ op: 'add', id, row });
        continue;
      }
      const fields: Record<string, { from: unknown; to: unknown }> = {};
      for (const f of new Set([...Object.keys(old), ...Object.keys(row)])) if (!same(old[f], row[f])) fields[f] = { from: old[f] ?? null, to: row[f] ?? null };
      if (Object.keys(fields).length) {
        changed++;
        lines.push({ op: 'change', id, fields });
      } else unchanged++;
    }
    const removedIds = [...before.keys()].filter((id) => !after.has(id));
    for (const id of removedIds) lines.push({ op: 'remove', id });
    lines.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const added = after.size - changed - unchanged;
    tables[t] = { added, removed: removedIds.length, changed, unchanged, fields_added, fields_removed, fields_changed };
    diffs[t] = lines;
    if (prev && (fields_removed.length || fields_changed.length || removedIds.length)) major = true;
    if (added || fields_added.length) minor = true;
    if (changed) patch = true;
  }
  const required_bump = !prev ? 'none' : major ? 'major' : minor ? 'minor' : patch ? 'patch' : 'none';
  return { summary: { version: next.version, previous_version: prev?.version ?? null, required_bump, tables }, diffs };
}

/** The bump between two semver strings: `major`, `minor`, `patch`, or `none` when not higher. */
export function bumpBetween(from: string, to: string): 'major' | 'minor' | 'patch' | 'none' {
  const [a, b] = [from, to].map((v) => v.split('.').map(Number)) as [number[], number[]];
  if (b[0]! > a[0]!) return 'major';
  if (b[0] === a[0] && b[1]! > a[1]!) return 'minor';
  if (b[0] === a[0] && b[1] === a[1] && b[2]! > a[2]!) return 'patch';
  return 'none';
}

/** Semver order of version strings ("0.10.0" after "0.9.0"). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number)) as [number[], number[]];
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
}

/** A CHANGELOG.md entry for a summary. */
export function changelogEntry(s: ChangeSummary): string {
  const lines = [`## ${s.version}`, ''];
  if (!s.previous_version) lines.push('First release.', '');
  else lines.push(`Changes from ${s.previous_version} (smallest bump allowed: ${s.required_bump}).`, '');
  lines.push('| table | added | removed | changed | unchanged | fields added | fields removed | fields changed |', '| --- | ---: | ---: | ---: | ---: | --- | --- | --- |');
  for (const [t, c] of Object.entries(s.tables)) lines.push(`| ${t} | ${c.added} | ${c.removed} | ${c.changed} | ${c.unchanged} | ${c.fields_added.join(', ') || '—'} | ${c.fields_removed.join(', ') || '—'} | ${c.fields_changed.join(', ') || '—'} |`);
  lines.push('', `Row-level diffs: \`changes/<table>.jsonl\` in the release folder.`);
  return lines.join('\n');
}
