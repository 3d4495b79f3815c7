/**
 * `npm run bench:dedupe -- [--articles 10000,100000] [--seed 1]`: dedupe alone on synthetic corpora with
 * planted copies; prints time, articles/s, heap used by dedupe's own structures, peak RSS, and whether
 * every planted copy was found (and nothing else).
 */
import { parseArgs } from 'node:util';
import { dedupe } from '../pipeline/dedupe.ts';
import { syntheticCorpus } from './synthetic.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000,100000' }, seed: { type: 'string', default: '1' } } });
const sizes = values.articles.split(',').map(Number);
const rows: string[] = ['| articles | planted copies | found | false flags | time (s) | articles/s | heap after (MB) | peak RSS (MB) |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
for (const n of sizes) {
  const { articles, planted } = syntheticCorpus(n, Number(values.seed));
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const result = dedupe(articles);
  const secs = (performance.now() - t0) / 1000;
  const heap1 = process.memoryUsage().heapUsed;
  const want = new Map(planted.map((p) => [p.id, p.of]));
  const got = new Map(result.links.map((l) => [l.id, l.of]));
  const found = planted.filter((p) => got.get(p.id) === p.of).length;
  const falseFlags = [...got.keys()].filter((id) => !want.has(id)).length;
  rows.push(`| ${n} | ${planted.length} | ${found} | ${falseFlags} | ${secs.toFixed(2)} | ${Math.round(n / secs)} | ${((heap1 - heap0) / 1e6).toFixed(0)} | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}
console.log(rows.join('\n'));
