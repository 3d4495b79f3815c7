/**
 * ajv validators, compiled once at start-up (ajv's own advice; standalone code still calls `require`,
 * ajv#1976). Our schema annotations (`x-primaryKey`, `x-references`) are declared as a vocabulary so
 * strict mode accepts them.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import manifestSchema from '../schemas/manifest.schema.json' with { type: 'json' };
import { SCHEMAS, TABLE_NAMES } from './schema/tables.ts';
import type { TableName } from './schema/tables.ts';
import type { Rows } from './types.generated.ts';

// ajv-formats is CommonJS; under ESM interop its function arrives as the module's `default`.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addVocabulary(['x-primaryKey', 'x-references']);

/** Row validators by table, usable as type guards. */
export const ROW_VALIDATORS = Object.fromEntries(TABLE_NAMES.map((t) => [t, ajv.compile(SCHEMAS[t])])) as {
  [T in TableName]: ValidateFunction<Rows[T]>;
};

/** Validator of `seeds/manifest.json`. */
export const validateManifest = ajv.compile(manifestSchema);

/** "must be YYYY-MM-DD" style text for one ajv error, with the field it is about. */
export function describeAjvError(e: ErrorObject): { field: string; message: string } {
  const path = e.instancePath.split('/').filter(Boolean);
  const field = e.keyword === 'additionalProperties' ? String(e.params['additionalProperty']) : (path[path.length - 1] ?? '(row)');
  const detail = e.keyword === 'enum' ? ` (${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')})` : '';
  return { field, message: `${e.message ?? e.keyword}${detail}` };
}
