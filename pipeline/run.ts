/**
 * The pipeline, in order. This is the only module that knows the stage sequence:
 *   ingest → clean → dedupe → annotate → validate → export
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusAnnotations } from './annotate.ts';
import { mentionId } from './annotate/registry.ts';
import { dedupeFields, duplicateLinks, storyDecisions } from './dedupe.ts';
import type { CompactSummary } from './dedupe.ts';
import { PipelineError } from './errors.ts';
import { failpoint, failureOf, quarantine } from './failure.ts';
import type { FailStage } from './failure.ts';
import type { DatasetMeta } from './export/datapackage.ts';
import { buildReport } from './export/report.ts';
import type { RunReport } from './export/report.ts';
import { writeRelease } from './export/release.ts';
import { entriesOf, TableSpool } from './export/spool.ts';
import { jsonLine } from './export/json-line.ts';
import type { TableSource } from './export/spool.ts';
import type { TableJob, TableResult } from './export/table.ts';
import { planIngest, sortedEntries } from './ingest.ts';
import type { SeedEntry } from './ingest.ts';
import { createPool } from './pool.ts';
import type { Pool } from './pool.ts';
import { createRayPool } from './ray/engine.ts';
import { Interner } from './intern.ts';
import { createScratch } from './io/scratch.ts';
import { readSeedFolder } from './io/seeds.ts';
import { ArticleStore, ShingleStore } from './io/stores.ts';
import type { StoreRef } from './io/stores.ts';
import datasetMeta from './metadata/dataset.json' with { type: 'json' };
import type { FileOutcome, FullArticle } from './model.ts';
import type { EventMention } from './types.generated.ts';
import type { RunOptions } from './options.ts';
import { primaryKeyOf, TABLE_NAMES } from './schema/tables.ts';
import type { TableName } from './schema/tables.ts';
import { checkedRow } from './checked.ts';
import type { AnnotateOutput } from './tasks.ts';
import { checkRow, ReferenceSet, ValidationFailed } from './validate.ts';
import type { ValidationIssue } from './validate.ts';

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

export { ValidationFailed } from './validate.ts';

/** Items per message to a worker: large enough to amortise messaging, small enough to balance two workers. */
const BATCH = 32;

function* batches<T>(items: Iterable<T>, size = BATCH): Generator<T[]> {
  let b: T[] = [];
  for (const x of items) {
    b.push(x);
    if (b.length === size) {
      yield b;
      b = [];
    }
  }
  if (b.length) yield b;
}

/**
 * Everything a run carries from step to step. Memory stays bounded by what the corpus steps need, not by the
 * corpus: files are read as their batch comes up, clean writes each article (body included) to a store on disk,
 * dedupe works on compact summaries, annotate's workers read the articles back themselves, and every table goes
 * to a disk spool that the export reads back in id order.
 */
interface RunState {
  options: RunOptions;
  progress: Progress;
  onStep: ((step: string) => void) | undefined;
  meta: DatasetMeta;
  /** Runs the per-article tasks: worker threads here, or (`--engine ray`) Node actors on a Ray cluster. */
  pool: Pool | null;
  /** Runs the export's tables: the per-article pool when it is local, worker threads of their own otherwise. */
  exportPool: Pool | null;
  /** Lines about the engine (the Ray cluster, its workers), for the CLI to print. */
  note: ((line: string) => void) | undefined;
  work: string;
  /** Clean articles wait on disk (as JSON, body included); memory keeps their id, file and place. */
  articles: ArticleStore;
  shingles: ShingleStore;
  folder: ReturnType<typeof readSeedFolder> | null;
  manifest: ReturnType<typeof planIngest>;
  outcomes: FileOutcome[];
  kept: { id: string; file: string; ref: StoreRef }[];
  summaries: CompactSummary[];
  shingleRef: Map<string, StoreRef>;
  terms: Interner;
  fileOf: Map<string, string>;
  decisions: ReturnType<typeof storyDecisions> | null;
  spools: Partial<Record<TableName, TableSpool>>;
  issues: ValidationIssue[];
  references: ReferenceSet;
  corpus: CorpusAnnotations;
  /** The mentions the event evidence and the quotes' speakers name: only those are kept as keys. */
  evidenceMentions: Set<string>;
  /** Articles whose own row failed its check: they leave the release. */
  rowless: Set<string>;
  summary: RunSummary | null;
}

type Step = (s: RunState) => Promise<RunState>;

/** The run, in order: each step takes the run state and hands it on. */
const STEPS: readonly Step[] = [read, clean, dedupe, annotate, validate, exportRelease];

/** Runs every step and writes the release (the CLI then syncs the project's DATASHEET.md and CHANGELOG.md). */
export async function run(options: RunOptions, progress: Progress = () => {}, onStep?: (step: string) => void, note?: (line: string) => void): Promise<RunSummary> {
  const work = createScratch();
  let state: RunState = {
    ...{ options, progress, onStep, note, meta: { ...(datasetMeta as DatasetMeta), ...(options.version ? { version: options.version } : {}) } },
    ...{ pool: null, exportPool: null, work, folder: null, manifest: new Map(), decisions: null, summary: null },
    // Named apart from the table spools, which are folders named after their tables.
    ...{ articles: new ArticleStore(path.join(work, 'clean-articles.store')), shingles: new ShingleStore(path.join(work, 'shingles.store')) },
    ...{ outcomes: [], kept: [], summaries: [], shingleRef: new Map(), terms: new Interner(), fileOf: new Map() },
    ...{ spools: {}, issues: [], references: new ReferenceSet(), corpus: new CorpusAnnotations(), evidenceMentions: new Set(), rowless: new Set() },
  };
  try {
    for (const step of STEPS) state = await step(state);
    return state.summary!;
  } finally {
    state.articles.close();
    state.shingles.close();
    await state.pool?.close();
    if (state.exportPool !== state.pool) await state.exportPool?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Times `f` as one line of the progress report. */
function timed<T>(s: RunState, name: string, items: (r: T) => number, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  s.progress(name, items(r), performance.now() - t0);
  return r;
}

async function timedAsync(s: RunState, name: string, f: () => Promise<number>): Promise<void> {
  const t0 = performance.now();
  const n = await f();
  s.progress(name, n, performance.now() - t0);
}

/** Failpoints (testing) travel with the items of their files, so they fire on worker threads too. */
function failAt(s: RunState, file: string): { fail?: FailStage } {
  const fail = s.options.failArticles?.get(file);
  return fail ? { fail } : {};
}

/**
 * read: the seed folder and its manifest; the engine: a worker pool sized to the work, or the Ray cluster
 * (where `--workers` is the number of Node actors, and the export gets worker threads of its own).
 */
async function read(s: RunState): Promise<RunState> {
  const folder = timed(s, 'read', (f) => f.entries.length, () => readSeedFolder(s.options.seeds, s.options.maxBytes, true));
  const manifest = timed(s, 'ingest', () => folder.entries.length, () => planIngest(folder));
  // Per-article stages run on worker threads when there is enough work to pay for starting them.
  if (s.options.engine === 'ray') {
    const pool = await createRayPool({ address: s.options.rayAddress ?? null, actors: s.options.workers, ...(s.note ? { note: s.note } : {}) });
    return { ...s, folder, manifest, pool, exportPool: createPool(localPoolSize(0, folder.entries.length)) };
  }
  // The export gets fresh workers (exportRelease): the annotate workers' heaps are let go once annotate is done.
  return { ...s, folder, manifest, pool: createPool(localPoolSize(s.options.workers, folder.entries.length)), exportPool: null };
}

/** Worker threads on this machine: `workers` when set, else one per core (at most two) when the work pays for them. */
function localPoolSize(workers: number, articles: number): number {
  return workers || (articles < 500 ? 1 : Math.min(2, availableParallelism()));
}

/** clean: every file read, decoded and cleaned; the body goes to the text store, a summary stays for dedupe. */
async function clean(s: RunState): Promise<RunState> {
  const decoded: FileOutcome[] = [];
  await timedAsync(s, 'clean', async () => {
    // Paths made absolute: the task may run in another process, in another folder (the Ray engine's actors).
    const at = (entry: SeedEntry): SeedEntry => (entry.path ? { ...entry, path: path.resolve(entry.path) } : entry);
    const items = sortedEntries(s.folder!).map((entry) => ({ entry: at(entry), manifest: s.manifest.get(entry.name) ?? null, ...failAt(s, entry.name) }));
    await s.pool!.stream('prepare', batches(items), (results) => {
      for (const r of results) {
        s.outcomes.push(r.outcome);
        if (r.decoded) decoded.push(r.outcome);
        if (!r.article || !r.summary) continue;
        const { id, file, json } = r.article;
        s.kept.push({ id, file, ref: s.articles.addJson(json) });
        s.shingleRef.set(id, s.shingles.addSet(r.summary.shingles));
        // Name terms repeat across articles: one string each, not one per article.
        s.summaries.push({ sig: r.summary.sig, terms: new Map([...r.summary.terms].map(([t, n]) => [s.terms.of(t), n])) });
      }
    });
    return decoded.length;
  });
  markCaseClashes(decoded);
  return s;
}

/** dedupe: exact and near duplicates, then story clusters, over the compact summaries; duplicates are marked in the report. */
async function dedupe(s: RunState): Promise<RunState> {
  const dedupeOptions = { near: { nearThreshold: s.options.nearThreshold } };
  const links = timed(s, 'dedupe', () => s.kept.length, () => duplicateLinks(s.summaries, dedupeOptions, (id) => s.shingles.readSet(s.shingleRef.get(id)!)));
  const decisions = timed(s, 'stories', (d) => new Set(d.stories.values()).size, () => storyDecisions(s.summaries, links, dedupeOptions));
  s.summaries.length = 0;
  s.shingleRef.clear();
  s.terms.clear();
  const fileOf = new Map(s.kept.map(({ id, file }) => [id, file]));
  for (const o of s.outcomes) {
    const l = o.article_id ? decisions.linkOf.get(o.article_id) : undefined;
    if (l) {
      const sim = `Jaccard ${l.jaccard.toFixed(4)}, containment ${l.containment.toFixed(4)}`;
      Object.assign(o, { status: 'duplicate', code: l.kind === 'exact' ? 'EXACT_DUPLICATE' : 'NEAR_DUPLICATE', message: `duplicate of ${fileOf.get(l.of)} (${l.of}); ${sim}` });
    }
  }
  return { ...s, decisions, fileOf };
}

/**
 * annotate: each article gets its final fields and is checked; canonical English ones are annotated. Rows go to
 * the spools as they come; the registry and the event reports are the only corpus-wide state.
 */
async function annotate(s: RunState): Promise<RunState> {
  s.spools = { articles: new TableSpool(s.work, 'articles'), actor_mentions: new TableSpool(s.work, 'actor_mentions'), quotes: new TableSpool(s.work, 'quotes') };
  const outcomeOf = new Map(s.outcomes.flatMap((o) => (o.article_id ? [[o.article_id, o] as const] : [])));
  await timedAsync(s, 'annotate', async () => {
    const items = function* () {
      // On a cluster the task runs where the store is not: the article goes with it.
      const ray = s.options.engine === 'ray';
      for (const { id, file, ref } of s.kept) yield { ...(ray ? { json: s.articles.readJson(ref) } : { store: s.articles.file, ref }), fields: dedupeFields(id, s.decisions!), ...failAt(s, file) };
    };
    await s.pool!.stream('annotate', batches(items()), (results) => {
      for (const r of results) fileArticle(s, r, outcomeOf);
    });
    return s.spools.actor_mentions!.count + s.spools.quotes!.count;
  });
  // The local workers are done: their heaps (hundreds of MB at 100,000 articles) go before validate and export.
  if (s.options.engine !== 'ray') {
    await s.pool!.close();
    s.pool = null;
  }
  return s;
}

/**
 * Files one article's results, once the corpus step has taken its share: when that throws, the article fails
 * (CORPUS_FAILED) with nothing of it merged, and its row is filed as "failed", without its mentions and quotes.
 */
function fileArticle(s: RunState, r: AnnotateOutput, outcomeOf: Map<string, FileOutcome>): void {
  const id = r.article.article_id;
  const file = s.fileOf.get(id)!;
  let { row, annotation, failure } = r;
  if (annotation) {
    try {
      failpoint(s.options.failArticles?.get(file), 'corpus', file);
      s.corpus.add(r.article, annotation.corpus);
    } catch (err) {
      failure = failureOf('corpus', err);
      annotation = null;
      row = row && checkedRow({ ...(JSON.parse(row.line) as FullArticle), annotation_status: 'failed' });
    }
  }
  if (failure) quarantine(outcomeOf.get(id)!, failure);
  if (!row) {
    s.rowless.add(id);
    outcomeOf.get(id)!.article_id = null;
  }
  const own = annotation ? new Set(annotation.lines.actor_mentions.map(([rowId]) => rowId)) : null;
  for (const part of [row, annotation]) {
    if (!part) continue;
    s.issues.push(...part.issues);
    // A reference to one of the article's own mentions (quotes.speaker_mention_id) resolves here; only the others
    // go to the corpus-wide set, which would otherwise hold about two million of them at 100,000 articles.
    for (const x of part.references) if (!(x.target === 'actor_mentions' && own?.has(x.id))) s.references.add(x);
  }
  if (row) s.spools.articles!.addLine(id, row.line);
  if (annotation && own) {
    // The mentions the article's event evidence names (event_mentions.source/target_mention_id): only those
    // are kept as keys, not every mention of the corpus.
    for (const d of annotation.corpus.reports) {
      for (const span of [d.sourceMention, d.targetMention]) {
        const mid = span && mentionId(id, span);
        if (mid && own.has(mid)) s.evidenceMentions.add(mid);
      }
    }
  }
  for (const [rowId, line] of annotation?.lines.actor_mentions ?? []) s.spools.actor_mentions!.addLine(rowId, line);
  for (const [rowId, line] of annotation?.lines.quotes ?? []) s.spools.quotes!.addLine(rowId, line);
}

/**
 * validate: the one place a run's rows are judged. The corpus tables (actors, events, event_mentions) are
 * checked row by row and filed in their spools; every reference of every table is resolved against the keys
 * of its target; the per-article checks made on the workers arrive as issues. Any issue fails the run, and
 * `--strict` fails it on any quarantined file.
 */
async function validate(s: RunState): Promise<RunState> {
  const { spools, issues, references, articles } = s;
  for (const t of ['actors', 'events', 'event_mentions'] as const) spools[t] = new TableSpool(s.work, t);
  timed(s, 'validate', (n) => n, () => {
    const actors = s.corpus.actors();
    const textRef = new Map(s.kept.filter(({ id }) => !s.rowless.has(id)).map(({ id, ref }) => [id, ref]));
    const eventIds = new Set<string>();
    const keys: Partial<Record<TableName, { has(id: string): boolean }>> = {
      articles: textRef,
      actors: new Set(actors.map((a) => a.actor_id)),
      events: eventIds,
      actor_mentions: s.evidenceMentions,
    };
    const file = (table: 'actors' | 'events' | 'event_mentions', row: Record<string, unknown>, text: string | undefined) => {
      const r = checkRow(table, row, text);
      issues.push(...r.issues);
      references.addRow(table, String(row[primaryKeyOf(table)]), r.references);
      spools[table]!.add(row);
    };
    let n = actors.length;
    for (const a of actors.splice(0)) file('actors', a as unknown as Record<string, unknown>, undefined);
    // Events are filed as the merge makes them (it lets its reports go as it goes); their evidence rows wait on disk
    // in article order, to take their text from one read of each article. The merge keeps offsets only.
    const byArticle = new TableSpool(path.join(s.work, 'by-article'), 'event_mentions');
    for (const { event, mentions } of s.corpus.mergedEvents(() => '')) {
      eventIds.add(event.event_id);
      file('events', event as unknown as Record<string, unknown>, undefined);
      for (const em of mentions) byArticle.addLine(em.article_id + em.event_mention_id, jsonLine('event_mentions', em));
      n += 1 + mentions.length;
    }
    let current: [string, string | undefined] = ['', undefined];
    for (const [, line] of entriesOf(byArticle.seal())) {
      const em = JSON.parse(line) as EventMention;
      if (current[0] !== em.article_id) {
        const ref = textRef.get(em.article_id);
        current = [em.article_id, ref ? articles.readArticle(ref).text : undefined];
      }
      em.text = current[1]?.slice(em.char_start, em.char_end) ?? '';
      file('event_mentions', em as unknown as Record<string, unknown>, current[1]);
    }
    issues.push(...references.unresolved((table, id) => keys[table]?.has(id) ?? false));
    return n;
  });
  if (issues.length) throw new ValidationFailed(issues);
  if (s.options.strict) {
    const q = s.outcomes.filter((o) => o.status === 'quarantined');
    if (q.length) throw new PipelineError('INPUT_QUARANTINED', `${q.length} file(s) quarantined in strict mode (first: ${q[0]!.code}: ${q[0]!.message})`, { file: q[0]!.file }, 'fix or remove the files, or run without --strict to release the rest');
  }
  return s;
}

/**
 * export: the sealed spools written as the release, tables in parallel on the pool (one per worker at a time,
 * the largest first); the public profile is derived row by row from the validated full rows, and each row is
 * checked again as released.
 */
async function exportRelease(s: RunState): Promise<RunState> {
  const { options, meta, spools } = s;
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, spools[t]!.seal()])) as Record<TableName, TableSource>;
  const report = buildReport(meta.version, s.outcomes, Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t].count])) as Record<TableName, number>);
  // The export needs only the spools and the report: let the rest go before the export workers need memory.
  s.kept.length = 0;
  s.outcomes.length = 0;
  s.references.clear();
  s.decisions?.linkOf.clear();
  s.decisions?.stories.clear();
  const t0 = performance.now();
  const outDir = options.profile === 'public' ? path.join(options.out, 'public') : options.out;
  s.exportPool ??= createPool(localPoolSize(s.options.workers, s.folder!.entries.length));
  const exportTables = async (jobs: TableJob[]): Promise<TableResult[]> => {
    const order = jobs.map((_, i) => i).sort((a, b) => (jobs[b]!.source?.count ?? 0) - (jobs[a]!.source?.count ?? 0) || a - b);
    const results: TableResult[] = new Array(jobs.length);
    let k = 0;
    await s.exportPool!.stream('export', order.map((i) => [jobs[i]!]), (r) => (results[order[k++]!] = r[0]!), 1);
    return results;
  };
  const templates = { datasheetTemplate: readFileSync(DATASHEET, 'utf8'), changelogTemplate: readFileSync(CHANGELOG, 'utf8') };
  const written = await writeRelease({ outDir, meta, tables, report, profile: options.profile, exportTables, ...templates, ...(s.onStep ? { onStep: s.onStep } : {}) });
  s.progress('export', written.files.length, performance.now() - t0);
  return { ...s, summary: { ...written, report } };
}

/**
 * The project's DATASHEET.md and CHANGELOG.md show what the newest release says: after a full-profile run into
 * the project's own dist-data, the CLI copies them from the release (only when they differ).
 */
export function syncProjectDocs(releaseDir: string): void {
  for (const [file, name] of [[DATASHEET, 'DATASHEET.md'], [CHANGELOG, 'CHANGELOG.md']] as const) {
    const rendered = readFileSync(path.join(releaseDir, name), 'utf8');
    if (rendered !== readFileSync(file, 'utf8')) writeFileSync(file, rendered);
  }
}

/** Warns on files whose names differ only in case (one file on case-insensitive systems). */
function markCaseClashes(outcomes: FileOutcome[]): void {
  const byFolded = new Map<string, string[]>();
  for (const o of outcomes) byFolded.set(o.file.toLowerCase(), [...(byFolded.get(o.file.toLowerCase()) ?? []), o.file]);
  for (const o of outcomes) {
    const twins = byFolded.get(o.file.toLowerCase())!.filter((f) => f !== o.file);
    if (!twins.length) continue;
    // After the decoding warnings, before the annotation ones (the order the stages found them in).
    const at = o.warnings.filter((w) => w.startsWith('DECODED_')).length;
    o.warnings.splice(at, 0, `NAME_CASE_CLASH: ${twins.join(', ')} differs only in case; both are processed, but they collide on case-insensitive file systems: rename one`);
  }
}
