import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.ts';
import { ROOT, VERSION, runCli, tempDir } from './helpers.ts';

const files = (dir: string, p = ''): string[] => readdirSync(path.join(dir, p), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, `${p}${e.name}/`) : [`${p}${e.name}`])).sort();

describe('worker threads', () => {
  it.each([
    ['the seeds', path.join(ROOT, 'seeds')],
    ['a synthetic corpus of 120 articles', (() => { const d = tempDir(); writeCorpus(d, 120, 5); return d; })()],
  ])('give byte-identical releases with 1, 2 and 3 workers on %s', (_what, seeds) => {
    const outs = [1, 2, 3].map((w) => {
      const out = tempDir();
      const r = runCli(['--seeds', seeds, '--out', out, '--workers', String(w)]);
      expect(r.status, r.stderr).toBe(0);
      return path.join(out, VERSION);
    });
    const list = files(outs[0]!);
    for (const o of outs.slice(1)) {
      expect(files(o)).toEqual(list);
      for (const f of list) expect(readFileSync(path.join(o, f)).equals(readFileSync(path.join(outs[0]!, f))), f).toBe(true);
    }
  }, 180_000);
});

describe('worker pool', () => {
  it('hands back results in batch order and carries a PipelineError across threads with its code', async () => {
    const { createPool } = await import('../pipeline/pool.ts');
    const { TableSpool } = await import('../pipeline/export/spool.ts');
    const { PipelineError } = await import('../pipeline/errors.ts');
    const { mkdirSync } = await import('node:fs');
    const pool = createPool(2);
    try {
      // A large job first and a small one second: the small one finishes first on the other worker, and must
      // still come back second.
      const jobs = ([['large', 3000], ['small', 1], ['dup', 1]] as const).map(([name, n]) => {
        const dir = tempDir();
        for (const f of ['csv', 'jsonl', 'parquet']) mkdirSync(path.join(dir, f));
        const spool = new TableSpool(dir, 'actors');
        const actor = (id: string) => ({ actor_id: id, name: name, actor_type: 'person', aliases: [], country_code: null, cameo_actor_code: null, wikidata_id: null, mention_count: 1, article_ids: [] });
        for (let i = 1; i <= n; i++) spool.add(actor(`act_${i.toString(16).padStart(16, '0')}`));
        if (name === 'dup') spool.add(actor('act_0000000000000001'));
        return { table: 'actors' as const, source: spool.seal(), dir, createdBy: 'test', profile: 'full' as const, previous: null };
      });
      const seen: number[] = [];
      await pool.stream('export', jobs.slice(0, 2).map((j) => [j]), (r) => seen.push(r[0]!.rows), 1);
      expect(seen).toEqual([3000, 1]);
      const err = await pool.stream('export', [[jobs[2]!]], () => {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PipelineError);
      expect((err as InstanceType<typeof PipelineError>).code).toBe('RELEASE_INVALID');
    } finally {
      await pool.close();
    }
  }, 60_000);
});
