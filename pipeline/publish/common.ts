/** What both publishers share: the release's files, and retries with backoff. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One file of a release, with the checksums repositories report back. */
export interface ReleaseFile {
  path: string;
  bytes: Uint8Array;
  sha256: string;
  md5: string;
}

/** Every file of a release folder, sorted by path. */
export function readRelease(dir: string): ReleaseFile[] {
  const list = (p = ''): string[] => readdirSync(path.join(dir, p), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(`${p}${e.name}/`) : [`${p}${e.name}`]));
  return list().sort().map((p) => fileOf(p, new Uint8Array(readFileSync(path.join(dir, p)))));
}

export function fileOf(p: string, bytes: Uint8Array): ReleaseFile {
  return { path: p, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), md5: createHash('md5').update(bytes).digest('hex') };
}

/** An error of a publishing step; `retryable` when trying again may succeed (network, 5xx, checksum). */
export class PublishError extends Error {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean) {
    super(message);
    this.name = 'PublishError';
    this.retryable = retryable;
  }
}

export interface RetryOptions {
  retries: number;
  /** First wait in ms, doubled each time. */
  delayMs: number;
  log: (line: string) => void;
}

/** Runs `step`, trying again on retryable failures up to `retries` times. */
export async function withRetry<T>(label: string, step: () => Promise<T>, opt: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      const retryable = !(err instanceof PublishError) || err.retryable;
      if (!retryable || attempt >= opt.retries) throw err;
      opt.log(`${label}: ${(err as Error).message}; retrying (${attempt + 1}/${opt.retries})`);
      await new Promise((r) => setTimeout(r, opt.delayMs * 2 ** attempt));
    }
  }
}

/** `fetch` that turns HTTP failures into PublishErrors (5xx and 429 retryable, other 4xx final). */
export async function request(f: typeof fetch, url: string, init: RequestInit, what: string): Promise<Response> {
  let res: Response;
  try {
    res = await f(url, init);
  } catch (err) {
    throw new PublishError(`${what}: ${(err as Error).message}`, true);
  }
  if (!res.ok) {
    const body = (await res.text()).slice(0, 300);
    throw new PublishError(`${what}: HTTP ${res.status} ${body}`, res.status >= 500 || res.status === 429);
  }
  return res;
}
