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
      // A republished copy: new header, two words changed.
      const words = texts[Math.floor(r() * texts.length)]!.split(' ');
      for (let k = 0; k < 2; k++) words[10 + Math.floor(r() * (words.length - 20))] = pick(['said', 'officials', 'talks', 'week']);
      text = `Latest | World\n${words.join(' ')}\nShare this article\n`;
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
