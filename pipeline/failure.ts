/**
 * Per-article failures: an exception while cleaning, annotating or checking one article (or while the corpus
 * step takes its share) is that article's, not the run's. The task catches it for the one item, and the
 * article is quarantined with a code, the stage and the message; every other article goes on.
 *
 *   stage     code             what the release keeps of the article
 *   clean     CLEAN_FAILED     nothing: no row (it never reached dedupe)
 *   annotate  ANNOTATE_FAILED  its row, with annotation_status "failed"; none of its mentions, quotes, events
 *   check     CHECK_FAILED     the same (its annotation failed its checks)
 *   corpus    CORPUS_FAILED    the same (the corpus step refused its actors or event reports)
 *
 * A failpoint makes a named article throw at a stage, to test all this: the CLI reads it from
 * DISPATCHES_FAIL_ARTICLES (README, "Command line"), the run hands it to the tasks with the article's item,
 * so it fires on worker threads just the same. Pure.
 */
import { PipelineError } from './errors.ts';
import type { FileOutcome } from './model.ts';

/** The stages an article can fail at, in run order. */
const FAIL_STAGES = ['clean', 'annotate', 'check', 'corpus'] as const;
export type FailStage = (typeof FAIL_STAGES)[number];

/** The quarantine code of each stage. */
const FAILURE_CODES: Record<FailStage, string> = { clean: 'CLEAN_FAILED', annotate: 'ANNOTATE_FAILED', check: 'CHECK_FAILED', corpus: 'CORPUS_FAILED' };

/** Why one article was quarantined. */
export interface ArticleFailure {
  code: string;
  stage: FailStage;
  message: string;
}

/**
 * The failure of `stage` for an error. The message is the error's own (its name and message, first line; a
 * PipelineError's coded message), never its stack: the run report must not depend on where the code lives.
 */
export function failureOf(stage: FailStage, err: unknown, context = ''): ArticleFailure {
  const text = err instanceof PipelineError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : `thrown: ${String(err)}`;
  return { code: FAILURE_CODES[stage], stage, message: `${context}${text.split('\n')[0]}` };
}

/** Throws when the failpoint of this article (`fail`) is `stage`. */
export function failpoint(fail: FailStage | undefined, stage: FailStage, file: string): void {
  if (fail === stage) throw new Error(`failpoint: DISPATCHES_FAIL_ARTICLES makes ${file} throw at stage ${stage}`);
}

/**
 * Parses DISPATCHES_FAIL_ARTICLES: comma-separated file names as they stand in the seeds folder, each with an
 * optional `:stage` (default `annotate`). `a.txt,b.txt:clean` → a.txt at annotate, b.txt at clean.
 */
export function parseFailArticles(value: string): Map<string, FailStage> {
  const out = new Map<string, FailStage>();
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.lastIndexOf(':');
    const suffix = colon < 0 ? '' : entry.slice(colon + 1);
    if ((FAIL_STAGES as readonly string[]).includes(suffix)) out.set(entry.slice(0, colon), suffix as FailStage);
    else if (colon < 0 || entry.toLowerCase().endsWith('.txt')) out.set(entry, 'annotate');
    else throw new PipelineError('USAGE_ERROR', `DISPATCHES_FAIL_ARTICLES entry "${entry}": the stage after ":" must be one of ${FAIL_STAGES.join(', ')}`, {}, 'write file.txt or file.txt:stage, comma-separated', 2);
  }
  return out;
}

/** Marks the outcome of a failed article as quarantined. */
export function quarantine(outcome: FileOutcome, f: ArticleFailure): void {
  Object.assign(outcome, { status: 'quarantined', code: f.code, stage: f.stage, message: f.message });
}
