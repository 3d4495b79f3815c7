/**
 * Actor mentions of one article, with offsets, resolved to article entities. Pure.
 *
 * Passes, in order (a later pass never overrides an earlier span):
 *  1. gazetteer surfaces (people, organisations, countries; capitals only where they act, not after
 *     "in", "to", "visited" …);
 *  2. names found from the text (names.ts): people and organisations typed from the evidence around
 *     capitalised runs (titles, given names, organisation heads, appositions, speech verbs, affiliations);
 *     ministries, also those written in lower case with their country ("Russia's foreign ministry"), are keyed
 *     by country and kind: a ministry's country comes from its modifier, an "in <capital>" next to it, or an
 *     earlier ministry of the same kind in the article;
 *  3. references: bare surnames (the person last named in full with that name, or the one whose title
 *     matches), "the <demonym> <role>" descriptions, "the ministry", "a ministry official", "the North/South";
 *  4. groups named by role and country (groups.ts): "Israeli soldiers", "riot police".
 */
import { alt, once } from '../regex.ts';
import { findGroups } from './groups.ts';
import type { GazetteerEntry, Lexicon } from './lexicon.ts';
import { LEXICON, personKey, slug } from './lexicon.ts';
import { findNames } from './names.ts';
import type { FoundName } from './names.ts';
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
  /** `m` or `f` where a given name tells, for pronoun resolution. */
  gender?: 'm' | 'f';
}

export interface ArticleMentions {
  mentions: Mention[];
  entities: Map<string, ArticleEntity>;
}

const NAME_TOKEN = "\\p{Lu}[\\p{Ll}’'\\-]*\\p{Ll}(?:-\\p{L}+)*";

/** Finds and resolves the actor mentions of `text`. */
export function findMentions(text: string, sentences: Sentence[], lex: Lexicon = LEXICON): ArticleMentions {
  const c = claims();
  // A ministry's country learnt from one ministry of a kind serves the later ones of that kind.
  const ministryCountries = new Map<string, string>();
  claimLowerMinistries(text, sentences, c, ministryCountries, lex);
  claimGazetteer(text, c, lex);
  claimFoundNames(text, sentences, c, ministryCountries, lex);
  // 3. References, resolved left to right against what came before.
  claimSurnames(text, c, lex);
  claimPossessiveRoles(text, c, lex);
  claimNorthSouth(text, c);
  claimDescriptions(text, c, lex);
  claimGroups(text, c, lex);
  c.spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions: c.spans, entities: c.entities };
}

/** The spans claimed so far and the entities they name, one per article; the passes add to it in order. */
interface Claims {
  spans: Mention[];
  entities: Map<string, ArticleEntity>;
  free(s: number, e: number): boolean;
  claim(m: Mention): void;
  /**
   * Claims `m` over country and capital spans inside it ("Central Bank of Kenya", "Japan's Defense Ministry"),
   * and with `orgs` over organisations inside a longer organisation's name ("the Council of the EU").
   */
  claimOver(m: Mention, orgs?: boolean): boolean;
  entity(e: Omit<ArticleEntity, 'roles'> & { roles?: Iterable<string> }): ArticleEntity;
  fromEntry(g: GazetteerEntry, roles?: string[]): ArticleEntity;
}

function claims(): Claims {
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
  const claimOver = (m: Mention, orgs = false): boolean => {
    const inside = spans.filter((x) => x.start < m.end && x.end > m.start);
    const under = (x: Mention) => entities.get(x.key)?.type === 'country' || (orgs && entities.get(x.key)?.type === 'organization' && x.end - x.start < m.end - m.start);
    if (inside.some((x) => x.start < m.start || x.end > m.end || !under(x))) return false;
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
  return { spans, entities, free, claim, claimOver, entity, fromEntry };
}

const demonymIso = (d: string | undefined, lex: Lexicon) => (d ? (lex.demonyms.get(d.toLowerCase().replace(/['’]s$/, '')) ?? lex.surfaces.get(d.replace(/['’]s$/, ''))?.entry.country ?? null) : null);

/** 0. Ministries in lower case (before the gazetteer takes their country word): "Russia's foreign ministry", "the foreign ministry", "Moscow's foreign ministry". */
function claimLowerMinistries(text: string, sentences: Sentence[], c: Claims, ministryCountries: Map<string, string>, lex: Lexicon): void {
  const L = lex.lang;
  const types = Object.keys(L.ministry_types).sort((a, b) => b.length - a.length);
  const lowerMinistry = once(lex, 'mentions.ts:lowerMinistry', () => new RegExp(`(?:(?<mod>${NAME_TOKEN}(?:\\s${NAME_TOKEN})?(?:['’]s)?|the)\\s+)(?<type>${alt(types)})\\s+ministry\\b`, 'gu'));
  for (const m of text.matchAll(lowerMinistry)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!c.free(start, end)) continue;
    const type = (L.ministry_types as Record<string, string>)[m.groups!['type']!.toLowerCase().replace(/\s+/g, ' ')]!;
    const mod = m.groups!['mod'];
    const iso = (mod && mod !== 'the' ? demonymIso(mod, lex) : null) ?? contextCountry(text, end, sentences, lex, start) ?? ministryCountries.get(type) ?? null;
    const e = ministry(c, iso, type, lex);
    if (iso) ministryCountries.set(type, iso);
    c.claim({ key: e.key, start, end, text: m[0], kind: mod && mod !== 'the' ? 'name' : 'description' });
  }
}

/** 1. Gazetteer. */
function claimGazetteer(text: string, c: Claims, lex: Lexicon): void {
  const wordBefore = (i: number) => /([\p{L}’'-]+)[\s,]*$/u.exec(text.slice(Math.max(0, i - 30), i))?.[1]?.toLowerCase() ?? '';
  for (const m of lex.surfaceMatch.all(text)) {
    const s = lex.surfaces.get(m.text)!;
    const start = m.index;
    const end = start + m.text.length;
    // Inside a ministry pass 0 took ("Russia’s foreign ministry"): its country word is no mention of its own,
    // as in the capitalised "Japan's Defense Ministry" (claimOver), and mentions never overlap.
    if (!c.free(start, end)) continue;
    if (s.via === 'capital') {
      const before = wordBefore(start);
      const after = text.slice(end, end + 12);
      if (lex.lang.locative_words.includes(before) && !/^['’]s\b/.test(after)) continue;
      if (s.entry.type === 'country' && /^\s+(?:University|Times|Post|Herald|Daily)/.test(after)) continue;
    }
    if (insideName(text, start, end)) continue;
    c.fromEntry(s.entry);
    c.claim({ key: s.entry.key, start, end, text: m.text, kind: s.via === 'capital' ? 'metonym' : 'name' });
  }
}

/**
 * Is the country word at `start`-`end` part of a longer name that is no actor: "the Korean Peninsula", "the South
 * China Sea", "the Iran War", "the Gulf of Oman", "the Sea of Japan" (a sea named after a country is a place).
 */
export function insideName(text: string, start: number, end: number): boolean {
  return /^\s*(?:['’]s\s+)?(?:Peninsula|Sea|Strait|War|Forum)\b/.test(text.slice(end, end + 16)) || /\b(?:Sea|Gulf|Bay|Strait|Straits)\s+of\s+(?:the\s+)?$/.test(text.slice(Math.max(0, start - 20), start));
}

/** 2. Names found from the text: people and organisations. */
function claimFoundNames(text: string, sentences: Sentence[], c: Claims, ministryCountries: Map<string, string>, lex: Lexicon): void {
  const covered = (s: number, e: number) => c.spans.some((x) => x.start <= s && x.end >= e);
  const personWords = new Set([...c.entities.values()].filter((e) => e.type === 'person').flatMap((e) => e.name.split(/[\s-]+/)));
  for (const f of findNames(text, sentences, lex, { covered, personWords })) {
    if (f.type === 'person') addPerson(c, f, lex);
    else if (f.kind === 'ministry') addMinistry(text, sentences, c, ministryCountries, f, lex);
    else {
      const known = lex.surfaces.get(f.name) ?? spelledOut(text, f, lex);
      const e = known ? c.fromEntry(known.entry) : c.entity({ key: `org:${slug(f.name)}`, name: f.name, type: 'organization', country: f.country, cameo: null, roles: [], ...(f.kind ? { kind: f.kind } : {}) });
      if (!e.country && f.country) e.country = f.country;
      c.claimOver({ key: e.key, start: f.start, end: f.end, text: f.text, kind: 'name' }, true);
    }
  }
}

function addPerson(c: Claims, f: Pick<FoundName, 'text' | 'start' | 'roles' | 'country' | 'gender'>, lex: Lexicon): void {
  const { text: name, start, roles, country } = f;
  const known = lex.surfaces.get(name);
  if (known && known.entry.type !== 'person') return;
  if (!c.free(start, start + name.length)) {
    // Already a gazetteer span: keep it, but learn the role and country.
    const m = c.spans.find((s) => s.start <= start && s.end >= start + name.length);
    if (m) for (const r of roles) c.entities.get(m.key)?.roles.add(r);
    return;
  }
  const e = known ? c.fromEntry(known.entry, roles) : c.entity({ key: `person:${personKey(name)}`, name, type: 'person', country, cameo: null, roles, ...(f.gender ? { gender: f.gender } : {}) });
  if (!e.country && country) e.country = country;
  c.claim({ key: e.key, start, end: start + name.length, text: name, kind: 'name' });
}

/** A known organisation's acronym in parentheses after the name spells it out: "Nordic Ferry Organisation (NFO)". */
function spelledOut(text: string, f: FoundName, lex: Lexicon): { entry: GazetteerEntry } | undefined {
  const acronym = /^\s*\((\p{Lu}[\p{Lu}\p{N}&.-]{1,9})\)/u.exec(text.slice(f.end, f.end + 14))?.[1];
  const known = acronym ? lex.surfaces.get(acronym) : undefined;
  const initials = f.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return known?.entry.type === 'organization' && acronym && initials.startsWith(acronym.replace(/[^\p{Lu}]/gu, '')) ? known : undefined;
}

/** "Russian Foreign Ministry", "Ministry of Foreign Affairs of Russia", "Unification Ministry" (country from the text around). */
function addMinistry(text: string, sentences: Sentence[], c: Claims, ministryCountries: Map<string, string>, f: FoundName, lex: Lexicon): void {
  const m = /^(.*?)\s*\bMinistry\b(?:\s+of\s+(?:the\s+)?(.+))?$/u.exec(f.text);
  const words = (m?.[1] ?? '').split(/\s+/).filter(Boolean);
  for (const k of [2, 1]) {
    if (words.length >= k && demonymIso(words.slice(0, k).join(' '), lex)) {
      words.splice(0, k);
      break;
    }
  }
  const typeWords = (m?.[2] ?? words.join(' ')).toLowerCase();
  const type = (lex.lang.ministry_types as Record<string, string>)[typeWords.replace(/\s+of\s+.*$/, '')] ?? cap(typeWords);
  const iso = f.country ?? contextCountry(text, f.end, sentences, lex) ?? ministryCountries.get(type) ?? null;
  const e = ministry(c, iso, type, lex);
  if (iso) ministryCountries.set(type, iso);
  c.claimOver({ key: e.key, start: f.start, end: f.end, text: f.text, kind: 'name' });
}

function ministry(c: Claims, iso: string | null, type: string, lex: Lexicon): ArticleEntity {
  const country = iso ? lex.countryByIso.get(iso) : undefined;
  const adjective = country ? cap(demonymFor(iso!, lex) ?? country.name) : '';
  const name = `${adjective ? `${adjective} ` : ''}${type} Ministry`;
  return c.entity({ key: `org:ministry:${iso ?? 'unknown'}:${slug(type)}`, name, type: 'organization', country: iso, cameo: iso ? `${iso}GOV` : null, roles: [], kind: 'ministry' });
}

/** 4. Groups named by role and country; "<demonym> government" stands for the country. */
function claimGroups(text: string, c: Claims, lex: Lexicon): void {
  for (const g of findGroups(text, lex)) {
    const country = g.country ? lex.countryByIso.get(g.country) : undefined;
    if (g.type === 'country') {
      if (country) c.fromEntry(country);
      if (country) c.claimOver({ key: country.key, start: g.start, end: g.end, text: g.text, kind: 'metonym' });
      continue;
    }
    const e = c.entity({ key: `group:${g.country ?? 'any'}:${slug(g.phrase)}`, name: g.name, type: 'group', country: g.country, cameo: g.sector ? `${g.country ?? ''}${g.sector}` : null, roles: [] });
    c.claimOver({ key: e.key, start: g.start, end: g.end, text: g.text, kind: 'name' });
    coordinatedRole(text, g, c, lex);
  }
}

/**
 * A role noun joined by "and" to a group named by its country or region shares that word: "Kenyan lawyers and
 * activists", "Arab intellectuals and writers" (groups.json `sectors`). Not a phrase that modifies a noun after it
 * ("and police stations"), nor one already a group of its own ("and police"), nor one of the first's sector
 * ("Israeli helicopters and tanks": one CAMEO actor).
 */
function coordinatedRole(text: string, g: ReturnType<typeof findGroups>[number], c: Claims, lex: Lexicon): void {
  const G = lex.groups;
  // The longest sector phrase the group's phrase is or ends in after a hyphen ("lawyers", "pro-government-lawyers").
  const parts = g.phrase.split('-');
  const base = parts.map((_, i) => parts.slice(i).join('-')).find((p) => G.sectors.has(p));
  const word = base !== undefined && g.name.toLowerCase().endsWith(` ${base}`) ? g.name.slice(0, g.name.length - base.length - 1) : '';
  if (!word) return;
  const m = /^\s+and\s+(\p{Ll}+(?:\s\p{Ll}+)?)(?![\p{L}\p{N}-])/u.exec(text.slice(g.end, g.end + 40));
  const phrase = m ? [m[1]!, m[1]!.split(' ')[0]!].find((p) => G.sectors.has(p)) : undefined;
  if (!m || phrase === undefined || G.standalone.has(phrase)) return;
  const start = g.end + m[0].length - m[1]!.length;
  const end = start + phrase.length;
  const next = /^\s+([\p{Ll}-]+)/u.exec(text.slice(end, end + 30))?.[1];
  if (next && G.compound.has(next)) return;
  const qualifier = g.phrase.slice(0, g.phrase.length - base!.length);
  const region = g.sector && G.sectors.get(base!) !== undefined ? g.sector.slice(0, g.sector.length - G.sectors.get(base!)!.length) : '';
  const sector = `${region}${G.sectors.get(phrase) ?? ''}`;
  // The same CAMEO actor as the first ("Israeli helicopters and tanks", both MIL): one actor, no second group.
  if (sector === (g.sector ?? '')) return;
  const e = c.entity({ key: `group:${g.country ?? 'any'}:${slug(`${qualifier}${phrase}`)}`, name: `${word} ${phrase}`, type: 'group', country: g.country, cameo: sector ? `${g.country ?? ''}${sector}` : null, roles: [] });
  c.claimOver({ key: e.key, start, end, text: text.slice(start, end), kind: 'name' });
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

/** The mentions ending at or before `pos`, the nearest first. */
function mentionsBefore(spans: Mention[], pos: number): Mention[] {
  return spans.filter((m) => m.end <= pos).sort((a, b) => b.end - a.end);
}

/** 3a. Bare surnames (the person last named in full with that name, or the one whose title matches) and "<Surname> regime". */
function claimSurnames(text: string, c: Claims, lex: Lexicon): void {
  const L = lex.lang;
  const entities = c.entities;
  const tokensOf = (e: ArticleEntity) => e.name.split(/\s+/).filter((t) => !t.includes('-') || e.name.split(/\s+/).length === 2);
  // The people named in full by their first and last name words, rebuilt only when the pass adds an entity (a
  // gazetteer surname's person).
  let peopleCache: { size: number; byWord: Map<string, ArticleEntity[]> } | null = null;
  const peopleNamed = (word: string): ArticleEntity[] => {
    if (peopleCache?.size !== entities.size) {
      const byWord = new Map<string, ArticleEntity[]>();
      for (const e of entities.values()) {
        if (e.type !== 'person' || !e.name.includes(' ')) continue;
        const ts = tokensOf(e);
        for (const t of new Set([ts[0]!, ts[ts.length - 1]!])) byWord.set(t, [...(byWord.get(t) ?? []), e]);
      }
      peopleCache = { size: entities.size, byWord };
    }
    return peopleCache.byWord.get(word) ?? [];
  };

  const tokenRe = /(?<![\p{L}\p{N}’'-])\p{Lu}[\p{Ll}’'-]*\p{Ll}(?![\p{L}\p{N}-])/gu;
  for (const m of text.matchAll(tokenRe)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!c.free(start, end)) continue;
    const tok = m[0];
    let candidates = peopleNamed(tok);
    if (!candidates.length) {
      const g = lex.surnames.get(tok);
      if (!g) continue;
      candidates = [entities.get(g.key) ?? { key: g.key, name: g.name, type: g.type, country: g.country, cameo: g.cameo, roles: new Set(g.roles) }];
      if (!entities.has(g.key)) entities.set(g.key, candidates[0]!);
    }
    const group = once(lex, 'mentions.ts:groupNoun', () => new RegExp(`^\\s+(${alt(Object.entries(L.group_nouns).filter(([, v]) => v === 'country').map(([k]) => k))})\\b`)).exec(text.slice(end, end + 20))?.[1];
    const titleBefore = /((?:[\p{Ll}-]+\s){0,2}[\p{Ll}-]+)\s+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase() ?? '';
    // Two people with one surname: the one last named in full ("Anna Berg … Carl Berg … Berg" is Carl).
    const recent = mentionsBefore(c.spans, start).filter((r) => r.kind === 'name');
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
      const country = lex.countryByIso.get(chosen.country)!;
      entities.set(country.key, entities.get(country.key) ?? { key: country.key, name: country.name, type: 'country', country: country.country, cameo: country.cameo, roles: new Set() });
      c.claim({ key: country.key, start, end: end + 1 + group.length, text: text.slice(start, end + 1 + group.length), kind: 'metonym' });
      continue;
    }
    c.claim({ key: chosen.key, start, end, text: tok, kind: 'surname' });
  }
}

/** 3b. "Russia’s foreign minister", "China’s top diplomat": the person of that country in that role. */
function claimPossessiveRoles(text: string, c: Claims, lex: Lexicon): void {
  const L = lex.lang;
  const possessiveRole = once(lex, 'mentions.ts:possessiveRole', () => new RegExp(`(?<![\\p{L}])(?<country>\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?)['’]s\\s+(?<role>${alt(Object.keys(L.description_nouns))})\\b(?!\\s+(?:of\\s+)?\\p{Lu})`, 'gu'));
  for (const m of text.matchAll(possessiveRole)) {
    const iso = lex.surfaces.get(m.groups!['country']!)?.entry.country ?? lex.demonyms.get(m.groups!['country']!.toLowerCase()) ?? null;
    if (!iso) continue;
    const roles = (L.description_nouns as Record<string, string[]>)[m.groups!['role']!.toLowerCase()] ?? [];
    const matches = (e: ArticleEntity) => e.type === 'person' && e.country === iso && roles.some((r) => e.roles.has(r));
    const target = mentionsBefore(c.spans, m.index).map((r) => c.entities.get(r.key)!).find(matches) ?? [...c.entities.values()].find(matches);
    if (target) c.claimOver({ key: target.key, start: m.index, end: m.index + m[0].length, text: m[0], kind: 'description' });
  }
}

/** 3c. "the North" / "the South" where the article names North X / South X. */
function claimNorthSouth(text: string, c: Claims): void {
  for (const m of text.matchAll(/\b[Tt]he (North|South)\b(?!\s+\p{Lu})/gu)) {
    const side = m[1]!;
    const country = [...c.entities.values()].find((e) => e.type === 'country' && e.name.startsWith(`${side} `));
    if (country && c.free(m.index, m.index + m[0].length)) c.claim({ key: country.key, start: m.index, end: m.index + m[0].length, text: m[0], kind: 'description' });
  }
}

/** 3d. "the Russian envoy", "the North Korean leader", "the ministry", "a ministry official", "the commentary". */
function claimDescriptions(text: string, c: Claims, lex: Lexicon): void {
  const L = lex.lang;
  const demonyms = once(lex, 'mentions.ts:demonyms', () => [...lex.demonyms.keys()].filter((d) => d.length > 3).map((d) => d.replace(/(^|\s)\p{Ll}/gu, (x) => x.toUpperCase())));
  const descRe = once(lex, 'mentions.ts:descRe', () => new RegExp(`\\b(?:[Tt]he|[Aa]n?)\\s+(?:(?<demonym>${alt(demonyms)})\\s+)?(?:(?:state-run|official|top|senior|deputy)\\s+)?(?<noun>${alt([...Object.keys(L.description_nouns), ...L.org_descriptions])}|(?<source>${alt(L.source_nouns)})(?=\\s+(?:${alt(L.speech_cues)})\\b))(?:\\s+(?<official>official|source|spokesperson|spokesman|spokeswoman))?\\b(?!\\s+(?:of\\s+)?\\p{Lu})`, 'gu'));
  for (const m of text.matchAll(descRe)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!c.free(start, end)) continue;
    const noun = m.groups!['noun']!.toLowerCase();
    const iso = m.groups!['demonym'] ? lex.demonyms.get(m.groups!['demonym'].toLowerCase()) ?? null : null;
    const recent = mentionsBefore(c.spans, start).map((r) => c.entities.get(r.key)!).filter((e) => !iso || e.country === iso);
    let target: ArticleEntity | undefined;
    const roles = (L.description_nouns as Record<string, string[]>)[noun];
    if (roles && !m.groups!['official']) {
      // A lead often describes a person before naming them ("the Russian foreign minister" … "Sergei Lavrov").
      const matches = (e: ArticleEntity) => e.type === 'person' && (!iso || e.country === iso) && roles.some((r) => e.roles.has(r));
      target = recent.find(matches) ?? [...c.entities.values()].find(matches);
    }
    else if (m.groups!['source']) target = recent.find((e) => e.type === 'organization' && e.kind === 'media');
    else target = recent.find((e) => e.type === 'organization' && (e.name.toLowerCase().includes(noun.split(' ').pop()!) || (noun.includes('media') && e.kind === 'media')));
    if (target) c.claim({ key: target.key, start, end, text: m[0], kind: 'description' });
  }
}
