/**
 * The loader and snippet tests are pytest files (tests/loaders/): this runs them in the project's Python
 * environment (.venv, made by `npm run setup:python`) and prints pytest's lines as they come, so a CI log shows
 * each loader passing (pandas, pyarrow, polars, DuckDB, datasets, R). Without .venv the test is skipped with a
 * message, except under CI=true, where it fails: CI must never pass by skipping them.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const PYTHON = path.join(ROOT, '.venv', 'bin', 'python');
const CI = process.env['CI'] === 'true';
const venv = existsSync(PYTHON);
if (!venv && !CI) console.log('loader tests SKIPPED: no .venv here (npm run setup:python makes it); under CI=true they fail instead');

/** The tools whose pass lines the log must show, by the pytest test-function names that exercise them. */
const TOOLS: Record<string, RegExp> = {
  pandas: /::test_read\[[^\]]*-pandas_/,
  pyarrow: /::test_read\[[^\]]*-(pyarrow_parquet|pandas_parquet_pyarrow_engine)\]/,
  polars: /::test_read\[[^\]]*-polars_/,
  DuckDB: /::test_read\[[^\]]*-duckdb_/,
  datasets: /::test_datasets_/,
  R: /::test_r_(readr|jsonlite)_/,
  snippets: /test_snippets\.py::/,
};

function runPytest(): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const args = ['-m', 'pytest', 'tests/loaders', '-v', '-rs', '-p', 'no:cacheprovider', '--color=no'];
    const child = spawn(PYTHON, args, { cwd: ROOT, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        process.stdout.write(`[pytest] ${line}\n`);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => process.stderr.write(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (rest) lines.push(rest);
      resolve({ code, lines });
    });
  });
}

describe('loaders: pandas, pyarrow, polars, DuckDB, Hugging Face datasets and R read every table exactly; every README/DATASHEET snippet runs', () => {
  it.skipIf(!venv && !CI)('pytest tests/loaders passes in .venv', async () => {
    expect(venv, 'no .venv/bin/python: .ci/run must run `npm run setup:python` before the tests').toBe(true);
    const { code, lines } = await runPytest();
    const results = lines.filter((l) => / (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)/.test(l) && l.includes('::'));
    const passed = results.filter((l) => / PASSED/.test(l));
    const skipped = results.filter((l) => / SKIPPED/.test(l));
    const counts = Object.entries(TOOLS).map(([tool, re]) => [tool, passed.filter((l) => re.test(l)).length] as const);
    console.log(`loader tests passed per tool: ${counts.map(([t, n]) => `${t} ${n}`).join(', ')}`);
    console.log(`snippets not run (each says why in its first line): ${skipped.length ? `\n  ${skipped.join('\n  ')}` : 'none'}`);
    expect(code, lines.slice(-40).join('\n')).toBe(0);
    for (const [tool, n] of counts) expect(n, `no passing test for ${tool}`).toBeGreaterThan(0);
    // Only snippets marked "not run" (or not code) may be skipped: a loader test never is.
    expect(skipped.filter((l) => !l.includes('test_snippets.py::'))).toEqual([]);
  }, 900_000);
});
