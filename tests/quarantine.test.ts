import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeCorpus } from '../bench/corpus.ts';
import { CorpusAnnotations, corpusProblems } from '../pipeline/annotate.ts';
import type { ArticleRows } from '../pipeline/annotate.ts';
import type * as annotateModule from '../pipeline/annotate.ts';
import type * as dedupeModule from '../pipeline/dedupe.ts';
import type { EventDraft } from '../pipeline/annotate/events.ts';
import { actorId } from '../pipeline/annotate/registry.ts';
import { duplicateLinks, storyDecisions, summarise, summaryProblems } from '../pipeline/dedupe.ts';
import { parseFailArticles } from '../pipeline/failure.ts';
import { ArticleStore, ShingleStore } from '../pipeline/io/stores.ts';
import { primaryKeyOf, TABLE_NAMES } from '../pipeline/schema/tables.ts';
import type { TableName } from '../pipeline/schema/tables.ts';
import { VERSION, articleOf, runCli, tempDir } from './helpers.ts';

type Row = Record<string, unknown>;
const files = (dir: string, p = ''): string[] => readdirSync(path.join(dir, p), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, `${p}${e.name}/`) : [`${p}${e.name}`])).sort();
const lines = (rel: string, t: TableName) => readFileSync(path.join(rel, 'jsonl', `${t}.jsonl`), 'utf8').split('\n').filter(Boolean);
const reportOf = (rel: string) => JSON.parse(readFileSync(path.join(rel, 'run-report.json'), 'utf8'));
/** The row names one of these articles (its own row, or a row merged from several articles). */
const involves = (row: Row, ids: Set<string>) => ids.has(String(row['article_id'])) || (Array.isArray(row['article_ids']) && row['article_ids'].some((id) => ids.has(String(id))));

/**
 * Runs the CLI with failpoints (DISPATCHES_FAIL_ARTICLES, as a user would set it), in a child process: the
 * variable is set for the child only.
 */
function runWithFailpoints(failpoints: string, args: string[]) {
  const before = process.env['DISPATCHES_FAIL_ARTICLES'];
  process.env['DISPATCHES_FAIL_ARTICLES'] = failpoints;
  try {
    return runCli(args);
  } finally {
    if (before === undefined) delete process.env['DISPATCHES_FAIL_ARTICLES'];
    else process.env['DISPATCHES_FAIL_ARTICLES'] = before;
  }
}

describe('an article that throws while it is annotated, checked or merged', () => {
  // 40 synthetic articles, and an exact copy of a000005.txt: the article failing at annotate is the original of
  // a duplicate, so `duplicate_of` must still find its row.
  const seeds = tempDir();
  const { planted } = writeCorpus(seeds, 40, 3);
  // What the run must count, from the corpus: 40 articles and the copy; planted near-copies are duplicates too.
  const [processed, duplicates] = [40 - 3 - planted, 1 + planted];
  copyFileSync(path.join(seeds, 'a000005.txt'), path.join(seeds, 'b_copy.txt'));
  const failpoints = 'a000005.txt,a000012.txt:check,a000020.txt:corpus';
  const failed = { 'a000005.txt': ['ANNOTATE_FAILED', 'annotate'], 'a000012.txt': ['CHECK_FAILED', 'check'], 'a000020.txt': ['CORPUS_FAILED', 'corpus'] } as const;
  let base: string;
  const faulty: Record<number, { rel: string; stderr: string; status: number | null }> = {};
  let failedIds: Set<string>;

  beforeAll(() => {
    const out = tempDir();
    const r = runCli(['--seeds', seeds, '--out', out, '--workers', '1']);
    expect(r.status, r.stderr).toBe(0);
    base = path.join(out, VERSION);
    for (const workers of [1, 3]) {
      const o = tempDir();
      const f = runWithFailpoints(failpoints, ['--seeds', seeds, '--out', o, '--workers', String(workers)]);
      faulty[workers] = { rel: path.join(o, VERSION), stderr: f.stderr, status: f.status };
    }
    const byFile = new Map(lines(base, 'articles').map((l) => JSON.parse(l) as Row).map((a) => [a['source_file'], String(a['article_id'])]));
    failedIds = new Set(Object.keys(failed).map((f) => byFile.get(f)!));
  }, 120_000);

  it.each([1, 3])('is quarantined with its code, stage and message, with %i worker(s), and the rest is released (exit 0)', (workers) => {
    const { rel, stderr, status } = faulty[workers]!;
    expect(status, stderr).toBe(0);
    expect(stderr).toContain('FAILPOINT: DISPATCHES_FAIL_ARTICLES makes a000005.txt throw at stage annotate');
    expect(stderr).toMatch(new RegExp(`41 files: ${processed} processed, ${duplicates} duplicates, 3 quarantined \\(ANNOTATE_FAILED 1, CHECK_FAILED 1, CORPUS_FAILED 1\\), 0 ignored`));
    const report = reportOf(rel);
    expect(report.counts).toEqual({ files: 41, processed, duplicate: duplicates, quarantined: 3, ignored: 0 });
    expect(report.quarantined_by_code).toEqual({ ANNOTATE_FAILED: 1, CHECK_FAILED: 1, CORPUS_FAILED: 1 });
    for (const [file, [code, stage]] of Object.entries(failed)) {
      const o = report.files.find((f: Row) => f['file'] === file);
      expect(o).toMatchObject({ status: 'quarantined', code, stage, message: `Error: failpoint: DISPATCHES_FAIL_ARTICLES makes ${file} throw at stage ${stage}` });
      expect(failedIds.has(o.article_id)).toBe(true);
    }
    expect(report.files.find((f: Row) => f['file'] === 'b_copy.txt')).toMatchObject({ status: 'duplicate', code: 'EXACT_DUPLICATE', stage: null });
  });

  it('gives byte-identical releases with 1 and 3 workers', () => {
    const [one, three] = [faulty[1]!.rel, faulty[3]!.rel];
    expect(files(three)).toEqual(files(one));
    for (const f of files(one)) expect(readFileSync(path.join(three, f)).equals(readFileSync(path.join(one, f))), f).toBe(true);
  });

  it('keeps the failed articles in articles with annotation_status "failed", and nothing else of them', () => {
    const rel = faulty[1]!.rel;
    const baseRows = new Map(lines(base, 'articles').map((l) => [JSON.parse(l).article_id, JSON.parse(l) as Row]));
    for (const l of lines(rel, 'articles')) {
      const a = JSON.parse(l) as Row;
      if (failedIds.has(String(a['article_id']))) expect(a).toEqual({ ...baseRows.get(a['article_id'])!, annotation_status: 'failed' });
    }
    expect(baseRows.get([...failedIds][0])!['annotation_status']).toBe('annotated');
    const copy = lines(rel, 'articles').map((l) => JSON.parse(l) as Row).find((a) => a['source_file'] === 'b_copy.txt')!;
    expect(copy).toMatchObject({ duplicate_of: byFileId(rel, 'a000005.txt'), annotation_status: 'not_annotated' });
    for (const t of ['actor_mentions', 'quotes', 'event_mentions', 'events', 'actors'] as const) {
      expect(lines(rel, t).filter((l) => involves(JSON.parse(l), failedIds)), t).toEqual([]);
    }
  });

  it("leaves every other article's rows byte for byte as a run without the fault", () => {
    const rel = faulty[1]!.rel;
    for (const t of TABLE_NAMES) {
      const pk = primaryKeyOf(t);
      const before = lines(base, t);
      const after = lines(rel, t);
      // Rows that named a failed article before (its own, and rows merged across articles with it) may change
      // or go; every other row must be there, unchanged, and nothing else may be added.
      const touched = new Set(before.filter((l) => involves(JSON.parse(l), failedIds)).map((l) => JSON.parse(l)[pk]));
      const untouched = (ls: string[]) => ls.filter((l) => !touched.has(JSON.parse(l)[pk]));
      if (t === 'events' || t === 'event_mentions') {
        // The event merge is greedy over buckets keyed by the actors' type and country, and an actor's entry is
        // the last article's word: taking a report away may regroup reports of other articles, and so change
        // events (and their ids) that never named the failed article. What must hold is that every other
        // article's reports are still released, in some event.
        const covered = (ls: string[]) => [...new Set(ls.flatMap((l) => { const r = JSON.parse(l); return (r.article_ids ?? [r.article_id]) as string[]; }))].filter((id) => !failedIds.has(id)).sort();
        expect(covered(after), t).toEqual(covered(before));
      } else {
        expect(untouched(after), t).toEqual(untouched(before));
      }
      if (t === 'articles') expect(after.length).toBe(before.length);
      if (t === 'actor_mentions' || t === 'quotes') expect(after).toEqual(untouched(before));
    }
  });

  it('exits 1 under --strict and writes nothing', () => {
    const out = path.join(tempDir(), 'out');
    const r = runWithFailpoints('a000005.txt', ['--seeds', seeds, '--out', out, '--strict', '--workers', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INPUT_QUARANTINED: .*1 file\(s\) quarantined in strict mode \(first: ANNOTATE_FAILED: Error: failpoint: .*\)\. Fix: /);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 60_000);

  function byFileId(rel: string, file: string): string {
    return String(lines(rel, 'articles').map((l) => JSON.parse(l) as Row).find((a) => a['source_file'] === file)!['article_id']);
  }
});

describe('an article that throws while it is cleaned', () => {
  it('is quarantined as CLEAN_FAILED with no row, on worker threads too, and the rest is released', () => {
    const seeds = tempDir();
    writeCorpus(seeds, 12, 4);
    const out = tempDir();
    const r = runWithFailpoints('a000003.txt:clean', ['--seeds', seeds, '--out', out, '--workers', '2']);
    expect(r.status, r.stderr).toBe(0);
    const rel = path.join(out, VERSION);
    const report = reportOf(rel);
    expect(report.files.find((f: Row) => f['file'] === 'a000003.txt')).toMatchObject({ status: 'quarantined', code: 'CLEAN_FAILED', stage: 'clean', article_id: null, message: 'Error: failpoint: DISPATCHES_FAIL_ARTICLES makes a000003.txt throw at stage clean' });
    expect(report.quarantined_by_code).toEqual({ CLEAN_FAILED: 1 });
    const articles = lines(rel, 'articles').map((l) => JSON.parse(l) as Row);
    expect(articles.map((a) => a['source_file'])).not.toContain('a000003.txt');
    expect(articles).toHaveLength(11);
    expect(new Set(articles.map((a) => a['annotation_status']))).toEqual(new Set(['annotated']));
  }, 60_000);

  it('refuses a failpoint with an unknown stage as a usage error (exit 2)', () => {
    const r = runWithFailpoints('a.txt:later', ['--seeds', tempDir(), '--out', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/USAGE_ERROR: DISPATCHES_FAIL_ARTICLES entry "a.txt:later": the stage after ":" must be one of clean, annotate, check, corpus/);
  });
});

describe('parseFailArticles', () => {
  it('reads comma-separated file names, each with an optional stage (default annotate)', () => {
    expect([...parseFailArticles(' a.txt, b.txt:clean,,c:d.txt:corpus,e:f.txt ')]).toEqual([['a.txt', 'annotate'], ['b.txt', 'clean'], ['c:d.txt', 'corpus'], ['e:f.txt', 'annotate']]);
    expect(parseFailArticles('').size).toBe(0);
  });
});

// Item 3: the corpus steps take degenerate but valid summaries, and a malformed one fails only its article.

const text = 'Kim Jong-un met Vladimir Putin in Vladivostok on Wednesday, officials said.';
/** An actor of the article, as annotate's registry step receives it. */
const actor = (key: string, name: string, type: 'person' | 'country', mentions = 1): ArticleRows['actors'][number] => ({ key, name, type, country: type === 'country' ? 'RUS' : null, cameo: null, forms: mentions ? [[name, mentions]] : [], mentions });
/** A well-formed event report over the whole sentence of `text`. */
const report = (over: Partial<EventDraft> = {}): EventDraft => ({
  type: 'CONSULT',
  cameo: '040',
  symmetric: true,
  sourceKey: 'person:kim jong un',
  targetKey: 'person:vladimir putin',
  date: '2023-09-13',
  precision: 'day',
  dateText: 'Wednesday',
  location: 'Vladivostok',
  start: 0,
  end: text.length,
  confidence: 0.8,
  trigger: { start: 12, end: 15 },
  patternId: '040.meet',
  sourceMention: { start: 0, end: 11 },
  targetMention: { start: 16, end: 30 },
  ...over,
});
const share = (reports: EventDraft[]): Pick<ArticleRows, 'actors' | 'reports'> => ({ actors: [actor('person:kim jong un', 'Kim Jong-un', 'person'), actor('person:vladimir putin', 'Vladimir Putin', 'person')], reports });
const art = (n: number) => ({ article_id: `art_${String(n).padStart(16, '0')}`, outlet: `Outlet ${n}`, story_id: `sto_${String(n).padStart(16, '0')}` });
const spanText = (_id: string, s: number, e: number) => text.slice(s, e);

describe('the corpus steps on degenerate but valid summaries', () => {
  it('dedupe takes articles without words (empty shingle sets and samples) and never calls them duplicates of each other', () => {
    const dir = tempDir();
    const store = new ShingleStore(path.join(dir, 'shingles.store'));
    const articles = [
      { article_id: 'art_0000000000000001', text: '— … —', published_date: null },
      { article_id: 'art_0000000000000002', text: '★ ☆ ★', published_date: '2024-01-02' },
      { article_id: 'art_0000000000000003', text, published_date: '2024-01-02' },
      { article_id: 'art_0000000000000004', text, published_date: '2024-01-03' },
    ];
    const summaries = articles.map(summarise);
    expect(summaries.map((s) => s.shingles.length)).toEqual([0, 0, 7, 7]);
    for (const [i, s] of summaries.entries()) expect(summaryProblems(articles[i]!.article_id, s)).toEqual([]);
    // Through the disk store, as the run does (an empty set is zero bytes).
    const refs = new Map(summaries.map((s) => [s.sig.id, store.addSet(s.shingles)]));
    const compact = summaries.map(({ sig, terms }) => ({ sig, terms }));
    const links = duplicateLinks(compact, {}, (id) => store.readSet(refs.get(id)!));
    expect(links).toEqual([{ id: 'art_0000000000000004', of: 'art_0000000000000003', kind: 'exact', jaccard: 1, containment: 1 }]);
    const d = storyDecisions(compact, links);
    expect([...d.stories.keys()].sort()).toEqual(['art_0000000000000001', 'art_0000000000000002', 'art_0000000000000003']);
    store.close();
  });

  it('the registry and the event merge take shares without actors, reports, targets or dates', () => {
    const c = new CorpusAnnotations();
    c.add(art(1), { actors: [], reports: [] });
    c.add(art(2), { actors: [actor('country:RUS', 'Russia', 'country', 0)], reports: [] });
    c.add(art(3), share([report({ targetKey: null, targetMention: null, date: null, precision: null, dateText: null, location: null, confidence: 0, symmetric: false })]));
    const m = c.finish(spanText);
    expect(m.actors.map((a) => [a.name, a.article_ids])).toEqual([['Kim Jong-un', ['art_0000000000000003']], ['Vladimir Putin', ['art_0000000000000003']]]);
    expect(m.events).toMatchObject([{ source_actor_id: actorId('person:kim jong un'), target_actor_id: null, event_date: null, date_precision: null, article_ids: ['art_0000000000000003'], confidence: 0 }]);
    expect(m.event_mentions).toMatchObject([{ article_id: 'art_0000000000000003', char_start: 0, char_end: text.length, text }]);
  });
});

describe('a malformed dedupe summary', () => {
  afterEach(() => {
    vi.doUnmock('../pipeline/dedupe.ts');
    vi.resetModules();
  });

  it('is found: a day that is not a whole number, an unsorted shingle set, a sample that is not a subset', () => {
    const s = summarise({ article_id: 'art_0000000000000001', text, published_date: '2024-01-02' });
    expect(summaryProblems('art_0000000000000001', s)).toEqual([]);
    expect(summaryProblems('art_0000000000000001', { ...s, sig: { ...s.sig, day: Number.NaN } })).toEqual(['signature day NaN is neither a whole number of days nor null']);
    expect(summaryProblems('art_0000000000000001', { ...s, shingles: s.shingles.slice().reverse() })).toEqual(['shingle set is not a sorted set of 32-bit hashes']);
    expect(summaryProblems('art_0000000000000001', { ...s, sig: { ...s.sig, sample: Uint32Array.of(4, 3) } })).toEqual(['shingle sample is not a sorted subset of the shingles that are 0 mod SAMPLE_MOD']);
  });

  it('quarantines its file in the clean task (CLEAN_FAILED, no article), and the next file is taken', async () => {
    vi.resetModules();
    vi.doMock('../pipeline/dedupe.ts', async (importOriginal) => {
      const real = await importOriginal<typeof dedupeModule>();
      const summarise: typeof real.summarise = (a) => {
        const s = real.summarise(a);
        return a.text.includes('second') ? { ...s, sig: { ...s.sig, day: Number.NaN } } : s;
      };
      return { ...real, summarise };
    });
    const { prepare } = await import('../pipeline/tasks.ts');
    const entry = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(`A headline\n\n${body}\n`), size: body.length });
    const [first, second] = [entry('a.txt', `${text} This is the first article.`), entry('b.txt', `${text} This is the second article.`)].map((e) => prepare({ entry: e, manifest: null }));
    expect(first!.outcome).toMatchObject({ status: 'processed', code: null, stage: null });
    expect(first!.summary).not.toBeNull();
    expect(second!.outcome).toMatchObject({ status: 'quarantined', code: 'CLEAN_FAILED', stage: 'clean', article_id: null });
    expect(second!.outcome.message).toMatch(/^SUMMARY_INVALID: b\.txt: the dedupe summary is malformed: signature day NaN/);
    expect([second!.article, second!.summary]).toEqual([null, null]);
  });
});

describe('a malformed share of the corpus steps', () => {
  it.each([
    ['an impossible date', report({ date: '2023-02-30' }), 'date "2023-02-30" is not a calendar date'],
    ['a date of another precision', report({ date: '2023-09', precision: 'day' }), 'date 2023-09 has precision "day"'],
    ['a NaN confidence', report({ confidence: Number.NaN }), 'confidence NaN is not a number from 0 to 1'],
    ['an evidence span outside the text', report({ end: text.length + 5 }), `evidence span 0-${text.length + 5} is not inside the text (${text.length} characters)`],
    ['an empty evidence span', report({ start: 4, end: 4 }), 'evidence span 4-4 is not inside the text'],
    ['a trigger outside the text', report({ trigger: { start: 500, end: 503 } }), 'trigger span 500-503 is not inside the text'],
    ['a source that is none of its actors', report({ sourceKey: 'person:nobody' }), 'source "person:nobody" is none of the article\'s actors'],
    ['an unknown event type', report({ type: 'PARTY' as EventDraft['type'] }), 'type "PARTY" is not an event_type'],
  ])('is found: %s', (_what, r, message) => {
    const problems = corpusProblems('art_0000000000000001', share([r]), text.length);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('is refused by CorpusAnnotations.add before anything is kept, and the other articles merge as if it had never come', () => {
    const bad = share([report({ confidence: Number.NaN })]);
    const c = new CorpusAnnotations();
    c.add(art(1), share([report()]));
    expect(() => c.add(art(2), bad)).toThrow(/CORPUS_INPUT_INVALID: row art_0000000000000002: 1 problem\(s\) .*confidence NaN/);
    c.add(art(3), share([report({ confidence: 0.6 })]));
    const clean = new CorpusAnnotations();
    clean.add(art(1), share([report()]));
    clean.add(art(3), share([report({ confidence: 0.6 })]));
    expect(c.finish(spanText)).toEqual(clean.finish(spanText));
  });
});

describe('a malformed event report made in the annotate task', () => {
  afterEach(() => {
    vi.doUnmock('../pipeline/annotate.ts');
    vi.resetModules();
  });

  it('fails that article alone (CHECK_FAILED, row "failed", nothing else of it); the next article is annotated', async () => {
    // The annotators are the real ones; each article gets one more report on its first two actor mentions,
    // and the second article's has an impossible date.
    vi.resetModules();
    vi.doMock('../pipeline/annotate.ts', async (importOriginal) => {
      const real = await importOriginal<typeof annotateModule>();
      const articleRows: typeof real.articleRows = (a) => {
        const rows = real.articleRows(a);
        const [s, t] = rows.actor_mentions;
        const key = (id: string) => rows.actors.find((c) => actorId(c.key) === id)!.key;
        const span = { start: 0, end: a.text.indexOf('.') + 1 };
        rows.reports.push(report({ ...span, sourceKey: key(s!.actor_id), targetKey: key(t!.actor_id), trigger: { start: s!.char_end, end: t!.char_start }, sourceMention: { start: s!.char_start, end: s!.char_end }, targetMention: { start: t!.char_start, end: t!.char_end }, date: a.article_id.endsWith('2') ? '2023-02-30' : '2023-02-28' }));
        return rows;
      };
      return { ...real, articleRows };
    });
    const { annotateTask } = await import('../pipeline/tasks.ts');
    const dir = tempDir();
    const store = new ArticleStore(path.join(dir, 'articles.store'));
    const items = ['1', '2'].map((n) => {
      // Stored whole: the task sets the dedupe fields and the annotation status itself.
      const a = articleOf(n, text);
      return { store: store.file, ref: store.addJson(JSON.stringify(a)), fields: { duplicate_of: a.duplicate_of, duplicate_kind: a.duplicate_kind, duplicate_similarity: a.duplicate_similarity, story_id: a.story_id } };
    });
    const [good, bad] = items.map((x) => annotateTask(x));
    expect(good!.failure).toBeNull();
    expect(good!.annotation!.corpus.reports.at(-1)).toMatchObject({ date: '2023-02-28' });
    expect(good!.annotation!.lines.actor_mentions.length).toBeGreaterThan(1);
    expect(JSON.parse(good!.row!.line).annotation_status).toBe('annotated');
    expect(bad!.failure).toMatchObject({ code: 'CHECK_FAILED', stage: 'check' });
    expect(bad!.failure!.message).toMatch(/^ANNOTATION_INVALID: row art_0000000000000002: 1 problem\(s\) .*date "2023-02-30" is not a calendar date/);
    expect(bad!.annotation).toBeNull();
    expect(JSON.parse(bad!.row!.line).annotation_status).toBe('failed');
    store.close();
  });
});
