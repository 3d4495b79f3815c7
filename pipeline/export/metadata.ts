/**
 * The descriptions data repositories and their users look for, built from the same dataset metadata
 * (pipeline/metadata/dataset.json), the schemas and the files written: Croissant 1.1 (croissant.json),
 * Citation File Format 1.2.0 (CITATION.cff), a dataset card with Hugging Face front matter (README.md) and the
 * licence with its notice for third-party text (LICENSE). Dates come from the data, never from the clock. Pure.
 */
import { stringify } from 'yaml';
import { columnsOf, primaryKeyOf, SCHEMAS, TABLE_NAMES, TEXT_TABLES } from '../schema/tables.ts';
import type { Column } from '../schema/tables.ts';
import type { DataFile, DatasetMeta } from './datapackage.ts';
import type { RunReport } from './report.ts';


const CROISSANT_CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  arrayShape: 'cr:arrayShape',
  citeAs: 'cr:citeAs',
  column: 'cr:column',
  conformsTo: 'dct:conformsTo',
  containedIn: 'cr:containedIn',
  cr: 'http://mlcommons.org/croissant/',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  dct: 'http://purl.org/dc/terms/',
  extract: 'cr:extract',
  field: 'cr:field',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  format: 'cr:format',
  includes: 'cr:includes',
  isArray: 'cr:isArray',
  isLiveDataset: 'cr:isLiveDataset',
  jsonPath: 'cr:jsonPath',
  key: 'cr:key',
  md5: 'cr:md5',
  path: 'cr:path',
  recordSet: 'cr:recordSet',
  references: 'cr:references',
  regex: 'cr:regex',
  sc: 'https://schema.org/',
  source: 'cr:source',
  subField: 'cr:subField',
  transform: 'cr:transform',
};

const CROISSANT_TYPE: Record<Column['kind'], string> = { string: 'sc:Text', 'string[]': 'sc:Text', integer: 'cr:Int64', number: 'cr:Float64', boolean: 'sc:Boolean', date: 'sc:Date' };
const ENCODING: Record<DataFile['format'], string> = { csv: 'text/csv', jsonl: 'application/jsonlines', parquet: 'application/x-parquet' };

/** The release's date: the latest publication date of its articles (null when none is known). */
export function releaseDate(articles: { published_date: string | null }[]): string | null {
  let latest: string | null = null;
  for (const a of articles) if (a.published_date && (!latest || a.published_date > latest)) latest = a.published_date;
  return latest;
}

/** A BibTeX entry to cite the dataset. */
export function bibtex(meta: DatasetMeta, date: string | null): string {
  return `@misc{${meta.name}_${meta.version.replace(/\./g, '_')}, title = {${meta.title}}, author = {${meta.contributors.map((c) => c.title).join(' and ')}}, year = {${date?.slice(0, 4) ?? 'n.d.'}}, version = {${meta.version}}, note = {Dataset}}`;
}

/** croissant.json (Croissant 1.1): a FileObject with sha256 per data file, a RecordSet per table read from its Parquet file. */
export function buildCroissant(meta: DatasetMeta, files: DataFile[], date: string | null) {
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: 'http://mlcommons.org/croissant/1.1',
    name: meta.name,
    description: `${meta.description} ${meta.text_notice}`,
    version: meta.version,
    ...(date ? { datePublished: date } : {}),
    license: meta.licenses.map((l) => l.path),
    creator: meta.contributors.map((c) => ({ '@type': 'sc:Organization', name: c.title })),
    keywords: meta.keywords,
    citeAs: bibtex(meta, date),
    ...(meta.homepage ? { url: meta.homepage } : {}),
    distribution: files.map((f) => ({
      '@type': 'cr:FileObject',
      '@id': f.path,
      name: f.path,
      contentUrl: f.path,
      encodingFormat: ENCODING[f.format],
      contentSize: `${f.bytes} B`,
      sha256: f.sha256,
    })),
    recordSet: TABLE_NAMES.map((t) => ({
      '@type': 'cr:RecordSet',
      '@id': t,
      name: t,
      description: SCHEMAS[t].description,
      key: { '@id': `${t}/${primaryKeyOf(t)}` },
      field: columnsOf(t).map((c) => ({
        '@type': 'cr:Field',
        '@id': `${t}/${c.name}`,
        name: c.name,
        description: c.description,
        dataType: CROISSANT_TYPE[c.kind],
        ...(c.kind === 'string[]' ? { isArray: true, arrayShape: '-1' } : {}),
        source: { fileObject: { '@id': `parquet/${t}.parquet` }, extract: { column: c.name } },
        ...(c.references ? { references: { field: { '@id': `${c.references.table}/${c.references.field}` } } } : {}),
      })),
    })),
  };
}

/** CITATION.cff (Citation File Format 1.2.0) as YAML. */
export function buildCitation(meta: DatasetMeta, date: string | null): string {
  const cff = {
    'cff-version': '1.2.0',
    message: 'If you use this dataset, please cite it as below.',
    type: 'dataset',
    title: meta.title,
    abstract: meta.description,
    authors: meta.contributors.map((c) => ({ name: c.title })),
    version: meta.version,
    ...(date ? { 'date-released': date } : {}),
    license: meta.licenses[0]!.name,
    keywords: meta.keywords,
    ...(meta.homepage ? { url: meta.homepage } : {}),
  };
  return stringify(cff, { lineWidth: 0 });
}

/** Hugging Face `datasets` feature type of a column (as `Features._to_yaml_list` writes it): what the Parquet holds. */
const HF_FEATURE: Record<Column['kind'], Record<string, string>> = { string: { dtype: 'string' }, 'string[]': { list: 'string' }, integer: { dtype: 'int64' }, number: { dtype: 'float64' }, boolean: { dtype: 'bool' }, date: { dtype: 'date32' } };

/**
 * README.md of the release: a dataset card with Hugging Face front matter, one config per table, each with its
 * features declared (`dataset_info`), so `load_dataset` and the Hub read the types from the schemas, not from a guess.
 */
export function buildCard(meta: DatasetMeta, report: RunReport, date: string | null): string {
  const front = {
    pretty_name: meta.title,
    license: 'other',
    license_name: 'cc-by-4.0-annotations-third-party-text',
    license_link: 'LICENSE',
    language: ['en'],
    tags: meta.keywords,
    size_categories: ['n<1K'],
    configs: TABLE_NAMES.map((t, i) => ({ config_name: t, ...(i === 0 ? { default: true } : {}), data_files: [{ split: 'train', path: `parquet/${t}.parquet` }] })),
    dataset_info: TABLE_NAMES.map((t) => ({ config_name: t, features: columnsOf(t).map((c) => ({ name: c.name, ...HF_FEATURE[c.kind] })) })),
  };
  const rows = TABLE_NAMES.map((t) => `| \`${t}\` | ${report.tables[t]} | ${SCHEMAS[t].description} |`);
  return [
    '---',
    stringify(front, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    `# ${meta.title}`,
    '',
    `Version ${meta.version}${date ? ` (data up to ${date})` : ''}. ${meta.description}`,
    '',
    `> ${meta.text_notice} See LICENSE.`,
    '',
    '| table | rows | what a row is |',
    '| --- | ---: | --- |',
    ...rows,
    '',
    'Every table is in `csv/`, `jsonl/` and `parquet/`; `datapackage.json` (Frictionless) and `croissant.json` (Croissant) describe the files and their fields, `DATASHEET.md` how the data was made and how good it is, `CHANGELOG.md` and `changes/` what changed since the previous version, `SHA256SUMS` the checksums.',
    '',
    '`explorer/` is a page to look at the events, actors, quotes and articles, each row shown in its source text: serve this folder over HTTP (`python3 -m http.server`, or `npm run explore` in the project) and open `explorer/index.html`. It reads only the files beside it.',
    '',
    '## Loading',
    '',
    'Paths are relative to this folder. With the Hugging Face `datasets` library each table is a config, its types declared above:',
    '',
    '```python',
    'from pathlib import Path',
    'from datasets import load_dataset',
    '',
    '# this folder by its name (load_dataset(".") fails: it needs a named folder); on the Hub, the repository id',
    'here = str(Path(".").resolve())',
    'quotes = load_dataset(here, "quotes", split="train")',
    'print(quotes.features["speaker_actor_ids"], quotes[0]["text"])',
    '',
    'import pandas as pd',
    '# dtype_backend="pyarrow" keeps the Parquet types: nullable integers, dates, lists',
    'events = pd.read_parquet("parquet/events.parquet", dtype_backend="pyarrow")',
    'print(events.dtypes)',
    '```',
    '',
    '```sql',
    "SELECT q.text, a.name FROM 'parquet/quotes.parquet' q JOIN 'parquet/actors.parquet' a ON a.actor_id = q.speaker_actor_id;",
    '```',
    '',
    '## Citation',
    '',
    '```bibtex',
    bibtex(meta, date),
    '```',
    '',
  ].join('\n');
}

/** LICENSE of the release: our licence for annotations and metadata, and the notice for the article text. */
export function buildLicense(meta: DatasetMeta): string {
  const ours = meta.licenses[0]!;
  return [
    `${meta.title}`,
    '',
    `Annotations, identifiers, metadata and every other field produced by the dispatches pipeline are licensed under ${ours.name} (${ours.path}).`,
    '',
    'NOTICE: third-party text',
    '',
    `${meta.text_notice}`,
    `The tables ${[...TEXT_TABLES].join(', ')} contain such text (article bodies, quoted words, evidence sentences, names as printed). They are not covered by the licence above; their reuse is governed by the publishers' terms and the law of the user's country. A release built with --profile public leaves article bodies and evidence sentences out and keeps only short excerpts, hashes and offsets, so users can rebuild the text from their own copies.`,
    '',
  ].join('\n');
}

/** Zenodo deposition metadata, from the same source as CITATION.cff. */
export function zenodoMetadata(meta: DatasetMeta, date: string | null): Record<string, unknown> {
  return {
    upload_type: 'dataset',
    title: meta.title,
    description: `${meta.description} ${meta.text_notice}`,
    creators: meta.contributors.map((c) => ({ name: c.title })),
    version: meta.version,
    ...(date ? { publication_date: date } : {}),
    license: meta.licenses[0]!.name.toLowerCase(),
    keywords: meta.keywords,
  };
}
