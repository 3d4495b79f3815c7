/** Shared test helpers: run the CLI in a child process, read release files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullArticle } from '../pipeline/model.ts';
import datasetMeta from '../pipeline/metadata/dataset.json' with { type: 'json' };

/** The release folder name of the dataset version the code declares (`v<version>`). */
export const VERSION = `v${datasetMeta.version}`;

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs `pipeline/cli.ts` with tsx; returns exit code and output. */
export function runCli(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipeline/cli.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'dispatches-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Rows of a JSONL file. */
export function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** An article row around a fixture text (only the fields annotate reads matter). */
export function articleOf(id: string, text: string): FullArticle {
  return { article_id: `art_${id.padStart(16, '0').slice(-16)}`, source_file: `${id}.txt`, url: null, outlet: null, title: null, authors: [], published_date: '2024-05-10', published_date_source: 'manifest', dateline: null, language: 'en', text, char_count: text.length, word_count: 0, content_sha256: '0'.repeat(64), duplicate_of: null, duplicate_kind: null, duplicate_similarity: null, story_id: 'sto_0000000000000000', annotation_status: 'annotated' };
}
