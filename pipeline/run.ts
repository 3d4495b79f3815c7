/**
 * The pipeline, in order. This is the only module that knows the stage sequence:
 *   ingest → clean → dedupe → annotate → validate → export
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { annotatable, annotate, annotateArticle } from './annotate.ts';
import type { ArticleAnnotation } from './annotate.ts';
import { availableParallelism } from 'node:os';
import { createPool } from './io/pool.ts';
import type { Pool } from './io/pool.ts';
import type { CleanResult } from './clean.ts';
import { clean } from './clean.ts';
import { dedupe } from './dedupe.ts';
import { PipelineError } from './errors.ts';
import type { DatasetMeta } from './export/datapackage.ts';
import { buildReport } from './export/report.ts';
import type { RunReport } from './export/report.ts';
import { writeRelease } from './export/release.ts';
import { ingest } from './ingest.ts';
import { readSeedFolder } from './io/seeds.ts';
import datasetMeta from './metadata/dataset.json' with { type: 'json' };
import type { CleanArticle, FileOutcome, FullArticle, RawArticle } from './model.ts';
import type { RunOptions } from './options.ts';
import { validate } from './validate.ts';
import { toPublic } from './export/profile.ts';
import path from 'node:path';
import type { ValidationIssue } from './validate.ts';
import { memorySource } from './export/spool.ts';
import type { TableSource } from './export/spool.ts';
import { TABLE_NAMES } from './schema/tables.ts';
import type { TableName } from './schema/tables.ts';

const DATASHEET = fileURLToPath(new URL('../DATASHEET.md', import.meta.url));
const CHANGELOG = fileURLToPath(new URL('../CHANGELOG.md', import.meta.url));

/** Receives one call per finished stage (the CLI prints them). */
export type Progress = (stage: string, items: number, ms: number) => void;

/** What a successful run made. */
export interface RunSummary {
  dir: string;
  files: string[];
  report: RunReport;
  /** The version existed with exactly these bytes: nothing was written. */
  unchanged: boolean;
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

/** Runs every stage and writes the release. `syncDatasheet` also refreshes the project's DATASHEET.md. */
export async function run(options: RunOptions, progress: Progress = () => {}, syncDatasheet = false, onStep?: (step: string) => void): Promise<RunSummary> {
  const timed = <T>(name: string, items: (r: T) => number, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    progress(name, items(r), performance.now() - t0);
    return r;
  };
  const meta = { ...(datasetMeta as DatasetMeta), ...(options.version ? { version: options.version } : {}) };
  const folder = timed('read', (f) => f.entries.length, () => readSeedFolder(options.seeds, options.maxBytes));
  const ingested = timed('ingest', (r) => r.raws.length, () => ingest(folder));
  const outcomes: FileOutcome[] = [...ingested.rejected];
  // Per-article stages run on worker threads when there is enough work to pay for starting them.
  const workers = options.workers || (folder.entries.length < 500 ? 1 : Math.min(2, availableParallelism()));
  const pool: Pool | null = workers > 1 ? createPool(workers) : null;
  try {
    return await finish(pool);
  } finally {
    await pool?.close();
  }

  async function finish(pool: Pool | null): Promise<RunSummary> {
  const timedAsync = async <T>(name: string, items: (r: T) => number, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    progress(name, items(r), performance.now() - t0);
    return r;
  };
  const results = await timedAsync('clean', (r) => r.length, async () => (pool ? pool.map<RawArticle, CleanResult>('clean', ingested.raws.map((x) => x.raw)) : ingested.raws.map(({ raw }) => clean(raw))));
  const cleaned = ingested.raws.map(({ outcome }, i) => ({ result: results[i]!, outcome }));
  const articles: CleanArticle[] = [];
  // Names that differ only in case are different files here, but one file on case-insensitive systems.
  const byFolded = new Map<string, string[]>();
  for (const { outcome } of cleaned) byFolded.set(outcome.file.toLowerCase(), [...(byFolded.get(outcome.file.toLowerCase()) ?? []), outcome.file]);
  for (const { result, outcome } of cleaned) {
    outcome.removed = result.removed;
    const twins = byFolded.get(outcome.file.toLowerCase())!.filter((f) => f !== outcome.file);
    if (twins.length) outcome.warnings.push(`NAME_CASE_CLASH: ${twins.join(', ')} differs only in case; both are processed, but they collide on case-insensitive file systems: rename one`);
    if (result.ok) {
      if (result.article.language !== 'en') outcome.warnings.push(`NOT_ANNOTATED: language is ${result.article.language ?? 'undetermined'}; the annotators read English only, so the article is released without actors, quotes or events`);
      articles.push(result.article);
      outcomes.push({ ...outcome, article_id: result.article.article_id });
    } else outcomes.push({ ...outcome, status: 'quarantined', code: result.code, message: result.message });
  }
  const deduped = timed('dedupe', (r) => r.articles.length, () => dedupe(articles, { near: { nearThreshold: options.nearThreshold } }));
  const fileOf = new Map(articles.map((a) => [a.article_id, a.source_file]));
  const linkOf = new Map(deduped.links.map((l) => [l.id, l]));
  for (const o of outcomes) {
    const l = o.article_id ? linkOf.get(o.article_id) : undefined;
    if (l) {
      const sim = `Jaccard ${l.jaccard.toFixed(4)}, containment ${l.containment.toFixed(4)}`;
      Object.assign(o, { status: 'duplicate', code: l.kind === 'exact' ? 'EXACT_DUPLICATE' : 'NEAR_DUPLICATE', message: `duplicate of ${fileOf.get(l.of)} (${l.of}); ${sim}` });
    }
  }
  const canonical = deduped.articles.filter((a) => a.duplicate_of === null);
  const annotations = await timedAsync('annotate', (r) => r.actors.length + r.actor_mentions.length + r.quotes.length + r.events.length, async () => {
    const per = pool ? await pool.map<FullArticle, ArticleAnnotation>('annotate', annotatable(canonical)) : annotatable(canonical).map(annotateArticle);
    return annotate(canonical, per);
  });
  const full = { articles: deduped.articles, ...annotations };
  const result = timed('validate', () => Object.values(full).reduce((n, t) => n + t.length, 0), () => validate(full));
  if (!result.valid) throw new ValidationFailed(result.issues);
  // The public profile is derived from the validated full tables, and validated again as released.
  const tables = options.profile === 'public' ? toPublic(full) : full;
  if (options.profile === 'public') {
    const again = validate(tables);
    if (!again.valid) throw new ValidationFailed(again.issues);
  }
  if (options.strict) {
    const q = outcomes.filter((o) => o.status === 'quarantined');
    if (q.length) throw new PipelineError('INPUT_QUARANTINED', `${q.length} file(s) quarantined in strict mode (first: ${q[0]!.code}: ${q[0]!.message})`, { file: q[0]!.file }, 'fix or remove the files, or run without --strict to release the rest');
  }
  const report = buildReport(meta.version, outcomes, Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length])) as Record<keyof typeof tables, number>);
  const t0 = performance.now();
  const template = readFileSync(DATASHEET, 'utf8');
  const changelog = readFileSync(CHANGELOG, 'utf8');
  const outDir = options.profile === 'public' ? path.join(options.out, 'public') : options.out;
  const sources = Object.fromEntries(TABLE_NAMES.map((t) => [t, memorySource(t, tables[t])])) as Record<TableName, TableSource>;
  const written = await writeRelease({ outDir, meta, tables: sources, report, datasheetTemplate: template, changelogTemplate: changelog, ...(onStep ? { onStep } : {}) });
  progress('export', written.files.length, performance.now() - t0);
  if (syncDatasheet && options.profile === 'full') {
    // The project's DATASHEET.md and CHANGELOG.md show what the newest release says.
    for (const [file, before] of [[DATASHEET, template], [CHANGELOG, changelog]] as const) {
      const rendered = readFileSync(`${written.dir}/${file === DATASHEET ? 'DATASHEET.md' : 'CHANGELOG.md'}`, 'utf8');
      if (rendered !== before) writeFileSync(file, rendered);
    }
  }
  return { ...written, report };
  }
}
