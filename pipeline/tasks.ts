/**
 * The per-article work, as the worker pool runs it: each task is a pure function of one item (the file read
 * in `prepare` aside), so any number of workers gives the same results.
 *   prepare:  read → decode → clean → the dedupe summary
 *   export:   one table of the release (export/table.ts)
 *   annotate: an article row with its final fields → its checks, and (canonical English articles) its
 *             actor mentions, quotes, actors and event reports, checked against its text
 */
import { articleRows } from './annotate.ts';
import type { ArticleRows } from './annotate.ts';
import { clean } from './clean.ts';
import { exportTable } from './export/table.ts';
import type { TableJob, TableResult } from './export/table.ts';
import { summarise } from './dedupe.ts';
import type { ArticleSummary } from './dedupe.ts';
import { ingestEntry } from './ingest.ts';
import type { SeedEntry } from './ingest.ts';
import { loadEntry } from './io/seeds.ts';
import type { CleanArticle, FileOutcome, FullArticle, ManifestEntry } from './model.ts';
import type { TableName } from './schema/tables.ts';
import { checkRow } from './validate.ts';
import type { ValidationIssue } from './validate.ts';

export interface PrepareInput {
  entry: SeedEntry;
  manifest: ManifestEntry | null;
}

export interface PrepareOutput {
  outcome: FileOutcome;
  /** The file was read and decoded as text (whatever clean then made of it). */
  decoded: boolean;
  /** The clean article and its dedupe summary; null when the file was not taken or clean quarantined it. */
  article: CleanArticle | null;
  summary: ArticleSummary | null;
}

export function prepare({ entry, manifest }: PrepareInput): PrepareOutput {
  const ingested = ingestEntry(loadEntry(entry), manifest);
  if ('rejected' in ingested) return { outcome: ingested.rejected, decoded: false, article: null, summary: null };
  const { raw, outcome } = ingested;
  const result = clean(raw);
  outcome.removed = result.removed;
  if (!result.ok) return { outcome: { ...outcome, status: 'quarantined', code: result.code, message: result.message }, decoded: true, article: null, summary: null };
  const a = result.article;
  if (a.language !== 'en') outcome.warnings.push(`NOT_ANNOTATED: language is ${a.language ?? 'undetermined'}; the annotators read English only, so the article is released without actors, quotes or events`);
  return { outcome: { ...outcome, article_id: a.article_id }, decoded: true, article: a, summary: summarise(a) };
}

export interface AnnotateInput {
  article: FullArticle;
  /** Annotate it (a canonical English article), or only check its row. */
  annotate: boolean;
}

/** A reference some row makes, with the row that makes it (for the message when it does not resolve). */
export interface RowReference {
  target: TableName;
  id: string;
  table: TableName;
  rowId: string;
  field: string;
}

export interface AnnotateOutput {
  rows: ArticleRows | null;
  issues: ValidationIssue[];
  /** Distinct references of the article's rows. */
  references: RowReference[];
}

export function annotateTask({ article, annotate }: AnnotateInput): AnnotateOutput {
  const issues: ValidationIssue[] = [];
  const refs = new Map<string, RowReference>();
  const check = (table: TableName, row: object, rowId: string) => {
    const r = checkRow(table, row as Record<string, unknown>, article.text);
    issues.push(...r.issues);
    for (const x of r.references) if (!refs.has(`${x.table}\u001f${x.id}`)) refs.set(`${x.table}\u001f${x.id}`, { target: x.table, id: x.id, table, rowId, field: x.field });
  };
  check('articles', article, article.article_id);
  const rows = annotate ? articleRows(article) : null;
  if (rows) {
    for (const m of rows.actor_mentions) check('actor_mentions', m, m.mention_id);
    for (const q of rows.quotes) check('quotes', q, q.quote_id);
  }
  return { rows, issues, references: [...refs.values()] };
}

export type Task = 'prepare' | 'annotate' | 'export';
export type TaskInput<T extends Task> = T extends 'prepare' ? PrepareInput : T extends 'annotate' ? AnnotateInput : TableJob;
export type TaskOutput<T extends Task> = T extends 'prepare' ? PrepareOutput : T extends 'annotate' ? AnnotateOutput : TableResult;

export function runTask<T extends Task>(task: T, item: TaskInput<T>): TaskOutput<T> {
  if (task === 'prepare') return prepare(item as PrepareInput) as TaskOutput<T>;
  if (task === 'annotate') return annotateTask(item as AnnotateInput) as TaskOutput<T>;
  return exportTable(item as TableJob) as TaskOutput<T>;
}
