/**
 * The annotate lexicons, compiled once: the actor gazetteer (world-countries for countries, their capitals
 * and demonyms; pipeline/lexicon/actors.json for people, organisations and extra country aliases) and the
 * structural word lists of pipeline/lexicon/language.json.
 */
import worldCountries from 'world-countries';
import type { Countries } from 'world-countries';
import actorsData from '../lexicon/actors.json' with { type: 'json' };
import groupsData from '../lexicon/groups.json' with { type: 'json' };
import language from '../lexicon/language.json' with { type: 'json' };
import namesData from '../lexicon/names.json' with { type: 'json' };
import stopwords from '../lexicon/stopwords.json' with { type: 'json' };
import { escapeRe } from '../regex.ts';
import { surfaceMatcher } from './surfaces.ts';
import type { SurfaceMatcher } from './surfaces.ts';

/** `group`: people named by role (and country), "Israeli soldiers", "riot police" (ANNOTATION.md, Events). */
export type ActorType = 'person' | 'organization' | 'country' | 'group';

/** A known actor. */
export interface GazetteerEntry {
  key: string;
  name: string;
  type: ActorType;
  country: string | null;
  cameo: string | null;
  roles: string[];
  /** `media`, `igo`, `ministry`, … for organisations. */
  kind?: string;
}

/** How a surface form names an entry. */
export interface Surface {
  entry: GazetteerEntry;
  /** `capital`: a capital city, an actor only when it acts (metonym). */
  via: 'name' | 'capital';
}

export interface Lexicon {
  surfaces: Map<string, Surface>;
  /** Every surface form found in a text, longest first at each word start (surfaces.ts). */
  surfaceMatch: SurfaceMatcher;
  /** Demonym or country name (lower case) → ISO3. */
  demonyms: Map<string, string>;
  countryByIso: Map<string, GazetteerEntry>;
  /** Bare surname alias (e.g. "Lavrov") → person entry, only where one person has it. */
  surnames: Map<string, GazetteerEntry>;
  lang: typeof language;
  /** Word lists for names found from the text (pipeline/lexicon/names.json), as sets. */
  names: NameLexicon;
  /** Group phrase (lower case) → CAMEO sector code; `standalone` phrases need no country word (pipeline/lexicon/groups.json). */
  groups: GroupLexicon;
}

/** groups.json compiled. */
export interface GroupLexicon {
  /** Group phrase (lower case) → CAMEO sector code ("" for none). */
  sectors: Map<string, string>;
  standalone: Set<string>;
  compound: Set<string>;
  /** A people or faith by its adjective ("Kurdish") and by its plural noun ("Kurds"), with its country if it has one. */
  peopleByAdjective: Map<string, People>;
  peopleByNoun: Map<string, People>;
  /** Phrases an organisation's name may precede to name its members ("fighters"). */
  members: Set<string>;
}

export interface People {
  noun: string;
  adjective: string;
  country: string | null;
}

/** names.json compiled: every set holds the exact spelling compared against, noted per field. */
export interface NameLexicon {
  /** Given name → `m`, `f` or `u` (either). */
  given: Map<string, 'm' | 'f' | 'u'>;
  family: Set<string>;
  /** Family names written first (Chinese, Korean, Vietnamese order). */
  familyFirst: Set<string>;
  /** Lower-case words inside a person's name between capitalised parts ("de", "van", "bin"). */
  particles: Set<string>;
  /** Lower-case words that join the parts of an organisation's or a title's name ("of", "for", "and", "&"). */
  connectors: Set<string>;
  /** Adverbs between a name and its speech verb ("X also said"). */
  cueAdverbs: string[];
  /** Words before an acronym that make it a name ("the KTU", "by NRVB"). */
  acronymBefore: Set<string>;
  /** "al-Rashid", "d'Estaing": a lower-case prefix joined to a capitalised part. */
  prefixed: RegExp;
  /** Lower case, no final dot: words that make the next capitalised words a person ("mr", "professor", "illustrator"). */
  personWords: Set<string>;
  /** Lower case: title words (a subset of personWords) that may stand capitalised at the head of a name run. */
  titles: Set<string>;
  royal: Set<string>;
  suffixes: Set<string>;
  /** Lower case: nouns that make the next capitalised words an organisation ("company", "journal"). */
  orgNouns: Set<string>;
  orgAfter: Set<string>;
  orgBefore: string[];
  /** Verbs only a person is the subject of ("died", "testified"); events only a person has ("funeral"). */
  personVerbs: string[];
  personEvents: Set<string>;
  /** Relation words that after "X's" make X a person ("X's widow"; not "X's sister company"). */
  kin: Set<string>;
  /** Works with an author ("a paper by X"), cues of a character played, a handle's nouns and naming cues. */
  authoredWorks: Set<string>;
  characterVerbs: Set<string>;
  handleNouns: Set<string>;
  namingCues: Set<string>;
  /** A monument's word after the name of the person it commemorates ("Memorial"). */
  commemorativeHeads: Set<string>;
  /** Capitalised words that never start or end a name (months, weekdays, function words, "Image"). */
  notName: Set<string>;
  /** Abbreviations a name may go on after ("Mr. Varga", "St. Louis"), without the dot. */
  abbreviations: Set<string>;
  /** "Pro-Kyiv", "Anti-war": a capitalised word with this prefix and a hyphen is an adjective, not a name. */
  adjectivePrefix: RegExp;
  /** "Oslo-based", "Kremlin-backed": a capitalised word with this ending is an adjective. */
  adjectiveSuffix: RegExp;
  /** "Following …", "Asked …": a sentence's first word with this ending (and no given name) opens no name. */
  openingVerb: RegExp;
  /** Lower-case function words (stopwords.json): a sentence's first word among them is no name. */
  functionWords: Set<string>;
  notOrgAcronyms: Set<string>;
  /** "the Labour government" is no leader's name ("the Varga government" is). */
  politicalAdjectives: Set<string>;
  places: Set<string>;
  orgHeads: Set<string>;
  /** Organisation words that end a name only ("Acme International", "Acme Inc"). */
  orgSuffixes: Set<string>;
  mediaHeads: Set<string>;
  notActorHeads: Set<string>;
}

const slug = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’.]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const LATIN = /^[\p{Script=Latin}][\p{Script=Latin} .'’-]*$/u;

// The package's typings declare its default export as a namespace under NodeNext; it is the country array.
const countries = worldCountries as unknown as Countries;

function build(): Lexicon {
  const surfaces = new Map<string, Surface>();
  const add = (surface: string, s: Surface) => {
    if (!surfaces.has(surface)) surfaces.set(surface, s);
  };
  const demonyms = new Map<string, string>();
  const countryByIso = new Map<string, GazetteerEntry>();
  const excluded = new Set(actorsData.capital_exclusions);
  // UN members first, so a shared name or demonym goes to the sovereign state.
  const ordered = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember) || (a.cca3 < b.cca3 ? -1 : 1));
  for (const c of ordered) {
    const entry: GazetteerEntry = { key: `country:${c.cca3}`, name: c.name.common, type: 'country', country: c.cca3, cameo: c.cca3, roles: [] };
    countryByIso.set(c.cca3, entry);
    const extra = (actorsData.countries as Record<string, string[]>)[c.cca3] ?? [];
    for (const n of [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length >= 4 && LATIN.test(a) && !a.includes(',')), ...extra]) {
      const isCapital = c.capital.includes(n) || extra.includes(n) && /^[\p{Lu}][\p{Ll}]+(?: [\p{Lu}][\p{Ll}]+)?$/u.test(n) && c.capital.some((cap) => cap.startsWith(n));
      add(n, { entry, via: isCapital ? 'capital' : 'name' });
    }
    for (const cap of c.capital) if (!excluded.has(cap) && LATIN.test(cap)) add(cap, { entry, via: 'capital' });
    for (const d of [c.demonyms?.['eng']?.m, c.demonyms?.['eng']?.f, c.name.common]) if (d && !demonyms.has(d.toLowerCase())) demonyms.set(d.toLowerCase(), c.cca3);
  }
  // Capitals listed in our aliases (Seoul, Washington, …) are metonyms, not names.
  for (const [iso, list] of Object.entries(actorsData.countries as Record<string, string[]>)) {
    for (const n of list) {
      const known = countries.find((c) => c.cca3 === iso)!;
      if (known.capital.some((cap) => cap === n || cap.startsWith(`${n} `))) surfaces.set(n, { entry: countryByIso.get(iso)!, via: 'capital' });
    }
  }
  for (const [d, iso] of [['u.s.', 'USA'], ['us', 'USA'], ['american', 'USA'], ['british', 'GBR'], ['u.n.', ''], ['un', '']] as const) if (iso) demonyms.set(d, iso);
  for (const [d, iso] of Object.entries(actorsData.demonyms as Record<string, string>)) if (!demonyms.has(d) && countryByIso.has(iso)) demonyms.set(d, iso);

  const surnameCount = new Map<string, GazetteerEntry[]>();
  for (const a of actorsData.actors) {
    const entry: GazetteerEntry = { key: `${a.type === 'person' ? 'person' : 'org'}:${slug(a.name)}`, name: a.name, type: a.type as ActorType, country: a.country, cameo: a.cameo, roles: a.roles, ...('kind' in a ? { kind: a.kind as string } : {}) };
    for (const n of [a.name, ...a.aliases]) {
      surfaces.set(n, { entry, via: 'name' });
      if (a.type === 'person' && !n.includes(' ')) surnameCount.set(n, [...(surnameCount.get(n) ?? []), entry]);
    }
  }
  const surnames = new Map([...surnameCount].filter(([, es]) => es.length === 1).map(([n, es]) => [n, es[0]!]));
  const surfaceMatch = surfaceMatcher(surfaces.keys());
  const peoples: People[] = groupsData.peoples.map((x) => ({ noun: x.noun, adjective: x.adjective, country: 'country' in x && x.country ? x.country : null }));
  const groups: GroupLexicon = {
    sectors: new Map(Object.entries(groupsData.sectors)),
    standalone: new Set(groupsData.standalone),
    compound: new Set(groupsData.compound_heads),
    peopleByAdjective: new Map(peoples.map((x) => [x.adjective, x])),
    peopleByNoun: new Map(peoples.map((x) => [x.noun, x])),
    members: new Set(groupsData.member_phrases),
  };
  return { surfaces, surfaceMatch, demonyms, countryByIso, surnames, lang: language, names: buildNames(), groups };
}

function buildNames(): NameLexicon {
  const n = namesData;
  const lower = (xs: string[]) => xs.map((x) => x.toLowerCase().replace(/\.$/, ''));
  const given = new Map<string, 'm' | 'f' | 'u'>();
  for (const [g, list] of [['m', n.given_names.male], ['f', n.given_names.female], ['u', n.given_names.either]] as const) for (const x of list) given.set(x, g);
  // Titles may head a capitalised name run; kinship words only describe from before ("his wife …"), since
  // "Son" or "Sister" may start a name.
  const relations = new Set(n.relations);
  const titles = new Set([...lower(language.person_titles), ...lower(n.honorifics), ...n.royal_titles].filter((t) => !relations.has(t)));
  return {
    given,
    family: new Set([...n.family_names.east_asian, ...n.family_names.other]),
    familyFirst: new Set(n.family_names.east_asian),
    particles: new Set(n.particles),
    connectors: new Set(n.connectors),
    cueAdverbs: n.cue_adverbs,
    acronymBefore: new Set(n.acronym_before),
    prefixed: new RegExp(`^(?:${n.particle_prefixes.join('|')})[-'’]\\p{Lu}`, 'u'),
    personWords: new Set([...titles, ...relations, ...n.person_roles, ...language.role_nouns]),
    titles,
    royal: new Set(n.royal_titles),
    suffixes: new Set(n.name_suffixes),
    orgNouns: new Set(n.org_nouns),
    orgAfter: new Set(n.org_usage_after),
    orgBefore: n.org_usage_before,
    notName: new Set(n.not_name_words),
    abbreviations: new Set(n.abbreviations),
    adjectivePrefix: new RegExp(`^(?:${n.adjective_prefixes.join('|')})-`),
    adjectiveSuffix: new RegExp(`(?:${n.adjective_suffixes.map(escapeRe).join('|')})$`),
    openingVerb: new RegExp(`\\p{Ll}(?:${n.opening_verb_suffixes.join('|')})$`, 'u'),
    functionWords: new Set(stopwords.words),
    notOrgAcronyms: new Set(n.not_org_acronyms),
    politicalAdjectives: new Set(n.political_adjectives),
    places: new Set(n.places),
    orgHeads: new Set(language.org_heads),
    orgSuffixes: new Set(n.org_suffixes),
    mediaHeads: new Set(language.media_heads),
    notActorHeads: new Set(language.not_actor_heads),
    personVerbs: n.person_verbs,
    personEvents: new Set(n.person_events),
    kin: new Set(n.relations.filter((r) => !n.relations_not_kin_after_possessive.includes(r))),
    authoredWorks: new Set(n.authored_works),
    characterVerbs: new Set(n.character_verbs),
    handleNouns: new Set(n.handle_nouns),
    namingCues: new Set(n.naming_cues),
    commemorativeHeads: new Set(n.commemorative_heads),
  };
}

/** The compiled lexicon. */
export const LEXICON: Lexicon = build();

/** Canonical key part of a person's name: case, spaces, hyphens and common transliteration variants folded. */
export function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-‐–.'’]+/g, '')
    .replace(/ey/g, 'ei')
    .replace(/iy/g, 'i');
}

export { slug };
