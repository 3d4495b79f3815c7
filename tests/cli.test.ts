import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.ts';

describe('cli', () => {
  it('prints help with every option and the exit codes', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const s of ['--seeds', '--out', '--max-bytes', '--near-threshold', '--strict', 'Exit codes', '0  the release', '1  the data', '2  usage']) expect(r.stdout).toContain(s);
  });

  it('exits 2 on an unknown option or a bad value, writing nothing', () => {
    const out = tempDir();
    expect(runCli(['--out', out, '--bogus']).status).toBe(2);
    const r = runCli(['--out', out, '--near-threshold', 'high']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/USAGE_ERROR: --near-threshold/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('exits 1 with a coded message on a bad manifest, writing nothing', () => {
    const seeds = tempDir();
    cpSync(path.join(ROOT, 'seeds'), seeds, { recursive: true });
    writeFileSync(path.join(seeds, 'manifest.json'), '{"articles": [{"file": "000_3daf727f38d201fc.txt", "published_date": "yesterday"}]}');
    const out = path.join(tempDir(), 'out');
    const r = runCli(['--seeds', seeds, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/SEED_MANIFEST_INVALID: .*manifest\.json entry 0 field "published_date": must match format "date"\. Fix: /);
    expect(existsSync(out)).toBe(false);
  });

  it('reports progress per stage and a summary on stderr', () => {
    const r = runCli(['--seeds', path.join(ROOT, 'seeds'), '--out', tempDir()]);
    expect(r.status).toBe(0);
    for (const stage of ['ingest', 'clean', 'dedupe', 'annotate', 'validate', 'export']) expect(r.stderr).toMatch(new RegExp(`^${stage}\\s+\\d+ items\\s+\\d+ ms   peak RSS so far \\d+ MB$`, 'm'));
    expect(r.stderr).toMatch(/^rows {5}articles 5(?:, [a-z_]+ \d+)+$/m);
  });
});
