/**
 * Events: a timeline by date and PLOVER type (one row per type, so no colour has to tell types apart; partial
 * dates drawn as the range they stand for), filters by actor, type, CAMEO root, outlet and date, and the list of
 * the events that pass; each event opens its evidence sentences in their articles.
 */
import { CAMEO_ROOTS, fmt, PLOVER_TYPES } from '../cameo.ts';
import { bucketLabel, dateRange, timeline } from '../dates.ts';
import type { Timeline } from '../dates.ts';
import type { Actors, Articles, EventArticles, Events } from '../model.ts';
import { formatHash } from '../route.ts';
import type { Route } from '../route.ts';
import { highlightSentence } from '../text.ts';
import { announce, cut, field, h, link, s, select, VirtualList } from '../ui.ts';
import type { Ctx, View } from '../view.ts';

const FILTERS = ['type', 'root', 'actor', 'outlet', 'from', 'to'] as const;

/** The event rows that pass the filters of `params`. */
export function filterEvents(ev: Events, actors: Actors, articles: Articles, links: EventArticles | null, params: Record<string, string>): Int32Array {
  const type = params['type'] ? PLOVER_TYPES.indexOf(params['type'] as (typeof PLOVER_TYPES)[number]) : -2;
  const root = params['root'] ? parseInt(params['root'], 10) : -1;
  let actorOk: Uint8Array | null = null;
  const a = params['actor']?.trim();
  if (a) {
    actorOk = new Uint8Array(actors.n);
    const byId = actors.index.get(a);
    if (byId !== undefined) actorOk[byId] = 1;
    else {
      const q = a.toLowerCase();
      for (let i = 0; i < actors.n; i++) if (actors.name[i]!.toLowerCase().includes(q)) actorOk[i] = 1;
    }
  }
  const outlet = params['outlet'] ? articles.outlets.findIndex((o) => o.name === params['outlet']) : -2;
  const from = params['from'] ? dateRange(params['from'])?.[0] : undefined;
  const to = params['to'] ? dateRange(params['to'])?.[1] : undefined;
  const out = new Int32Array(ev.n);
  let k = 0;
  for (let i = 0; i < ev.n; i++) {
    if (type !== -2 && ev.type[i] !== type) continue;
    if (root >= 0 && ev.root[i] !== root) continue;
    if (actorOk && !((ev.source[i]! >= 0 && actorOk[ev.source[i]!]) || (ev.target[i]! >= 0 && actorOk[ev.target[i]!]))) continue;
    if (from !== undefined || to !== undefined) {
      if (ev.start[i]! < 0) continue;
      if (from !== undefined && ev.end[i]! < from) continue;
      if (to !== undefined && ev.start[i]! > to) continue;
    }
    if (outlet !== -2 && links) {
      let hit = false;
      for (let j = links.offsets[i]!; j < links.offsets[i + 1]! && !hit; j++) hit = links.rows[j]! >= 0 && articles.outletCode[links.rows[j]!] === outlet;
      if (!hit) continue;
    }
    out[k++] = i;
  }
  return out.subarray(0, k);
}

const actorName = (actors: Actors, i: number) => (i >= 0 ? actors.name[i]! : '–');

export async function eventsView(ctx: Ctx, route: Route): Promise<View> {
  const [ev, actors, articles] = await Promise.all([ctx.model.events(), ctx.model.actors(), ctx.model.articles()]);
  let params = { ...route.params };
  let rows: Int32Array = new Int32Array(0);

  const go = (change: Record<string, string>, replace = false) => ctx.navigate({ view: 'events', params: { ...params, ...change } }, replace);
  const typeSel = select('f-type', PLOVER_TYPES.filter((t) => ev.type.includes(PLOVER_TYPES.indexOf(t))).map((t) => [t, t]), params['type']);
  const roots = [...new Set(ev.root)].sort((a, b) => a - b).map((r): [string, string] => [String(r).padStart(2, '0'), `${String(r).padStart(2, '0')} ${CAMEO_ROOTS[String(r).padStart(2, '0')] ?? ''}`]);
  const rootSel = select('f-root', roots, params['root']);
  const outletSel = select('f-outlet', articles.outlets.map((o) => [o.name, o.name]), params['outlet']);
  const actorIn = h('input', { id: 'f-actor', type: 'search', value: params['actor'] ?? '', autocomplete: 'off', spellcheck: 'false' });
  const fromIn = h('input', { id: 'f-from', type: 'text', value: params['from'] ?? '', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric', size: 10 });
  const toIn = h('input', { id: 'f-to', type: 'text', value: params['to'] ?? '', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric', size: 10 });
  typeSel.addEventListener('change', () => go({ type: typeSel.value }));
  rootSel.addEventListener('change', () => go({ root: rootSel.value }));
  outletSel.addEventListener('change', () => go({ outlet: outletSel.value }));
  let timer = 0;
  actorIn.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => go({ actor: actorIn.value }, true), 250);
  });
  for (const [input, key] of [[fromIn, 'from'], [toIn, 'to']] as const) {
    input.addEventListener('change', () => {
      if (input.value === '' || dateRange(input.value)) go({ [key]: input.value });
    });
  }
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter events', onsubmit: (e: Event) => e.preventDefault() },
    field('PLOVER type', typeSel),
    field('CAMEO root', rootSel),
    field('Actor', actorIn, 'name or actor id'),
    field('Outlet', outletSel),
    field('From', fromIn, 'YYYY, YYYY-MM or YYYY-MM-DD'),
    field('To', toIn),
    h('p', { class: 'reset' }, link('#/events', 'Clear filters')),
  );
  const summary = h('p', { class: 'summary', id: 'events-summary' });
  const figure = h('figure', { class: 'timeline' });
  const list = new VirtualList({
    label: 'Events',
    render: (k, el) => {
      const i = rows[k]!;
      const n = ev.sourceCount[i]!;
      el.replaceChildren(
        link(
          formatHash({ view: 'event', id: ev.id[i]! }),
          h('span', { class: 'c-date' }, ev.date[i] ?? 'undated'),
          h('span', { class: 'c-type' }, PLOVER_TYPES[ev.type[i]!] ?? '?'),
          h('span', { class: 'c-code' }, ev.cameo[i]!),
          h('span', { class: 'c-main' }, `${actorName(actors, ev.source[i]!)} → ${actorName(actors, ev.target[i]!)}`),
          h('span', { class: 'c-num' }, `${n} source${n === 1 ? '' : 's'}`),
        ),
      );
    },
  });

  async function apply(): Promise<void> {
    const t0 = performance.now();
    const links = params['outlet'] ? await ctx.model.eventArticles() : null;
    rows = filterEvents(ev, actors, articles, links, params);
    const tl = timeline(rows, ev.type, ev.start, ev.end);
    const active = FILTERS.filter((f) => params[f]);
    summary.textContent = `${fmt(rows.length)} of ${fmt(ev.n)} events${active.length ? ` match ${active.map((f) => `${f} ${params[f]}`).join(', ')}` : ''}; ${fmt(tl.undated)} of them undated.`;
    summary.dataset['count'] = String(rows.length);
    drawTimeline(figure, tl, params);
    list.setCount(rows.length, `Events, ${fmt(rows.length)}`);
    announce(summary.textContent);
    figure.dataset['ms'] = String(Math.round(performance.now() - t0));
    ctx.ready('events');
  }

  const el = h(
    'section',
    { class: 'events' },
    h('h1', {}, 'Events'),
    h('p', { class: 'lede' }, 'Who did what to whom, coded in PLOVER types from CAMEO codes. Each event was read from sentences in one or more articles: open one to see them.'),
    form,
    summary,
    figure,
    h('h2', { id: 'event-list-h' }, 'Events'),
    h('div', { class: 'list-head', 'aria-hidden': 'true' }, h('span', { class: 'c-date' }, 'date'), h('span', { class: 'c-type' }, 'type'), h('span', { class: 'c-code' }, 'CAMEO'), h('span', { class: 'c-main' }, 'source → target'), h('span', { class: 'c-num' }, 'reports')),
    list.el,
  );
  const loaded = apply();
  return {
    el,
    title: 'Events',
    loaded,
    update: (r) => {
      params = { ...r.params };
      typeSel.value = params['type'] ?? '';
      rootSel.value = params['root'] ?? '';
      outletSel.value = params['outlet'] ?? '';
      if (document.activeElement !== actorIn) actorIn.value = params['actor'] ?? '';
      fromIn.value = params['from'] ?? '';
      toIn.value = params['to'] ?? '';
      return apply();
    },
  };
}

/** The timeline as SVG: one row per type, a bar per bucket (a link that narrows the dates to it), ranges below. */
function drawTimeline(figure: HTMLElement, tl: Timeline, params: Record<string, string>): void {
  const types = [...tl.types.keys()].sort((a, b) => a - b);
  const caption = h('figcaption', {}, `Events by ${tl.unit} and PLOVER type${tl.size ? `, ${bucketLabel(tl.first, tl.unit)} to ${bucketLabel(tl.first + tl.size - 1, tl.unit)}` : ''}. Bars count events dated within one ${tl.unit}; hatched spans are events dated only to a month or year, drawn over the range they stand for. Undated events are in the list only.`);
  if (!tl.size) {
    figure.replaceChildren(caption, h('p', {}, 'No dated events match.'));
    return;
  }
  const label = 110;
  const width = 960;
  const rowH = 34;
  const plot = width - label - 50;
  const bw = plot / tl.size;
  let max = 1;
  for (const t of tl.types.values()) for (const c of t.counts) if (c > max) max = c;
  const height = types.length * rowH + 26;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'group', 'aria-label': `Timeline of ${fmt(types.reduce((n, t) => n + tl.types.get(t)!.total, 0))} dated events` });
  svg.append(
    s('defs', {}, s('pattern', { id: 'hatch', width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, s('rect', { width: 2, height: 4, class: 'hatch' }))),
  );
  types.forEach((t, row) => {
    const y = row * rowH;
    const name = PLOVER_TYPES[t] ?? '?';
    const tt = tl.types.get(t)!;
    const g = s('g', { class: 'tl-row' });
    g.append(s('a', { href: formatHash({ view: 'events', params: { ...params, type: name } }), 'aria-label': `${name}: ${tt.total} dated events; show only ${name}` }, s('text', { x: 0, y: y + rowH / 2 + 4, class: 'tl-label' }, name)));
    g.append(s('line', { x1: label, x2: label + plot, y1: y + rowH - 8, y2: y + rowH - 8, class: 'tl-base' }));
    tt.counts.forEach((c, b) => {
      if (!c) return;
      const bh = Math.max(2, ((rowH - 12) * c) / max);
      const when = bucketLabel(tl.first + b, tl.unit);
      g.append(
        s(
          'a',
          { href: formatHash({ view: 'events', params: { ...params, type: name, from: when, to: when } }), tabindex: -1, 'aria-label': `${name}, ${when}: ${c} events` },
          s('rect', { x: label + b * bw, y: y + rowH - 8 - bh, width: Math.max(1, bw - (bw > 3 ? 1 : 0)), height: bh, class: 'tl-bar' }, s('title', {}, `${name}, ${when}: ${c} event${c === 1 ? '' : 's'}`)),
        ),
      );
    });
    tt.ranges.forEach((r, j) => {
      const from = bucketLabel(tl.first + r.from, tl.unit);
      const to = bucketLabel(tl.first + r.to, tl.unit);
      g.append(s('rect', { x: label + r.from * bw, y: y + rowH - 7 + (j % 3) * 2, width: (r.to - r.from + 1) * bw, height: 2, class: 'tl-range', fill: 'url(#hatch)' }, s('title', {}, `${name}: ${r.count} event${r.count === 1 ? '' : 's'} dated only to ${from} – ${to}`)));
    });
    g.append(s('text', { x: label + plot + 6, y: y + rowH / 2 + 4, class: 'tl-total' }, fmt(tt.total)));
    svg.append(g);
  });
  // Axis: first, middle and last bucket.
  const ticks = [...new Set([0, Math.floor((tl.size - 1) / 2), tl.size - 1])];
  for (const b of ticks) svg.append(s('text', { x: label + b * bw + bw / 2, y: height - 6, class: 'tl-axis', 'text-anchor': b === 0 ? 'start' : b === tl.size - 1 ? 'end' : 'middle' }, bucketLabel(tl.first + b, tl.unit)));
  const table = h(
    'details',
    { class: 'tl-table' },
    h('summary', {}, 'The timeline as a table'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'type'), h('th', { scope: 'col', class: 'num' }, 'dated events'), h('th', { scope: 'col' }, `busiest ${tl.unit}s`), h('th', { scope: 'col', class: 'num' }, 'dated to a wider range'))),
      h(
        'tbody',
        {},
        types.map((t) => {
          const tt = tl.types.get(t)!;
          const top = tt.counts.map((c, b) => [c, b] as const).filter(([c]) => c > 0).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, 3);
          return h('tr', {}, h('th', { scope: 'row' }, PLOVER_TYPES[t] ?? '?'), h('td', { class: 'num' }, fmt(tt.total)), h('td', {}, top.map(([c, b]) => `${bucketLabel(tl.first + b, tl.unit)} (${c})`).join(', ')), h('td', { class: 'num' }, fmt(tt.ranges.reduce((n, r) => n + r.count, 0))));
        }),
      ),
    ),
  );
  figure.replaceChildren(caption, svg, table);
}

/** One event: its fields, its actors, and its evidence sentences, each in its article. */
export async function eventView(ctx: Ctx, route: Route): Promise<View> {
  const id = route.id ?? '';
  const [ev, actors, articles] = await Promise.all([ctx.model.events(), ctx.model.actors(), ctx.model.articles()]);
  const i = ev.index.get(id);
  if (i === undefined) return { el: h('section', {}, h('h1', {}, 'No such event'), h('p', {}, `This release has no event ${id}.`)), title: 'No such event' };
  const row = (await ctx.rel.table('events').read(i, i + 1))[0]!;
  const type = PLOVER_TYPES[ev.type[i]!] ?? String(row['event_type']);
  const actorLink = (k: number) => (k >= 0 ? link(formatHash({ view: 'actor', id: actors.id[k]! }), actors.name[k]!) : h('span', {}, 'no target'));
  const evidence = h('ol', { class: 'evidence', 'aria-label': 'Evidence sentences' }, h('li', {}, 'Loading the evidence…'));
  const el = h(
    'article',
    { class: 'event' },
    h('p', { class: 'crumbs' }, link('#/events', 'Events'), ' › ', id),
    h('h1', {}, `${type}: `, actorLink(ev.source[i]!), ' → ', actorLink(ev.target[i]!)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Event id'),
      h('dd', {}, h('code', {}, id)),
      h('dt', {}, 'CAMEO'),
      h('dd', {}, `${String(row['cameo_code'])} (root ${String(row['cameo_code']).slice(0, 2)}: ${CAMEO_ROOTS[String(row['cameo_code']).slice(0, 2)] ?? '?'})`),
      h('dt', {}, 'Date'),
      h('dd', {}, row['event_date'] ? `${String(row['event_date'])} (${String(row['date_precision'])}${row['date_text'] ? `, from “${String(row['date_text'])}”` : ''})` : 'undated'),
      h('dt', {}, 'Location'),
      h('dd', {}, row['location'] ? String(row['location']) : '–'),
      h('dt', {}, 'Confidence'),
      h('dd', {}, String(row['confidence'])),
      h('dt', {}, 'Reported by'),
      h('dd', {}, `${String(row['source_count'])} source${row['source_count'] === 1 ? '' : 's'}: `, ((row['article_ids'] as string[]) ?? []).map((a, j) => [j ? ', ' : '', link(formatHash({ view: 'article', id: a }), articleLabel(articles, a))])),
      h('dt', {}, 'More'),
      h('dd', {}, link(formatHash({ view: 'events', params: { actor: ev.source[i]! >= 0 ? actors.id[ev.source[i]!]! : '' } }), 'all events of the source actor')),
    ),
    h('h2', {}, 'Evidence'),
    evidence,
  );
  const loaded = (async () => {
    const em = ctx.rel.table('event_mentions');
    const idx = (await em.index('event_id')).get(id);
    const rows = await em.readRows(idx, ['event_mention_id', 'article_id', 'text', 'char_start', 'char_end', 'trigger_start', 'trigger_end', 'pattern_id', 'source_mention_id', 'target_mention_id']);
    rows.sort((a, b) => String(a['event_mention_id']) < String(b['event_mention_id']) ? -1 : 1);
    const mentions = ctx.rel.table('actor_mentions');
    const items = await Promise.all(
      rows.map(async (r) => {
        const [src, tgt] = await Promise.all([r['source_mention_id'] ? mentions.get(String(r['source_mention_id']), ['char_start', 'char_end']) : null, r['target_mention_id'] ? mentions.get(String(r['target_mention_id']), ['char_start', 'char_end']) : null]);
        const art = String(r['article_id']);
        const sentence = highlightSentence(r, src, tgt, ctx.isPublic);
        return h(
          'li',
          { 'data-evidence': String(r['event_mention_id']) },
          h('p', { class: 'where' }, link(formatHash({ view: 'article', id: art }), articleLabel(articles, art)), ` · characters ${String(r['char_start'])}–${String(r['char_end'])} · pattern ${String(r['pattern_id'])}`),
          sentence,
          h('p', {}, h('a', { href: formatHash({ view: 'article', id: art, params: { hl: String(r['event_mention_id']) } }), class: 'open-evidence' }, 'Open the sentence in its article')),
        );
      }),
    );
    evidence.replaceChildren(...(items.length ? items : [h('li', {}, 'No evidence rows.')]));
    ctx.ready('event');
  })();
  return { el, title: `Event ${id}`, loaded };
}

function articleLabel(articles: Articles, id: string): string {
  const k = articles.index.get(id);
  if (k === undefined) return id;
  return `${cut(articles.title[k] ?? id, 80)} (${[articles.outlet[k], articles.date[k]].filter(Boolean).join(', ')})`;
}
