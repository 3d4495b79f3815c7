/**
 * Reported speech (indirect quotes) of one article: "X said (that) S", "S, X said", "according to X, S",
 * "X told Y (that) S", "X's statement that S", "…, saying that S", "X quoted Y as saying S". The text is the
 * content clause; it ends where the frame begins: a trailing attribution (", officials from both countries
 * said", ", KCNA reported": the channel is `reportedBy` when it is not the speaker) or a trailing setting ("at a
 * meeting with …", "on Thursday"). A subject no mention names ("those surveyed say", "a third source said")
 * keeps its words as `speakerText`, with no actor, when a clause follows. Pure.
 */
import { alt, once } from '../regex.ts';
import type { Attribution, QuoteContext, QuoteDraft, Speaker } from './quote-draft.ts';
import { draft } from './quote-draft.ts';
import { plainSubject } from './speakers.ts';

/** The indirect quotes of the article `c` describes. */
export function reportedSpeech(c: QuoteContext): QuoteDraft[] {
  const { text, sentences, mentions, entities, inQuote, subjectBefore, mentionFrom, lex } = c;
  const L = lex.lang;
  const out: QuoteDraft[] = [];
  const contentCue = once(lex, 'reported.ts:contentCue', () => new RegExp(`\\b(${alt(L.content_cues)})\\b`, 'g'));
  const trailingCue = once(lex, 'reported.ts:trailingCue', () => new RegExp(`^((?:the\\s+)?[^,;“”"]{1,70}?)\\s(?:${alt(L.reporting_cues)})\\b[^,]*$`));
  const settingEnd = once(lex, 'reported.ts:settingEnd', () => new RegExp(`,?\\s+(?:(?:earlier\\s+|late\\s+)?on\\s+(?:${alt(L.weekdays)})|(?:at|during|in|after)\\s+(?:a|an|the|his|her|their|its)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:${alt(L.frame_settings)})\\b[^,;]*)$`, 'u'));
  const participles = L.content_cues.filter((x) => x.endsWith('ing'));
  /** Content opening with a speech participle ("responded Friday, saying …"): the participle's row holds it. */
  const participleStart = once(lex, 'reported.ts:participleStart', () => new RegExp(`^\\s*(?:${alt(participles)})\\b`, 'u'));
  // The writer's own asides end it too: ", an ambitious goal that …", " - something aides argue …", and a second
  // predicate of the speaker (", and reminded the audience …").
  const clauseEnd = once(lex, 'reported.ts:clauseEnd', () => new RegExp(`;|:\\s*[“"]|[.!?](?=\\p{Lu}\\p{Ll})|,[”"]?\\s+(?:${alt(participles)})\\b|,\\s+(?:a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?:that|which)\\b[^,;]*$|\\s[-–—]\\s+(?:something|a point|an idea|a claim|a view)\\b|,\\s+and\\s+(?:also\\s+|then\\s+|later\\s+)?\\p{Ll}{3,}ed\\b`, 'gu'));
  /** "said Monday in an interview with …": where it was said, no content. */
  const onlySetting = once(lex, 'reported.ts:onlySetting', () => new RegExp(`^\\s*(?:in|at|during|on)\\s+(?:a|an|the|his|her|their|its)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:${alt(L.frame_settings)})\\b`, 'u'));
  const speechNoun = once(lex, 'reported.ts:speechNoun', () => new RegExp(`\\b(?:${alt(L.speech_nouns)})s?\\s+that\\s+$`, 'u'));
  const possessiveStatement = once(lex, 'reported.ts:possessive', () => new RegExp(`['’]s?\\s+(?:[\\p{Ll}-]+\\s+)?(?:${alt(L.speech_nouns)})\\s+that\\s+`, 'gu'));
  const bareClause = once(lex, 'reported.ts:bareClause', () => new Set(L.bare_clause_cues));
  const trimEnd = (start: number, end: number) => {
    let e = end;
    while (e > start && /[\s.,;:!?]/.test(text[e - 1]!)) e--;
    return e;
  };
  /** Where a trailing attribution (", KCNA said", ", officials said") starts in [start, end), and who it names. */
  const beforeAttribution = (start: number, end: number): { end: number; by: string | null } => {
    for (const m of text.slice(start, end).matchAll(/,[”"’]?\s+/g)) {
      const pos = start + m.index + m[0].length;
      const t = trailingCue.exec(text.slice(pos, end));
      if (!t || /\b(?:that|which|who|because|if|when|while)\b/.test(t[1]!)) continue;
      const named = mentions.find((x) => x.start >= pos && x.start < pos + 40 && x.end <= pos + t[1]!.length + 1);
      const closing = m[0].startsWith(',”') || m[0].startsWith(',"') || m[0].startsWith(',’');
      return { end: start + m.index + (closing ? 2 : 0), by: named?.key ?? null };
    }
    return { end, by: null };
  };
  /** The content's end: before a trailing attribution and a trailing setting ("at a meeting with …", "on Thursday"). */
  const frameEnd = (start: number, end: number) => {
    const a = beforeAttribution(start, end);
    let e = trimEnd(start, a.end);
    // A clause ends at a semicolon, at a colon opening a direct quote, and at a sentence end the text glued on ("1000.Watch").
    // And at ", saying …": the participle opens a statement of its own.
    for (const m of text.slice(start, e).matchAll(clauseEnd)) {
      // ",” adding …": the comma stands inside the closing mark; the clause keeps the mark.
      const mark = /^,[”"]/.test(m[0]) ? 2 : 0;
      if (!inQuote(start + m.index + m[0].length - 1)) {
        e = mark ? start + m.index + mark : trimEnd(start, start + m.index);
        break;
      }
    }
    const set = settingEnd.exec(text.slice(start, e));
    if (set && set.index > 20) e = trimEnd(start, start + set.index);
    return { end: e, by: a.by };
  };
  /** "at a campaign event last week that …", "on NBC's “Meet the Press” that …": a phrase of place or time before "that". */
  const ppThat = (rest: string) => {
    const m = /^\s*(?:at|on|upon|in|during|to|after|before|with)\b[^.;“”"]{1,80}?\s+that\s+/u.exec(rest);
    // "responded to reports that …": the clause is the reports' content, not the speaker's (-1: no row).
    return !m ? 0 : speechNoun.test(m[0]) ? -1 : m[0].length;
  };
  /** The subject opening the sentence (a mention or a pronoun), for a participle whose main clause has no speech verb. */
  const sentenceSubject = (from: number, to: number): Speaker | null => {
    const pron = /^(?:[^,]{0,60},\s+)?(He|She|It|They)(?:['’]s)?\s+\p{Ll}/u.exec(text.slice(from, to));
    if (pron) return c.pronoun(pron[1]!, from + pron[0].indexOf(pron[1]!, pron[0].length - pron[1]!.length - 5));
    // After an opening clause ("When told …, Bush thought …"), never inside it.
    const m = mentions.find((x) => x.start >= from && x.end <= to && !inQuote(x.start) && /^(?:[^“”"]{0,160},\s+)?(?:[\p{L}’'.-]+\s+){0,3}$/u.test(text.slice(from, x.start)) && !/^(?:When|If|As|After|Before|Because|While|Although|Though|Once|Since|Until|Unless)\b[^,]*$/u.test(text.slice(from, x.start)));
    return m && !/^['’]/u.test(text.slice(m.end, m.end + 1)) ? c.asSpeaker(m, null, null) : null;
  };
  const push = (start: number, end: number, sp: Speaker | null, cue: string, reportedBy: string | null = null) => {
    const f = frameEnd(start, end);
    const clause = text.slice(start, f.end);
    if (clause.split(/\s+/).length < 4) return;
    if (/^[“"]/.test(clause) && /[”"]$/.test(clause) && !/[“”"]/.test(clause.slice(1, -1))) return; // a direct quote
    if (/^‘/.test(clause) && /’$/.test(clause) && !/[‘’](?![\p{L}])/u.test(clause.slice(1, -1))) return;
    if (out.some((q) => q.start === start)) return;
    const by = reportedBy ?? (f.by && entities.get(f.by)?.type !== 'person' ? f.by : null);
    out.push(draft('indirect', start, f.end, sp, by, cue));
    if (sp?.key) c.heard(sp);
  };
  const explicit = (m: (typeof mentions)[number], cue: string, cueAt: number): Speaker => ({ ...c.asSpeaker(m, cue, cueAt), attribution: (m.kind === 'description' ? 'description' : 'explicit') as Attribution });
  // After the cue: the person told (only after "told"), then when and where it was said, then "that".
  const toldObject = /^\s+(?:reporters|journalists|lawmakers|parliament|the\s+[\p{Ll}]+|[\p{Lu}][\p{L}’'-]*(?:\s[\p{Lu}][\p{L}’'-]*)*)(?=\s)/u;
  const setting = once(lex, 'reported.ts:setting', () => new RegExp(`^\\s*(?:(?:(?:on\\s+)?(?:${alt(L.weekdays)})|on\\s+\\p{Lu}\\p{Ll}+|yesterday|today|earlier|later|last\\s+(?:week|month)|in\\s+a\\s+(?:separate\\s+)?(?:statement|commentary|dispatch|report|interview|speech)|(?:at|during)\\s+a\\s+(?:regular\\s+)?(?:news\\s+)?(?:briefing|conference|meeting))\\s+)*(?:that\\s+)?`, 'u'));
  /** The subject stands right after a closing quotation mark: the cue attributes that direct quote. */
  // (Looks back past the sentence start when the quote ends in "?" or "!": it ends a sentence of its own.)
  const attributesDirectQuote = (subjAt: number, from: number) => /[”"’],?\s*(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u.test(text.slice(from, subjAt)) || /[?!…][”"’][^\S\n]*(?:[\p{Ll}-]+\s+){0,2}$/u.test(text.slice(Math.max(0, subjAt - 60), subjAt));
  /** A pronoun subject counts only where a clause starts ("…, it said"), not inside a relative clause ("deals it says …"). */
  const clauseStart = (subj: Speaker, from: number) => subj.attribution !== 'pronoun' || /(?:^|[,;:][”"’]?|[.!?][”"’]?\s|\b(?:and|but|that|which|when|as|where|while))\s*$/u.test(text.slice(from, subj.at));
  /** Content that reads as a clause: "that …", a pronoun or determiner subject, or a verb among its first words. */
  const clauseLike = (content: string) => /^\s*(?:that|if|whether|how|why|what|when)\b/.test(content) || (!/^\s*(?:to|of|for|about|with|by|on|in|at)\b/.test(content) && /^\s*(?:\S+\s+){0,9}?(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|did|does|do|\p{Ll}{3,}ed)\b/u.test(content));

  for (const s of sentences) {
    const st = text.slice(s.start, s.end);
    // X quoted Y as saying/telling reporters (that) …
    const quoted = /\bquoted\s+/.exec(st);
    if (quoted) {
      const y = mentionFrom(s.start + quoted.index + quoted[0].length);
      const x = subjectBefore(s.start + quoted.index, s.start);
      const as = y && /^\s+as\s+(?:saying|telling\s+[\p{Ll}]+)\s+(?:that\s+)?/u.exec(text.slice(y.end, s.end));
      if (y && as) {
        push(y.end + as[0].length, s.end, explicit(y, 'quoted', s.start + quoted.index), 'quoted', x?.key ?? null);
        continue;
      }
    }
    // According to X, …  /  …, according to X.
    const acc = /^(?:[^,]{0,40},\s*)?[Aa]ccording to\s+/.exec(st);
    if (acc) {
      const men = mentionFrom(s.start + acc[0].length);
      const comma = men ? text.indexOf(',', men.end) : -1;
      const cueAt = s.start + acc[0].length - /[Aa]ccording to\s+$/.exec(acc[0])![0].length;
      if (men && comma > 0 && comma < s.end) push(comma + 1 + (/^\s*/.exec(text.slice(comma + 1))?.[0].length ?? 0), s.end, explicit(men, 'according to', cueAt), 'according to');
    }
    const accEnd = /,\s+according to\s+/.exec(st);
    if (accEnd && !inQuote(s.start + accEnd.index)) {
      const men = mentionFrom(s.start + accEnd.index + accEnd[0].length);
      if (men && !/^[“"‘]/.test(st)) push(s.start, s.start + accEnd.index, explicit(men, 'according to', s.start + accEnd.index + accEnd[0].indexOf('according')), 'according to');
    }
    // X's statement that …, the ministry's claim that …
    for (const m of st.matchAll(possessiveStatement)) {
      const at = s.start + m.index;
      const owner = mentions.find((x) => x.end === at && !inQuote(x.start));
      const noun = /(\S+)\s+that\s+$/.exec(m[0])![1]!;
      if (owner) push(at + m[0].length, s.end, explicit(owner, noun, at + m[0].lastIndexOf(noun)), noun);
    }
    contentCue.lastIndex = 0;
    for (let m = contentCue.exec(st); m; m = contentCue.exec(st)) {
      const at = s.start + m.index;
      if (inQuote(at)) continue;
      const cue = m[1]!;
      const rest = text.slice(at + cue.length, s.end);
      const before = text.slice(Math.max(s.start, at - 30), at);
      // A passive ("Sanders was declared the winner") reports no one's words; nor does a noun or infinitive
      // after "to" ("responded to reports that …").
      if (/\b(?:was|were|been|being|be|is|are|get|got|to)\s+(?:\p{Ll}+ly\s+)?$/u.test(before)) continue;
      if (/ing$/.test(cue)) {
        // Participle, only as a clause of its own (", saying …", "while saying …"; not "a memo saying …"): the
        // speaker is the one who spoke in the main clause ("it said, adding …"), else the subject opening the sentence.
        if (!/(?:,[”"’]?|\b(?:while|after|before|by|when|also|then))\s*$/u.test(before)) continue;
        const main = [...out].reverse().find((q) => q.start >= s.start && q.speakerKey);
        const mainCue = once(lex, 'reported.ts:mainCue', () => new RegExp(`\\b(?:${alt(L.speech_cues)})\\b`, 'g'));
        let spoken: Speaker | null = null;
        for (const x of text.slice(s.start, at).matchAll(mainCue)) spoken = subjectBefore(s.start + x.index, s.start) ?? spoken;
        const opening = spoken || main ? null : sentenceSubject(s.start, at);
        // "saying, “…”", "adding: …", "was quoted as saying.", "telling reporters, “…”": punctuation may stand
        // between the cue and its content, and a cue may have no content at all, or a direct quote only.
        const lead = /^[\s,:;]*/u.exec(rest)![0].length;
        const told = cue === 'telling' ? /^[^,.;:“”"]{1,60}?\s+that\s+/u.exec(rest.slice(lead)) : null;
        const pp = ppThat(rest.slice(lead));
        if (pp < 0 || (cue === 'telling' && !told)) continue;
        const clause = told ? lead + told[0].length : /^[\s,:;]*(?:that\s+)?/u.exec(rest)![0].length + pp;
        if (/^[\s.!?]*$|^[“"‘«„]/u.test(rest.slice(clause)) || /^[^“"‘.;]{0,40}[,:]\s*[“"‘]/u.test(rest.slice(clause))) continue;
        const sp = spoken ? { ...spoken, cue, cueAt: at } : opening ? { ...opening, cue, cueAt: at } : null;
        if (sp) push(at + cue.length + clause, s.end, sp, cue);
        continue;
      }
      // …, X said.  (clause before the attribution)
      // "Bush thought for a moment and said …", "She's a supporter but concedes …": the subject opening the sentence.
      const subj = subjectBefore(at, s.start) ?? (/\b(?:and|but)\s+(?:\p{Ll}+ly\s+)?$/u.test(before) ? sentenceSubject(s.start, at) : null);
      const words = subj ? null : plainSubject(text, at, s.start, lex);
      if (subj && (attributesDirectQuote(subj.at, s.start) || !clauseStart(subj, s.start))) continue;
      if (!subj && !words) continue;
      // "The paradox of X, says Y, is …" (an inverted attribution inside a clause), "(…, Gutin says) …": no row.
      if (/^\s*\)/.test(rest) || (/,\s*$/.test(before) && /^\s+(?:the\s+)?\p{Lu}[^,]*,/u.test(rest))) continue;
      const sp: Speaker | null = subj ? { ...subj, cue, cueAt: at } : null;
      const subjAt = subj ? subj.at : at - (/\S[^]*$/u.exec(text.slice(s.start, at).trimEnd())?.[0].length ?? 0);
      if (!subj && attributesDirectQuote(text.lastIndexOf(words!, at), s.start)) continue;
      // "…, X said." closes the clause before it; "X said, “…”" introduces a direct quote instead.
      const tailOnly = (/^\s*(?:on\s+\p{Lu}\p{Ll}+|in\s+a\s+[\p{Ll}\s]+|at\s+a\s+[\p{Ll}\s]+)?\s*[.,]?\s*$/u.test(rest) || /^\s*,/.test(rest)) && !/^\s*[,:]\s*[“"‘]/u.test(rest);
      const commaBefore = text.lastIndexOf(',', subj ? subjAt : text.lastIndexOf(words!, at));
      if (tailOnly) {
        // A comma inside a closing quotation ("… “face annihilation,” it added") ends the clause after the mark.
        const clauseEnd = inQuote(commaBefore) ? commaBefore + 2 : commaBefore;
        // "X said S, the Baltic News Agency reported": the agency relays X's words (X's row names it), no row of its own.
        const relayed = sp && out.some((q) => q.start >= s.start && q.end <= clauseEnd && q.reportedByKey === sp.key);
        if (commaBefore > s.start && !relayed && !/^[\s“"‘]/.test(text.slice(s.start, s.start + 1))) push(s.start, clauseEnd, sp ?? plain(words!, cue, at), cue);
        continue;
      }
      // X said (that) …
      // "told reporters …", "told the council …", "told a crowd in Ohio that …": the person told is no content.
      const told = /^(?:told|tells|tell)$/.test(cue);
      const toldThat = told ? /^\s+[^.;:“”"]{1,60}?,?\s+that\s+/u.exec(rest) : null;
      let skip = toldThat ? toldThat[0].length : told ? (toldObject.exec(rest)?.[0].length ?? -1) : 0;
      if (skip < 0) continue;
      skip += setting.exec(rest.slice(skip))?.[0].length ?? 0;
      const pp = ppThat(rest.slice(skip));
      if (pp < 0) continue;
      skip += pp;
      skip += /^\s*:/.exec(rest.slice(skip))?.[0].length ?? 0; // "He said: “…”"
      const content = rest.slice(skip);
      if (/^\s*(?:,|$)/.test(content) || participleStart.test(content) || (onlySetting.test(content) && !/\bthat\s/.test(content))) continue;
      // After the person told, a clause must start: "told the council the plan was final", not "told the largely female audience of …".
      if (told && !toldThat && !/^\s*(?:that\b|he|she|it|they|we|I|you|there|the|a|an|his|her|their|its|this|these|those|\p{Lu})/u.test(content)) continue;
      // A subject named by no mention, or a verb that also takes a plain object ("announced a plan"): a clause must follow.
      if ((!subj || !bareClause.has(cue)) && !/that\s+$/.test(rest.slice(0, skip)) && !clauseLike(content)) continue;
      push(at + cue.length + skip + (/^\s*/.exec(content)?.[0].length ?? 0), s.end, sp ?? plain(words!, cue, at), cue);
    }
  }
  return out;

  /** A speaker known by its words alone. */
  function plain(words: string, cue: string, cueAt: number): Speaker {
    return { key: '', keys: [], text: words, attribution: 'description', cue, cueAt, at: cueAt - words.length, mention: null };
  }
}
