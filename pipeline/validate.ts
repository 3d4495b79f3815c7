/**
 * validate: every row against its JSON Schema, primary keys unique, references resolved (scalar and list
 * columns with `x-references`), offsets exact (`articles.text.slice(char_start, char_end) === text` in every
 * table that has them), and no contact data left in any string. Pure; returns issues as data, and the
 * orchestrator refuses to publish when there is any.
 */
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

/** Validates all tables together. */
export function validate(tables: Tables): ValidationResult {
  const issues: ValidationIssue[] = [];
  const keys = new Map<TableName, Map<string, Record<string, unknown>>>();
  for (const table of TABLE_NAMES) {
    const pk = primaryKeyOf(table);
    const byKey = new Map<string, Record<string, unknown>>();
    for (const row of tables[table] as unknown as Record<string, unknown>[]) {
      const id = String(row[pk]);
      if (byKey.has(id)) issues.push({ code: 'DUPLICATE_KEY', table, rowId: id, field: pk, message: `primary key "${id}" appears more than once` });
      byKey.set(id, row);
    }
    keys.set(table, byKey);
  }

  for (const table of TABLE_NAMES) {
    const validator = ROW_VALIDATORS[table];
    const pk = primaryKeyOf(table);
    const cols = columnsOf(table);
    const refs = cols.filter((c) => c.references);
    // Free text only: ids, hashes and codes have patterns, and addresses are not text of the article.
    const stringCols = cols.filter((c) => (c.kind === 'string' || c.kind === 'string[]') && !c.pattern && !c.format);
    const hasOffsets = ['article_id', 'char_start', 'char_end', 'text'].every((f) => cols.some((c) => c.name === f)) && table !== 'articles';
    for (const row of tables[table] as unknown as Record<string, unknown>[]) {
      const rowId = String(row[pk]);
      if (!validator(row)) {
        for (const e of validator.errors ?? []) issues.push({ code: 'SCHEMA', table, rowId, ...describeAjvError(e) });
        continue;
      }
      for (const col of refs) {
        const target = keys.get(col.references!.table)!;
        const value = row[col.name];
        const values = Array.isArray(value) ? value : value === null ? [] : [value];
        for (const v of values) {
          if (!target.has(String(v))) issues.push({ code: 'REFERENCE', table, rowId, field: col.name, message: `"${String(v)}" is not a ${col.references!.table}.${col.references!.field}` });
        }
      }
      if (hasOffsets) {
        const article = keys.get('articles')!.get(String(row['article_id']));
        const span = article ? String(article['text']).slice(row['char_start'] as number, row['char_end'] as number) : undefined;
        // Where the article text is withheld (public profile) there is nothing to check the offsets against.
        if (article && article['text'] !== null && span !== row['text']) {
          issues.push({ code: 'OFFSET', table, rowId, field: 'char_start', message: `articles.text[${String(row['char_start'])}:${String(row['char_end'])}] is ${JSON.stringify(span?.slice(0, 60))}, not the row's text ${JSON.stringify(String(row['text']).slice(0, 60))}` });
        }
      }
      for (const col of stringCols) {
        const v = row[col.name];
        const texts = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
        if (texts.some((t) => containsPii(String(t)))) issues.push({ code: 'PII', table, rowId, field: col.name, message: 'holds an e-mail address or telephone number' });
      }
    }
  }
  return { valid: issues.length === 0, issues };
}
