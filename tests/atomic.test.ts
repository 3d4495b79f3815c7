import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, VERSION, runCli, tempDir } from './helpers.ts';

const seeds = path.join(ROOT, 'seeds');

function snapshot(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of snapshot(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(path.join(dir, rel)));
  }
  return out;
}

/** Runs the CLI until it pauses at `step`, then kills it with SIGKILL. */
function killAt(out: string, step: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipeline/cli.ts'), '--seeds', seeds, '--out', out], { env: { ...process.env, DISPATCHES_PAUSE_AT: step } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes(`PAUSED at ${step}`)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`run ended without reaching ${step} (code ${code}): ${err}`))));
  });
}

describe('atomic release', () => {
  it('keeps the previous release byte-identical and shows no partial version when killed during export', async () => {
    const out = tempDir();
    expect(runCli(['--seeds', seeds, '--out', out]).status).toBe(0);
    const before = snapshot(path.join(out, VERSION));
    const points = ['file:csv/articles.csv', 'file:parquet/actors.parquet', 'file:parquet/event_mentions.parquet', 'swap'];
    for (const step of points) {
      await killAt(out, step);
      const visible = readdirSync(out).filter((n) => !n.startsWith('.'));
      expect(visible, step).toEqual([VERSION]);
      expect(snapshot(path.join(out, VERSION)), step).toEqual(before);
    }
    // A first release killed just before its rename leaves no version folder at all.
    const fresh = tempDir();
    await killAt(fresh, 'swap');
    expect(readdirSync(fresh).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(runCli(['--seeds', seeds, '--out', fresh]).status).toBe(0);
    expect(snapshot(path.join(fresh, VERSION))).toEqual(before);
    // The next run completes, cleans the temporary folders the killed runs left, and gives the same bytes.
    expect(runCli(['--seeds', seeds, '--out', out]).status).toBe(0);
    expect(readdirSync(out)).toEqual([VERSION]);
    expect(snapshot(path.join(out, VERSION))).toEqual(before);
  }, 120_000);

});

describe('scratch space', () => {
  it('removes its own scratch folder and sweeps those of dead runs, not of live ones', () => {
    const tmp = tempDir();
    const dead = spawnSync('true').pid;
    for (const name of [`dispatches-run-${dead}-0`, `dispatches-run-${process.pid}-7`]) mkdirSync(path.join(tmp, name, 'articles'), { recursive: true });
    const out = tempDir();
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipeline/cli.ts'), '--seeds', path.join(ROOT, 'seeds'), '--out', out], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, NODE_NO_WARNINGS: '1' } });
    expect(r.status, r.stderr).toBe(0);
    // (tsx keeps its own cache there too.)
    expect(readdirSync(tmp).filter((n) => n.startsWith('dispatches-run-'))).toEqual([`dispatches-run-${process.pid}-7`]);
  }, 60_000);
});
