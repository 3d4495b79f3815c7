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
import { TableSpool } from './export/spool.ts';
import type { TableSource } from './export/spool.ts';
import type { TableJob, TableResult } from './export/table.ts';
import { planIngest, sortedEntries } from './ingest.ts';
import { createPool } from './io/pool.ts';
import { Interner } from './intern.ts';
import { createScratch } from './io/scratch.ts';
import { readSeedFolder } from './io/seeds.ts';
import { ArticleStore, ShingleStore } from './io/stores.ts';
import type { StoreRef } from './io/stores.ts';
import datasetMeta from './metadata/dataset.json' with { type: 'json' };
import type { FileOutcome, FullArticle } from './model.ts';
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
 * Runs every stage and writes the release. `syncDatasheet` also refreshes the project's DATASHEET.md.
 *
 * Memory stays bounded by what the corpus steps need, not by the corpus: files are read as their batch comes
 * up, clean writes each article (body included) to a store on disk, dedupe works on compact summaries,
 * annotate's workers read the articles back themselves, and every table goes to a disk spool that the export
 * reads back in id order.
 */
export async function run(options: RunOptions, progress: Progress = () => {}, syncDatasheet = false, onStep?: (step: string) => void): Promise<RunSummary> {
  const timed = <T>(name: string, items: (r: T) => number, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    progress(name, items(r), performance.now() - t0);
    return r;
  };
  const timedAsync = async (name: string, f: () => Promise<number>): Promise<void> => {
    const t0 = performance.now();
    const n = await f();
    progress(name, n, performance.now() - t0);
  };
  const meta = { ...(datasetMeta as DatasetMeta), ...(options.version ? { version: options.version } : {}) };
  const folder = timed('read', (f) => f.entries.length, () => readSeedFolder(options.seeds, options.maxBytes, true));
  const manifest = timed('ingest', () => folder.entries.length, () => planIngest(folder));
  // Per-article stages run on worker threads when there is enough work to pay for starting them.
  const workers = options.workers || (folder.entries.length < 500 ? 1 : Math.min(2, availableParallelism()));
  const pool = createPool(workers);
  // Failpoints (testing) travel with the items of their files, so they fire on worker threads too.
  const failAt = (file: string): { fail?: FailStage } => {
    const fail = options.failArticles?.get(file);
    return fail ? { fail } : {};
  };
  const work = createScratch();
  // Named apart from the table spools, which are folders named after their tables.
  const articles = new ArticleStore(path.join(work, 'clean-articles.store'));
  const shingles = new ShingleStore(path.join(work, 'shingles.store'));
  try {
    return await stages();
  } finally {
    articles.close();
    shingles.close();
    await pool.close();
    rmSync(work, { recursive: true, force: true });
  }

  async function stages(): Promise<RunSummary> {
    // clean: every file read, decoded and cleaned; the body goes to the text store, a summary stays for dedupe.
    const outcomes: FileOutcome[] = [];
    const decoded: FileOutcome[] = [];
    // Clean articles wait on disk (as JSON, body included); memory keeps their id, file and place.
    const kept: { id: string; file: string; ref: StoreRef }[] = [];
    let summaries: CompactSummary[] = [];
    const shingleRef = new Map<string, StoreRef>();
    const terms = new Interner();
    await timedAsync('clean', async () => {
      const items = sortedEntries(folder).map((entry) => ({ entry, manifest: manifest.get(entry.name) ?? null, ...failAt(entry.name) }));
      await pool.stream('prepare', batches(items), (results) => {
        for (const r of results) {
          outcomes.push(r.outcome);
          if (r.decoded) decoded.push(r.outcome);
          if (!r.article || !r.summary) continue;
          const { id, file, json } = r.article;
          kept.push({ id, file, ref: articles.addJson(json) });
          shingleRef.set(id, shingles.addSet(r.summary.shingles));
          // Name terms repeat across articles: one string each, not one per article.
          summaries.push({ sig: r.summary.sig, terms: new Map([...r.summary.terms].map(([t, n]) => [terms.of(t), n])) });
        }
      });
      return decoded.length;
    });
    markCaseClashes(decoded);

    const dedupeOptions = { near: { nearThreshold: options.nearThreshold } };
    const links = timed('dedupe', () => kept.length, () => duplicateLinks(summaries, dedupeOptions, (id) => shingles.readSet(shingleRef.get(id)!)));
    const decisions = timed('stories', (d) => new Set(d.stories.values()).size, () => storyDecisions(summaries, links, dedupeOptions));
    summaries = [];
    shingleRef.clear();
    terms.clear();
    const fileOf = new Map(kept.map(({ id, file }) => [id, file]));
    for (const o of outcomes) {
      const l = o.article_id ? decisions.linkOf.get(o.article_id) : undefined;
      if (l) {
        const sim = `Jaccard ${l.jaccard.toFixed(4)}, containment ${l.containment.toFixed(4)}`;
        Object.assign(o, { status: 'duplicate', code: l.kind === 'exact' ? 'EXACT_DUPLICATE' : 'NEAR_DUPLICATE', message: `duplicate of ${fileOf.get(l.of)} (${l.of}); ${sim}` });
      }
    }

    // annotate: each article gets its final fields and is checked; canonical English ones are annotated. Rows
    // go to the spools as they come; the registry and the event reports are the only corpus-wide state.
    const spools: Partial<Record<TableName, TableSpool>> = { articles: new TableSpool(work, 'articles'), actor_mentions: new TableSpool(work, 'actor_mentions'), quotes: new TableSpool(work, 'quotes') };
    const issues: ValidationIssue[] = [];
    const references = new ReferenceSet();
    const corpus = new CorpusAnnotations();
    const evidenceMentions = new Set<string>();
    const outcomeOf = new Map(outcomes.flatMap((o) => (o.article_id ? [[o.article_id, o] as const] : [])));
    // Articles whose own row failed its check: they leave the release.
    const rowless = new Set<string>();
    await timedAsync('annotate', async () => {
      const items = function* () {
        for (const { id, file, ref } of kept) yield { store: articles.file, ref, fields: dedupeFields(id, decisions), ...failAt(file) };
      };
      await pool.stream('annotate', batches(items()), (results) => {
        for (const r of results) fileArticle(r);
      });
      return spools.actor_mentions!.count + spools.quotes!.count;
    });

    /**
     * Files one article's results, once the corpus step has taken its share: when that throws, the article fails
     * (CORPUS_FAILED) with nothing of it merged, and its row is filed as "failed", without its mentions and quotes.
     */
    function fileArticle(r: AnnotateOutput): void {
      const id = r.article.article_id;
      const file = fileOf.get(id)!;
      let { row, annotation, failure } = r;
      if (annotation) {
        try {
          failpoint(options.failArticles?.get(file), 'corpus', file);
          corpus.add(r.article, annotation.corpus);
        } catch (err) {
          failure = failureOf('corpus', err);
          annotation = null;
          row = row && checkedRow({ ...(JSON.parse(row.line) as FullArticle), annotation_status: 'failed' });
        }
      }
      if (failure) quarantine(outcomeOf.get(id)!, failure);
      if (!row) {
        rowless.add(id);
        outcomeOf.get(id)!.article_id = null;
      }
      for (const part of [row, annotation]) {
        if (!part) continue;
        issues.push(...part.issues);
        for (const x of part.references) references.add(x);
      }
      if (row) spools.articles!.addLine(id, row.line);
      if (annotation) {
        // The mentions the article's event evidence names (event_mentions.source/target_mention_id): only those
        // are kept as keys, not every mention of the corpus.
        const own = new Set(annotation.lines.actor_mentions.map(([rowId]) => rowId));
        for (const d of annotation.corpus.reports) {
          for (const span of [d.sourceMention, d.targetMention]) {
            const mid = span && mentionId(id, span);
            if (mid && own.has(mid)) evidenceMentions.add(mid);
          }
        }
        // And the mentions the quotes name as their speakers' (quotes.speaker_mention_id).
        for (const x of annotation.references) if (x.target === 'actor_mentions' && own.has(x.id)) evidenceMentions.add(x.id);
      }
      for (const [rowId, line] of annotation?.lines.actor_mentions ?? []) spools.actor_mentions!.addLine(rowId, line);
      for (const [rowId, line] of annotation?.lines.quotes ?? []) spools.quotes!.addLine(rowId, line);
    }

    // validate: the corpus tables, each row checked and filed in its spool as it comes (the export reads every
    // table from a spool, partition by partition), then every reference against the keys of its target table.
    for (const t of ['actors', 'events', 'event_mentions'] as const) spools[t] = new TableSpool(work, t);
    timed('validate', (n) => n, () => {
      // Evidence texts are filled in from the stored articles, each read once; the merge keeps offsets only.
      const m = corpus.finish(() => '');
      const textRef = new Map(kept.filter(({ id }) => !rowless.has(id)).map(({ id, ref }) => [id, ref]));
      const keys: Partial<Record<TableName, { has(id: string): boolean }>> = {
        articles: textRef,
        actors: new Set(m.actors.map((a) => a.actor_id)),
        events: new Set(m.events.map((e) => e.event_id)),
        actor_mentions: evidenceMentions,
      };
      const file = (table: 'actors' | 'events' | 'event_mentions', row: Record<string, unknown>, text: string | undefined) => {
        const r = checkRow(table, row, text);
        issues.push(...r.issues);
        references.addRow(table, String(row[primaryKeyOf(table)]), r.references);
        spools[table]!.add(row);
      };
      const n = m.actors.length + m.events.length + m.event_mentions.length;
      for (const a of m.actors.splice(0)) file('actors', a as unknown as Record<string, unknown>, undefined);
      for (const e of m.events.splice(0)) file('events', e as unknown as Record<string, unknown>, undefined);
      const mentions = m.event_mentions.splice(0).sort((a, b) => (a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : 0));
      let current: [string, string | undefined] = ['', undefined];
      for (const em of mentions) {
        if (current[0] !== em.article_id) {
          const ref = textRef.get(em.article_id);
          current = [em.article_id, ref ? articles.readArticle(ref).text : undefined];
        }
        em.text = current[1]?.slice(em.char_start, em.char_end) ?? '';
        file('event_mentions', em as unknown as Record<string, unknown>, current[1]);
        // Filed: the slice must not keep the article text alive for the rest of the loop.
        em.text = '';
      }
      issues.push(...references.unresolved((table, id) => keys[table]?.has(id) ?? false));
      return n;
    });
    if (issues.length) throw new ValidationFailed(issues);
    if (options.strict) {
      const q = outcomes.filter((o) => o.status === 'quarantined');
      if (q.length) throw new PipelineError('INPUT_QUARANTINED', `${q.length} file(s) quarantined in strict mode (first: ${q[0]!.code}: ${q[0]!.message})`, { file: q[0]!.file }, 'fix or remove the files, or run without --strict to release the rest');
    }

    const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, spools[t]!.seal()])) as Record<TableName, TableSource>;
    const report = buildReport(meta.version, outcomes, Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t].count])) as Record<TableName, number>);
    // The export needs only the spools and the report: let the rest go before the export workers need memory.
    kept.length = 0;
    outcomes.length = 0;
    references.clear();
    decisions.linkOf.clear();
    decisions.stories.clear();
    const t0 = performance.now();
    const template = readFileSync(DATASHEET, 'utf8');
    const changelog = readFileSync(CHANGELOG, 'utf8');
    const outDir = options.profile === 'public' ? path.join(options.out, 'public') : options.out;
    // Tables export in parallel, one per worker at a time, the largest first; the public profile is derived
    // row by row from the validated full rows, and each row is checked again as released.
    const exportTables = async (jobs: TableJob[]): Promise<TableResult[]> => {
      const order = jobs.map((_, i) => i).sort((a, b) => (jobs[b]!.source?.count ?? 0) - (jobs[a]!.source?.count ?? 0) || a - b);
      const results: TableResult[] = new Array(jobs.length);
      let k = 0;
      await pool.stream('export', (order.map((i) => [jobs[i]!])), (r) => (results[order[k++]!] = r[0]!), 1);
      return results;
    };
    const written = await writeRelease({ outDir, meta, tables, report, profile: options.profile, exportTables, datasheetTemplate: template, changelogTemplate: changelog, ...(onStep ? { onStep } : {}) });
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
