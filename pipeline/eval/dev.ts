/**
 * `npm run eval:dev [-- --dev ../shared/dev] [--sets a,b]`: runs the pipeline on each development set (real
 * news annotated by others, kept outside the repository) and scores it with the set's own scorer, then writes
 * the figures, and nothing of the texts, to pipeline/metadata/dev-results.json. DATASHEET.md renders its dev
 * figures from that committed file, since a fresh clone has no development sets.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS = path.join(ROOT, 'pipeline/metadata/dev-results.json');
const { values } = parseArgs({ options: { dev: { type: 'string', default: path.join(ROOT, '../shared/dev') }, sets: { type: 'string', default: 'cameo-codebook,polnear-train,gum-news' } } });

/** Keeps the figures of a score (numbers, booleans, and objects of them); examples and file names are dropped. */
function figures(x: unknown): unknown {
  if (typeof x === 'number' || typeof x === 'boolean') return x;
  // Counts written as text ("0.196 (21/107)", "66/212").
  if (typeof x === 'string' && /^[0-9.]+(?: \([0-9]+\/[0-9]+\))?$|^[0-9]+\/[0-9]+$/.test(x)) return x;
  if (x && typeof x === 'object' && !Array.isArray(x)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      const f = figures(v);
      if (f !== undefined && !(typeof f === 'object' && Object.keys(f as object).length === 0)) out[k] = f;
    }
    return out;
  }
  return undefined;
}

const scorer = path.join(values.dev, '../tools/score-external.mjs');
if (!existsSync(scorer)) {
  console.error(`no development sets at ${values.dev} (they live beside the project, in ../shared/dev): pass --dev DIR`);
  process.exit(2);
}
const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { sets: Record<string, unknown> }) : { sets: {} };
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
// The code scored: HEAD, marked when the annotators had uncommitted changes.
const commit = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'pipeline', 'schemas') ? '+changes' : '');
const sets: Record<string, unknown> = { ...previous.sets };
for (const set of values.sets.split(',')) {
  const out = mkdtempSync(path.join(tmpdir(), `dispatches-dev-${set}-`));
  try {
    const t0 = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipeline/cli.ts'), '--seeds', path.join(values.dev, set, 'articles'), '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const ms = performance.now() - t0;
    const json = execFileSync(process.execPath, [scorer, '--out', out, '--gold', path.join(values.dev, set, 'gold.json'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const results = (JSON.parse(json) as { results: Record<string, unknown>[] }).results;
    // Rows per article: an event row counts once for every article it stands in.
    const version = readdirSync(out).filter((d) => /^v\d/.test(d))[0]!;
    const rows = (t: string) => readFileSync(path.join(out, version, 'jsonl', `${t}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const eventReports = rows('events').reduce((n, e) => n + (e.article_ids as string[]).length, 0);
    const quotes = rows('quotes');
    const produced = { articles: rows('articles').length, event_reports: eventReports, quotes_direct: quotes.filter((q) => q.quote_type === 'direct').length, quotes_indirect: quotes.filter((q) => q.quote_type === 'indirect').length, actors: rows('actors').length };
    sets[set] = { task: results[0]?.task ?? null, commit, run_seconds: Math.round(ms / 100) / 10, produced, results: results.map(figures) };
    console.log(`${set}: scored (${(ms / 1000).toFixed(1)} s)`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
const about = 'Development figures: `npm run eval:dev` ran the pipeline on each set of ../shared/dev and scored it with ../shared/tools/score-external.mjs; only the figures are kept (no text of the sets). `commit` is the code that was scored (a figure is stale once the annotators change: run it again).';
writeFileSync(RESULTS, `${JSON.stringify({ about, sets }, null, 1)}\n`);
console.log(`wrote ${path.relative(ROOT, RESULTS)}`);
