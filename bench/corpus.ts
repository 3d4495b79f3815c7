/**
 * A realistic synthetic news corpus, deterministic for a seed: articles of 300-900 words recombined from a
 * bank of news sentences with varied people, organisations, countries, capitals, quotes and datelines, and
 * about 5% planted near-duplicates (a republished copy with a new header and two words changed). Written as
 * a seeds folder (`*.txt` + `manifest.json`) the pipeline reads like any other.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import worldCountries from 'world-countries';
import type { Countries } from 'world-countries';
import { rng } from './synthetic.ts';

const countries = (worldCountries as unknown as Countries).filter((c) => c.unMember && c.capital[0] && c.demonyms?.['eng']?.m);

const FIRST = ['Anna', 'Marek', 'Lina', 'Tomas', 'Hana', 'Omar', 'Yusuf', 'Mei', 'Jun', 'Sofia', 'Pavel', 'Amara', 'Diego', 'Ines', 'Kofi', 'Leila', 'Ravi', 'Elena', 'Jonas', 'Aiko', 'Malik', 'Noor', 'Sven', 'Irina'];
const LAST = ['Kowalski', 'Haddad', 'Tanaka', 'Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'Santos', 'Novak', 'Rahman', 'Costa', 'Ibrahim', 'Fischer', 'Kim', 'Park', 'Nguyen', 'Silva', 'Horvat', 'Mensah', 'Castro', 'Varga', 'Ahmed', 'Larsen', 'Sato'];
const TITLES = ['Foreign Minister', 'Prime Minister', 'President', 'Defence Minister', 'Trade Minister'];
const ORGS = ['Foreign Ministry', 'Defence Ministry', 'Trade Ministry', 'Central Bank', 'National Security Council'];
const TOPICS = ['trade', 'energy', 'border security', 'fisheries', 'grain exports', 'migration', 'climate finance', 'arms control'];
const QUOTES = [
  'We have agreed to work together on the issues that matter most to our people',
  'This is a step forward, but there is still a long way to go',
  'Our position has not changed and it will not change',
  'We call on all sides to show restraint',
  'The talks were frank and constructive',
  'Nobody wants a new crisis in the region',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface BenchCorpus {
  dir: string;
  articles: number;
  bytes: number;
  planted: number;
}

/** Writes `n` articles into `dir` (a seeds folder) and returns what was written. */
export function writeCorpus(dir: string, n: number, seed = 1): BenchCorpus {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const texts: string[] = [];
  const manifest: { file: string; published_date: string; outlet: string }[] = [];
  let bytes = 0;
  let planted = 0;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(r() * 365);
    const date = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const file = `a${String(i).padStart(6, '0')}.txt`;
    let text: string;
    if (i > 20 && r() < 0.05) {
      text = republished(texts, r, pick);
      planted++;
    } else {
      const [a, b] = [pick(countries), pick(countries)];
      const [pa, pb, pc] = [person(), person(), person()];
      const [demA, demB] = [a.demonyms['eng']!.m, b.demonyms['eng']!.m];
      const wd = pick(WEEKDAYS);
      const bank = [
        `${pa}, ${demA} ${pick(TITLES).toLowerCase()}, met ${pb} in ${b.capital[0]} on ${wd} to discuss ${pick(TOPICS)}.`,
        `“${pick(QUOTES)},” ${pa} told reporters after the meeting.`,
        `${pb} said the two countries would set up a working group on ${pick(TOPICS)} before the end of the year.`,
        `The ${demA} ${pick(ORGS)} said in a statement that ${a.name.common} and ${b.name.common} had reached a broad understanding.`,
        `According to the ${demB} ${pick(ORGS)}, the next round of talks will take place in ${a.capital[0]}.`,
        `${a.name.common} and ${b.name.common} signed an agreement on ${pick(TOPICS)} on ${pick(MONTHS)} ${1 + Math.floor(r() * 28)}.`,
        `${pc}, a professor of international relations at the University of ${b.capital[0]}, said the visit showed a change of tone.`,
        `“${pick(QUOTES)},” said ${pc}.`,
        `Officials in ${b.capital[0]} urged ${a.name.common} to honour earlier commitments on ${pick(TOPICS)}.`,
        `${b.name.common} accused ${pick(countries).name.common} of undermining the talks, a charge it denied.`,
        `The talks focused on ${pick(TOPICS)}, ${pick(TOPICS)} and ${pick(TOPICS)}, according to a joint statement.`,
        `Analysts said the meeting was the most important contact between the two governments in years.`,
        `Trade between the two countries grew by ${2 + Math.floor(r() * 20)} percent last year, official figures show.`,
      ];
      const target = 300 + Math.floor(r() * 600);
      const paragraphs: string[] = [];
      let words = 0;
      while (words < target) {
        const para = Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(bank)).join(' ');
        paragraphs.push(para);
        words += para.split(' ').length;
      }
      text = `${demA} and ${demB} officials hold talks on ${pick(TOPICS)}\nBy ${person()}\n${a.capital[0]!.toUpperCase()} (Example Wire) — ${paragraphs.join('\n\n')}\n`;
    }
    texts.push(text);
    writeFileSync(path.join(dir, file), text);
    bytes += Buffer.byteLength(text);
    manifest.push({ file, published_date: date, outlet: `Outlet ${i % 17}` });
  }
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ articles: manifest }));
  return { dir, articles: n, bytes, planted };
}

// ---------------------------------------------------------------------------------------------------------------
// The dense shape: articles like a new user's independently generated corpus (issue 16). About 5.4 KB per article
// (3.8-7 KB), with many more quotes (direct, split and reported speech, with "said", "told", "according to")
// and many more actor mentions per article than the default shape: titled people with invented names who recur
// across articles, national and international organisations, countries drawn with a skew towards the countries
// that dominate international news, groups named by role ("Ukrainian soldiers"), dates, and event sentences
// ("X met Y", "X accused Y of …", "X imposed sanctions on Y"). About 5% planted near-duplicates, as the default.
// Deterministic for a seed; it draws from its own generator, so the default shape is unchanged.

/** The shapes `npm run bench -- --shape` accepts. */
export const SHAPES = ['default', 'dense'] as const;
export type Shape = (typeof SHAPES)[number];

const HOT = ['Ukraine', 'Russia', 'United States', 'China', 'Israel', 'Iran', 'Türkiye', 'India', 'Pakistan', 'Sudan', 'Syria', 'Germany', 'France', 'United Kingdom', 'Japan', 'Saudi Arabia', 'Egypt', 'Poland', 'Brazil', 'South Africa', 'Nigeria', 'Ethiopia', 'Afghanistan', 'Iraq', 'Lebanon', 'North Korea', 'South Korea', 'Venezuela', 'Mexico', 'Qatar', 'Yemen', 'Somalia', 'Libya', 'Belarus', 'Serbia'];
const THE = /^(?:United |Central African|Dominican Republic|Philippines|Netherlands|Bahamas|Gambia|Maldives|Comoros|Marshall|Solomon)/;
const denseCountries = (() => {
  const usable = countries.filter((c) => !/,| or /.test(c.demonyms['eng']!.m));
  const hot = HOT.map((h) => usable.find((c) => c.name.common === h)).filter((c) => c !== undefined);
  return [...hot, ...usable.filter((c) => !hot.includes(c))].map((c) => ({
    name: `${THE.test(c.name.common) ? 'the ' : ''}${c.name.common}`,
    dem: c.demonyms['eng']!.m,
    capital: c.capital[0]!.replace(/ D\.C\.$/, ''),
  }));
})();
type Country = (typeof denseCountries)[number];

const FIRST_M = ['Marek', 'Tomas', 'Omar', 'Yusuf', 'Jun', 'Pavel', 'Diego', 'Kofi', 'Ravi', 'Jonas', 'Malik', 'Sven', 'Andriy', 'Dmitri', 'Hassan', 'Ahmed', 'Wei', 'Hiroshi', 'Carlos', 'Emeka', 'Tariq', 'Lars', 'Mehmet', 'Arjun', 'Felipe', 'Nikolai', 'Samuel', 'Youssef', 'Bogdan', 'Kwame', 'Stefan', 'Luis', 'Daniel', 'Rashid', 'Viktor', 'Oleksandr'];
const FIRST_F = ['Anna', 'Lina', 'Hana', 'Mei', 'Sofia', 'Amara', 'Ines', 'Leila', 'Elena', 'Aiko', 'Noor', 'Irina', 'Fatima', 'Olena', 'Maria', 'Yuki', 'Priya', 'Chiara', 'Ngozi', 'Zeynep', 'Katarzyna', 'Lucia', 'Amina', 'Ingrid', 'Rania', 'Tatiana', 'Sarah', 'Mariam', 'Ewa', 'Carmen', 'Adaeze', 'Svetlana'];
const LAST_D = ['Kowalski', 'Haddad', 'Tanaka', 'Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'Santos', 'Novak', 'Rahman', 'Costa', 'Ibrahim', 'Fischer', 'Nguyen', 'Silva', 'Horvat', 'Mensah', 'Castro', 'Varga', 'Larsen', 'Sato', 'Kovalenko', 'Shevchenko', 'Volkov', 'Al-Masri', 'Yilmaz', 'Chaudhry', 'Mbeki', 'Adeyemi', 'Hoffmann', 'Dubois', 'Rossi', 'Nowak', 'Kaya', 'Sharma', 'Herrera', 'Mendes', 'Osei', 'Demir', 'Bauer', 'Karimi', 'Suleiman', 'Tkachenko', 'Ivanova', 'Lopez', 'Jansen', 'Eriksson', 'Wojcik'];
const SYL = ['ka', 'lo', 'mi', 'ra', 'ten', 'dor', 'vel', 'dan', 'bri', 'gor', 'ul', 'es', 'na', 'tor', 'bi', 'sa', 'zen', 'fo', 'hal', 'rin', 'ko', 'mar', 'vi', 'len'];
const TITLES_D = ['Foreign Minister', 'Prime Minister', 'President', 'Defence Minister', 'Interior Minister', 'Finance Minister', 'Trade Minister', 'Energy Minister', 'Health Minister', 'Justice Minister', 'Deputy Foreign Minister', 'army chief', 'opposition leader', 'central bank governor', 'national security adviser', 'UN ambassador'];
const INTL = ['the United Nations', 'the UN Security Council', 'the European Union', 'NATO', 'the African Union', 'the World Bank', 'the International Monetary Fund', 'the World Health Organization', 'the International Committee of the Red Cross', 'Amnesty International', 'Human Rights Watch', 'the International Atomic Energy Agency', 'the International Criminal Court', 'OPEC', 'the World Food Programme', 'the UN refugee agency'];
const NATIONAL = ['Foreign Ministry', 'Defence Ministry', 'Interior Ministry', 'Finance Ministry', 'Central Bank', 'army', 'parliament', 'Supreme Court', 'Electoral Commission', 'state news agency', 'National Security Council'];
const GROUPS = ['soldiers', 'troops', 'officials', 'diplomats', 'rebels', 'police', 'protesters', 'lawmakers', 'negotiators', 'security forces', 'opposition supporters', 'farmers', 'refugees', 'aid workers', 'border guards', 'military officials', 'prosecutors', 'students', 'workers', 'journalists'];
const TOPICS_D = ['trade', 'energy supplies', 'border security', 'grain exports', 'migration', 'climate finance', 'arms control', 'the ceasefire', 'prisoner exchanges', 'humanitarian access', 'nuclear inspections', 'debt relief', 'gas prices', 'water rights', 'the peace plan', 'reconstruction', 'fishing rights', 'visa rules', 'military cooperation', 'sanctions relief'];
const ACCUSE = ['violating the ceasefire', 'shelling civilian areas', 'interfering in its internal affairs', 'blocking aid deliveries', 'arming rebel groups', 'spreading disinformation', 'detaining journalists', 'stalling the talks', 'breaking the grain deal', 'massing troops on the border', 'harbouring militants', 'rigging the election'];
const DEMANDS = ['withdraw its troops', 'release the detained aid workers', 'return to the negotiating table', 'allow humanitarian access', 'respect the ceasefire', 'hold free and fair elections', 'stop the shelling', 'reopen the border crossing', 'pay its debts', 'hand over the suspects'];
const REASONS = ['its human rights record', 'the crackdown on protesters', 'its nuclear programme', 'the invasion', 'the disputed election', 'arms shipments', 'cyber attacks', 'the detention of opposition leaders'];
const OUTLETS = ['reporters', 'the Example Wire', 'state television', 'a news conference', 'journalists', 'the Daily Meridian', 'local radio', 'parliament'];
const QUOTES_D = [
  ...QUOTES,
  'We will not negotiate under threat',
  'The situation on the ground is getting worse every day',
  'We expect concrete steps, not more promises',
  'There can be no lasting peace without justice for the victims',
  'The door to dialogue remains open',
  'These sanctions will hurt ordinary people, not the government',
  'We are ready to respond to any provocation',
  'History will judge those who stood by and did nothing',
  'The agreement is fragile, and everyone knows it',
  'We have seen no evidence to support these claims',
  'Our soldiers are defending every metre of our land',
  'Families have been without food or water for weeks',
  'This decision was not taken lightly',
  'We urge the international community to act now',
  'It is too early to say whether the ceasefire will hold',
  'The government has lost the trust of its people',
];
const REPORTED = ['the government would not accept any deal that left its territory divided', 'the two sides had made progress but no agreement had been reached', 'aid convoys had been blocked for a third week', 'the sanctions were illegal and would be challenged', 'more troops would be sent to the border', 'the election had been marred by irregularities', 'talks would resume after the holiday', 'the attack had been planned for months', 'the country was ready to mediate', 'prices had doubled since the start of the year'];

/** Writes `n` articles of the given shape into `dir` (a seeds folder) and returns what was written. */
export function writeShape(dir: string, n: number, seed = 1, shape: Shape = 'default'): BenchCorpus {
  return shape === 'dense' ? writeDenseCorpus(dir, n, seed) : writeCorpus(dir, n, seed);
}

/** The dense shape's article texts and manifest rows, in order (no disk). */
export function denseArticles(n: number, seed = 1): { texts: string[]; manifest: { file: string; published_date: string; outlet: string }[]; planted: number } {
  const r = rng((seed * 2_654_435_761 + 0x0de5e) >>> 0);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const skew = <T>(xs: readonly T[], power = 3) => xs[Math.floor(xs.length * r() ** power)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const invented = () => {
    const w = Array.from({ length: int(2, 3) }, () => pick(SYL)).join('');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  // A cast of recurring people per country: the same ministers come back from article to article.
  const people = new Map<Country, { first: string; last: string; he: boolean; title: string }[]>();
  const castOf = (c: Country) => {
    let cast = people.get(c);
    if (!cast) {
      cast = Array.from({ length: 14 }, () => {
        const he = r() < 0.55;
        return { first: pick(he ? FIRST_M : FIRST_F), last: r() < 0.6 ? pick(LAST_D) : invented(), he, title: pick(TITLES_D) };
      });
      people.set(c, cast);
    }
    return cast;
  };
  const texts: string[] = [];
  const manifest: { file: string; published_date: string; outlet: string }[] = [];
  let planted = 0;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(r() * 365);
    const when = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000);
    const date = when.toISOString().slice(0, 10);
    const file = `a${String(i).padStart(6, '0')}.txt`;
    let text: string;
    if (i > 20 && r() < 0.05) {
      text = republished(texts, r, pick);
      planted++;
    } else {
      text = denseArticle();
    }
    texts.push(text);
    manifest.push({ file, published_date: date, outlet: `Outlet ${i % 23}` });

    function denseArticle(): string {
      // The article's countries, people, organisations and groups.
      const cs: Country[] = [];
      while (cs.length < 3) {
        const c = skew(denseCountries);
        if (!cs.includes(c)) cs.push(c);
      }
      const [A, B] = [cs[0]!, cs[1]!];
      const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
      const cast = cs.flatMap((c, k) => Array.from({ length: k < 2 ? 2 : 1 }, () => ({ ...pick(castOf(c)), c })));
      const introduced = new Set<string>();
      type P = (typeof cast)[number];
      const full = (p: P) => `${p.first} ${p.last}`;
      /** A person as news names them: title and full name the first time, the family name after. */
      const lower = (t: string) => t.split(' ').map((w) => (w === 'UN' ? w : w.toLowerCase())).join(' ');
      const name = (p: P) => {
        if (introduced.has(full(p))) return r() < 0.2 ? `the ${p.c.dem} ${lower(p.title)}` : p.last;
        introduced.add(full(p));
        const form = r();
        if (form < 0.5) return `${p.c.dem} ${p.title} ${full(p)}`;
        if (form < 0.8) return `${full(p)}, the ${p.c.dem} ${lower(p.title)},`;
        return full(p);
      };
      const pro = (p: P) => (p.he ? 'he' : 'she');
      const country = (c: Country) => c.name;
      const org = () => (r() < 0.5 ? pick(INTL) : `the ${pick(cs).dem} ${pick(NATIONAL)}`);
      const group = () => `${pick(cs).dem} ${pick(GROUPS)}`;
      const actor = (): string => {
        const x = r();
        if (x < 0.35) return (name(pick(cast)));
        if (x < 0.6) return country(pick(cs));
        if (x < 0.8) return org();
        return group();
      };
      const two = (): [string, string] => {
        const a = actor();
        let b = actor();
        for (let k = 0; k < 3 && b === a; k++) b = actor();
        return [a, b];
      };
      const dateWords = () => {
        const d = new Date(when.getTime() - int(0, 6) * 86_400_000);
        const x = r();
        if (x < 0.4) return `on ${WEEKDAYS.concat(['Saturday', 'Sunday'])[(d.getUTCDay() + 6) % 7]}`;
        if (x < 0.7) return `on ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
        if (x < 0.85) return `on ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
        return pick(['last week', 'earlier this month', 'late on Sunday', 'overnight']);
      };
      const s = cap;
      const quoteSentences: (() => string)[] = [
        () => { const p = pick(cast); return `“${pick(QUOTES_D)},” ${(name(p))} said.`; },
        () => { const p = pick(cast); return `“${pick(QUOTES_D)},” said ${(name(p))}.`; },
        () => { const p = pick(cast); return `“${pick(QUOTES_D)},” ${(name(p))} told ${pick(OUTLETS)} in ${p.c.capital}. “${pick(QUOTES_D)}.”`; },
        () => { const p = pick(cast); return `${s((name(p)))} said: “${pick(QUOTES_D)}.”`; },
        () => { const p = pick(cast); return `${s(name(p))} told ${pick(OUTLETS)} ${dateWords()} that ${pick(REPORTED)}.`; },
        () => { const p = pick(cast); return `${s(name(p))} said ${dateWords()} that ${pick(REPORTED)}. “${pick(QUOTES_D)},” ${pro(p)} added.`; },
        () => `According to ${(name(pick(cast)))}, ${pick(REPORTED)}.`,
        () => `According to ${org()}, ${pick(REPORTED)}.`,
        () => `“${pick(QUOTES_D)},” ${org()} said in a statement.`,
        () => `A spokesperson for ${org()} said ${pick(REPORTED)}.`,
        () => `${s(group())} told ${pick(OUTLETS)} that ${pick(REPORTED)}.`,
        () => { const p = pick(cast); return `“${pick(QUOTES_D)}. ${pick(QUOTES_D)},” ${(name(p))} said, speaking ${dateWords()}.`; },
        () => `${pick(FIRST_M.concat(FIRST_F))} ${pick(LAST_D)}, an analyst at the ${invented()} Institute in ${pick(cs).capital}, said talks on ${pick(TOPICS_D)} were unlikely to succeed soon.`,
        () => `“${pick(QUOTES_D)},” said ${pick(FIRST_M.concat(FIRST_F))} ${invented()}, a resident of ${pick(cs).capital}.`,
        () => { const p = pick(cast); return `${s((name(p)))} warned that ${pick(REPORTED)}, according to ${pick(['state media', 'a readout of the call', `a statement from ${p.he ? 'his' : 'her'} office`, 'two officials'])}.`; },
      ];
      const eventSentences: (() => string)[] = [
        () => { const [x, y] = two(); return `${s(x)} met ${y} in ${pick(cs).capital} ${dateWords()} to discuss ${pick(TOPICS_D)}.`; },
        () => { const [x, y] = two(); return `${s(x)} accused ${y} of ${pick(ACCUSE)}.`; },
        () => `${s(country(A))} imposed sanctions on ${country(B)} over ${pick(REASONS)}.`,
        () => { const [x, y] = two(); return `${s(x)} imposed sanctions on ${y} ${dateWords()}.`; },
        () => { const [x, y] = two(); return `${s(x)} condemned ${y} for ${pick(ACCUSE)}.`; },
        () => { const [x, y] = two(); return `${s(x)} called on ${y} to ${pick(DEMANDS)}.`; },
        () => `${s(country(A))} signed an agreement with ${country(B)} on ${pick(TOPICS_D)} ${dateWords()}.`,
        () => `${s(A.dem)} ${pick(['soldiers', 'troops', 'forces', 'border guards'])} clashed with ${B.dem} ${pick(['troops', 'rebels', 'militants', 'soldiers'])} ${pick(['near the border', `outside ${A.capital}`, 'in the disputed region'])} ${dateWords()}, killing ${int(2, 40)} people.`,
        () => `${s(A.dem)} police arrested ${int(5, 300)} protesters in ${A.capital} ${dateWords()}.`,
        () => { const [x, y] = two(); return `${s(x)} pledged $${int(5, 900)} million in aid to ${y}.`; },
        () => { const [x, y] = two(); return `${s(x)} rejected a proposal by ${y} on ${pick(TOPICS_D)}.`; },
        () => `${s(country(A))} expelled ${int(2, 12)} ${B.dem} diplomats and recalled its ambassador from ${B.capital}.`,
        () => { const [x, y] = two(); return `${s(x)} warned ${y} against ${pick(ACCUSE)}.`; },
        () => `${s(country(pick(cs)))} offered to mediate between ${country(A)} and ${country(B)}.`,
        () => `${s(country(A))} and ${country(B)} agreed to a ceasefire ${dateWords()}, but ${pick(GROUPS)} reported shelling hours later.`,
        () => { const p = pick(cast); return `${s((name(p)))} visited ${pick(cs).capital} ${dateWords()} and met ${pick(GROUPS)} and ${org()}.`; },
        () => `${s(org())} praised ${country(pick(cs))} for ${pick(['its restraint', 'opening the border', 'the prisoner release', 'its role in the talks'])}.`,
        () => `${s(country(B))} denied the accusations and said ${pick(REPORTED)}.`,
      ];
      const backgroundSentences: (() => string)[] = [
        () => `The conflict has displaced more than ${int(2, 900)},000 people, according to ${pick(INTL)}.`,
        () => `Trade between ${country(A)} and ${country(B)} fell by ${int(2, 40)} percent last year.`,
        () => `The talks in ${A.capital} were the first since ${MONTHS[int(0, 11)]}.`,
        () => `Prices of ${pick(['wheat', 'fuel', 'bread', 'gas', 'fertiliser'])} rose sharply after the announcement.`,
        () => `${s(pick(TOPICS_D))} has been a source of tension between the two governments for years.`,
        () => `The ${B.dem} government has not commented on the report.`,
      ];
      const headline = `${s(A.dem)} and ${B.dem} ${pick(['officials', 'leaders', 'negotiators', 'diplomats'])} ${pick(['clash over', 'hold talks on', 'trade accusations over', 'seek deal on'])} ${pick(TOPICS_D)}`;
      const target = 3500 + Math.floor(r() * 3200);
      let body = '';
      const paragraphs: string[] = [];
      while (body.length < target) {
        const para: string[] = [];
        for (let k = 0, m = int(1, 3); k < m; k++) {
          const x = r();
          // An apposition closes with a comma ("X, the Iranian trade minister, said"), unless punctuation follows.
          para.push(pick(x < 0.58 ? quoteSentences : x < 0.95 ? eventSentences : backgroundSentences)().replace(/,([.,:])/g, '$1'));
        }
        const p = para.join(' ');
        paragraphs.push(p);
        body += p + '\n\n';
      }
      return `${headline}\nBy ${pick(FIRST_M.concat(FIRST_F))} ${pick(LAST_D)}\n${A.capital.toUpperCase()} (Example Wire) — ${paragraphs.join('\n\n')}\n`;
    }
  }
  return { texts, manifest, planted };
}

/** Writes `n` articles of the dense shape into `dir` (a seeds folder). */
export function writeDenseCorpus(dir: string, n: number, seed = 1): BenchCorpus {
  mkdirSync(dir, { recursive: true });
  const { texts, manifest, planted } = denseArticles(n, seed);
  let bytes = 0;
  texts.forEach((text, i) => {
    writeFileSync(path.join(dir, manifest[i]!.file), text);
    bytes += Buffer.byteLength(text);
  });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ articles: manifest }));
  return { dir, articles: n, bytes, planted };
}

/** What makes a shape dense, counted in one article's text: opening quote marks, speech cues ("said", "told",
 * "according to") and runs of capitalised words (names of people, organisations, countries, groups). */
export function textStats(text: string): { bytes: number; quotes: number; cues: number; names: number } {
  return {
    bytes: Buffer.byteLength(text),
    quotes: text.match(/“/g)?.length ?? 0,
    cues: text.match(/\b(?:said|told|according to)\b/gi)?.length ?? 0,
    names: text.match(/\b\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)*/gu)?.length ?? 0,
  };
}

/** A republished copy of one of `texts`: a new header, two words changed (the near duplicates dedupe must find). */
function republished(texts: string[], r: () => number, pick: (xs: string[]) => string): string {
  const words = texts[Math.floor(r() * texts.length)]!.split(' ');
  for (let k = 0; k < 2; k++) words[10 + Math.floor(r() * (words.length - 20))] = pick(['said', 'officials', 'talks', 'week']);
  return `Latest | World\n${words.join(' ')}\nShare this article\n`;
}
