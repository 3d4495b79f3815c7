/**
 * The per-article work, as the worker pool runs it: each task is a pure function of one item (the file read
 * in `prepare` aside), so any number of workers gives the same results.
 *   prepare:  read → decode → clean → the dedupe summary
 *   export:   one table of the release (export/table.ts)
 *   annotate: a stored article with its final fields → its checked row, and (canonical English articles)
 *             its actor mentions and quotes, checked against its text, with its actors and event reports
 * An exception while cleaning, annotating or checking one item is caught here, for that item alone, and comes
 * back as the article's failure (failure.ts): a worker never fails a batch because of one article.
 */
import { articleRows } from './annotate.ts';
import type { ArticleRows } from './annotate.ts';
import { checkedAnnotation, checkedRow } from './checked.ts';
import type { CheckedAnnotation, CheckedRow } from './checked.ts';
import { PipelineError } from './errors.ts';
import { failpoint, failureOf } from './failure.ts';
import type { ArticleFailure, FailStage } from './failure.ts';
import { clean } from './clean.ts';
import { exportTable } from './export/table.ts';
import type { TableJob, TableResult } from './export/table.ts';
import { summarise, summaryProblems } from './dedupe.ts';
import type { ArticleSummary, DedupeFields } from './dedupe.ts';
import { ingestEntry } from './ingest.ts';
import type { SeedEntry } from './ingest.ts';
import { loadEntry } from './io/seeds.ts';
import type { CleanArticle, DedupedArticle, FileOutcome, FullArticle, ManifestEntry } from './model.ts';
import { ArticleStore } from './io/stores.ts';
import type { StoreRef } from './io/stores.ts';

export interface PrepareInput {
  entry: SeedEntry;
  manifest: ManifestEntry | null;
  /** Failpoint (testing): throw at this stage. */
  fail?: FailStage;
}

export interface PrepareOutput {
  outcome: FileOutcome;
  /** The file was read and decoded as text (whatever clean then made of it). */
  decoded: boolean;
  /** The clean article (its id, file, and itself as JSON, to store) and its dedupe summary; null when the file was not taken or clean quarantined it. */
  article: { id: string; file: string; json: string } | null;
  summary: ArticleSummary | null;
}

/** Reads, decodes and cleans one file and summarises it for dedupe; any exception quarantines the file (CLEAN_FAILED). */
export function prepare({ entry, manifest, fail }: PrepareInput): PrepareOutput {
  let outcome: FileOutcome | null = null;
  try {
    const ingested = ingestEntry(loadEntry(entry), manifest);
    if ('rejected' in ingested) return { outcome: ingested.rejected, decoded: false, article: null, summary: null };
    outcome = ingested.outcome;
    failpoint(fail, 'clean', entry.name);
    const result = clean(ingested.raw);
    outcome.removed = result.removed;
    if (!result.ok) return { outcome: { ...outcome, status: 'quarantined', code: result.code, stage: 'clean', message: result.message }, decoded: true, article: null, summary: null };
    const a = result.article;
    const summary = summarise(a);
    // Checked before it leaves: a malformed summary is this article's problem, not the corpus step's.
    const problems = summaryProblems(a.article_id, summary);
    if (problems.length) throw new PipelineError('SUMMARY_INVALID', `the dedupe summary is malformed: ${problems.join('; ')}`, { file: entry.name }, 'report the file: clean and summarise must give every article a well-formed summary');
    if (a.language !== 'en') outcome.warnings.push(`NOT_ANNOTATED: language is ${a.language ?? 'undetermined'}; the annotators read English only, so the article is released without actors, quotes or events`);
    return { outcome: { ...outcome, article_id: a.article_id }, decoded: true, article: { id: a.article_id, file: a.source_file, json: JSON.stringify(a) }, summary };
  } catch (err) {
    const f = failureOf('clean', err);
    const base: FileOutcome = outcome ?? { file: entry.name, status: 'processed', code: null, stage: null, message: null, article_id: null, bytes: entry.size, sha256: null, removed: {}, warnings: [] };
    return { outcome: { ...base, status: 'quarantined', code: f.code, stage: f.stage, message: f.message }, decoded: outcome !== null, article: null, summary: null };
  }
}

/**
 * Where clean stored the article (as JSON), or (where the task runs on another machine than the store: the
 * Ray engine) the stored JSON itself; and the fields dedupe gives it.
 */
export type AnnotateInput = ({ store: string; ref: StoreRef } | { json: string }) & {
  fields: DedupeFields;
  /** Failpoint (testing): throw at this stage. */
  fail?: FailStage;
};

export interface AnnotateOutput {
  /** What the corpus steps need of the article. */
  article: Pick<FullArticle, 'article_id' | 'outlet' | 'story_id'>;
  /** Its articles row (with `annotation_status`); null when checking the row itself failed. */
  row: CheckedRow | null;
  /** Canonical English articles whose annotation and checks went through; null otherwise. */
  annotation: CheckedAnnotation | null;
  /** Why the article was quarantined (annotate, check), or null. */
  failure: ArticleFailure | null;
}

/**
 * Reads the article clean stored, gives it its dedupe fields, annotates it when it is a canonical English
 * article, checks what that made, and checks its row. An exception while annotating or checking fails this
 * article alone: its row says `annotation_status: "failed"` and nothing else of it comes back.
 */
export function annotateTask(input: AnnotateInput): AnnotateOutput {
  const { fields, fail } = input;
  let stored: CleanArticle;
  if ('json' in input) stored = JSON.parse(input.json) as CleanArticle;
  else {
    // Opened for this one read (a few microseconds against milliseconds of annotation), so nothing stays open.
    const s = new ArticleStore(input.store, true);
    try {
      stored = s.readArticle(input.ref);
    } finally {
      s.close();
    }
  }
  const article: DedupedArticle = { ...stored, ...fields };
  let failure: ArticleFailure | null = null;
  let annotation: CheckedAnnotation | null = null;
  if (article.duplicate_of === null && article.language === 'en') {
    let rows: ArticleRows | null = null;
    try {
      failpoint(fail, 'annotate', article.source_file);
      rows = articleRows(article);
    } catch (err) {
      failure = failureOf('annotate', err);
    }
    try {
      if (rows) {
        failpoint(fail, 'check', article.source_file);
        annotation = checkedAnnotation(article, rows);
      }
    } catch (err) {
      failure = failureOf('check', err);
    }
  }
  const status: FullArticle['annotation_status'] = failure ? 'failed' : annotation ? 'annotated' : 'not_annotated';
  let row: CheckedRow | null = null;
  try {
    row = checkedRow({ ...article, annotation_status: status });
  } catch (err) {
    // Not even its row can be vouched for: the article leaves the release (the run report says why).
    failure = failureOf('check', err, 'checking its articles row (the article has no row): ');
    annotation = null;
  }
  return { article: { article_id: article.article_id, outlet: article.outlet, story_id: article.story_id }, row, annotation, failure };
}

export type Task = 'prepare' | 'annotate' | 'export';
export type TaskInput<T extends Task> = T extends 'prepare' ? PrepareInput : T extends 'annotate' ? AnnotateInput : TableJob;
export type TaskOutput<T extends Task> = T extends 'prepare' ? PrepareOutput : T extends 'annotate' ? AnnotateOutput : TableResult;

export function runTask<T extends Task>(task: T, item: TaskInput<T>): TaskOutput<T> {
  if (task === 'prepare') return prepare(item as PrepareInput) as TaskOutput<T>;
  if (task === 'annotate') return annotateTask(item as AnnotateInput) as TaskOutput<T>;
  return exportTable(item as TableJob) as TaskOutput<T>;
}
