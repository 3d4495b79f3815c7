/**
 * Property tests on news-like text (tests/generators/news.ts): the per-article functions, the corpus steps
 * and the task entry points meet headlines, bylines, datelines, chrome, quotes in every mark and shape,
 * speech cues before every punctuation, event clauses and negations, numbers, dates, contacts and URLs.
 * Unlike random Unicode, most of these cases give rows, so the offset and schema checks have rows to check:
 * each property counts how many cases gave quotes, mentions and events, and asserts a floor.
 *
 * Reproducible: the seed is fixed (override with FC_SEED=<n>; FC_RUNS=<factor> scales every numRuns), and
 * fast-check reports the seed and shrink path of a failure. A failing case found here is kept as a fixture
 * in tests/fixtures/regressions/<name>.txt, run by the last test through the same path.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotate, articleRows } from '../pipeline/annotate.ts';
import { CorpusAnnotations } from '../pipeline/annotate.ts';
import { clean } from '../pipeline/clean.ts';
import { decide, dedupe, dedupeFields } from '../pipeline/dedupe.ts';
import type { ArticleSummary } from '../pipeline/dedupe.ts';
import type { SeedEntry } from '../pipeline/ingest.ts';
import { ArticleStore } from '../pipeline/io/stores.ts';
import type { StoreRef } from '../pipeline/io/stores.ts';
import type { CleanArticle, FileOutcome, FullArticle, ManifestEntry } from '../pipeline/model.ts';
import { DEFAULT_OPTIONS } from '../pipeline/options.ts';
import { removePii } from '../pipeline/pii.ts';
import { run } from '../pipeline/run.ts';
import type { TableName } from '../pipeline/schema/tables.ts';
import { runTask } from '../pipeline/tasks.ts';
import { checkRow, validate } from '../pipeline/validate.ts';
import type { ValidationIssue } from '../pipeline/validate.ts';
import { newsArticle } from './generators/news.ts';
import type { GeneratedArticle } from './generators/news.ts';
import { articleOf, tempDir } from './helpers.ts';

const SEED = Number(process.env['FC_SEED'] ?? 20260511);
const SCALE = Number(process.env['FC_RUNS'] ?? 1);
const params = (numRuns: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)) });

/** Cases that gave at least one row of each kind, over all cases a property ran. */
class Tally {
  cases = 0;
  cleaned = 0;
  english = 0;
  quotes = 0;
  mentions = 0;
  events = 0;
  add(r: { cleaned?: boolean; english?: boolean; quotes: number; mentions: number; events: number }): void {
    this.cases++;
    if (r.cleaned ?? true) this.cleaned++;
    if (r.english ?? true) this.english++;
    if (r.quotes) this.quotes++;
    if (r.mentions) this.mentions++;
    if (r.events) this.events++;
  }
  share(k: 'cleaned' | 'english' | 'quotes' | 'mentions' | 'events'): number {
    return this[k] / Math.max(1, this.cases);
  }
  /** Prints the shares and asserts the lowest each must reach (most generated cases must yield rows). */
  expectShares(name: string, floors: Partial<Record<'cleaned' | 'quotes' | 'mentions' | 'events', number>>): void {
    this.print(name);
    for (const [k, floor] of Object.entries(floors) as ['cleaned' | 'quotes' | 'mentions' | 'events', number][]) expect(this.share(k), `${name}: share with ${k}`).toBeGreaterThan(floor);
  }
  print(name: string): void {
    const pct = (k: 'cleaned' | 'english' | 'quotes' | 'mentions' | 'events') => `${this[k]} (${Math.round(this.share(k) * 100)}%)`;
    console.log(`${name} [FC_SEED=${SEED}]: ${this.cases} cases; with a body ${pct('cleaned')}, English ${pct('english')}, with quotes ${pct('quotes')}, mentions ${pct('mentions')}, events ${pct('events')}`);
  }
}

const noIssues = (issues: ValidationIssue[], what: string) => expect(issues, `${what}: ${issues.map((i) => `${i.code} ${i.table}.${i.field}: ${i.message}`).join('; ')}`).toEqual([]);
const manifestOf = (file: string, g: GeneratedArticle): ManifestEntry | null => (g.manifest ? { file, ...g.manifest } : null);

/** Every row that points into the text slices to its own text. */
function expectOffsets(text: string, rows: { char_start: number; char_end: number; text: string }[], table: string): void {
  for (const r of rows) {
    expect(r.char_start, `${table} ${JSON.stringify(r.text)}`).toBeGreaterThanOrEqual(0);
    expect(r.char_end, `${table} ${JSON.stringify(r.text)}`).toBeLessThanOrEqual(text.length);
    expect(text.slice(r.char_start, r.char_end), `${table} offsets [${r.char_start}, ${r.char_end})`).toBe(r.text);
  }
}

/** Mentions never overlap (mentions.ts: a later pass never takes an earlier span), and ids are unique. */
function expectWellFormed(rows: { actor_mentions: { mention_id: string; mention_type: string; char_start: number; char_end: number; text: string }[]; quotes: { quote_id: string }[] }): void {
  const ms = [...rows.actor_mentions].sort((a, b) => a.char_start - b.char_start);
  for (let i = 1; i < ms.length; i++) expect(ms[i]!.char_start, `mentions ${JSON.stringify(ms[i - 1]!.text)} and ${JSON.stringify(ms[i]!.text)} overlap`).toBeGreaterThanOrEqual(ms[i - 1]!.char_end);
  // A mention is the words that name an actor: no spaces around them, a letter in them, and never a connector
  // first ("and Kaka University").
  for (const m of rows.actor_mentions) {
    expect(m.text, 'mention text is trimmed').toBe(m.text.trim());
    expect(m.text).toMatch(/\p{L}/u);
    expect(m.text, `${m.mention_type} mention`).not.toMatch(/^(?:and|or|of|for|&)\s/u);
  }
  expect(new Set(ms.map((m) => m.mention_id)).size).toBe(ms.length);
  expect(new Set(rows.quotes.map((q) => q.quote_id)).size).toBe(rows.quotes.length);
}

/**
 * The per-article path as the workers run it: clean the file, give the article its dedupe fields, annotate
 * it, and check every row on its own (schema, offsets, contact data). Returns what it made, for the tallies.
 */
function perArticle(file: string, g: Pick<GeneratedArticle, 'raw' | 'manifest'>): { cleaned: boolean; english: boolean; quotes: number; mentions: number; events: number } {
  const r = clean({ sourceFile: file, text: g.raw, manifest: g.manifest ? { file, ...g.manifest } : null });
  if (!r.ok) return { cleaned: false, english: false, quotes: 0, mentions: 0, events: 0 };
  const a = dedupe([r.article]).articles[0]!;
  const t = a.text;
  expect(t.isWellFormed()).toBe(true);
  expect(t).toBe(t.normalize('NFC'));
  noIssues(checkRow('articles', { ...a, annotation_status: 'annotated' }, t).issues, 'articles');
  // Annotated whatever language franc sees: the functions must hold on any text, not only on what the run annotates.
  const rows = articleRows(a);
  expectWellFormed(rows);
  expectOffsets(t, rows.actor_mentions, 'actor_mentions');
  expectOffsets(t, rows.quotes, 'quotes');
  for (const m of rows.actor_mentions) noIssues(checkRow('actor_mentions', m as unknown as Record<string, unknown>, t).issues, 'actor_mentions');
  for (const q of rows.quotes) noIssues(checkRow('quotes', q as unknown as Record<string, unknown>, t).issues, 'quotes');
  for (const e of rows.reports) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(t.length);
    expect(e.start).toBeLessThan(e.end);
  }
  return { cleaned: true, english: a.language === 'en', quotes: rows.quotes.length, mentions: rows.actor_mentions.length, events: rows.reports.length };
}

/** The in-memory annotate() over a few articles: the corpus steps (registry, event merge) too, then validate(). */
function corpusPath(gs: GeneratedArticle[]): { quotes: number; mentions: number; events: number } {
  const cleaned: CleanArticle[] = [];
  gs.forEach((g, i) => {
    const file = `g${i}.txt`;
    const r = clean({ sourceFile: file, text: g.raw, manifest: manifestOf(file, g) });
    // Annotate reads English only: the generated text is English whatever franc makes of a short body.
    if (r.ok) cleaned.push({ ...r.article, language: 'en' });
  });
  const articles = dedupe(cleaned).articles;
  const out = annotate(articles);
  const textOf = new Map(articles.map((a) => [a.article_id, a.text]));
  const text = (id: string) => textOf.get(id)!;
  for (const m of out.actor_mentions) expectOffsets(text(m.article_id), [m], 'actor_mentions');
  for (const q of out.quotes) expectOffsets(text(q.article_id), [q], 'quotes');
  for (const em of out.event_mentions) {
    expectOffsets(text(em.article_id), [em as { char_start: number; char_end: number; text: string }], 'event_mentions');
    // The trigger word, where the row names one, stands inside its evidence sentence.
    const r = em as unknown as Record<string, unknown>;
    if (typeof r['trigger_start'] === 'number') expect(em.char_start <= r['trigger_start'] && r['trigger_start'] < (r['trigger_end'] as number) && (r['trigger_end'] as number) <= em.char_end, JSON.stringify(em)).toBe(true);
  }
  const tables = { articles: articles.map((a) => ({ ...a, annotation_status: 'annotated' })), ...out } as unknown as Parameters<typeof validate>[0];
  noIssues(validate(tables).issues, 'validate');
  return { quotes: out.quotes.length, mentions: out.actor_mentions.length, events: out.events.length };
}

describe(`news-like text (FC_SEED=${SEED})`, () => {
  it('clean → articleRows → checkRow: no exception, every offset exact, no issue; most cases give quotes and mentions', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(newsArticle, (g) => {
        tally.add(perArticle('news.txt', g));
      }),
      params(700),
    );
    tally.expectShares('per-article', { cleaned: 0.95, quotes: 0.8, mentions: 0.9, events: 0.45 });
  });

  it('articleRows on the generated body as written (no clean): text ending on a cue, every mark, every punctuation', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(newsArticle, (g) => {
        // Contact data goes first in clean, before anything reads the text; the rest is as the generator wrote it.
        const body = removePii(g.body);
        const rows = articleRows(articleOf('b0d1', body));
        expectWellFormed(rows);
        expectOffsets(body, rows.actor_mentions, 'actor_mentions');
        expectOffsets(body, rows.quotes, 'quotes');
        for (const q of rows.quotes) noIssues(checkRow('quotes', q as unknown as Record<string, unknown>, body).issues, 'quotes');
        for (const m of rows.actor_mentions) noIssues(checkRow('actor_mentions', m as unknown as Record<string, unknown>, body).issues, 'actor_mentions');
        for (const e of rows.reports) expect(0 <= e.start && e.start < e.end && e.end <= body.length, JSON.stringify(e)).toBe(true);
        tally.add({ quotes: rows.quotes.length, mentions: rows.actor_mentions.length, events: rows.reports.length });
      }),
      params(500),
    );
    tally.expectShares('body only', { quotes: 0.8, mentions: 0.9, events: 0.45 });
  });

  it('annotate() on small batches: registry and event merge give valid, referentially whole tables', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(fc.array(newsArticle, { minLength: 1, maxLength: 4 }), (gs) => {
        tally.add(corpusPath(gs));
      }),
      params(100),
    );
    tally.expectShares('annotate() batches', { quotes: 0.9, mentions: 0.9, events: 0.6 });
  });

  it("runTask('prepare') and runTask('annotate') on generated files: every file has one outcome, rows check clean", () => {
    const dir = tempDir('dispatches-news-');
    const tally = new Tally();
    let batch = 0;
    // Most files UTF-8; now and then with a byte order mark, in UTF-16, or no article at all (empty, blank,
    // binary, not UTF-8), to be accounted for too.
    type Encoding = 'utf8' | 'bom' | 'utf16le' | 'empty' | 'blank' | 'binary' | 'latin1';
    const encoding = fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'bom', 'utf16le', 'empty', 'blank', 'binary', 'latin1');
    const encode = (raw: string, e: Encoding): Uint8Array => {
      if (e === 'utf16le') return new Uint8Array([0xff, 0xfe, ...Buffer.from(raw, 'utf16le')]);
      if (e === 'bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(raw, 'utf8')]);
      if (e === 'empty') return new Uint8Array(0);
      if (e === 'blank') return Buffer.from(' \n\t\n\u00a0');
      if (e === 'binary') return new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);
      if (e === 'latin1') return Buffer.from('Caf\u00e9 au lait, said the minister in S\u00e3o Paulo on Monday.', 'latin1');
      return Buffer.from(raw, 'utf8');
    };
    const takesText = (e: Encoding) => e === 'utf8' || e === 'bom' || e === 'utf16le';
    fc.assert(
      fc.property(fc.array(fc.tuple(newsArticle, encoding), { minLength: 1, maxLength: 6 }), (files) => {
        const store = new ArticleStore(path.join(dir, `articles-${batch++}.store`));
        try {
          const outcomes: FileOutcome[] = [];
          const kept: { id: string; ref: StoreRef }[] = [];
          const summaries: ArticleSummary[] = [];
          files.forEach(([g, e], i) => {
            const name = `news-${String(i).padStart(2, '0')}.txt`;
            const b = encode(g.raw, e);
            const entry: SeedEntry = { name, bytes: b, size: b.length };
            const r = runTask('prepare', { entry, manifest: manifestOf(name, g) });
            outcomes.push(r.outcome);
            if (r.article && r.summary) {
              kept.push({ id: r.article.id, ref: store.addJson(r.article.json) });
              summaries.push(r.summary);
            }
          });
          expect(outcomes.map((o) => o.file)).toEqual(files.map((_, i) => `news-${String(i).padStart(2, '0')}.txt`));
          // A generated article is processed, or (a body too short to pass for prose) quarantined by clean;
          // the other files are refused by ingest with a reason code.
          files.forEach(([, e], i) => {
            const o = outcomes[i]!;
            if (takesText(e)) expect(['processed null', 'quarantined NO_BODY'], JSON.stringify(o)).toContain(`${o.status} ${o.code}`);
            else expect(o, JSON.stringify(o)).toMatchObject({ status: 'quarantined', code: expect.stringMatching(/^(?:EMPTY_FILE|BLANK_FILE|BINARY_FILE|INVALID_ENCODING)$/) });
          });
          const decisions = decide(summaries);
          const corpus = new CorpusAnnotations();
          const texts = new Map<string, string>();
          let quotes = 0;
          let mentions = 0;
          for (const { id, ref } of kept) {
            const out = runTask('annotate', { store: store.file, ref, fields: dedupeFields(id, decisions) });
            // The task quarantines an article whose annotation throws or fails its checks: on news-like text,
            // that is a bug the quarantine would hide, so none may fail.
            expect(out.failure, JSON.stringify(out.failure)).toBeNull();
            expect(out.row).not.toBeNull();
            noIssues(out.row!.issues, 'articles row');
            const row = JSON.parse(out.row!.line) as FullArticle;
            expect(row.article_id).toBe(id);
            expect(row.annotation_status).toBe(row.duplicate_of === null && row.language === 'en' ? 'annotated' : 'not_annotated');
            texts.set(id, row.text);
            if (!out.annotation) continue;
            noIssues(out.annotation.issues, 'annotation');
            for (const [, line] of [...out.annotation.lines.actor_mentions, ...out.annotation.lines.quotes]) {
              const r = JSON.parse(line) as { char_start: number; char_end: number; text: string };
              expect(row.text.slice(r.char_start, r.char_end)).toBe(r.text);
            }
            quotes += out.annotation.lines.quotes.length;
            mentions += out.annotation.lines.actor_mentions.length;
            corpus.add(out.article, out.annotation.corpus);
          }
          const m = corpus.finish((id, s, e) => texts.get(id)!.slice(s, e));
          const check = (table: TableName, rows: object[], textOf: (r: Record<string, unknown>) => string | undefined) => {
            for (const row of rows as Record<string, unknown>[]) noIssues(checkRow(table, row, textOf(row)).issues, table);
          };
          check('actors', m.actors, () => undefined);
          check('events', m.events, () => undefined);
          check('event_mentions', m.event_mentions, (r) => texts.get(String(r['article_id'])));
          tally.add({ quotes, mentions, events: m.events.length });
        } finally {
          store.close();
        }
      }),
      params(40),
    );
    tally.expectShares('task entry points', { quotes: 0.8, mentions: 0.8, events: 0.5 });
  });

  it('run() on small generated corpora completes and accounts for every input file in the run report', async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.array(newsArticle, { minLength: 2, maxLength: 8 }), async (gs) => {
        const seeds = tempDir('dispatches-news-seeds-');
        const out = tempDir('dispatches-news-out-');
        const names = gs.map((_, i) => `story-${i}.txt`);
        gs.forEach((g, i) => writeFileSync(path.join(seeds, names[i]!), g.raw));
        writeFileSync(path.join(seeds, 'notes.md'), 'not an article');
        const articles = gs.flatMap((g, i) => (g.manifest ? [{ file: names[i]!, ...g.manifest }] : []));
        writeFileSync(path.join(seeds, 'manifest.json'), JSON.stringify({ articles }));
        const summary = await run({ ...DEFAULT_OPTIONS, seeds, out, version: '0.0.1', workers: 1 });
        const report = summary.report;
        expect(report.files.map((f) => f.file).sort()).toEqual([...names, 'notes.md'].sort());
        expect(report.files.find((f) => f.file === 'notes.md')).toMatchObject({ status: 'ignored', code: 'NOT_TXT' });
        for (const f of report.files.filter((x) => x.file !== 'notes.md')) expect(['processed', 'duplicate', 'quarantined NO_BODY'], JSON.stringify(f)).toContain(f.status === 'quarantined' ? `${f.status} ${f.code}` : f.status);
        const c = report.counts;
        expect(c.processed + c.duplicate + c.quarantined + c.ignored).toBe(c.files);
        expect(JSON.parse(readFileSync(path.join(summary.dir, 'run-report.json'), 'utf8'))).toEqual(report);
        tally.add({ quotes: report.tables.quotes, mentions: report.tables.actor_mentions, events: report.tables.events });
      }),
      // Each shrinking step is a whole run: a failure shrinks for 20 s at most, and reports the smallest case by then.
      { ...params(3), interruptAfterTimeLimit: 20_000 },
    );
    tally.print('run()');
    expect(tally.share('mentions')).toBe(1);
    expect(tally.share('quotes')).toBeGreaterThan(0.5);
  });

  const regressions = new URL('./fixtures/regressions/', import.meta.url);
  const cases = readdirSync(regressions).filter((f) => f.endsWith('.txt'));
  it.each(cases)('regression %s: the per-article path and annotate() hold', (name) => {
    const raw = readFileSync(new URL(name, regressions), 'utf8');
    // Every fixture is an article: it must keep a body.
    expect(perArticle(name, { raw, manifest: null }).cleaned).toBe(true);
    corpusPath([{ raw, body: raw, manifest: { outlet: null, url: null, published_date: '2024-05-10', language: 'en' } }]);
    const a = articleOf('regression', raw);
    const rows = articleRows(a);
    expectWellFormed(rows);
    expectOffsets(raw, rows.quotes, 'quotes');
    expectOffsets(raw, rows.actor_mentions, 'actor_mentions');
  });
});
