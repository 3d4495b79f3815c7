import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../pipeline/annotate.ts';
import { cameoLexicon, loadCameo, ploverModeOf, ploverOf } from '../pipeline/annotate/cameo.ts';
import { nounForms, verbForms } from '../pipeline/annotate/inflect.ts';
import { articleOf, readJsonl, ROOT } from './helpers.ts';

interface Expected {
  code: string;
  source: string;
  target: string | null;
}
interface Case {
  id: string;
  published: string;
  text: string;
  events: Expected[];
  /** What the coder does not read yet: the case is expected to fail until it does (then drop the mark). */
  known_gap?: string;
}

const dir = path.join(ROOT, 'tests/fixtures/cameo');
const suites = readdirSync(dir)
  // One file per root, and roles.json: how sources, targets and attribution are read, whatever the root.
  .filter((f) => /^(?:\d\d|roles)\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { root: string; cases: Case[] });
const cases = suites.flatMap((s) => s.cases.map((c) => [c.id, c] as const));

const line = (code: string, source: string | null, target: string | null) => `${code} ${source} → ${target}`;

/** Events of one text as `code source → target`. A joint act is one row in either direction; a fixture lists both. */
function coded(c: Case): Set<string> {
  const out = annotate([{ ...articleOf(c.id.replace(/[^0-9a-f]/g, '').padStart(4, '0'), c.text), published_date: c.published }]);
  const nameOf = (id: string | null) => out.actors.find((a) => a.actor_id === id)?.name ?? null;
  const want = new Set(c.events.map((e) => line(e.code, e.source, e.target)));
  const got = new Set<string>();
  for (const e of out.events) {
    const [s, t] = [nameOf(e.source_actor_id), nameOf(e.target_actor_id)];
    got.add(line(e.cameo_code, s, t));
    if (t && want.has(line(e.cameo_code, t, s))) got.add(line(e.cameo_code, t, s));
  }
  return got;
}

describe('CAMEO lexicon', () => {
  it('covers every root from 02 to 20, and every listed code has at least one pattern', () => {
    // Loading also refuses codes outside their root, undefined word classes and repeated pattern ids (next test).
    const lex = cameoLexicon();
    expect([...new Set(lex.codes.map((c) => c.root))].sort()).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 2).padStart(2, '0')));
    expect(lex.codes.filter((c) => c.patterns === 0).map((c) => c.code)).toEqual([]);
  });

  it('refuses a pattern with an unknown word class, a code outside its root or a repeated id', () => {
    expect(() => loadCameo({ 'x.json': { root: '16', label: 'x', codes: [{ code: '163', label: 'x', patterns: [{ id: '163.x', p: 'impose ~nothing on @T' }] }] } })).toThrow(/unknown word class/);
    expect(() => loadCameo({ 'x.json': { root: '16', label: 'x', codes: [{ code: '173', label: 'x', patterns: [] }] } })).toThrow(/not a CAMEO code of root 16/);
    expect(() => loadCameo({ 'x.json': { root: '16', label: 'x', codes: [{ code: '163', label: 'x', patterns: [{ id: '163.x', p: 'impose ~sanction on @T' }, { id: '163.x', p: 'sanction @T' }] }] } })).toThrow(/pattern id used twice/);
  });

  it('derives PLOVER types from the one table, with our decisions for 01 and 02', () => {
    expect([ploverOf('010'), ploverOf('0214'), ploverOf('036'), ploverOf('042'), ploverOf('057'), ploverOf('081'), ploverOf('087'), ploverOf('1382'), ploverOf('163'), ploverOf('193')]).toEqual([null, 'REQUEST', 'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'RETREAT', 'THREATEN', 'SANCTION', 'ASSAULT']);
  });

  it('gives a PLOVER mode only where the code implies one', () => {
    expect([ploverModeOf('042'), ploverModeOf('173'), ploverModeOf('1451'), ploverModeOf('194'), ploverModeOf('0872'), ploverModeOf('161')]).toEqual(['visit', 'arrest', 'riot', 'heavy-weapons', 'withdraw', 'withdraw']);
    // Generic codes and codes whose type in PLOVER's translation differs from the type table have none.
    expect([ploverModeOf('040'), ploverModeOf('0331'), ploverModeOf('163'), ploverModeOf('191')]).toEqual([null, null, null, null]);
  });

  it('inflects lemmas by rule and from the irregular table', () => {
    expect(verbForms('impose').map(([f]) => f)).toEqual(expect.arrayContaining(['impose', 'imposes', 'imposed', 'imposing']));
    expect(verbForms('lead').map(([f]) => f)).toEqual(expect.arrayContaining(['leads', 'led', 'leading']));
    expect(verbForms('ban').map(([f]) => f)).toEqual(expect.arrayContaining(['banned', 'banning']));
    expect(verbForms('carry out').map(([f]) => f)).toEqual(expect.arrayContaining(['carried out', 'carries out']));
    expect(nounForms('ally')).toEqual(['ally', 'allies']);
    expect(nounForms('crisis')).toEqual(['crisis', 'crises']);
  });
});

describe('CAMEO fixtures (sentences written for the tests, one file per root)', () => {
  it('has sentences for every root from 02 to 20, with events and without', () => {
    const roots = suites.map((s) => s.root).filter((r) => /^\d\d$/.test(r)).sort();
    expect(roots).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 2).padStart(2, '0')));
    expect(cases.some(([, c]) => c.events.length === 0)).toBe(true);
  });

  const check = (c: Case) => expect(coded(c)).toEqual(new Set(c.events.map((e) => line(e.code, e.source, e.target))));
  it.each(cases.filter(([, c]) => !c.known_gap))('%s', (_id, c) => check(c));
  // Known gaps are listed, and fail as stated: when one starts to pass, this says so.
  it.fails.each(cases.filter(([, c]) => c.known_gap))('%s (known gap)', (_id, c) => check(c));
});

describe('PLOVER types in releases', () => {
  const versions = existsSync(path.join(ROOT, 'dist-data')) ? readdirSync(path.join(ROOT, 'dist-data')).filter((v) => /^v\d+\.\d+\.\d+$/.test(v) && v !== 'v0.1.0') : [];
  it.each(versions.length ? versions : ['(none yet)'])('every event row of %s has the type its CAMEO code maps to', (v) => {
    if (v === '(none yet)') return;
    const rows = readJsonl(path.join(ROOT, 'dist-data', v, 'jsonl/events.jsonl'));
    for (const r of rows) expect([r.cameo_code, r.event_type, r.plover_mode]).toEqual([r.cameo_code, ploverOf(String(r.cameo_code)), ploverModeOf(String(r.cameo_code))]);
  });
});
