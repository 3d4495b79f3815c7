import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

/** Every TypeScript source of the pipeline, as one text. */
function sources(dir = path.join(ROOT, 'pipeline')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(path.join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

describe('lexicons', () => {
  const code = sources();
  const files = readdirSync(path.join(ROOT, 'pipeline/lexicon')).filter((f) => f.endsWith('.json'));

  it.each(files)('every key of %s is read by the code', (file) => {
    const data = JSON.parse(readFileSync(path.join(ROOT, 'pipeline/lexicon', file), 'utf8')) as Record<string, unknown>;
    const unread = Object.keys(data).filter((k) => k !== 'about' && !new RegExp(`\\.${k}\\b|\\[['"]${k}['"]\\]|\\b${k}:`).test(code));
    expect(unread).toEqual([]);
  });

  it('every lexicon file is imported or read by the code', () => {
    for (const f of files) expect(code.includes(`lexicon/${f}`) || code.includes(`'${f}'`), f).toBe(true);
  });
});
