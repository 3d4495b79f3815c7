import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate } from '../pipeline/annotate.ts';
import { articleOf } from './helpers.ts';

/**
 * tests/fixtures/names/<case>.txt: a short text with invented names the gazetteer cannot know, one case per rule
 * of pipeline/annotate/names.ts and groups.ts; <case>.expected.json: every actor found (name, type, country, and
 * the CAMEO code where given), and `surfaces`: the actor each listed surface form resolves to.
 */
const dir = new URL('./fixtures/names/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));

interface Expected {
  actors: { name: string; type: string; country: string | null; cameo?: string }[];
  surfaces?: Record<string, string>;
}

describe('names and groups found from the text', () => {
  it.each(cases)('finds the actors of fixture %s', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8').trimEnd();
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as Expected;
    const out = annotate([articleOf(name, text)]);
    const got = out.actors.map((a) => ({ name: a.name, type: a.actor_type, country: a.country_code, ...(expected.actors.find((e) => e.name === a.name)?.cameo ? { cameo: a.cameo_actor_code } : {}) }));
    const order = (xs: { name: string }[]) => [...xs].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(order(got)).toEqual(order(expected.actors));
    for (const [surface, actor] of Object.entries(expected.surfaces ?? {})) {
      const ms = out.actor_mentions.filter((m) => m.text === surface);
      expect(ms.length, `mentions of ${surface}`).toBeGreaterThan(0);
      for (const m of ms) expect(out.actors.find((a) => a.actor_id === m.actor_id)?.name, surface).toBe(actor);
    }
    for (const m of out.actor_mentions) expect(text.slice(m.char_start, m.char_end)).toBe(m.text);
  });
});
