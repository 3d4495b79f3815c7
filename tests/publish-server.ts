/**
 * A loopback (127.0.0.1) stand-in for the Zenodo deposition API and the Hugging Face Hub endpoints the
 * publishers use. It stores what it receives, records every request (order, auth header, body checksum) and can
 * fail requests on purpose. Tests only; it never listens beyond the loopback interface.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  auth: string | undefined;
  sha256: string;
}

export interface Faults {
  /** Fail this many upload PUTs (Zenodo bucket or LFS) with HTTP 500, counting from `failFrom` (1-based). */
  failUploads?: number;
  failFrom?: number;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function startServer(faults: Faults = {}) {
  const requests: Recorded[] = [];
  const zenodo = { nextId: 100, drafts: new Map<number, { files: Map<string, Buffer>; metadata?: Record<string, unknown>; published: boolean }>() };
  const hub = { repos: new Set<string>(), lfs: new Map<string, Buffer>(), commits: [] as { repo: string; oid: string; files: Map<string, string> }[], tags: [] as { repo: string; rev: string; tag: string }[] };
  let uploads = 0;
  const failNow = () => {
    uploads++;
    const from = faults.failFrom ?? 1;
    return uploads >= from && uploads < from + (faults.failUploads ?? 0);
  };
  let base = '';
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const deposition = (id: number) => ({ id, links: { bucket: `${base}/api/files/bucket-${id}`, self: `${base}/api/deposit/depositions/${id}`, latest_draft: `${base}/api/deposit/depositions/${id}` } });

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', base);
    const p = decodeURIComponent(url.pathname);
    requests.push({ method: req.method ?? '', path: p, auth: req.headers.authorization, sha256: sha(body) });
    let m: RegExpExecArray | null;
    // Zenodo
    if (req.method === 'POST' && p === '/api/deposit/depositions') {
      const id = zenodo.nextId++;
      zenodo.drafts.set(id, { files: new Map(), published: false });
      return send(res, 201, deposition(id));
    }
    if ((m = /^\/api\/deposit\/depositions\/(\d+)\/actions\/newversion$/.exec(p)) && req.method === 'POST') {
      const old = zenodo.drafts.get(Number(m[1]));
      if (!old?.published) return send(res, 400, { message: 'not a published record' });
      const id = zenodo.nextId++;
      zenodo.drafts.set(id, { files: new Map(old.files), published: false });
      return send(res, 201, { ...deposition(Number(m[1])), links: { ...deposition(Number(m[1])).links, latest_draft: `${base}/api/deposit/depositions/${id}` } });
    }
    if ((m = /^\/api\/deposit\/depositions\/(\d+)$/.exec(p))) {
      const d = zenodo.drafts.get(Number(m[1]));
      if (!d) return send(res, 404, {});
      if (req.method === 'PUT') d.metadata = (JSON.parse(body.toString()) as { metadata: Record<string, unknown> }).metadata;
      return send(res, 200, deposition(Number(m[1])));
    }
    if ((m = /^\/api\/deposit\/depositions\/(\d+)\/files$/.exec(p)) && req.method === 'GET') {
      return send(res, 200, [...zenodo.drafts.get(Number(m[1]))!.files.keys()].map((name) => ({ id: `f-${name}`, filename: name })));
    }
    if ((m = /^\/api\/deposit\/depositions\/(\d+)\/files\/f-(.+)$/.exec(p)) && req.method === 'DELETE') {
      zenodo.drafts.get(Number(m[1]))!.files.delete(m[2]!);
      return send(res, 204);
    }
    if ((m = /^\/api\/files\/bucket-(\d+)\/(.+)$/.exec(p)) && req.method === 'PUT') {
      if (failNow()) return send(res, 500, { message: 'storage unavailable' });
      zenodo.drafts.get(Number(m[1]))!.files.set(m[2]!, body);
      return send(res, 201, { key: m[2], size: body.length, checksum: `md5:${createHash('md5').update(body).digest('hex')}` });
    }
    if ((m = /^\/api\/deposit\/depositions\/(\d+)\/actions\/publish$/.exec(p)) && req.method === 'POST') {
      const d = zenodo.drafts.get(Number(m[1]))!;
      d.published = true;
      return send(res, 202, { id: Number(m[1]), doi: `10.5072/zenodo.${m[1]}`, links: { record_html: `${base}/records/${m[1]}` } });
    }
    // Hugging Face Hub
    if (req.method === 'POST' && p === '/api/repos/create') {
      const { name, organization, type } = JSON.parse(body.toString()) as { name: string; organization?: string; type: string };
      const repo = organization ? `${organization}/${name}` : name;
      if (hub.repos.has(repo)) return send(res, 409, { error: 'You already created this dataset repo' });
      hub.repos.add(repo);
      return send(res, 200, { url: `${base}/${type}s/${repo}` });
    }
    if ((m = /^\/api\/datasets\/(.+)\/preupload\/(.+)$/.exec(p))) {
      const { files } = JSON.parse(body.toString()) as { files: { path: string }[] };
      return send(res, 200, { files: files.map((f) => ({ path: f.path, uploadMode: f.path.endsWith('.parquet') ? 'lfs' : 'regular' })) });
    }
    if ((m = /^\/datasets\/(.+)\.git\/info\/lfs\/objects\/batch$/.exec(p))) {
      const { objects } = JSON.parse(body.toString()) as { objects: { oid: string; size: number }[] };
      return send(res, 200, { transfer: 'basic', objects: objects.map((o) => ({ oid: o.oid, size: o.size, actions: { upload: { href: `${base}/lfs-upload/${o.oid}` } } })) });
    }
    if ((m = /^\/lfs-upload\/([0-9a-f]{64})$/.exec(p)) && req.method === 'PUT') {
      if (failNow()) return send(res, 500, { error: 'storage unavailable' });
      if (sha(body) !== m[1]) return send(res, 400, { error: 'sha256 mismatch' });
      hub.lfs.set(m[1]!, body);
      return send(res, 200, {});
    }
    if ((m = /^\/api\/datasets\/(.+)\/commit\/(.+)$/.exec(p))) {
      const files = new Map<string, string>();
      for (const line of body.toString().split('\n').filter(Boolean)) {
        const { key, value } = JSON.parse(line) as { key: string; value: { path: string; content?: string; oid?: string } };
        if (key === 'file') files.set(value.path, sha(Buffer.from(value.content!, 'base64')));
        if (key === 'lfsFile') {
          if (!hub.lfs.has(value.oid!)) return send(res, 422, { error: `LFS object ${value.oid} was never uploaded` });
          files.set(value.path, value.oid!);
        }
      }
      const oid = sha(Buffer.from(JSON.stringify([...files]))).slice(0, 40);
      hub.commits.push({ repo: m[1]!, oid, files });
      return send(res, 200, { commitOid: oid, commitUrl: `${base}/datasets/${m[1]}/commit/${oid}`, hookOutput: '' });
    }
    if ((m = /^\/api\/datasets\/(.+)\/tag\/(.+)$/.exec(p)) && req.method === 'POST') {
      hub.tags.push({ repo: m[1]!, rev: m[2]!, tag: (JSON.parse(body.toString()) as { tag: string }).tag });
      return send(res, 200, {});
    }
    return send(res, 404, { error: `no route ${req.method} ${p}` });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, requests, zenodo, hub, close: () => new Promise<void>((r) => server.close(() => r())) };
}
