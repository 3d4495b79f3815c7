/**
 * `npm run bench:explorer -- --release DIR` or `-- --articles N [--seed S] [--shape S]`: opens the explorer of a
 * release in Debian's Chromium (as tests/explorer.test.ts does) and prints how long each view takes to draw and
 * the page's JavaScript heap: the first view (from navigation to the overview drawn), the events timeline (first
 * time: its columns are read), a filtered timeline (type, actor, dates: the time from changing the URL to the
 * timeline drawn again), the quotes list, a quote in its article (first time: the article's rows are found), and
 * another. The explorer shown is this checkout's, served from memory (the release folder is not written). With
 * `--articles N` it first writes a bench corpus of N articles and runs the pipeline on it (in a
 * temporary folder, removed at the end), as `npm run bench` does.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { buildExplorer } from '../explorer/build.ts';
import { serveFolder } from '../explorer/serve.ts';
import { writeShape } from './corpus.ts';
import type { Shape } from './corpus.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the page's globals, for the functions run in the browser (page.evaluate); this file is type-checked without the DOM library */
declare const document: any, location: any, MutationObserver: any;
type HTMLOptionElement = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

const { values } = parseArgs({ options: { release: { type: 'string' }, articles: { type: 'string' }, seed: { type: 'string', default: '1' }, shape: { type: 'string', default: 'default' }, runs: { type: 'string', default: '3' } } });
const cli = fileURLToPath(new URL('../pipeline/cli.ts', import.meta.url));

let dir = values.release ? path.resolve(values.release) : '';
let tmp: string | null = null;
if (!dir) {
  if (!values.articles) throw new Error('give --release DIR (a release folder) or --articles N');
  tmp = path.join(os.tmpdir(), `dispatches-bench-explorer-${process.pid}`);
  const seeds = path.join(tmp, 'seeds');
  writeShape(seeds, Number(values.articles), Number(values.seed), values.shape as Shape);
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, '--seeds', seeds, '--out', path.join(tmp, 'out')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`the pipeline failed:\n${r.stderr}`);
  const version = (JSON.parse(readFileSync(fileURLToPath(new URL('../pipeline/metadata/dataset.json', import.meta.url)), 'utf8')) as { version: string }).version;
  dir = path.join(tmp, 'out', `v${version}`);
}
// The explorer of this checkout, served from memory in place of the release's own (which is left as it is).
const overlay = new Map(buildExplorer().map((f) => [`/explorer/${f.path}`, f.bytes]));
const rows = (t: string) => {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as { resources: { name: string; bytes: number }[] };
  return pkg.resources.find((r) => r.name === `${t}-parquet`)?.bytes ?? 0;
};

const srv = await serveFolder(dir, 0, overlay);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

async function go(page: Page, hash: string, ready: string): Promise<number> {
  return page.evaluate(
    ([h, name]) =>
      new Promise<number>((resolve) => {
        const attr = `data-ready-${name}`;
        const before = document.documentElement.getAttribute(attr);
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (document.documentElement.getAttribute(attr) !== before) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.documentElement, { attributes: true, attributeFilter: [attr] });
        location.hash = h;
      }),
    [hash, ready] as const,
  );
}

const results: Record<string, number[]> = {};
const note = (k: string, ms: number) => (results[k] ??= []).push(ms);
let heap = 0;
for (let run = 0; run < Number(values.runs); run++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${srv.url}explorer/index.html#/overview`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-ready-overview'), null, { timeout: 120_000 });
  note('first view (overview)', await page.evaluate(() => performance.getEntriesByName('explorer:overview')[0]!.startTime));
  note('events timeline, first time', await go(page, '#/events', 'events'));
  const type = await page.$eval('#f-type option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
  note(`filtered timeline: type=${type}`, await go(page, `#/events?type=${type}`, 'events'));
  const actor = await page.$eval('.vlist a', (a) => a.querySelector('.c-main')!.textContent!.split(' → ')[0]!);
  note('filtered timeline: + actor name', await go(page, `#/events?type=${type}&actor=${encodeURIComponent(actor)}`, 'events'));
  note('filtered timeline: dates only', await go(page, '#/events?from=2023-03&to=2023-06', 'events'));
  const outlet = await page.$eval('#f-outlet option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
  note('filtered timeline: outlet, first time', await go(page, `#/events?outlet=${encodeURIComponent(outlet)}`, 'events'));
  note('filtered timeline: outlet + type', await go(page, `#/events?outlet=${encodeURIComponent(outlet)}&type=${type}`, 'events'));
  note('quotes list, first time', await go(page, '#/quotes', 'quotes'));
  await page.waitForSelector('.vlist a');
  const q1 = await page.$eval('.vlist a', (a) => a.getAttribute('href')!);
  note('a quote in its article, first time', await go(page, q1, 'article'));
  await go(page, '#/quotes?type=indirect', 'quotes');
  await page.waitForSelector('.vlist a');
  const q2 = await page.$eval('.vlist a', (a) => a.getAttribute('href')!);
  note('another quote in its article', await go(page, q2, 'article'));
  for (const m of await page.evaluate(() => performance.getEntriesByType('measure').map((e) => [e.name, e.duration] as const))) note(`  ${m[0].replace('explorer:', '')}`, m[1]);
  note('actors list', await go(page, '#/actors', 'actors'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  heap = Math.max(heap, metrics.find((m) => m.name === 'JSHeapUsedSize')!.value);
  if (errors.length) throw new Error(`console errors: ${errors.join('; ')}`);
  await page.close();
}
await browser.close();
await srv.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
console.log(`explorer on ${dir}: parquet files ${['articles', 'actors', 'actor_mentions', 'quotes', 'events', 'event_mentions'].map((t) => `${t} ${mb(rows(t))}`).join(', ')}`);
console.log(`Chromium ${browser.version()}, ${os.cpus().length} cores, ${values.runs} runs, median (all) in ms:`);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(40)} ${String(Math.round(median(v))).padStart(7)}   (${v.map((x) => Math.round(x)).join(', ')})`);
console.log(`  JS heap used after the run (max)         ${mb(heap)}`);
if (tmp) rmSync(tmp, { recursive: true, force: true });
