/**
 * Actors: a searchable list with counts, a network of who acts on whom (events) and who is named with whom
 * (articles that name both), and an actor page with its aliases, quotes and events.
 */
import { fmt, PLOVER_TYPES } from '../cameo.ts';
import type { Actors } from '../model.ts';
import { formatHash } from '../route.ts';
import type { Route } from '../route.ts';
import { announce, cut, field, fill, h, link, s, select, VirtualList } from '../ui.ts';
import type { Ctx, View } from '../view.ts';

/** Actor rows that match a search (name, or id) and a type, most mentioned first. */
export function filterActors(actors: Actors, q: string | undefined, type: string | undefined): Int32Array {
  const needle = q?.trim().toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < actors.n; i++) {
    if (type && actors.type[i] !== type) continue;
    if (needle && !actors.name[i]!.toLowerCase().includes(needle) && actors.id[i] !== q) continue;
    out.push(i);
  }
  out.sort((a, b) => actors.mentions[b]! - actors.mentions[a]! || (actors.name[a]! < actors.name[b]! ? -1 : 1));
  return Int32Array.from(out);
}

interface Edge {
  a: number;
  b: number;
  n: number;
}

export async function actorsView(ctx: Ctx, route: Route): Promise<View> {
  const actors = await ctx.model.actors();
  let params = { ...route.params };
  let rows: Int32Array = new Int32Array(0);
  const go = (change: Record<string, string>, replace = false) => ctx.navigate({ view: 'actors', params: { ...params, ...change } }, replace);
  const q = h('input', { id: 'f-q', type: 'search', value: params['q'] ?? '', autocomplete: 'off' });
  const typeSel = select('f-type', [...new Set(actors.type)].sort().map((x) => [x, x]), params['type']);
  const netSel = h('select', { id: 'f-net' }, h('option', { value: 'events', selected: params['net'] !== 'names' }, 'acts on (events)'), h('option', { value: 'names', selected: params['net'] === 'names' }, 'named with (same article)'));
  let timer = 0;
  q.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => go({ q: q.value }, true), 250);
  });
  typeSel.addEventListener('change', () => go({ type: typeSel.value }));
  netSel.addEventListener('change', () => go({ net: netSel.value === 'events' ? '' : netSel.value }));
  const summary = h('p', { class: 'summary' });
  const list = new VirtualList({
    label: 'Actors',
    render: (k, el) => {
      const i = rows[k]!;
      el.replaceChildren(link(formatHash({ view: 'actor', id: actors.id[i]! }), h('span', { class: 'c-main' }, actors.name[i]!), h('span', { class: 'c-type' }, actors.type[i]!), h('span', { class: 'c-code' }, actors.country[i] ?? '–'), h('span', { class: 'c-num' }, `${fmt(actors.mentions[i]!)} mentions`)));
    },
  });
  const network = h('figure', { class: 'network' });
  let netGen = 0;

  async function drawNetwork(): Promise<void> {
    const mine = ++netGen;
    const top = Array.from(rows.subarray(0, 30));
    const names = params['net'] === 'names';
    network.replaceChildren(h('p', {}, 'Drawing the network…'));
    const edges: Edge[] = [];
    const pos = new Map(top.map((a, j) => [a, j]));
    if (names) {
      // Two actors are named together when an article names both (actors.article_ids).
      const lists = await ctx.rel.table('actors').readRows(top, ['article_ids']);
      const byArticle = new Map<string, number[]>();
      lists.forEach((r, j) => {
        for (const a of (r['article_ids'] as string[]) ?? []) {
          let l = byArticle.get(a);
          if (!l) byArticle.set(a, (l = []));
          l.push(j);
        }
      });
      const pair = new Map<number, number>();
      for (const l of byArticle.values()) for (let x = 0; x < l.length; x++) for (let y = x + 1; y < l.length; y++) pair.set(l[x]! * 64 + l[y]!, (pair.get(l[x]! * 64 + l[y]!) ?? 0) + 1);
      for (const [k, n] of pair) edges.push({ a: top[Math.floor(k / 64)]!, b: top[k % 64]!, n });
    } else {
      const ev = await ctx.model.events();
      const pair = new Map<number, number>();
      for (let i = 0; i < ev.n; i++) {
        const a = pos.get(ev.source[i]!);
        const b = pos.get(ev.target[i]!);
        if (a === undefined || b === undefined || a === b) continue;
        pair.set(a * 64 + b, (pair.get(a * 64 + b) ?? 0) + 1);
      }
      for (const [k, n] of pair) edges.push({ a: top[Math.floor(k / 64)]!, b: top[k % 64]!, n });
    }
    if (mine !== netGen) return;
    edges.sort((x, y) => y.n - x.n || x.a - y.a || x.b - y.b);
    drawGraph(network, actors, top, edges, names);
  }

  function apply(): void {
    rows = filterActors(actors, params['q'], params['type']);
    summary.textContent = `${fmt(rows.length)} of ${fmt(actors.n)} actors.`;
    summary.dataset['count'] = String(rows.length);
    list.setCount(rows.length, `Actors, ${fmt(rows.length)}`);
    announce(summary.textContent);
    ctx.ready('actors');
  }
  const el = h(
    'section',
    { class: 'actors' },
    h('h1', {}, 'Actors'),
    h('p', { class: 'lede' }, 'People, organisations, countries and groups, each with every name it was given. Open one for its aliases, quotes and events.'),
    h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter actors', onsubmit: (e: Event) => e.preventDefault() }, field('Name', q, 'part of a name, or an actor id'), field('Type', typeSel), field('Network', netSel), h('p', { class: 'reset' }, link('#/actors', 'Clear filters'))),
    summary,
    h('div', { class: 'list-head', 'aria-hidden': 'true' }, h('span', { class: 'c-main' }, 'name'), h('span', { class: 'c-type' }, 'type'), h('span', { class: 'c-code' }, 'country'), h('span', { class: 'c-num' }, 'mentions')),
    list.el,
    h('h2', {}, 'Network of the 30 most mentioned actors shown'),
    network,
  );
  apply();
  const loaded = drawNetwork();
  return {
    el,
    title: 'Actors',
    loaded,
    update: (r) => {
      params = { ...r.params };
      if (document.activeElement !== q) q.value = params['q'] ?? '';
      typeSel.value = params['type'] ?? '';
      netSel.value = params['net'] === 'names' ? 'names' : 'events';
      apply();
      return drawNetwork();
    },
  };
}

/** A circle of actors with edges whose width grows with their count; the strongest pairs also as a table. */
function drawGraph(figure: HTMLElement, actors: Actors, nodes: number[], edges: Edge[], names: boolean): void {
  const caption = h('figcaption', {}, names ? 'Actors named in the same articles: a line per pair, wider for more articles.' : 'Who acts on whom: an arrow from source to target, wider for more events.');
  if (!nodes.length) {
    figure.replaceChildren(caption, h('p', {}, 'No actors match.'));
    return;
  }
  const size = 640;
  const r = 220;
  const at = new Map(nodes.map((a, j) => [a, [size / 2 + r * Math.cos((2 * Math.PI * j) / nodes.length - Math.PI / 2), size / 2 + r * Math.sin((2 * Math.PI * j) / nodes.length - Math.PI / 2)] as const]));
  const max = Math.max(1, ...edges.map((e) => e.n));
  const svg = s('svg', { viewBox: `-120 0 ${size + 240} ${size}`, width: '100%', role: 'group', 'aria-label': `${nodes.length} actors and ${edges.length} ${names ? 'pairs named together' : 'source-target pairs'}` });
  svg.append(s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))));
  const g = s('g', { class: 'edges' });
  for (const e of edges.slice(0, 200)) {
    const [x1, y1] = at.get(e.a)!;
    const [x2, y2] = at.get(e.b)!;
    // Stop arrows short of the node.
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = Math.hypot(dx, dy) || 1;
    g.append(s('line', { x1, y1, x2: x2 - (dx / len) * 8, y2: y2 - (dy / len) * 8, class: 'edge', 'stroke-width': 0.75 + (4 * Math.log1p(e.n)) / Math.log1p(max), 'marker-end': names ? null : 'url(#arrow)' }, s('title', {}, `${actors.name[e.a]} ${names ? 'and' : '→'} ${actors.name[e.b]}: ${e.n}`)));
  }
  svg.append(g);
  for (const a of nodes) {
    const [x, y] = at.get(a)!;
    const right = x >= size / 2;
    const shown = cut(actors.name[a]!, 28);
    svg.append(s('a', { href: formatHash({ view: 'actor', id: actors.id[a]! }), 'aria-label': `${shown} (${actors.type[a]})` }, s('circle', { cx: x, cy: y, r: 5 + Math.min(6, Math.log10(1 + actors.mentions[a]!) * 2), class: `node node-${actors.type[a]}` }), s('text', { x: x + (right ? 10 : -10), y: y + 4, 'text-anchor': right ? 'start' : 'end', class: 'node-label' }, shown)));
  }
  const table = h(
    'details',
    { class: 'pairs' },
    h('summary', {}, `The ${Math.min(20, edges.length)} strongest pairs as a table`),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, names ? 'actor' : 'source'), h('th', { scope: 'col' }, names ? 'actor' : 'target'), h('th', { scope: 'col', class: 'num' }, names ? 'articles' : 'events'))), h('tbody', {}, edges.slice(0, 20).map((e) => h('tr', {}, h('td', {}, actors.name[e.a]!), h('td', {}, actors.name[e.b]!), h('td', { class: 'num' }, fmt(e.n)))))),
  );
  figure.replaceChildren(caption, svg, table);
}

/** One actor: names, counts, events as source or target, quotes it spoke, articles that name it. */
export async function actorView(ctx: Ctx, route: Route): Promise<View> {
  const id = route.id ?? '';
  const actors = await ctx.model.actors();
  const i = actors.index.get(id);
  if (i === undefined) return { el: h('section', {}, h('h1', {}, 'No such actor'), h('p', {}, `This release has no actor ${id}.`)), title: 'No such actor' };
  const row = (await ctx.rel.table('actors').read(i, i + 1))[0]!;
  const arts = await ctx.model.articles();
  const articleIds = (row['article_ids'] as string[]) ?? [];
  const eventsBox = h('div', {}, h('p', {}, 'Loading events…'));
  const quotesBox = h('div', {}, h('p', {}, 'Loading quotes…'));
  const el = h(
    'article',
    { class: 'actor' },
    h('p', { class: 'crumbs' }, link('#/actors', 'Actors'), ' › ', id),
    h('h1', {}, actors.name[i]!),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Actor id'),
      h('dd', {}, h('code', {}, id)),
      h('dt', {}, 'Type'),
      h('dd', {}, String(row['actor_type'])),
      h('dt', {}, 'Country'),
      h('dd', {}, row['country_code'] ? String(row['country_code']) : '–'),
      h('dt', {}, 'CAMEO actor code'),
      h('dd', {}, row['cameo_actor_code'] ? String(row['cameo_actor_code']) : '–'),
      h('dt', {}, 'Wikidata'),
      h('dd', {}, row['wikidata_id'] ? String(row['wikidata_id']) : '–'),
      h('dt', {}, 'Mentions'),
      h('dd', {}, `${fmt(Number(row['mention_count']))} in ${fmt(articleIds.length)} article${articleIds.length === 1 ? '' : 's'}`),
    ),
    h('h2', {}, 'Aliases'),
    h('ul', { class: 'aliases' }, ((row['aliases'] as string[]) ?? []).map((a) => h('li', {}, a))),
    h('h2', {}, 'Events'),
    eventsBox,
    h('h2', {}, 'Quotes'),
    quotesBox,
    h('h2', {}, 'Articles'),
    h(
      'ul',
      { class: 'article-list' },
      articleIds.slice(0, 100).map((a) => {
        const k = arts.index.get(a);
        return h('li', {}, link(formatHash({ view: 'article', id: a }), k !== undefined ? (arts.title[k] ?? a) : a), k !== undefined ? ` (${[arts.outlet[k], arts.date[k]].filter(Boolean).join(', ')})` : '');
      }),
    ),
    articleIds.length > 100 ? h('p', {}, `and ${fmt(articleIds.length - 100)} more.`) : null,
  );
  const loaded = (async () => {
    const ev = await ctx.model.events();
    const mine: number[] = [];
    const counter = new Map<number, number>();
    for (let e = 0; e < ev.n; e++) {
      if (ev.source[e] !== i && ev.target[e] !== i) continue;
      mine.push(e);
      const other: number = ev.source[e] === i ? ev.target[e]! : ev.source[e]!;
      if (other >= 0 && other !== i) counter.set(other, (counter.get(other) ?? 0) + 1);
    }
    const partners = [...counter].sort((a, b) => b[1] - a[1]).slice(0, 12);
    fill(eventsBox, 
      h('p', {}, `${fmt(mine.length)} events as source or target. `, link(formatHash({ view: 'events', params: { actor: id } }), 'See them on the timeline')),
      partners.length ? h('p', {}, 'Most often with: ', partners.map(([a, n], j) => [j ? ', ' : '', link(formatHash({ view: 'actor', id: actors.id[a]! }), actors.name[a]!), ` (${n})`])) : null,
      h(
        'ul',
        { class: 'event-list' },
        mine.slice(0, 50).map((e) => h('li', {}, link(formatHash({ view: 'event', id: ev.id[e]! }), `${ev.date[e] ?? 'undated'}: ${PLOVER_TYPES[ev.type[e]!] ?? '?'} ${ev.source[e]! >= 0 ? actors.name[ev.source[e]!] : '?'} → ${ev.target[e]! >= 0 ? actors.name[ev.target[e]!] : '–'}`))),
      ),
      mine.length > 50 ? h('p', {}, `and ${fmt(mine.length - 50)} more on the timeline.`) : null,
    );
    const qt = ctx.rel.table('quotes');
    const said = (await qt.index('speaker_actor_id')).get(id);
    const first = await qt.readRows(said.subarray(0, 50), ['quote_id', 'text', 'quote_type', 'article_id']);
    quotesBox.replaceChildren(
      h('p', {}, `${fmt(said.length)} quotes attributed to ${actors.name[i]!}. `, link(formatHash({ view: 'quotes', params: { speaker: id } }), 'See them all')),
      h('ul', { class: 'quote-list' }, first.map((r) => h('li', {}, link(formatHash({ view: 'quote', id: String(r['quote_id']) }), `“${cut(String(r['text']), 140)}”`), ` (${String(r['quote_type'])})`))),
    );
    ctx.ready('actor');
  })();
  return { el, title: actors.name[i]!, loaded };
}
