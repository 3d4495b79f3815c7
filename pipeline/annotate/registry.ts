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

export interface Registry {
  actors: Actor[];
  mentions: ActorMention[];
  /** Entity key → actor id. */
  idOf: (key: string) => string;
}

/** Builds the actors and actor_mentions tables. */
export function buildRegistry(articles: ArticleActors[]): Registry {
  const merged = new Map<string, { entity: ArticleEntity; forms: Map<string, number>; mentions: number; articles: Set<string> }>();
  const mentionRows: ActorMention[] = [];
  const idOf = (key: string) => stableId('act', key);
  const gazetteerKeys = new Set([...LEXICON.surfaces.values()].map((s) => s.entry.key));
  for (const a of articles) {
    for (const m of a.mentions) {
      const e = a.entities.get(m.key)!;
      let r = merged.get(m.key);
      if (!r) merged.set(m.key, (r = { entity: e, forms: new Map(), mentions: 0, articles: new Set() }));
      if (!r.entity.country && e.country) r.entity = { ...r.entity, country: e.country };
      r.mentions++;
      r.articles.add(a.articleId);
      if (m.kind !== 'description') r.forms.set(m.text, (r.forms.get(m.text) ?? 0) + 1);
      mentionRows.push({ mention_id: stableId('men', a.articleId, m.start, m.end), actor_id: idOf(m.key), article_id: a.articleId, text: m.text, mention_type: m.kind, char_start: m.start, char_end: m.end });
    }
  }
  const actors: Actor[] = [...merged].map(([key, r]) => ({
    actor_id: idOf(key),
    name: gazetteerKeys.has(key) || key.startsWith('org:ministry:') ? r.entity.name : fullestForm(r.forms, r.entity.name),
    actor_type: r.entity.type,
    aliases: [...r.forms.keys()].sort(),
    country_code: r.entity.country,
    cameo_actor_code: r.entity.cameo && /^[A-Z]{3}(?:[A-Z]{3})*$/.test(r.entity.cameo) ? r.entity.cameo : null,
    wikidata_id: null,
    mention_count: r.mentions,
    article_ids: [...r.articles].sort(),
  }));
  return { actors, mentions: mentionRows, idOf };
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
