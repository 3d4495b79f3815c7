/**
 * Row-level changes between two versions of the dataset: schema fields added, removed or changed, and per table
 * the rows added, removed, changed (with each changed field's old and new value) and unchanged, keyed by primary
 * key. Also the smallest version bump the changes allow (CHANGELOG.md: MAJOR for schema or id breaks, MINOR for
 * added rows or fields, PATCH for corrections and metadata). Pure.
 */
import type { TableName, TableSchema } from '../schema/tables.ts';

type Row = Record<string, unknown>;

/** A released version: its schemas, and where its JSON Lines file of a table is (null: no such table). */
export interface VersionData {
  version: string;
  schemas: Partial<Record<TableName, TableSchema>>;
  jsonl: (table: TableName) => string | null;
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

/** Schema-level changes of one table between two versions. */
export function fieldChanges(oldSchema: TableSchema | undefined, newSchema: TableSchema | undefined): Pick<TableChanges, 'fields_added' | 'fields_removed' | 'fields_changed'> {
  const oldProps = oldSchema?.properties ?? {};
  const newProps = newSchema?.properties ?? {};
  return {
    fields_added: Object.keys(newProps).filter((f) => !(f in oldProps)),
    fields_removed: Object.keys(oldProps).filter((f) => !(f in newProps)),
    fields_changed: Object.keys(newProps).filter((f) => f in oldProps && !same(oldProps[f], newProps[f])),
  };
}

/**
 * Row changes of one table, as a merge of two streams sorted by primary key: the previous version's rows
 * (`previous`) and this version's, given one at a time to `add` in key order. Every diff line goes to `emit`
 * in key order as soon as it is known, so neither version is ever held in memory.
 */
export class RowDiff {
  added = 0;
  removed = 0;
  changed = 0;
  unchanged = 0;
  private readonly prev: Iterator<[string, Row]> | null;
  private head: [string, Row] | null = null;
  private last: string | null = null;
  private readonly emit: (line: DiffLine) => void;

  constructor(previous: Iterable<[string, Row]> | null, emit: (line: DiffLine) => void) {
    this.prev = previous ? previous[Symbol.iterator]() : null;
    this.emit = emit;
    this.advance();
  }

  private advance(): void {
    const n = this.prev?.next();
    const next = n && !n.done ? n.value : null;
    if (next && this.head && next[0] <= this.head[0]) throw new Error(`previous version's rows are not sorted by key at "${next[0]}"`);
    this.head = next;
  }

  /** This version's next row; ids must come in ascending order. */
  add(id: string, row: Row): void {
    if (this.last !== null && id <= this.last) throw new Error(`rows are not sorted by key at "${id}"`);
    this.last = id;
    while (this.head && this.head[0] < id) this.drop();
    if (!this.head || this.head[0] !== id) {
      this.added++;
      this.emit({ op: 'add', id, row });
      return;
    }
    const old = this.head[1];
    this.advance();
    const fields: Record<string, { from: unknown; to: unknown }> = {};
    for (const f of new Set([...Object.keys(old), ...Object.keys(row)])) if (!same(old[f], row[f])) fields[f] = { from: old[f] ?? null, to: row[f] ?? null };
    if (Object.keys(fields).length) {
      this.changed++;
      this.emit({ op: 'change', id, fields });
    } else this.unchanged++;
  }

  private drop(): void {
    this.removed++;
    this.emit({ op: 'remove', id: this.head![0] });
    this.advance();
  }

  /** Call after the last row: the previous version's rows not seen are removed. */
  finish(): void {
    while (this.head) this.drop();
  }
}

/** The smallest bump that the changes of every table allow (none for a first release). */
export function requiredBump(hasPrevious: boolean, tables: Record<string, TableChanges>): ChangeSummary['required_bump'] {
  if (!hasPrevious) return 'none';
  const all = Object.values(tables);
  if (all.some((c) => c.fields_removed.length || c.fields_changed.length || c.removed)) return 'major';
  if (all.some((c) => c.added || c.fields_added.length)) return 'minor';
  return all.some((c) => c.changed) ? 'patch' : 'none';
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
