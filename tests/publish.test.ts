import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, VERSION, runCli, tempDir } from './helpers.ts';
import { startServer } from './publish-server.ts';
import type { Faults } from './publish-server.ts';

const TOKEN = 'hf_test5f2c9d1e7a'; // the Hub library accepts only tokens that look like Hub tokens
let out: string;

/** Runs the publish CLI (asynchronously: the loopback server lives in this process). */
function publish(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipeline/publish/cli.ts'), '--out', out, '--retries', '2', '--retry-delay-ms', '10', ...args], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

const withServer = async (faults: Faults, f: (s: Awaited<ReturnType<typeof startServer>>) => Promise<void>) => {
  const s = await startServer(faults);
  try {
    await f(s);
  } finally {
    await s.close();
  }
};

describe('publish', () => {
  beforeAll(() => {
    out = tempDir();
    expect(runCli(['--seeds', path.join(ROOT, 'seeds'), '--out', out, '--profile', 'public']).status).toBe(0);
  });

  it('--dry-run prints the plan and sends nothing', async () => {
    await withServer({}, async (s) => {
      const r = await publish(['--to', 'zenodo', '--dry-run', '--base-url', s.base], { ZENODO_TOKEN: TOKEN });
      expect(r.status).toBe(0);
      expect(r.output).toMatch(new RegExp(`plan: publish .*public/${VERSION.replace(/\./g, '\\.')} \\(public profile\\) to zenodo`));
      expect(r.output).toMatch(new RegExp(`dispatches-${VERSION.replace(/\./g, '\\.')}-public\\.zip +\\d+ bytes +sha256 [0-9a-f]{64}`));
      expect(s.requests).toEqual([]);
      expect(r.output).not.toContain(TOKEN);
    });
  });

  it('zenodo: creates a deposition, uploads every file with checksums checked, sets metadata, publishes last', async () => {
    await withServer({}, async (s) => {
      const r = await publish(['--to', 'zenodo', '--base-url', s.base], { ZENODO_TOKEN: TOKEN });
      expect(r.status, r.output).toBe(0);
      expect(r.output).not.toContain(TOKEN);
      const steps = s.requests.map((q) => `${q.method} ${q.path.replace(/\/bucket-\d+\/.*/, '/bucket/FILE').replace(/\d+/g, 'N')}`);
      expect(steps[0]).toBe('POST /api/deposit/depositions');
      expect(steps.slice(-2)).toEqual(['PUT /api/deposit/depositions/N', 'POST /api/deposit/depositions/N/actions/publish']);
      expect(steps.slice(1, -2).every((x) => x === 'PUT /api/files/bucket/FILE')).toBe(true);
      expect(s.requests.every((q) => q.auth === `Bearer ${TOKEN}`)).toBe(true);
      const draft = [...s.zenodo.drafts.values()][0]!;
      expect(draft.published).toBe(true);
      expect(draft.metadata).toMatchObject({ upload_type: 'dataset', version: VERSION.slice(1), license: 'cc-by-4.0' });
      const dp = readFileSync(path.join(out, `public/${VERSION}/datapackage.json`));
      expect(createHash('sha256').update(draft.files.get('datapackage.json')!).digest('hex')).toBe(createHash('sha256').update(dp).digest('hex'));
      expect([...draft.files.keys()].sort()).toEqual(['CITATION.cff', 'DATASHEET.md', 'LICENSE', 'README.md', 'SHA256SUMS', 'croissant.json', 'datapackage.json', `dispatches-${VERSION}-public.zip`]);
    });
  });

  it('zenodo: a new version of an existing record replaces the previous files', async () => {
    await withServer({}, async (s) => {
      expect((await publish(['--to', 'zenodo', '--base-url', s.base], { ZENODO_TOKEN: TOKEN })).status).toBe(0);
      const first = [...s.zenodo.drafts.keys()][0]!;
      s.zenodo.drafts.get(first)!.files.set('stale-file.txt', Buffer.from('old'));
      s.requests.length = 0;
      const r = await publish(['--to', 'zenodo', '--base-url', s.base, '--concept', String(first)], { ZENODO_TOKEN: TOKEN });
      expect(r.status, r.output).toBe(0);
      expect(s.requests[0]).toMatchObject({ method: 'POST', path: `/api/deposit/depositions/${first}/actions/newversion` });
      const second = [...s.zenodo.drafts.entries()].find(([id]) => id !== first)![1];
      expect(second.published).toBe(true);
      expect(second.files.has('stale-file.txt')).toBe(false);
      expect(second.files.has(`dispatches-${VERSION}-public.zip`)).toBe(true);
    });
  });

  it('zenodo: an upload that fails midway is retried, and the record is published once, complete', async () => {
    await withServer({ failUploads: 1, failFrom: 3 }, async (s) => {
      const r = await publish(['--to', 'zenodo', '--base-url', s.base], { ZENODO_TOKEN: TOKEN });
      expect(r.status, r.output).toBe(0);
      expect(r.output).toMatch(/HTTP 500 .*retrying \(1\/2\)/);
      const draft = [...s.zenodo.drafts.values()][0]!;
      expect(draft.files.size).toBe(8);
      expect(s.requests.filter((q) => q.path.endsWith('/actions/publish'))).toHaveLength(1);
    });
  });

  it('zenodo: uploads that keep failing publish nothing, and say which draft is left', async () => {
    await withServer({ failUploads: 99, failFrom: 2 }, async (s) => {
      const r = await publish(['--to', 'zenodo', '--base-url', s.base], { ZENODO_TOKEN: TOKEN });
      expect(r.status).toBe(1);
      expect(r.output).toMatch(/PUBLISH_FAILED: zenodo: upload .*HTTP 500.*Nothing was published: draft \d+ stays unpublished/);
      expect(s.requests.some((q) => q.path.endsWith('/actions/publish'))).toBe(false);
      expect([...s.zenodo.drafts.values()].every((d) => !d.published)).toBe(true);
      expect(r.output).not.toContain(TOKEN);
    });
  });

  it('huggingface: commits every file (Parquet through LFS with verified sha256) and tags the commit', async () => {
    await withServer({}, async (s) => {
      const r = await publish(['--to', 'huggingface', '--repo', 'dispatches/dispatches', '--base-url', s.base], { HF_TOKEN: TOKEN });
      expect(r.status, r.output).toBe(0);
      expect(r.output).not.toContain(TOKEN);
      expect(s.hub.commits).toHaveLength(1);
      const files = s.hub.commits[0]!.files;
      const parquet = readFileSync(path.join(out, `public/${VERSION}/parquet/quotes.parquet`));
      expect(files.get('parquet/quotes.parquet')).toBe(createHash('sha256').update(parquet).digest('hex'));
      expect(files.has('README.md') && files.has('csv/articles.csv') && files.has('croissant.json')).toBe(true);
      expect(s.hub.tags).toEqual([{ repo: 'dispatches/dispatches', rev: s.hub.commits[0]!.oid, tag: VERSION }]);
      expect(s.requests.filter((q) => q.path !== '/api/repos/create').every((q) => q.path.startsWith('/lfs-upload/') || q.auth === `Bearer ${TOKEN}`)).toBe(true);
    });
  });

  it('huggingface: an upload that fails midway is retried and makes exactly one commit, tagged after it', async () => {
    await withServer({ failUploads: 1, failFrom: 2 }, async (s) => {
      const r = await publish(['--to', 'huggingface', '--repo', 'dispatches/dispatches', '--base-url', s.base], { HF_TOKEN: TOKEN });
      expect(r.status, r.output).toBe(0);
      expect(r.output).toMatch(/commit: .*retrying \(1\/2\)/);
      expect(s.hub.commits).toHaveLength(1);
      const order = s.requests.map((q) => q.path);
      expect(order.findIndex((p) => p.includes('/tag/'))).toBeGreaterThan(order.findIndex((p) => p.includes('/commit/')));
    });
  });
});
