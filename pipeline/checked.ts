/**
 * What a worker checks of one article before its results leave it: the article's row, and its annotation
 * (its own rows, and its share of the corpus steps). Checked rows come back serialised, with their
 * validation issues and references; a share the corpus steps could not take throws, so the article fails
 * alone (tasks.ts catches it as CHECK_FAILED). Pure.
 */
import { CorpusAnnotations, corpusProblems } from './annotate.ts';
import type { ArticleRows } from './annotate.ts';
import { actorId } from './annotate/registry.ts';
import { PipelineError } from './errors.ts';
import { jsonLine } from './export/json-line.ts';
import type { DedupedArticle, FullArticle } from './model.ts';
import type { TableName } from './schema/tables.ts';
import { checkRow, ReferenceSet } from './validate.ts';
import type { RowReference, ValidationIssue } from './validate.ts';

/** A table's rows of one article, serialised: `[id, JSON line]`. */
export type Lines = [string, string][];

/** One articles row, checked and serialised. */
export interface CheckedRow {
  line: string;
  issues: ValidationIssue[];
  references: RowReference[];
}

/** An article's annotation, checked: its own rows (serialised) and its share of the corpus steps. */
export interface CheckedAnnotation {
  lines: { actor_mentions: Lines; quotes: Lines };
  issues: ValidationIssue[];
  /** Distinct references of those rows. */
  references: RowReference[];
  /** The article's actors and event reports, for the registry and the event merge. */
  corpus: Pick<ArticleRows, 'actors' | 'reports'>;
}

/** An article row checked on its own and serialised. */
export function checkedRow(article: FullArticle): CheckedRow {
  const r = checkRow('articles', article as unknown as Record<string, unknown>, article.text);
  const refs = new ReferenceSet();
  refs.addRow('articles', article.article_id, r.references);
  return { line: jsonLine('articles', article), issues: r.issues, references: refs.values() };
}

/**
 * Checks an article's annotation before it leaves the worker: its mentions and quotes against the schemas and
 * its text, and its share of the corpus steps, which must be well-formed (`corpusProblems`), each report
 * making valid event rows whose references stay within the article (`aloneProblems`). So one
 * article's impossible date, stray offset or NaN confidence fails that article here, and never reaches, let
 * alone stops, the corpus-wide steps. Throws ANNOTATION_INVALID.
 */
export function checkedAnnotation(article: DedupedArticle, rows: ArticleRows): CheckedAnnotation {
  const issues: ValidationIssue[] = [];
  const refs = new ReferenceSet();
  const lines: CheckedAnnotation['lines'] = { actor_mentions: [], quotes: [] };
  const take = (table: 'actor_mentions' | 'quotes', row: object, rowId: string) => {
    const r = checkRow(table, row as Record<string, unknown>, article.text);
    issues.push(...r.issues);
    refs.addRow(table, rowId, r.references);
    lines[table].push([rowId, jsonLine(table, row)]);
  };
  for (const m of rows.actor_mentions) take('actor_mentions', m, m.mention_id);
  for (const q of rows.quotes) take('quotes', q, q.quote_id);
  const problems = corpusProblems(article.article_id, rows, article.text.length);
  if (!problems.length) problems.push(...aloneProblems(article, rows));
  if (problems.length) throw new PipelineError('ANNOTATION_INVALID', `${problems.length} problem(s) in what annotate made of the article, first: ${problems.slice(0, 3).join('; ')}`, { rowId: article.article_id }, 'the article is released without annotations (annotation_status "failed"); report it with its text');
  return { lines, issues, references: refs.values(), corpus: { actors: rows.actors, reports: rows.reports } };
}

/**
 * Problems of the corpus rows the article's reports make, each report taken on its own (in the corpus any
 * report may stand for its event or be its article's evidence, so each must make valid rows): the event and
 * evidence rows against the schemas and the text, with every reference kept within the article's own rows.
 * (Its actors' rows are made of what `corpusProblems` checked.)
 */
function aloneProblems(article: DedupedArticle, rows: ArticleRows): string[] {
  const spanText = (_id: string, start: number, end: number) => article.text.slice(start, end);
  const own: Partial<Record<TableName, Set<string>>> = {
    articles: new Set([article.article_id]),
    actors: new Set(rows.actors.filter((c) => c.mentions > 0).map((c) => actorId(c.key))),
    actor_mentions: new Set(rows.actor_mentions.map((x) => x.mention_id)),
  };
  const p: string[] = [];
  const check = (table: TableName, list: object[]) => {
    for (const row of list) {
      const r = checkRow(table, row as Record<string, unknown>, article.text);
      for (const i of r.issues) p.push(`${table} field "${i.field}": ${i.message}`);
      for (const x of r.references) if (!own[x.table]?.has(x.id)) p.push(`${table} field "${x.field}": "${x.id}" is not among the article's own ${x.table}`);
    }
  };
  // Every report made into its own event in one pass (`alone`: unmerged, as each may end up standing alone).
  const c = new CorpusAnnotations();
  c.add(article, { actors: rows.actors, reports: rows.reports });
  const m = c.events(spanText, true);
  own.events = new Set(m.events.map((e) => e.event_id));
  check('events', m.events);
  check('event_mentions', m.event_mentions);
  return p;
}
