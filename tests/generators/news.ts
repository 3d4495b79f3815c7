/**
 * fast-check arbitraries that build news-like text: headlines, bylines, datelines, site chrome, and
 * paragraphs of sentences in which people, organisations and countries speak (direct quotes in every mark,
 * nested, unclosed, spanning paragraphs, empty; indirect speech; speech cues followed by every punctuation)
 * and act (meet, visit, sign, sanction, condemn, threaten, attack, and the same negated or hypothetical),
 * mixed with numbers, dates, weekdays, e-mail-like and phone-like strings and URLs.
 *
 * Sentences are generated as small specs that point into the article's cast by index, and rendered once the
 * cast is known: both are plain data, so a failing case shrinks to a short article with few actors.
 * Known actors come from the gazetteer (pipeline/lexicon/actors.json); invented people are built from
 * syllables (and Korean-style hyphenated given names), so the rules meet names no lexicon lists.
 */
import fc from 'fast-check';
import actorsData from '../../pipeline/lexicon/actors.json' with { type: 'json' };
import type { ManifestEntry } from '../../pipeline/model.ts';

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

interface Country {
  name: string;
  demonym: string;
  capital: string;
}

const COUNTRIES: Country[] = [
  { name: 'North Korea', demonym: 'North Korean', capital: 'Pyongyang' },
  { name: 'South Korea', demonym: 'South Korean', capital: 'Seoul' },
  { name: 'Russia', demonym: 'Russian', capital: 'Moscow' },
  { name: 'China', demonym: 'Chinese', capital: 'Beijing' },
  { name: 'the United States', demonym: 'American', capital: 'Washington' },
  { name: 'Japan', demonym: 'Japanese', capital: 'Tokyo' },
  { name: 'Ukraine', demonym: 'Ukrainian', capital: 'Kyiv' },
  { name: 'Iran', demonym: 'Iranian', capital: 'Tehran' },
  { name: 'Israel', demonym: 'Israeli', capital: 'Jerusalem' },
  { name: 'Turkey', demonym: 'Turkish', capital: 'Ankara' },
  { name: 'France', demonym: 'French', capital: 'Paris' },
  { name: 'Germany', demonym: 'German', capital: 'Berlin' },
  { name: 'India', demonym: 'Indian', capital: 'New Delhi' },
  { name: 'Britain', demonym: 'British', capital: 'London' },
  { name: 'Syria', demonym: 'Syrian', capital: 'Damascus' },
  { name: 'Belarus', demonym: 'Belarusian', capital: 'Minsk' },
  { name: 'Vietnam', demonym: 'Vietnamese', capital: 'Hanoi' },
  { name: 'Brazil', demonym: 'Brazilian', capital: 'Brasília' },
  { name: 'Mongolia', demonym: 'Mongolian', capital: 'Ulaanbaatar' },
  { name: 'Kenya', demonym: 'Kenyan', capital: 'Nairobi' },
  { name: 'Côte d’Ivoire', demonym: 'Ivorian', capital: 'Yamoussoukro' },
];
const COUNTRY_SHORT = ['the U.S.', 'the US', 'the UK', 'the DPRK', 'the ROK', 'the EU', 'the U.N.'];
const PLACES = ['Vladivostok', 'Geneva', 'Singapore', 'Hanoi', 'Panmunjom', 'the border', 'the Kremlin', 'Brussels', 'New York', 'São Paulo', 'the Yellow Sea', 'Kaesong', 'the Korean Peninsula'];

const KOREAN_SURNAMES = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Ri', 'Choe', 'Pak'];
type PersonEntry = { name: string; short: string; roles: string[] };
type OrgEntry = { name: string; short: string };
const GAZ_PEOPLE: PersonEntry[] = actorsData.actors
  .filter((a) => a.type === 'person')
  // The surname the text calls them by: a one-word alias ("Lavrov"), else the family name ("Kim" of "Kim Yo-jong").
  .map((a) => ({ name: a.name, short: [...a.aliases].reverse().find((x) => !x.includes(' ')) ?? (KOREAN_SURNAMES.includes(a.name.split(' ')[0]!) ? a.name.split(' ')[0]! : a.name.split(' ').pop()!), roles: a.roles }));
const GAZ_ORGS: OrgEntry[] = actorsData.actors.filter((a) => a.type === 'organization').map((a) => ({ name: a.name, short: a.aliases.find((x) => /^[\p{Lu}.]{2,}$/u.test(x)) ?? a.name }));

const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Vice Foreign Minister', 'Defence Minister', 'Defense Minister', 'Unification Minister', 'Deputy Spokesperson', 'Ambassador', 'Senator', 'Gen.', 'Dr.', 'Professor', 'Chairman', 'Special Envoy', 'Secretary of State', 'Mr.', 'Ms.'];
const ROLE_NOUNS = ['spokeswoman', 'spokesman', 'spokesperson', 'professor', 'analyst', 'envoy', 'diplomat', 'official', 'researcher', 'lawmaker', 'ambassador', 'foreign minister'];
const GIVEN_SYL = ['ka', 'ren', 'mo', 'li', 'tan', 'vor', 'el', 'is', 'dra', 'mi', 'sa', 'to', 'ber', 'an', 'ya', 'nik', 'lu', 'fe', 'do', 'ra', 'zo', 'ë', 'é'];
const SURNAME_SYL = ['kov', 'ber', 'lin', 'mar', 'sen', 'tor', 'wal', 'dor', 'gu', 'ha', 'rin', 'ste', 'vic', 'zel', 'ül', 'øs', 'ńa'];
const SURNAME_END = ['', '', 'son', 'ova', 'ski', 'ez', 'ini', 'berg', 'ović', 'ian'];
const KOREAN_SYL = ['min', 'jun', 'seo', 'yeon', 'ji', 'woo', 'hyun', 'su', 'young', 'ho', 'chol', 'hui', 'ae', 'il', 'sung', 'yong', 'nam', 'son', 'in', 'jae'];
const ORG_HEADS = ['University', 'Institute', 'Agency', 'Ministry', 'Council', 'Committee', 'Party', 'Bank', 'Times', 'Foundation', 'Command'];
const ORG_DESCRIPTIONS: Record<string, string> = { Ministry: 'the ministry', Agency: 'the agency', University: 'the university', Party: 'the party', Council: 'the council', Committee: 'the committee', Times: 'the newspaper', Command: 'the command' };
const STATIONS = ['KBS World Radio News', 'Arirang News', 'Channel News Asia', 'Yonhap News TV', 'Voice of America', 'Radio Free Asia', 'Sky News'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_SHORT = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** Quotation marks: [open, close]. */
export const QUOTE_MARKS: [string, string][] = [
  ['“', '”'],
  ['"', '"'],
  ["'", "'"],
  ['‘', '’'],
  ['«', '»'],
  ['„', '“'],
  ['‹', '›'],
  ['「', '」'],
];
export const SPEECH_CUES = ['said', 'says', 'told reporters', 'told', 'added', 'stated', 'noted', 'warned', 'insisted', 'wrote', 'announced', 'urged', 'pledged', 'claimed', 'reiterated', 'replied'];
export const PARTICIPLES = ['saying', 'adding', 'stating', 'noting', 'warning', 'claiming', 'insisting'];
/** Cues the issue names, each to be followed by every punctuation. */
export const CUES_BEFORE_PUNCTUATION = ['said', 'says', 'told', 'added', 'saying', 'adding', 'stating', 'noting', 'according to', 'was quoted as saying', 'said that', 'called for'];
export const CUE_PUNCTUATION = [',', ':', '.', ';', ' —', '—', '…', ' “', '"', ' ‘', ' «', '', ' ', '?', '!', ' (', ' -'];

const CONTENT_SUBJECTS = ['the talks', 'the two sides', 'the sanctions', 'the situation', 'our country', 'we', 'the government', 'the new measures', 'this provocation', 'the agreement', 'the region', 'such threats', 'the alliance', 'the people', 'nobody'];
const CONTENT_PREDICATES = ['were productive', 'will not be tolerated', 'remain a serious threat to peace', 'must be resolved through dialogue', 'have failed', 'are a violation of international law', 'will continue as planned', 'need more time', 'could lead to war', 'is in our mutual interest', 'will never give up', 'are ready to talk', "won't back down", 'did not change anything', 'should be lifted at once'];
const CONTENT_ADJUNCTS = ['', '', 'in the coming weeks', 'on the Korean Peninsula', 'by the end of 2025', 'despite the pressure', 'at any cost', 'once again', 'for now', 'as soon as possible'];

// ---------------------------------------------------------------------------------------------------------
// Small pieces

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
/** `arb` in `some` cases of `some + none`, else null. */
const sometimes = <T>(arb: fc.Arbitrary<T>, none = 4, some = 1): fc.Arbitrary<T | null> => fc.oneof({ weight: none, arbitrary: fc.constant(null) }, { weight: some, arbitrary: arb });
const cap = (s: string) => s.replace(/^(\P{L}*)(\p{L})/u, (_m, a: string, b: string) => a + b.toUpperCase());
const capWord = (s: string) => cap(s.normalize('NFC'));

/** A given name built from syllables ("Karenmo", "Zoëli"). */
export const givenName = fc.array(pick(GIVEN_SYL), { minLength: 2, maxLength: 3 }).map((xs) => capWord(xs.join('')));
/** A surname built from syllables ("Berlinova", "Øsmarski"). */
export const surname = fc.tuple(fc.array(pick(SURNAME_SYL), { minLength: 1, maxLength: 2 }), pick(SURNAME_END), fc.constantFrom('', '', '', 'O’', 'Mc', 'de ', 'van ')).map(([xs, end, pre]) => `${pre}${capWord(xs.join('') + end)}`);
/** A Korean-style name: surname and a hyphenated (or spaced) two-syllable given name ("Ri Son-hui", "Kim Yong Chol"). */
export const koreanName = fc.tuple(pick(KOREAN_SURNAMES), pick(KOREAN_SYL), pick(KOREAN_SYL), fc.constantFrom('-', '-', ' ')).map(([s, a, b, sep]) => `${s} ${capWord(a)}${sep}${sep === ' ' ? capWord(b) : b}`);
/** An invented person's full name. */
export const inventedName = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(givenName, surname).map(([g, s]) => `${g} ${s}`) },
  { weight: 3, arbitrary: koreanName },
  { weight: 1, arbitrary: fc.tuple(givenName, surname, surname).map(([g, a, b]) => `${g} ${a}-${b}`) },
);

export const country = pick(COUNTRIES);
const weekday = pick(WEEKDAYS);
const day = fc.integer({ min: 1, max: 31 });
const month = fc.integer({ min: 0, max: 11 });
const year = fc.integer({ min: 1950, max: 2030 });

/** Dates and times as news prints them. */
export const dateText = fc.oneof(
  fc.tuple(month, day, year).map(([m, d, y]) => `${MONTHS[m]} ${d}, ${y}`),
  fc.tuple(month, day).map(([m, d]) => `${MONTHS_SHORT[m]} ${d}`),
  fc.tuple(day, month, year).map(([d, m, y]) => `${d} ${MONTHS[m]} ${y}`),
  fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(year, month, day).map(([y, m, d]) => `${y}.${String(m + 1).padStart(2, '0')}.${String(d).padStart(2, '0')}`),
  year.map(String),
);
/** When something happened, as an adjunct ("on Thursday", "last month", "on March 3, 2025"). */
export const timeAdjunct = fc.oneof(
  weekday.map((d) => `on ${d}`),
  fc.constantFrom('last month', 'last week', 'earlier this week', 'yesterday', 'today', 'in July', 'last year', 'next month', ''),
  dateText.map((d) => (/^\d{4}$/.test(d) ? `in ${d}` : `on ${d}`)),
  fc.tuple(weekday, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('a.m.', 'p.m.', 'am', 'GMT')).map(([d, h, mi, x]) => `on ${d} at ${h}:${String(mi).padStart(2, '0')} ${x}`),
);

/** E-mail-like strings, some of which are not addresses ("info at example dot com"). */
export const emailLike = fc.tuple(fc.constantFrom('press', 'jane.doe', 'info', 'kim_s', 'news+tips', 'ø.berg'), fc.constantFrom('example.com', 'ministry.gov.kr', 'mail.ru', 'un.org', 'news.co.uk', 'x')).map(([a, b]) => `${a}@${b}`);
/** Phone-like strings, with dates and ranges that look like them. */
export const phoneLike = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 2, max: 99 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([c, a, b, d]) => `+${c}-${a}-${b}-${d}`),
  fc.tuple(fc.integer({ min: 10, max: 99 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `(0${a}) ${b} ${c}`),
  fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `${a}.${b}.${c}`),
  fc.constantFrom('2024-25', '1-800-FLOWERS', '+1 202 555 0143', '112', '02-123-4567'),
);
/** URLs and URL-like strings. */
export const urlLike = fc.tuple(fc.constantFrom('https://', 'http://www.', 'www.', ''), fc.constantFrom('example.com', 'news.example.org', 'mofa.go.kr', 'kcna.kp'), fc.constantFrom('', '/', '/news/2025/03/03/story.html', '/a_b?c=d&e=f#g', '/article/123456', '/world/asia-67234')).map(([a, b, c]) => `${a}${b}${c}`);
/** Numbers with units, as news prints them. */
export const numberText = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('billion', 'million', 'trillion')).map(([a, b, c]) => `$${a}.${b} ${c}`),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n} percent`),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
  fc.constantFrom('No. 2', '1.5', '3,000 troops', 'one', 'two dozen', '½', '10,000-strong', '24/7', '9/11'),
);

// ---------------------------------------------------------------------------------------------------------
// The cast of an article

/** One actor of an article, with the forms the text refers to it by. */
export interface CastMember {
  kind: 'person' | 'org' | 'country';
  name: string;
  /** Surname, acronym or capital. */
  short: string;
  /** "Foreign Minister" (people), null when none. */
  title: string | null;
  demonym: string | null;
  pronoun: 'he' | 'she' | 'it';
  /** "the Russian foreign minister", "the ministry", "Russian officials". */
  description: string;
}

const gazPerson = fc.tuple(pick(GAZ_PEOPLE), fc.constantFrom<'he' | 'she'>('he', 'she'), pick(TITLES)).map(([p, pr, t]): CastMember => {
  const role = p.roles[0] ?? t.toLowerCase();
  const title = role.replace(/(^|[\s-])(?!of\b)(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  return { kind: 'person', name: p.name, short: p.short, title, demonym: null, pronoun: pr, description: `the ${role}` };
});
const newPerson = fc.tuple(inventedName, fc.constantFrom<'he' | 'she'>('he', 'she'), pick(TITLES), country, pick(ROLE_NOUNS)).map(([n, pr, t, c, r]): CastMember => {
  const short = KOREAN_SURNAMES.includes(n.split(' ')[0]!) ? n.split(' ')[0]! : n.split(' ').pop()!;
  return { kind: 'person', name: n, short, title: t, demonym: c.demonym, pronoun: pr, description: `the ${c.demonym} ${r}` };
});
const gazOrg = pick(GAZ_ORGS).map((o): CastMember => ({ kind: 'org', name: o.name, short: o.short, title: null, demonym: null, pronoun: 'it', description: /Agency|KCNA|TASS|Xinhua|Yonhap|Reuters|Press/.test(o.name) ? 'the agency' : 'the organisation' }));
const newOrg = fc.tuple(fc.oneof(givenName, country.map((c) => c.demonym)), pick(ORG_HEADS), fc.constantFrom('', '', 'for Peace Studies', 'of Foreign Affairs', 'of National Defense')).map(([mod, head, tail]): CastMember => {
  const name = tail ? `${head} ${tail}` : `${mod} ${head}`;
  return { kind: 'org', name: tail ? `the ${name}` : name, short: name.split(' ').filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join(''), title: null, demonym: null, pronoun: 'it', description: ORG_DESCRIPTIONS[head] ?? 'the organisation' };
});
const lowerMinistry = fc.tuple(country, fc.constantFrom('foreign', 'defense', 'defence', 'unification', 'trade')).map(([c, t]): CastMember => ({ kind: 'org', name: `${c.name.replace(/^the /, '')}’s ${t} ministry`, short: `the ${t} ministry`, title: null, demonym: c.demonym, pronoun: 'it', description: 'the ministry' }));
const countryMember = fc.tuple(country, fc.constantFrom(...COUNTRY_SHORT, '')).map(([c, s]): CastMember => ({ kind: 'country', name: c.name, short: s || c.capital, title: null, demonym: c.demonym, pronoun: 'it', description: `${c.demonym} officials` }));

/** One actor: a known person or organisation, an invented one, or a country. */
export const castMember = fc.oneof({ weight: 4, arbitrary: gazPerson }, { weight: 4, arbitrary: newPerson }, { weight: 2, arbitrary: gazOrg }, { weight: 2, arbitrary: newOrg }, { weight: 1, arbitrary: lowerMinistry }, { weight: 2, arbitrary: countryMember });
/** The actors of one article (two to five). */
export const cast = fc.array(castMember, { minLength: 2, maxLength: 5 });

/** How a sentence refers to a cast member. */
type RefMode = 'full' | 'titled' | 'demonymTitled' | 'short' | 'pronoun' | 'description' | 'apposition' | 'possessive';
const REF_MODES: RefMode[] = ['full', 'full', 'full', 'titled', 'demonymTitled', 'short', 'short', 'pronoun', 'description', 'apposition', 'possessive'];
export interface Ref {
  who: number;
  mode: RefMode;
}
const ref: fc.Arbitrary<Ref> = fc.record({ who: fc.nat({ max: 4 }), mode: pick(REF_MODES) });

function refer(c: CastMember[], r: Ref, subject = true): string {
  const m = c[r.who % c.length]!;
  switch (r.mode) {
    case 'full':
      return m.name;
    case 'titled':
      return m.title ? `${m.title} ${m.name}` : m.name;
    case 'demonymTitled':
      return m.title && m.demonym ? `${m.demonym} ${m.title} ${m.name}` : m.demonym && m.kind === 'org' ? `the ${m.demonym} ${m.short.replace(/^the /, '')}` : m.name;
    case 'short':
      return m.short;
    case 'pronoun':
      return subject ? m.pronoun : m.pronoun === 'he' ? 'him' : m.pronoun === 'she' ? 'her' : 'it';
    case 'description':
      return m.description;
    case 'apposition':
      return subject && m.kind === 'person' ? `${m.name}, ${m.description.replace(/^the /, 'a ')} at ${m.demonym ?? 'the'} ${m.demonym ? 'Foreign Ministry' : 'university'},` : m.name;
    case 'possessive':
      return m.kind === 'country' ? `${m.name}’s ${m.pronoun === 'it' ? 'foreign minister' : 'leader'}` : m.name;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Clauses and quotes

/** A content clause: "the talks were productive in the coming weeks", now and then about a cast member. */
export interface ClauseSpec {
  subject: string | { ref: Ref };
  predicate: string;
  adjunct: string;
}
export const clauseSpec: fc.Arbitrary<ClauseSpec> = fc.record({
  subject: fc.oneof({ weight: 4, arbitrary: pick(CONTENT_SUBJECTS) }, { weight: 1, arbitrary: ref.map((r) => ({ ref: r })) }),
  predicate: pick(CONTENT_PREDICATES),
  adjunct: fc.oneof({ weight: 4, arbitrary: pick(CONTENT_ADJUNCTS) }, { weight: 1, arbitrary: timeAdjunct }, { weight: 1, arbitrary: numberText.map((n) => `with ${n}`) }),
});
const renderClause = (c: CastMember[], s: ClauseSpec) => [typeof s.subject === 'string' ? s.subject : refer(c, s.subject.ref, true), s.predicate, s.adjunct].filter(Boolean).join(' ');

/** A direct quote: its marks, its sentences, a quote nested in it, and how it is (not) closed. */
export interface QuoteSpec {
  marks: number;
  clauses: ClauseSpec[];
  nested: { marks: number; clause: ClauseSpec } | null;
  shape: 'closed' | 'unclosed' | 'empty' | 'blank';
  /** Where a comma or period before the attribution goes: inside the closing mark (US), outside (UK), nowhere. */
  punct: 'inside' | 'outside' | 'none';
}
const marks = fc.nat({ max: QUOTE_MARKS.length - 1 });
export const quoteSpec: fc.Arbitrary<QuoteSpec> = fc.record({
  // The usual marks most of the time, every other mark now and then.
  marks: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: marks }),
  clauses: fc.array(clauseSpec, { minLength: 1, maxLength: 2 }),
  nested: sometimes(fc.record({ marks, clause: clauseSpec })),
  shape: fc.constantFrom<QuoteSpec['shape']>('closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'unclosed', 'empty', 'blank'),
  punct: fc.constantFrom<QuoteSpec['punct']>('inside', 'inside', 'outside', 'none'),
});

function renderQuote(c: CastMember[], q: QuoteSpec, trailing: string): string {
  const [open, close] = QUOTE_MARKS[q.marks]!;
  const t = q.punct === 'none' ? '' : trailing;
  if (q.shape === 'empty') return `${open}${close}${t}`;
  if (q.shape === 'blank') return `${open} ${close}${t}`;
  const sentences = q.clauses.map((x) => cap(renderClause(c, x)));
  if (q.nested) {
    const [o, cl] = QUOTE_MARKS[q.nested.marks]!;
    sentences[0] = `${sentences[0]}, calling it ${o}${renderClause(c, q.nested.clause)}${cl}`;
  }
  const body = sentences.join('. ');
  if (q.shape === 'unclosed') return `${open}${body}${t}`;
  return q.punct === 'inside' ? `${open}${body}${t}${close}` : `${open}${body}${close}${t}`;
}

// ---------------------------------------------------------------------------------------------------------
// Events

interface EventVerb {
  /** Affirmed, negated and hypothetical forms of the predicate; `{T}` is the target. */
  yes: string;
  no: string;
  maybe: string;
  target: 'actor' | 'place';
}
const EVENT_VERBS: EventVerb[] = [
  { yes: 'met {T}', no: 'did not meet {T}', maybe: 'is expected to meet {T}', target: 'actor' },
  { yes: 'met with {T}', no: 'refused to meet with {T}', maybe: 'could meet with {T}', target: 'actor' },
  { yes: 'held talks with {T}', no: 'has not held talks with {T}', maybe: 'plans to hold talks with {T}', target: 'actor' },
  { yes: 'visited {T}', no: 'has never visited {T}', maybe: 'will visit {T}', target: 'place' },
  { yes: 'arrived in {T}', no: 'did not arrive in {T}', maybe: 'is due to arrive in {T}', target: 'place' },
  { yes: 'signed an agreement with {T}', no: 'did not sign an agreement with {T}', maybe: 'hopes to sign an agreement with {T}', target: 'actor' },
  { yes: 'imposed sanctions on {T}', no: 'has not imposed sanctions on {T}', maybe: 'threatened to impose sanctions on {T}', target: 'actor' },
  { yes: 'condemned {T}', no: 'declined to condemn {T}', maybe: 'may condemn {T}', target: 'actor' },
  { yes: 'criticised {T} for its missile tests', no: 'never criticised {T}', maybe: 'would criticise {T}', target: 'actor' },
  { yes: 'accused {T} of violating the agreement', no: 'did not accuse {T} of anything', maybe: 'might accuse {T}', target: 'actor' },
  { yes: 'threatened to strike {T}', no: 'did not threaten {T}', maybe: 'could threaten {T}', target: 'actor' },
  { yes: 'threatened {T} with “merciless” retaliation', no: 'has not threatened {T}', maybe: 'may threaten {T}', target: 'actor' },
  { yes: 'attacked {T}', no: 'denied that it had attacked {T}', maybe: 'would attack {T} if provoked', target: 'actor' },
  { yes: 'urged {T} to return to talks', no: 'did not urge {T} to do anything', maybe: 'is set to urge {T} to talk', target: 'actor' },
  { yes: 'deployed troops to {T}', no: 'has not deployed troops to {T}', maybe: 'plans to deploy troops to {T}', target: 'place' },
  { yes: 'praised {T}', no: 'refused to praise {T}', maybe: 'is likely to praise {T}', target: 'actor' },
  { yes: 'rejected the proposal from {T}', no: 'did not reject {T}', maybe: 'may reject {T}', target: 'actor' },
  { yes: 'hosted {T}', no: 'will not host {T}', maybe: 'is to host {T}', target: 'actor' },
  { yes: 'supplied weapons to {T}', no: 'denied supplying weapons to {T}', maybe: 'could supply weapons to {T}', target: 'actor' },
  { yes: 'withdrew from the treaty with {T}', no: 'did not withdraw from talks with {T}', maybe: 'may pull out of talks with {T}', target: 'actor' },
  { yes: 'held joint drills with {T}', no: 'cancelled joint drills with {T}', maybe: 'plans joint drills with {T}', target: 'actor' },
];
const JOINT = ['met', 'held talks', 'signed an agreement', 'held joint drills', 'agreed to cooperate', 'reached a deal', 'exchanged fire'];

export interface EventSpec {
  src: Ref;
  verb: number;
  polarity: 'yes' | 'no' | 'maybe' | 'if';
  target: Ref;
  place: number;
  time: string;
  where: string;
}
export const eventSpec: fc.Arbitrary<EventSpec> = fc.record({
  src: ref,
  verb: fc.nat({ max: EVENT_VERBS.length - 1 }),
  polarity: fc.constantFrom<EventSpec['polarity']>('yes', 'yes', 'yes', 'yes', 'no', 'maybe', 'if'),
  target: ref,
  place: fc.nat({ max: COUNTRIES.length + PLACES.length - 1 }),
  time: timeAdjunct,
  where: fc.constantFrom('', '', '', 'in Geneva', 'in Seoul', 'at the border', 'in Vladivostok'),
});

/** The predicate of an event ("met Sergei Lavrov on Thursday in Geneva"), without its subject. */
function eventPredicate(c: CastMember[], e: EventSpec): string {
  const v = EVENT_VERBS[e.verb]!;
  const place = e.place < COUNTRIES.length ? (e.place % 2 ? COUNTRIES[e.place]!.capital : COUNTRIES[e.place]!.name) : PLACES[e.place - COUNTRIES.length]!;
  const target = v.target === 'place' ? place : refer(c, { who: e.target.who === e.src.who ? e.target.who + 1 : e.target.who, mode: e.target.mode === 'apposition' ? 'full' : e.target.mode }, false);
  const form = e.polarity === 'no' ? v.no : e.polarity === 'maybe' ? v.maybe : v.yes;
  return [form.replace('{T}', target), e.time, e.where].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Sentences

export type SentenceSpec =
  | { k: 'quoteAfter'; q: QuoteSpec; who: Ref; cue: string; inverted: boolean }
  | { k: 'quoteBefore'; q: QuoteSpec; who: Ref; cue: string; punct: string }
  | { k: 'splitQuote'; q1: QuoteSpec; q2: QuoteSpec; who: Ref; cue: string }
  | { k: 'spanning'; q1: QuoteSpec; q2: QuoteSpec; who: Ref; cue: string; reopen: boolean }
  | { k: 'indirect'; who: Ref; cue: string; that: boolean; setting: string; clause: ClauseSpec }
  | { k: 'trailing'; who: Ref; cue: string; clause: ClauseSpec }
  | { k: 'according'; who: Ref; front: boolean; clause: ClauseSpec }
  | { k: 'participle'; e: EventSpec; part: string; punct: string; tail: 'clause' | 'quote' | 'none'; clause: ClauseSpec; q: QuoteSpec }
  | { k: 'cuePunct'; who: Ref; cue: string; punct: string; tail: 'clause' | 'quote' | 'none'; clause: ClauseSpec; q: QuoteSpec; end: string }
  | { k: 'reportedBy'; who: Ref; reporter: Ref; q: QuoteSpec; verb: string; clause: ClauseSpec; form: 'pledge' | 'quotedAs' }
  | { k: 'event'; e: EventSpec }
  | { k: 'joint'; a: Ref; b: Ref; verb: string; time: string }
  | { k: 'filler'; n: string; date: string; email: string; phone: string; url: string; who: Ref; form: number };

const cue = pick(SPEECH_CUES);
const setting = fc.constantFrom('', '', '', ' on Monday', ' in a statement', ' at a news briefing', ' late on Thursday', ' in an interview with Reuters');
const tail = fc.constantFrom<'clause' | 'quote' | 'none'>('clause', 'quote', 'none');
const FILLER_FORMS = 9;

export const sentenceSpec: fc.Arbitrary<SentenceSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('quoteAfter' as const), q: quoteSpec, who: ref, cue, inverted: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('quoteBefore' as const), q: quoteSpec, who: ref, cue, punct: fc.constantFrom(',', ':', '', ' that', ' —') }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('splitQuote' as const), q1: quoteSpec, q2: quoteSpec, who: ref, cue }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('spanning' as const), q1: quoteSpec, q2: quoteSpec, who: ref, cue, reopen: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('indirect' as const), who: ref, cue, that: fc.boolean(), setting, clause: clauseSpec }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('trailing' as const), who: ref, cue, clause: clauseSpec }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('according' as const), who: ref, front: fc.boolean(), clause: clauseSpec }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('participle' as const), e: eventSpec, part: pick(PARTICIPLES), punct: pick(CUE_PUNCTUATION), tail, clause: clauseSpec, q: quoteSpec }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('cuePunct' as const), who: ref, cue: pick(CUES_BEFORE_PUNCTUATION), punct: pick(CUE_PUNCTUATION), tail, clause: clauseSpec, q: quoteSpec, end: fc.constantFrom('.', '.', '') }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reportedBy' as const), who: ref, reporter: ref, q: quoteSpec, verb: fc.constantFrom('pledged to', 'vowed to', 'called for', 'promised'), clause: clauseSpec, form: fc.constantFrom<'pledge' | 'quotedAs'>('pledge', 'quotedAs') }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('event' as const), e: eventSpec }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('joint' as const), a: ref, b: ref, verb: pick(JOINT), time: timeAdjunct }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('filler' as const), n: numberText, date: dateText, email: emailLike, phone: phoneLike, url: urlLike, who: ref, form: fc.nat({ max: FILLER_FORMS - 1 }) }) },
);

function renderTail(c: CastMember[], t: 'clause' | 'quote' | 'none', clause: ClauseSpec, q: QuoteSpec): string {
  if (t === 'none') return '';
  return ` ${t === 'clause' ? renderClause(c, clause) : renderQuote(c, q, '.')}`.replace(/^ (?=\s)/, '');
}

/** One sentence (or, for a quote that spans paragraphs, a sentence with a paragraph break in it). */
export function renderSentence(c: CastMember[], s: SentenceSpec): string {
  const who = (r: Ref) => refer(c, r);
  switch (s.k) {
    case 'quoteAfter':
      return `${renderQuote(c, s.q, ',')} ${s.inverted ? `${s.cue} ${who({ ...s.who, mode: s.who.mode === 'apposition' ? 'full' : s.who.mode })}` : `${who(s.who)} ${s.cue}`}.`;
    case 'quoteBefore':
      return cap(`${who(s.who)} ${s.cue}${s.punct} ${renderQuote(c, s.q, '.')}`);
    case 'splitQuote':
      return `${renderQuote(c, s.q1, ',')} ${who(s.who)} ${s.cue}. ${renderQuote(c, s.q2, '.')}`;
    case 'spanning': {
      const open = QUOTE_MARKS[s.q1.marks]![0];
      const first = renderQuote(c, { ...s.q1, shape: 'unclosed' }, '.');
      const second = renderQuote(c, { ...s.q2, marks: s.q1.marks }, '.');
      return cap(`${who(s.who)} ${s.cue}: ${first}\n\n${s.reopen ? second : second.slice(open.length)}`);
    }
    case 'indirect': {
      const object = s.cue === 'told' ? ` ${refer(c, { who: s.who.who + 1, mode: 'full' }, false)}` : '';
      return cap(`${who(s.who)} ${s.cue}${object}${s.setting} ${s.that ? 'that ' : ''}${renderClause(c, s.clause)}.`);
    }
    case 'trailing':
      return cap(`${renderClause(c, s.clause)}, ${who({ ...s.who, mode: s.who.mode === 'apposition' ? 'full' : s.who.mode })} ${s.cue}.`);
    case 'according':
      return s.front ? `According to ${refer(c, s.who, false)}, ${renderClause(c, s.clause)}.` : cap(`${renderClause(c, s.clause)}, according to ${refer(c, s.who, false)}.`);
    case 'participle':
      return cap(`${who(s.e.src)} ${eventPredicate(c, s.e)}, ${s.part}${s.punct}${renderTail(c, s.tail, s.clause, s.q)}.`);
    case 'cuePunct':
      return cap(`${who(s.who)} ${s.cue}${s.punct}${renderTail(c, s.tail, s.clause, s.q)}${s.end}`);
    case 'reportedBy':
      return s.form === 'pledge'
        ? cap(`${who(s.who)} ${s.verb} ${renderQuote(c, s.q, ',')} ${refer(c, { ...s.reporter, mode: s.reporter.mode === 'apposition' ? 'full' : s.reporter.mode })} said.`)
        : cap(`${who(s.reporter)} quoted ${refer(c, s.who, false)} as saying ${renderClause(c, s.clause)}.`);
    case 'event':
      return s.e.polarity === 'if' ? `If ${who(s.e.src)} ${eventPredicate(c, { ...s.e, polarity: 'maybe' })}, the region will suffer.` : cap(`${who(s.e.src)} ${eventPredicate(c, s.e)}.`);
    case 'joint':
      return cap(`${refer(c, { ...s.a, mode: 'full' })} and ${refer(c, { who: s.b.who === s.a.who ? s.b.who + 1 : s.b.who, mode: 'full' })} ${s.verb} ${s.time}.`.replace(/ \./, '.'));
    case 'filler':
      return [
        `${cap(s.n)} people were evacuated ${s.date === '' ? '' : `on ${s.date}`}, officials said.`,
        `The package is worth ${s.n}, up from ${s.n} in ${s.date}.`,
        `For details, contact ${s.email} or call ${s.phone}.`,
        `More information is available at ${s.url}.`,
        `The report was published on ${s.date} (local time) and updated at 10:30 a.m.`,
        `Mr. ${c[0]!.short} and Dr. ${c[1 % c.length]!.short} arrived at No. 10 at 9 p.m. — a day early.`,
        `It was the ${s.n}th such launch this year, the U.S. and U.N. officials said.`,
        `${cap(who(s.who))} can be reached at ${s.email}, ${s.phone} or ${s.url}.`,
        `In ${s.date}, about ${s.n} soldiers took part… or so it seemed?`,
      ][s.form]!;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The page around the body

const CHROME = ['Home > World > Asia', 'Skip to main content', 'Share', 'Print', 'Facebook Twitter Email', '© 2025 Example News. All rights reserved.', 'Photo: AFP', 'Related news', 'Go Top', 'Sign in to comment', 'Subscribe to our newsletter for the latest news', 'Politics', 'A+ A-', 'Advertisement', 'We use cookies to improve your experience on our website.', 'Copyright Yonhap News Agency', 'Our correspondent has more.', 'Menu', '|', '* * *'];
const OTHER_SCRIPT = ['북한은 오늘 탄도미사일을 발사했다고 밝혔다.', 'قال المتحدث باسم الوزارة إن المحادثات كانت مثمرة.', 'Москва заявила о готовности к переговорам.', '外交部发言人表示，会谈富有成果。'];

/** Headlines: "Kim Jong-un meets Putin in Vladivostok". */
const headlineSpec = fc.record({ a: ref, b: ref, verb: fc.constantFrom('meets', 'slams', 'vows to boost ties with', 'warns', 'signs deal with', 'rejects talks with', 'urges restraint from', 'accuses', 'hosts', 'Meets'), tail: fc.constantFrom('', '', 'in Vladivostok', 'amid tensions', 'over missile launch', "as 'rehearsal for invasion'", '(UPDATE 2)', '| Reuters', '— live updates', ': report', '?') });
const bylineSpec = fc.record({ names: fc.array(inventedName, { minLength: 1, maxLength: 3 }), form: fc.nat({ max: 6 }), station: pick(STATIONS) });
function renderByline(b: { names: string[]; form: number; station: string }): string {
  const list = b.names.length > 1 ? `${b.names.slice(0, -1).join(', ')} and ${b.names[b.names.length - 1]}` : b.names[0]!;
  return [`By ${list}`, `${b.names[0]!}, ${b.station}.`, `By ${list.toUpperCase()}, Associated Press`, `${b.names[0]!} Staff Reporter`, `Written by ${list}`, `${b.names[0]!} Diplomatic correspondent`, `By ${b.names[0]!} in ${COUNTRIES[0]!.capital}`][b.form]!;
}
const dateLineSpec = fc.record({ y: year, m: month, d: day, h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), form: fc.nat({ max: 5 }), wd: weekday });
function renderDateLine(x: { y: number; m: number; d: number; h: number; mi: number; form: number; wd: string }): string {
  const mm = String(x.m + 1).padStart(2, '0');
  const dd = String(x.d).padStart(2, '0');
  const hm = `${String(x.h).padStart(2, '0')}:${String(x.mi).padStart(2, '0')}`;
  return [`${MONTHS[x.m]} ${x.d}, ${x.y}`, `Published: ${x.y}-${mm}-${dd} ${hm}`, `Updated: ${MONTHS[x.m]} ${x.d}, ${x.y} ${hm} KST`, `Posted on ${x.wd}, ${x.d} ${MONTHS[x.m]} ${x.y}`, `${x.y}.${mm}.${dd} ${hm}`, `Written: ${x.y}-${mm}-${dd} ${hm}:00Updated: ${x.y}-${mm}-${dd} ${hm}:59`][x.form]!;
}
const datelineSpec = fc.record({ place: country, form: fc.nat({ max: 5 }), m: month, d: day });
function renderDateline(x: { place: Country; form: number; m: number; d: number }): string {
  const P = x.place.capital.toUpperCase();
  return [`${P}, (Reuters) –`, `${P}:`, `${P} (AP) —`, `${P}, ${MONTHS_SHORT[x.m]} ${x.d} (Yonhap) --`, `${P}, ${x.place.name.replace(/^the /, '')} —`, `${P}, ${MONTHS[x.m]} ${x.d} -`][x.form]!;
}
const footerSpec = fc.record({ names: fc.array(inventedName, { minLength: 1, maxLength: 2 }), form: fc.nat({ max: 3 }), station: pick(STATIONS) });
function renderFooter(f: { names: string[]; form: number; station: string }): string {
  return [`(Reporting by ${f.names.join(' and ')}; Editing by ${f.names[0]!})`, `${f.names[0]!}, ${f.station}.`, `${f.names[0]!} contributed to this report.`, `(Additional reporting by ${f.names[0]!})`][f.form]!;
}

/** One generated article: the file's text as a site would have it, the body as the generator wrote it, and a manifest entry. */
export interface GeneratedArticle {
  raw: string;
  /** The paragraphs as generated (no page furniture): what annotate would see if clean kept exactly the body. */
  body: string;
  manifest: Omit<ManifestEntry, 'file'> | null;
}

export interface ArticleSpec {
  cast: CastMember[];
  chromeTop: string[];
  headline: { a: Ref; b: Ref; verb: string; tail: string } | null;
  byline: { names: string[]; form: number; station: string } | null;
  dateLine: { y: number; m: number; d: number; h: number; mi: number; form: number; wd: string } | null;
  dateline: { place: Country; form: number; m: number; d: number } | null;
  broadcastLabel: boolean;
  paragraphs: SentenceSpec[][];
  otherScript: number | null;
  footer: { names: string[]; form: number; station: string } | null;
  chromeBottom: string[];
  /** The text ends right after a speech cue: "… the minister said" with nothing after it. */
  endsOnCue: string | null;
  crlf: boolean;
  trailingSpaces: boolean;
  /** How the page was saved: plain text, hard-wrapped lines, HTML markup, or decomposed accents (NFD). */
  layout: 'plain' | 'wrapped' | 'html' | 'nfd';
  /** Spaces between words: single, some non-breaking, some doubled, some tabs. */
  spacing: 'single' | 'nbsp' | 'double' | 'tab';
  manifest: Omit<ManifestEntry, 'file'> | null;
}

const manifestSpec = sometimes(
  fc.record({
    outlet: fc.option(fc.constantFrom('Example Times', 'Yonhap', 'KBS World', 'The Korea Herald'), { nil: null }),
    url: fc.option(urlLike.map((u) => (u.startsWith('http') ? u : `https://${u}`)), { nil: null }),
    published_date: fc.option(fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`), { nil: null }),
    language: fc.constantFrom<string | null>('en', 'en', null),
  }),
  1,
);

export const articleSpec: fc.Arbitrary<ArticleSpec> = fc.record({
  cast,
  chromeTop: fc.array(pick(CHROME), { maxLength: 3 }),
  headline: sometimes(headlineSpec, 1, 5),
  byline: sometimes(bylineSpec, 1),
  dateLine: sometimes(dateLineSpec, 1),
  dateline: sometimes(datelineSpec, 1),
  broadcastLabel: fc.nat({ max: 7 }).map((n) => n === 0),
  paragraphs: fc.array(fc.array(sentenceSpec, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
  otherScript: sometimes(fc.nat({ max: OTHER_SCRIPT.length - 1 }), 6),
  footer: sometimes(footerSpec, 2),
  chromeBottom: fc.array(pick(CHROME), { maxLength: 3 }),
  endsOnCue: sometimes(pick(CUES_BEFORE_PUNCTUATION), 6),
  crlf: fc.boolean(),
  trailingSpaces: fc.boolean(),
  layout: fc.constantFrom<ArticleSpec['layout']>('plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'wrapped', 'html', 'nfd'),
  spacing: fc.constantFrom<ArticleSpec['spacing']>('single', 'single', 'single', 'single', 'single', 'nbsp', 'double', 'tab'),
  manifest: manifestSpec,
});

/** Every `n`th space of `s` replaced by `by`. */
const respace = (s: string, n: number, by: string) => {
  let k = 0;
  return s.replace(/ /g, () => (++k % n === 0 ? by : ' '));
};
const SPACING: Record<ArticleSpec['spacing'], (s: string) => string> = { single: (s) => s, nbsp: (s) => respace(s, 5, '\u00A0'), double: (s) => respace(s, 4, '  '), tab: (s) => respace(s, 6, '\t') };
/** Lines of at most `width` characters, broken at spaces (a wire service's hard-wrapped text). */
const wrap = (p: string, width: number) => p.split(' ').reduce<string[]>((lines, w) => {
  const last = lines[lines.length - 1];
  if (last !== undefined && last.length + 1 + w.length <= width) lines[lines.length - 1] = `${last} ${w}`;
  else lines.push(w);
  return lines;
}, []).join('\n');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/“/g, '&ldquo;').replace(/\u00A0/g, '&nbsp;');

/** Renders a spec into the file text and the body. */
export function renderArticle(a: ArticleSpec): GeneratedArticle {
  const c = a.cast;
  const space = SPACING[a.spacing];
  const paragraphs = a.paragraphs.map((p) => space(p.map((s) => renderSentence(c, s)).join(' ')));
  if (a.endsOnCue) paragraphs[paragraphs.length - 1] = `${paragraphs[paragraphs.length - 1]!} ${cap(refer(c, { who: 0, mode: 'full' }))} ${a.endsOnCue}`;
  if (a.otherScript !== null) paragraphs.splice(Math.min(1, paragraphs.length), 0, OTHER_SCRIPT[a.otherScript]!);
  const body = paragraphs.join('\n\n');
  const header: string[] = [...a.chromeTop];
  if (a.headline) {
    const h = a.headline;
    header.push(`${refer(c, { ...h.a, mode: 'full' })} ${h.verb} ${refer(c, { who: h.b.who === h.a.who ? h.b.who + 1 : h.b.who, mode: 'short' })} ${h.tail}`.trim());
  }
  if (a.byline) header.push(renderByline(a.byline));
  if (a.dateLine) header.push(renderDateLine(a.dateLine));
  const bodyParagraphs = [a.dateline ? `${renderDateline(a.dateline)} ${paragraphs[0]!}` : paragraphs[0]!, ...paragraphs.slice(1)];
  if (a.broadcastLabel) bodyParagraphs[0] = `Anchor: ${bodyParagraphs[0]!}`;
  const footer = [...(a.footer ? [renderFooter(a.footer)] : []), ...a.chromeBottom];
  let raw: string;
  if (a.layout === 'html') {
    const block = (tag: string) => (x: string) => `<${tag}>${escapeHtml(x)}</${tag}>`;
    raw = `<html><head><title>${escapeHtml(header[header.length - 1] ?? '')}</title></head><body>\n<nav>${header.slice(0, a.chromeTop.length).map(block('div')).join('')}</nav>\n${header.slice(a.chromeTop.length).map(block('p')).join('\n')}\n<article>${bodyParagraphs.map(block('p')).join('\n')}</article>\n<footer>${footer.map(block('div')).join('')}</footer><script>var x = "<p>not text</p>";</script></body></html>`;
  } else {
    const paras = a.layout === 'wrapped' ? bodyParagraphs.map((p) => wrap(p, 72)) : bodyParagraphs;
    raw = [header.join('\n'), paras.join('\n\n'), footer.join('\n')].filter(Boolean).join('\n\n');
    if (a.layout === 'nfd') raw = raw.normalize('NFD');
  }
  if (a.trailingSpaces) raw = raw.replace(/\n/g, '  \n');
  if (a.crlf) raw = raw.replace(/\n/g, '\r\n');
  return { raw, body: a.layout === 'nfd' ? body.normalize('NFD') : body, manifest: a.manifest };
}

/** A generated article, rendered. */
export const newsArticle: fc.Arbitrary<GeneratedArticle> = articleSpec.map(renderArticle);
