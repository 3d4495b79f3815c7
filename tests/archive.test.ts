import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT, VERSION, tempDir } from './helpers.ts';

describe('npm run release', () => {
  it('writes a deterministic zip of the release folder beside it, holding every file byte for byte', () => {
    const out = tempDir();
    cpSync(path.join(ROOT, `dist-data/${VERSION}`), path.join(out, VERSION), { recursive: true });
    const zip = () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipeline/release.ts'), '--out', out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(path.join(out, `${VERSION}.zip`));
    };
    const first = zip();
    expect(zip().equals(first)).toBe(true);
    const entries = unzipSync(new Uint8Array(first));
    const list = (d: string, p = ''): string[] => readdirSync(path.join(d, p), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(d, `${p}${e.name}/`) : [`${p}${e.name}`]));
    const expected = list(path.join(out, VERSION)).sort();
    expect(Object.keys(entries)).toEqual(expected.map((f) => `${VERSION}/${f}`));
    for (const f of expected) expect(Buffer.from(entries[`${VERSION}/${f}`]!).equals(readFileSync(path.join(out, VERSION, f))), f).toBe(true);
  });
});
