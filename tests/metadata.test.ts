import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import datasetMeta from '../pipeline/metadata/dataset.json' with { type: 'json' };
import { TABLE_NAMES } from '../pipeline/schema/tables.ts';
import { ROOT } from './helpers.ts';

const rel = path.join(ROOT, 'dist-data', `v${datasetMeta.version}`);
const json = (f: string) => JSON.parse(readFileSync(path.join(rel, f), 'utf8'));
const addFormats = ((addFormatsModule as unknown as { default?: (a: Ajv) => Ajv }).default ?? addFormatsModule) as unknown as (a: Ajv) => Ajv;

describe('release metadata', () => {
  it('CITATION.cff is valid against the vendored CFF 1.2.0 schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/specs/citation-file-format/schema-1.2.0.json'), 'utf8'));
    const cff = parse(readFileSync(path.join(rel, 'CITATION.cff'), 'utf8'));
    const ok = ajv.validate(schema, cff);
    expect(ajv.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(cff).toMatchObject({ 'cff-version': '1.2.0', type: 'dataset', version: datasetMeta.version });
  });

  it('datapackage.json gives every resource its licences: ours, plus the third-party notice where article text stands', () => {
    const pkg = json('datapackage.json');
    expect(pkg.created).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    for (const r of pkg.resources) {
      const names = r.licenses.map((l: { name: string }) => l.name);
      // The explorer's files are code, under the project's code licence.
      if (r.path.startsWith('explorer/')) {
        expect(names).toEqual(['MIT']);
        continue;
      }
      expect(names[0]).toBe('CC-BY-4.0');
      expect(names.includes('LicenseRef-third-party-news-text')).toBe(/^(articles|quotes|actor_mentions|event_mentions)-/.test(r.name));
    }
  });

  describe('croissant.json passes the static checks of mlcroissant validate (ported from specs/croissant/validator-checks.md)', () => {
    const c = json('croissant.json');
    const nodes: Record<string, unknown>[] = [c, ...c.distribution, ...c.recordSet, ...c.recordSet.flatMap((r: { field: unknown[] }) => r.field)];
    const ids = nodes.filter((n) => n['@id']).map((n) => n['@id'] as string);

    it('1-5: is a schema.org Dataset of Croissant 1.1 with well-typed nodes and properties', () => {
      expect(c['@context'].sc).toBe('https://schema.org/');
      expect(c['@type']).toBe('sc:Dataset');
      expect(c.conformsTo).toBe('http://mlcommons.org/croissant/1.1');
      for (const id of ids) expect(id).not.toMatch(/\s|%20/);
      for (const d of c.distribution) expect(d['@type']).toBe('cr:FileObject');
      for (const r of c.recordSet) {
        expect(r['@type']).toBe('cr:RecordSet');
        for (const f of r.field) expect(f['@type']).toBe('cr:Field');
      }
      for (const n of nodes) for (const k of ['name', 'description']) if (k in n) expect(typeof n[k], `${String(n['@id'])}.${k}`).toBe('string');
    });

    it('9, 11: has the recommended properties and a semver version', () => {
      for (const k of ['citeAs', 'datePublished', 'license', 'version', 'creator', 'name', 'description']) expect(c[k], k).toBeTruthy();
      expect(c.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(c.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('12: has unique @ids and every reference resolves', () => {
      expect(new Set(ids).size).toBe(ids.length);
      const refs = [...c.recordSet.map((r: { key: { '@id': string } }) => r.key['@id']), ...c.recordSet.flatMap((r: { field: { source: { fileObject: { '@id': string } }; references?: { field: { '@id': string } } }[] }) => r.field.flatMap((f) => [f.source.fileObject['@id'], ...(f.references ? [f.references.field['@id']] : [])]))];
      for (const ref of refs) expect(ids, ref).toContain(ref);
    });

    it('13, 24: every FileObject has contentUrl, encodingFormat and a sha256 that matches the file', () => {
      for (const d of c.distribution) {
        expect(d.encodingFormat).toMatch(/^(text\/csv|application\/jsonlines|application\/x-parquet)$/);
        const file = path.join(rel, d.contentUrl);
        expect(existsSync(file), d.contentUrl).toBe(true);
        expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(d.sha256);
      }
    });

    it('16-23: every RecordSet has a key, every Field one source with one extract column that exists, a valid dataType, isArray with arrayShape', async () => {
      const types = new Set(['sc:Boolean', 'sc:Date', 'sc:DateTime', 'sc:Float', 'sc:Integer', 'sc:Text', 'sc:URL', 'cr:Int64', 'cr:Float64']);
      expect(c.recordSet.map((r: { '@id': string }) => r['@id'])).toEqual([...TABLE_NAMES]);
      for (const r of c.recordSet) {
        const sources = new Set(r.field.map((f: { source: { fileObject: { '@id': string } } }) => f.source.fileObject['@id']));
        expect(sources.size, r['@id']).toBe(1); // 18: one source per RecordSet, so no join is needed
        const buf = readFileSync(path.join(rel, [...sources][0] as string));
        const columns = parquetMetadata(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)).schema.map((e) => e.name);
        for (const f of r.field) {
          expect('value' in f, f['@id']).toBe(false);
          expect(Object.keys(f.source.extract)).toEqual(['column']);
          expect(columns, f['@id']).toContain(f.source.extract.column);
          expect(types.has(f.dataType), `${f['@id']} ${f.dataType}`).toBe(true);
          if (f.arrayShape !== undefined) expect(f.isArray).toBe(true);
        }
      }
    });
  });

  it('README.md is a dataset card whose Hugging Face configs point at existing Parquet files; LICENSE carries the notice', () => {
    const card = readFileSync(path.join(rel, 'README.md'), 'utf8');
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(card)![1]!);
    expect(front.configs.map((x: { config_name: string }) => x.config_name)).toEqual([...TABLE_NAMES]);
    for (const cfg of front.configs) for (const d of cfg.data_files) expect(existsSync(path.join(rel, d.path)), d.path).toBe(true);
    expect(readFileSync(path.join(rel, 'LICENSE'), 'utf8')).toMatch(/NOTICE: third-party text/);
  });
});
