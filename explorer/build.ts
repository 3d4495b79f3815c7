/**
 * Builds the explorer for a release: `index.html`, `app.css`, `app.js` (src/ bundled with hyparquet by esbuild,
 * minified) and `THIRD_PARTY_NOTICES.txt`. The same sources and the same pinned esbuild give the same bytes, so
 * a release stays reproducible byte for byte; nothing here depends on the clock, the machine or the folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const ROOT = path.dirname(path.resolve(HERE));

export interface ExplorerFile {
  /** Path inside the explorer folder. */
  path: string;
  bytes: Uint8Array;
  mediatype: string;
}

/** The explorer's files, sorted by path. */
export function buildExplorer(): ExplorerFile[] {
  const out = buildSync({
    entryPoints: [path.join(HERE, 'src/main.ts')],
    absWorkingDir: ROOT,
    outfile: 'app.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const js = out.outputFiles[0];
  if (!js || out.errors.length) throw new Error(`explorer: esbuild failed: ${out.errors.map((e) => e.text).join('; ')}`);
  const require = (p: string) => readFileSync(path.join(ROOT, 'node_modules', p), 'utf8');
  const hyparquet = JSON.parse(require('hyparquet/package.json')) as { version: string };
  const notices = `The explorer's app.js bundles this third-party software:\n\nhyparquet ${hyparquet.version} (https://github.com/hyparam/hyparquet), under the MIT licence:\n\n${require('hyparquet/LICENSE').trim()}\n`;
  const text = (s: string) => new TextEncoder().encode(s);
  return [
    { path: 'THIRD_PARTY_NOTICES.txt', bytes: text(notices), mediatype: 'text/plain' },
    { path: 'app.css', bytes: readFileSync(path.join(HERE, 'app.css')), mediatype: 'text/css' },
    { path: 'app.js', bytes: js.contents, mediatype: 'text/javascript' },
    { path: 'index.html', bytes: readFileSync(path.join(HERE, 'index.html')), mediatype: 'text/html' },
  ];
}
