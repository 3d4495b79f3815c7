/**
 * Cross-source event merge: the same real-world event reported by several articles becomes one row.
 * Two reports are the same event when they have the same PLOVER type and three-digit CAMEO code (or codes of one merge family: talks and a meeting), compatible actors (in either order for meetings and agreements)
 * (the same actor, or a country and an actor of that country: "North Korea–Russia summit" and
 * "Kim–Putin summit"), and compatible dates (equal, or one a prefix of the other: 2023-10 and 2023-10-19);
 * an undated report joins only reports of the same story naming the very same actors. Reports are bucketed by type and country pair,
 * so the work grows with the number of events, not with their square. Pure.
 */
import eventRules from '../lexicon/event-rules.json' with { type: 'json' };
import { stableId } from '../hash.ts';
import type { Event, EventMention } from '../types.generated.ts';
import type { EventDraft } from './events.ts';
import { mentionId } from './registry.ts';

/** One article's report of an event. */
export interface Report {
  articleId: string;
  outlet: string | null;
  storyId: string;
  draft: EventDraft;
}

/** The text of an article's span (the evidence of a report): the merge keeps offsets, not texts. */
export type SpanText = (articleId: string, start: number, end: number) => string;

/** What the merge needs to know of an actor. */
export interface ActorInfo {
  type: string;
  country: string | null;
}

/** The three-digit code a report merges under: codes that name one real-world act in other words (talks and a meeting) share one. */
const FAMILY = eventRules.merge_families as Record<string, string>;
const familyOf = (cameo: string) => FAMILY[cameo.slice(0, 3)] ?? cameo.slice(0, 3);

const SPECIFICITY: Record<string, number> = { person: 3, organization: 2, country: 1 };

export function mergeEvents(reports: Report[], actor: (key: string) => ActorInfo, idOf: (key: string) => string, spanText: SpanText): { events: Event[]; mentions: EventMention[] } {
  const anchor = (key: string | null) => (key === null ? '-' : (actor(key).country ?? key));
  const sameSide = (a: string | null, b: string | null) => {
    if (a === b) return true;
    if (a === null || b === null) return false;
    const [x, y] = [actor(a), actor(b)];
    return (x.type === 'country' && y.country === x.country) || (y.type === 'country' && x.country === y.country);
  };
  const datesFit = (a: Report, b: Report) => {
    const [da, db] = [a.draft.date, b.draft.date];
    if (da === null || db === null) return a.storyId === b.storyId;
    return da.startsWith(db) || db.startsWith(da);
  };
  const score = (r: Report) => (SPECIFICITY[actor(r.draft.sourceKey).type] ?? 0) + (r.draft.targetKey ? (SPECIFICITY[actor(r.draft.targetKey).type] ?? 0) : 0);
  const buckets = new Map<string, Report[]>();
  for (const r of reports) {
    // Same type and the same three-digit CAMEO code: a visit (042) and a meeting (040) are different events.
    const key = [r.draft.type, familyOf(r.draft.cameo), ...[anchor(r.draft.sourceKey), anchor(r.draft.targetKey)].sort()].join('|');
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(r);
  }
  const events: Event[] = [];
  const mentions: EventMention[] = [];
  const used = new Set<string>();
  for (const key of [...buckets.keys()].sort()) {
    const items = buckets.get(key)!.sort((a, b) => score(b) - score(a) || (b.draft.date?.length ?? 0) - (a.draft.date?.length ?? 0) || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.draft.start - b.draft.start));
    const clusters: Report[][] = [];
    for (const r of items) {
      const fits = (c: Report[]) => {
        const rep = c[0]!.draft;
        // Meetings and agreements have no direction; visits, accusations, requests … do.
        const either = rep.symmetric;
        const pairOk = (sameSide(rep.sourceKey, r.draft.sourceKey) && sameSide(rep.targetKey, r.draft.targetKey)) || (either && sameSide(rep.sourceKey, r.draft.targetKey) && sameSide(rep.targetKey, r.draft.sourceKey));
        // Without a date only the very same actors join (country-for-person matching needs dates to hold).
        const exact = (a: EventDraft, b: EventDraft) => (a.sourceKey === b.sourceKey && a.targetKey === b.targetKey) || (either && a.sourceKey === b.targetKey && a.targetKey === b.sourceKey);
        const undated = r.draft.date === null || c.some((m) => m.draft.date === null);
        return pairOk && c.every((m) => datesFit(m, r)) && (!undated || c.every((m) => exact(m.draft, r.draft)));
      };
      const c = clusters.find(fits);
      if (c) c.push(r);
      else clusters.push([r]);
    }
    for (const c of clusters) {
      const rep = c[0]!.draft;
      const dated = [...c].sort((a, b) => (b.draft.date?.length ?? 0) - (a.draft.date?.length ?? 0))[0]!.draft;
      const articleIds = [...new Set(c.map((r) => r.articleId))].sort();
      let id = stableId('evt', rep.type, rep.sourceKey, rep.targetKey ?? '', dated.date ?? `story:${c[0]!.storyId}`);
      for (let n = 2; used.has(id); n++) id = stableId('evt', rep.type, rep.sourceKey, rep.targetKey ?? '', dated.date ?? `story:${c[0]!.storyId}`, n);
      used.add(id);
      events.push({
        event_id: id,
        event_type: rep.type as Event['event_type'],
        cameo_code: rep.cameo,
        source_actor_id: idOf(rep.sourceKey),
        target_actor_id: rep.targetKey ? idOf(rep.targetKey) : null,
        event_date: dated.date,
        date_precision: dated.date ? dated.precision : null,
        date_text: dated.dateText,
        location: c.find((r) => r.draft.location)?.draft.location ?? null,
        article_ids: articleIds as Event['article_ids'],
        source_count: new Set(c.map((r) => r.outlet ?? r.articleId)).size,
        confidence: Math.max(...c.map((r) => r.draft.confidence)),
      });
      // One evidence span per article: its most confident report, then the earliest.
      for (const articleId of articleIds) {
        const best = c.filter((r) => r.articleId === articleId).sort((a, b) => b.draft.confidence - a.draft.confidence || a.draft.start - b.draft.start)[0]!;
        const d = best.draft;
        mentions.push({
          event_mention_id: stableId('evm', id, articleId),
          event_id: id,
          article_id: articleId,
          text: spanText(articleId, d.start, d.end),
          char_start: d.start,
          char_end: d.end,
          trigger_start: d.trigger.start,
          trigger_end: d.trigger.end,
          pattern_id: d.patternId,
          source_mention_id: mentionId(articleId, d.sourceMention),
          target_mention_id: d.targetMention ? mentionId(articleId, d.targetMention) : null,
        });
      }
    }
  }
  return { events, mentions };
}
