/**
 * Publishing to the Hugging Face Hub with @huggingface/hub: every file of the release in one commit (atomic on
 * the Hub: a failed upload leaves no commit), retried whole on failure, then a tag `v<version>` on that commit.
 */
import { commit, createRepo } from '@huggingface/hub';
import { PublishError, request, withRetry } from './common.ts';
import type { ReleaseFile, RetryOptions } from './common.ts';

/** Worth trying again: a server error, rate limit or network failure; argument and auth errors are final. */
function retryable(err: unknown): boolean {
  const status = (err as { statusCode?: number }).statusCode;
  if (status !== undefined) return status >= 500 || status === 429;
  return /fetch failed|network|ECONN|ETIMEDOUT|socket/i.test(String((err as Error).message));
}

export interface HuggingFaceOptions extends RetryOptions {
  hubUrl: string;
  token: string;
  /** `namespace/name` of the dataset repository. */
  repo: string;
  fetch?: typeof fetch;
}

/** Commits `files` to the dataset repository and tags the commit; returns the commit id. */
export async function publishHuggingFace(files: ReleaseFile[], version: string, opt: HuggingFaceOptions): Promise<{ commit: string; tag: string }> {
  const f = opt.fetch ?? fetch;
  const repo = { type: 'dataset' as const, name: opt.repo };
  await withRetry('create repository', async () => {
    try {
      await createRepo({ repo, accessToken: opt.token, hubUrl: opt.hubUrl, fetch: f });
    } catch (err) {
      if (/409|already (?:exists|created)/i.test(String((err as Error).message) + String((err as { statusCode?: number }).statusCode ?? ''))) return; // the repository is there
      throw new PublishError(`create repository: ${(err as Error).message}`, retryable(err));
    }
  }, opt);
  const out = await withRetry('commit', async () => {
    try {
      return await commit({
        repo,
        accessToken: opt.token,
        hubUrl: opt.hubUrl,
        fetch: f,
        useXet: false,
        title: `Release v${version}`,
        operations: files.map((x) => ({ operation: 'addOrUpdate' as const, path: x.path, content: new Blob([x.bytes]) })),
      });
    } catch (err) {
      throw new PublishError(`commit: ${(err as Error).message}`, retryable(err));
    }
  }, opt);
  if (!out) throw new PublishError('commit: the Hub made no commit (the files may already be there)', false);
  opt.log(`huggingface: committed ${files.length} files as ${out.commit.oid}`);
  const tag = `v${version}`;
  await withRetry('tag', () => request(f, `${opt.hubUrl.replace(/\/$/, '')}/api/datasets/${opt.repo}/tag/${out.commit.oid}`, { method: 'POST', headers: { Authorization: `Bearer ${opt.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ tag, message: `Release ${tag}` }) }, 'tag'), opt);
  return { commit: out.commit.oid, tag };
}
