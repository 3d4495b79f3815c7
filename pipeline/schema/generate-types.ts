/**
 * Writes `pipeline/types.generated.ts` from `schemas/*.schema.json` (`npm run generate:types`).
 * `tests/schema.test.ts` fails when the committed file is not what this produces.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderTypes } from './render-types.ts';

const target = fileURLToPath(new URL('../types.generated.ts', import.meta.url));
writeFileSync(target, await renderTypes());
console.error(`wrote ${target}`);
