import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.ts';

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
    const before = snapshot(path.join(out, 'v0.1.0'));
    const points = ['file:csv/articles.csv', 'file:parquet/actors.parquet', 'file:parquet/event_mentions.parquet', 'swap'];
    for (const step of points) {
      await killAt(out, step);
      const visible = readdirSync(out).filter((n) => !n.startsWith('.'));
      expect(visible, step).toEqual(['v0.1.0']);
      expect(snapshot(path.join(out, 'v0.1.0')), step).toEqual(before);
    }
    // The next run completes, cleans the temporary folders the killed runs left, and gives the same bytes.
    expect(runCli(['--seeds', seeds, '--out', out]).status).toBe(0);
    expect(readdirSync(out)).toEqual(['v0.1.0']);
    expect(snapshot(path.join(out, 'v0.1.0'))).toEqual(before);
  }, 120_000);

  it('restores the previous release when a run is killed between the two renames of the swap', async () => {
    const out = tempDir();
    expect(runCli(['--seeds', seeds, '--out', out]).status).toBe(0);
    const before = snapshot(path.join(out, 'v0.1.0'));
    await killAt(out, 'mid-swap');
    // The old release waits complete under a hidden name; no partial v0.1.0 exists.
    expect(existsSync(path.join(out, 'v0.1.0'))).toBe(false);
    const old = readdirSync(out).find((n) => n.startsWith('.old-v0.1.0-'))!;
    expect(snapshot(path.join(out, old))).toEqual(before);
    expect(runCli(['--seeds', seeds, '--out', out]).status).toBe(0);
    expect(readdirSync(out)).toEqual(['v0.1.0']);
    expect(snapshot(path.join(out, 'v0.1.0'))).toEqual(before);
  }, 60_000);
});
