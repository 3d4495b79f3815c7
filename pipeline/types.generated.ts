/* Generated from schemas/*.schema.json by `npm run generate:types`. Do not edit. */
/**
 * One row per input file: the cleaned body of a news article with its metadata. Every character offset in the other tables points into `text`.
 */
export interface Article {
  /**
   * Stable id: `art_` and the first 16 hex digits of the SHA-256 of `source_file`. Adding or removing other articles never changes it.
   */
  article_id: string;
  /**
   * File name of the article as it stands in the seeds folder (relative path, `/`-separated).
   */
  source_file: string;
  /**
   * Address the article was published at, from the manifest; null when unknown.
   */
  url: string | null;
  /**
   * Publication that printed the article, from the manifest; null when unknown.
   */
  outlet: string | null;
  /**
   * Headline as printed (never a section name, breadcrumb or site name); null when the file has none.
   */
  title: string | null;
  /**
   * Bylined reporters in the order printed ("By X", a broadcast sign-off, "Reporting by X"). Editors, photo credits and e-mail addresses excluded; empty when there is no byline.
   */
  authors: string[];
  /**
   * Publication date (YYYY-MM-DD): stated in the text when it is, else from the manifest, else null.
   */
  published_date: string | null;
  /**
   * Where `published_date` came from: `text` (a date line in the article), `manifest` (seeds/manifest.json); null when there is no date.
   */
  published_date_source: 'text' | 'manifest' | null;
  /**
   * Place (and agency) that opened the body, e.g. "SEOUL, (Reuters)", moved out of `text`; null when there is none.
   */
  dateline: string | null;
  /**
   * ISO 639-1 code of the body's language: from the manifest, else detected from the text (franc trigram model); null when it cannot be told.
   */
  language: string | null;
  /**
   * Cleaned article body in reading order, paragraphs separated by one blank line; Unicode NFC, LF line endings, no trailing spaces; chrome, headline, byline, dateline and e-mail addresses removed, wording untouched. Null in the public profile (third-party text left out): rebuild it from your own copy and check it against `content_sha256`.
   */
  text: string | null;
  /**
   * Length of `text` in UTF-16 code units, the unit of every `char_start`/`char_end` (JavaScript string indices).
   */
  char_count: number;
  /**
   * Number of words in `text` (runs of letters, digits, apostrophes and inner hyphens).
   */
  word_count: number;
  /**
   * SHA-256 (hex) of `text` encoded as UTF-8, so a user can check a rebuilt body against the release.
   */
  content_sha256: string;
  /**
   * The canonical article this one duplicates (exact or near copy); null for canonical and unique articles. Duplicates are not annotated.
   */
  duplicate_of: string | null;
  /**
   * How the article duplicates `duplicate_of`: `exact` (same body after folding case, white space and quote style), `near` (word 5-shingle Jaccard at or above the threshold), `truncated` (one of the two is a shortened copy of the other: the shorter one's shingles are contained in the longer's and it has at most 90% of them); null when `duplicate_of` is null.
   */
  duplicate_kind: 'exact' | 'near' | 'truncated' | null;
  /**
   * Similarity to the `duplicate_of` article: 1 for `exact`, the word 5-shingle Jaccard for `near`, the containment of this article's shingles in the other's for `truncated` (4 decimals); null when `duplicate_of` is null.
   */
  duplicate_similarity: number | null;
  /**
   * Groups articles that tell the same story (same event in other outlets' words, or copies). An article alone in its story has a story of its own.
   */
  story_id: string;
  /**
   * Whether the article's actor mentions, quotes and events are in the release: `annotated` (a canonical English article, annotated; it may have no mentions at all); `not_annotated` (left out by design: a duplicate, whose original is annotated instead, or an article not in English or of unknown language, since the rules read English only); `failed` (annotating or checking the article raised an error: none of its actor mentions, quotes or events are released, and `run-report.json` gives the code, stage and message). A failed article keeps its row, so `duplicate_of` and every reference to it stay whole.
   */
  annotation_status: 'annotated' | 'not_annotated' | 'failed';
}
/**
 * One row per real-world person, organisation, country or group (people named by role and country) that the articles name, merged across the whole dataset.
 */
export interface Actor {
  /**
   * Stable id: `act_` and 16 hex digits of the SHA-256 of the actor's canonical key (its gazetteer key, or type and normalised name for a discovered actor).
   */
  actor_id: string;
  /**
   * Canonical name: the fullest common form ("Kim Jong-un").
   */
  name: string;
  /**
   * Kind of actor: `person`, `organization` (ministries, agencies, media that speak, parties, companies, universities), `country`, or `group`: people named by role and, where the text gives it, country ("Israeli soldiers", "riot police", "opposition supporters"), with their CAMEO sector in `cameo_actor_code` (`ISRMIL`, `COP`).
   */
  actor_type: 'person' | 'organization' | 'country' | 'group';
  /**
   * Every surface form seen in the texts (sorted), the canonical name included when it was seen.
   */
  aliases: string[];
  /**
   * ISO 3166-1 alpha-3 code of the country the actor belongs to (a country's own code for a country); null when unknown or international.
   */
  country_code: string | null;
  /**
   * CAMEO actor code (country code followed by role codes, e.g. `PRKGOV`) from the gazetteer; null when none is assigned.
   */
  cameo_actor_code: string | null;
  /**
   * Wikidata item id, only where verified by hand in the gazetteer; null otherwise.
   */
  wikidata_id: string | null;
  /**
   * Number of mentions of the actor across all non-duplicate articles.
   */
  mention_count: number;
  /**
   * Articles that mention the actor, sorted.
   */
  article_ids: string[];
}
/**
 * One row per place an article refers to an actor: the evidence behind `actors`, with exact offsets into the article text.
 */
export interface ActorMention {
  /**
   * Stable id: `men_` and 16 hex digits of the SHA-256 of article id and offsets.
   */
  mention_id: string;
  /**
   * Actor referred to.
   */
  actor_id: string;
  /**
   * Article the mention stands in.
   */
  article_id: string;
  /**
   * The words as printed. Equals `articles.text` sliced at `char_start`..`char_end`.
   */
  text: string;
  /**
   * How the text refers to the actor: `name` (a name or alias), `surname` (a bare family name resolved in the article), `description` ("the ministry", "the Russian envoy", "the North"), `metonym` (a capital or "the Kim regime" standing for a country).
   */
  mention_type: 'name' | 'surname' | 'description' | 'metonym';
  /**
   * Offset of the first character of `text` in `articles.text` (UTF-16 code units).
   */
  char_start: number;
  /**
   * Offset just past the last character of `text` in `articles.text` (UTF-16 code units).
   */
  char_end: number;
}
/**
 * One row per direct or indirect quote: the words an article gives to a speaker, with exact offsets into the article text.
 */
export interface Quote {
  /**
   * Stable id: `quo_` and 16 hex digits of the SHA-256 of article id, quote type and offsets.
   */
  quote_id: string;
  /**
   * Article the quote stands in.
   */
  article_id: string;
  /**
   * `direct`: words between quotation marks; `indirect`: the content clause of reported speech.
   */
  quote_type: 'direct' | 'indirect';
  /**
   * The quoted words as printed: what stands between the marks (direct) or the content clause (indirect). Equals `articles.text` sliced at `char_start`..`char_end`. In the public profile a short excerpt: at most the first 100 characters, cut at a word and ending in `…`.
   */
  text: string;
  /**
   * Actor the article gives the words to; null when the speaker could not be resolved.
   */
  speaker_actor_id: string | null;
  /**
   * Every actor the article gives the words to, in the order named: one for a single speaker, several for joint speakers ("Brazil and Argentina said" → Brazil, Argentina); `speaker_actor_id` is the first. Empty when the speaker could not be resolved.
   */
  speaker_actor_ids: string[];
  /**
   * The actor mention the speaker was taken from (the name, surname, description or resolved pronoun's antecedent standing at the cue; for a continued quote, the mention that named the speaker before), so a reader can see who was taken to speak and why; null when the speaker is unresolved or was named by no mention row.
   */
  speaker_mention_id: string | null;
  /**
   * Words naming the speaker at this place ("she", "the ministry", "a ministry official"); null when none.
   */
  speaker_text: string | null;
  /**
   * How the speaker was found: `explicit` (named at the cue), `pronoun` (a resolved pronoun), `description` (a resolved title or description), `continuation` (a quote continuing the previous speaker's); null when unresolved.
   */
  attribution: 'explicit' | 'pronoun' | 'description' | 'continuation' | null;
  /**
   * Actor that relays the speaker's words ("Kim pledged to '…', KCNA said" → KCNA); null when the words are not relayed.
   */
  reported_by_actor_id: string | null;
  /**
   * Speech verb or phrase that introduces the quote as printed ("said", "according to"); null when none.
   */
  cue: string | null;
  /**
   * Offset of the first character of `cue` in `articles.text` (UTF-16 code units); null when there is no cue (a continued quote).
   */
  cue_start: number | null;
  /**
   * Offset just past the last character of `cue` in `articles.text`; null when there is no cue.
   */
  cue_end: number | null;
  /**
   * Offset of the first character of `text` in `articles.text` (UTF-16 code units).
   */
  char_start: number;
  /**
   * Offset just past the last character of `text` in `articles.text` (UTF-16 code units).
   */
  char_end: number;
}
/**
 * One row per real-world event (a source actor doing something to or with a target actor), merged across every article that reports it.
 */
export interface Event {
  /**
   * Stable id: `evt_` and 16 hex digits of the SHA-256 of the merge key (type family, actor pair, date).
   */
  event_id: string;
  /**
   * PLOVER event type.
   */
  event_type:
    | 'AGREE'
    | 'CONSULT'
    | 'SUPPORT'
    | 'CONCEDE'
    | 'COOPERATE'
    | 'AID'
    | 'RETREAT'
    | 'REQUEST'
    | 'ACCUSE'
    | 'REJECT'
    | 'THREATEN'
    | 'PROTEST'
    | 'SANCTION'
    | 'MOBILIZE'
    | 'COERCE'
    | 'ASSAULT';
  /**
   * PLOVER mode of the event (how it was done: `visit`, `arrest`, `riot`, `heavy-weapons` …), implied by its CAMEO code through the PLOVER project's own CAMEO translation (pipeline/lexicon/plover.json `modes`); null when the code implies none.
   */
  plover_mode:
    | 'abduct'
    | 'access'
    | 'arrest'
    | 'assassinate'
    | 'assist'
    | 'ban'
    | 'beat'
    | 'boycott'
    | 'ceasefire'
    | 'change'
    | 'cleansing'
    | 'confiscate'
    | 'curfew'
    | 'demo'
    | 'deport'
    | 'disapprove'
    | 'disarm'
    | 'discontinue'
    | 'ease'
    | 'expel'
    | 'explosives'
    | 'firearms'
    | 'heavy-weapons'
    | 'host'
    | 'hunger'
    | 'investigate'
    | 'martial-law'
    | 'meet'
    | 'obstruct'
    | 'phone'
    | 'police'
    | 'political'
    | 'relations'
    | 'release'
    | 'restrict'
    | 'return'
    | 'riot'
    | 'sexual'
    | 'suicide-attack'
    | 'territory'
    | 'third-party'
    | 'torture'
    | 'troops'
    | 'unconventional'
    | 'violence'
    | 'visit'
    | 'withdraw'
    | 'yield'
    | null;
  /**
   * Nearest CAMEO event code, as a string so leading zeros survive ("040").
   */
  cameo_code: string;
  /**
   * Actor that does the action.
   */
  source_actor_id: string;
  /**
   * Actor the action is done to or with; null when the text names none.
   */
  target_actor_id: string | null;
  /**
   * Date of the event as precisely as the text allows: YYYY-MM-DD, YYYY-MM or YYYY; null when the text gives no anchor.
   */
  event_date: string | null;
  /**
   * Precision of `event_date`; null when `event_date` is null.
   */
  date_precision: 'day' | 'month' | 'year' | null;
  /**
   * The date expression as printed ("on Thursday", "last month"); null when none.
   */
  date_text: string | null;
  /**
   * Place where the event happened, as stated ("Pyongyang"); null when not stated.
   */
  location: string | null;
  /**
   * Every article reporting this event, sorted.
   *
   * @minItems 1
   */
  article_ids: [string, ...string[]];
  /**
   * Number of distinct outlets among `article_ids` (an article with an unknown outlet counts as its own outlet).
   */
  source_count: number;
  /**
   * How the event was found, from 0 to 1: an explicit verb with both actors named scores highest, a resolved pronoun or background mention lower (rule in DATASHEET.md).
   */
  confidence: number;
}
/**
 * The evidence behind `events`: for every article reporting an event, the sentence the event was coded from, with exact offsets into the article text.
 */
export interface EventMention {
  /**
   * Stable id: `evm_` and 16 hex digits of the SHA-256 of event id and article id.
   */
  event_mention_id: string;
  /**
   * Event this sentence reports.
   */
  event_id: string;
  /**
   * Article the sentence stands in.
   */
  article_id: string;
  /**
   * The sentence as printed. Equals `articles.text` sliced at `char_start`..`char_end`. Null in the public profile.
   */
  text: string | null;
  /**
   * Offset of the first character of the sentence in `articles.text` (UTF-16 code units).
   */
  char_start: number;
  /**
   * Offset just past the last character of the sentence in `articles.text` (UTF-16 code units).
   */
  char_end: number;
  /**
   * Offset of the first character of the trigger word (the verb or noun the pattern fired on) in `articles.text`.
   */
  trigger_start: number;
  /**
   * Offset just past the trigger word in `articles.text`.
   */
  trigger_end: number;
  /**
   * Id of the CAMEO pattern that fired (`pipeline/lexicon/cameo/<root>.json`): the code and a slug, e.g. `163.impose_sanction`.
   */
  pattern_id: string;
  /**
   * The actor mention taken as the source in this article (for a pronoun, the mention it was resolved to).
   */
  source_mention_id: string;
  /**
   * The actor mention taken as the target in this article; null when the event has no target.
   */
  target_mention_id: string | null;
}
/** Row type of each table. */
export interface Rows {
  articles: Article;
  actors: Actor;
  actor_mentions: ActorMention;
  quotes: Quote;
  events: Event;
  event_mentions: EventMention;
}
