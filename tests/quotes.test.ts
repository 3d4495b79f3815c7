import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate } from '../pipeline/annotate.ts';
import { articleOf } from './helpers.ts';

const dir = new URL('./fixtures/quotes/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));

describe('quotes', () => {
  it.each(cases)('finds the quotes and speakers of fixture %s', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8').trimEnd();
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8'));
    const out = annotate([articleOf(name, text)]);
    const nameOf = (id: string | null) => out.actors.find((a) => a.actor_id === id)?.name ?? null;
    const got = out.quotes
      .sort((a, b) => a.char_start - b.char_start || (a.quote_type < b.quote_type ? -1 : 1))
      .map((q) => ({ type: q.quote_type, text: q.text, speaker: nameOf(q.speaker_actor_id), ...(q.quote_type === 'direct' ? { attribution: q.attribution } : {}), reported_by: nameOf(q.reported_by_actor_id) }));
    expect(got).toEqual(expected.quotes);
    for (const q of out.quotes) expect(text.slice(q.char_start, q.char_end)).toBe(q.text);
  });
});
