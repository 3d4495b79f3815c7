/**
 * The annotate lexicons, compiled once: the actor gazetteer (world-countries for countries, their capitals
 * and demonyms; pipeline/lexicon/actors.json for people, organisations and extra country aliases) and the
 * structural word lists of pipeline/lexicon/language.json.
 */
import worldCountries from 'world-countries';
import type { Countries } from 'world-countries';
import actorsData from '../lexicon/actors.json' with { type: 'json' };
import language from '../lexicon/language.json' with { type: 'json' };
import { escapeRe } from '../regex.ts';

export type ActorType = 'person' | 'organization' | 'country';

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
  /** One regular expression matching every surface form, longest first. */
  surfaceRe: RegExp;
  /** Demonym or country name (lower case) → ISO3. */
  demonyms: Map<string, string>;
  countryByIso: Map<string, GazetteerEntry>;
  /** Bare surname alias (e.g. "Lavrov") → person entry, only where one person has it. */
  surnames: Map<string, GazetteerEntry>;
  lang: typeof language;
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

  const surnameCount = new Map<string, GazetteerEntry[]>();
  for (const a of actorsData.actors) {
    const entry: GazetteerEntry = { key: `${a.type === 'person' ? 'person' : 'org'}:${slug(a.name)}`, name: a.name, type: a.type as ActorType, country: a.country, cameo: a.cameo, roles: a.roles, ...('kind' in a ? { kind: a.kind as string } : {}) };
    for (const n of [a.name, ...a.aliases]) {
      surfaces.set(n, { entry, via: 'name' });
      if (a.type === 'person' && !n.includes(' ')) surnameCount.set(n, [...(surnameCount.get(n) ?? []), entry]);
    }
  }
  const surnames = new Map([...surnameCount].filter(([, es]) => es.length === 1).map(([n, es]) => [n, es[0]!]));
  const sorted = [...surfaces.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const surfaceRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRe).join('|')})(?![\\p{L}\\p{N}]|\\.\\p{L})`, 'gu');
  return { surfaces, surfaceRe, demonyms, countryByIso, surnames, lang: language };
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
