/**
 * Scores release tables against the dev gold (ANNOTATION.md rules): clean fields, actors, quotes, events and
 * stories. Matching is by normalised text: quotes by their words (marks and final punctuation ignored),
 * actors and speakers by canonical name or any alias. Pure.
 */
import type { Actor, Article, Event, Quote } from '../types.generated.ts';
import type { Gold, GoldActor } from './gold.ts';

export interface Release {
  articles: Article[];
  actors: Actor[];
  quotes: Quote[];
  events: Event[];
}

/** "Kim Jong-un" → "kimjongun": case, spaces, hyphens, dots, quote marks and a final 's folded. */
export const nameKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”„"]/g, '').replace(/[\s\-–—.]+/g, '').replace(/'s$/, '');
/** Quote text for matching: quotes straightened, outer marks and final punctuation dropped, case folded. */
export const textKey = (s: string) => s.normalize('NFKC').replace(/[’‘]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, ' ').trim().replace(/^["']+|["']+$/g, '').replace(/[,.;:!?]+$/g, '').trim().toLowerCase();
const prefixOf = (file: string) => file.split(/[_.]/)[0]!;
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const round = (x: number) => Math.round(x * 1000) / 1000;

export function score(gold: Gold, rel: Release) {
  const byPrefix = new Map(rel.articles.map((a) => [prefixOf(a.source_file), a]));
  const prefixOfId = new Map(rel.articles.map((a) => [a.article_id, prefixOf(a.source_file)]));
  const actorById = new Map(rel.actors.map((a) => [a.actor_id, a]));
  const formsOf = (a: Actor) => [a.name, ...a.aliases].map(nameKey);
  const goldForms = (name: string) => {
    const g = gold.actors.find((x) => x.name === name);
    return [name, ...(g?.aliases ?? [])].map(nameKey);
  };
  const findActor = (g: GoldActor) => rel.actors.find((a) => goldForms(g.name).includes(nameKey(a.name))) ?? rel.actors.find((a) => formsOf(a).includes(nameKey(g.name)));
  const isSpeaker = (id: string | null, names: string[]) => {
    const a = id ? actorById.get(id) : undefined;
    return !!a && names.some((n) => goldForms(n).some((f) => formsOf(a).includes(f)));
  };

  // Clean
  const articles = gold.articles.map((g) => {
    const a = byPrefix.get(prefixOf(g.file));
    const text = a?.text ?? '';
    return {
      file: g.file,
      title: textKey(a?.title ?? '') === textKey(g.title ?? ''),
      authors: (a?.authors ?? []).map(nameKey).sort().join('|') === g.authors.map(nameKey).sort().join('|'),
      starts: textKey(text).startsWith(textKey(g.body_starts)),
      ends: textKey(text).endsWith(textKey(g.body_ends)),
      chrome_left: g.must_not_contain.filter((s) => `${text}\n${a?.title ?? ''}`.includes(s)),
    };
  });

  // Actors
  const required = gold.actors.filter((g) => g.required);
  const missed = required.filter((g) => !findActor(g)).map((g) => g.name);
  const known = new Set(gold.actors.flatMap((g) => [g.name, ...g.aliases]).map(nameKey));
  const inGoldFiles = (a: Actor) => a.article_ids.some((id) => gold.files.map(prefixOf).includes(prefixOfId.get(id) ?? ''));
  const predicted = rel.actors.filter(inGoldFiles);
  const unknown = predicted.filter((a) => !formsOf(a).some((f) => known.has(f)));
  const sameActor = (x: string, y: string) => rel.actors.some((a) => formsOf(a).includes(nameKey(x)) && formsOf(a).includes(nameKey(y)));
  const mustNotMerge = gold.must_not_merge.filter(([x, y]) => rel.actors.some((a) => goldForms(x).filter((f, i) => i === 0 || f.length > 6).some((f) => formsOf(a).includes(f)) && goldForms(y).filter((f, i) => i === 0 || f.length > 6).some((f) => formsOf(a).includes(f))));

  // Quotes
  const direct = rel.quotes.filter((q) => q.quote_type === 'direct' && gold.files.map(prefixOf).includes(prefixOfId.get(q.article_id) ?? ''));
  const used = new Set<Quote>();
  let matched = 0;
  let speakerOk = 0;
  const wrongSpeaker: string[] = [];
  const missedQuotes: string[] = [];
  for (const g of gold.direct_quotes) {
    const q = direct.find((q) => !used.has(q) && prefixOfId.get(q.article_id) === g.file && textKey(q.text) === textKey(g.text ?? ''));
    if (!q) {
      missedQuotes.push(`${g.file}: ${g.text}`);
      continue;
    }
    used.add(q);
    matched++;
    if (isSpeaker(q.speaker_actor_id, g.speakers)) speakerOk++;
    else wrongSpeaker.push(`${g.file}: "${g.text?.slice(0, 40)}…" got ${actorById.get(q.speaker_actor_id ?? '')?.name ?? 'none'}, want ${g.speakers.join(' | ')}`);
  }
  const indirect = rel.quotes.filter((q) => q.quote_type === 'indirect');
  const indirectFound = gold.indirect_quotes.map((g) => indirect.find((q) => prefixOfId.get(q.article_id) === g.file && textKey(q.text).includes(textKey(g.starts ?? '').slice(0, 30))));
  const dp = direct.length ? matched / direct.length : 0;
  const dr = gold.direct_quotes.length ? matched / gold.direct_quotes.length : 0;

  // Events
  const sideHas = (id: string | null, names: string[]) => isSpeaker(id, names);
  const eventHits = gold.events.map((g) => {
    const pair = (e: Event) => (sideHas(e.source_actor_id, g.sides[0]) && sideHas(e.target_actor_id, g.sides[1])) || (sideHas(e.source_actor_id, g.sides[1]) && sideHas(e.target_actor_id, g.sides[0]));
    const typeOk = (e: Event) => g.types.includes(e.event_type) || g.cameo_prefix.some((c) => e.cameo_code.startsWith(c));
    const dateOk = (e: Event) => (g.date ? (e.event_date ?? '').startsWith(g.date) : g.date_prefix ? (e.event_date ?? '').startsWith(g.date_prefix) : true);
    const files = (e: Event) => e.article_ids.map((id) => prefixOfId.get(id) ?? '');
    const hits = rel.events.filter((e) => pair(e) && typeOk(e) && dateOk(e) && files(e).some((p) => g.files.includes(p)));
    const merged = Math.max(0, ...hits.map((e) => files(e).filter((p) => g.files.includes(p)).length)) >= g.min_files;
    return { id: g.id, key: g.key, found: hits.length > 0, merged };
  });
  const keys = eventHits.filter((e) => e.key);

  // Stories
  const stories = Object.entries(gold.stories).map(([name, files]) => ({ name, together: new Set(files.map((p) => byPrefix.get(p)?.story_id)).size === 1 }));

  return {
    articles: { checked: articles.length, title_ok: articles.filter((a) => a.title).length, authors_ok: articles.filter((a) => a.authors).length, start_ok: articles.filter((a) => a.starts).length, end_ok: articles.filter((a) => a.ends).length, chrome_left: articles.flatMap((a) => a.chrome_left.map((s) => `${a.file}: ${s}`)) },
    actors: { gold_required: required.length, predicted: predicted.length, recall: round((required.length - missed.length) / (required.length || 1)), precision: round(predicted.length ? 1 - unknown.length / predicted.length : 0), missed, unknown: unknown.map((a) => `${a.name} (${a.actor_type})`), must_merge_ok: `${gold.must_merge.filter(([x, y]) => sameActor(x, y)).length}/${gold.must_merge.length}`, must_not_merge_violations: mustNotMerge.map(([x, y]) => `${x} + ${y}`) },
    quotes: { direct_gold: gold.direct_quotes.length, direct_predicted: direct.length, direct_precision: round(dp), direct_recall: round(dr), direct_f1: round(f1(dp, dr)), speaker_accuracy: round(matched ? speakerOk / matched : 0), missed: missedQuotes, extra: direct.filter((q) => !used.has(q)).map((q) => `${prefixOfId.get(q.article_id)}: ${q.text.slice(0, 60)}`), wrong_speaker: wrongSpeaker, indirect_gold: gold.indirect_quotes.length, indirect_recall: round(indirectFound.filter(Boolean).length / (gold.indirect_quotes.length || 1)), indirect_speaker_accuracy: round(indirectFound.filter((q, i) => q && isSpeaker(q.speaker_actor_id, gold.indirect_quotes[i]!.speakers)).length / (indirectFound.filter(Boolean).length || 1)), indirect_missed: gold.indirect_quotes.filter((_, i) => !indirectFound[i]).map((g) => `${g.file}: ${g.starts}`) },
    events: { gold: eventHits.length, recall: round(eventHits.filter((e) => e.found).length / (eventHits.length || 1)), key_gold: keys.length, key_recall: round(keys.filter((e) => e.found).length / (keys.length || 1)), merged_ok: `${eventHits.filter((e) => e.merged && gold.events.find((g) => g.id === e.id)!.min_files > 1).length}/${gold.events.filter((g) => g.min_files > 1).length}`, missed: eventHits.filter((e) => !e.found).map((e) => e.id) },
    stories,
  };
}

/** The annotation-quality table of DATASHEET.md, from a score (see `npm run eval -- --datasheet`). */
export function qualityTable(s: ReturnType<typeof score>, gold: Gold): string {
  const q = s.quotes;
  return [
    `Measured with \`npm run eval\` on the dev gold (\`tests/fixtures/gold/dev.json\`: ${gold.files.length} articles, ${gold.actors.filter((a) => a.required).length} required actors, ${gold.direct_quotes.length} direct and ${gold.indirect_quotes.length} indirect quotes, ${gold.events.length} events of which ${gold.events.filter((e) => e.key).length} key). The gold is small and the rules were developed while looking at these two articles, so these figures are an upper bound; the fixture suites in \`tests/fixtures/{quotes,events}\` test each pattern on texts written for them.`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| clean: title, body start, body end right | ${s.articles.title_ok}/${s.articles.checked}, ${s.articles.start_ok}/${s.articles.checked}, ${s.articles.end_ok}/${s.articles.checked} |`,
    `| clean: chrome left in body | ${s.articles.chrome_left.length} |`,
    `| actors: recall / precision | ${s.actors.recall} / ${s.actors.precision} |`,
    `| actors: must-merge merged, must-not-merge violated | ${s.actors.must_merge_ok}, ${s.actors.must_not_merge_violations.length} |`,
    `| direct quotes: precision / recall / F1 | ${q.direct_precision} / ${q.direct_recall} / ${q.direct_f1} |`,
    `| direct quotes: speaker accuracy | ${q.speaker_accuracy} |`,
    `| indirect quotes: recall / speaker accuracy | ${q.indirect_recall} / ${q.indirect_speaker_accuracy} |`,
    `| events: recall (type, both actors, date) / key-event recall | ${s.events.recall} / ${s.events.key_recall} |`,
    `| events: multi-source events merged into one row | ${s.events.merged_ok} |`,
  ].join('\n');
}
