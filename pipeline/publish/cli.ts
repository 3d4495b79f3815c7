/**
 * `npm run publish -- --to zenodo|huggingface [--dry-run] [--sandbox] [--profile public|full] [--out DIR]
 *   [--concept ID] [--repo NAMESPACE/NAME] [--base-url URL]`
 * Publishes the current release (the public profile unless --profile full). Tokens come from ZENODO_TOKEN /
 * HF_TOKEN and are never printed. --dry-run prints the plan and sends nothing. Exit: 0 published (or planned),
 * 1 failed (nothing published), 2 usage.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import datasetMeta from '../metadata/dataset.json' with { type: 'json' };
import { zipFiles } from '../export/archive.ts';
import type { DatasetMeta } from '../export/datapackage.ts';
import { zenodoMetadata } from '../export/metadata.ts';
import { fileOf, readRelease } from './common.ts';
import type { ReleaseFile } from './common.ts';
import { publishHuggingFace } from './huggingface.ts';
import { publishZenodo } from './zenodo.ts';

const usage = (m: string): never => {
  process.stderr.write(`USAGE_ERROR: ${m}. Fix: npm run publish -- --to zenodo|huggingface [--dry-run] [--sandbox] [--profile public|full] [--concept ID] [--repo NAMESPACE/NAME]\n`);
  process.exit(2);
};
let values;
try {
  ({ values } = parseArgs({ options: { to: { type: 'string' }, 'dry-run': { type: 'boolean' }, sandbox: { type: 'boolean' }, profile: { type: 'string', default: 'public' }, out: { type: 'string', default: 'dist-data' }, concept: { type: 'string' }, repo: { type: 'string' }, 'base-url': { type: 'string' }, retries: { type: 'string', default: '3' }, 'retry-delay-ms': { type: 'string', default: '1000' } } }));
} catch (err) {
  usage((err as Error).message.split('\n')[0]!);
}
if (values!.to !== 'zenodo' && values!.to !== 'huggingface') usage(`--to must be zenodo or huggingface, got ${JSON.stringify(values!.to)}`);
if (values!.profile !== 'public' && values!.profile !== 'full') usage(`--profile must be public or full, got "${values!.profile}"`);
if (values!.sandbox && values!.to !== 'zenodo') usage('--sandbox applies to zenodo only');
if (values!.to === 'huggingface' && !values!.repo) usage('--repo NAMESPACE/NAME is needed for huggingface');
const v = values!;
const meta = datasetMeta as DatasetMeta;
const dir = path.join(v.out, ...(v.profile === 'public' ? ['public'] : []), `v${meta.version}`);
if (!existsSync(dir)) {
  process.stderr.write(`RELEASE_MISSING: ${dir}: no such release. Fix: npm run pipeline${v.profile === 'public' ? ' -- --profile public' : ''}\n`);
  process.exit(1);
}
const release = readRelease(dir);
const date = (JSON.parse(new TextDecoder().decode(release.find((f) => f.path === 'datapackage.json')!.bytes)) as { created?: string }).created?.slice(0, 10) ?? null;
// Zenodo holds a flat list of files: the archive of the whole release, and its descriptions beside it.
const files: ReleaseFile[] = v.to === 'zenodo'
  ? [fileOf(`dispatches-v${meta.version}${v.profile === 'public' ? '-public' : ''}.zip`, zipFiles(`v${meta.version}`, new Map(release.map((f) => [f.path, f.bytes])))), ...release.filter((f) => ['README.md', 'DATASHEET.md', 'datapackage.json', 'croissant.json', 'CITATION.cff', 'LICENSE', 'SHA256SUMS'].includes(f.path))]
  : release;
const baseUrl = v['base-url'] ?? (v.to === 'zenodo' ? (v.sandbox ? 'https://sandbox.zenodo.org' : 'https://zenodo.org') : 'https://huggingface.co');
const log = (line: string) => process.stderr.write(`${line}\n`);

if (v['dry-run']) {
  log(`plan: publish ${dir} (${v.profile} profile) to ${v.to} at ${baseUrl}${v.to === 'zenodo' ? (v.concept ? ` as a new version of record ${v.concept}` : ' as a new record') : ` in dataset repository ${v.repo}, tagged v${meta.version}`}`);
  for (const f of files) log(`  ${f.path}  ${f.bytes.length} bytes  sha256 ${f.sha256}`);
  if (v.to === 'zenodo') log(`  metadata ${JSON.stringify(zenodoMetadata(meta, date))}`);
  log(`token: ${v.to === 'zenodo' ? 'ZENODO_TOKEN' : 'HF_TOKEN'} ${process.env[v.to === 'zenodo' ? 'ZENODO_TOKEN' : 'HF_TOKEN'] ? 'is set' : 'is not set'}; nothing was sent`);
  process.exit(0);
}
const token = process.env[v.to === 'zenodo' ? 'ZENODO_TOKEN' : 'HF_TOKEN'];
if (!token) {
  process.stderr.write(`TOKEN_MISSING: ${v.to === 'zenodo' ? 'ZENODO_TOKEN' : 'HF_TOKEN'} is not set. Fix: export it in the environment (it is never printed or written)\n`);
  process.exit(1);
}
const retry = { retries: Number(v.retries), delayMs: Number(v['retry-delay-ms']), log };
try {
  if (v.to === 'zenodo') {
    const r = await publishZenodo(files, zenodoMetadata(meta, date), { ...retry, baseUrl, token, ...(v.concept ? { concept: v.concept } : {}) });
    log(`published: zenodo record ${r.id}${r.doi ? `, DOI ${r.doi}` : ''}${r.url ? `, ${r.url}` : ''}`);
  } else {
    const r = await publishHuggingFace(files, meta.version, { ...retry, hubUrl: baseUrl, token, repo: v.repo! });
    log(`published: ${v.repo} commit ${r.commit}, tag ${r.tag}`);
  }
} catch (err) {
  // Messages never hold the token: it only travels in request headers.
  log(`PUBLISH_FAILED: ${v.to}: ${(err as Error).message}`);
  process.exit(1);
}
