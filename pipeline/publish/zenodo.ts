/**
 * Publishing to Zenodo through its REST deposition API: a new deposition, or a new version of an existing
 * record (`concept`); every file uploaded into the draft's bucket and checked against the MD5 Zenodo reports;
 * metadata from the same source as CITATION.cff; publish last. A failure before publish leaves only an
 * unpublished draft (invisible to the public); the message names it.
 */
import { PublishError, request, withRetry } from './common.ts';
import type { ReleaseFile, RetryOptions } from './common.ts';

export interface ZenodoOptions extends RetryOptions {
  baseUrl: string;
  token: string;
  /** Id of the latest published record to add a version to; a new record when absent. */
  concept?: string;
  fetch?: typeof fetch;
}

interface Deposition {
  id: number;
  links: { bucket: string; self: string; publish?: string; html?: string; latest_draft?: string };
  files?: { id: string; filename: string }[];
}

/** Publishes `files` with `metadata`; returns the published record. */
export async function publishZenodo(files: ReleaseFile[], metadata: Record<string, unknown>, opt: ZenodoOptions): Promise<{ id: number; doi: string | null; url: string | null }> {
  const f = opt.fetch ?? fetch;
  const auth = { Authorization: `Bearer ${opt.token}` };
  const api = `${opt.baseUrl.replace(/\/$/, '')}/api/deposit/depositions`;
  const json = async <T>(res: Response) => (await res.json()) as T;
  const call = <T>(what: string, url: string, init: RequestInit) => withRetry(what, async () => json<T>(await request(f, url, { ...init, headers: { ...auth, ...(init.headers ?? {}) } }, what)), opt);

  let draft: Deposition;
  if (opt.concept) {
    const parent = await call<Deposition>('new version', `${api}/${opt.concept}/actions/newversion`, { method: 'POST' });
    if (!parent.links.latest_draft) throw new PublishError('new version: Zenodo returned no latest_draft link', false);
    draft = await call<Deposition>('read draft', parent.links.latest_draft, { method: 'GET' });
    // A new version starts with the previous files: remove them, this version brings its own.
    for (const old of await call<{ id: string }[]>('list draft files', `${api}/${draft.id}/files`, { method: 'GET' })) {
      await withRetry('delete old file', () => request(f, `${api}/${draft.id}/files/${old.id}`, { method: 'DELETE', headers: auth }, 'delete old file'), opt);
    }
  } else {
    draft = await call<Deposition>('create deposition', api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  }
  opt.log(`zenodo: draft ${draft.id}`);
  try {
    for (const file of files) {
      await withRetry(`upload ${file.path}`, async () => {
        const res = await request(f, `${draft.links.bucket}/${encodeURIComponent(file.path)}`, { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/octet-stream' }, body: file.bytes }, `upload ${file.path}`);
        const got = ((await res.json()) as { checksum?: string }).checksum;
        if (got !== `md5:${file.md5}`) throw new PublishError(`upload ${file.path}: Zenodo reports ${got ?? 'no checksum'}, expected md5:${file.md5}`, true);
      }, opt);
      opt.log(`zenodo: uploaded ${file.path} (${file.bytes.length} bytes, md5 ${file.md5})`);
    }
    await call('set metadata', `${api}/${draft.id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata }) });
  } catch (err) {
    throw new PublishError(`${(err as Error).message}. Nothing was published: draft ${draft.id} stays unpublished; run again to retry (a new draft is made) or discard it on Zenodo`, false);
  }
  const done = await call<{ id: number; doi?: string; links?: { html?: string; record_html?: string } }>('publish', `${api}/${draft.id}/actions/publish`, { method: 'POST' });
  return { id: done.id, doi: done.doi ?? null, url: done.links?.record_html ?? done.links?.html ?? null };
}
