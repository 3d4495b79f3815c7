/** Overview: the version, rows per table, the date range, the outlets and what changed since the previous version. */
import { fmt } from '../cameo.ts';
import { TABLES } from '../data.ts';
import type { TableName } from '../data.ts';
import { formatHash } from '../route.ts';
import type { Route } from '../route.ts';
import { fill, h, link } from '../ui.ts';
import type { Ctx, View } from '../view.ts';

const VIEW_OF: Partial<Record<TableName, string>> = { articles: '#/articles', actors: '#/actors', quotes: '#/quotes', events: '#/events' };

interface Summary {
  version: string;
  previous_version: string | null;
  required_bump: string;
  tables: Record<string, { added: number; removed: number; changed: number; unchanged: number; fields_added: string[]; fields_removed: string[]; fields_changed: string[] }>;
}

/** The view that shows a row of any table, by its id's prefix. */
export function rowHref(id: string): string | null {
  const view = ({ art: 'article', act: 'actor', quo: 'quote', evt: 'event', men: 'mention', evm: 'evidence' } as Record<string, Route['view']>)[id.slice(0, 3)];
  return view ? formatHash({ view, id }) : null;
}

const mb = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);

export async function overviewView(ctx: Ctx): Promise<View> {
  const { rel } = ctx;
  const pkg = rel.pkg;
  const articles = rel.table('articles');
  // Everything the first screen shows comes from the files' footers and two small JSON files; the outlets and
  // statuses (two columns of the articles) follow.
  const [counts, published, eventDates, dupStats, summary] = await Promise.all([
    Promise.all(TABLES.map((t) => rel.table(t).rows())),
    articles.stats('published_date'),
    rel.table('events').stats('event_date'),
    articles.stats('duplicate_of'),
    rel.json<Summary>('changes/summary.json'),
  ]);
  const range = (stats: { min: unknown; max: unknown }[]) => {
    const mins = stats.map((s) => s.min).filter((x): x is string => typeof x === 'string');
    const maxs = stats.map((s) => s.max).filter((x): x is string => typeof x === 'string');
    return mins.length ? [mins.sort()[0]!, maxs.sort()[maxs.length - 1]!] : null;
  };
  const pub = range(published);
  const evr = range(eventDates);
  const duplicates = dupStats.reduce((n, g) => n + g.rows - g.nulls, 0);
  const statusBox = h('dd', {}, 'reading…');
  const outletsBox = h('section', { 'aria-labelledby': 'outlets-h' }, h('h2', { id: 'outlets-h' }, 'Outlets'), h('p', {}, 'Reading the outlets…'));
  const files = (t: TableName) => pkg.resources.filter((r) => r.name.startsWith(`${t}-`));

  const el = h(
    'article',
    { class: 'overview' },
    h('h1', {}, pkg.title),
    h('p', { class: 'lede' }, `Version ${pkg.version}`, pkg.created ? `, data up to ${pkg.created.slice(0, 10)}` : '', '. Every event, quote and mention below can be opened in the article it was read from, with its words highlighted at their exact offsets.'),
    ctx.isPublic ? h('p', { class: 'notice', role: 'note' }, 'This is the public profile of the release: article bodies and evidence sentences are withheld (third-party text), quotes are cut to short excerpts. Rows, offsets and hashes are all here, so the text can be rebuilt from your own copies of the articles.') : null,
    h('h2', {}, 'Tables'),
    h(
      'table',
      { class: 'counts' },
      h('caption', { class: 'sr-only' }, 'Rows per table and the files that hold them'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'table'), h('th', { scope: 'col', class: 'num' }, 'rows'), h('th', { scope: 'col' }, 'files'))),
      h(
        'tbody',
        {},
        TABLES.map((t, i) =>
          h(
            'tr',
            { 'data-table': t },
            h('th', { scope: 'row' }, VIEW_OF[t] ? link(VIEW_OF[t]!, t) : t),
            h('td', { class: 'num', 'data-count': counts[i]! }, fmt(counts[i]!)),
            h('td', {}, files(t).map((f, j) => [j ? ', ' : '', h('a', { href: `../${f.path}`, download: '' }, f.format ?? f.path), ` (${mb(f.bytes)})`])),
          ),
        ),
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Articles published'),
      h('dd', {}, pub ? `${pub[0]} to ${pub[1]}` : 'no dates'),
      h('dt', {}, 'Events dated'),
      h('dd', {}, evr ? `${evr[0]} to ${evr[1]}` : 'no dates'),
      h('dt', {}, 'Articles by status'),
      statusBox,
    ),
    outletsBox,
    changes(ctx, summary),
  );
  ctx.ready('overview');
  const loaded = (async () => {
    const cols = await articles.columnsOf(['outlet', 'annotation_status']);
    const outlets = new Map<string, number>();
    for (const o of Array.from(cols['outlet'] as ArrayLike<string | null>)) if (o) outlets.set(o, (outlets.get(o) ?? 0) + 1);
    const status = new Map<string, number>();
    for (const x of Array.from(cols['annotation_status'] as ArrayLike<string>)) status.set(x, (status.get(x) ?? 0) + 1);
    fill(statusBox, [...status].sort().map(([x, n], i) => [i ? ', ' : '', `${x} ${fmt(n)}`]), duplicates ? `; ${fmt(duplicates)} duplicates of another article` : '');
    fill(
      outletsBox,
      h('h2', { id: 'outlets-h' }, `Outlets (${fmt(outlets.size)})`),
      h(
        'table',
        { class: 'outlets', 'aria-labelledby': 'outlets-h' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'outlet'), h('th', { scope: 'col', class: 'num' }, 'articles'), h('th', { scope: 'col' }, 'see'))),
        h(
          'tbody',
          {},
          [...outlets]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .slice(0, 50)
            .map(([o, n]) => h('tr', {}, h('th', { scope: 'row' }, o), h('td', { class: 'num' }, fmt(n)), h('td', {}, link(formatHash({ view: 'articles', params: { outlet: o } }), h('span', { class: 'sr-only' }, `${o}: `), 'articles'), ' · ', link(formatHash({ view: 'events', params: { outlet: o } }), h('span', { class: 'sr-only' }, `${o}: `), 'events')))),
        ),
      ),
      outlets.size > 50 ? h('p', {}, `and ${fmt(outlets.size - 50)} more (see Articles).`) : null,
    );
    ctx.ready('overview-outlets');
  })();
  return { el, title: 'Overview', loaded };
}

function changes(ctx: Ctx, summary: Summary | null): HTMLElement {
  const box = h('section', { 'aria-labelledby': 'changes-h' }, h('h2', { id: 'changes-h' }, 'Changes since the previous version'));
  if (!summary) {
    box.append(h('p', {}, 'This release has no changes/summary.json.'));
    return box;
  }
  if (!summary.previous_version) {
    box.append(h('p', {}, 'This is the first version: there is nothing to compare with.'));
    return box;
  }
  box.append(
    h('p', {}, `Against version ${summary.previous_version}: the changes need a ${summary.required_bump} version bump (CHANGELOG.md says why). Rows by table:`),
    h(
      'table',
      { class: 'changes' },
      h('caption', { class: 'sr-only' }, 'Rows added, removed, changed and unchanged per table, and fields that changed'),
      h('thead', {}, h('tr', {}, ['table', 'added', 'removed', 'changed', 'unchanged', 'fields'].map((c, i) => h('th', { scope: 'col', class: i && i < 5 ? 'num' : null }, c)))),
      h(
        'tbody',
        {},
        Object.entries(summary.tables).map(([t, c]) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, t),
            [c.added, c.removed, c.changed, c.unchanged].map((n) => h('td', { class: 'num' }, fmt(n))),
            h('td', {}, [c.fields_added.length ? `added ${c.fields_added.join(', ')}` : '', c.fields_removed.length ? `removed ${c.fields_removed.join(', ')}` : '', c.fields_changed.length ? `changed ${c.fields_changed.join(', ')}` : ''].filter(Boolean).join('; ') || '–'),
          ),
        ),
      ),
    ),
  );
  for (const [t, c] of Object.entries(summary.tables)) {
    if (!c.added && !c.removed && !c.changed) continue;
    const body = h('div', {}, h('p', {}, 'Loading…'));
    const det = h('details', { class: 'change-rows' }, h('summary', {}, `First changed rows of ${t}`), body);
    det.addEventListener(
      'toggle',
      () => {
        void (async () => {
          const text = await ctx.rel.head(`changes/${t}.jsonl`, 32_768);
          const lines = (text ?? '').split('\n').slice(0, -1).slice(0, 25);
          const items = lines.map((l) => {
            const op = JSON.parse(l) as { op: string; id: string; fields?: Record<string, unknown> };
            const href = op.op === 'remove' ? null : rowHref(op.id);
            return h('li', {}, `${op.op} `, href ? link(href, op.id) : h('code', {}, op.id), op.fields ? `: ${Object.keys(op.fields).join(', ')}` : '');
          });
          body.replaceChildren(h('ul', {}, items), h('p', {}, 'All of them: ', h('a', { href: `../changes/${t}.jsonl` }, `changes/${t}.jsonl`)));
        })();
      },
      { once: true },
    );
    box.append(det);
  }
  return box;
}
