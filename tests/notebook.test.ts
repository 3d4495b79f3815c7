import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../pipeline/schema/tables.ts';
import { ROOT, tempDir } from './helpers.ts';

type Notebook = { cells: { cell_type: string; outputs?: { output_type: string; text?: string[]; data?: Record<string, unknown> }[] }[] };
const answers = (nb: Notebook) => nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'stream').flatMap((o) => (o.text ?? []).join('').split('\n')).filter((l) => l.startsWith('ANSWER'));
const committed = JSON.parse(readFileSync(path.join(ROOT, 'notebooks/quickstart.ipynb'), 'utf8')) as Notebook;

// The notebook runs in the project's Python environment (.venv, made by `npm run setup:python`). Without it the
// execution test is skipped with a message, except under CI=true, where it fails.
const PYTHON = path.join(ROOT, '.venv', 'bin', 'python');
const CI = process.env['CI'] === 'true';
const jupyter = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas, matplotlib, networkx, nbformat, nbconvert, ipykernel, pyarrow, polars, duckdb'], { encoding: 'utf8' }).status === 0;
if (!jupyter && !CI) console.log('notebook test SKIPPED: no .venv with the notebook\'s packages here (npm run setup:python makes it); under CI=true it fails instead.');

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
    expect(JSON.stringify(committed)).not.toMatch(/iopub\.execute_input|"execution":|\/usr\/lib\/python|\.venv\/lib|site-packages/);
  });

  it('the committed notebook reads the Parquet files with pyarrow, polars and DuckDB, and all three agree with the JSON Lines', () => {
    const text = committed.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'stream').flatMap((o) => o.text ?? []).join('');
    const agree = text.split('\n').filter((l) => l.includes('same values as the JSON Lines'));
    expect(agree).toHaveLength(TABLE_NAMES.length);
    for (const l of agree) expect(l).toMatch(/pyarrow True, polars True, DuckDB True$/);
    expect(text).not.toMatch(/Parquet cell skipped|not importable/);
  });

  it.skipIf(!jupyter && !CI)('executes top to bottom with no error and gives the committed answers (nbconvert --execute in .venv)', () => {
    expect(jupyter, 'no .venv with the notebook packages: .ci/run must run `npm run setup:python`').toBe(true);
    const out = path.join(tempDir(), 'quickstart.ipynb');
    const r = spawnSync(PYTHON, [path.join(ROOT, 'notebooks/make.py'), '--out', out], { encoding: 'utf8', env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } });
    expect(r.status, r.stderr.slice(-3000)).toBe(0);
    expect(answers(JSON.parse(readFileSync(out, 'utf8')) as Notebook)).toEqual(answers(committed));
  }, 300_000);
});
