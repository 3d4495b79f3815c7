/**
 * What the views share, built once from columns of the release when a view first needs it: actors, articles
 * (without their text) and events as arrays and typed arrays, with row numbers in place of ids where tables meet.
 */
import { PLOVER_TYPES } from './cameo.ts';
import type { Release } from './data.ts';
import { dateRange } from './dates.ts';

export interface Actors {
  n: number;
  id: string[];
  name: string[];
  type: string[];
  country: (string | null)[];
  mentions: Int32Array;
  /** Actor row by id. */
  index: Map<string, number>;
}

export interface Articles {
  n: number;
  id: string[];
  title: (string | null)[];
  outlet: (string | null)[];
  date: (string | null)[];
  status: string[];
  duplicateOf: (string | null)[];
  story: string[];
  /** Index into `outlets` of each article's outlet (-1 none). */
  outletCode: Int32Array;
  /** Outlets, most articles first. */
  outlets: { name: string; articles: number }[];
  index: Map<string, number>;
}

/** The articles of each event (read only when a filter needs them: a list per event is the costliest column). */
export interface EventArticles {
  /** Articles of event i: rows[offsets[i] … offsets[i+1]). */
  offsets: Int32Array;
  rows: Int32Array;
}

export interface Events {
  n: number;
  id: string[];
  /** Index into PLOVER_TYPES (255 for a type this page does not know). */
  type: Uint8Array;
  cameo: string[];
  /** CAMEO root as a number (1-20). */
  root: Uint8Array;
  date: (string | null)[];
  /** Day range of the date (-1 when undated). */
  start: Int32Array;
  end: Int32Array;
  /** Actor rows (-1 for none). */
  source: Int32Array;
  target: Int32Array;
  confidence: Float64Array;
  sourceCount: Int32Array;
  index: Map<string, number>;
}

const strings = (c: ArrayLike<unknown>) => Array.from(c, (v) => (v === null || v === undefined ? null : String(v)));

export class Model {
  private actorsP: Promise<Actors> | null = null;
  private articlesP: Promise<Articles> | null = null;
  private eventsP: Promise<Events> | null = null;
  private eventArticlesP: Promise<EventArticles> | null = null;
  constructor(readonly rel: Release) {}

  actors(): Promise<Actors> {
    this.actorsP ??= (async () => {
      const t = this.rel.table('actors');
      const c = await t.columnsOf(['actor_id', 'name', 'actor_type', 'country_code', 'mention_count']);
      const [id, name, type, country] = [c['actor_id']!, c['name']!, c['actor_type']!, c['country_code']!];
      const mentions = await t.ints('mention_count');
      const ids = strings(id) as string[];
      return { n: ids.length, id: ids, name: strings(name) as string[], type: strings(type) as string[], country: strings(country), mentions, index: new Map(ids.map((x, i) => [x, i])) };
    })();
    return this.actorsP;
  }

  articles(): Promise<Articles> {
    this.articlesP ??= (async () => {
      const t = this.rel.table('articles');
      const names = ['article_id', 'title', 'outlet', 'published_date', 'annotation_status', 'duplicate_of', 'story_id'];
      const got = await t.columnsOf(names);
      const cols = names.map((n) => got[n]!);
      const [id, title, outlet, date, status, dup, story] = cols.map(strings) as (string | null)[][];
      const counts = new Map<string, number>();
      for (const o of outlet!) if (o) counts.set(o, (counts.get(o) ?? 0) + 1);
      const outlets = [...counts].map(([name, articles]) => ({ name, articles })).sort((a, b) => b.articles - a.articles || (a.name < b.name ? -1 : 1));
      const code = new Map(outlets.map((o, i) => [o.name, i]));
      const outletCode = Int32Array.from(outlet!, (o) => (o ? code.get(o)! : -1));
      const ids = id as string[];
      return { n: ids.length, id: ids, title: title!, outlet: outlet!, date: date!, status: status as string[], duplicateOf: dup!, story: story as string[], outletCode, outlets, index: new Map(ids.map((x, i) => [x, i])) };
    })();
    return this.articlesP;
  }

  events(): Promise<Events> {
    this.eventsP ??= (async () => {
      const t = this.rel.table('events');
      const actors = await this.actors();
      const names = ['event_id', 'event_type', 'cameo_code', 'source_actor_id', 'target_actor_id', 'event_date', 'confidence', 'source_count'];
      const got = await t.columnsOf(names);
      const [id, type, cameo, src, tgt, date, conf] = names.map((n) => got[n]!) as [ArrayLike<unknown>, ArrayLike<unknown>, ArrayLike<unknown>, ArrayLike<unknown>, ArrayLike<unknown>, ArrayLike<unknown>, ArrayLike<unknown>];
      const count = await t.ints('source_count');
      const n = id.length;
      const typeCode = new Map<string, number>(PLOVER_TYPES.map((x, i) => [x, i]));
      const ev: Events = {
        n,
        id: strings(id) as string[],
        type: new Uint8Array(n),
        cameo: strings(cameo) as string[],
        root: new Uint8Array(n),
        date: strings(date),
        start: new Int32Array(n),
        end: new Int32Array(n),
        source: new Int32Array(n),
        target: new Int32Array(n),
        confidence: Float64Array.from(conf as ArrayLike<number>, Number),
        sourceCount: count,
        index: new Map(),
      };
      for (let i = 0; i < n; i++) {
        ev.index.set(ev.id[i]!, i);
        ev.type[i] = typeCode.get(String(type[i])) ?? 255;
        ev.root[i] = parseInt(ev.cameo[i]!.slice(0, 2), 10) || 0;
        const r = dateRange(ev.date[i]);
        ev.start[i] = r ? r[0] : -1;
        ev.end[i] = r ? r[1] : -1;
        ev.source[i] = actors.index.get(String(src[i])) ?? -1;
        ev.target[i] = tgt[i] === null || tgt[i] === undefined ? -1 : (actors.index.get(String(tgt[i])) ?? -1);
      }
      return ev;
    })();
    return this.eventsP;
  }

  eventArticles(): Promise<EventArticles> {
    this.eventArticlesP ??= (async () => {
      const [articles, col] = await Promise.all([this.articles(), this.rel.table('events').column('article_ids')]);
      let total = 0;
      for (let i = 0; i < col.length; i++) total += ((col[i] as string[] | null) ?? []).length;
      const offsets = new Int32Array(col.length + 1);
      const rows = new Int32Array(total);
      let k = 0;
      for (let i = 0; i < col.length; i++) {
        for (const a of (col[i] as string[] | null) ?? []) rows[k++] = articles.index.get(a) ?? -1;
        offsets[i + 1] = k;
      }
      return { offsets, rows };
    })();
    return this.eventArticlesP;
  }
}
