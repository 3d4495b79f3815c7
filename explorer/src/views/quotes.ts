/**
 * Quotes: the list (speaker, words, direct or indirect, outlet, date), searchable. Rows are read from the
 * Parquet file a block at a time as they scroll into view; filters read only the columns they test, and a text
 * search runs through the file row group by row group, showing what it has found so far.
 */
import { fmt } from '../cameo.ts';
import type { Row } from '../data.ts';
import { dateRange } from '../dates.ts';
import { formatHash } from '../route.ts';
import type { Route } from '../route.ts';
import { announce, cut, field, h, link, select, VirtualList } from '../ui.ts';
import type { Ctx, View } from '../view.ts';

const BLOCK = 100;
const COLS = ['quote_id', 'article_id', 'quote_type', 'text', 'speaker_actor_id', 'speaker_text'];

export async function quotesView(ctx: Ctx, route: Route): Promise<View> {
  const t = ctx.rel.table('quotes');
  const [total, arts, actors] = await Promise.all([t.rows(), ctx.model.articles(), ctx.model.actors()]);
  let params = { ...route.params };
  /** Matching row numbers; null = every row, in file order. */
  let rows: Int32Array | null = null;
  let generation = 0;
  const blocks = new Map<number, Promise<Row[]>>();
  const rowAt = async (r: number): Promise<Row> => {
    const b = Math.floor(r / BLOCK);
    let p = blocks.get(b);
    if (!p) {
      p = t.read(b * BLOCK, Math.min(total, (b + 1) * BLOCK), COLS);
      blocks.set(b, p);
      if (blocks.size > 200) blocks.delete(blocks.keys().next().value!);
    }
    return (await p)[r - b * BLOCK]!;
  };
  const go = (change: Record<string, string>, replace = false) => ctx.navigate({ view: 'quotes', params: { ...params, ...change } }, replace);
  const q = h('input', { id: 'f-q', type: 'search', value: params['q'] ?? '', autocomplete: 'off' });
  const typeSel = select('f-type', [['direct', 'direct'], ['indirect', 'indirect']], params['type']);
  const speakerIn = h('input', { id: 'f-speaker', type: 'search', value: params['speaker'] ?? '', autocomplete: 'off' });
  const outletSel = select('f-outlet', arts.outlets.map((o) => [o.name, o.name]), params['outlet']);
  const fromIn = h('input', { id: 'f-from', type: 'text', value: params['from'] ?? '', placeholder: 'YYYY-MM-DD', size: 10 });
  const toIn = h('input', { id: 'f-to', type: 'text', value: params['to'] ?? '', placeholder: 'YYYY-MM-DD', size: 10 });
  let timer = 0;
  for (const [input, key] of [[q, 'q'], [speakerIn, 'speaker']] as const) {
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => go({ [key]: input.value }, true), 300);
    });
  }
  typeSel.addEventListener('change', () => go({ type: typeSel.value }));
  outletSel.addEventListener('change', () => go({ outlet: outletSel.value }));
  for (const [input, key] of [[fromIn, 'from'], [toIn, 'to']] as const) input.addEventListener('change', () => (input.value === '' || dateRange(input.value)) && go({ [key]: input.value }));

  const summary = h('p', { class: 'summary' });
  const list = new VirtualList({
    label: 'Quotes',
    render: async (k, el) => {
      const r = rows ? rows[k]! : k;
      const row = await rowAt(r);
      const a = arts.index.get(String(row['article_id']));
      const sid = row['speaker_actor_id'];
      const speaker = row['speaker_text'] ? String(row['speaker_text']) : typeof sid === 'string' ? (actors.name[actors.index.get(sid) ?? -1] ?? sid) : 'unknown speaker';
      el.replaceChildren(
        link(
          formatHash({ view: 'quote', id: String(row['quote_id']) }),
          h('span', { class: 'c-who' }, speaker),
          h('span', { class: 'c-type' }, String(row['quote_type'])),
          h('span', { class: 'c-main' }, cut(String(row['text']))),
          h('span', { class: 'c-outlet' }, a !== undefined ? (arts.outlet[a] ?? '–') : '–'),
          h('span', { class: 'c-date' }, a !== undefined ? (arts.date[a] ?? '–') : '–'),
        ),
      );
    },
  });

  async function apply(): Promise<void> {
    const mine = ++generation;
    const active = ['q', 'type', 'speaker', 'outlet', 'from', 'to'].filter((f) => params[f]);
    if (!active.length) {
      rows = null;
      show(total, true);
      return;
    }
    // Cheap column tests first, then the text search through the file.
    let keep: Uint8Array | null = null;
    const narrow = (test: (i: number) => boolean, n: number) => {
      keep ??= new Uint8Array(n).fill(1);
      for (let i = 0; i < n; i++) if (keep[i] && !test(i)) keep[i] = 0;
    };
    if (params['type']) {
      const col = (await t.column('quote_type')) as ArrayLike<string>;
      narrow((i) => col[i] === params['type'], col.length);
    }
    if (params['speaker']) {
      const col = (await t.column('speaker_actor_id')) as ArrayLike<string | null>;
      const want = params['speaker'].toLowerCase();
      const ok = new Uint8Array(actors.n);
      const exact = actors.index.get(params['speaker']);
      if (exact !== undefined) ok[exact] = 1;
      else for (let i = 0; i < actors.n; i++) if (actors.name[i]!.toLowerCase().includes(want)) ok[i] = 1;
      narrow((i) => col[i] !== null && ok[actors.index.get(col[i]!) ?? -1] === 1, col.length);
    }
    if (params['outlet'] || params['from'] || params['to']) {
      const col = (await t.column('article_id')) as ArrayLike<string>;
      const from = params['from'] ? dateRange(params['from'])?.[0] : undefined;
      const to = params['to'] ? dateRange(params['to'])?.[1] : undefined;
      const okArt = new Uint8Array(arts.n);
      for (let a = 0; a < arts.n; a++) {
        if (params['outlet'] && arts.outlet[a] !== params['outlet']) continue;
        if (from !== undefined || to !== undefined) {
          const d = dateRange(arts.date[a]);
          if (!d || (from !== undefined && d[1] < from) || (to !== undefined && d[0] > to)) continue;
        }
        okArt[a] = 1;
      }
      narrow((i) => okArt[arts.index.get(col[i]!) ?? -1] === 1, col.length);
    }
    if (mine !== generation) return;
    const picked = (from: number, to: number, test?: (i: number) => boolean) => {
      const out: number[] = [];
      for (let i = from; i < to; i++) if ((!keep || keep[i]) && (!test || test(i))) out.push(i);
      return out;
    };
    if (!params['q']) {
      rows = Int32Array.from(picked(0, total));
      show(rows.length, true);
      return;
    }
    const needle = params['q'].toLowerCase();
    const found: number[] = [];
    rows = new Int32Array(0);
    const groups = await t.groups();
    for (const [gi, g] of groups.entries()) {
      const got = await t.read(g.start, g.start + g.rows, ['text', 'speaker_text']);
      if (mine !== generation) return;
      found.push(...picked(g.start, g.start + g.rows, (i) => String(got[i - g.start]!['text']).toLowerCase().includes(needle) || String(got[i - g.start]!['speaker_text'] ?? '').toLowerCase().includes(needle)));
      rows = Int32Array.from(found);
      show(rows.length, gi === groups.length - 1, `searched ${fmt(g.start + g.rows)} of ${fmt(total)} quotes`);
    }
  }

  function show(n: number, done: boolean, progress = ''): void {
    summary.textContent = `${fmt(n)} of ${fmt(total)} quotes${done ? '.' : ` so far (${progress}).`}`;
    summary.dataset['count'] = done ? String(n) : '';
    list.setCount(n, `Quotes, ${fmt(n)}`);
    if (done) {
      announce(summary.textContent);
      ctx.ready('quotes');
    }
  }

  const el = h(
    'section',
    { class: 'quotes' },
    h('h1', {}, 'Quotes'),
    h('p', { class: 'lede' }, 'Who said what, in direct quotation or reported speech. Open a quote to read it in its article, at its exact place, with its speaker and cue marked.'),
    ctx.isPublic ? h('p', { class: 'notice', role: 'note' }, 'Public profile: quotes are cut to excerpts of at most 100 characters; their offsets point into the withheld article text.') : null,
    h(
      'form',
      { class: 'filters', role: 'search', 'aria-label': 'Filter quotes', onsubmit: (e: Event) => e.preventDefault() },
      field('Words', q, 'in the quote or the speaker as written'),
      field('Type', typeSel),
      field('Speaker', speakerIn, 'name or actor id'),
      field('Outlet', outletSel),
      field('From', fromIn, 'date of the article'),
      field('To', toIn),
      h('p', { class: 'reset' }, link('#/quotes', 'Clear filters')),
    ),
    summary,
    h('div', { class: 'list-head', 'aria-hidden': 'true' }, h('span', { class: 'c-who' }, 'speaker'), h('span', { class: 'c-type' }, 'type'), h('span', { class: 'c-main' }, 'words'), h('span', { class: 'c-outlet' }, 'outlet'), h('span', { class: 'c-date' }, 'published')),
    list.el,
  );
  const loaded = apply();
  return {
    el,
    title: 'Quotes',
    loaded,
    update: (r) => {
      params = { ...r.params };
      if (document.activeElement !== q) q.value = params['q'] ?? '';
      if (document.activeElement !== speakerIn) speakerIn.value = params['speaker'] ?? '';
      typeSel.value = params['type'] ?? '';
      outletSel.value = params['outlet'] ?? '';
      fromIn.value = params['from'] ?? '';
      toIn.value = params['to'] ?? '';
      return apply();
    },
  };
}
