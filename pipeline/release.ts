/**
 * `npm run release -- [--out DIR] [--profile full|public]`: writes `v<version>.zip`, a deterministic archive of
 * the release folder, beside it (atomically: a temporary file renamed into place). The release must exist
 * (`npm run pipeline` first) and must pass its own SHA256SUMS.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import datasetMeta from './metadata/dataset.json' with { type: 'json' };
import { zipFiles } from './export/archive.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist-data' }, profile: { type: 'string', default: 'full' } } });
const base = values.profile === 'public' ? path.join(values.out, 'public') : values.out;
const name = `v${datasetMeta.version}`;
const dir = path.join(base, name);
if (!existsSync(dir)) {
  process.stderr.write(`RELEASE_MISSING: ${dir}: no such release. Fix: run npm run pipeline${values.profile === 'public' ? ' -- --profile public' : ''} first\n`);
  process.exit(1);
}
const list = (d: string, p = ''): string[] => readdirSync(path.join(d, p), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(d, `${p}${e.name}/`) : [`${p}${e.name}`]));
const files = new Map(list(dir).map((f) => [f, new Uint8Array(readFileSync(path.join(dir, f)))]));
for (const line of new TextDecoder().decode(files.get('SHA256SUMS')).trim().split('\n')) {
  const [hash, file] = line.split('  ') as [string, string];
  if (createHash('sha256').update(files.get(file) ?? new Uint8Array()).digest('hex') !== hash) {
    process.stderr.write(`RELEASE_CORRUPT: ${dir} file "${file}": does not match SHA256SUMS. Fix: rebuild the release with npm run pipeline\n`);
    process.exit(1);
  }
}
const target = path.join(base, `${name}.zip`);
writeFileSync(`${target}.tmp`, zipFiles(name, files));
renameSync(`${target}.tmp`, target);
process.stderr.write(`wrote ${target} (${files.size} files)\n`);
