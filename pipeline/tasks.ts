/**
 * The per-article work, as the worker pool runs it: each task is a pure function of one item (the file read
 * in `prepare` aside), so any number of workers gives the same results.
 *   prepare:  read → decode → clean → the dedupe summary
 *   export:   one table of the release (export/table.ts)
 *   annotate: a stored article with its final fields → its checked row, and (canonical English articles)
 *             its actor mentions and quotes, checked against its text, with its actors and event reports
 */
import { articleRows } from './annotate.ts';
import type { ArticleRows } from './annotate.ts';
import { clean } from './clean.ts';
import { exportTable } from './export/table.ts';
import type { TableJob, TableResult } from './export/table.ts';
import { summarise } from './dedupe.ts';
import type { ArticleSummary, DedupeFields } from './dedupe.ts';
import { ingestEntry } from './ingest.ts';
import type { SeedEntry } from './ingest.ts';
import { loadEntry } from './io/seeds.ts';
import type { CleanArticle, FileOutcome, FullArticle, ManifestEntry } from './model.ts';
import { jsonLine } from './export/jsonl.ts';
import { ArticleStore } from './io/stores.ts';
import type { StoreRef } from './io/stores.ts';
import { checkRow, ReferenceSet } from './validate.ts';
import type { RowReference, ValidationIssue } from './validate.ts';

export interface PrepareInput {
  entry: SeedEntry;
  manifest: ManifestEntry | null;
}

export interface PrepareOutput {
  outcome: FileOutcome;
  /** The file was read and decoded as text (whatever clean then made of it). */
  decoded: boolean;
  /** The clean article (its id, file, and itself as JSON, to store) and its dedupe summary; null when the file was not taken or clean quarantined it. */
  article: { id: string; file: string; json: string } | null;
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
  return { outcome: { ...outcome, article_id: a.article_id }, decoded: true, article: { id: a.article_id, file: a.source_file, json: JSON.stringify(a) }, summary: summarise(a) };
}

export interface AnnotateInput {
  /** Where clean stored the article (as JSON), and the fields dedupe gives it. */
  store: string;
  ref: StoreRef;
  fields: DedupeFields;
}

/** A table's rows of one article, serialised: `[id, JSON line]`. */
export type Lines = [string, string][];

export interface AnnotateOutput {
  /** What the corpus steps need of the article. */
  article: Pick<FullArticle, 'article_id' | 'outlet' | 'story_id'>;
  lines: { articles: Lines; actor_mentions: Lines; quotes: Lines };
  /** The article's actors and event reports (annotated articles only). */
  rows: Pick<ArticleRows, 'actors' | 'reports'> | null;
  issues: ValidationIssue[];
  /** Distinct references of the article's rows. */
  references: RowReference[];
}

/**
 * Reads the article clean stored, gives it its dedupe fields, checks its row, and annotates it when it is a
 * canonical English article. Rows come back serialised, so the main thread only files them away.
 */
export function annotateTask({ store, ref, fields }: AnnotateInput): AnnotateOutput {
  // Opened for this one read (a few microseconds against milliseconds of annotation), so nothing stays open.
  const s = new ArticleStore(store, true);
  let stored: CleanArticle;
  try {
    stored = s.readArticle(ref);
  } finally {
    s.close();
  }
  const article: FullArticle = { ...stored, ...fields };
  const issues: ValidationIssue[] = [];
  const refs = new ReferenceSet();
  const lines: AnnotateOutput['lines'] = { articles: [], actor_mentions: [], quotes: [] };
  const take = (table: 'articles' | 'actor_mentions' | 'quotes', row: object, rowId: string) => {
    const r = checkRow(table, row as Record<string, unknown>, article.text);
    issues.push(...r.issues);
    refs.addRow(table, rowId, r.references);
    lines[table].push([rowId, jsonLine(table, row)]);
  };
  take('articles', article, article.article_id);
  const annotate = article.duplicate_of === null && article.language === 'en';
  const rows = annotate ? articleRows(article) : null;
  if (rows) {
    for (const m of rows.actor_mentions) take('actor_mentions', m, m.mention_id);
    for (const q of rows.quotes) take('quotes', q, q.quote_id);
  }
  return {
    article: { article_id: article.article_id, outlet: article.outlet, story_id: article.story_id },
    lines,
    rows: rows ? { actors: rows.actors, reports: rows.reports } : null,
    issues,
    references: refs.values(),
  };
}

export type Task = 'prepare' | 'annotate' | 'export';
export type TaskInput<T extends Task> = T extends 'prepare' ? PrepareInput : T extends 'annotate' ? AnnotateInput : TableJob;
export type TaskOutput<T extends Task> = T extends 'prepare' ? PrepareOutput : T extends 'annotate' ? AnnotateOutput : TableResult;

export function runTask<T extends Task>(task: T, item: TaskInput<T>): TaskOutput<T> {
  if (task === 'prepare') return prepare(item as PrepareInput) as TaskOutput<T>;
  if (task === 'annotate') return annotateTask(item as AnnotateInput) as TaskOutput<T>;
  return exportTable(item as TableJob) as TaskOutput<T>;
}
