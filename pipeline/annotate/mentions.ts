/**
 * Actor mentions of one article, with offsets, resolved to article entities. Pure.
 *
 * Passes, in order (a later pass never overrides an earlier span):
 *  1. gazetteer surfaces (people, organisations, countries; capitals only where they act, not after
 *     "in", "to", "visited" …);
 *  2. discovered people: a title before a capitalised name ("Vice Foreign Minister Igor Morgulov"), an
 *     apposition after it ("Leif-Eric Easley, a professor at …"), the agent of a speech verb ("X said");
 *  3. discovered organisations: capitalised phrases ending in an organisation head ("Ewha University",
 *     "Unification Ministry", "Ministry of Foreign Affairs of Russia"), and ministries written in lower case
 *     with their country ("Russia's foreign ministry"); a ministry's country comes from its modifier, an
 *     "in <capital>" next to it, or an earlier ministry of the same kind in the article;
 *  4. references: bare surnames (the most recent person with that name, or the one whose title matches),
 *     "the <demonym> <role>" descriptions, "the ministry", "a ministry official", "the North/South".
 */
import { alt, altCi, once } from '../regex.ts';
import type { GazetteerEntry, Lexicon } from './lexicon.ts';
import { LEXICON, personKey, slug } from './lexicon.ts';
import type { Sentence } from './sentences.ts';

export type MentionKind = 'name' | 'surname' | 'description' | 'metonym';

/** One stretch of text that refers to an actor. */
export interface Mention {
  key: string;
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
}

/** An actor as one article knows it. */
export interface ArticleEntity {
  key: string;
  name: string;
  type: GazetteerEntry['type'];
  country: string | null;
  cameo: string | null;
  /** Lower-case role words seen with the actor ("deputy spokesperson", "foreign minister"). */
  roles: Set<string>;
  /** `media`, `ministry`, … for organisations. */
  kind?: string;
}

export interface ArticleMentions {
  mentions: Mention[];
  entities: Map<string, ArticleEntity>;
}

const NAME_TOKEN = "\\p{Lu}[\\p{Ll}’'\\-]*\\p{Ll}(?:-\\p{L}+)*";
const NAME_SEQ = `${NAME_TOKEN}(?:\\s${NAME_TOKEN}){1,3}`;
const MONTHS_DAYS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|These|Those|In|On|At|For|But|And|After|Before|During|While|When|Meanwhile|According|Both|Such|Some|Its|His|Her|Their|Our|Last|Next)$/;

/** Finds and resolves the actor mentions of `text`. */
export function findMentions(text: string, sentences: Sentence[], lex: Lexicon = LEXICON): ArticleMentions {
  const L = lex.lang;
  const entities = new Map<string, ArticleEntity>();
  const spans: Mention[] = [];
  const taken: boolean[] = [];
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return true;
  };
  const claim = (m: Mention) => {
    for (let i = m.start; i < m.end; i++) taken[i] = true;
    spans.push(m);
  };
  /** Claims `m` over country and capital spans inside it ("Central Bank of Kenya", "Japan's Defense Ministry"). */
  const claimOver = (m: Mention): boolean => {
    const inside = spans.filter((x) => x.start < m.end && x.end > m.start);
    if (inside.some((x) => x.start < m.start || x.end > m.end || entities.get(x.key)?.type !== 'country')) return false;
    for (const x of inside) {
      spans.splice(spans.indexOf(x), 1);
      for (let i = x.start; i < x.end; i++) taken[i] = false;
    }
    claim(m);
    return true;
  };
  const entity = (e: Omit<ArticleEntity, 'roles'> & { roles?: Iterable<string> }): ArticleEntity => {
    let x = entities.get(e.key);
    if (!x) entities.set(e.key, (x = { ...e, roles: new Set(e.roles ?? []) }));
    else for (const r of e.roles ?? []) x.roles.add(r);
    return x;
  };
  const fromEntry = (g: GazetteerEntry, roles: string[] = []) => entity({ key: g.key, name: g.name, type: g.type, country: g.country, cameo: g.cameo, roles: [...g.roles, ...roles], ...(g.kind ? { kind: g.kind } : {}) });
  const wordBefore = (i: number) => /([\p{L}’'-]+)[\s,]*$/u.exec(text.slice(Math.max(0, i - 30), i))?.[1]?.toLowerCase() ?? '';
  const demonymIso = (d: string | undefined) => (d ? (lex.demonyms.get(d.toLowerCase().replace(/['’]s$/, '')) ?? lex.surfaces.get(d.replace(/['’]s$/, ''))?.entry.country ?? null) : null);

  // 2a, 2b, 2c first collect people, since a title+name span ("Foreign Minister Sergei Lavrov") must win over
  // the gazetteer's shorter match inside it only for role and country, not for identity.
  const titleRe = once(lex, 'mentions.ts:titleRe', () => new RegExp(`(?:(?<demonym>(?:${alt([...lex.demonyms.keys()].filter((d) => d.length > 3).map(cap))})(?:['’]s)?)\\s+)?(?<title>(?:(?:[Dd]eputy|[Vv]ice|[Ff]irst|[Ff]ormer|[Aa]cting|[Cc]hief|[Ss]enior|[Tt]op)\\s+)*(?:${altCi(L.person_titles)}))\\s+(?<name>${NAME_SEQ}|${NAME_TOKEN})`, 'gu'));
  const appositionRe = once(lex, 'mentions.ts:appositionRe', () => new RegExp(`(?<name>${NAME_SEQ}),\\s+(?:a|an|the|[\\p{Lu}][\\p{L}’'.]*['’]s|(?:the\\s+)?[\\p{L}’'.]+['’]s)\\s+(?<desc>[^,.;“”"]{0,80}?\\b(?<role>${alt(L.role_nouns)})\\b)`, 'gu'));
  const cue = alt(L.speech_cues);
  const agentRe = once(lex, 'mentions.ts:agentRe', () => new RegExp(`(?<name>${NAME_SEQ})\\s+(?:also\\s+|later\\s+|then\\s+|reportedly\\s+)?(?:${cue})\\b|\\b(?:${cue})\\s+(?<name2>${NAME_SEQ})`, 'gu'));

  const addPerson = (name: string, start: number, roles: string[], country: string | null) => {
    if (name.split(/\s+/).some((t) => MONTHS_DAYS.test(t) || lex.demonyms.has(t.toLowerCase()) || L.org_heads.includes(t) || L.not_actor_heads.includes(t))) return;
    const known = lex.surfaces.get(name);
    if (known && known.entry.type !== 'person') return;
    if (!free(start, start + name.length)) {
      // Already a gazetteer span: keep it, but learn the role and country.
      const m = spans.find((s) => s.start <= start && s.end >= start + name.length);
      if (m) for (const r of roles) entities.get(m.key)?.roles.add(r);
      return;
    }
    const e = known ? fromEntry(known.entry, roles) : entity({ key: `person:${personKey(name)}`, name, type: 'person', country, cameo: null, roles });
    if (!e.country && country) e.country = country;
    claim({ key: e.key, start, end: start + name.length, text: name, kind: 'name' });
  };

  const ministryCountries = new Map<string, string>();
  // 0. Ministries in lower case (before the gazetteer takes their country word): "Russia's foreign ministry", "the foreign ministry", "Moscow's foreign ministry".
  const types = Object.keys(L.ministry_types).sort((a, b) => b.length - a.length);
  const lowerMinistry = once(lex, 'mentions.ts:lowerMinistry', () => new RegExp(`(?:(?<mod>${NAME_TOKEN}(?:\\s${NAME_TOKEN})?(?:['’]s)?|the)\\s+)(?<type>${alt(types)})\\s+ministry\\b`, 'gu'));
  for (const m of text.matchAll(lowerMinistry)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const type = (L.ministry_types as Record<string, string>)[m.groups!['type']!.toLowerCase().replace(/\s+/g, ' ')]!;
    const mod = m.groups!['mod'];
    const iso = (mod && mod !== 'the' ? demonymIso(mod) : null) ?? contextCountry(text, end, sentences, lex, start) ?? ministryCountries.get(type) ?? null;
    const e = ministry(iso, type);
    if (iso) ministryCountries.set(type, iso);
    claim({ key: e.key, start, end, text: m[0], kind: mod && mod !== 'the' ? 'name' : 'description' });
  }

  // 1. Gazetteer.
  for (const m of text.matchAll(lex.surfaceRe)) {
    const s = lex.surfaces.get(m[0])!;
    const start = m.index;
    const end = start + m[0].length;
    if (s.via === 'capital') {
      const before = wordBefore(start);
      const after = text.slice(end, end + 12);
      if (L.locative_words.includes(before) && !/^['’]s\b/.test(after)) continue;
      if (s.entry.type === 'country' && /^\s+(?:University|Times|Post|Herald|Daily)/.test(after)) continue;
    }
    if (/^\s*(?:['’]s\s+)?(?:Peninsula|Sea|Strait|War|Forum)\b/.test(text.slice(end, end + 16))) continue;
    fromEntry(s.entry);
    claim({ key: s.entry.key, start, end, text: m[0], kind: s.via === 'capital' ? 'metonym' : 'name' });
  }

  // 2. People.
  for (const m of text.matchAll(titleRe)) {
    const name = m.groups!['name']!;
    const title = m.groups!['title']!.toLowerCase().replace(/\s+/g, ' ');
    const start = m.index + m[0].length - name.length;
    const country = demonymIso(m.groups!['demonym']);
    if (!name.includes(' ')) {
      const known = lex.surfaces.get(name);
      if (known?.entry.type === 'person') for (const r of [title]) fromEntry(known.entry).roles.add(r);
      continue; // a bare surname after a title is a reference (pass 4)
    }
    addPerson(name, start, [title, title.split(' ').slice(-1)[0]!], country);
  }
  for (const m of text.matchAll(appositionRe)) addPerson(m.groups!['name']!, m.index, [m.groups!['desc']!.toLowerCase().replace(/\s+/g, ' '), m.groups!['role']!.toLowerCase()], null);
  for (const m of text.matchAll(agentRe)) {
    const name = m.groups!['name'] ?? m.groups!['name2']!;
    const start = m.groups!['name'] ? m.index : m.index + m[0].length - name.length;
    addPerson(name, start, [], null);
  }

  // 3. Organisations.
  const heads = alt([...L.org_heads, 'Agency', 'Sinmun', 'Times', 'Herald', 'Journal', 'Broadcasting', 'Television']);
  const orgRe = once(lex, 'mentions.ts:orgRe', () => new RegExp(`(?:(?<mod>(?:${NAME_TOKEN}|[\\p{Lu}]{2,}|U\\.S\\.)(?:['’]s)?)\\s+)?(?<body>(?:(?:${NAME_TOKEN}|[\\p{Lu}]{2,}|of|and|for|&)\\s+){0,4}?(?:${heads}))\\b(?:\\s+of\\s+(?:the\\s+)?(?<of>${NAME_TOKEN}(?:\\s+(?:and\\s+)?${NAME_TOKEN}){0,4}))?`, 'gu'));
  for (const m of text.matchAll(orgRe)) {
    let start = m.index;
    let mod = m.groups!['mod'];
    let body = m.groups!['body']!;
    const of = m.groups!['of'];
    if (mod && (MONTHS_DAYS.test(mod) || /^(?:The|A|An)$/.test(mod))) {
      start += mod.length + 1;
      mod = undefined;
    }
    // A modifier that names no country is part of the name ("Unification Ministry", "Ewha University").
    if (mod && !demonymIso(mod)) {
      body = `${mod} ${body}`;
      mod = undefined;
    }
    if (body.split(/\s+/).length === 1 && !mod && !of) continue; // a bare head is a description
    const bodyTokens = body.split(/\s+/);
    if (bodyTokens.some((t) => L.not_actor_heads.includes(t))) continue;
    const end = m.index + m[0].length;
    if (!free(start, end) && spans.some((x) => x.start < end && x.end > start && (x.start < start || x.end > end || entities.get(x.key)?.type !== 'country'))) continue;
    if (/Ministry$/.test(body) || /^Ministry/.test(body)) {
      const typeWords = (of ?? body.replace(/\s*Ministry$/, '')).replace(/^(?:the\s+)/i, '').toLowerCase();
      const ofCountry = of && demonymIso(of.split(/\s+of\s+/).pop());
      const type = (L.ministry_types as Record<string, string>)[typeWords.replace(/\s+of\s+.*$/, '')] ?? cap(typeWords);
      const iso = demonymIso(mod) ?? ofCountry ?? contextCountry(text, end, sentences, lex) ?? ministryCountries.get(type) ?? null;
      const e = ministry(iso, type);
      if (iso) ministryCountries.set(type, iso);
      claimOver({ key: e.key, start, end, text: text.slice(start, end), kind: 'name' });
      continue;
    }
    if (mod && !/['’]s$/.test(mod) && body.split(/\s+/).length === 1) body = `${mod} ${body}`;
    else if (mod) start = m.index + m[0].indexOf(body);
    const name = of ? `${body} of ${of}` : body;
    const known = lex.surfaces.get(name);
    const e = known ? fromEntry(known.entry) : entity({ key: `org:${slug(name)}`, name, type: 'organization', country: demonymIso(mod), cameo: null, roles: [], ...(/(?:Agency|Sinmun|Times|Herald|Journal|Broadcasting|Television)$/.test(body) ? { kind: 'media' } : {}) });
    claimOver({ key: e.key, start, end, text: text.slice(start, end), kind: 'name' });
  }
  function ministry(iso: string | null, type: string): ArticleEntity {
    const country = iso ? lex.countryByIso.get(iso) : undefined;
    const adjective = country ? cap(demonymFor(iso!, lex) ?? country.name) : '';
    const name = `${adjective ? `${adjective} ` : ''}${type} Ministry`;
    return entity({ key: `org:ministry:${iso ?? 'unknown'}:${slug(type)}`, name, type: 'organization', country: iso, cameo: iso ? `${iso}GOV` : null, roles: [], kind: 'ministry' });
  }

  // 4. References, resolved left to right against what came before.
  resolveReferences(text, spans, claim, claimOver, free, entities, lex);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions: spans, entities };
}

function cap(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

function demonymFor(iso: string, lex: Lexicon): string | undefined {
  for (const [d, i] of lex.demonyms) if (i === iso && /^[a-z][a-z ]+[a-z]$/.test(d) && d !== lex.countryByIso.get(iso)?.name.toLowerCase()) return d;
  return undefined;
}

/** The country a ministry belongs to from what stands next to it: "… in Seoul", "In Moscow, the …". */
function contextCountry(text: string, end: number, sentences: Sentence[], lex: Lexicon, start = end): string | null {
  const after = /^\s+in\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/u.exec(text.slice(end, end + 40))?.[1];
  const s = sentences.find((x) => x.start <= start && start < x.end);
  const lead = s ? /^(?:Meanwhile,\s+)?[Ii]n\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?),/u.exec(text.slice(s.start, start))?.[1] : undefined;
  for (const place of [after, lead]) {
    const e = place ? lex.surfaces.get(place)?.entry : undefined;
    if (e?.country) return e.country;
  }
  return null;
}

function resolveReferences(
  text: string,
  spans: Mention[],
  claim: (m: Mention) => void,
  claimOver: (m: Mention) => boolean,
  free: (s: number, e: number) => boolean,
  entities: Map<string, ArticleEntity>,
  lex: Lexicon,
): void {
  const L = lex.lang;
  const before = (pos: number) => spans.filter((m) => m.end <= pos).sort((a, b) => b.end - a.end);
  const people = () => [...entities.values()].filter((e) => e.type === 'person' && e.name.includes(' '));
  const tokensOf = (e: ArticleEntity) => e.name.split(/\s+/).filter((t) => !t.includes('-') || e.name.split(/\s+/).length === 2);

  // Bare surnames and "<Surname> regime".
  const tokenRe = /(?<![\p{L}\p{N}’'-])\p{Lu}[\p{Ll}’'-]*\p{Ll}(?![\p{L}\p{N}-])/gu;
  for (const m of text.matchAll(tokenRe)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const tok = m[0];
    let candidates = people().filter((e) => {
      const ts = tokensOf(e);
      return ts[0] === tok || ts[ts.length - 1] === tok;
    });
    if (!candidates.length) {
      const g = lex.surnames.get(tok);
      if (!g) continue;
      candidates = [entities.get(g.key) ?? { key: g.key, name: g.name, type: g.type, country: g.country, cameo: g.cameo, roles: new Set(g.roles) }];
      if (!entities.has(g.key)) entities.set(g.key, candidates[0]!);
    }
    const group = /^\s+(regime|government|administration|leadership)\b/.exec(text.slice(end, end + 20))?.[1];
    const titleBefore = /((?:[\p{Ll}-]+\s){0,2}[\p{Ll}-]+)\s+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase() ?? '';
    const recent = before(start);
    const recency = (e: ArticleEntity) => {
      const i = recent.findIndex((r) => r.key === e.key);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    let chosen: ArticleEntity | undefined;
    if (group) chosen = candidates.find((e) => ['leader', 'president', 'chairman', 'supreme leader'].some((r) => e.roles.has(r)));
    chosen ??= candidates.find((e) => titleBefore && [...e.roles].some((r) => titleBefore.endsWith(r) || r.endsWith(titleBefore.split(' ').pop()!)) && titleBefore.split(' ').pop() !== 'the');
    chosen ??= [...candidates].sort((a, b) => recency(a) - recency(b))[0];
    if (!chosen) continue;
    if (group && chosen.country) {
      const c = lex.countryByIso.get(chosen.country)!;
      entities.set(c.key, entities.get(c.key) ?? { key: c.key, name: c.name, type: 'country', country: c.country, cameo: c.cameo, roles: new Set() });
      claim({ key: c.key, start, end: end + 1 + group.length, text: text.slice(start, end + 1 + group.length), kind: 'metonym' });
      continue;
    }
    claim({ key: chosen.key, start, end, text: tok, kind: 'surname' });
  }

  // "Russia’s foreign minister", "China’s top diplomat": the person of that country in that role.
  const possessiveRole = once(lex, 'mentions.ts:possessiveRole', () => new RegExp(`(?<![\\p{L}])(?<country>\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?)['’]s\\s+(?<role>${alt(Object.keys(L.description_nouns))})\\b(?!\\s+(?:of\\s+)?\\p{Lu})`, 'gu'));
  for (const m of text.matchAll(possessiveRole)) {
    const iso = lex.surfaces.get(m.groups!['country']!)?.entry.country ?? lex.demonyms.get(m.groups!['country']!.toLowerCase()) ?? null;
    if (!iso) continue;
    const roles = (L.description_nouns as Record<string, string[]>)[m.groups!['role']!.toLowerCase()] ?? [];
    const matches = (e: ArticleEntity) => e.type === 'person' && e.country === iso && roles.some((r) => e.roles.has(r));
    const target = before(m.index).map((r) => entities.get(r.key)!).find(matches) ?? [...entities.values()].find(matches);
    if (target) claimOver({ key: target.key, start: m.index, end: m.index + m[0].length, text: m[0], kind: 'description' });
  }

  // "the North" / "the South" where the article names North X / South X.
  for (const m of text.matchAll(/\b[Tt]he (North|South)\b(?!\s+\p{Lu})/gu)) {
    const side = m[1]!;
    const country = [...entities.values()].find((e) => e.type === 'country' && e.name.startsWith(`${side} `));
    if (country && free(m.index, m.index + m[0].length)) claim({ key: country.key, start: m.index, end: m.index + m[0].length, text: m[0], kind: 'description' });
  }

  // "the Russian envoy", "the North Korean leader", "the ministry", "a ministry official", "the commentary".
  const demonyms = once(lex, 'mentions.ts:demonyms', () => [...lex.demonyms.keys()].filter((d) => d.length > 3).map((d) => d.replace(/(^|\s)\p{Ll}/gu, (x) => x.toUpperCase())));
  const descRe = once(lex, 'mentions.ts:descRe', () => new RegExp(`\\b(?:[Tt]he|[Aa]n?)\\s+(?:(?<demonym>${alt(demonyms)})\\s+)?(?:(?:state-run|official|top|senior|deputy)\\s+)?(?<noun>${alt([...Object.keys(L.description_nouns), ...L.org_descriptions])}|(?<source>${alt(L.source_nouns)})(?=\\s+(?:${alt(L.speech_cues)})\\b))(?:\\s+(?<official>official|source|spokesperson|spokesman|spokeswoman))?\\b(?!\\s+(?:of\\s+)?\\p{Lu})`, 'gu'));
  for (const m of text.matchAll(descRe)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const noun = m.groups!['noun']!.toLowerCase();
    const iso = m.groups!['demonym'] ? lex.demonyms.get(m.groups!['demonym'].toLowerCase()) ?? null : null;
    const recent = before(start).map((r) => entities.get(r.key)!).filter((e) => !iso || e.country === iso);
    let target: ArticleEntity | undefined;
    const roles = (L.description_nouns as Record<string, string[]>)[noun];
    if (roles && !m.groups!['official']) {
      // A lead often describes a person before naming them ("the Russian foreign minister" … "Sergei Lavrov").
      const matches = (e: ArticleEntity) => e.type === 'person' && (!iso || e.country === iso) && roles.some((r) => e.roles.has(r));
      target = recent.find(matches) ?? [...entities.values()].find(matches);
    }
    else if (m.groups!['source']) target = recent.find((e) => e.type === 'organization' && e.kind === 'media');
    else target = recent.find((e) => e.type === 'organization' && (e.name.toLowerCase().includes(noun.split(' ').pop()!) || (noun.includes('media') && e.kind === 'media')));
    if (target) claim({ key: target.key, start, end, text: m[0], kind: 'description' });
  }
}
