/**
 * `npm run explore [-- VERSION] [--out DIR] [--profile full|public] [--port N]`: serves a release folder on
 * 127.0.0.1 (node:http, files only, with byte ranges so the page reads Parquet a column at a time) and prints
 * the explorer's URL. VERSION defaults to the version pipeline/metadata/dataset.json declares; `--profile
 * public` serves `<out>/public/v<version>`. Stop it with Ctrl-C.
 */
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.cff': 'text/plain; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
};

/**
 * Serves the files of `dir` (nothing outside it) on 127.0.0.1; port 0 takes a free one. `overlay` serves files
 * from memory in place of the folder's (by URL path, e.g. `/explorer/app.js`): a benchmark can show a fresh
 * explorer on a release without writing into it.
 */
export function serveFolder(dir: string, port = 0, overlay: Map<string, Uint8Array> = new Map()): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const root = realpathSync(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const mem = overlay.get(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
    if (mem) {
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(url.pathname.endsWith('/') ? 'index.html' : url.pathname)] ?? 'application/octet-stream', 'Content-Length': mem.length, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : mem);
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile() || !realpathSync(file).startsWith(root)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const size = statSync(file).size;
    const headers: Record<string, string | number> = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache' };
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      resolve({ url: `http://127.0.0.1:${p}/`, server, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'dist-data' }, profile: { type: 'string', default: 'full' }, port: { type: 'string', default: '8040' } } });
  const meta = (await import('../pipeline/metadata/dataset.json', { with: { type: 'json' } })).default as { version: string };
  const version = (positionals[0] ?? meta.version).replace(/^v/, '');
  const base = values.profile === 'public' ? path.join(values.out, 'public') : values.out;
  const dir = path.resolve(base, `v${version}`);
  if (!existsSync(path.join(dir, 'explorer', 'index.html'))) {
    console.error(`no explorer in ${dir}: run npm run pipeline${values.profile === 'public' ? ' -- --profile public' : ''} first (or name a version that has one)`);
    process.exit(2);
  }
  const { url } = await serveFolder(dir, Number(values.port)).catch(() => serveFolder(dir, 0));
  const shown = path.relative(process.cwd(), dir);
  console.log(`serving ${shown && !shown.startsWith('..') ? shown : dir} on 127.0.0.1 (Ctrl-C stops it)`);
  console.log(`${url}explorer/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
