/**
 * `npm run eval [-- --out DIR] [--gold FILE]`: scores a release (default: the newest under dist-data/)
 * against the dev gold (default tests/fixtures/gold/dev.json) and prints the figures.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Gold } from './gold.ts';
import { qualityTable, score } from './score.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist-data' }, gold: { type: 'string', default: 'tests/fixtures/gold/dev.json' }, json: { type: 'boolean' }, datasheet: { type: 'boolean' } } });
const versions = readdirSync(values.out).filter((d) => /^v\d+\.\d+\.\d+$/.test(d)).sort((a, b) => a.slice(1).localeCompare(b.slice(1), undefined, { numeric: true }));
const dir = versions.length ? path.join(values.out, versions[versions.length - 1]!) : values.out;
const read = (t: string) => readFileSync(path.join(dir, 'jsonl', `${t}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const gold = JSON.parse(readFileSync(values.gold, 'utf8')) as Gold;
const s = score(gold, { articles: read('articles'), actors: read('actors'), quotes: read('quotes'), events: read('events') });
if (values.datasheet) {
  // Refill the quality block of DATASHEET.md; tests/quality.test.ts fails when it is stale.
  const sheet = readFileSync('DATASHEET.md', 'utf8');
  writeFileSync('DATASHEET.md', sheet.replace(/(<!-- BEGIN QUALITY -->)[\s\S]*?(<!-- END QUALITY -->)/, (_m, a: string, b: string) => `${a}\n${qualityTable(s, gold)}\n${b}`));
  console.log('DATASHEET.md quality block refreshed; run npm run pipeline to copy it into the release');
} else if (values.json) console.log(JSON.stringify(s, null, 2));
else {
  console.log(`release ${dir}, gold ${values.gold} (${gold.files.length} files)\n`);
  console.log(JSON.stringify(s, null, 1));
  const q = s.quotes;
  console.log(`\nSUMMARY clean title ${s.articles.title_ok}/${s.articles.checked} start ${s.articles.start_ok}/${s.articles.checked} end ${s.articles.end_ok}/${s.articles.checked} chrome_left ${s.articles.chrome_left.length} | actors R ${s.actors.recall} P ${s.actors.precision} merges ${s.actors.must_merge_ok} violations ${s.actors.must_not_merge_violations.length} | direct P ${q.direct_precision} R ${q.direct_recall} F1 ${q.direct_f1} speaker ${q.speaker_accuracy} | indirect R ${q.indirect_recall} | events R ${s.events.recall} key R ${s.events.key_recall} merged ${s.events.merged_ok}`);
}
