/**
 * The explorer: a static page in `explorer/` of a release that reads the release's own files (relative URLs,
 * nothing from the network) and shows its events, actors, quotes and articles, every row in its source text.
 * The view and its filters live in the URL hash (route.ts), so any state can be linked, bookmarked and shared.
 */
import { Release } from './data.ts';
import { Model } from './model.ts';
import { formatHash, parseHash } from './route.ts';
import type { Route, ViewName } from './route.ts';
import { announce, fill, h } from './ui.ts';
import type { Ctx, View } from './view.ts';
import { actorView, actorsView } from './views/actors.ts';
import { articleView, articlesView, resolveView } from './views/articles.ts';
import { eventView, eventsView } from './views/events.ts';
import { overviewView } from './views/overview.ts';
import { quotesView } from './views/quotes.ts';

const VIEWS: Record<ViewName, (ctx: Ctx, route: Route) => Promise<View>> = {
  overview: overviewView,
  events: eventsView,
  event: eventView,
  actors: actorsView,
  actor: actorView,
  quotes: quotesView,
  quote: articleView,
  articles: articlesView,
  article: articleView,
  mention: resolveView,
  evidence: resolveView,
};

/** Which navigation entry is current for each view. */
const SECTION: Record<ViewName, string> = { overview: 'overview', events: 'events', event: 'events', actors: 'actors', actor: 'actors', quotes: 'quotes', quote: 'quotes', articles: 'articles', article: 'articles', mention: 'articles', evidence: 'events' };

async function start(): Promise<void> {
  const main = document.getElementById('main')!;
  let rel: Release;
  try {
    rel = await Release.open(new URL('../', location.href), (m) => announce(m));
  } catch (err) {
    fill(main, h('h1', {}, 'This release could not be opened'), h('p', {}, `The explorer reads ../datapackage.json and the Parquet files beside it over HTTP: ${String(err)}. Serve the release folder (npm run explore) rather than opening the file directly.`));
    return;
  }
  const ctx: Ctx = {
    rel,
    model: new Model(rel),
    isPublic: await rel.isPublic(),
    navigate: (route, replace = false) => {
      const hash = formatHash(route);
      if (replace) {
        history.replaceState(null, '', hash);
        void apply(parseHash(hash));
      } else location.hash = hash;
    },
    ready: (name) => {
      seq++;
      // The latest view drawn, and per view the draw it is at (a later view cannot hide an earlier one).
      document.documentElement.dataset['ready'] = `${name}:${seq}`;
      document.documentElement.setAttribute(`data-ready-${name}`, String(seq));
      performance.mark(`explorer:${name}`);
    },
  };
  const version = document.getElementById('version');
  if (version) version.textContent = `v${rel.pkg.version}${ctx.isPublic ? ' (public profile: article text withheld)' : ''}`;

  let seq = 0;
  let current: { route: Route; view: View } | null = null;
  let rendering = 0;
  async function apply(route: Route): Promise<void> {
    if (current && current.route.view === route.view && current.route.id === route.id && current.view.update) {
      current.route = route;
      await current.view.update(route);
      return;
    }
    const mine = ++rendering;
    for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
      if (a.dataset['section'] === SECTION[route.view]) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    main.setAttribute('aria-busy', 'true');
    announce('Loading…');
    try {
      const view = await VIEWS[route.view](ctx, route);
      if (mine !== rendering) return;
      fill(main, view.el);
      current = { route, view };
      document.title = `${view.title} · ${rel.pkg.name} v${rel.pkg.version} explorer`;
      const heading = main.querySelector<HTMLElement>('h1');
      if (heading && navigated) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: false });
      }
      await view.loaded;
    } catch (err) {
      if (mine !== rendering) return;
      fill(main, h('h1', {}, 'Something could not be shown'), h('p', {}, String(err)));
      current = null;
    } finally {
      if (mine === rendering) {
        main.removeAttribute('aria-busy');
        announce('');
      }
    }
  }
  let navigated = false;
  window.addEventListener('hashchange', () => {
    // A hash that is no route (a skip link's #main) is an anchor in the page: go there, keep the route.
    if (!location.hash.startsWith('#/') && location.hash.length > 1) {
      document.getElementById(location.hash.slice(1))?.focus();
      history.replaceState(null, '', current ? formatHash(current.route) : '#/overview');
      return;
    }
    navigated = true;
    void apply(parseHash(location.hash));
  });
  await apply(parseHash(location.hash.startsWith('#/') ? location.hash : '#/overview'));
}

void start();
