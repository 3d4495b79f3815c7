/**
 * Events of one article (ANNOTATION.md, Events): a source actor does something to or with a target actor.
 * Triggers are the verb and noun patterns of pipeline/lexicon/events.json; the source is the subject of the
 * verb (walking back over adverbs and appositions, following "X and Y" coordination and resolving he/she/it),
 * the target stands where the pattern's frame says (object, "to/with/for X", "between X and Y", the country of
 * a place visited). Triggers inside direct quotes are words said, not events. Dates come from the nearest date
 * expression of the sentence, locations from "in <capital or country>". Pure.
 */
import { alt, once } from '../regex.ts';
import eventLexicon from '../lexicon/events.json' with { type: 'json' };
import { subjectEnds } from './clause.ts';
import type { Lexicon } from './lexicon.ts';
import { LEXICON } from './lexicon.ts';
import type { ArticleEntity, Mention } from './mentions.ts';
import type { Sentence } from './sentences.ts';
import { timeExpressions } from './time.ts';

type EventType = (typeof eventLexicon.verbs)[number]['type'];

export interface EventDraft {
  type: EventType;
  cameo: string;
  sourceKey: string;
  targetKey: string | null;
  date: string | null;
  precision: 'day' | 'month' | 'year' | null;
  dateText: string | null;
  location: string | null;
  /** Evidence: the sentence the event was coded from. */
  start: number;
  end: number;
  confidence: number;
}

interface Pattern {
  id: string;
  type: EventType;
  cameo: string;
  frame: string;
  military_cameo?: string;
  noun: boolean;
  requires?: string[];
}

// A form can be a verb and a noun ("to visit Moscow", "a visit to Moscow"): both are kept, and the words
// before it decide (see NOUN_LEAD).
const VERBS = new Map<string, Pattern>();
const NOUNS = new Map<string, Pattern>();
for (const v of eventLexicon.verbs) for (const f of v.forms) VERBS.set(f, { ...v, noun: false });
for (const n of eventLexicon.nouns) for (const f of n.forms) NOUNS.set(f, { ...n, frame: 'noun', noun: true });
const PATTERNS = new Set([...VERBS.keys(), ...NOUNS.keys()]);
/** What makes a form a noun: a determiner, possessive or adjective before it ("a visit", "Putin's visit", "a September summit"). */
const NOUN_LEAD = /(?:\b(?:a|an|the|his|her|its|their|our|this|that|first|second|last|recent|rare|official|state|planned|landmark|historic|separate|joint|further)|['’]s|-day|\p{Lu}\p{Ll}+)\s+(?:[\p{L}-]+\s+)?$/u;
/** CAMEO codes of events with no direction (meet, talk, sign, agree): their actors may come in either order. */
export const SYMMETRIC_CAMEOS = new Set([...eventLexicon.verbs.filter((v) => v.frame === 'symmetric').map((v) => v.cameo), ...eventLexicon.nouns.filter((n) => n.symmetric).map((n) => n.cameo)]);
const TRIGGER = new RegExp(`\\b(${alt([...PATTERNS].sort((a, b) => b.length - a.length))})\\b`, 'g');
const MILITARY = new RegExp(`\\b(?:${alt(eventLexicon.military_words)})\\b`, 'i');
// Clause boundaries; a speech verb opens the reported clause, which the time of the saying does not date.
const CLAUSE_END = /;|,\s+(?:which|who|whom|where|while|but|although|though|saying|adding)\b|,\s+and\s+(?=\p{Lu})|\s+(?:as|when|while|after|before|because|although|though|amid|during|that)\s|\b(?:said|says|told|reported|added|announced|stated)\s+(?:that\s+)?(?=\p{L})/u;
/** CLAUSE_END for matchAll (which copies the pattern, so sharing it is safe). */
const CLAUSE_END_ALL = new RegExp(CLAUSE_END.source, 'gu');
const INTENT = new RegExp(`\\b(?:${alt(eventLexicon.intent_verbs)})\\s+(?:[\\p{L}’'.-]+\\s+){0,4}?to\\s+$`, 'u');
const HYPOTHETICAL = new RegExp(`\\b(?:${alt(eventLexicon.hypothetical_markers)})\\s+(?:[\\p{L}’'.-]+\\s+){0,4}$`, 'u');
const PASSIVE = /\b(?:was|were|been|being|is|are|be)\s+$/u;

/** Events of one article. `published` anchors relative dates. */
export function findEvents(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  entities: Map<string, ArticleEntity>,
  published: string | null,
  quoteSpans: { start: number; end: number }[],
  lex: Lexicon = LEXICON,
): { events: EventDraft[]; placeMentions: Mention[] } {
  const events: EventDraft[] = [];
  const placeMentions: Mention[] = [];
  const typeOf = (key: string) => entities.get(key)?.type;
  const at = (end: number, from: number) => mentions.find((m) => m.end === end && m.start >= from);
  const before = (pos: number) => mentions.filter((m) => m.end <= pos);

  const pronoun = (p: string, pos: number, s?: Sentence): Mention | undefined => {
    const person = /^(?:he|she)$/i.test(p);
    // In a subordinate clause "he" is usually the sentence's subject: "Kim expressed …, as he met Lavrov".
    const opener = s ? sentenceSubject(s) : undefined;
    if (person && opener && opener.end <= pos && typeOf(opener.key) === 'person') return opener;
    const earlier = before(pos).reverse();
    return person ? earlier.find((m) => typeOf(m.key) === 'person') : (earlier.find((m) => typeOf(m.key) === 'organization') ?? earlier.find((m) => typeOf(m.key) === 'country'));
  };
  /** The actor opening a sentence (within its first eight words): its grammatical subject, most often. */
  const sentenceSubject = (s: Sentence): Mention | undefined => {
    const inS = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    let first = inS[0];
    // "Russia’s Foreign Minister Sergey Lavrov": the person is the subject, not the country.
    if (first && typeOf(first.key) === 'country' && inS[1] && typeOf(inS[1].key) === 'person' && /^['’]s\s+(?:[\p{L}.-]+\s+){1,3}$/u.test(text.slice(first.end, inS[1].start))) first = inS[1];
    return first && text.slice(s.start, first.start).split(/\s+/).length <= 8 ? first : undefined;
  };
  /** The subject(s) of a verb starting at `pos`; "X and Y" gives both. */
  const subjects = (pos: number, s: Sentence): { list: Mention[]; via: 'name' | 'pronoun' } | null => {
    const pre = text.slice(s.start, pos);
    for (const end of subjectEnds(pre)) {
      let m = at(s.start + end, s.start);
      // "X was invited by Y to visit …": the one who visits is X, the sentence's subject.
      if (m && /\b(?:was|were|been|being|is|are)\s+\p{L}+\s+by\s+$/u.test(text.slice(s.start, m.start)) && /\bto$/u.test(pre.trimEnd())) m = sentenceSubject(s);
      if (m) {
        const list = [m];
        const lead = text.slice(s.start, m.start);
        // "X and Y": always a pair; ", and Y" only when X opens the clause ("Both the North, which …, and Russia"),
        // not when it ends an earlier clause ("… between Moscow and Pyongyang, and the U.S. has …").
        const tight = /(?:^|\s)and\s+(?:the\s+)?$/u.test(lead) && !/,\s*and\s+(?:the\s+)?$/u.test(lead);
        if (tight || /,\s*and\s+(?:the\s+)?$/u.test(lead)) {
          const andAt = lead.search(/,?\s*and\s+(?:the\s+)?$/u);
          const head = lead.slice(0, andAt);
          // The first conjunct may carry an apposition closed by the comma before "and" ("the North, which …, and").
          for (const e of [...subjectEnds(head), ...subjectEnds(`${head},`)]) {
            const partner = at(s.start + e, s.start);
            if (partner && (tight || /^(?:[^,]{0,40},\s+)?(?:[Bb]oth\s+|[Ee]ither\s+)?(?:the\s+)?$/u.test(text.slice(s.start, partner.start)))) {
              list.unshift(partner);
              break;
            }
          }
        }
        return { list, via: 'name' };
      }
      const p = /(?:^|\s)(he|she|it|He|She|It)$/u.exec(pre.slice(0, end));
      if (p) {
        const r = pronoun(p[1]!, s.start + end, s);
        return r ? { list: [r], via: 'pronoun' } : null;
      }
      // A second verb of the same subject: "Lavrov visited Pyongyang on May 31 and met with Kim".
      if (/\band$/u.test(pre.slice(0, end))) {
        const opener = sentenceSubject(s);
        return opener && opener.end <= pos ? { list: [opener], via: 'name' } : null;
      }
    }
    return null;
  };
  /** Actors after `from` in the clause: the first, and any joined to it by "and" or commas. */
  const objectsFrom = (from: number, limit: number): Mention[] => {
    const out: Mention[] = [];
    const inRange = mentions.filter((m) => m.start >= from && m.end <= limit);
    for (const [i, m] of inRange.entries()) {
      // "U.S. President Donald Trump", "North Korea’s Foreign Minister Ri Yong-ho": the person, not the country.
      const next = inRange[i + 1];
      if (typeOf(m.key) === 'country' && next && typeOf(next.key) === 'person' && /^(?:['’]s)?\s+(?:[\p{L}.-]+\s+){1,3}$/u.test(text.slice(m.end, next.start))) continue;
      // Coordination may carry a title: "Kim and Russian President Vladimir Putin"; a comma joins only in a
      // list that goes on ("X, Y and Z"), not before a new clause ("Lavrov, state media KCNA reported").
      if (out.length) {
        const gap = text.slice(out[out.length - 1]!.end, m.start);
        const joined = /^,?\s+and\s+(?:the\s+)?(?:[\p{L}.-]+\s+){0,3}$/u.test(gap) || (/^,\s*(?:the\s+)?$/u.test(gap) && /^\s*(?:,|and\b)/u.test(text.slice(m.end, m.end + 5)));
        if (!joined) break;
      }
      if (!out.length) {
        // Before the first object: a short noun-phrase lead ("the", "his North Korean counterpart,"), not a
        // new conjunct (", and Russia have demanded …").
        const gap = text.slice(from, m.start);
        if (gap.length > 60 || /,\s+and\s/u.test(gap)) break;
      }
      out.push(m);
    }
    return out;
  };
  const clauseStart = (pos: number, s: Sentence) => {
    let start = s.start;
    for (const m of text.slice(s.start, pos).matchAll(CLAUSE_END_ALL)) start = s.start + m.index + m[0].length;
    return start;
  };
  const clauseLimit = (from: number, s: Sentence) => {
    const m = CLAUSE_END.exec(text.slice(from, s.end));
    return m ? from + m.index : s.end;
  };
  const placeAfter = (from: number, limit: number): Mention | undefined => {
    // Built once per lexicon (hundreds of alternatives); lastIndex is set before every exec.
    const re = once(lex, 'events.ts:surfaceFrom', () => new RegExp(lex.surfaceRe.source, 'gu'));
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m || m.index >= limit) return undefined;
    const surface = lex.surfaces.get(m[0])!;
    const country = surface.entry.country ? lex.countryByIso.get(surface.entry.country) : undefined;
    if (!country) return undefined;
    const existing = mentions.find((x) => x.start === m.index) ?? placeMentions.find((x) => x.start === m.index);
    if (existing) return entities.get(existing.key)?.type === 'country' ? existing : undefined;
    if (!entities.has(country.key)) entities.set(country.key, { key: country.key, name: country.name, type: 'country', country: country.country, cameo: country.cameo, roles: new Set() });
    const pm: Mention = { key: country.key, start: m.index, end: m.index + m[0].length, text: m[0], kind: 'metonym' };
    placeMentions.push(pm);
    return pm;
  };
  /** The last place named before `pos` in this or the previous sentence (where a trip without "to X" went). */
  const lastPlace = (pos: number): Mention | undefined => {
    const si = sentences.findIndex((x) => pos >= x.start && pos < x.end);
    const floor = sentences[Math.max(0, si - 1)]?.start ?? 0;
    const re = once(lex, 'events.ts:placePrep', () => new RegExp(`\\b(?:in|to|at)\\s+(?:${lex.surfaceRe.source.replace(/^\(\?<!\[\\p\{L\}\\p\{N\}\]\)/, '')})`, 'gu'));
    let found: Mention | undefined;
    for (const m of text.slice(floor, pos).matchAll(re)) {
      const place = placeAfter(floor + m.index + m[0].indexOf(' ') + 1, pos);
      if (place) found = place;
    }
    return found;
  };

  for (const s of sentences) {
    const st = text.slice(s.start, s.end);
    const times = timeExpressions(st, published);
    const seen = new Set<string>();
    for (const m of st.matchAll(TRIGGER)) {
      const tStart = s.start + m.index;
      const tEnd = tStart + m[0].length;
      if (quoteSpans.some((q) => tStart >= q.start && tStart < q.end)) continue;
      const form = m[0].replace(/\s+/g, ' ');
      const asNoun = NOUNS.get(form);
      const asVerb = VERBS.get(form);
      const lead30 = text.slice(Math.max(s.start, tStart - 30), tStart);
      const p = asNoun && (!asVerb || (NOUN_LEAD.test(lead30) && !/\bto\s+$/u.test(lead30))) ? asNoun : asVerb;
      if (!p) continue;
      // Events that have not happened: "invited Choe to visit Moscow", "the possibility of Putin's visit".
      if (!p.noun && INTENT.test(text.slice(Math.max(s.start, tStart - 60), tStart))) continue;
      // Negated or not yet real: "did not meet", "will meet", "could visit".
      if (!p.noun && /\b(?:not|never|n['’]t|will|would|could|may|might|shall|cannot)\s+(?:\p{Ll}+\s+)?$/u.test(text.slice(Math.max(s.start, tStart - 30), tStart))) continue;
      if (p.noun && HYPOTHETICAL.test(text.slice(Math.max(s.start, tStart - 50), tStart))) continue;
      if (p.requires && !new RegExp(`\\b(?:${alt(p.requires)})\\b`).test(st)) continue;
      // A passive: "X was invited by Y" makes Y the source and X the target; without "by Y" there is no source.
      const passive = !p.noun && PASSIVE.test(text.slice(s.start, tStart));
      const agent = passive ? /^\s+by\s+/u.exec(text.slice(tEnd, s.end)) : null;
      if (passive && !agent) continue;
      const limit = clauseLimit(tEnd, s);
      let sources: Mention[] = [];
      let targets: Mention[] = [];
      let via: 'name' | 'pronoun' | 'noun' = 'name';
      if (p.noun) {
        via = 'noun';
        const after = text.slice(tEnd, s.end);
        const between = /^[^.;]{0,40}?\bbetween\s+/u.exec(after);
        const withX = /^[^.;]{0,30}?\bwith\s+/u.exec(after);
        const byX = /^[^.;]{0,30}?\bby\s+/u.exec(after);
        const toX = /^[^.;]{0,30}?\bto\s+/u.exec(after);
        const head = text.slice(Math.max(s.start, tStart - 40), tStart);
        if (between) {
          const both = objectsFrom(tEnd + between[0].length, s.end);
          sources = both.slice(0, 1);
          targets = both.slice(1, 2);
        } else if (/\btheir\s+(?:[\p{L}-]+\s+){0,2}$/u.test(head)) {
          // "their summit": the two actors joined by "and" before it in the sentence.
          const pairs = mentions.filter((x) => x.start >= s.start && x.end <= tStart);
          for (let i = pairs.length - 1; i > 0; i--) {
            if (/^\s+and\s+(?:the\s+)?$/u.test(text.slice(pairs[i - 1]!.end, pairs[i]!.start))) {
              sources = [pairs[i - 1]!];
              targets = [pairs[i]!];
              break;
            }
          }
        } else {
          const owner = /([\p{L}.’'-]+)['’]s\s+(?:[\p{L}-]+\s+){0,2}$/u.exec(head);
          const ownerMention = owner ? mentions.find((x) => x.end === tStart - head.length + owner.index + owner[1]!.length) : undefined;
          if (byX) sources = objectsFrom(tEnd + byX[0].length, s.end).slice(0, 1);
          else if (ownerMention) sources = [ownerMention];
          else {
            // Otherwise the nearest person named before it in the sentence ("Kim said … at a meeting with …").
            const person = mentions.filter((x) => x.start >= s.start && x.end <= tStart && typeOf(x.key) === 'person').pop();
            sources = person ? [person] : [];
          }
          if (withX) targets = objectsFrom(tEnd + withX[0].length, s.end);
          else if (p.id === 'visit') {
            const to = toX ? tEnd + toX[0].length : -1;
            const t = (toX ? (objectsFrom(to, Math.min(s.end, to + 40))[0] ?? placeAfter(to, s.end)) : undefined) ?? lastPlace(tStart);
            targets = t ? [t] : [];
          }
        }
      } else if (agent) {
        const by = objectsFrom(tEnd + agent[0].length, s.end)[0];
        const subj = subjects(text.slice(s.start, tStart).search(PASSIVE) + s.start, s);
        if (!by || !subj) continue;
        sources = [by];
        targets = subj.list;
      } else {
        const subj = subjects(tStart, s);
        if (!subj) continue;
        via = subj.via;
        sources = subj.list;
        if (p.frame === 'place') {
          const place = placeAfter(tEnd, limit + 40);
          targets = place ? [place] : [];
        } else if (sources.length > 1 && (p.frame === 'symmetric' || p.frame === 'with')) {
          targets = sources.slice(1); // "X and Y met / discussed": the pair is the subject
          sources = sources.slice(0, 1);
        } else if (['to', 'with', 'for', 'on'].includes(p.frame)) {
          const prep = new RegExp(`\\b${p.frame}\\s+`, 'u').exec(text.slice(tEnd, Math.min(s.end, tEnd + 160)));
          targets = prep ? objectsFrom(tEnd + prep.index + prep[0].length, s.end) : p.frame === 'with' ? [] : objectsFrom(tEnd, limit);
        } else {
          targets = objectsFrom(tEnd, limit);
          // No actor named, but a demonym in the object: "condemned an Israeli air strike" targets Israel.
          if (!targets.length) {
            const d = /^\s+(?:the\s+|an?\s+)?(?:[\p{Ll}-]+\s+)?(\p{Lu}[\p{Ll}]+(?:\s\p{Lu}[\p{Ll}]+)?)\s+\p{Ll}/u.exec(text.slice(tEnd, limit));
            const iso = d ? lex.demonyms.get(d[1]!.toLowerCase()) : undefined;
            const country = iso ? lex.countryByIso.get(iso) : undefined;
            if (d && country && d[1]!.toLowerCase() !== country.name.toLowerCase()) {
              if (!entities.has(country.key)) entities.set(country.key, { key: country.key, name: country.name, type: 'country', country: country.country, cameo: country.cameo, roles: new Set() });
              const start = tEnd + d.index + d[0].indexOf(d[1]!);
              const existing = placeMentions.find((x) => x.start === start);
              const pm: Mention = existing ?? { key: country.key, start, end: start + d[1]!.length, text: d[1]!, kind: 'description' };
              if (!existing) placeMentions.push(pm);
              targets = [pm];
            }
          }
        }
      }
      if (!sources.length) continue;
      const military = p.military_cameo && MILITARY.test(text.slice(tEnd, limit)) ? p.military_cameo : p.cameo;
      // The date of the trigger's own clause (nearest first), else the nearest one after it in the sentence.
      const cStart = clauseStart(tStart, s);
      const dist = (t: { start: number }) => Math.abs(s.start + t.start - tStart);
      const inClause = times.filter((t) => s.start + t.start >= cStart && s.start + t.start < limit).sort((a, b) => Number(b.explicit) - Number(a.explicit) || dist(a) - dist(b));
      // A "when" clause shares the time of the clause it hangs on: "made the remarks on Thursday when he met".
      const simultaneous = /\bwhen\s+$/u.test(text.slice(s.start, cStart));
      const time = inClause[0] ?? times.filter((t) => s.start + t.start > tEnd).sort((a, b) => dist(a) - dist(b))[0] ?? (simultaneous ? times.filter((t) => s.start + t.end <= cStart).sort((a, b) => dist(a) - dist(b))[0] : undefined);
      // A location stated right after the trigger's object, in the same clause: "met … in Pyongyang".
      const locFrom = Math.max(tEnd, ...targets.map((t) => t.end));
      const locMatch = /^[^.;]{0,25}?\bin\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/u.exec(text.slice(locFrom, s.end));
      const location = locMatch && lex.surfaces.has(locMatch[1]!) ? locMatch[1]! : null;
      const list: (Mention | null)[] = targets.length ? targets : p.type === 'MOBILIZE' ? [null] : [];
      for (const src of sources) {
        for (const tgt of list) {
          if (tgt && tgt.key === src.key) continue;
          // An actor acting on its own country is not an event between actors ("Kim pledged … for the DPRK").
          if (tgt && typeOf(tgt.key) === 'country' && entities.get(src.key)?.country === entities.get(tgt.key)?.country) continue;
          const key = `${p.type}|${src.key}|${tgt?.key ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const named = [src, tgt].every((x) => !x || x.kind === 'name' || x.kind === 'surname');
          let confidence = via === 'noun' ? 0.6 : via === 'pronoun' ? 0.7 : named ? 0.9 : 0.8;
          if (!tgt) confidence -= 0.2;
          if (!time?.date) confidence -= 0.05;
          events.push({
            type: p.type,
            cameo: military,
            sourceKey: src.key,
            targetKey: tgt?.key ?? null,
            date: time?.date ?? null,
            precision: time?.precision ?? null,
            dateText: time?.text ?? null,
            location,
            start: s.start,
            end: s.end,
            confidence: Math.round(confidence * 100) / 100,
          });
        }
      }
    }
  }
  return { events, placeMentions };
}
