/**
 * The actor registry: merges the entities of every article into one actor per real-world entity. Entities
 * share a key when they are the same actor: the gazetteer key for known actors (which folds aliases and
 * transliteration variants), `person:<folded name>` for discovered people (so "Choe Son-hui" and
 * "Choe Son Hui" meet, and "Kim Jong-un" and "Kim In-ae" never do), `org:<slug>` for organisations and
 * `org:ministry:<ISO3>:<kind>` for ministries. Works on per-article summaries. Pure.
 */
import { stableId } from '../hash.ts';
import type { Actor, ActorMention } from '../types.generated.ts';
import type { ArticleEntity, Mention } from './mentions.ts';
import { LEXICON } from './lexicon.ts';

/** What one article contributes. */
export interface ArticleActors {
  articleId: string;
  mentions: Mention[];
  entities: Map<string, ArticleEntity>;
}

/** What the registry keeps of one article's actor: compact, no offsets. */
export interface ActorContribution {
  key: string;
  name: string;
  type: ArticleEntity['type'];
  country: string | null;
  cameo: string | null;
  /** Surface forms (descriptions excluded) and how often the article uses each. */
  forms: [string, number][];
  mentions: number;
}

/** An actor's id: a hash of its registry key, so every article can compute it on its own. */
export const actorId = (key: string) => stableId('act', key);

/** One article's actors, in the order of the article's entities. */
export function contributions(a: Omit<ArticleActors, 'articleId'>): ActorContribution[] {
  const out = new Map<string, ActorContribution & { formCounts: Map<string, number> }>();
  for (const e of a.entities.values()) out.set(e.key, { key: e.key, name: e.name, type: e.type, country: e.country, cameo: e.cameo, forms: [], mentions: 0, formCounts: new Map() });
  for (const m of a.mentions) {
    const c = out.get(m.key)!;
    c.mentions++;
    if (m.kind !== 'description') c.formCounts.set(m.text, (c.formCounts.get(m.text) ?? 0) + 1);
  }
  return [...out.values()].map(({ formCounts, ...c }) => ({ ...c, forms: [...formCounts] }));
}

/** The actor_mentions rows of one article. */
/** The id of an actor mention: its article and offsets. */
export function mentionId(articleId: string, m: { start: number; end: number }): string {
  return stableId('men', articleId, m.start, m.end);
}

export function mentionRows(articleId: string, mentions: Mention[]): ActorMention[] {
  return mentions.map((m) => ({ mention_id: mentionId(articleId, m), actor_id: actorId(m.key), article_id: articleId, text: m.text, mention_type: m.kind, char_start: m.start, char_end: m.end }));
}

interface Merged {
  first: ActorContribution;
  country: string | null;
  forms: Map<string, number>;
  mentions: number;
  articles: string[];
}

/**
 * Merges the actors of every article, one article at a time and in article order (the first article to
 * mention an actor names its type, the first that knows its country gives it). Holds one small record per
 * actor, never the mentions.
 */
export class RegistryBuilder {
  private readonly merged = new Map<string, Merged>();
  /** Type and country of every entity key seen, mentioned or not (the last article's word), for the event merge. */
  readonly info = new Map<string, { type: string; country: string | null }>();

  add(articleId: string, actors: ActorContribution[]): void {
    for (const c of actors) {
      this.info.set(c.key, { type: c.type, country: c.country });
      if (!c.mentions) continue;
      let r = this.merged.get(c.key);
      if (!r) this.merged.set(c.key, (r = { first: c, country: c.country, forms: new Map(), mentions: 0, articles: [] }));
      if (!r.country && c.country) r.country = c.country;
      r.mentions += c.mentions;
      if (r.articles[r.articles.length - 1] !== articleId) r.articles.push(articleId);
      for (const [form, n] of c.forms) r.forms.set(form, (r.forms.get(form) ?? 0) + n);
    }
  }

  actors(): Actor[] {
    const gazetteerKeys = new Set([...LEXICON.surfaces.values()].map((s) => s.entry.key));
    return [...this.merged].map(([key, r]) => ({
      actor_id: actorId(key),
      // Ministries and groups are named by rule ("Russian Foreign Ministry", "Israeli soldiers"), not by their forms.
      name: gazetteerKeys.has(key) || key.startsWith('org:ministry:') || key.startsWith('group:') ? r.first.name : fullestForm(r.forms, r.first.name),
      actor_type: r.first.type,
      aliases: [...r.forms.keys()].sort(),
      country_code: r.country,
      cameo_actor_code: r.first.cameo && /^[A-Z]{3}(?:[A-Z]{3})*$/.test(r.first.cameo) ? r.first.cameo : null,
      wikidata_id: null,
      mention_count: r.mentions,
      article_ids: [...new Set(r.articles)].sort(),
    }));
  }
}

/**
 * The fullest common form: most name parts (split at spaces and hyphens, so "Kim Yong Chol" and
 * "Kim Yong-chol" tie), then most often seen, then the hyphenated spelling (standard romanisation of
 * Korean names), then alphabetical.
 */
function fullestForm(forms: Map<string, number>, fallback: string): string {
  const parts = (f: string) => f.split(/[\s-]+/).length;
  const ranked = [...forms].sort(([a, na], [b, nb]) => parts(b) - parts(a) || nb - na || Number(b.includes('-')) - Number(a.includes('-')) || (a < b ? -1 : 1));
  return ranked[0]?.[0] ?? fallback;
}
