/**
 * validate: every row against its JSON Schema, primary keys unique, references resolved (scalar and list
 * columns with `x-references`), offsets exact (`articles.text.slice(char_start, char_end) === text` in every
 * table that has them), and no contact data left in any string. Pure; returns issues as data, and the
 * orchestrator refuses to publish when there is any.
 */
import { PipelineError } from './errors.ts';
import type { ErrorPayload } from './errors.ts';
import { containsPii } from './pii.ts';
import { columnsOf, primaryKeyOf, TABLE_NAMES } from './schema/tables.ts';
import type { TableName } from './schema/tables.ts';
import type { Rows } from './types.generated.ts';
import { describeAjvError, ROW_VALIDATORS } from './validators.ts';

/** Rows of every table. */
export type Tables = { [T in TableName]: Rows[T][] };

/** One problem with one row. */
export interface ValidationIssue {
  code: 'SCHEMA' | 'DUPLICATE_KEY' | 'REFERENCE' | 'OFFSET' | 'PII';
  table: TableName;
  rowId: string;
  field: string;
  message: string;
}

/** Result of validate: valid when `issues` is empty. */
export interface ValidationResult {
  valid: boolean;
  issues: ValidationIssue[];
}

/** A reference a row makes: `id` must be a key of `table` (the target). */
export interface Reference {
  table: TableName;
  id: string;
  field: string;
}

interface TableChecks {
  pk: string;
  refs: ReturnType<typeof columnsOf>;
  stringCols: ReturnType<typeof columnsOf>;
  hasOffsets: boolean;
}

const CHECKS = new Map<TableName, TableChecks>(
  TABLE_NAMES.map((table) => {
    const cols = columnsOf(table);
    return [
      table,
      {
        pk: primaryKeyOf(table),
        refs: cols.filter((c) => c.references),
        // Free text only: ids, hashes and codes have patterns, and addresses are not text of the article.
        stringCols: cols.filter((c) => (c.kind === 'string' || c.kind === 'string[]') && !c.pattern && !c.format),
        hasOffsets: ['article_id', 'char_start', 'char_end', 'text'].every((f) => cols.some((c) => c.name === f)) && table !== 'articles',
      },
    ];
  }),
);

/**
 * Checks one row on its own: its schema, its offsets against its article's text (`articleText`: undefined when
 * the article is unknown here, null when its text is withheld) and contact data in free text. References are
 * returned, not resolved: the caller resolves them once every table is known.
 */
export function checkRow(table: TableName, row: Record<string, unknown>, articleText?: string | null): { issues: ValidationIssue[]; references: Reference[] } {
  const { pk, refs, stringCols, hasOffsets } = CHECKS.get(table)!;
  const validator = ROW_VALIDATORS[table];
  const rowId = String(row[pk]);
  const issues: ValidationIssue[] = [];
  const references: Reference[] = [];
  if (!validator(row)) {
    for (const e of validator.errors ?? []) issues.push({ code: 'SCHEMA', table, rowId, ...describeAjvError(e) });
    return { issues, references };
  }
  for (const col of refs) {
    const value = row[col.name];
    const values = Array.isArray(value) ? value : value === null ? [] : [value];
    for (const v of values) references.push({ table: col.references!.table, id: String(v), field: col.name });
  }
  // Where the article text is withheld (public profile) there is nothing to check the offsets against.
  if (hasOffsets && typeof articleText === 'string') {
    const span = articleText.slice(row['char_start'] as number, row['char_end'] as number);
    if (span !== row['text']) issues.push({ code: 'OFFSET', table, rowId, field: 'char_start', message: `articles.text[${String(row['char_start'])}:${String(row['char_end'])}] is ${JSON.stringify(span.slice(0, 60))}, not the row's text ${JSON.stringify(String(row['text']).slice(0, 60))}` });
  }
  for (const col of stringCols) {
    const v = row[col.name];
    const texts = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    if (texts.some((t) => containsPii(String(t)))) issues.push({ code: 'PII', table, rowId, field: col.name, message: 'holds an e-mail address or telephone number' });
  }
  return { issues, references };
}

/** The issue of a primary key seen twice. */
export const duplicateKey = (table: TableName, id: string, field: string): ValidationIssue => ({ code: 'DUPLICATE_KEY', table, rowId: id, field, message: `primary key "${id}" appears more than once` });

/** The issue of a reference whose target key does not exist. */
export const unresolved = (table: TableName, rowId: string, r: Reference): ValidationIssue => ({ code: 'REFERENCE', table, rowId, field: r.field, message: `"${r.id}" is not a ${r.table}.${primaryKeyOf(r.table)}` });

/** A reference some row makes, with the row that makes it (for the message when it does not resolve). */
export interface RowReference {
  target: TableName;
  id: string;
  table: TableName;
  rowId: string;
  field: string;
}

/**
 * Distinct references by target key, each with the first row that made it: bounded by the sizes of the target
 * tables, not by the rows that refer to them. Resolved once every table is known.
 */
export class ReferenceSet {
  private readonly refs = new Map<string, RowReference>();

  add(r: RowReference): void {
    const k = `${r.target}\u001f${r.id}`;
    if (!this.refs.has(k)) this.refs.set(k, r);
  }

  /** The references of one row, as `checkRow` returns them. */
  addRow(table: TableName, rowId: string, references: Reference[]): void {
    for (const x of references) this.add({ target: x.table, id: x.id, table, rowId, field: x.field });
  }

  values(): RowReference[] {
    return [...this.refs.values()];
  }

  /** An issue for every reference whose target key `has` does not know. */
  unresolved(has: (table: TableName, id: string) => boolean): ValidationIssue[] {
    return this.values()
      .filter((r) => !has(r.target, r.id))
      .map((r) => unresolved(r.table, r.rowId, { table: r.target, id: r.id, field: r.field }));
  }

  clear(): void {
    this.refs.clear();
  }
}

/** Validates all tables together (rows in memory). */
export function validate(tables: Tables): ValidationResult {
  const issues: ValidationIssue[] = [];
  const keys = new Map<TableName, Set<string>>();
  const texts = new Map<string, string | null>();
  for (const table of TABLE_NAMES) {
    const pk = primaryKeyOf(table);
    const seen = new Set<string>();
    for (const row of tables[table] as unknown as Record<string, unknown>[]) {
      const id = String(row[pk]);
      if (seen.has(id)) issues.push(duplicateKey(table, id, pk));
      seen.add(id);
      if (table === 'articles') texts.set(id, (row['text'] as string | null) ?? null);
    }
    keys.set(table, seen);
  }
  for (const table of TABLE_NAMES) {
    const pk = primaryKeyOf(table);
    for (const row of tables[table] as unknown as Record<string, unknown>[]) {
      const rowId = String(row[pk]);
      const checked = checkRow(table, row, texts.get(String(row['article_id'])));
      issues.push(...checked.issues);
      for (const r of checked.references) if (!keys.get(r.table)!.has(r.id)) issues.push(unresolved(table, rowId, r));
    }
  }
  return { valid: issues.length === 0, issues };
}

/** Raised when validation fails: the release is not written. */
export class ValidationFailed extends PipelineError {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    const first = issues[0]!;
    super('RELEASE_INVALID', `${issues.length} validation issue(s); first: ${first.code} ${first.message}`, { table: first.table, rowId: first.rowId, field: first.field }, 'fix the stage that produced the row (the issue list names each one); nothing was written');
    this.issues = issues;
  }
}

/** The error a worker thread raised, rebuilt on this side with its class. */
export function fromPayload(p: ErrorPayload): Error {
  if ('message' in p) return new Error(p.message);
  const e = p.pipeline;
  return e.issues ? new ValidationFailed(e.issues as ValidationIssue[]) : new PipelineError(e.code, e.what, e.where, e.fix, e.exitCode);
}
