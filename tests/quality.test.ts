import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import datasetMeta from '../pipeline/metadata/dataset.json' with { type: 'json' };
import type { Gold } from '../pipeline/eval/gold.ts';
import { qualityTable, score } from '../pipeline/eval/score.ts';
import { readJsonl } from './helpers.ts';

const rel = new URL(`../dist-data/v${datasetMeta.version}/jsonl/`, import.meta.url);
const gold = JSON.parse(readFileSync(new URL('./fixtures/gold/dev.json', import.meta.url), 'utf8')) as Gold;
const read = (t: string) => readJsonl(new URL(`${t}.jsonl`, rel).pathname) as never[];
const s = score(gold, { articles: read('articles'), actors: read('actors'), quotes: read('quotes'), events: read('events') });

describe('annotation quality on the dev gold', () => {
  it('is what DATASHEET.md states (npm run eval -- --datasheet refreshes it)', () => {
    const block = /<!-- BEGIN QUALITY -->\n([\s\S]*?)\n<!-- END QUALITY -->/.exec(readFileSync(new URL('../DATASHEET.md', import.meta.url), 'utf8'))?.[1];
    expect(block).toBe(qualityTable(s, gold));
  });

  it('meets the targets of the annotation issues', () => {
    expect(s.quotes.direct_f1).toBeGreaterThanOrEqual(0.95);
    expect(s.quotes.speaker_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(s.quotes.indirect_recall).toBeGreaterThanOrEqual(0.8);
    expect(s.actors.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.actors.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.actors.must_merge_ok).toBe(`${gold.must_merge.length}/${gold.must_merge.length}`);
    expect(s.actors.must_not_merge_violations).toEqual([]);
    expect(s.events.key_recall).toBeGreaterThanOrEqual(0.85);
    expect(s.articles.chrome_left).toEqual([]);
  });
});
