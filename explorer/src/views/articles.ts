/**
 * Articles: the list, and one article's cleaned text with every actor mention, quote and event evidence
 * highlighted in place (a selected row outlined, with its speaker, cue or trigger), its duplicates and its story.
 * A quote's page (`#/quote/<id>`) is its article with the quote selected.
 */
import { fmt } from '../cameo.ts';
import type { Row } from '../data.ts';
import type { Articles } from '../model.ts';
import { formatHash } from '../route.ts';
import type { Route } from '../route.ts';
import { mark, renderText } from '../text.ts';
import type { Mark } from '../text.ts';
import { announce, cut, field, h, link, select, VirtualList } from '../ui.ts';
import type { Ctx, View } from '../view.ts';

export async function articlesView(ctx: Ctx, route: Route): Promise<View> {
  const arts = await ctx.model.articles();
  let params = { ...route.params };
  let rows = new Int32Array(0);
  const go = (change: Record<string, string>, replace = false) => ctx.navigate({ view: 'articles', params: { ...params, ...change } }, replace);
  const q = h('input', { id: 'f-q', type: 'search', value: params['q'] ?? '', autocomplete: 'off' });
  const outletSel = select('f-outlet', arts.outlets.map((o) => [o.name, `${o.name} (${fmt(o.articles)})`]), params['outlet']);
  const statusSel = select('f-status', [...new Set(arts.status)].sort().map((x) => [x, x]), params['status']);
  let timer = 0;
  q.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => go({ q: q.value }, true), 250);
  });
  outletSel.addEventListener('change', () => go({ outlet: outletSel.value }));
  statusSel.addEventListener('change', () => go({ status: statusSel.value }));
  const summary = h('p', { class: 'summary' });
  const list = new VirtualList({
    label: 'Articles',
    render: (k, el) => {
      const i = rows[k]!;
      el.replaceChildren(
        link(
          formatHash({ view: 'article', id: arts.id[i]! }),
          h('span', { class: 'c-date' }, arts.date[i] ?? 'undated'),
          h('span', { class: 'c-outlet' }, arts.outlet[i] ?? '–'),
          h('span', { class: 'c-main' }, arts.title[i] ?? arts.id[i]!),
          h('span', { class: 'c-type' }, arts.duplicateOf[i] ? 'duplicate' : arts.status[i]!),
        ),
      );
    },
  });
  function apply(): void {
    const needle = params['q']?.toLowerCase();
    const outlet = params['outlet'];
    const status = params['status'];
    const out = new Int32Array(arts.n);
    let k = 0;
    for (let i = 0; i < arts.n; i++) {
      if (outlet && arts.outlet[i] !== outlet) continue;
      if (status && arts.status[i] !== status) continue;
      if (needle && !(arts.title[i] ?? '').toLowerCase().includes(needle) && arts.id[i] !== params['q']) continue;
      out[k++] = i;
    }
    rows = out.subarray(0, k);
    summary.textContent = `${fmt(k)} of ${fmt(arts.n)} articles.`;
    summary.dataset['count'] = String(k);
    list.setCount(k, `Articles, ${fmt(k)}`);
    announce(summary.textContent);
    ctx.ready('articles');
  }
  const el = h(
    'section',
    { class: 'articles' },
    h('h1', {}, 'Articles'),
    h('p', { class: 'lede' }, 'Every input file that was cleaned, duplicates and other languages included. Open one to read its text with every row highlighted where it was read.'),
    h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter articles', onsubmit: (e: Event) => e.preventDefault() }, field('Title', q, 'words in the title, or an article id'), field('Outlet', outletSel), field('Status', statusSel), h('p', { class: 'reset' }, link('#/articles', 'Clear filters'))),
    summary,
    h('div', { class: 'list-head', 'aria-hidden': 'true' }, h('span', { class: 'c-date' }, 'published'), h('span', { class: 'c-outlet' }, 'outlet'), h('span', { class: 'c-main' }, 'title'), h('span', { class: 'c-type' }, 'status')),
    list.el,
  );
  apply();
  return {
    el,
    title: 'Articles',
    update: (r) => {
      params = { ...r.params };
      if (document.activeElement !== q) q.value = params['q'] ?? '';
      outletSel.value = params['outlet'] ?? '';
      statusSel.value = params['status'] ?? '';
      apply();
    },
  };
}

/** `#/mention/<id>` and `#/evidence/<id>`: the article of that row, with the row selected. */
export async function resolveView(ctx: Ctx, route: Route): Promise<View> {
  const table = route.view === 'mention' ? 'actor_mentions' : 'event_mentions';
  const row = await ctx.rel.table(table).get(route.id ?? '', ['article_id']);
  if (!row) return { el: h('section', {}, h('h1', {}, 'No such row'), h('p', {}, `This release has no ${table} row ${route.id ?? ''}.`)), title: 'No such row' };
  ctx.navigate({ view: 'article', id: String(row['article_id']), params: { hl: route.id } }, true);
  return { el: h('p', {}, 'Opening…'), title: 'Opening' };
}

interface ArticleRows {
  quotes: Row[];
  evidence: Row[];
  mentions: Row[];
  /** Event type per event id, for the evidence list. */
  eventTypes: Map<string, string>;
}

/**
 * What the article view reads of each table: the rows of the article, found by the article_id index (built once
 * for all articles from that one column), and of them only these columns, a row group at a time: an article's
 * rows cost the same in a release of a thousand articles as in one of a hundred thousand.
 */
const PARTS = [
  { key: 'quotes', table: 'quotes', cols: ['quote_id', 'quote_type', 'speaker_actor_id', 'cue', 'cue_start', 'cue_end', 'char_start', 'char_end'], words: 'text' },
  { key: 'evidence', table: 'event_mentions', cols: ['event_mention_id', 'event_id', 'char_start', 'char_end', 'trigger_start', 'trigger_end'], words: null },
  { key: 'mentions', table: 'actor_mentions', cols: ['mention_id', 'actor_id', 'mention_type', 'char_start', 'char_end'], words: 'text' },
] as const;
const MENTION_COLS = ['mention_id', 'actor_id', 'text', 'mention_type', 'char_start', 'char_end'];

/** One article, or a quote in its article (`#/quote/<id>`), with the `hl` row selected. */
export async function articleView(ctx: Ctx, route: Route): Promise<View> {
  const { rel } = ctx;
  let selectedId: string | null = route.view === 'quote' ? route.id : (route.params['hl'] ?? null);
  let selectedRow = selectedId ? await rowOf(ctx, selectedId) : null;
  const articleId = route.view === 'quote' ? (selectedRow ? String(selectedRow['article_id']) : null) : route.id;
  const article = articleId ? await rel.table('articles').get(articleId) : null;
  if (!article) return { el: h('section', {}, h('h1', {}, route.view === 'quote' ? 'No such quote' : 'No such article'), h('p', {}, `This release has no row ${route.id ?? ''}.`)), title: 'Not found' };
  const id = String(article['article_id']);
  const text = typeof article['text'] === 'string' ? article['text'] : null;
  const found: ArticleRows = { quotes: [], evidence: [], mentions: [], eventTypes: new Map() };
  const actors = await ctx.model.actors();
  const actorName = (aid: unknown) => (typeof aid === 'string' ? (actors.name[actors.index.get(aid) ?? -1] ?? aid) : 'unknown speaker');
  let related: Row | null = null; // the selected quote's speaker mention, or the selected evidence's source/target

  const body = h('div', { class: 'article-text', id: 'article-text', 'aria-label': 'Article text' });
  const side = h('aside', { class: 'rows', 'aria-label': 'Rows in this article' });
  const selectedBox = h('section', { class: 'selected-row', 'aria-live': 'polite' });
  const progress = h('p', { class: 'progress' }, 'Finding this article’s quotes, events and mentions…');

  function marks(): Mark[] {
    const out: Mark[] = [];
    for (const q of found.quotes) {
      const key = String(q['quote_id']);
      const sel = key === selectedId;
      out.push(mark('quote', key, Number(q['char_start']), Number(q['char_end']), `${String(q['quote_type'])} quote of ${actorName(q['speaker_actor_id'])}`, { selected: sel }));
      if (typeof q['cue_start'] === 'number') out.push(mark('cue', `${key}:cue`, q['cue_start'], Number(q['cue_end']), `speech cue “${String(q['cue'])}”`, { related: sel }));
    }
    for (const e of found.evidence) {
      const key = String(e['event_mention_id']);
      const sel = key === selectedId;
      out.push(mark('evidence', key, Number(e['char_start']), Number(e['char_end']), `evidence of a ${found.eventTypes.get(String(e['event_id'])) ?? ''} event`, { selected: sel }));
      out.push(mark('trigger', `${key}:trigger`, Number(e['trigger_start']), Number(e['trigger_end']), 'event trigger', { related: sel }));
    }
    const relatedIds = new Set<string>();
    if (selectedRow) for (const k of ['speaker_mention_id', 'source_mention_id', 'target_mention_id']) if (typeof selectedRow[k] === 'string') relatedIds.add(selectedRow[k]);
    const seen = new Set<string>();
    for (const m of found.mentions) {
      const key = String(m['mention_id']);
      seen.add(key);
      out.push(mark('mention', key, Number(m['char_start']), Number(m['char_end']), `${String(m['mention_type'])}: ${actorName(m['actor_id'])}`, { selected: key === selectedId, related: relatedIds.has(key) }));
    }
    // The selected row and what it points at are drawn before the article's other rows are found.
    if (selectedRow && selectedId && !out.some((m) => m.key === selectedId)) {
      const r = selectedRow;
      if (selectedId.startsWith('quo_')) {
        out.push(mark('quote', selectedId, Number(r['char_start']), Number(r['char_end']), `${String(r['quote_type'])} quote`, { selected: true }));
        if (typeof r['cue_start'] === 'number') out.push(mark('cue', `${selectedId}:cue`, r['cue_start'], Number(r['cue_end']), `speech cue “${String(r['cue'])}”`, { related: true }));
      } else if (selectedId.startsWith('evm_')) {
        out.push(mark('evidence', selectedId, Number(r['char_start']), Number(r['char_end']), 'event evidence', { selected: true }));
        out.push(mark('trigger', `${selectedId}:trigger`, Number(r['trigger_start']), Number(r['trigger_end']), 'event trigger', { related: true }));
      } else if (selectedId.startsWith('men_')) out.push(mark('mention', selectedId, Number(r['char_start']), Number(r['char_end']), String(r['mention_type']), { selected: true }));
    }
    if (related && !seen.has(String(related['mention_id']))) out.push(mark('mention', String(related['mention_id']), Number(related['char_start']), Number(related['char_end']), 'speaker', { related: true }));
    return out;
  }

  function drawText(): void {
    const ms = marks();
    if (text !== null) body.replaceChildren(renderText(text, ms));
    else {
      // Public profile: no text to highlight in, but every row keeps its offsets.
      const sorted = [...ms].filter((m) => !m.key.includes(':')).sort((a, b) => a.start - b.start || b.end - a.end);
      body.replaceChildren(
        h('p', { class: 'notice withheld', role: 'note' }, `The article text is withheld in this release (public profile: third-party text). It had ${fmt(Number(article!['char_count']))} characters (sha256 ${String(article!['content_sha256']).slice(0, 16)}…); the rows found in it and their offsets:`),
        h(
          'table',
          { class: 'offsets' },
          h('caption', { class: 'sr-only' }, 'Rows of this article with their character offsets'),
          h('thead', {}, h('tr', {}, ['row', 'kind', 'characters', 'what'].map((c) => h('th', { scope: 'col' }, c)))),
          h(
            'tbody',
            {},
            sorted.map((m) => h('tr', { class: m.selected ? 'selected' : null, id: m.selected ? 'selected' : null, 'data-key': m.key }, h('td', {}, h('code', {}, m.key)), h('td', {}, m.kind), h('td', { class: 'num' }, `${m.start}–${m.end}`), h('td', {}, m.label))),
          ),
        ),
      );
    }
  }

  /** A row's words: from the text at its offsets, or (public profile) as the row has them. */
  const words = (r: Row) => (text !== null ? text.slice(Number(r['char_start']), Number(r['char_end'])) : String(r['text'] ?? ''));

  function drawSide(): void {
    const hl = (rid: string) => formatHash({ view: 'article', id, params: { hl: rid } });
    const section = (title: string, items: HTMLElement[]) => h('section', {}, h('h2', {}, `${title} (${fmt(items.length)})`), items.length ? h('ul', {}, items) : h('p', {}, 'none'));
    side.replaceChildren(
      section(
        'Quotes',
        found.quotes.map((q) => h('li', { class: String(q['quote_id']) === selectedId ? 'current' : null }, link(hl(String(q['quote_id'])), h('span', { class: 'who' }, actorName(q['speaker_actor_id'])), `: ${cut(words(q), 90)}`))),
      ),
      section(
        'Event evidence',
        found.evidence.map((e) => h('li', { class: String(e['event_mention_id']) === selectedId ? 'current' : null }, link(hl(String(e['event_mention_id'])), found.eventTypes.get(String(e['event_id'])) ?? 'event', ` at ${String(e['char_start'])}–${String(e['char_end'])}`), ' · ', link(formatHash({ view: 'event', id: String(e['event_id']) }), 'event'))),
      ),
      section(
        'Actor mentions',
        found.mentions.map((m) => h('li', { class: String(m['mention_id']) === selectedId ? 'current' : null }, link(hl(String(m['mention_id'])), `“${words(m)}”`), ' → ', link(formatHash({ view: 'actor', id: String(m['actor_id']) }), actorName(m['actor_id'])))),
      ),
    );
  }

  function drawSelected(): void {
    const r = selectedRow;
    if (!r || !selectedId) {
      selectedBox.replaceChildren();
      return;
    }
    const rows: [string, Node | string][] = [];
    const actorLink = (aid: unknown) => (typeof aid === 'string' ? link(formatHash({ view: 'actor', id: aid }), actorName(aid)) : 'unresolved');
    if (selectedId.startsWith('quo_')) {
      rows.push(['Quote', h('code', {}, selectedId)], ['Type', String(r['quote_type'])], ['Speaker', actorLink(r['speaker_actor_id'])], ['Speaker as written', r['speaker_text'] ? String(r['speaker_text']) : '–'], ['Attribution', r['attribution'] ? String(r['attribution']) : '–'], ['Cue', r['cue'] ? `“${String(r['cue'])}” at ${String(r['cue_start'])}–${String(r['cue_end'])}` : '–'], ['Characters', `${String(r['char_start'])}–${String(r['char_end'])}`]);
      if (text === null) rows.push(['Excerpt', String(r['text'])]);
    } else if (selectedId.startsWith('evm_')) {
      rows.push(['Evidence', h('code', {}, selectedId)], ['Event', link(formatHash({ view: 'event', id: String(r['event_id']) }), String(r['event_id']))], ['Pattern', String(r['pattern_id'])], ['Characters', `${String(r['char_start'])}–${String(r['char_end'])}`], ['Trigger', `${String(r['trigger_start'])}–${String(r['trigger_end'])}`]);
    } else if (selectedId.startsWith('men_')) {
      rows.push(['Mention', h('code', {}, selectedId)], ['Actor', actorLink(r['actor_id'])], ['As written', String(r['text'])], ['Kind', String(r['mention_type'])], ['Characters', `${String(r['char_start'])}–${String(r['char_end'])}`]);
    }
    selectedBox.replaceChildren(h('h2', {}, 'Selected row'), h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])), h('p', {}, h('a', { href: '#selected', class: 'to-selected' }, 'Go to it in the text')));
  }

  async function loadRelated(): Promise<void> {
    related = null;
    const r = selectedRow;
    if (!r) return;
    const mid = r['speaker_mention_id'] ?? r['source_mention_id'];
    if (typeof mid === 'string') related = await rel.table('actor_mentions').get(mid, MENTION_COLS);
  }

  body.addEventListener('click', (e) => {
    const m = (e.target as HTMLElement).closest<HTMLElement>('mark[data-key]');
    const key = m?.dataset['key'];
    if (key && /^(quo|evm|men)_/.test(key) && !key.includes(':')) ctx.navigate({ view: 'article', id, params: { hl: key } });
  });

  const arts = await ctx.model.articles();
  const dups = relatedArticles(arts, id, (i) => arts.duplicateOf[i] === id);
  const k = arts.index.get(id) ?? -1;
  const story = k >= 0 ? relatedArticles(arts, id, (i) => arts.story[i] === arts.story[k] && arts.id[i] !== id) : [];
  const meta = h(
    'dl',
    { class: 'facts meta' },
    h('dt', {}, 'Outlet'),
    h('dd', {}, article['outlet'] ? String(article['outlet']) : '–'),
    h('dt', {}, 'Published'),
    h('dd', {}, article['published_date'] ? String(article['published_date']) : 'no date'),
    h('dt', {}, 'Authors'),
    h('dd', {}, ((article['authors'] as string[]) ?? []).join(', ') || '–'),
    h('dt', {}, 'Source'),
    h('dd', {}, h('code', {}, String(article['source_file'])), article['url'] ? [' · ', h('span', { class: 'url' }, String(article['url']))] : ''),
    h('dt', {}, 'Status'),
    h('dd', {}, String(article['annotation_status']), ` · ${fmt(Number(article['word_count']))} words · language ${String(article['language'])}`),
    h('dt', {}, 'Duplicate of'),
    h('dd', {}, article['duplicate_of'] ? [link(formatHash({ view: 'article', id: String(article['duplicate_of']) }), String(article['duplicate_of'])), ` (${String(article['duplicate_kind'])}${article['duplicate_similarity'] !== null ? `, similarity ${String(article['duplicate_similarity'])}` : ''})`] : 'no: this is a canonical article'),
    h('dt', {}, 'Its duplicates'),
    h('dd', {}, dups.length ? dups : 'none'),
    h('dt', {}, 'Story'),
    h('dd', {}, h('code', {}, String(article['story_id'])), story.length ? [': also ', story] : ': no other article'),
  );
  const legend = h(
    'p',
    { class: 'legend', 'aria-label': 'Legend' },
    h('mark', { class: 'hl hl-quote' }, 'quote'),
    ' ',
    h('mark', { class: 'hl hl-cue' }, 'speech cue'),
    ' ',
    h('mark', { class: 'hl hl-mention' }, 'actor mention'),
    ' ',
    h('mark', { class: 'hl hl-evidence' }, 'event evidence'),
    ' ',
    h('mark', { class: 'hl hl-trigger' }, 'trigger'),
    ' ',
    h('mark', { class: 'hl selected' }, 'selected row'),
  );
  const el = h(
    'article',
    { class: 'article' },
    h('p', { class: 'crumbs' }, link('#/articles', 'Articles'), ' › ', id),
    h('h1', {}, article['title'] ? String(article['title']) : id),
    meta,
    h('div', { class: 'reader' }, h('div', { class: 'text-col' }, h('h2', { class: 'sr-only' }, 'Text'), legend, progress, body), h('div', { class: 'side-col' }, selectedBox, side)),
  );
  await loadRelated();
  drawText();
  drawSelected();
  drawSide();
  // Once the view is in the page: bring the selected row into sight.
  if (selectedId) setTimeout(() => document.getElementById('selected')?.scrollIntoView({ block: 'center' }), 0);
  ctx.ready('article-text');

  const loaded = (async () => {
    // The three tables are searched side by side; each is drawn as soon as its rows are in.
    const reads = PARTS.map(async (part) => {
      const t = rel.table(part.table);
      const t0 = performance.now();
      const index = await t.index('article_id');
      performance.measure(`explorer:index:${part.table}`, { start: t0 });
      const t1 = performance.now();
      const rows = await t.readRows(index.get(id), [...part.cols, ...(text === null && part.words ? [part.words] : [])]);
      performance.measure(`explorer:rows:${part.table}`, { start: t1 });
      rows.sort((a, b) => Number(a['char_start']) - Number(b['char_start']) || Number(b['char_end']) - Number(a['char_end']));
      if (part.key === 'evidence') {
        const events = rel.table('events');
        const types = await Promise.all([...new Set(rows.map((e) => String(e['event_id'])))].map(async (eid) => [eid, String((await events.get(eid, ['event_type']))?.['event_type'] ?? '')] as const));
        for (const [eid, type] of types) found.eventTypes.set(eid, type);
      }
      found[part.key] = rows;
      drawText();
      drawSide();
    });
    await Promise.all(reads);
    progress.textContent = `${fmt(found.quotes.length)} quotes, ${fmt(found.evidence.length)} event evidence sentences and ${fmt(found.mentions.length)} actor mentions in this article.`;
    ctx.ready('article');
  })();
  return {
    el,
    title: article['title'] ? String(article['title']) : id,
    loaded,
    update: async (r) => {
      if (r.view !== 'article') return;
      selectedId = r.params['hl'] ?? null;
      selectedRow = selectedId ? await rowOf(ctx, selectedId) : null;
      await loadRelated();
      drawText();
      drawSelected();
      drawSide();
      document.getElementById('selected')?.scrollIntoView({ block: 'center' });
      ctx.ready('article-text');
    },
  };
}

/** The row behind an id of a quote, an actor mention or an evidence sentence. */
async function rowOf(ctx: Ctx, rid: string): Promise<Row | null> {
  const table = rid.startsWith('quo_') ? 'quotes' : rid.startsWith('men_') ? 'actor_mentions' : rid.startsWith('evm_') ? 'event_mentions' : null;
  return table ? ctx.rel.table(table).get(rid) : null;
}

function relatedArticles(arts: Articles, self: string, pick: (i: number) => boolean): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let i = 0; i < arts.n && out.length < 50; i++) if (arts.id[i] !== self && pick(i)) out.push(h('span', { class: 'rel' }, out.length ? ', ' : '', link(formatHash({ view: 'article', id: arts.id[i]! }), `${cut(arts.title[i] ?? arts.id[i]!, 60)} (${arts.outlet[i] ?? '?'})`)));
  return out;
}
