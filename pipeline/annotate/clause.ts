/**
 * Clause structure shared by quotes and events: walking back from a verb over what may stand between it
 * and its subject ("also", "has", "on Thursday", an apposition ", the ministry's spokesperson,", a relative
 * clause ", which handles …,", "in Seoul", "decision to"). Pure.
 */
import language from '../lexicon/language.json' with { type: 'json' };
import { alt } from '../regex.ts';

const ADVERBIAL = new RegExp(String.raw`\s+(?:${alt(language.subject_gap_words)}|\p{Ll}{2,}ly|\p{Ll}{3,}(?:ed|es) to|(?:earlier\s+)?(?:on )?(?:${alt(language.weekdays)})(?: (?:morning|afternoon|evening|night))?)$`, 'u');
// An age counts as an apposition too: "Jim Bennett, 57, told …"; so does a participle with its agent ("Kenya,
// backed by the African Union, said …"), whose agent is not the subject.
// A comparison set off by commas is one too: "X, like most other members, plans …".
const APPOSITION = new RegExp(String.raw`,\s*(?:(?:a|an|the|which|who|whose|at|after|before|during|in|on|${alt(language.comparison_openers)}|[\p{Lu}][\p{L}’'.-]*['’]s)\b[^,]{1,120}|(?:\p{Ll}+ly\s+)?\p{Ll}{2,}(?:ed|en)\s+by\s[^,]{1,80}|\d{1,3}),$`, 'u');
// A place after the subject: "in Seoul", "in the city of Hebron", "from the province of Aceh", maybe after a
// participle that places it ("rebels operating in Darfur", "troops stationed in Germany").
const PLACE = /(?:\s+\p{Ll}{3,}(?:ing|ed))?\s+(?:in|from)\s+(?:the\s+(?:\p{Ll}+\s+)?(?:city|town|village|province|region|district|state|capital|port|camp)\s+of\s+)?\p{Lu}[\p{L}-]+$/u;

/**
 * The text before a verb cut back step by step to where its subject should end: each element is one
 * candidate end (offset into `pre`), nearest first.
 * @example subjectEnds('On Friday, the Unification Ministry in Seoul, which handles affairs, ') // ends after "Ministry in Seoul" and after "Ministry"
 */
export function subjectEnds(pre: string): number[] {
  const ends: number[] = [];
  let cur = pre;
  for (let round = 0; round < 8; round++) {
    // An apposition or relative clause goes first (", which handles …,"); only when there is none does a
    // trailing comma go on its own, as after a name that closes an apposition ("Nato's secretary general,
    // Jens Stoltenberg, said"). An acronym in brackets after a name goes too ("the Joint Chiefs of Staff (JCS)").
    const bare = cur.replace(/\s+$/u, '');
    const noApposition = bare.replace(APPOSITION, '');
    const trimmed = (noApposition !== bare ? noApposition : bare.replace(/([\p{L})]),$/u, '$1')).replace(/\s*\([\p{Lu}.&-]{2,12}\)$/u, '').replace(ADVERBIAL, '').replace(PLACE, '');
    const t = trimmed.replace(/\s+$/u, '');
    if (!ends.includes(t.length)) ends.push(t.length);
    if (t === cur) break;
    cur = t;
  }
  return ends;
}
