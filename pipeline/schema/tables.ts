/**
 * The JSON Schemas in `schemas/` are the one hand-written field list. This module reads them and derives
 * the column specs that CSV, JSONL, Parquet and the datapackage use, so no other module lists fields.
 */
import articles from '../../schemas/articles.schema.json' with { type: 'json' };
import actors from '../../schemas/actors.schema.json' with { type: 'json' };
import quotes from '../../schemas/quotes.schema.json' with { type: 'json' };
import events from '../../schemas/events.schema.json' with { type: 'json' };
import actorMentions from '../../schemas/actor_mentions.schema.json' with { type: 'json' };
import eventMentions from '../../schemas/event_mentions.schema.json' with { type: 'json' };

/** Table names in release order (a table's rows only reference tables listed before it or itself). */
export const TABLE_NAMES = ['articles', 'actors', 'actor_mentions', 'quotes', 'events', 'event_mentions'] as const;

/** Tables whose rows carry words of the articles (third-party text) rather than only our annotations. */
export const TEXT_TABLES: ReadonlySet<TableName> = new Set(['articles', 'quotes', 'actor_mentions', 'event_mentions']);
export type TableName = (typeof TABLE_NAMES)[number];

/** The subset of JSON Schema we use for a property. */
export interface PropertySchema {
  type: string | string[];
  description: string;
  format?: string;
  pattern?: string;
  enum?: (string | null)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  items?: PropertySchema | { type: string; pattern?: string; minLength?: number };
  'x-references'?: string;
}

/** The subset of JSON Schema we use for a table. */
export interface TableSchema {
  $schema: string;
  $id: string;
  title: string;
  description: string;
  type: 'object';
  'x-primaryKey': string;
  additionalProperties: false;
  required: string[];
  properties: Record<string, PropertySchema>;
}

/** Value kinds a column can hold, the common ground of every export format. */
export type ColumnKind = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'string[]';

/** One column of a table, derived from its JSON Schema property. */
export interface Column {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  description: string;
  /** JSON Schema `format` of a string column (`uri`, `date`). */
  format?: string;
  /** Allowed values (without null), when the schema restricts them. */
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** `table.field` this column (or each list element) must exist in. */
  references?: { table: TableName; field: string };
}

/** Schemas by table, exactly as committed. */
export const SCHEMAS: Record<TableName, TableSchema> = {
  articles: articles as TableSchema,
  actors: actors as TableSchema,
  actor_mentions: actorMentions as TableSchema,
  quotes: quotes as TableSchema,
  events: events as TableSchema,
  event_mentions: eventMentions as TableSchema,
};

function kindOf(table: string, name: string, p: PropertySchema): { kind: ColumnKind; nullable: boolean } {
  const types = Array.isArray(p.type) ? p.type : [p.type];
  const nullable = types.includes('null');
  const base = types.filter((t) => t !== 'null');
  if (base.length !== 1) {
    throw new Error(`SCHEMA_TYPE_UNSUPPORTED: schemas/${table}.schema.json property "${name}" has types ${JSON.stringify(types)}; use one type, optionally with "null"`);
  }
  const t = base[0];
  if (t === 'string') return { kind: p.format === 'date' ? 'date' : 'string', nullable };
  if (t === 'integer' || t === 'number' || t === 'boolean') return { kind: t, nullable };
  if (t === 'array' && p.items && p.items.type === 'string') return { kind: 'string[]', nullable };
  throw new Error(`SCHEMA_TYPE_UNSUPPORTED: schemas/${table}.schema.json property "${name}" has type ${JSON.stringify(p.type)}; supported: string, integer, number, boolean, array of string`);
}

function parseReference(table: string, name: string, ref: string): { table: TableName; field: string } {
  const [t, field] = ref.split('.');
  if (!t || !field || !(TABLE_NAMES as readonly string[]).includes(t)) {
    throw new Error(`SCHEMA_REFERENCE_INVALID: schemas/${table}.schema.json property "${name}": x-references "${ref}" must be "<table>.<field>" with a known table`);
  }
  return { table: t as TableName, field };
}

/** Columns of a table in schema order (which is the CSV, JSONL and Parquet column order). */
export function columnsOf(table: TableName): Column[] {
  const schema = SCHEMAS[table];
  return Object.entries(schema.properties).map(([name, p]) => {
    const { kind, nullable } = kindOf(table, name, p);
    const col: Column = { name, kind, nullable, description: p.description };
    if (p.format) col.format = p.format;
    const values = p.enum?.filter((v): v is string => v !== null);
    if (values?.length) col.enum = values;
    const pattern = p.pattern ?? (p.items && 'pattern' in p.items ? p.items.pattern : undefined);
    if (pattern) col.pattern = pattern;
    if (p.minimum !== undefined) col.minimum = p.minimum;
    if (p.maximum !== undefined) col.maximum = p.maximum;
    if (p['x-references']) col.references = parseReference(table, name, p['x-references']);
    return col;
  });
}

/** Primary key field of a table. */
export function primaryKeyOf(table: TableName): string {
  return SCHEMAS[table]['x-primaryKey'];
}
