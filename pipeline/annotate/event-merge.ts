/**
 * Cross-source event merge: the same real-world event reported by several articles becomes one row.
 * Two reports are the same event when they have the same PLOVER type and three-digit CAMEO code (or codes of one merge family: talks and a meeting) and no two different four-digit codes (lifting a curfew, 0813, and easing emergency rule, 0814, are two acts; 081 fits either), compatible actors (in either order for meetings and agreements)
 * (the same actor, or a country and an actor of that country: "North Korea–Russia summit" and
 * "Kim–Putin summit"), and compatible dates (equal, or one a prefix of the other: 2023-10 and 2023-10-19);
 * an undated report joins only reports of the same story naming the very same actors. Reports are bucketed by type,
 * code family and country pair; inside a bucket each report meets only the clusters an index of dates and stories
 * offers it, and each cluster is tested through a summary of its members, so the work grows with the number of
 * reports, not with their square. Each report joins the first cluster (in order of creation) that fits it. Pure.
 */
import eventRules from '../lexicon/event-rules.json' with { type: 'json' };
import { stableId } from '../hash.ts';
import { ploverModeOf } from './cameo.ts';
import type { Event, EventMention } from '../types.generated.ts';
import type { EventDraft } from './events.ts';
import { mentionId } from './registry.ts';
import { reportArray, type ReportSource } from './report-store.ts';

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

/** One merged event and its evidence rows (one per article). */
export interface MergedEvent {
  event: Event;
  mentions: EventMention[];
}

/**
 * Merges reports into events and their evidence rows. `alone`: every report is its own event (no clustering),
 * which is how a worker checks the rows each report can make before the corpus merge (checked.ts).
 */
export function mergeEvents(reports: Report[] | ReportSource, actor: (key: string) => ActorInfo, idOf: (key: string) => string, spanText: SpanText, alone = false): { events: Event[]; mentions: EventMention[] } {
  const events: Event[] = [];
  const mentions: EventMention[] = [];
  for (const m of mergedEvents(reports, actor, idOf, spanText, alone)) {
    events.push(m.event);
    mentions.push(...m.mentions);
  }
  return { events, mentions };
}

/**
 * The merge of mergeEvents, one event at a time, bucket by bucket. Buckets hold report numbers: only the bucket
 * being merged is read back as objects. `release`: each bucket is let go once merged and the input is cleared at
 * the end (an array is left empty), so a corpus-wide merge of a compact store never holds its reports as objects.
 */
export function* mergedEvents(input: Report[] | ReportSource, actor: (key: string) => ActorInfo, idOf: (key: string) => string, spanText: SpanText, alone = false, release = false): Generator<MergedEvent> {
  const anchor = (key: string | null) => (key === null ? '-' : (actor(key).country ?? key));
  const sameSide = (a: string | null, b: string | null) => {
    if (a === b) return true;
    if (a === null || b === null) return false;
    const [x, y] = [actor(a), actor(b)];
    return (x.type === 'country' && y.country === x.country) || (y.type === 'country' && x.country === y.country);
  };
  const score = (r: Report) => (SPECIFICITY[actor(r.draft.sourceKey).type] ?? 0) + (r.draft.targetKey ? (SPECIFICITY[actor(r.draft.targetKey).type] ?? 0) : 0);
  const source = Array.isArray(input) ? reportArray(input) : input;
  // Buckets hold report numbers; a bucket's reports are read back as objects only when it is merged.
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < source.length; i++) {
    const d = source.get(i).draft;
    // Same type and the same three-digit CAMEO code: a visit (042) and a meeting (040) are different events.
    const key = [d.type, familyOf(d.cameo), ...[anchor(d.sourceKey), anchor(d.targetKey)].sort()].join('|');
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(i);
  }
  const used = new Set<string>();
  for (const key of [...buckets.keys()].sort()) {
    const items = buckets.get(key)!.map((i) => source.get(i));
    if (release) buckets.delete(key);
    items.sort((a, b) => score(b) - score(a) || (b.draft.date?.length ?? 0) - (a.draft.date?.length ?? 0) || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.draft.start - b.draft.start));
    const clusters = alone ? items.map((r) => [r]) : clusterBucket(items, sameSide);
    for (const c of clusters) {
      const rep = c[0]!.draft;
      // The most precise date (the first report with it, as a stable sort would give).
      const dated = c.reduce((a, r) => ((r.draft.date?.length ?? 0) > (a.draft.date?.length ?? 0) ? r : a)).draft;
      const articleIds = [...new Set(c.map((r) => r.articleId))].sort();
      let id = stableId('evt', rep.type, rep.sourceKey, rep.targetKey ?? '', dated.date ?? `story:${c[0]!.storyId}`);
      for (let n = 2; used.has(id); n++) id = stableId('evt', rep.type, rep.sourceKey, rep.targetKey ?? '', dated.date ?? `story:${c[0]!.storyId}`, n);
      used.add(id);
      const event: Event = {
        event_id: id,
        event_type: rep.type as Event['event_type'],
        plover_mode: ploverModeOf(rep.cameo) as Event['plover_mode'],
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
      };
      // One evidence span per article: its most confident report, then the earliest.
      const bestOf = new Map<string, Report>();
      for (const r of c) {
        const b = bestOf.get(r.articleId);
        if (!b || r.draft.confidence > b.draft.confidence || (r.draft.confidence === b.draft.confidence && r.draft.start < b.draft.start)) bestOf.set(r.articleId, r);
      }
      const mentions: EventMention[] = [];
      for (const articleId of articleIds) {
        const best = bestOf.get(articleId)!;
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
      yield { event, mentions };
    }
  }
  if (release) source.clear();
}

/** A cluster of reports with what its fit test needs, kept up to date as reports join. */
interface Cluster {
  index: number;
  reports: Report[];
  /** The longest date of its members: they form a chain of prefixes (2024, 2024-03, 2024-03-05). */
  maxDate: string | null;
  stories: Set<string>;
  /** Stories of its undated members. */
  undatedStories: Set<string>;
  /** Its members' actor pairs, `source|target`. */
  pairs: Set<string>;
  /** The four-digit CAMEO code of its members, if any has one (they all agree). */
  leaf: string | null;
}

/** The date keys a dated report is indexed under: its date and every shorter prefix of it (year, month). */
const prefixes = (d: string) => [d.slice(0, 4), ...(d.length > 4 ? [d.slice(0, 7)] : []), ...(d.length > 7 ? [d] : [])];

/**
 * The clusters of one bucket (reports already in their merge order). A report fits a cluster when its actors fit
 * the cluster's first report (in either order for symmetric acts), its four-digit code (if it has one) is no other than a member's, its date is a prefix of every dated member's or
 * one of theirs a prefix of it, undated members are of its own story (and an undated report joins only members of
 * its story), and, where anyone is undated, every member names the very same actors.
 */
function clusterBucket(items: Report[], sameSide: (a: string | null, b: string | null) => boolean): Report[][] {
  const clusters: Cluster[] = [];
  /** Clusters with a dated member whose date starts with the key; and whose date is exactly the key. */
  const startsWith = new Map<string, Cluster[]>();
  const exact = new Map<string, Cluster[]>();
  /** Clusters with a member of the story; clusters with no dated member, by story. */
  const byStory = new Map<string, Cluster[]>();
  const undatedOnly = new Map<string, Cluster[]>();
  const push = (m: Map<string, Cluster[]>, k: string, c: Cluster) => {
    const list = m.get(k);
    if (!list) m.set(k, [c]);
    else if (list[list.length - 1] !== c) list.push(c);
  };
  const pairKey = (a: string | null, b: string | null) => `${a ?? ''}|${b ?? ''}`;
  const fits = (c: Cluster, r: Report): boolean => {
    const rep = c.reports[0]!.draft;
    const d = r.draft;
    // Meetings and agreements have no direction; visits, accusations, requests … do.
    const either = rep.symmetric;
    const pairOk = (sameSide(rep.sourceKey, d.sourceKey) && sameSide(rep.targetKey, d.targetKey)) || (either && sameSide(rep.sourceKey, d.targetKey) && sameSide(rep.targetKey, d.sourceKey));
    if (!pairOk) return false;
    if (d.cameo.length > 3 && c.leaf !== null && c.leaf !== d.cameo) return false;
    if (d.date === null) {
      if (c.stories.size !== 1 || !c.stories.has(r.storyId)) return false;
    } else {
      if (c.maxDate !== null && !(c.maxDate.startsWith(d.date) || d.date.startsWith(c.maxDate))) return false;
      if (c.undatedStories.size > 1 || (c.undatedStories.size === 1 && !c.undatedStories.has(r.storyId))) return false;
    }
    // Without a date only the very same actors join (country-for-person matching needs dates to hold).
    if (d.date === null || c.undatedStories.size > 0) {
      const same = pairKey(d.sourceKey, d.targetKey);
      const swapped = pairKey(d.targetKey, d.sourceKey);
      for (const p of c.pairs) if (p !== same && !(either && p === swapped)) return false;
    }
    return true;
  };
  const add = (c: Cluster, r: Report) => {
    c.reports.push(r);
    const d = r.draft.date;
    c.stories.add(r.storyId);
    c.pairs.add(pairKey(r.draft.sourceKey, r.draft.targetKey));
    if (r.draft.cameo.length > 3) c.leaf = r.draft.cameo;
    push(byStory, r.storyId, c);
    if (d === null) {
      c.undatedStories.add(r.storyId);
      if (c.maxDate === null) push(undatedOnly, r.storyId, c);
      return;
    }
    if (c.maxDate === null || d.length > c.maxDate.length) c.maxDate = d;
    for (const k of prefixes(d)) push(startsWith, k, c);
    push(exact, d, c);
  };
  for (const r of items) {
    const d = r.draft.date;
    let candidates: Cluster[];
    if (d === null) candidates = [...(byStory.get(r.storyId) ?? [])];
    else {
      // A member's date comparable with d: d a prefix of it, or it a prefix of d (d's year or month exactly).
      candidates = [...(startsWith.get(d) ?? []), ...(undatedOnly.get(r.storyId) ?? [])];
      for (const k of prefixes(d)) if (k !== d) candidates.push(...(exact.get(k) ?? []));
    }
    // The first that fits, in order of creation: the lists grow as members join, not as clusters are made.
    if (candidates.length > 1) candidates = [...new Set(candidates)].sort((a, b) => a.index - b.index);
    const c = candidates.find((x) => fits(x, r));
    if (c) add(c, r);
    else {
      const fresh: Cluster = { index: clusters.length, reports: [], maxDate: null, stories: new Set(), undatedStories: new Set(), pairs: new Set(), leaf: null };
      clusters.push(fresh);
      add(fresh, r);
    }
  }
  return clusters.map((c) => c.reports);
}
