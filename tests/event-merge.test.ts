/**
 * The cross-article event merge: indexed, it must give exactly what the plain rule gives (each report joins the
 * first cluster, in order of creation, that fits it), and its work must grow with the number of reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergedEvents, mergeEvents } from '../pipeline/annotate/event-merge.ts';
import type { ActorInfo, Report } from '../pipeline/annotate/event-merge.ts';
import type { EventDraft } from '../pipeline/annotate/events.ts';
import { ReportStore } from '../pipeline/annotate/report-store.ts';

const ACTORS: Record<string, ActorInfo> = {
  'country:PRK': { type: 'country', country: 'PRK' },
  'country:RUS': { type: 'country', country: 'RUS' },
  'person:kim': { type: 'person', country: 'PRK' },
  'person:choe': { type: 'person', country: 'PRK' },
  'person:lavrov': { type: 'person', country: 'RUS' },
  'org:un': { type: 'organization', country: null },
};
const actor = (k: string) => ACTORS[k]!;
const idOf = (k: string) => `act_${k.replace(/\W/g, '')}`;
const spanText = () => 'evidence';

function draft(d: Partial<EventDraft>): EventDraft {
  return {
    type: 'CONSULT',
    cameo: '040',
    symmetric: true,
    sourceKey: 'person:kim',
    targetKey: 'person:lavrov',
    date: null,
    precision: null,
    dateText: null,
    location: null,
    start: 0,
    end: 10,
    confidence: 0.9,
    trigger: { start: 0, end: 3 },
    patternId: '040.meet',
    sourceMention: { start: 0, end: 3 },
    targetMention: { start: 5, end: 10 },
    ...d,
  };
}

/** The plain rule, tried against every cluster of a bucket: the reference the indexed merge must equal. */
function plainClusters(reports: Report[]): string[] {
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
  const clusters: Report[][] = [];
  for (const r of reports) {
    const c = clusters.find((c) => {
      const rep = c[0]!.draft;
      const either = rep.symmetric;
      const pairOk = (sameSide(rep.sourceKey, r.draft.sourceKey) && sameSide(rep.targetKey, r.draft.targetKey)) || (either && sameSide(rep.sourceKey, r.draft.targetKey) && sameSide(rep.targetKey, r.draft.sourceKey));
      const exact = (a: EventDraft, b: EventDraft) => (a.sourceKey === b.sourceKey && a.targetKey === b.targetKey) || (either && a.sourceKey === b.targetKey && a.targetKey === b.sourceKey);
      const undated = r.draft.date === null || c.some((m) => m.draft.date === null);
      const leafOk = r.draft.cameo.length === 3 || c.every((m) => m.draft.cameo.length === 3 || m.draft.cameo === r.draft.cameo);
      return pairOk && leafOk && c.every((m) => datesFit(m, r)) && (!undated || c.every((m) => exact(m.draft, r.draft)));
    });
    if (c) c.push(r);
    else clusters.push([r]);
  }
  return canonical(clusters.map((c) => c.map((r) => r.articleId)));
}

/** Clusters as sorted lists of distinct article ids, in a fixed order. */
const canonical = (cs: string[][]) => cs.map((c) => [...new Set(c)].sort().join(',')).sort();

/** The merge's clusters: each event's articles. */
function mergedClusters(reports: Report[]): string[] {
  return canonical(mergeEvents(reports, actor, idOf, spanText).events.map((e) => [...e.article_ids]));
}

const report = fc.record({
  article: fc.integer({ min: 0, max: 12 }),
  story: fc.integer({ min: 0, max: 3 }),
  source: fc.constantFrom('country:PRK', 'person:kim', 'person:choe', 'country:RUS', 'person:lavrov', 'org:un'),
  target: fc.constantFrom('country:PRK', 'person:kim', 'country:RUS', 'person:lavrov', 'org:un', null),
  date: fc.constantFrom(null, '2024', '2024-06', '2024-06-19', '2024-06-20', '2024-07', '2024-07-01', '2023-06-19'),
  symmetric: fc.boolean(),
  // One family: the three-digit code fits either four-digit one; the two four-digit codes are two acts.
  cameo: fc.constantFrom('040', '040', '0401', '0402'),
});

describe('mergeEvents', () => {
  it('gives the clusters the plain first-fit rule gives, on random reports', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 40 }), (rs) => {
        // One report per article and sentence start, one code family, all of one bucket's shapes.
        const reports: Report[] = rs.map((r, i) => ({
          articleId: `art_${String(r.article).padStart(2, '0')}`,
          outlet: null,
          storyId: `sto_${r.story}`,
          draft: draft({ sourceKey: r.source, targetKey: r.target === r.source ? null : r.target, date: r.date, precision: r.date ? (r.date.length === 10 ? 'day' : r.date.length === 7 ? 'month' : 'year') : null, symmetric: r.symmetric, start: i * 100, end: i * 100 + 50, cameo: r.cameo }),
        }));
        expect(mergedClusters(reports)).toEqual(plainClusters(inMergeOrder(reports)));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('streamed with release, from an array or a column store, gives the same events and evidence in the same order, and takes the reports out of the input', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 40 }), fc.constantFrom('040', '042', '111'), (rs, cameo) => {
        const make = (): Report[] =>
          rs.map((r, i) => ({
            articleId: `art_${String(r.article).padStart(2, '0')}`,
            outlet: `outlet${r.article % 3}`,
            storyId: `sto_${r.story}`,
            draft: draft({ cameo: i % 2 ? cameo : '040', sourceKey: r.source, targetKey: r.target === r.source ? null : r.target, date: r.date, precision: r.date ? (r.date.length === 10 ? 'day' : r.date.length === 7 ? 'month' : 'year') : null, symmetric: r.symmetric, start: i * 100, end: i * 100 + 50, confidence: 0.5 + (i % 5) / 10, location: r.article % 2 ? 'Moscow' : null, dateText: r.date ? `on ${r.date}` : null, targetMention: r.target === r.source ? null : { start: i * 100 + 5, end: i * 100 + 9 } }),
          }));
        const whole = mergeEvents(make(), actor, idOf, spanText);
        const input = make();
        const streamed = [...mergedEvents(input, actor, idOf, spanText, false, true)];
        expect(input).toEqual([]);
        expect(streamed.map((m) => m.event)).toEqual(whole.events);
        expect(streamed.flatMap((m) => m.mentions)).toEqual(whole.mentions);
        // The same reports held by column, as a run holds them: each read back as it went in, the same merge.
        const store = new ReportStore();
        const reports = make();
        for (const r of reports) store.push(r);
        expect(Array.from({ length: store.length }, (_, i) => store.get(i))).toEqual(reports);
        const fromStore = [...mergedEvents(store, actor, idOf, spanText, false, true)];
        expect(store.length).toBe(0);
        expect(fromStore).toEqual(streamed);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('merges a summit reported by many outlets into one row, and stays near-linear in the number of reports', () => {
    const make = (n: number) =>
      Array.from({ length: n }, (_, i): Report => ({
        articleId: `art_${String(i).padStart(6, '0')}`,
        outlet: `outlet${i % 50}`,
        storyId: `sto_${i % 500}`,
        // 500 distinct days over two years; every day's reports are one event.
        draft: draft({ date: `${2023 + Math.floor((i % 500) / 250)}-${String(1 + (Math.floor((i % 500) / 25) % 10)).padStart(2, '0')}-${String(1 + (i % 25)).padStart(2, '0')}`, precision: 'day' }),
      }));
    const time = (n: number) => {
      const reports = make(n);
      const t0 = performance.now();
      const { events } = mergeEvents(reports, actor, idOf, spanText);
      expect(events.length).toBe(500);
      return performance.now() - t0;
    };
    time(2_000);
    const small = Math.min(time(5_000), time(5_000));
    const large = Math.min(time(50_000), time(50_000));
    // Ten times the reports: well under the hundredfold a quadratic merge would take.
    expect(large / small).toBeLessThan(25);
  });
});

/** The merge's own order inside a bucket: most specific actors first, then the most precise date, then article and offset. */
function inMergeOrder(reports: Report[]): Report[] {
  const spec: Record<string, number> = { person: 3, organization: 2, country: 1 };
  const score = (r: Report) => (spec[actor(r.draft.sourceKey).type] ?? 0) + (r.draft.targetKey ? (spec[actor(r.draft.targetKey).type] ?? 0) : 0);
  return [...reports].sort((a, b) => score(b) - score(a) || (b.draft.date?.length ?? 0) - (a.draft.date?.length ?? 0) || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.draft.start - b.draft.start));
}
