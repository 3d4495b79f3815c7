import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.ts';
import { ROOT, runCli, tempDir } from './helpers.ts';

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
      return path.join(out, 'v0.1.0');
    });
    const list = files(outs[0]!);
    for (const o of outs.slice(1)) {
      expect(files(o)).toEqual(list);
      for (const f of list) expect(readFileSync(path.join(o, f)).equals(readFileSync(path.join(outs[0]!, f))), f).toBe(true);
    }
  }, 180_000);
});
