/**
 * The explorer: its pure parts (routes, nested highlights, dates), its build (the same bytes every time), and
 * the page itself in Debian's Chromium (playwright-core): the explorer of the seeds release (full and public
 * profile) served on loopback, each view's counts against the JSON Lines files, every quote highlighted at its
 * exact offsets, an event followed to its evidence, the keyboard, axe-core, screenshots, and no console error.
 * Without /usr/bin/chromium the browser part is skipped, except under CI=true, where it fails.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorer } from '../explorer/build.ts';
import { serveFolder } from '../explorer/serve.ts';
import { bucketOf, dateRange, timeline, unitFor } from '../explorer/src/dates.ts';
import { formatHash, parseHash } from '../explorer/src/route.ts';
import { nest } from '../explorer/src/spans.ts';
import type { Span } from '../explorer/src/spans.ts';
import { readJsonl, ROOT, tempDir, VERSION } from './helpers.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the page's globals, for the functions run in the browser (page.evaluate); this file is type-checked without the DOM library */
declare const document: any, location: any, window: any;
type HTMLElement = any;
type HTMLInputElement = any;
type Document = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

type Row = Record<string, unknown>;

describe('explorer: URL-hash routes', () => {
  it('parses views, ids and parameters, and formats them back to the same link', () => {
    expect(parseHash('')).toEqual({ view: 'overview', id: null, params: {} });
    expect(parseHash('#/events?type=ACCUSE&from=2023-10&actor=')).toEqual({ view: 'events', id: null, params: { type: 'ACCUSE', from: '2023-10' } });
    expect(parseHash('#/article/art_0123456789abcdef?hl=quo_1')).toEqual({ view: 'article', id: 'art_0123456789abcdef', params: { hl: 'quo_1' } });
    expect(parseHash('#/nonsense/x')).toEqual({ view: 'overview', id: null, params: {} });
    const r = { view: 'quotes' as const, id: null, params: { q: 'sanctions & “talks”', outlet: 'KBS World' } };
    expect(parseHash(formatHash(r))).toEqual(r);
    expect(formatHash({ view: 'events', params: { type: '', root: '04', actor: undefined } })).toBe('#/events?root=04');
  });
});

describe('explorer: nested highlights', () => {
  const text = 'abcdefghijklmnopqrstuvwxyz';
  /** Renders tokens as [key…] brackets, and checks every span's parts cover exactly its characters. */
  function render(spans: Span[]): string {
    const covered = new Map<string, string>();
    const stack: string[] = [];
    let out = '';
    for (const t of nest(text.length, spans)) {
      if (t.kind === 'open') {
        stack.push(t.span.key);
        out += `[${t.span.key}${t.part ? `#${t.part}` : ''} `;
      } else if (t.kind === 'close') {
        expect(stack.pop()).toBe(t.span.key);
        out += ']';
      } else {
        out += text.slice(t.start, t.end);
        for (const k of stack) covered.set(k, (covered.get(k) ?? '') + text.slice(t.start, t.end));
      }
    }
    expect(stack).toEqual([]);
    for (const s of spans) if (s.start < s.end) expect(covered.get(s.key), s.key).toBe(text.slice(Math.max(0, s.start), Math.min(text.length, s.end)));
    return out;
  }

  it('keeps the selected span (rank 0) whole and cuts lower ranks that cross it', () => {
    const spans = [
      { key: 'sel', start: 5, end: 15, rank: 0 },
      { key: 'm', start: 2, end: 8, rank: 5 },
      { key: 'q', start: 12, end: 20, rank: 3 },
    ];
    expect(render(spans)).toBe('ab[m cde][sel [m#1 fgh]ijkl[q mno]][q#1 pqrst]uvwxyz');
  });

  it('nests contained spans, orders equal ranks by start, drops empty and clips to the text', () => {
    expect(render([{ key: 'a', start: 0, end: 10, rank: 3 }, { key: 'b', start: 2, end: 4, rank: 5 }])).toBe('[a ab[b cd]efghij]klmnopqrstuvwxyz');
    expect(render([{ key: 'a', start: 0, end: 6, rank: 3 }, { key: 'b', start: 3, end: 9, rank: 3 }])).toBe('[a abc[b def]][b#1 ghi]jklmnopqrstuvwxyz');
    expect(render([{ key: 'e', start: 4, end: 4, rank: 1 }, { key: 'c', start: 20, end: 99, rank: 1 }])).toBe('abcdefghijklmnopqrst[c uvwxyz]');
  });

  it('covers every span exactly, whatever the spans (random cases)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let trial = 0; trial < 200; trial++) {
      const spans = Array.from({ length: 1 + rnd(8) }, (_, i) => {
        const a = rnd(26);
        return { key: `s${i}`, start: a, end: a + rnd(27 - a), rank: rnd(4) };
      });
      render(spans);
    }
  });
});

describe('explorer: dates and the timeline', () => {
  it('reads partial dates as the range they stand for', () => {
    const day = (s: string) => Math.floor(Date.parse(`${s}T00:00:00Z`) / 86_400_000);
    expect(dateRange('2023-10-20')).toEqual([day('2023-10-20'), day('2023-10-20')]);
    expect(dateRange('2024-02')).toEqual([day('2024-02-01'), day('2024-02-29')]);
    expect(dateRange('2023')).toEqual([day('2023-01-01'), day('2023-12-31')]);
    expect(dateRange(null)).toBeNull();
    expect(dateRange('20-10')).toBeNull();
    expect(unitFor(day('2023-01-01'), day('2023-03-01'))).toBe('day');
    expect(unitFor(day('2020-01-01'), day('2023-03-01'))).toBe('month');
    expect(bucketOf(day('1971-02-03'), 'month')).toBe(13);
  });

  it('counts events within one bucket as bars and wider dates as ranges, undated apart', () => {
    const dates = ['2023-10-01', '2023-10-20', '2023-11', '2023', null, '2022-12-31'];
    const r = dates.map(dateRange);
    const start = r.map((x) => (x ? x[0] : -1));
    const end = r.map((x) => (x ? x[1] : -1));
    const tl = timeline([0, 1, 2, 3, 4, 5], [0, 0, 0, 1, 1, 1], start, end, 'month');
    expect(tl.undated).toBe(1);
    expect(tl.size).toBe(13); // 2022-12 … 2023-12
    expect(tl.types.get(0)!.counts.filter(Boolean)).toEqual([2, 1]);
    expect(tl.types.get(1)!.ranges).toEqual([{ from: 1, to: 12, count: 1 }]);
    expect(tl.types.get(1)!.counts[0]).toBe(1);
  });
});

describe('explorer: build', () => {
  it('gives the same bytes on every build, and holds no absolute path of this machine', () => {
    const a = buildExplorer();
    const b = buildExplorer();
    expect(a.map((f) => f.path)).toEqual(['THIRD_PARTY_NOTICES.txt', 'app.css', 'app.js', 'index.html']);
    for (const [i, f] of a.entries()) expect(Buffer.from(f.bytes).equals(Buffer.from(b[i]!.bytes)), f.path).toBe(true);
    for (const f of a) expect(Buffer.from(f.bytes).toString('utf8').includes(ROOT), f.path).toBe(false);
    // Nothing from the network: no absolute URL is fetched or loaded by the page.
    const js = Buffer.from(a.find((f) => f.path === 'app.js')!.bytes).toString('utf8');
    expect(js).not.toMatch(/fetch\(["'`]https?:/);
    expect(Buffer.from(a.find((f) => f.path === 'index.html')!.bytes).toString('utf8')).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env['CI'] === 'true';
if (!HAVE_CHROMIUM && !IN_CI) console.warn(`explorer browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium); under CI=true they fail instead`);

/** Runs the pipeline CLI without blocking (so two runs go side by side). */
function pipeline(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipeline/cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('explorer in Chromium (the seeds release)', () => {
  const out = tempDir('dispatches-explorer-');
  const rel = path.join(out, VERSION);
  const pub = path.join(out, 'public', VERSION);
  const shots = process.env['EXPLORER_SCREENSHOTS'] ?? path.join(ROOT, 'node_modules/.cache/explorer-screenshots');
  const jsonl = (t: string, dir = rel): Row[] => readJsonl(path.join(dir, `jsonl/${t}.jsonl`));
  let browser: Browser;
  let page: Page;
  const servers: { url: string; close: () => Promise<void> }[] = [];
  const problems: string[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    // The previous released version beside it, so the overview has changes to show.
    for (const v of readdirSync(path.join(ROOT, 'dist-data')).filter((n) => /^v\d/.test(n) && n !== VERSION)) cpSync(path.join(ROOT, 'dist-data', v), path.join(out, v), { recursive: true });
    const runs = await Promise.all([pipeline(['--seeds', path.join(ROOT, 'seeds'), '--out', out]), pipeline(['--seeds', path.join(ROOT, 'seeds'), '--out', out, '--profile', 'public'])]);
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    servers.push(await serveFolder(rel), await serveFolder(pub));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    page = await newPage(servers[0]!.url);
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    if (Object.keys(timings).length) console.log(`explorer timings on the seeds release (ms): ${JSON.stringify(timings)}; screenshots in ${shots}`);
  });

  async function newPage(base: string): Promise<Page> {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    p.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`request outside the release: ${r.url()}`);
    });
    const t0 = Date.now();
    await p.goto(`${base}explorer/index.html#/overview`);
    await p.waitForFunction(() => document.documentElement.hasAttribute('data-ready-overview'));
    timings[`first view ${base.endsWith(servers[0]!.url) ? 'full' : base}`] = Date.now() - t0;
    return p;
  }

  /** Goes to a hash and waits until the view says it is drawn (`ready`), returning the time it took. */
  async function go(hash: string, ready: string, p = page): Promise<number> {
    const t0 = Date.now();
    await after(ready, () => p.evaluate((h) => (location.hash = h), hash), p);
    return Date.now() - t0;
  }

  /** Does `action` and waits until the view `ready` has drawn again (and the page is no longer busy). */
  async function after(ready: string, action: () => Promise<unknown>, p = page): Promise<void> {
    const before = await p.evaluate((name) => document.documentElement.getAttribute(`data-ready-${name}`), ready);
    await action();
    await p.waitForFunction(([name, prev]) => document.documentElement.getAttribute(`data-ready-${name}`) !== prev && !document.getElementById('main')!.hasAttribute('aria-busy'), [ready, before] as const);
  }

  const count = (selector: string, p = page) => p.$eval(selector, (el) => Number((el as HTMLElement).dataset['count']));

  async function axe(view: string, p = page): Promise<void> {
    await p.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
    const result = await p.evaluate(async () => {
      const w = window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
      return (await w.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad, `${view}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
  }

  const shot = (name: string, p = page) => p.screenshot({ path: path.join(shots, `${name}.png`) });

  it('overview: rows per table equal the JSON Lines files, and the changes equal changes/summary.json', async () => {
    await page.waitForSelector('table.outlets');
    for (const t of ['articles', 'actors', 'actor_mentions', 'quotes', 'events', 'event_mentions']) expect(await count(`tr[data-table="${t}"] td[data-count]`), t).toBe(jsonl(t).length);
    const summary = JSON.parse(readFileSync(path.join(rel, 'changes/summary.json'), 'utf8')) as { previous_version: string; tables: Record<string, { added: number; removed: number; changed: number }> };
    const text = await page.locator('table.changes').innerText();
    expect(await page.locator('main').innerText()).toContain(`Against version ${summary.previous_version}`);
    for (const [t, c] of Object.entries(summary.tables)) expect(text).toMatch(new RegExp(`${t}\\s+${c.added}\\s+${c.removed}\\s+${c.changed}`));
    const outlets = new Set(jsonl('articles').map((a) => a['outlet']).filter(Boolean));
    for (const o of outlets) expect(await page.locator('table.outlets').innerText()).toContain(String(o));
    await axe('overview');
    await shot('overview');
  });

  it('events: the count, the timeline and each filter (type, CAMEO root, actor, outlet, dates) agree with events.jsonl', async () => {
    const events = jsonl('events');
    const articles = new Map(jsonl('articles').map((a) => [a['article_id'], a]));
    timings['events view'] = await go('#/events', 'events');
    expect(await count('#events-summary')).toBe(events.length);
    expect(await page.$eval('.vlist', (el) => el.querySelector('[role="listitem"]')?.getAttribute('aria-setsize'))).toBe(String(events.length));
    const dated = events.filter((e) => e['event_date']).length;
    const bars = await page.$$eval('figure.timeline .tl-total', (els) => els.reduce((n, e) => n + Number(e.textContent!.replace(/,/g, '')), 0));
    expect(bars).toBe(dated);
    await axe('events');
    await shot('events');
    // Printed, the timeline stays and the controls go.
    await page.emulateMedia({ media: 'print' });
    expect([await page.isVisible('nav'), await page.isVisible('form.filters'), await page.isVisible('figure.timeline svg')]).toEqual([false, false, true]);
    await page.emulateMedia({ media: 'screen' });
    const byCount = (k: string) => [...new Set(events.map((e) => String(e[k])))].sort((a, b) => events.filter((e) => String(e[k]) === b).length - events.filter((e) => String(e[k]) === a).length)[0]!;
    const type = byCount('event_type');
    timings['filter by type'] = await go(formatHash({ view: 'events', params: { type } }), 'events');
    expect(await count('#events-summary')).toBe(events.filter((e) => e['event_type'] === type).length);
    const root = String(events[0]!['cameo_code']).slice(0, 2);
    await go(formatHash({ view: 'events', params: { root } }), 'events');
    expect(await count('#events-summary')).toBe(events.filter((e) => String(e['cameo_code']).startsWith(root)).length);
    const actor = byCount('source_actor_id');
    await go(formatHash({ view: 'events', params: { actor } }), 'events');
    expect(await count('#events-summary')).toBe(events.filter((e) => e['source_actor_id'] === actor || e['target_actor_id'] === actor).length);
    const outlet = String([...articles.values()].find((a) => a['outlet'])!['outlet']);
    await go(formatHash({ view: 'events', params: { outlet } }), 'events');
    expect(await count('#events-summary')).toBe(events.filter((e) => (e['article_ids'] as string[]).some((a) => articles.get(a)?.['outlet'] === outlet)).length);
    // Dates: an event dated 2023 overlaps October 2023; one dated 2023-09-30 does not.
    const overlaps = (d: unknown, from: string, to: string) => typeof d === 'string' && d.slice(0, to.length) <= to && `${d}-99-99`.slice(0, 10) >= from;
    timings['filter by dates'] = await go(formatHash({ view: 'events', params: { from: '2023-10-01', to: '2023-10-31' } }), 'events');
    expect(await count('#events-summary')).toBe(events.filter((e) => overlaps(e['event_date'], '2023-10-01', '2023-10-31')).length);
    // The form sets the hash, and the hash sets the form.
    await page.selectOption('#f-type', type);
    await page.waitForFunction((t) => location.hash.includes(`type=${t}`), type);
    expect(await page.$eval('#f-from', (el) => (el as HTMLInputElement).value)).toBe('2023-10-01');
  });

  it('events: an event opens its evidence sentences, and each opens its article with the sentence highlighted at its offsets', async () => {
    await go('#/events', 'events');
    const href = await page.$eval('.vlist a', (a) => a.getAttribute('href')!);
    const id = decodeURIComponent(href.split('/').pop()!);
    await after('event', () => page.click('.vlist a'));
    const evidence = jsonl('event_mentions').filter((m) => m['event_id'] === id);
    expect(evidence.length).toBeGreaterThan(0);
    expect(await page.$$eval('ol.evidence > li[data-evidence]', (els) => els.map((e) => e.getAttribute('data-evidence')).sort())).toEqual(evidence.map((m) => m['event_mention_id']).sort());
    for (const m of evidence) expect(await page.locator(`li[data-evidence="${String(m['event_mention_id'])}"] blockquote`).innerText()).toBe(m['text']);
    await axe('event');
    await shot('event');
    const em = evidence.sort((a, b) => String(a['event_mention_id']).localeCompare(String(b['event_mention_id'])))[0]!;
    await after('article', () => page.click(`li[data-evidence="${String(em['event_mention_id'])}"] a.open-evidence`));
    const article = jsonl('articles').find((a) => a['article_id'] === em['article_id'])!;
    expect(await page.$eval('#selected', (el) => el.textContent)).toBe(String(article['text']).slice(Number(em['char_start']), Number(em['char_end'])));
    expect(await page.$eval('#selected', (el) => el.getAttribute('data-key'))).toBe(em['event_mention_id']);
    const trigger = await page.$$eval('mark.related[data-kind="trigger"]', (els) => els.map((e) => e.textContent).join(''));
    expect(trigger).toBe(String(article['text']).slice(Number(em['trigger_start']), Number(em['trigger_end'])));
  });

  it('quotes: the count and filters agree with quotes.jsonl', async () => {
    const quotes = jsonl('quotes');
    timings['quotes view'] = await go('#/quotes', 'quotes');
    expect(await count('.summary')).toBe(quotes.length);
    await axe('quotes');
    await shot('quotes');
    await go('#/quotes?type=direct', 'quotes');
    expect(await count('.summary')).toBe(quotes.filter((q) => q['quote_type'] === 'direct').length);
    const speaker = String(quotes.find((q) => q['speaker_actor_id'])!['speaker_actor_id']);
    await go(formatHash({ view: 'quotes', params: { speaker } }), 'quotes');
    expect(await count('.summary')).toBe(quotes.filter((q) => q['speaker_actor_id'] === speaker).length);
    const word = 'Russia';
    await go(formatHash({ view: 'quotes', params: { q: word } }), 'quotes');
    expect(await count('.summary')).toBe(quotes.filter((q) => `${String(q['text'])}\n${String(q['speaker_text'] ?? '')}`.toLowerCase().includes(word.toLowerCase())).length);
  });

  it('quotes: every quote opens its article with exactly its words highlighted, its cue and its speaker mention marked', async () => {
    const articles = new Map(jsonl('articles').map((a) => [a['article_id'], String(a['text'])]));
    const mentions = new Map(jsonl('actor_mentions').map((m) => [m['mention_id'], m]));
    const quotes = jsonl('quotes');
    let first = true;
    for (const q of quotes) {
      const t = await go(formatHash({ view: 'quote', id: String(q['quote_id']) }), 'article');
      if (first) timings['a quote in its article'] = t;
      const text = articles.get(q['article_id'])!;
      const got = await page.evaluate((id) => {
        const sel = [...document.querySelectorAll('#article-text mark.selected')];
        const parts = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.textContent).join('');
        return { n: sel.length, key: sel[0]?.getAttribute('data-key'), text: sel[0]?.textContent, id: sel[0]?.id, cue: parts(`mark.related[data-key="${id}:cue"]`) };
      }, String(q['quote_id']));
      expect(got, String(q['quote_id'])).toMatchObject({ n: 1, key: q['quote_id'], id: 'selected', text: text.slice(Number(q['char_start']), Number(q['char_end'])) });
      expect(got.text).toBe(q['text']);
      if (q['cue_start'] !== null) expect(got.cue).toBe(text.slice(Number(q['cue_start']), Number(q['cue_end'])));
      if (q['speaker_mention_id']) {
        const m = mentions.get(q['speaker_mention_id'])!;
        const speaker = await page.$$eval(`mark.related[data-key="${String(m['mention_id'])}"]`, (els) => els.map((e) => e.textContent).join(''));
        expect(speaker).toBe(text.slice(Number(m['char_start']), Number(m['char_end'])));
      }
      if (first) {
        await axe('quote in its article');
        await shot('article');
        first = false;
      }
    }
  });

  it('articles: the count and every mention, quote and evidence of an article are highlighted at their offsets', async () => {
    const arts = jsonl('articles');
    timings['articles view'] = await go('#/articles', 'articles');
    expect(await count('.summary')).toBe(arts.length);
    await axe('articles');
    const a = arts.find((x) => x['annotation_status'] === 'annotated')!;
    await go(formatHash({ view: 'article', id: String(a['article_id']) }), 'article');
    const text = String(a['text']);
    const marks = await page.$$eval('#article-text mark[data-key]', (els) => {
      const byKey = new Map<string, string>();
      for (const e of els) byKey.set(e.getAttribute('data-key')!, (byKey.get(e.getAttribute('data-key')!) ?? '') + e.textContent);
      return Object.fromEntries(byKey);
    });
    const mine = (t: string) => jsonl(t).filter((r) => r['article_id'] === a['article_id']);
    for (const m of mine('actor_mentions')) expect(marks[String(m['mention_id'])], String(m['mention_id'])).toBe(text.slice(Number(m['char_start']), Number(m['char_end'])));
    for (const q of mine('quotes')) expect(marks[String(q['quote_id'])]).toBe(text.slice(Number(q['char_start']), Number(q['char_end'])));
    for (const e of mine('event_mentions')) expect(marks[String(e['event_mention_id'])]).toBe(text.slice(Number(e['char_start']), Number(e['char_end'])));
    expect(await page.locator('main').innerText()).toContain(String(a['story_id']));
    await axe('article');
  });

  it('actors: the count, a search and an actor page with its aliases, quotes and events', async () => {
    const actors = jsonl('actors');
    timings['actors view'] = await go('#/actors', 'actors');
    expect(await count('.summary')).toBe(actors.length);
    await page.waitForSelector('figure.network svg');
    await axe('actors');
    await shot('actors');
    await go('#/actors?q=korea', 'actors');
    expect(await count('.summary')).toBe(actors.filter((a) => String(a['name']).toLowerCase().includes('korea')).length);
    const top = [...actors].sort((a, b) => Number(b['mention_count']) - Number(a['mention_count']))[0]!;
    await go(formatHash({ view: 'actor', id: String(top['actor_id']) }), 'actor');
    const body = await page.locator('main').innerText();
    for (const alias of top['aliases'] as string[]) expect(body).toContain(alias);
    const events = jsonl('events').filter((e) => e['source_actor_id'] === top['actor_id'] || e['target_actor_id'] === top['actor_id']).length;
    const quotes = jsonl('quotes').filter((q) => q['speaker_actor_id'] === top['actor_id']).length;
    expect(body).toContain(`${events} events as source or target`);
    expect(body).toContain(`${quotes} quotes attributed to`);
    await axe('actor');
    await go(formatHash({ view: 'actors', params: { net: 'names' } }), 'actors');
    await page.waitForSelector('figure.network svg');
  });

  it('can be used from the keyboard: skip link, list rows with the arrow keys, Enter opens a row', async () => {
    await go('#/quotes', 'quotes');
    // From the top of the page, the first Tab reaches the skip link, which takes the focus to the content.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main' && location.hash === '#/quotes');
    await page.focus('.vlist [role="listitem"] a');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-i]')?.getAttribute('data-i'))).toBe('1');
    await page.keyboard.press('End');
    const last = String(jsonl('quotes').length - 1);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-i]')?.getAttribute('data-i'))).toBe(last);
    await page.waitForFunction(() => document.activeElement?.tagName === 'A');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await after('article', () => page.keyboard.press('Enter'));
    expect(await page.evaluate(() => location.hash)).toBe(href);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('the public profile: rows and offsets, and says that the text is withheld', async () => {
    const p = await newPage(servers[1]!.url);
    expect(await p.locator('main').innerText()).toContain('public profile');
    const q = jsonl('quotes', pub)[0]!;
    await go(formatHash({ view: 'quote', id: String(q['quote_id']) }), 'article', p);
    expect(await p.locator('.article-text').innerText()).toContain('The article text is withheld');
    expect(await p.$eval('#selected', (el) => el.getAttribute('data-key'))).toBe(q['quote_id']);
    expect(await p.$eval('#selected', (el) => (el as HTMLElement).innerText)).toContain(`${String(q['char_start'])}–${String(q['char_end'])}`);
    expect(await p.locator('.selected-row').innerText()).toContain(String(q['text']));
    await axe('public article', p);
    await shot('public-article', p);
    await go('#/events', 'events', p);
    expect(await count('#events-summary', p)).toBe(jsonl('events', pub).length);
    await after('event', () => p.click('.vlist a'), p);
    expect(await p.locator('ol.evidence').innerText()).toContain('withheld');
    await shot('public-event', p);
    await p.close();
  });

  it('printed no console error or warning, and asked nothing from outside the release', () => {
    expect(problems).toEqual([]);
  });
});
