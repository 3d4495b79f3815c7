/**
 * A run's scratch folder in the system's temporary folder (`$TMPDIR`): `dispatches-run-<pid>-<n>`. The run
 * removes it when it ends, whether it succeeded or failed; a run killed by a signal cannot, so each new run
 * first sweeps the folders of processes that are gone.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let made = 0;

/** Whether a process with this id is running (signal 0 tests for it without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sweeps scratch folders left by dead runs, then makes this run's. */
export function createScratch(): string {
  const root = tmpdir();
  for (const name of readdirSync(root)) {
    const m = /^dispatches-run-(\d+)-\d+$/.exec(name);
    if (m && Number(m[1]) !== process.pid && !isAlive(Number(m[1]))) rmSync(path.join(root, name), { recursive: true, force: true });
  }
  const dir = path.join(root, `dispatches-run-${process.pid}-${made++}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  return dir;
}
