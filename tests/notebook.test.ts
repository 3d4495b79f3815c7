import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.ts';

type Notebook = { cells: { cell_type: string; outputs?: { output_type: string; text?: string[]; data?: Record<string, unknown> }[] }[] };
const answers = (nb: Notebook) => nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'stream').flatMap((o) => (o.text ?? []).join('').split('\n')).filter((l) => l.startsWith('ANSWER'));
const committed = JSON.parse(readFileSync(path.join(ROOT, 'notebooks/quickstart.ipynb'), 'utf8')) as Notebook;

const jupyter = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' }).status === 0 && spawnSync('/usr/bin/python3', ['-c', 'import pandas, matplotlib, networkx, nbformat'], { encoding: 'utf8' }).status === 0;
if (!jupyter) console.log('notebook test SKIPPED: Jupyter with pandas, matplotlib and networkx is not installed here (.ci/run installs them from Debian).');

describe('notebooks', () => {
  it('the TypeScript counterpart (DuckDB over Parquet) prints the same answers as the committed notebook', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'notebooks/quickstart.ts')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(answers(committed)).toHaveLength(3);
    expect(r.stdout.trim().split('\n')).toEqual(answers(committed));
  });

  it('the committed notebook holds its outputs, figures embedded, and no volatile metadata', () => {
    const outputs = committed.cells.flatMap((c) => c.outputs ?? []);
    expect(outputs.filter((o) => o.data && 'image/png' in o.data)).toHaveLength(3);
    expect(outputs.some((o) => o.output_type === 'error')).toBe(false);
    expect(JSON.stringify(committed)).not.toMatch(/iopub\.execute_input|"execution":|\/usr\/lib\/python/);
  });

  it.skipIf(!jupyter)('executes top to bottom with no error and gives the committed answers (jupyter nbconvert --execute)', () => {
    const out = path.join(tempDir(), 'quickstart.ipynb');
    const r = spawnSync('/usr/bin/python3', [path.join(ROOT, 'notebooks/make.py'), '--out', out], { encoding: 'utf8', env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } });
    expect(r.status, r.stderr.slice(-3000)).toBe(0);
    expect(answers(JSON.parse(readFileSync(out, 'utf8')) as Notebook)).toEqual(answers(committed));
  }, 300_000);
});
