import { compile } from 'json-schema-to-typescript';
import { SCHEMAS, TABLE_NAMES } from './tables.ts';

/** TypeScript source declaring one interface per table schema, plus a map from table name to row type. */
export async function renderTypes(): Promise<string> {
  const parts = ['/* Generated from schemas/*.schema.json by `npm run generate:types`. Do not edit. */\n'];
  for (const table of TABLE_NAMES) {
    // Our x- keywords are annotations for the exporters, not types; drop them before compiling.
    const schema = JSON.parse(JSON.stringify(SCHEMAS[table], (k, v) => (k.startsWith('x-') ? undefined : v)));
    parts.push(await compile(schema, SCHEMAS[table].title, { bannerComment: '', additionalProperties: false, format: true, style: { singleQuote: true } }));
  }
  parts.push('/** Row type of each table. */\nexport interface Rows {\n');
  for (const table of TABLE_NAMES) parts.push(`  ${table}: ${SCHEMAS[table].title};\n`);
  parts.push('}\n');
  return parts.join('');
}
