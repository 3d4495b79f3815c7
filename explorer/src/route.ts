/**
 * The explorer's state lives in the URL hash, so every view, filter and selected row is a link:
 * `#/<view>[/<id>][?key=value&…]`, e.g. `#/events?type=ACCUSE&from=2023-10`, `#/quote/quo_…`,
 * `#/article/art_…?hl=evm_…`. Pure: no DOM.
 */

export const VIEWS = ['overview', 'events', 'event', 'actors', 'actor', 'quotes', 'quote', 'articles', 'article', 'mention', 'evidence'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface Route {
  view: ViewName;
  /** The row a detail view shows (`event`, `actor`, `quote`, `article`); null for list views. */
  id: string | null;
  /** Filters and selections, in the order they were given; empty values are left out. */
  params: Record<string, string>;
}

/** The route a hash stands for; anything unknown is the overview. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '').replace(/^\//, '');
  const q = raw.indexOf('?');
  const pathPart = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q + 1);
  const [first = '', ...rest] = pathPart.split('/').map((s) => safeDecode(s));
  const view = (VIEWS as readonly string[]).includes(first) ? (first as ViewName) : 'overview';
  const id = rest.length && rest[0] ? rest.join('/') : null;
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) if (v !== '') params[k] = v;
  return { view, id: view === 'overview' ? null : id, params };
}

/** The hash of a route: `#/view/id?k=v`, empty parameters left out, so equal states give equal links. */
export function formatHash(route: { view: ViewName; id?: string | null; params?: Record<string, string | null | undefined> }): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(route.params ?? {})) if (v !== null && v !== undefined && v !== '') qs.set(k, v);
  const query = qs.toString();
  return `#/${route.view}${route.id ? `/${encodeURIComponent(route.id)}` : ''}${query ? `?${query}` : ''}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
