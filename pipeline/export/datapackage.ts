/**
 * The Frictionless Data Package (v2) describing every data file of a release: path, format, media type,
 * size, `sha256:` hash, and the Table Schema derived from our JSON Schema (types, constraints, primary and
 * foreign keys). Pure.
 */
import { columnsOf, primaryKeyOf, TEXT_TABLES } from '../schema/tables.ts';
import type { Column, TableName } from '../schema/tables.ts';

/** A data file written into the release. */
export interface DataFile {
  table: TableName;
  format: DataFormat;
  /** Path relative to the release folder. */
  path: string;
  bytes: number;
  sha256: string;
}

export type DataFormat = 'csv' | 'jsonl' | 'parquet';

/** A file of the release that is no table (the explorer's page, script and style). */
export interface PageFile {
  /** Path relative to the release folder, e.g. `explorer/app.js`. */
  path: string;
  bytes: number;
  sha256: string;
  mediatype: string;
}

/** The licence of the explorer's code (the project's own; what it bundles keeps its licence, listed beside it). */
export const CODE_LICENSE = { name: 'MIT', path: 'https://opensource.org/license/mit', title: "MIT License (the explorer's code; the code it bundles is under its own licence, see explorer/THIRD_PARTY_NOTICES.txt)" };

/** Resource name of a page file: `explorer/app.js` → `explorer-app-js`. */
export const pageResourceName = (p: string) => p.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Dataset-level metadata (pipeline/metadata/dataset.json). */
export interface DatasetMeta {
  name: string;
  title: string;
  description: string;
  version: string;
  keywords: string[];
  licenses: { name: string; path: string; title: string }[];
  text_notice: string;
  contributors: { title: string; roles: string[] }[];
  sources: { title: string }[];
  /** Where the dataset lives, when it has a public address (null until published). */
  homepage: string | null;
}

const MEDIATYPE: Record<DataFormat, string> = { csv: 'text/csv', jsonl: 'application/jsonl', parquet: 'application/vnd.apache.parquet' };

/** Resource name of a table in a format, e.g. `quotes-parquet`. */
export const resourceName = (table: TableName, format: DataFormat) => `${table}-${format}`;

function field(c: Column) {
  const type = { string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', date: 'date', 'string[]': 'array' }[c.kind];
  const constraints: Record<string, unknown> = {};
  if (!c.nullable) constraints['required'] = true;
  if (c.enum) constraints['enum'] = c.enum;
  if (c.pattern && c.kind === 'string') constraints['pattern'] = c.pattern;
  if (c.minimum !== undefined) constraints['minimum'] = c.minimum;
  if (c.maximum !== undefined) constraints['maximum'] = c.maximum;
  return {
    name: c.name,
    type,
    ...(c.format === 'uri' ? { format: 'uri' } : {}),
    description: c.description,
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** Table Schema of a table, its foreign keys pointing at resources of the same format. */
export function tableSchema(table: TableName, format: DataFormat) {
  const cols = columnsOf(table);
  const foreignKeys = cols
    .filter((c) => c.references && c.kind !== 'string[]') // Table Schema keys are scalar; list references are checked by validate
    .map((c) => ({ fields: [c.name], reference: { ...(c.references!.table === table ? {} : { resource: resourceName(c.references!.table, format) }), fields: [c.references!.field] } }));
  return {
    fields: cols.map(field),
    primaryKey: [primaryKeyOf(table)],
    ...(foreignKeys.length ? { foreignKeys } : {}),
    ...(format === 'csv' ? { missingValues: [''] } : {}),
  };
}

/**
 * The datapackage.json object for the given files; `created` is the release date from the data (YYYY-MM-DD).
 * `pages` (the explorer) follow the tables as plain resources: no table schema, each with its size and hash.
 */
export function buildDatapackage(meta: DatasetMeta, files: DataFile[], created: string | null, pages: PageFile[] = []) {
  const thirdParty = { name: 'LicenseRef-third-party-news-text', title: `Article text under its publishers' copyright: ${meta.text_notice}` };
  const pkg = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: meta.name,
    title: meta.title,
    description: `${meta.description} ${meta.text_notice}`,
    version: meta.version,
    ...(created ? { created: `${created}T00:00:00Z` } : {}),
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    keywords: meta.keywords,
    licenses: meta.licenses,
    contributors: meta.contributors,
    sources: meta.sources,
  };
  const resources = [
    ...files.map((f) => ({
      name: resourceName(f.table, f.format),
      type: 'table',
      path: f.path,
      format: f.format,
      mediatype: MEDIATYPE[f.format],
      encoding: f.format === 'parquet' ? undefined : 'utf-8',
      bytes: f.bytes,
      hash: `sha256:${f.sha256}`,
      // Our annotations are ours to license; the article words in some tables are not.
      licenses: TEXT_TABLES.has(f.table) ? [...meta.licenses, thirdParty] : meta.licenses,
      ...(f.format === 'csv' ? { dialect: { header: true, delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true } } : {}),
      schema: tableSchema(f.table, f.format),
    })),
    ...pages.map((f) => ({
      name: pageResourceName(f.path),
      path: f.path,
      description: 'The explorer: a static page that browses this release (serve the release folder over HTTP and open explorer/index.html).',
      format: f.path.slice(f.path.lastIndexOf('.') + 1),
      mediatype: f.mediatype,
      encoding: 'utf-8',
      bytes: f.bytes,
      hash: `sha256:${f.sha256}`,
      licenses: [CODE_LICENSE],
    })),
  ];
  return { ...pkg, resources };
}
