import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate } from '../pipeline/annotate.ts';
import { articleOf } from './helpers.ts';

const dir = new URL('./fixtures/events/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
const key = (e: { type: string; source: string | null; target: string | null }) => `${e.type}|${e.source}|${e.target}`;

describe('events', () => {
  it.each(cases)('codes the events of fixture %s', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8').trimEnd();
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8'));
    const out = annotate([{ ...articleOf(name, text), published_date: expected.published_date }]);
    const nameOf = (id: string | null) => out.actors.find((a) => a.actor_id === id)?.name ?? null;
    const got = out.events.map((e) => ({ type: e.event_type, cameo: e.cameo_code, source: nameOf(e.source_actor_id), target: nameOf(e.target_actor_id), date: e.event_date, location: e.location }));
    expect(got.sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual([...expected.events].sort((a, b) => (key(a) < key(b) ? -1 : 1)));
    for (const m of out.event_mentions) expect(text.slice(m.char_start, m.char_end)).toBe(m.text);
  });

  it('merges one event reported by two outlets into one row, and keeps a different date apart', () => {
    const a = { ...articleOf('a', 'Kim Jong-un met Vladimir Putin in Vladivostok on Wednesday.'), published_date: '2023-09-14', outlet: 'Outlet A', story_id: 'sto_000000000000000a' };
    const b = { ...articleOf('b', 'Kim and Putin held talks on Wednesday, officials said. Kim Jong-un arrived by train.'), published_date: '2023-09-15', outlet: 'Outlet B', story_id: 'sto_000000000000000a' };
    const c = { ...articleOf('c', 'Kim Jong-un met Vladimir Putin in Vladivostok in April 2019.'), published_date: '2023-09-15', outlet: 'Outlet C', story_id: 'sto_000000000000000a' };
    const out = annotate([a, b, c]);
    const meetings = out.events.filter((e) => e.event_type === 'CONSULT').map((e) => [e.event_date, e.article_ids.length, e.source_count]);
    expect(meetings.sort()).toEqual([['2019-04', 1, 1], ['2023-09-13', 2, 2]]);
    const merged = out.events.find((e) => e.event_date === '2023-09-13')!;
    expect(out.event_mentions.filter((m) => m.event_id === merged.event_id).map((m) => m.article_id).sort()).toEqual([a.article_id, b.article_id].sort());
  });
});
