import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../pipeline/options.ts';
import { run } from '../pipeline/run.ts';
import { readJsonl, ROOT, tempDir } from './helpers.ts';

const files = (dir: string, p = ''): string[] => readdirSync(path.join(dir, p), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, `${p}${e.name}/`) : [`${p}${e.name}`])).sort();
const bytes = (dir: string) => new Map(files(dir).map((f) => [f, readFileSync(path.join(dir, f))]));

describe('versions', () => {
  const seeds = tempDir();
  cpSync(path.join(ROOT, 'seeds'), seeds, { recursive: true });
  const out = tempDir();
  const opts = (version: string) => ({ ...DEFAULT_OPTIONS, seeds, out, version });

  it('never overwrites a released version: same bytes change nothing, different bytes are refused', async () => {
    const first = await run(opts('1.0.0'));
    expect(first.unchanged).toBe(false);
    const before = bytes(first.dir);
    expect((await run(opts('1.0.0'))).unchanged).toBe(true);
    writeFileSync(path.join(seeds, '005_new.txt'), 'Grain corridor agreed\nMinisters from five countries agreed on Thursday to open a grain corridor through Baltic ports, officials said.\n');
    await expect(run(opts('1.0.0'))).rejects.toThrow(/RELEASE_IMMUTABLE: .*v1\.0\.0 is released and this run would change \d+ file\(s\).*Fix: bump the version/);
    expect(bytes(first.dir)).toEqual(before);
  });

  it('refuses a bump smaller than the changes need, then writes changes/ and a CHANGELOG entry for the new version', async () => {
    await expect(run(opts('1.0.1'))).rejects.toThrow(/VERSION_BUMP_TOO_SMALL: .*1\.0\.1 after 1\.0\.0 is a patch bump, but the changes need minor/);
    const second = await run(opts('1.1.0'));
    const summary = JSON.parse(readFileSync(path.join(second.dir, 'changes/summary.json'), 'utf8'));
    expect(summary).toMatchObject({ version: '1.1.0', previous_version: '1.0.0', required_bump: 'minor' });
    expect(summary.tables.articles).toMatchObject({ added: 1, removed: 0, changed: 0, unchanged: 5, fields_added: [], fields_removed: [] });
    const diff = readJsonl(path.join(second.dir, 'changes/articles.jsonl'));
    expect(diff).toEqual([{ op: 'add', id: expect.stringMatching(/^art_/), row: expect.objectContaining({ source_file: '005_new.txt' }) }]);
    const log = readFileSync(path.join(second.dir, 'CHANGELOG.md'), 'utf8');
    expect(log.indexOf('## 1.1.0')).toBeGreaterThan(0);
    expect(log.indexOf('## 1.0.0')).toBeGreaterThan(log.indexOf('## 1.1.0'));
    expect(log).toMatch(/\| articles \| 1 \| 0 \| 0 \| 5 \|/);
    expect(readdirSync(out).sort()).toEqual(['v1.0.0', 'v1.1.0']);
  });
});
